//! Same bits before and after the preprocessing pipeline (issue 12), on the built-in datasets and
//! the fixture files: the prepared tensors, the rows left out, the warnings, and the
//! prediction-time transform of the whole table are hashed (tests/common/bits.rs). The other
//! settings: tests/prepare_bits_mixed.rs (every missing strategy, scaling and split on a table with
//! gaps, one-hot, dates), tests/prepare_bits_series.rs (windows with gaps, tables too small).
//!
//! Each case gives two hashes, `TENSORS/WARNINGS`: the tensors, rows and names bit for bit, and
//! the warnings and errors as a sorted list (the pipeline reports a new table's unseen
//! categories after its filled cells, where main interleaved them by column).
//!
//! The expected hashes were printed on main at 506c2b7, before the pipeline, by the single file
//! these cases were split from (warnings of semicolon.csv and dup_names.csv since issue 13: the
//! decimal-comma note and the empty test part are said now) (`cargo test --test NAME --
//! --nocapture` prints the current ones). A difference means a tensor, a row or a warning changed.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::bits::{case, check};
use common::datasets::builtin_table;
use kindling::data::read_csv;

fn cases() -> Vec<(String, String)> {
    let mut out = vec![];
    let mut add = |name: &str, hash: String| out.push((name.to_string(), hash));
    let iris = builtin_table("iris");
    add("iris default", case(&iris, "{}", 42, None));
    add(
        "iris minmax random",
        case(
            &iris,
            r#"{"scale":"minmax","split":{"method":"random","validation":0.2,"test":0.2}}"#,
            7,
            None,
        ),
    );
    add(
        "iris two features none",
        case(
            &iris,
            r#"{"features":["petal_length_cm","petal_width_cm"],"scale":"none"}"#,
            3,
            None,
        ),
    );
    let digits = builtin_table("digits");
    add("digits default", case(&digits, "{}", 42, None));
    add(
        "digits none",
        case(&digits, r#"{"scale":"none","missing":"zero"}"#, 1, None),
    );
    let diabetes = builtin_table("diabetes");
    add("diabetes default", case(&diabetes, "{}", 42, None));
    add(
        "diabetes minmax random median",
        case(
            &diabetes,
            r#"{"scale":"minmax","missing":"median","split":{"method":"random","validation":0.1,"test":0.2}}"#,
            5,
            None,
        ),
    );
    let sunspots = builtin_table("sunspots");
    add(
        "sunspots window",
        case(
            &sunspots,
            r#"{"target":"sunactivity","features":[],"scale":"minmax","window":{"lookback":12,"horizon":1},"split":{"method":"chronological","validation":0.1,"test":0.2}}"#,
            3,
            None,
        ),
    );
    add(
        "sunspots window with year, stratified asked",
        case(
            &sunspots,
            r#"{"target":"sunactivity","features":["year"],"window":{"lookback":30,"horizon":3}}"#,
            9,
            None,
        ),
    );
    add(
        "sunspots regression chronological",
        case(
            &sunspots,
            r#"{"target":"sunactivity","split":{"method":"chronological","validation":0.1,"test":0.2}}"#,
            2,
            None,
        ),
    );
    for file in [
        "types.csv",
        "stray_text.csv",
        "semicolon.csv",
        "quoted.csv",
        "dup_names.csv",
    ] {
        let bytes = std::fs::read(format!("tests/fixtures/data/{file}")).unwrap();
        let t = read_csv(file, &bytes).unwrap();
        for (label, data) in [
            ("default", "{}"),
            (
                "regression chronological",
                r#"{"task":"regression","split":{"method":"chronological","validation":0.2,"test":0.2}}"#,
            ),
            (
                "drop minmax",
                r#"{"missing":"drop","scale":"minmax","split":{"method":"random","validation":0.2,"test":0.2}}"#,
            ),
            ("most_frequent", r#"{"missing":"most_frequent"}"#),
        ] {
            add(&format!("{file} {label}"), case(&t, data, 4, None));
        }
    }
    out
}

/// (case, hash) as main printed them at 506c2b7 (one a line, as printed).
#[rustfmt::skip]
const EXPECTED: &[(&str, &str)] = &[
    ("iris default", "7c8f9a1ab5c962fd/a8c7f832281a39c5"),
    ("iris minmax random", "4c1b58a5abf19319/a8c7f832281a39c5"),
    ("iris two features none", "4de89ae7916d2df1/a8c7f832281a39c5"),
    ("digits default", "0e4f244e660b4312/a8c7f832281a39c5"),
    ("digits none", "f5148451b283bccd/a8c7f832281a39c5"),
    ("diabetes default", "6fde45c757d26fd1/a8c7f832281a39c5"),
    ("diabetes minmax random median", "c4852dbaaa6ebe2e/a8c7f832281a39c5"),
    ("sunspots window", "e346105281fd2c29/a8c7f832281a39c5"),
    ("sunspots window with year, stratified asked", "54f101fca7bdfed7/7348afb818a0634a"),
    ("sunspots regression chronological", "c0253162e04ecf3a/a8c7f832281a39c5"),
    ("types.csv default", "e672bc46e428f2d2/ca8b01ecd9df3873"),
    ("types.csv regression chronological", "1c8b3b3f3d1391fd/ca8b01ecd9df3873"),
    ("types.csv drop minmax", "d947e09bfc9af3c6/71ad53561d9393bd"),
    ("types.csv most_frequent", "9b2064b0ac6e3359/ca8b01ecd9df3873"),
    ("stray_text.csv default", "9ffe58221d61c0e2/92f15502ea8db005"),
    ("stray_text.csv regression chronological", "0fdfab84ee52e45e/92f15502ea8db005"),
    ("stray_text.csv drop minmax", "a89a9a69fb403788/8e3e93bc51b051c3"),
    ("stray_text.csv most_frequent", "692ffea32c3fd896/92f15502ea8db005"),
    ("semicolon.csv default", "84e3744634a42037/5ecc5546b0a3c064"),
    ("semicolon.csv regression chronological", "error semicolon.csv: the target \"label\" is not numeric, so it cannot be a regression target; set data.task to \"classification\""),
    ("semicolon.csv drop minmax", "b68c71134c8bb235/b2032298df0d5999"),
    ("semicolon.csv most_frequent", "65e98da37424a0d3/5ecc5546b0a3c064"),
    ("quoted.csv default", "2b1ebdc59555c86d/f398d47d0a871801"),
    ("quoted.csv regression chronological", "1068783a633b49b4/0ee4084549edb9ff"),
    ("quoted.csv drop minmax", "454f4b10c4c57ab8/0ee4084549edb9ff"),
    ("quoted.csv most_frequent", "2b1ebdc59555c86d/f398d47d0a871801"),
    ("dup_names.csv default", "efd6b2e0b0a7be33/73d87a1c05e07853"),
    ("dup_names.csv regression chronological", "efd6b2e0b0a7be33/73d87a1c05e07853"),
    ("dup_names.csv drop minmax", "7b5b283378508c8a/73d87a1c05e07853"),
    ("dup_names.csv most_frequent", "efd6b2e0b0a7be33/73d87a1c05e07853"),
];

#[test]
fn builtin_and_fixture_tables_prepare_bit_identically_to_mains() {
    check(&cases(), EXPECTED);
}
