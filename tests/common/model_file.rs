//! Model files for the model-file tests (tests/model_file*.rs): trained here, then edited.

use kindling::data::read_csv;
use kindling::experiment::Experiment;
use kindling::io::{Model, ModelFile};
use kindling::train::Session;
use serde_json::Value;

/// An edit of a model file's JSON.
pub type Edit = Box<dyn Fn(&mut Value)>;

pub const IRIS: &[u8] = include_bytes!("../../www/data/iris.csv");

/// A session trained to the end on `csv` with experiment `exp`.
pub fn trained(exp: &str, csv: &[u8]) -> Session {
    let table = read_csv("data.csv", csv).unwrap();
    let mut s = Session::new(Experiment::from_json(exp).unwrap(), &table).unwrap();
    while !s.is_done() {
        s.step(usize::MAX).unwrap();
    }
    s
}

/// The file of a model trained 15 epochs on iris.
pub fn iris_file() -> String {
    let mut s = trained(r#"{"data":{"target":"species"},"fit":{"epochs":15}}"#, IRIS);
    ModelFile::from_session(&mut s).to_json()
}

/// The message refusing model file `text` (named `m.json`).
pub fn load_err(text: &str) -> String {
    match Model::from_json("m.json", text) {
        Ok(_) => panic!("accepted a bad model file"),
        Err(e) => e.to_string(),
    }
}

/// Removes the last element of the array at JSON pointer `at`.
pub fn pop(v: &mut Value, at: &str) {
    v.pointer_mut(at).unwrap().as_array_mut().unwrap().pop();
}

/// The iris model file with `f` applied to its JSON.
pub fn edited(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&iris_file()).unwrap();
    f(&mut v);
    v.to_string()
}
