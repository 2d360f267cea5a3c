//! Worker shell for text classification: the test sentences with the class probabilities the
//! model gives them (the Evaluation panel's "most wrong" table).

use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use super::session::WasmSession;
use super::to_js;

#[wasm_bindgen]
impl WasmSession {
    /// `{column, texts, probabilities}` for a classifier with a text feature, else `null`: the
    /// first text feature's test cells in split order (`null` when missing) and, per cell, the
    /// class probabilities. Built as a `Value` (its serialiser is in the package already).
    #[wasm_bindgen(js_name = testTexts)]
    pub fn test_texts(&mut self) -> Result<JsValue, JsError> {
        let (Some(session), Some(table)) = (self.session.as_mut(), self.table.as_ref()) else {
            self.session()?; // no session: the shell's "configure first" error
            return to_js(&Value::Null);
        };
        let pre = &session.data.preprocessing;
        let text = pre.text().filter(|_| pre.classes.is_some());
        let Some(i) = text.and_then(|t| t.vocabulary.iter().position(Option::is_some)) else {
            return to_js(&Value::Null);
        };
        let name = &pre.features[i];
        let Some(col) = table.columns.iter().find(|c| &c.name == name) else {
            return to_js(&Value::Null);
        };
        let texts: Vec<Value> = (session.data.test_rows.iter())
            .map(|&r| col.data.text(r).map_or(Value::Null, Value::String))
            .collect();
        let name = name.clone();
        let x = session.data.x_test.clone();
        let probabilities: Vec<Value> = (session.predict(&x).rows().into_iter())
            .map(|p| p.iter().map(|&v| Value::from(v)).collect())
            .collect();
        to_js(&json!({ "column": name, "texts": texts, "probabilities": probabilities }))
    }
}
