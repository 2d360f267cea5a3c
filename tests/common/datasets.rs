//! The built-in datasets as the search tests use them.

use kindling::data::{builtin, read_csv, Table};
use kindling::experiment::Experiment;

pub fn builtin_table(name: &str) -> Table {
    read_csv(name, builtin::bytes(name).unwrap()).unwrap()
}

pub fn iris() -> (Experiment, Table) {
    (Experiment::default(), builtin_table("iris"))
}

/// Diabetes with a linear model: hidden layers on a one-output regression hit a panic in the core
/// (see tests/search.rs `diabetes_search_over_hidden_layers`), so these searches keep the layers.
pub fn diabetes() -> (Experiment, Table) {
    let exp = Experiment::from_json(
        r#"{"data":{"source":"builtin:diabetes","split":{"method":"random","validation":0.2,"test":0.2}},
            "model":{"layers":[{"type":"dense","units":1}]},
            "fit":{"epochs":60,"batch_size":32}}"#,
    )
    .unwrap();
    (exp, builtin_table("diabetes"))
}
