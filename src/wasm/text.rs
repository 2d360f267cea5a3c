//! Worker shell for text classification: the test sentences with the class probabilities the
//! model gives them (the Evaluation panel's "most wrong" table).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::session::WasmSession;
use super::to_js;

/// The first text feature's test cells (split order; `""` when missing) and their class
/// probabilities, flat `[rows × classes]` (field types whose serialisers the package has already).
#[derive(Serialize)]
struct TestTexts {
    texts: Vec<String>,
    probabilities: Vec<f32>,
}

#[wasm_bindgen]
impl WasmSession {
    /// `{texts, probabilities}` for a configured classifier with a text feature, else `null`.
    #[wasm_bindgen(js_name = testTexts)]
    pub fn test_texts(&mut self) -> Result<JsValue, JsError> {
        let (Some(session), Some(table)) = (self.session.as_mut(), self.table.as_ref()) else {
            return to_js(&None::<TestTexts>);
        };
        let pre = &session.data.preprocessing;
        let text = pre.text().filter(|_| pre.classes.is_some());
        let i = text.and_then(|t| t.vocabulary.iter().position(Option::is_some));
        let Some(col) = i.and_then(|i| table.columns.iter().find(|c| c.name == pre.features[i]))
        else {
            return to_js(&None::<TestTexts>);
        };
        let texts = (session.data.test_rows.iter())
            .map(|&r| col.data.text(r).unwrap_or_default())
            .collect();
        let x = session.data.x_test.clone();
        let p = session.predict(&x);
        let probabilities = p.as_slice().unwrap_or_default().to_vec();
        to_js(&Some(TestTexts {
            texts,
            probabilities,
        }))
    }
}
