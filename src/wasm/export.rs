//! The page's export package (pkg-export/, cargo feature `export`, loaded on demand by the
//! Deployment panel's "Take it further"): a model file → the files `kindling export` writes.

use wasm_bindgen::prelude::*;

use crate::export::{export, Target};
use crate::io::{model_text, Model};

/// `exportModel(modelJson, to)` → `[[name, Uint8Array], …]`, the files of `kindling export
/// MODEL --to TO` (`onnx`, `pytorch`, `keras`); errors name the layer or key, as the CLI's.
#[wasm_bindgen(js_name = exportModel)]
pub fn export_model(model: &[u8], to: &str) -> Result<js_sys::Array, JsError> {
    super::install_panic_hook();
    let target = Target::from_name(to).map_err(|e| JsError::new(&e))?;
    let text = model_text::decode("model", model).map_err(|e| JsError::new(&e.to_string()))?;
    let model = Model::from_json("model", &text).map_err(|e| JsError::new(&e.to_string()))?;
    let files = export(&model, target).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(files
        .into_iter()
        .map(|f| {
            let pair = js_sys::Array::new();
            pair.push(&JsValue::from_str(f.name));
            pair.push(&js_sys::Uint8Array::from(&f.bytes[..]));
            JsValue::from(pair)
        })
        .collect())
}
