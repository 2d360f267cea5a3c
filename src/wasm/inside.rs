//! Worker shell for the teaching views (src/train/inside.rs): layer outputs and the position
//! inside an epoch, as flat arrays.

use wasm_bindgen::prelude::*;

use super::session::WasmSession;
use super::to_js;

#[wasm_bindgen]
impl WasmSession {
    /// `[input, layer 1, …]` for test row `row`, each flattened, or `null` past the last row.
    pub fn activations(&mut self, row: usize) -> Result<JsValue, JsError> {
        to_js(&self.session()?.activations(row))
    }

    /// Per layer (inputs first), each unit over the `size × size` grid, unit by unit; `null`
    /// unless the model has two inputs.
    #[wasm_bindgen(js_name = layerGrid)]
    pub fn layer_grid(&mut self, size: usize) -> Result<JsValue, JsError> {
        to_js(&self.session()?.layer_grid(size))
    }

    /// `[epochs done, batch in the epoch, batches per epoch, loss]`.
    pub fn position(&mut self) -> Result<JsValue, JsError> {
        to_js(&self.session()?.position())
    }
}
