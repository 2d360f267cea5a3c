//! The layer types' one description (src/experiment/layers.rs and the `layer_config!` structs in
//! src/nn/) against what the core does with documents: every key of another type is refused
//! naming the keys this type takes; every limit is accepted at its ends and refused past them;
//! what the page adds for each type reads back as itself.

use kindling::experiment::{layer_types, Experiment, LAYER_TYPES};
use serde_json::{json, Value};

/// The page's description, as the worker sends it.
fn types() -> Vec<Value> {
    layer_types().as_array().unwrap().clone()
}

fn parse(layer: &Value) -> Result<Experiment, String> {
    let doc = json!({"model": {"layers": [layer]}}).to_string();
    Experiment::from_json(&doc).map_err(|e| e.to_string())
}

fn names(keys: &Value) -> Vec<&str> {
    let keys = keys.as_array().unwrap();
    keys.iter().map(|k| k["name"].as_str().unwrap()).collect()
}

/// A value key `key` accepts: its page start or default, else its lower limit or first choice.
fn valid(owner: &Value, key: &Value) -> Value {
    let name = key["name"].as_str().unwrap();
    let start = &owner["start"][name];
    if !start.is_null() {
        return start.clone();
    }
    if !key["default"].is_null() {
        return key["default"].clone();
    }
    match key["kind"].as_str().unwrap() {
        "int" => key["min"].clone(),
        "regularizer" => json!({"l2": 0.01}),
        other => panic!("no value for a {other} key"),
    }
}

#[test]
fn a_key_of_another_type_is_refused_naming_the_keys_this_type_takes() {
    let types = types();
    let mut checked = Vec::new();
    for t in &types {
        let (kind, takes) = (t["name"].as_str().unwrap(), names(&t["keys"]));
        for other in &types {
            for key in other["keys"].as_array().unwrap() {
                let name = key["name"].as_str().unwrap();
                if takes.contains(&name) || checked.contains(&(kind, name)) {
                    continue;
                }
                let mut layer = t["start"].clone();
                layer[name] = valid(other, key);
                let listed: Vec<String> = takes.iter().map(|k| format!("`{k}`")).collect();
                let expected = match takes.is_empty() {
                    true => format!("experiment: model.layers[0]: unknown field `{name}`: type \"{kind}\" takes no other keys; remove it"),
                    false => format!("experiment: model.layers[0]: unknown field `{name}` for type \"{kind}\", expected one of {}", listed.join(", ")),
                };
                assert_eq!(parse(&layer).unwrap_err(), expected, "{layer}");
                checked.push((kind, name));
            }
        }
    }
    // Each type refuses every key name it does not take (today 12 names: dense refuses 8,
    // dropout 11, lstm 9, gru 9, reshape 11, conv2d 5, max_pool2d 10, flatten 12).
    let mut names: Vec<&str> = types.iter().flat_map(|t| names(&t["keys"])).collect();
    names.sort();
    names.dedup();
    let refusable: usize = types
        .iter()
        .map(|t| names.len() - t["keys"].as_array().unwrap().len())
        .sum();
    assert_eq!(checked.len(), refusable);
    assert!(checked.len() >= 75, "{}", checked.len());
}

/// `layer` with `key` set to `value` must be accepted and read back with that value.
fn accepted(layer: &Value, key: &str, value: Value) {
    let mut layer = layer.clone();
    layer[key] = value.clone();
    let e = parse(&layer).unwrap_or_else(|e| panic!("{layer} refused: {e}"));
    let text = serde_json::to_string(&e.model.layers[0]).unwrap();
    let back: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back[key], value, "{layer} reads back as {back}");
}

/// `layer` with `key` set to `value` must be refused with `message` at `model.layers[0].PLACE`.
fn refused(layer: &Value, key: &str, value: Value, place: &str, message: &str) {
    let mut layer = layer.clone();
    layer[key] = value;
    let expected = format!("experiment: model.layers[0].{place}: {message}");
    assert_eq!(parse(&layer).unwrap_err(), expected, "{layer}");
}

