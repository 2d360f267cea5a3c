//! Table-driven tests of the CSV reader over the fixtures in tests/fixtures/data/: each case
//! asserts rows × columns and the column kinds, or the error and the line it names.
#![cfg(not(target_arch = "wasm32"))]

use kindling::data::{read_csv, read_csv_with, ColumnData, Table};
use kindling::experiment::BadRows;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/data/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn read(name: &str) -> kindling::error::Result<Table> {
    read_csv(name, &fixture(name))
}

fn kinds(t: &Table) -> Vec<&'static str> {
    t.columns.iter().map(|c| c.data.kind()).collect()
}

#[test]
fn files_that_read() {
    let cases: &[(&str, usize, &[&str], &[&str])] = &[
        // file, rows, column names, kinds
        (
            "bom.csv",
            2,
            &["a", "b", "y"],
            &["numeric", "numeric", "categorical"],
        ),
        (
            "semicolon.csv",
            3,
            &["height", "weight", "label"],
            &["numeric", "numeric", "categorical"],
        ),
        ("tab.csv", 2, &["a", "b", "c"], &["numeric"; 3]),
        ("pipe.csv", 3, &["a", "b"], &["numeric", "categorical"]),
        (
            "quoted.csv",
            3,
            &["name", "comment", "score"],
            &["categorical", "categorical", "numeric"],
        ),
        ("crlf.csv", 2, &["a", "b"], &["numeric"; 2]),
        ("cr.csv", 3, &["a", "b"], &["numeric"; 2]),
        ("trailing_blank.csv", 2, &["a", "b"], &["numeric"; 2]),
        (
            "no_header.csv",
            3,
            &["column_1", "column_2", "column_3"],
            &["numeric"; 3],
        ),
        (
            "dup_names.csv",
            2,
            &["a", "column_2", "a_2", "b"],
            &["numeric"; 4],
        ),
        ("one_column.csv", 3, &["value"], &["numeric"]),
        (
            "types.csv",
            25,
            &["num", "text", "flag", "when", "gappy", "inf"],
            &[
                "numeric",
                "categorical",
                "boolean",
                "date",
                "numeric",
                "numeric",
            ],
        ),
    ];
    for (file, rows, names, kind) in cases {
        let t = read(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let got: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!((t.rows, got.as_slice()), (*rows, *names), "{file}");
        assert_eq!(kinds(&t), *kind, "{file}");
    }
}

#[test]
fn cell_values_survive_quotes_commas_and_decimal_commas() {
    let t = read("quoted.csv").unwrap();
    let ColumnData::Categorical(v) = &t.columns[1].data else {
        panic!()
    };
    assert_eq!(
        v,
        &[
            Some("said \"hi\"".into()),
            Some("two\nlines".into()),
            Some("a,b,c".into())
        ]
    );
    assert_eq!(t.columns[0].data.text(0).unwrap(), "Smith, J");
    assert_eq!(
        t.lines,
        vec![2, 3, 5],
        "a quoted newline moves the next row's line"
    );
    let t = read("semicolon.csv").unwrap();
    assert_eq!(t.columns[0].data, ColumnData::Numeric(vec![1.5, 1.8, 1.7]));
    assert!(t.columns[1].data.is_missing(2));
    let t = read_csv("s.csv", b" a , b \n 1 ,  x \n").unwrap();
    assert_eq!(
        (t.columns[0].name.as_str(), t.columns[1].name.as_str()),
        ("a", "b")
    );
    assert_eq!(t.columns[0].data, ColumnData::Numeric(vec![1.0]));
    assert_eq!(t.columns[1].data.text(0).as_deref(), Some("x"));
    let t = read("cr.csv").unwrap();
    assert_eq!(t.columns[1].data, ColumnData::Numeric(vec![2.0, 4.0, 6.0]));
}

#[test]
fn warnings_name_the_line_and_column() {
    let cases: &[(&str, Option<usize>, Option<&str>, &str)] = &[
        ("no_header.csv", Some(1), None, "named column_1"),
        ("dup_names.csv", Some(1), None, "column 2 has no name"),
        (
            "types.csv",
            Some(6),
            Some("inf"),
            "2 cells are not finite numbers (line 6 \"inf\", line 8 \"1e309\")",
        ),
        (
            "stray_text.csv",
            Some(9),
            Some("x"),
            "1 cells are not numbers in a numeric column (line 9 \"oops\")",
        ),
    ];
    for (file, line, column, text) in cases {
        let t = read(file).unwrap();
        let w = t
            .warnings
            .iter()
            .find(|w| w.message.contains(text))
            .unwrap_or_else(|| panic!("{file}: no warning {text:?} in {:?}", t.warnings));
        assert_eq!((w.line, w.column.as_deref()), (*line, *column), "{file}");
    }
    let ColumnData::Numeric(v) = &read("types.csv").unwrap().columns[5].data else {
        panic!()
    };
    assert!(v[4].is_nan() && v[6].is_nan() && v.iter().filter(|x| x.is_nan()).count() == 2);
}

#[test]
fn files_that_stop_with_what_where_and_what_to_do() {
    let cases: &[(&str, &[&str])] = &[
        ("empty.csv", &["empty.csv: the file is empty"]),
        ("blank.csv", &["the file is empty"]),
        ("header_only.csv", &["header but no data rows", "add rows"]),
        ("zip.csv", &["ZIP archive", "save it as CSV"]),
        ("utf16.csv", &["UTF-16", "re-save"]),
        ("nul.csv", &["byte 6 is a NUL byte", "binary"]),
        (
            "latin1.csv",
            &[
                "line 3 (byte 25)",
                "not UTF-8 (byte 0xE9)",
                "re-save the file as \"CSV UTF-8\"",
            ],
        ),
        (
            "unterminated.csv",
            &["line 3: a quoted field opens here", "closing quote"],
        ),
        (
            "ragged_many.csv",
            &[
                "line 3: 2 fields where the header has 3",
                "3 such rows, on lines 3, 5, 6",
                "data.on_bad_rows: \"skip\"",
            ],
        ),
    ];
    for (file, needles) in cases {
        let err = read(file).expect_err(file).to_string();
        for n in *needles {
            assert!(err.contains(n), "{file}: {err:?} lacks {n:?}");
        }
    }
}

#[test]
fn ragged_rows_can_be_skipped_with_a_warning() {
    let t = read_csv_with(
        "ragged_many.csv",
        &fixture("ragged_many.csv"),
        BadRows::Skip,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((t.rows, t.columns.len()), (3, 3));
    assert_eq!(t.columns[0].data, ColumnData::Numeric(vec![1.0, 6.0, 14.0]));
    assert_eq!(t.lines, vec![2, 4, 7]);
    assert!(
        t.warnings[0].message.contains("3 rows skipped"),
        "{:?}",
        t.warnings
    );
}

#[test]
fn progress_reaches_the_total() {
    let text: String = (0..20_000)
        .map(|i| format!("{i},{}\n", i % 7))
        .fold("a,b\n".into(), |a, l| a + &l);
    let mut calls = vec![];
    let t = read_csv_with("big.csv", text.as_bytes(), BadRows::Error, &mut |d, n| {
        calls.push((d, n))
    })
    .unwrap();
    assert_eq!(t.rows, 20_000);
    assert!(calls.len() >= 3, "{calls:?}");
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(*calls.last().unwrap(), (text.len(), text.len()));
}
