//! `kindling train` prints the core's advice (src/advice/) as `warning: CODE: MESSAGE (fix: …)`
//! lines before training, even when building the model then fails.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::kindling;

fn write(name: &str, text: &str) -> String {
    common::write("cli_advice", name, text)
}

fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect()
}

#[test]
fn softmax_with_mse_is_a_warning_with_its_fix_and_training_goes_on() {
    let exp = write(
        "mse.json",
        r#"{"model":{"layers":[{"type":"dense","units":3,"activation":"softmax"}]},"compile":{"loss":"mse"},"fit":{"epochs":2}}"#,
    );
    let (code, _, stderr) = kindling(&["train", &exp]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        warnings(&stderr),
        ["warning: softmax_mse: the output is softmax probabilities but the loss is mse; use categorical_crossentropy, the loss for probabilities (fix: compile.loss = \"categorical_crossentropy\")"]
    );
    let first_epoch = stderr.find("epoch 1 ").unwrap();
    assert!(
        stderr.find("warning: ").unwrap() < first_epoch,
        "before training"
    );
}

#[test]
fn an_lstm_without_a_window_is_advised_before_the_build_error() {
    let exp = write(
        "lstm.json",
        r#"{"data":{"source":"builtin:diabetes","target":"target"},"model":{"layers":[{"type":"lstm","units":4},{"type":"dense","units":1}]}}"#,
    );
    let (code, _, stderr) = kindling(&["train", &exp]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert_eq!(lines[0], "warning: recurrent_no_window: Layer 1 (lstm) reads sequences but the data has no window; set data.window so each row becomes the last lookback steps of a series (fix: data.window = {\"horizon\":1,\"lookback\":10})");
    assert!(
        lines[1].starts_with("error: model: Layer 1 (lstm) needs sequences"),
        "{}",
        lines[1]
    );
}

#[test]
fn a_good_experiment_gets_no_warning() {
    let exp = write("good.json", r#"{"fit":{"epochs":1}}"#);
    let (code, _, stderr) = kindling(&["train", &exp]);
    assert_eq!(code, 0, "{stderr}");
    assert!(warnings(&stderr).is_empty(), "{stderr}");
}
