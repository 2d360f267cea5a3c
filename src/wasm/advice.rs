//! Worker shell for the core's advice (src/advice/): the advice on an experiment for the table the
//! session has loaded, which the page shows in the layer editor with an "Apply" button per fix.

use wasm_bindgen::prelude::*;

use super::session::WasmSession;
use super::{js_error, to_js};
use crate::experiment::Experiment;

#[wasm_bindgen]
impl WasmSession {
    /// `[{code, message, params, fix: [{path, value}] | null}]` for `experiment_json` on the loaded
    /// table (empty before a table is loaded or when its data settings fail: `configure` says why).
    pub fn advice(&self, experiment_json: &str) -> Result<JsValue, JsError> {
        let exp = Experiment::from_json(experiment_json).map_err(js_error)?;
        let advice = self
            .table
            .as_ref()
            .map_or(vec![], |t| crate::advice::advise_on(&exp, t));
        to_js(&advice)
    }
}