#[test]
fn every_limit_is_accepted_at_its_ends_and_refused_past_them() {
    let mut checked = Vec::new();
    for t in types() {
        for key in t["keys"].as_array().unwrap() {
            let (Some(lo), Some(hi)) = (key["min"].as_f64(), key["max"].as_f64()) else {
                continue;
            };
            let name = key["name"].as_str().unwrap();
            let start = &t["start"];
            let range = |v: String| format!("{v} is out of range; use a value from {lo} to {hi}");
            match key["kind"].as_str().unwrap() {
                "int" => {
                    let (lo, hi) = (lo as u64, hi as u64);
                    accepted(start, name, json!(lo));
                    accepted(start, name, json!(hi));
                    refused(
                        start,
                        name,
                        json!(lo - 1),
                        name,
                        &range(format!("{}", lo - 1)),
                    );
                    refused(
                        start,
                        name,
                        json!(hi + 1),
                        name,
                        &range(format!("{}", hi + 1)),
                    );
                }
                "float" => {
                    accepted(start, name, json!(lo));
                    accepted(start, name, json!(hi));
                    for past in [lo - 1.0, hi + 1.0] {
                        let read = past as f32 as f64; // as the f32 key holds it
                        refused(start, name, json!(past), name, &range(read.to_string()));
                    }
                }
                "shape" => {
                    let (lo, hi) = (lo as u64, hi as u64);
                    accepted(start, name, json!([lo, hi]));
                    let at = format!("{name}[1]");
                    refused(
                        start,
                        name,
                        json!([lo, lo - 1]),
                        &at,
                        &range((lo - 1).to_string()),
                    );
                    refused(
                        start,
                        name,
                        json!([lo, hi + 1]),
                        &at,
                        &range((hi + 1).to_string()),
                    );
                    let length = "4 is out of range; use a value from 1 to 3";
                    let at = format!("{name} (length)");
                    refused(start, name, json!([1, 1, 1, 1]), &at, length);
                    refused(start, name, json!([]), &at, &length.replace('4', "0"));
                }
                "regularizer" => {
                    accepted(start, name, json!({"l1": lo, "l2": hi}));
                    refused(
                        start,
                        name,
                        json!({"l1": lo - 1.0}),
                        &format!("{name}.l1"),
                        &range("-1".into()),
                    );
                    refused(
                        start,
                        name,
                        json!({"l2": hi + 1.0}),
                        &format!("{name}.l2"),
                        &range((hi + 1.0).to_string()),
                    );
                }
                other => panic!("{name}: limits on a {other} key"),
            }
            checked.push(format!("{}.{name}", t["name"].as_str().unwrap()));
        }
    }
    // Every key with limits was walked; these at least (a new layer type adds its own).
    for key in [
        "dense.units",
        "dense.kernel_regularizer",
        "dropout.rate",
        "lstm.units",
        "lstm.kernel_regularizer",
        "gru.units",
        "gru.kernel_regularizer",
        "reshape.target_shape",
        "conv2d.filters",
        "conv2d.kernel_size",
        "conv2d.strides",
        "conv2d.kernel_regularizer",
        "max_pool2d.pool_size",
        "max_pool2d.strides",
    ] {
        assert!(checked.iter().any(|c| c == key), "{key} not checked");
    }
}

#[test]
fn what_the_page_adds_reads_back_as_itself_and_every_key_is_described() {
    let types = types();
    let all: Vec<&str> = types.iter().map(|t| t["name"].as_str().unwrap()).collect();
    let today = [
        "dense",
        "dropout",
        "lstm",
        "gru",
        "reshape",
        "conv2d",
        "max_pool2d",
        "flatten",
    ];
    // Registration order is the page's order; a new type may sit anywhere among these.
    let known: Vec<&str> = all.iter().copied().filter(|t| today.contains(t)).collect();
    assert_eq!(known, today);
    let named = |name: &str| types.iter().find(|t| t["name"] == name).unwrap().clone();
    let (dense, conv2d) = (named("dense"), named("conv2d"));
    for (t, registered) in types.iter().zip(LAYER_TYPES) {
        let e = parse(&t["start"]).unwrap();
        assert_eq!(e.model.layers[0], (registered.start)(), "{}", t["start"]);
        assert!(t["help"].as_str().unwrap().len() > 20, "{}", t["name"]);
        for key in t["keys"].as_array().unwrap() {
            assert!(key["help"].as_str().unwrap().len() > 20, "{key}");
            // A key name means one thing: the reader reads it before it knows the type.
            for other in &types {
                for same in other["keys"].as_array().unwrap() {
                    if same["name"] == key["name"] {
                        assert_eq!(same["kind"], key["kind"], "{}", key["name"]);
                    }
                }
            }
        }
    }
    // As the core writes them: `type` first, defaults filled in, omitted ones left out.
    let start = |name: &str| serde_json::to_string(&named(name)["start"]).unwrap();
    let written = |name: &str| {
        let t = LAYER_TYPES.iter().find(|t| t.name == name).unwrap();
        serde_json::to_string(&(t.start)()).unwrap()
    };
    assert_eq!(
        written("conv2d"),
        r#"{"type":"conv2d","filters":8,"kernel_size":3,"strides":1,"padding":"valid","activation":"relu"}"#
    );
    assert_eq!(written("dropout"), r#"{"type":"dropout","rate":0.2}"#);
    assert_eq!(
        start("dropout"),
        r#"{"rate":0.2,"type":"dropout"}"#,
        "f32 kept short"
    );
    // One key in full: what the page's editor receives.
    assert_eq!(
        conv2d["keys"][1],
        json!({"name": "kernel_size", "label": "kernel", "kind": "int", "default": null,
               "min": 1, "max": 64, "step": 1, "choices": null,
               "help": "The side of each square kernel, in pixels.", "required": true,
               "advanced": false})
    );
    assert_eq!(
        dense["keys"][1]["choices"],
        json!(["linear", "relu", "leaky_relu", "sigmoid", "tanh", "softmax"])
    );
    assert_eq!(conv2d["keys"][3]["choices"], json!(["valid", "same"]));
}
