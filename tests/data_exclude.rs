//! `data.exclude` (issue 13): every column but the target, the dates and these. It resolves to the
//! same features (and the same training, bit for bit) as the list it stands for; giving it with
//! `data.features`, or naming a column the file lacks, is an error naming the key; an experiment
//! without it reads and writes exactly as before.
#![cfg(not(target_arch = "wasm32"))]

use kindling::data::{plan::Plan, read_csv};
use kindling::experiment::Experiment;
use kindling::io::{Model, ModelFile};
use kindling::train::Session;

mod common;
use common::kindling;

const IRIS: &[u8] = include_bytes!("../www/data/iris.csv");

fn trained(exp: &str) -> Session {
    let table = read_csv("iris.csv", IRIS).unwrap();
    let mut s = Session::new(Experiment::from_json(exp).unwrap(), &table).unwrap();
    while !s.is_done() {
        s.step(usize::MAX).unwrap();
    }
    s
}

fn features(csv: &str, exp: &str) -> kindling::error::Result<Vec<String>> {
    let table = read_csv("t.csv", csv.as_bytes()).unwrap();
    Plan::new(&table, &Experiment::from_json(exp)?.data).map(|p| p.features)
}

const DATED: &str = "a,b,when,c,y\n1,2,2024-01-01,x,5\n2,3,2024-01-02,z,6\n3,4,2024-01-03,x,7\n";

