//! The CLI (Contract 3): exit codes, `error: …` lines, and the JSON it prints.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::kindling;

fn write(name: &str, text: &str) -> String {
    common::write("cli", name, text)
}

#[test]
fn train_prints_history_and_test_metrics() {
    let exp = write(
        "iris.json",
        r#"{"data":{"source":"builtin:iris","target":"species"},"fit":{"epochs":30}}"#,
    );
    let (code, stdout, stderr) = kindling(&["train", &exp, "--seed", "3"]);
    assert_eq!(code, 0, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let history = out["history"].as_array().unwrap();
    assert_eq!(history.len(), 30);
    assert!(history[29]["loss"].as_f64() < history[0]["loss"].as_f64());
    assert!(out["test"]["accuracy"].as_f64().unwrap() >= 0.8);
    assert!(stderr.contains("epoch 30"), "progress goes to stderr");
}

#[test]
fn train_with_data_file_and_regression_reports_rmse() {
    let csv = write(
        "line.csv",
        &(0..100)
            .map(|i| format!("{},{}\n", i, 3 * i + 1))
            .fold("x,y\n".to_string(), |a, l| a + &l),
    );
    let exp = write(
        "line.json",
        r#"{"data":{"source":"file:line.csv","split":{"method":"random"}},"model":{"layers":[{"type":"dense","units":1}]},"fit":{"epochs":200}}"#,
    );
    let (code, stdout, stderr) = kindling(&["train", &exp, "--data", &csv]);
    assert_eq!(code, 0, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let rmse = out["test"]["rmse"].as_f64().unwrap();
    assert!(
        rmse < 3.0,
        "a line is learnt: rmse {rmse} on a target spanning 1..298"
    );
}

#[test]
fn bad_input_exits_2_with_one_error_line() {
    let exp = write("bad.json", r#"{"fit":{"epochs":10,"batchsize":4}}"#);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["train", &exp], "fit.batchsize"),
        (vec!["train", "/nonexistent.json"], "/nonexistent.json"),
        (vec!["inspect", "/nonexistent.csv"], "/nonexistent.csv"),
        (vec!["frobnicate"], "unknown command"),
        (vec![], "no command"),
    ];
    for (args, needle) in cases {
        let (code, stdout, stderr) = kindling(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty());
        assert!(
            stderr.starts_with("error: ") && stderr.contains(needle),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn inspect_summarises_columns() {
    let csv = write("mixed.csv", "a,b\n1,x\nNA,y\n3,x\n");
    let (code, stdout, _) = kindling(&["inspect", &csv]);
    assert_eq!(code, 0);
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(out["rows"], 3);
    assert_eq!(out["columns"][0]["missing"], 1);
    assert_eq!(out["columns"][1]["kind"], "categorical");
}

#[test]
fn train_reports_rows_dropped_while_preparing() {
    let csv = write(
        "gaps.csv",
        &(0..40)
            .map(|i| {
                if i % 10 == 3 {
                    format!("NA,{i}\n")
                } else {
                    format!("{i},{}\n", 2 * i)
                }
            })
            .fold("x,y\n".to_string(), |a, l| a + &l),
    );
    let exp = write(
        "gaps.json",
        r#"{"data":{"missing":"drop","split":{"method":"random"}},"model":{"layers":[{"type":"dense","units":1}]},"fit":{"epochs":2}}"#,
    );
    let (code, _, stderr) = kindling(&["train", &exp, "--data", &csv]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: 4 rows (lines 5, 15, 25, 35) dropped"),
        "{stderr}"
    );
}

#[test]
fn bench_takes_a_seed_and_names_a_bad_one() {
    let run = |seed: &str| {
        let (code, stdout, stderr) = kindling(&["bench", "W2", "--seed", seed]);
        assert_eq!(code, 0, "{stderr}");
        assert!(stderr.contains(&format!("seed {seed}")), "{stderr}");
        let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(out["seed"].as_u64(), seed.parse().ok());
        out["metric"].as_f64().unwrap()
    };
    let (a, b) = (run("2"), run("42"));
    assert_ne!(
        a, b,
        "another seed, other initial weights, another test RMSE"
    );
    assert_eq!(run("2"), a, "the same seed, the same RMSE");
    let (code, _, stderr) = kindling(&["bench", "W2", "--seed", "-1"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--seed needs a whole number"), "{stderr}");
    let (code, _, stderr) = kindling(&["bench", "W2", "--sed", "1"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--seed N"), "{stderr}");
}
