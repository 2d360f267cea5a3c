//! `kindling explain`: permutation importance and integrated gradients of a model file as JSON.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::datasets::builtin_table;
use kindling::experiment::Experiment;
use kindling::io::ModelFile;
use kindling::train::Session;
use serde_json::Value;

#[test]
fn explain_prints_importance_and_attributions_that_add_up() {
    let table = builtin_table("iris");
    let exp = Experiment::from_json(r#"{"seed":42,"data":{"source":"builtin:iris"},"model":{"layers":[
        {"type":"dense","units":16,"activation":"relu"},{"type":"dense","units":3,"activation":"softmax"}]},
        "compile":{"optimizer":{"type":"adam","learning_rate":0.01}},"fit":{"epochs":60,"batch_size":32}}"#).unwrap();
    let mut s = Session::new(exp, &table).unwrap();
    while !s.is_done() {
        s.step(usize::MAX).unwrap();
    }
    let model = common::write(
        "explain",
        "iris.json",
        &ModelFile::from_session(&mut s).to_json(),
    );
    let data = "www/data/iris.csv";
    let (code, out, err) =
        common::kindling(&["explain", &model, data, "--row", "70", "--steps", "200"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let imp = &v["importance"];
    assert_eq!(
        (
            imp["metric"].as_str(),
            imp["rows"].as_u64(),
            imp["repeats"].as_u64()
        ),
        (Some("loss"), Some(30), Some(5))
    );
    let names: Vec<&str> = imp["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "sepal_length_cm",
            "sepal_width_cm",
            "petal_length_cm",
            "petal_width_cm"
        ]
    );
    let e = &v["explanation"];
    assert_eq!(
        (e["row"].as_u64(), e["shape"].clone()),
        (Some(70), serde_json::json!([4]))
    );
    let sum: f64 = e["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_f64().unwrap())
        .sum();
    let change = e["value"].as_f64().unwrap() - e["baseline_value"].as_f64().unwrap();
    assert!(
        (sum - change).abs() <= 0.01 * change.abs(),
        "{sum} vs {change}"
    );
    let (code, _, err) = common::kindling(&["explain", &model, data, "--row", "150"]);
    assert_eq!(code, 2);
    assert_eq!(err.trim(), "error: www/data/iris.csv: row 150 cannot be explained: the table has 150 usable rows (0-based, header excluded); choose another row");
}
