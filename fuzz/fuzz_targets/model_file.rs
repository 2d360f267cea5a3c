//! Fuzzes the model file reader (Contract 2): any bytes → decoded text, a checked model or an
//! error naming the file and place, never a panic; an accepted model predicts on a small CSV and on
//! a form row of its own inputs' defaults without panicking, one prediction per row.
#![no_main]

use kindling::data::read_csv;
use kindling::io::{model_text, Model};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

/// The first rows of iris (the seed models are iris models), with a blank cell and a stray label.
const CSV: &[u8] = b"sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species
5.1,3.5,1.4,0.2,setosa
7.0,3.2,4.7,1.4,versicolor
6.3,,6.0,2.5,virginica
4.9,3.0,1.4,0.2,unknown
";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = model_text::decode("fuzz.json", data) else {
        return;
    };
    let Ok(mut model) = Model::from_json("fuzz.json", &text) else {
        return;
    };
    let table = read_csv("iris.csv", CSV).expect("the fixed CSV reads");
    if let Ok(p) = model.predict(&table) {
        assert_eq!(p.values.len(), p.rows.len());
    }
    // One form row: every input at its default (the application panel's first view).
    let card = model.card();
    let row: Map<String, Value> = card["inputs"]
        .as_array()
        .expect("a card lists its inputs")
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap_or("").to_string(),
                i["default"].clone(),
            )
        })
        .collect();
    if let Ok(p) = model.predict_records(&[row]) {
        assert_eq!(p.values.len(), p.rows.len());
    }
});
