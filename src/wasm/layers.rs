//! The layer types' descriptions for the page's layer editor (src/experiment/layers.rs): the
//! worker sends them in its `ready` message, so the page repeats no key, default or limit.

use wasm_bindgen::prelude::*;

use super::to_js;

/// Every layer type in the page's order: `[{name, help, keys: [{name, label, kind, default, min,
/// max, step, choices, help, required, advanced}], start}]`; `start` is the layer its "+ TYPE"
/// button adds.
#[wasm_bindgen(js_name = layerTypes)]
pub fn layer_types() -> Result<JsValue, JsError> {
    to_js(&crate::experiment::layer_types())
}
