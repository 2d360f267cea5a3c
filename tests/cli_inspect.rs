//! `kindling inspect` (Contract 3): the JSON it prints and its exit codes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

fn inspect(args: &[&str]) -> (i32, String, String) {
    common::kindling(&[&["inspect"], args].concat())
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn inspect_prints_kinds_statistics_counts_and_warnings() {
    let (code, stdout, stderr) = inspect(&[&fixture("types.csv")]);
    assert_eq!(code, 0, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (
            out["rows"].as_u64(),
            out["columns"].as_array().unwrap().len()
        ),
        (Some(25), 6)
    );
    let num = &out["columns"][0];
    assert_eq!(
        (
            num["name"].as_str(),
            num["kind"].as_str(),
            num["missing"].as_u64()
        ),
        (Some("num"), Some("numeric"), Some(0))
    );
    assert_eq!(
        (
            num["min"].as_f64(),
            num["max"].as_f64(),
            num["mean"].as_f64(),
            num["distinct"].as_u64()
        ),
        (Some(0.0), Some(24.0), Some(12.0), Some(25))
    );
    let text = &out["columns"][1];
    assert_eq!(
        (text["kind"].as_str(), text["distinct"].as_u64()),
        (Some("categorical"), Some(2))
    );
    assert_eq!(
        (
            text["values"][0]["value"].as_str(),
            text["values"][0]["count"].as_u64()
        ),
        (Some("red"), Some(16))
    );
    assert_eq!(out["columns"][2]["kind"], "boolean");
    assert_eq!(out["columns"][3]["kind"], "date");
    assert_eq!(out["columns"][4]["missing"], 5);
    let w = &out["warnings"][0];
    assert_eq!(
        (w["line"].as_u64(), w["column"].as_str()),
        (Some(6), Some("inf"))
    );
}

#[test]
fn inspect_exit_codes() {
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["ragged_many.csv"],
            2,
            "line 3: 2 fields where the header has 3",
        ),
        (&["ragged_many.csv", "--skip-bad-rows"], 0, ""),
        (&["zip.csv"], 2, "ZIP archive"),
        (&["latin1.csv"], 2, "not UTF-8"),
        (&["empty.csv"], 2, "the file is empty"),
        (&["header_only.csv"], 2, "no data rows"),
        (&["unterminated.csv"], 2, "line 3: a quoted field"),
        (&["bom.csv", "--frobnicate"], 2, "unknown option"),
        (&["bom.csv", "tab.csv"], 2, "one CSV file"),
        (&["no_such.csv"], 2, "cannot read the file"),
    ];
    for (args, want, needle) in cases {
        let paths: Vec<String> = args
            .iter()
            .map(|a| {
                if a.starts_with("--") {
                    a.to_string()
                } else {
                    fixture(a)
                }
            })
            .collect();
        let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
        let (code, stdout, stderr) = inspect(&refs);
        assert_eq!(code, *want, "{args:?}: {stderr}");
        if *want == 2 {
            assert!(
                stdout.is_empty() && stderr.starts_with("error: ") && stderr.contains(needle),
                "{args:?}: {stderr}"
            );
            assert!(
                stderr.contains(args[0]) || needle.contains("option") || needle.contains("one CSV"),
                "names the file: {stderr}"
            );
        } else {
            let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(out["rows"], 3);
            assert!(out["warnings"][0]["message"]
                .as_str()
                .unwrap()
                .contains("3 rows skipped"));
        }
    }
}
