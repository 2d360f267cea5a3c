//! What the int8 tests share: a model file's test accuracy, the f32 model that holds a
//! quantised file's dequantised weights (what its int8 layers must predict like), and the error a
//! quantised file edited by hand gets.

use kindling::compress;
use kindling::data::Table;
use kindling::io::{Model, ModelFile, Tensor};
use serde_json::Value;

/// The test accuracy of model file `file` on the test rows of `table`.
pub fn accuracy(file: &ModelFile, table: &Table) -> f32 {
    let data = compress::prepared(file, table).unwrap();
    let mut model = Model::from_file("m", file.clone()).unwrap();
    compress::evaluate(&mut model, &data).accuracy.unwrap()
}

/// An f32 model of quantised file `small` with each tensor dequantised.
pub fn dequantised(small: &ModelFile) -> Model {
    let mut plain = small.clone();
    plain.quantization = None;
    for t in &mut plain.weights.tensors {
        *t = Tensor::from_array(&t.to_array());
    }
    Model::from_file("m", plain).unwrap()
}

/// `file` quantised, its JSON changed by `edit` and read back as `bad.json`: the error.
pub fn refused(file: &ModelFile, edit: impl Fn(&mut Value)) -> String {
    let mut v: Value =
        serde_json::from_str(&compress::quantize("m", file).unwrap().to_json()).unwrap();
    edit(&mut v);
    match Model::from_json("bad.json", &v.to_string()) {
        Ok(_) => panic!("accepted"),
        Err(e) => e.to_string(),
    }
}
