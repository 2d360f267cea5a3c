//! Int8 embeddings (issue 16): `compress::quantize` of the sentiment embedding model stores its
//! table int8 with one scale per row, predicts with it within a point of test accuracy, and
//! hostile int8 tables are refused naming the layer and the key.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::datasets::builtin_table;
use common::int8::{accuracy, dequantised, refused};
use kindling::compress;
use kindling::data::Table;
use kindling::experiment::Experiment;
use kindling::io::{Model, ModelFile};
use kindling::train::Session;
use serde_json::{json, Value};

const SENTIMENT: &str = include_str!("../examples/sentiment_embedding.json");

/// `examples/sentiment_embedding.json` trained, as `kindling train` makes it.
fn trained() -> (ModelFile, Table) {
    let table = builtin_table("sentiment");
    let mut s = Session::new(Experiment::from_json(SENTIMENT).unwrap(), &table).unwrap();
    while !s.is_done() {
        s.step(usize::MAX).unwrap();
    }
    (ModelFile::from_session(&mut s), table)
}

#[test]
fn the_sentiment_model_predicts_with_its_int8_table_within_a_point() {
    let (file, table) = trained();
    let small = compress::quantize("m", &file).unwrap();
    let v: Value = serde_json::from_str(&small.to_json()).unwrap();
    let t = &v["weights"]["tensors"];
    // The table [2000, 16] int8 with one scale per row; the dense kernel per output channel.
    assert_eq!(
        (&t[0]["shape"], &t[0]["scale_axis"]),
        (&json!([2000, 16]), &json!(0))
    );
    assert_eq!(t[0]["scales"].as_array().unwrap().len(), 2000);
    assert_eq!(
        (t[1]["int8"].is_string(), t[1].get("scale_axis")),
        (true, None)
    );
    assert!(t[2]["data"].is_array(), "the bias stays f32");
    let mut int8 = Model::from_json("m", &small.to_json()).unwrap();
    for layer in int8.network_mut().layers_mut() {
        assert!(layer.params().is_empty(), "{} is not int8", layer.kind());
    }
    // Against an f32 model holding the dequantised table: the same predictions.
    let mut f32_model = dequantised(&small);
    let (a, b) = (
        int8.predict(&table).unwrap(),
        f32_model.predict(&table).unwrap(),
    );
    for (x, y) in a.values.iter().flatten().zip(b.values.iter().flatten()) {
        assert!((x - y).abs() < 1e-5, "{x} vs {y}");
    }
    let (before, after) = (accuracy(&file, &table), accuracy(&small, &table));
    eprintln!("sentiment: f32 {before}, int8 {after}");
    assert!((before - after).abs() <= 0.01, "{before} → {after}");
    // The seed-42 figures (600 test rows), as docs/BENCHMARKS.md reports them.
    assert_eq!((before * 600.0).round(), 477.0, "{before}");
    assert_eq!((after * 600.0).round(), 477.0, "{after}");
}

/// The embedding table of a model file's JSON.
fn table(v: &mut Value) -> &mut Value {
    &mut v["weights"]["tensors"][0]
}

/// The quantised sentiment file's JSON with `edit` applied, read back: the error.
fn hostile(edit: impl Fn(&mut Value)) -> String {
    refused(&trained().0, edit)
}

#[test]
fn hostile_int8_tables_are_refused_naming_the_layer_and_the_key() {
    assert_eq!(hostile(|v| table(v)["scales"][5] = 0.into()),
        "bad.json: Layer 1 (embedding): weights.tensors[0].scales[5] is 0; scales are positive (max |w| / 127, or 1 for a channel of zeros)");
    assert_eq!(hostile(|v| table(v)["scales"][7] = json!(1e39f64)),
        "bad.json: Layer 1 (embedding): weights.tensors[0].scales[7] is inf, not a finite number; the file is damaged, download the model again");
    assert!(hostile(|v| table(v)["scales"][9] = Value::Null)
        .starts_with("bad.json: weights.tensors[0].scales[9]: invalid type: null"));
    // One scale per token: 1,999 scales for 2,000 rows.
    assert_eq!(hostile(|v| table(v)["scales"].as_array_mut().unwrap().truncate(1999)),
        "bad.json: Layer 1 (embedding): weights.tensors[0].scales has 1999 values but axis 0 of shape [2000, 16] has 2000; one scale per output channel");
    // 31,992 of the 32,000 bytes.
    assert_eq!(hostile(|v| { let q = table(v)["int8"].as_str().unwrap()[8..].to_string(); table(v)["int8"] = q.into(); }),
        "bad.json: Layer 1 (embedding): weights.tensors[0] has shape [2000, 16] but 31994 values; the file is damaged or truncated");
    // A table of 1,997 rows (bytes and scales to match: 3 rows are 64 base64 characters) for
    // input_dim 2000.
    let rows_cut = |v: &mut Value| {
        let q = table(v)["int8"].as_str().unwrap()[64..].to_string();
        table(v)["int8"] = q.into();
        table(v)["shape"] = json!([1997, 16]);
        table(v)["scales"].as_array_mut().unwrap().truncate(1997);
    };
    assert_eq!(hostile(rows_cut),
        "bad.json: Layer 1 (embedding): weights.tensors[0] has shape [1997, 16] but the layer's table is [input_dim 2000, output_dim 16]; the file is damaged or was edited");
    // Scales per column instead of per row.
    assert_eq!(hostile(|v| { table(v)["scale_axis"] = 1.into(); table(v)["scales"] = json!(vec![0.01; 16]); }),
        "bad.json: Layer 1 (embedding): weights.tensors[0] has its scales along axis 1; embedding layers take them along axis 0 (one per row: \"scale_axis\": 0); the file is damaged or was edited");
    assert_eq!(hostile(|v| table(v)["scale_axis"] = 2.into()),
        "bad.json: Layer 1 (embedding): weights.tensors[0].scales has 2000 values but axis 2 of shape [2000, 16] has 0; one scale per output channel");
    // A dense kernel may not take per-row scales.
    assert!(hostile(|v| { let k = &mut v["weights"]["tensors"][1]; k["scale_axis"] = 0.into(); k["scales"] = json!(vec![0.01; 16]); })
        .starts_with("bad.json: Layer 3 (dense): weights.tensors[1] has its scales along axis 0; dense layers take them along axis 1"));
}
