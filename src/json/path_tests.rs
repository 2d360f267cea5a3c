//! `from_value`: errors name the key path as serde_path_to_error did (`a.b[2].c`, `.` at the
//! top level) with serde_json's messages; good documents read as `serde_json::from_value` reads them.

use serde::Deserialize;
use serde_json::{json, Value};

use super::from_value;

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    name: String,
    data: Data,
    #[serde(default)]
    layers: Vec<Layer>,
    #[serde(default)]
    mode: Option<Mode>,
    #[serde(default)]
    pair: Option<(u8, bool)>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    split: Split,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Split {
    test: f64,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum Layer {
    Dense { units: usize },
    Dropout { rate: f64 },
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Mode {
    Off,
    Fixed(u32),
    Range { low: i32, high: i32 },
}

/// `path | message` of the error reading `doc` as a `Doc`.
fn err(doc: Value) -> String {
    let e = from_value::<Doc>(&doc).unwrap_err();
    let shown = match e.path().as_str() {
        "." => e.inner().to_string(),
        path => format!("{path}: {}", e.inner()),
    };
    assert_eq!(e.to_string(), shown);
    format!("{} | {}", e.path(), e.inner())
}

fn good() -> Value {
    json!({
        "name": "n", "data": {"split": {"test": 0.25}},
        "layers": [{"type": "dense", "units": 3}, {"type": "dropout", "rate": 0.5}],
        "mode": {"range": {"low": -2, "high": 7}}, "pair": [3, true]
    })
}

/// `good()` with `f` applied.
fn with(f: impl FnOnce(&mut Value)) -> Value {
    let mut v = good();
    f(&mut v);
    v
}

#[test]
fn a_good_document_reads_as_serde_json_reads_it() {
    for doc in [
        good(),
        with(|v| v["mode"] = json!("off")),
        with(|v| v["mode"] = json!({"fixed": 4})),
        with(|v| v["mode"] = Value::Null),
        json!({"name": "", "data": {"split": {"test": 1}}}),
    ] {
        let ours: Doc = from_value(&doc).unwrap();
        assert_eq!(ours, serde_json::from_value::<Doc>(doc).unwrap());
    }
    let any = json!({"a": [1, -2, 2.5, null, true, "x", {"b": []}], "c": 18446744073709551615u64});
    assert_eq!(from_value::<Value>(&any).unwrap(), any);
}

#[test]
fn a_nested_key_and_a_wrong_leaf_type() {
    assert_eq!(
        err(with(|v| v["data"]["split"]["test"] = json!("0.2"))),
        "data.split.test | invalid type: string \"0.2\", expected f64"
    );
    assert_eq!(
        err(with(|v| v["data"]["split"]["test"] = Value::Null)),
        "data.split.test | invalid type: null, expected f64"
    );
    assert_eq!(
        err(with(|v| v["name"] = json!(1.5))),
        "name | invalid type: floating point `1.5`, expected a string"
    );
}

#[test]
fn an_array_index() {
    assert_eq!(
        err(with(|v| v["pair"] = json!([3, "yes"]))),
        "pair[1] | invalid type: string \"yes\", expected a boolean"
    );
    assert_eq!(
        err(with(|v| v["pair"] = json!([3, true, 4]))),
        "pair | invalid length 3, expected fewer elements in array"
    );
    // Internally tagged: the variant's content is buffered by serde, so the path stops at the layer.
    assert_eq!(
        err(with(|v| v["layers"][1]["rate"] = json!("high"))),
        "layers[1] | invalid type: string \"high\", expected f64"
    );
}

#[test]
fn unknown_and_missing_fields() {
    assert_eq!(
        err(with(|v| v["data"]["split"]["tset"] = json!(0.2))),
        "data.split.tset | unknown field `tset`, expected `test`"
    );
    assert_eq!(
        err(with(|v| v["data"]["split"] = json!({}))),
        "data.split | missing field `test`"
    );
    assert_eq!(
        err(json!({"data": {"split": {"test": 0.1}}})),
        ". | missing field `name`"
    );
    let top = from_value::<Doc>(&json!([])).unwrap_err();
    assert_eq!(
        top.to_string(),
        "invalid length 0, expected struct Doc with 5 elements"
    );
}

#[test]
fn enum_variants() {
    assert_eq!(
        err(with(|v| v["mode"] = json!("auto"))),
        "mode | unknown variant `auto`, expected one of `off`, `fixed`, `range`"
    );
    assert_eq!(
        err(with(
            |v| v["mode"] = json!({"range": {"low": 1, "high": "x"}})
        )),
        "mode.range.high | invalid type: string \"x\", expected i32"
    );
    assert_eq!(
        err(with(|v| v["mode"] = json!("fixed"))),
        "mode.fixed | invalid type: unit variant, expected newtype variant"
    );
    assert_eq!(
        err(with(|v| v["mode"] = json!({"off": null, "fixed": 1}))),
        "mode | invalid value: map, expected map with a single key"
    );
    assert_eq!(
        err(with(|v| v["layers"][0]["type"] = json!("conv"))),
        "layers[0].type | unknown variant `conv`, expected `dense` or `dropout`"
    );
    assert_eq!(
        err(with(|v| v["layers"][0]["type"] = json!(1))),
        "layers[0].type | invalid type: integer `1`, expected variant identifier"
    );
}

#[test]
fn enum_map_keys_are_named() {
    // serde_path_to_error wrote `?` for a key read as an enum; the key itself says more.
    #[derive(Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
    #[serde(rename_all = "snake_case")]
    enum Knob {
        Units,
    }
    type Vary = std::collections::BTreeMap<Knob, Vec<u32>>;
    let e = from_value::<Vary>(&json!({"units": [1, "2"]})).unwrap_err();
    assert_eq!(
        e.to_string(),
        "units[1]: invalid type: string \"2\", expected u32"
    );
    let e = from_value::<Vary>(&json!({"unit": []})).unwrap_err();
    assert_eq!(
        e.to_string(),
        "unit: unknown variant `unit`, expected `units`"
    );
}

#[test]
fn the_core_documents_keep_their_messages() {
    use crate::experiment::Experiment;
    let err = |text: &str| Experiment::from_json(text).unwrap_err().to_string();
    assert_eq!(
        err(r#"{"data":{"split":{"tset":0.2}}}"#),
        "experiment: data.split.tset: unknown field `tset`, expected one of `method`, `validation`, `test`"
    );
    assert_eq!(
        err(r#"{"model":{"layers":[{"type":"dense","units":8},{"type":"dense","units":"3"}]}}"#),
        "experiment: model.layers[1].units: invalid type: string \"3\", expected usize"
    );
    // Layers and optimizers are read through one flat struct each (src/experiment/de.rs).
    assert_eq!(
        err(r#"{"model":{"layers":[{"type":"flatten","units":3}]}}"#),
        "experiment: model.layers[0]: unknown field `units`: type \"flatten\" takes no other keys; remove it"
    );
    assert_eq!(
        err(r#"{"model":{"layers":[{"type":"conv"}]}}"#),
        "experiment: model.layers[0]: unknown variant `conv`, expected one of `dense`, `dropout`, `lstm`, `gru`, `reshape`, `conv2d`, `max_pool2d`, `flatten`, `embedding`, `global_average_pooling1d`"
    );
    assert_eq!(
        err(r#"{"model":{"layers":[{"type":"conv2d","filters":2}]}}"#),
        "experiment: model.layers[0]: missing field `kernel_size`"
    );
    assert_eq!(
        err(r#"{"compile":{"optimizer":{"type":"adam","momentum":0.9}}}"#),
        "experiment: compile.optimizer: unknown field `momentum` for type \"adam\", expected one of `learning_rate`, `beta_1`, `beta_2`, `epsilon`"
    );
}
