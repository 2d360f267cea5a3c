//! The worker shell inside a real dedicated Web Worker in headless Chromium: load the built-in
//! iris CSV, configure, train in slices, evaluate.
#![cfg(target_arch = "wasm32")]

use kindling::wasm::session::WasmSession;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

const IRIS: &[u8] = include_bytes!("../www/data/iris.csv");
const EXPERIMENT: &str =
    r#"{"data":{"source":"builtin:iris","target":"species"},"fit":{"epochs":60}}"#;

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

fn train(session: &mut WasmSession) -> Vec<f64> {
    let mut losses = vec![];
    loop {
        let report = session.step(3).unwrap();
        let epoch = get(&report, "epoch");
        if !epoch.is_null() {
            losses.push(get(&epoch, "loss").as_f64().unwrap());
        }
        if get(&report, "done").as_bool().unwrap() {
            return losses;
        }
    }
}

#[wasm_bindgen_test]
fn trains_iris_to_high_accuracy_in_a_worker() {
    let mut s = WasmSession::new();
    let summary = s.load("iris.csv", IRIS).unwrap();
    assert_eq!(get(&summary, "rows").as_f64(), Some(150.0));
    let configured = s.configure(EXPERIMENT).unwrap();
    assert_eq!(
        get(&get(&configured, "summary"), "params").as_f64(),
        Some(131.0)
    );
    let losses = train(&mut s);
    assert_eq!(losses.len(), 60);
    assert!(losses[59] < losses[0] * 0.5, "{losses:?}");
    let eval = s.evaluate().unwrap();
    let accuracy = get(&eval, "accuracy").as_f64().unwrap();
    assert!(accuracy >= 0.9, "test accuracy {accuracy}");
}

#[wasm_bindgen_test]
fn same_seed_same_history_and_errors_are_messages() {
    let run = || {
        let mut s = WasmSession::new();
        s.load("iris.csv", IRIS).unwrap();
        s.configure(EXPERIMENT).unwrap();
        train(&mut s)
    };
    assert_eq!(run(), run());
    let mut s = WasmSession::new();
    let err = s.configure(EXPERIMENT).err().expect("no data loaded yet");
    let err: JsValue = err.into();
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("load a dataset"), "{message}");
    let err: JsValue = s.load("bad.csv", b"a,b\n1,2\n3\n").err().unwrap().into();
    assert!(get(&err, "message")
        .as_string()
        .unwrap()
        .contains("bad.csv: line 3"));
}
