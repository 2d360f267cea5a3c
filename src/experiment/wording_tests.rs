//! Each serde error kind about a document, as `Experiment::from_json` words it for people.

use crate::experiment::Experiment;

/// The error of `doc`, as the CLI prints it.
fn err(doc: &str) -> String {
    Experiment::from_json(doc).unwrap_err().to_string()
}

#[test]
fn a_layer_value_of_the_wrong_kind_names_the_layer_and_what_the_key_takes() {
    let at = |layer: &str| err(&format!(r#"{{"model":{{"layers":[{{"type":"dense","units":8}},{layer}]}}}}"#));
    assert_eq!(
        err(r#"{"model":{"layers":[{"type":"dense","units":-4}]}}"#),
        "experiment: model.layers[0].units: Layer 1 (dense): units must be a whole number ≥ 1, not -4"
    );
    assert_eq!(
        at(r#"{"type":"dense","units":"8"}"#),
        r#"experiment: model.layers[1].units: Layer 2 (dense): units must be a whole number ≥ 1, not "8""#
    );
    assert_eq!(
        at(r#"{"type":"dense","units":8,"activation":"relux"}"#),
        r#"experiment: model.layers[1].activation: Layer 2 (dense): activation must be one of "linear", "relu", "leaky_relu", "sigmoid", "tanh", "softmax", not "relux""#
    );
    assert_eq!(
        at(r#"{"type":"dense","units":8,"use_bias":"yes"}"#),
        r#"experiment: model.layers[1].use_bias: Layer 2 (dense): use_bias must be true or false, not "yes""#
    );
    assert_eq!(
        at(r#"{"type":"dense","units":8,"kernel_regularizer":{"l2":"x"}}"#),
        r#"experiment: model.layers[1].kernel_regularizer.l2: Layer 2 (dense): kernel_regularizer.l2 must be a number from 0 to 10, not "x""#
    );
    assert_eq!(
        at(r#"{"type":"reshape","target_shape":[8,-1]}"#),
        "experiment: model.layers[1].target_shape[1]: Layer 2 (reshape): target_shape[1] must be a whole number ≥ 1, not -1"
    );
}

#[test]
fn a_layer_type_or_key_that_does_not_exist_lists_what_does() {
    assert_eq!(
        err(r#"{"model":{"layers":[{"type":"dens","units":8}]}}"#),
        r#"experiment: model.layers[0]: Layer 1: type must be one of "dense", "dropout", "lstm", "gru", "reshape", "conv2d", "max_pool2d", "flatten", not "dens""#
    );
    assert_eq!(
        err(r#"{"model":{"layers":[{"type":"dense","unit":8}]}}"#),
        r#"experiment: model.layers[0].unit: Layer 1 (dense) has no key "unit"; use one of "units", "activation", "use_bias", "kernel_regularizer""#
    );
    assert_eq!(
        err(r#"{"model":{"layers":[{"type":"dense","units":8,"rate":0.5}]}}"#),
        r#"experiment: model.layers[0]: Layer 1 (dense) has no key "rate"; use one of "units", "activation", "use_bias", "kernel_regularizer""#
    );
    assert_eq!(
        err(r#"{"model":{"layers":[{"type":"flatten","units":8}]}}"#),
        r#"experiment: model.layers[0]: Layer 1 (flatten) takes no keys but "type"; remove "units""#
    );
    assert_eq!(
        err(r#"{"model":{"layers":[{"type":"dense"}]}}"#),
        r#"experiment: model.layers[0]: Layer 1 (dense): "units" is missing; add it"#
    );
    assert_eq!(
        err(r#"{"model":{"layers":[{"units":8}]}}"#),
        r#"experiment: model.layers[0]: Layer 1: "type" is missing; add it"#
    );
}

#[test]
fn other_keys_are_named_by_their_path() {
    assert_eq!(
        err(r#"{"fit":{"epoch":5}}"#),
        r#"experiment: fit.epoch: fit has no key "epoch"; check its spelling"#
    );
    assert_eq!(
        err(r#"{"x":1}"#),
        r#"experiment: x: The experiment has no key "x"; check its spelling"#
    );
    assert_eq!(
        err(r#"{"fit":{"epochs":-5}}"#),
        "experiment: fit.epochs: fit.epochs must be a whole number ≥ 0, not -5"
    );
    assert_eq!(
        err(r#"{"fit":{"epochs":2.5}}"#),
        "experiment: fit.epochs: fit.epochs must be a whole number ≥ 0, not 2.5"
    );
    assert_eq!(
        err(r#"{"data":{"split":{"test":"0.2"}}}"#),
        r#"experiment: data.split.test: data.split.test must be a number, not "0.2""#
    );
    assert_eq!(
        err(r#"{"data":{"window":{"horizon":3}}}"#),
        r#"experiment: data.window: data.window: "lookback" is missing; add it"#
    );
    assert_eq!(
        err(r#"{"data":{"task":"regresion"}}"#),
        r#"experiment: data.task: data.task must be one of "auto", "classification", "regression", "recommendation", not "regresion""#
    );
    assert_eq!(
        err(r#"{"compile":{"optimizer":{"type":"adamw"}}}"#),
        r#"experiment: compile.optimizer: compile.optimizer.type must be one of "gd", "sgd", "adam", "rmsprop", not "adamw""#
    );
    assert_eq!(
        err(r#"{"model":{"layers":{"type":"dense"}}}"#),
        "experiment: model.layers: model.layers must be a list [ … ], not an object"
    );
    assert_eq!(
        err(r#"{"fit":3}"#),
        "experiment: fit: fit must be an object { … }, not 3"
    );
}

#[test]
fn json_syntax_is_said_with_its_line_and_column() {
    assert_eq!(
        err("{\"fit\":"),
        "experiment: (top level): not valid JSON at line 1, column 7: it ends early; a closing } or ] or quote is missing"
    );
    assert_eq!(
        err("{\"fit\": {\"epochs\": 5 \"batch_size\": 8}}"),
        "experiment: (top level): not valid JSON at line 1, column 22: a comma or } is missing"
    );
    assert_eq!(
        err("{\"seed\": 1,}"),
        "experiment: (top level): not valid JSON at line 1, column 12: a comma is followed by nothing; remove it"
    );
    assert_eq!(
        err("{\"seed\": 1, \"seed\": 2}"),
        "experiment: (top level): the key \"seed\" appears twice in one object; keep one (line 1, column 18)"
    );
}
