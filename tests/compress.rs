//! Int8 quantisation and magnitude pruning of trained model files (src/compress/): accuracy kept,
//! the file format (Contract 2's `quantization` extension) and hostile quantised files refused.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::datasets::builtin_table;
use common::int8::{accuracy, dequantised, refused};
use kindling::compress;
use kindling::data::Table;
use kindling::experiment::Experiment;
use kindling::io::{Model, ModelFile};
use kindling::train::Session;
use serde_json::Value;

/// A model file trained from `experiment` on built-in `data`.
fn trained(experiment: &str, data: &str) -> (ModelFile, Table) {
    let table = builtin_table(data);
    let mut s = Session::new(Experiment::from_json(experiment).unwrap(), &table).unwrap();
    while !s.is_done() {
        s.step(usize::MAX).unwrap();
    }
    (ModelFile::from_session(&mut s), table)
}

const IRIS: &str = r#"{"seed":42,"data":{"source":"builtin:iris"},"model":{"layers":[
    {"type":"dense","units":16,"activation":"relu"},{"type":"dense","units":3,"activation":"softmax"}]},
    "compile":{"optimizer":{"type":"adam","learning_rate":0.01}},"fit":{"epochs":60,"batch_size":32}}"#;

const DIGITS_CNN: &str = include_str!("../examples/digits_cnn.json");

/// Which of the file's tensors are int8.
fn int8_tensors(file: &ModelFile) -> Vec<bool> {
    file.weights
        .tensors
        .iter()
        .map(|t| t.int8.is_some())
        .collect()
}

#[test]
fn int8_iris_and_digits_cnn_lose_at_most_one_point_of_test_accuracy() {
    for (exp, data, want) in [
        (IRIS, "iris", (1.0, 1.0)),
        (DIGITS_CNN, "digits", (0.98885, 0.98885)),
    ] {
        let (file, table) = trained(exp, data);
        let small = compress::quantize("m", &file).unwrap();
        let (before, after) = (accuracy(&file, &table), accuracy(&small, &table));
        eprintln!("{data}: f32 {before}, int8 {after}");
        assert!(
            (before - want.0).abs() < 1e-4 && (after - want.1).abs() < 1e-4,
            "{data}: {before} → {after}"
        );
        assert!(before - after <= 0.01);
        // Every kernel int8, every bias f32.
        assert_eq!(int8_tensors(&small), [true, false, true, false], "{data}");
    }
}

#[test]
fn a_quantised_file_round_trips_and_predicts_as_its_dequantised_weights() {
    let (file, table) = trained(IRIS, "iris");
    let small = compress::quantize("m", &file).unwrap();
    let text = small.to_json();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["quantization"],
        serde_json::json!({"weights": "int8", "activations": "float32"})
    );
    let kernel = &v["weights"]["tensors"][0];
    assert_eq!(kernel["shape"], serde_json::json!([4, 16]));
    assert_eq!(
        kernel["int8"].as_str().unwrap().len(),
        88,
        "64 bytes as base64"
    );
    assert_eq!(kernel["scales"].as_array().unwrap().len(), 16);
    assert!(kernel.get("data").is_none());
    let back = ModelFile::from_json("m", &text).unwrap();
    assert_eq!(back, small);
    // The int8 layers against an f32 network holding the dequantised weights.
    let mut int8 = Model::from_file("m", back).unwrap();
    let mut f32_model = dequantised(&small);
    let (a, b) = (
        int8.predict(&table).unwrap(),
        f32_model.predict(&table).unwrap(),
    );
    for (x, y) in a.values.iter().flatten().zip(b.values.iter().flatten()) {
        assert!((x - y).abs() < 1e-5, "{x} vs {y}");
    }
    assert!(compress::quantize("m", &small)
        .unwrap_err()
        .to_string()
        .contains("already quantised"));
}

/// The quantised iris file's JSON with `edit` applied, read back: the error.
fn hostile(edit: impl Fn(&mut Value)) -> String {
    refused(&trained(IRIS, "iris").0, edit)
}

