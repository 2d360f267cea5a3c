//! `kindling search`: progress on stderr, the search and the final model's test metrics as JSON
//! on stdout, the same output for the same seed, exit 2 with a named key on bad input.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::kindling;

fn write(name: &str, text: &str) -> String {
    common::write("search-cli", name, text)
}

#[test]
fn search_prints_trials_best_settings_and_test_metrics() {
    let exp = write("iris.json", r#"{"fit":{"epochs":40}}"#);
    let (code, stdout, stderr) = kindling(&["search", &exp, "--trials", "3", "--seed", "7"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("baseline val_loss") && stderr.contains("trial 3/3 val_loss"),
        "{stderr}"
    );
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let trials = out["trials"].as_array().unwrap();
    assert_eq!(trials.len(), 3);
    assert_eq!(out["planned"], 3);
    assert_eq!(out["search"]["seed"], 7);
    let best = out["best"].as_u64().unwrap() as usize;
    let best_score = trials[best]["score"].as_f64().unwrap();
    assert!(trials
        .iter()
        .all(|t| t["score"].as_f64().unwrap() >= best_score));
    assert_eq!(out["best_settings"], trials[best]["settings"]);
    assert!(trials[0]["settings"]["learning_rate"].is_number());
    let lr = out["best_experiment"]["compile"]["optimizer"]["learning_rate"]
        .as_f64()
        .unwrap();
    let want = trials[best]["settings"]["learning_rate"].as_f64().unwrap();
    assert!((lr / want - 1.0).abs() < 1e-6, "{lr} vs {want}");
    // 30 test rows of iris (0.2 of 150), reported once, for the retrained best model.
    assert_eq!(out["test"]["rows"], 30);
    assert!(out["test"]["accuracy"].as_f64().unwrap() > 0.5);
    assert!(out["diagnosis"]["verdict"].is_string());
    let (_, again, _) = kindling(&["search", &exp, "--trials", "3", "--seed", "7"]);
    assert_eq!(stdout, again, "same seed, same output");
}

#[test]
fn grid_search_from_a_space_file_with_k_folds() {
    let exp = write("iris-grid.json", r#"{"fit":{"epochs":15}}"#);
    let space = write(
        "space.json",
        r#"{"strategy":"grid","vary":{"units":{"choice":[4,8]},"learning_rate":{"log_uniform":[0.001,0.1]}}}"#,
    );
    let (code, stdout, stderr) = kindling(&[
        "search", &exp, "--space", &space, "--kfold", "3", "--trials", "100",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    // 2 unit counts × 3 learning rates, each scored on 3 folds.
    assert_eq!(out["planned"], 6);
    let trials = out["trials"].as_array().unwrap();
    assert!(trials
        .iter()
        .all(|t| t["folds"].as_array().unwrap().len() == 3));
}

#[test]
fn bad_input_exits_2_naming_the_key() {
    let exp = write("iris-bad.json", r#"{"fit":{"epochs":5}}"#);
    let space = write("bad-space.json", r#"{"vary":{"unitz":{"choice":[4]}}}"#);
    for (args, needle) in [
        (vec!["search", &exp, "--space", &space], "unitz"),
        (vec!["search", &exp, "--kfold", "1"], "validation.k"),
        (vec!["search", &exp, "--trials", "0"], "search.trials"),
        (vec!["search", &exp, "--strategy", "bayes"], "--strategy"),
        (vec!["search", &exp, "--budget", "3"], "unknown option"),
        (vec!["search"], "experiment file"),
    ] {
        let (code, stdout, stderr) = kindling(&args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stdout.is_empty());
        assert!(
            stderr.starts_with("error: ") && stderr.contains(needle),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn more_folds_than_rows_names_the_fold_count_not_the_split() {
    let csv = write(
        "line12.csv",
        &(0..12).fold("x,y\n".to_string(), |a, i| {
            a + &format!("{i},{}\n", 2 * i + 1)
        }),
    );
    let exp = write(
        "line12.json",
        r#"{"data":{"source":"file:line12.csv","target":"y","task":"regression"},"model":{"layers":[{"type":"dense","units":1}]},"fit":{"epochs":2}}"#,
    );
    let (code, stdout, stderr) = kindling(&["search", &exp, "--data", &csv, "--kfold", "20"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("error: experiment: search.validation.k: 20 folds need at least 20 development rows, and the data has ")
            && stderr.ends_with("use at most 10 folds\n"),
        "{stderr}"
    );
}
