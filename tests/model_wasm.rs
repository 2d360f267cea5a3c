//! The deployment shell in a real dedicated Web Worker: export a trained model, import it into a
//! fresh session, and predict the same CSV bit-identically; bad files become JS errors with the
//! core's message.
#![cfg(target_arch = "wasm32")]

use kindling::wasm::session::WasmSession;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

const IRIS: &[u8] = include_bytes!("../www/data/iris.csv");

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

fn trained() -> WasmSession {
    let mut s = WasmSession::new();
    s.load("iris.csv", IRIS).unwrap();
    s.configure(r#"{"data":{"target":"species"},"fit":{"epochs":20}}"#)
        .unwrap();
    while !get(&s.step(100).unwrap(), "done").as_bool().unwrap() {}
    s
}

#[wasm_bindgen_test]
fn an_exported_model_predicts_bit_identically_after_import() {
    let mut s = trained();
    let exported = s.export_model().unwrap();
    let json = get(&exported, "json").as_string().unwrap();
    assert_eq!(get(&get(&exported, "card"), "params").as_f64(), Some(131.0));
    let from_session = get(&s.predict_csv("iris.csv", IRIS, false).unwrap(), "csv")
        .as_string()
        .unwrap();

    let mut fresh = WasmSession::new();
    let imported = fresh.import_model("m.json", json.as_bytes()).unwrap();
    assert_eq!(
        get(&get(&imported, "card"), "target")
            .as_string()
            .as_deref(),
        Some("species")
    );
    let from_file = get(&fresh.predict_csv("iris.csv", IRIS, true).unwrap(), "csv")
        .as_string()
        .unwrap();
    assert_eq!(from_file, from_session);
    assert_eq!(from_file.lines().count(), 151);

    let rows = fresh
        .predict_rows(r#"[{"sepal_length_cm":5.1,"sepal_width_cm":3.5,"petal_length_cm":1.4,"petal_width_cm":0.2}]"#, true)
        .unwrap();
    let labels = js_sys::Array::from(&get(&rows, "labels"));
    assert_eq!(labels.get(0).as_string().as_deref(), Some("setosa"));

    // Rows go through the core's one strict parser and key-path reader.
    let message = |e: wasm_bindgen::JsError| get(&JsValue::from(e), "message").as_string().unwrap();
    let mut rows_error = |text: &str| message(fresh.predict_rows(text, true).unwrap_err());
    assert_eq!(
        rows_error(r#"[{"sepal_length_cm":5.1}, 3]"#),
        "input: rows must be a JSON array of objects: [1]: invalid type: integer `3`, expected a map"
    );
    let e = rows_error(r#"[{"sepal_length_cm":5.1,"sepal_length_cm":6}]"#);
    assert!(e.contains("\"sepal_length_cm\" appears twice"), "{e}");
    let e = rows_error(r#"[{"sepal_length_cm":5.1},"#);
    assert!(
        e.contains("rows must be a JSON array of objects") && e.contains("line 1"),
        "{e}"
    );
}

#[wasm_bindgen_test]
fn bad_model_files_and_missing_models_are_messages() {
    let mut s = WasmSession::new();
    let message = |e: wasm_bindgen::JsError| get(&JsValue::from(e), "message").as_string().unwrap();
    let e = message(
        s.import_model("m.json", br#"{"format":"kindling-model","version":3}"#)
            .unwrap_err(),
    );
    assert!(e.contains("m.json") && e.contains("version 3"), "{e}");
    let e = message(s.predict_csv("x.csv", b"a\n1\n", true).unwrap_err());
    assert!(e.contains("open a model file"), "{e}");
    let e = message(s.export_model().unwrap_err());
    assert!(e.contains("train a model"), "{e}");
}