#[test]
fn hostile_quantised_files_are_refused_with_the_place_and_the_reason() {
    assert_eq!(hostile(|v| v["weights"]["tensors"][0]["scales"][3] = 0.into()),
        "bad.json: Layer 1 (dense): weights.tensors[0].scales[3] is 0; scales are positive (max |w| / 127, or 1 for a channel of zeros)");
    assert!(
        hostile(|v| v["weights"]["tensors"][0]["scales"][1] = Value::Null)
            .starts_with("bad.json: weights.tensors[0].scales[1]: invalid type: null")
    );
    assert_eq!(hostile(|v| v["weights"]["tensors"][0]["scales"][2] = serde_json::json!(1e39f64)),
        "bad.json: Layer 1 (dense): weights.tensors[0].scales[2] is inf, not a finite number; the file is damaged, download the model again");
    assert_eq!(hostile(|v| v["weights"]["tensors"][0]["scales"].as_array_mut().unwrap().truncate(15)),
        "bad.json: Layer 1 (dense): weights.tensors[0].scales has 15 values but axis 1 of shape [4, 16] has 16; one scale per output channel");
    // 60 bytes for a [4, 16] kernel.
    assert_eq!(hostile(|v| v["weights"]["tensors"][0]["int8"] = "AAAA".repeat(20).into()),
        "bad.json: Layer 1 (dense): weights.tensors[0] has shape [4, 16] but 60 values; the file is damaged or truncated");
    assert_eq!(hostile(|v| v["weights"]["tensors"][0]["int8"] = "AA!A".into()),
        "bad.json: Layer 1 (dense): weights.tensors[0].int8 has '!' at character 2, which is not base64; the file is damaged or was edited");
    assert_eq!(
        hostile(|v| {
            v["weights"]["tensors"][0]["data"] = serde_json::json!([1.0]);
        }),
        "bad.json: Layer 1 (dense): weights.tensors[0] has both \"data\" and \"int8\"; a tensor holds one of them"
    );
    assert_eq!(hostile(|v| { v["weights"]["tensors"][0].as_object_mut().unwrap().remove("scales"); }),
        "bad.json: Layer 1 (dense): weights.tensors[0]: an int8 tensor needs both \"int8\" and \"scales\"; the file is damaged or was edited");
    assert_eq!(hostile(|v| { v.as_object_mut().unwrap().remove("quantization"); }),
        "bad.json: Layer 1 (dense): weights.tensors[0] is int8 but the file has no \"quantization\" block; only the kernels of dense, conv2d, lstm and gru layers and embedding tables of a file with a \"quantization\" block are");
    // A bias stored int8.
    assert_eq!(hostile(|v| v["weights"]["tensors"][1] = serde_json::json!({"shape": [16], "int8": "AAAAAAAAAAAAAAAAAAAAAA==", "scales": vec![1.0; 16]})),
        "bad.json: Layer 1 (dense): weights.tensors[1] is int8 but it is tensor 1 of its layer; only the kernels of dense, conv2d, lstm and gru layers and embedding tables of a file with a \"quantization\" block are");
    assert_eq!(
        hostile(|v| v["quantization"]["weights"] = "int4".into()),
        "bad.json: quantization.weights is \"int4\"; this build reads \"int8\" only"
    );
    assert!(hostile(|v| v["quantization"]["bits"] = 8.into()).contains("unknown field `bits`"));
}

#[test]
fn old_files_without_the_block_still_load_and_predict_the_same() {
    let (file, table) = trained(IRIS, "iris");
    let text = file.to_json();
    assert!(!text.contains("quantization") && !text.contains("int8"));
    let mut a = Model::from_json("m", &text).unwrap();
    let mut b = Model::from_file("m", file).unwrap();
    assert_eq!(
        a.predict(&table).unwrap().values,
        b.predict(&table).unwrap().values
    );
}

#[test]
fn pruning_zeroes_the_smallest_weights_of_each_kernel_and_fine_tuning_keeps_them_zero() {
    let (file, table) = trained(IRIS, "iris");
    let pruned = compress::prune("m", &file, &table, 0.8, 30).unwrap();
    assert_eq!(pruned.history.len(), 30);
    let zeros: Vec<usize> = pruned
        .file
        .weights
        .tensors
        .iter()
        .map(|t| t.data.iter().filter(|v| **v == 0.0).count())
        .collect();
    // floor(0.8 · 64) = 51 of the [4, 16] kernel, floor(0.8 · 48) = 38 of the [16, 3] one; biases kept.
    assert_eq!(zeros[0], 51);
    assert_eq!(zeros[2], 38);
    let kept = |i: usize| {
        file.weights.tensors[i]
            .data
            .iter()
            .map(|v| v.abs())
            .collect::<Vec<_>>()
    };
    // The zeros are where the smallest |w| were.
    let mut order: Vec<usize> = (0..64).collect();
    let w = kept(0);
    order.sort_by(|&a, &b| w[a].total_cmp(&w[b]));
    for &i in &order[..51] {
        assert_eq!(pruned.file.weights.tensors[0].data[i], 0.0, "entry {i}");
    }
    let model = Model::from_file("m", pruned.file.clone()).unwrap();
    assert!((compress::prune::sparsity(&pruned.file, model.network()) - 89.0 / 112.0).abs() < 1e-6);
    let acc = accuracy(&pruned.file, &table);
    eprintln!("iris pruned 80%: {acc} (was {})", accuracy(&file, &table));
    assert!(acc >= 0.9, "{acc}");
    // The original experiment and history stay; the test metrics are the pruned model's.
    assert_eq!(pruned.file.experiment, file.experiment);
    assert_eq!(pruned.file.metrics.history, file.metrics.history);
    assert_eq!(pruned.file.metrics.test["accuracy"], serde_json::json!(acc));
    let err = compress::prune("m", &file, &table, 1.0, 5)
        .err()
        .unwrap()
        .to_string();
    assert_eq!(err, "m: sparsity 1 is out of range; use a fraction from 0 to 0.99 (0.8 zeroes 80% of each kernel)");
}