#[test]
fn exclude_leaves_out_its_columns_the_target_and_the_dates() {
    let got = |exp| features(DATED, exp).unwrap();
    assert_eq!(got(r#"{"data":{"exclude":["b"]}}"#), ["a", "c"]);
    assert_eq!(got(r#"{"data":{"exclude":[]}}"#), ["a", "b", "c"]);
    assert_eq!(got(r#"{"data":{"exclude":null}}"#), ["a", "b", "c"]);
    // Naming the target (or a date) changes nothing: they are left out anyway.
    assert_eq!(got(r#"{"data":{"exclude":["y","when","a"]}}"#), ["b", "c"]);
    let err = features(DATED, r#"{"data":{"exclude":["a","b","c"]}}"#).unwrap_err();
    assert_eq!(err.to_string(), "t.csv: there are no feature columns: a model needs at least one input column besides the target (or a data.window for a time series)");
}

#[test]
fn exclude_with_a_window_keeps_the_other_numeric_columns() {
    let series = "when,v,w,u\n2024-01-01,1,5,9\n2024-01-02,2,6,8\n2024-01-03,3,7,7\n";
    let exp = |exclude: &str| {
        format!(r#"{{"data":{{"target":"v","exclude":{exclude},"window":{{"lookback":1}}}}}}"#)
    };
    assert_eq!(features(series, &exp(r#"["u"]"#)).unwrap(), ["v", "w"]);
    assert_eq!(features(series, &exp("[]")).unwrap(), ["v", "w", "u"]);
    // Without exclude a series stays the target alone.
    let alone = r#"{"data":{"target":"v","window":{"lookback":1}}}"#;
    assert_eq!(features(series, alone).unwrap(), ["v"]);
}

#[test]
fn unknown_names_and_both_keys_are_refused_naming_the_key() {
    let err = features(DATED, r#"{"data":{"exclude":["b","bb"]}}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "experiment: data.exclude: there is no column \"bb\"; the columns are a, b, when, c, y"
    );
    // data.features names a missing column the same way, after the file's name.
    let err = features(DATED, r#"{"data":{"features":["bb"]}}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "t.csv: there is no column \"bb\"; the columns are a, b, when, c, y"
    );
    let err = Experiment::from_json(r#"{"data":{"features":["a"],"exclude":["b"]}}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "experiment: data.exclude: give data.features or data.exclude, not both"
    );
    let err = Experiment::from_json(r#"{"data":{"exclude":"b"}}"#).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "experiment: data.exclude: invalid type: string \"b\", expected a sequence"
        ),
        "{err}"
    );
}

#[test]
fn an_experiment_without_exclude_reads_and_writes_as_before() {
    let old =
        r#"{"data":{"source":"builtin:iris","target":"species","features":["petal_length_cm"]}}"#;
    let e = Experiment::from_json(old).unwrap();
    assert_eq!(e.data.exclude, None);
    let json = e.to_json();
    assert!(!json.contains("exclude"), "{json}");
    let data = |e: &Experiment| {
        let v: serde_json::Value = serde_json::from_str(&e.to_json()).unwrap();
        v["data"].clone()
    };
    assert_eq!(data(&e)["features"], serde_json::json!(["petal_length_cm"]));
    let with = Experiment::from_json(r#"{"data":{"exclude":["sepal_width_cm"]}}"#).unwrap();
    assert_eq!(
        data(&with)["exclude"],
        serde_json::json!(["sepal_width_cm"])
    );
    assert_eq!(data(&with)["features"], serde_json::Value::Null);
    assert_eq!(
        Experiment::from_json(&with.to_json()).unwrap(),
        with,
        "round trip"
    );
}

#[test]
fn exclude_trains_bit_identically_to_the_features_it_stands_for_and_the_file_keeps_both() {
    let fit = r#""target":"species"},"fit":{"epochs":5}}"#;
    let mut by_exclude = trained(&format!(r#"{{"data":{{"exclude":["sepal_width_cm"],{fit}"#));
    let listed = r#"["sepal_length_cm","petal_length_cm","petal_width_cm"]"#;
    let mut by_features = trained(&format!(r#"{{"data":{{"features":{listed},{fit}"#));
    let a = ModelFile::from_session(&mut by_exclude);
    let b = ModelFile::from_session(&mut by_features);
    // The experiment as given; the fitted preprocessing with the resolved list.
    assert_eq!(
        a.experiment.data.exclude,
        Some(vec!["sepal_width_cm".into()])
    );
    assert_eq!(a.experiment.data.features, None);
    assert_eq!(a.preprocessing.features, b.preprocessing.features);
    assert_eq!(a.preprocessing.features.len(), 3);
    let bits = |f: &ModelFile| {
        let t = f
            .weights
            .tensors
            .iter()
            .flat_map(|t| t.data.iter().map(|v| v.to_bits()));
        t.collect::<Vec<u32>>()
    };
    assert_eq!(bits(&a), bits(&b), "the same weights, bit for bit");
    // Read back, the file predicts from the resolved list (a CSV without the excluded column).
    let mut model = Model::from_json("m.json", &a.to_json()).unwrap();
    assert_eq!(
        model.file.experiment.data.exclude,
        a.experiment.data.exclude
    );
    let csv = "sepal_length_cm,petal_length_cm,petal_width_cm\n5.1,1.4,0.2\n6.7,5.2,2.3\n";
    let p = model
        .predict(&read_csv("p.csv", csv.as_bytes()).unwrap())
        .unwrap();
    let mut same = Model::from_json("m.json", &b.to_json()).unwrap();
    let q = same
        .predict(&read_csv("p.csv", csv.as_bytes()).unwrap())
        .unwrap();
    assert_eq!(p.labels, q.labels);
    assert_eq!(p.labels.unwrap().len(), 2);
}

#[test]
fn the_cli_trains_and_searches_with_exclude_and_names_a_bad_name() {
    let write = |name: &str, text: &str| common::write("exclude", name, text);
    let exp = write(
        "iris.json",
        r#"{"data":{"target":"species","exclude":["sepal_width_cm"]},"fit":{"epochs":3}}"#,
    );
    let out = common::path("exclude", "model.json");
    let (code, _, stderr) = kindling(&["train", &exp, "--out", &out]);
    assert_eq!(code, 0, "{stderr}");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(
        file["experiment"]["data"]["exclude"],
        serde_json::json!(["sepal_width_cm"])
    );
    let listed = ["sepal_length_cm", "petal_length_cm", "petal_width_cm"];
    assert_eq!(file["preprocessing"]["features"], serde_json::json!(listed));
    let (code, stdout, stderr) = kindling(&["search", &exp, "--trials", "2"]);
    assert_eq!(code, 0, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let best = &out["best_experiment"]["data"];
    assert_eq!(best["exclude"], serde_json::json!(["sepal_width_cm"]));
    let bad = write(
        "bad.json",
        r#"{"data":{"target":"species","exclude":["sepal_widht_cm"]}}"#,
    );
    let (code, _, stderr) = kindling(&["train", &bad]);
    assert_eq!(code, 2);
    assert_eq!(stderr, "error: experiment: data.exclude: there is no column \"sepal_widht_cm\"; the columns are sepal_length_cm, sepal_width_cm, petal_length_cm, petal_width_cm, species\n");
}
