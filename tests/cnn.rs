//! The small CNN on 8×8 digits end to end (examples/digits_cnn.json: reshape → conv2d → max_pool2d
//! → flatten → dense softmax): it learns, its experiment and model file round-trip, and the CLI
//! trains it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kindling::data::{builtin, read_csv};
use kindling::experiment::{Experiment, LayerConfig, Padding};
use kindling::io::{Model, ModelFile};
use kindling::nn::{conv2d::Conv2dConfig, pool::MaxPool2dConfig};
use kindling::train::Session;

const EXPERIMENT: &str = include_str!("../examples/digits_cnn.json");

fn trained() -> Session {
    let table = read_csv("digits.csv", builtin::bytes("digits").unwrap()).unwrap();
    let mut s = Session::new(Experiment::from_json(EXPERIMENT).unwrap(), &table).unwrap();
    while !s.is_done() {
        s.step(usize::MAX).unwrap();
    }
    s
}

#[test]
fn the_example_experiment_parses_with_keras_defaults_and_round_trips() {
    let e = Experiment::from_json(EXPERIMENT).unwrap();
    assert_eq!(
        e.model.layers[1],
        LayerConfig::Conv2d(Conv2dConfig {
            filters: 8,
            kernel_size: 3,
            strides: 1,
            padding: Padding::Valid,
            activation: kindling::experiment::Activation::Relu,
            use_bias: true,
            kernel_regularizer: None,
        })
    );
    assert_eq!(
        e.model.layers[2],
        LayerConfig::MaxPool2d(MaxPool2dConfig {
            pool_size: 2,
            strides: None
        })
    );
    assert_eq!(Experiment::from_json(&e.to_json()).unwrap(), e);
}

#[test]
fn the_digits_cnn_reaches_95_percent_and_its_model_file_predicts_bit_identically() {
    let mut s = trained();
    let test = s.evaluate();
    let accuracy = test.accuracy.unwrap();
    assert!(accuracy >= 0.95, "test accuracy {accuracy}");
    let history = s.history();
    assert!(history.last().unwrap().loss < history[0].loss / 5.0);

    let text = ModelFile::from_session(&mut s).to_json();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let shapes: Vec<_> = file["weights"]["tensors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["shape"].clone())
        .collect();
    assert_eq!(
        serde_json::Value::from(shapes),
        serde_json::json!([[3, 3, 1, 8], [8], [72, 10], [10]]),
        "Keras's get_weights() shapes"
    );
    let direct = s.predict(&s.data.x_test.clone());
    let table = read_csv("digits.csv", builtin::bytes("digits").unwrap()).unwrap();
    let mut model = Model::from_json("digits_cnn.json", &text).unwrap();
    let all = model.predict(&table).unwrap();
    let bits = |r: &[f32]| r.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    let loaded: Vec<Vec<u32>> = all.values.iter().map(|r| bits(r)).collect();
    for row in direct.rows() {
        let row = bits(row.as_slice().unwrap());
        assert!(
            loaded.contains(&row),
            "a test prediction reappears bit for bit"
        );
    }
    assert_eq!(
        model.card()["layers"][2]["output_shape"],
        serde_json::json!([3, 3, 8])
    );
}

#[test]
fn kindling_train_runs_the_cnn_and_writes_a_model_that_predicts() {
    let model = common::path("cnn", "digits_cnn_model.json");
    let args = [
        "train",
        "examples/digits_cnn.json",
        "--epochs",
        "2",
        "--out",
        &model,
    ];
    let (code, stdout, stderr) = common::kindling(&args);
    assert_eq!(code, 0, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(out["history"].as_array().unwrap().len(), 2);
    assert!(out["test"]["accuracy"].as_f64().unwrap() > 0.8, "{out}");
    let (code, csv, stderr) = common::kindling(&["predict", &model, "www/data/digits.csv"]);
    assert_eq!(code, 0, "{stderr}");
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("p0,p1,"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 1797, "a prediction per row");
    let right = rows.iter().filter(|r| r[64] == r[65]).count();
    assert!(
        right > 1797 * 8 / 10,
        "label = predicted_label in {right} rows"
    );
}