#[test]
fn the_cli_quantizes_and_prunes_and_prints_the_trade_off() {
    let (file, _) = trained(IRIS, "iris");
    let model = common::write("compress", "iris.json", &file.to_json());
    let small = common::path("compress", "iris.int8.json");
    let (code, out, err) = common::kindling(&["quantize", &model, "--out", &small]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    for side in ["before", "after"] {
        for key in ["bytes", "gzip_bytes", "predict_ms", "predict_rows"] {
            assert!(v[side][key].as_f64().unwrap() > 0.0, "{side}.{key}: {out}");
        }
        assert_eq!(v[side]["test"]["rows"], 30);
    }
    let bytes = std::fs::read(&small).unwrap().len();
    assert_eq!(v["after"]["bytes"].as_u64().unwrap() as usize, bytes);
    assert!(
        ModelFile::from_json("s", &std::fs::read_to_string(&small).unwrap())
            .unwrap()
            .quantization
            .is_some()
    );
    let pruned = common::path("compress", "iris.pruned.json");
    let args = [
        "prune",
        &model,
        "--sparsity",
        "0.5",
        "--epochs",
        "2",
        "--out",
        &pruned,
    ];
    let (code, out, err) = common::kindling(&args);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["fine_tune"].as_array().unwrap().len(), 2);
    let (code, _, err) = common::kindling(&["prune", &model, "--out", &pruned]);
    let first = err.lines().next().unwrap_or("");
    assert_eq!(
        (code, first),
        (2, "error: prune needs --sparsity S (a fraction, e.g. 0.8)")
    );
}

/// Sunspots windows through `layers` (a recurrent model), a few epochs.
fn sunspots(layers: &str) -> String {
    format!(
        r#"{{"seed":3,"data":{{"source":"builtin:sunspots","target":"sunactivity","features":[],
        "scale":"minmax","window":{{"lookback":12,"horizon":1}},
        "split":{{"method":"chronological","validation":0.1,"test":0.2}}}},
        "model":{{"layers":{layers}}},"compile":{{"loss":"mse","optimizer":{{"type":"adam","learning_rate":0.01}}}},
        "fit":{{"epochs":8,"batch_size":32}}}}"#
    )
}

#[test]
fn int8_lstm_and_gru_models_predict_with_int8_kernels_close_to_f32() {
    let gru_lstm = r#"[{"type":"gru","units":8,"return_sequences":true},{"type":"lstm","units":8},{"type":"dense","units":1}]"#;
    let (file, table) = trained(&sunspots(gru_lstm), "sunspots");
    let small = compress::quantize("m", &file).unwrap();
    // Kernel and recurrent kernel int8 for both recurrent layers; biases and the rest f32.
    let kinds = int8_tensors(&small);
    assert_eq!(kinds, [true, true, false, true, true, false, true, false]);
    let text = small.to_json();
    let mut int8 = Model::from_json("m", &text).unwrap();
    // The recurrent layers run int8 (nothing to train: no parameters), as the dense one does.
    for layer in int8.network_mut().layers_mut() {
        assert!(layer.params().is_empty(), "{} is not int8", layer.kind());
    }
    // Against the f32 network holding the dequantised weights: the same up to summation order.
    let mut dequantised = dequantised(&small);
    let mut original = Model::from_file("m", file.clone()).unwrap();
    let a = int8.predict(&table).unwrap().values;
    let b = dequantised.predict(&table).unwrap().values;
    let c = original.predict(&table).unwrap().values;
    let (mut worst, mut sum) = (0.0f32, 0.0f32);
    for ((x, y), z) in a
        .iter()
        .flatten()
        .zip(b.iter().flatten())
        .zip(c.iter().flatten())
    {
        assert!((x - y).abs() < 1e-3, "{x} vs {y}");
        worst = worst.max((x - z).abs());
        sum += (x - z).abs();
    }
    // Sunspot numbers 0…190: int8 moves a prediction by under 1 (0.5% of the range).
    eprintln!(
        "int8 vs f32 sunspots: worst {worst}, mean {}",
        sum / a.len() as f32
    );
    assert!(worst < 1.0, "{worst}");
    let (before, after) = (
        file.metrics.test["rmse"].as_f64().unwrap(),
        evaluate_rmse(&small, &table),
    );
    eprintln!("rmse f32 {before} int8 {after}");
    assert!((after - before).abs() < 0.01 * before, "{before} → {after}");
}

fn evaluate_rmse(file: &ModelFile, table: &Table) -> f64 {
    let data = compress::prepared(file, table).unwrap();
    let mut model = Model::from_file("m", file.clone()).unwrap();
    f64::from(compress::evaluate(&mut model, &data).rmse.unwrap())
}
