//! Tests of src/optimize/space.rs (kept beside it so that file stays one idea).

use super::*;
use crate::experiment::{LayerConfig, OptimizerConfig};
use crate::nn::dropout::DropoutConfig;

fn settings(pairs: &[(Knob, Value)]) -> Settings {
    pairs.iter().cloned().collect()
}

fn kinds(e: &Experiment) -> Vec<String> {
    e.model
        .layers
        .iter()
        .map(|l| match l {
            LayerConfig::Dense(d) => format!("dense{}", d.units),
            LayerConfig::Dropout(d) => format!("dropout{}", d.rate),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn optimizer_then_learning_rate() {
    let base = Experiment::default();
    let s = settings(&[
        (Knob::LearningRate, json!(0.003)),
        (Knob::Optimizer, json!("sgd")),
    ]);
    let e = apply(&base, &s).unwrap();
    assert_eq!(
        e.compile.optimizer,
        OptimizerConfig::Sgd {
            learning_rate: 0.003,
            momentum: 0.0,
            nesterov: false
        }
    );
    // Changing only the optimizer keeps the learning rate.
    let e = apply(&base, &settings(&[(Knob::Optimizer, json!("rmsprop"))])).unwrap();
    assert_eq!(e.compile.optimizer.learning_rate(), 0.01);
}

#[test]
fn layers_units_and_dropout_reshape_the_hidden_blocks() {
    let mut base = Experiment::default();
    base.model
        .layers
        .insert(1, LayerConfig::Dropout(DropoutConfig { rate: 0.1 }));
    let three = apply(
        &base,
        &settings(&[(Knob::Layers, json!(3)), (Knob::Units, json!(64))]),
    )
    .unwrap();
    assert_eq!(
        kinds(&three),
        [
            "dense64",
            "dropout0.1",
            "dense64",
            "dropout0.1",
            "dense64",
            "dropout0.1",
            "dense3"
        ]
    );
    let none = apply(&base, &settings(&[(Knob::Layers, json!(0))])).unwrap();
    assert_eq!(kinds(&none), ["dense3"]);
    let plain = Experiment::default();
    let two = apply(
        &plain,
        &settings(&[(Knob::Layers, json!(2)), (Knob::Dropout, json!(0.3))]),
    )
    .unwrap();
    assert_eq!(
        kinds(&two),
        ["dense16", "dropout0.3", "dense16", "dropout0.3", "dense3"]
    );
    let off = apply(&base, &settings(&[(Knob::Dropout, json!(0.0))])).unwrap();
    assert_eq!(kinds(&off), ["dense16", "dense3"]);
}

#[test]
fn layer_knobs_leave_a_cnn_feature_extractor_alone() {
    let mut base = Experiment::default();
    base.model.layers = serde_json::from_value(json!([
        {"type": "reshape", "target_shape": [2, 2, 1]},
        {"type": "conv2d", "filters": 4, "kernel_size": 2, "padding": "same"},
        {"type": "max_pool2d", "pool_size": 2},
        {"type": "flatten"},
        {"type": "dense", "units": 3, "activation": "softmax"}
    ]))
    .unwrap();
    let names = |e: &Experiment| -> Vec<String> {
        let v = serde_json::to_value(&e.model.layers).unwrap();
        let name = |l: &Value| format!("{}{}", l["type"].as_str().unwrap(), l["units"]);
        v.as_array().unwrap().iter().map(name).collect()
    };
    let cnn = ["reshapenull", "conv2dnull", "max_pool2dnull", "flattennull"];
    let s = settings(&[
        (Knob::Layers, json!(2)),
        (Knob::Units, json!(32)),
        (Knob::Dropout, json!(0.2)),
    ]);
    let grown = apply(&base, &s).unwrap();
    let mut want = cnn.to_vec();
    want.extend(["dense32", "dropoutnull", "dense32", "dropoutnull", "dense3"]);
    assert_eq!(names(&grown), want);
    assert_eq!(
        grown.model.layers[1], base.model.layers[1],
        "filters untouched"
    );
    let none = apply(&grown, &settings(&[(Knob::Layers, json!(0))])).unwrap();
    assert_eq!(none.model.layers, base.model.layers);
}

#[test]
fn batch_size_and_epochs() {
    let s = settings(&[(Knob::BatchSize, json!(8)), (Knob::Epochs, json!(7))]);
    let e = apply(&Experiment::default(), &s).unwrap();
    assert_eq!((e.fit.batch_size, e.fit.epochs), (8, 7));
}

#[test]
fn bad_values_name_the_knob_or_the_key() {
    let base = Experiment::default();
    let err = apply(&base, &settings(&[(Knob::Units, json!("many"))])).unwrap_err();
    assert!(err.to_string().contains("search.vary.units"), "{err}");
    let err = apply(&base, &settings(&[(Knob::Units, json!(100_000))])).unwrap_err();
    assert!(err.to_string().contains("model.layers[0].units"), "{err}");
    let err = apply(&base, &settings(&[(Knob::Optimizer, json!("lbfgs"))])).unwrap_err();
    assert!(err.to_string().contains("compile.optimizer"), "{err}");
}

#[test]
fn momentum_l2_and_early_stopping() {
    let s = settings(&[
        (Knob::Optimizer, json!("sgd")),
        (Knob::Momentum, json!(0.9)),
        (Knob::L2, json!(0.001)),
        (Knob::EarlyStopping, json!(7)),
    ]);
    let e = apply(&Experiment::default(), &s).unwrap();
    assert_eq!(
        e.compile.optimizer,
        OptimizerConfig::Sgd {
            learning_rate: 0.01,
            momentum: 0.9,
            nesterov: false
        }
    );
    let l2s: Vec<Value> = serde_json::to_value(&e.model.layers)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kernel_regularizer"]["l2"].clone())
        .collect();
    assert_eq!(l2s, [json!(0.001f32), json!(0.001f32)]);
    let es = e.fit.early_stopping.clone().unwrap();
    assert_eq!(
        (es.monitor.as_str(), es.patience, es.restore_best_weights),
        ("val_loss", 7, true)
    );
    // Momentum leaves Adam alone; 0 patience turns early stopping off; l2 0 adds nothing.
    let off = settings(&[
        (Knob::Momentum, json!(0.9)),
        (Knob::EarlyStopping, json!(0)),
        (Knob::L2, json!(0.0)),
    ]);
    let plain = apply(&e, &settings(&[(Knob::Optimizer, json!("adam"))])).unwrap();
    let back = apply(&plain, &off).unwrap();
    assert_eq!(back.compile.optimizer, plain.compile.optimizer);
    assert_eq!(back.fit.early_stopping, None);
    let none = apply(&Experiment::default(), &settings(&[(Knob::L2, json!(0.0))])).unwrap();
    assert_eq!(none, Experiment::default());
}

#[test]
fn integer_knobs_round() {
    assert_eq!(Knob::Units.value(23.6), json!(24));
    assert_eq!(Knob::LearningRate.value(0.5), json!(0.5));
    assert_eq!(Knob::BatchSize.name(), "batch_size");
}
