//! Worker shell for deployment: export and import the model file, predict on raw rows.

use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;

use super::session::WasmSession;
use super::{js_error, to_js};
use crate::data::{read_csv, reader::source_rows};
use crate::error::Error;
use crate::io::{model_text, Model, ModelFile};

#[wasm_bindgen]
impl WasmSession {
    /// The trained session as a model file; returns `{json, card}` and keeps that model for
    /// predictions.
    #[wasm_bindgen(js_name = exportModel)]
    pub fn export_model(&mut self) -> Result<JsValue, JsError> {
        let session = self
            .session
            .as_mut()
            .ok_or_else(|| js_error(Error::State("train a model before downloading it".into())))?;
        let file = ModelFile::from_session(session);
        let text = file.to_json();
        let model = Model::from_file("model", file).map_err(js_error)?;
        let out = to_js(&json!({ "json": text, "card": model.card() }))?;
        self.model = Some(model);
        Ok(out)
    }

    /// Reads a model file's bytes (named `name` in messages; UTF-8, or UTF-16 as Windows editors
    /// save it: `io::model_text`); returns `{card}` and keeps the model for predictions. On error
    /// the previous model stays.
    #[wasm_bindgen(js_name = importModel)]
    pub fn import_model(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        let text = model_text::decode(name, bytes).map_err(js_error)?;
        let model = Model::from_json(name, &text).map_err(js_error)?;
        let out = to_js(&json!({ "card": model.card() }))?;
        self.model = Some(model);
        Ok(out)
    }

    /// Predicts every row of CSV `bytes`; `imported` picks the kept model over the session's.
    /// Returns the predictions plus `csv`, the rows with their predictions (formulas escaped).
    #[wasm_bindgen(js_name = predictCsv)]
    pub fn predict_csv(
        &mut self,
        name: &str,
        bytes: &[u8],
        imported: bool,
    ) -> Result<JsValue, JsError> {
        let table = read_csv(name, bytes).map_err(js_error)?;
        let p = self.with_model(imported, |m| m.predict(&table))?;
        let mut out = serde_json::to_value(&p).map_err(|e| JsError::new(&e.to_string()))?;
        let source = source_rows(bytes, &table).map_err(js_error)?;
        out["csv"] = Value::String(p.to_csv(&table, &source));
        to_js(&out)
    }

    /// Predicts rows given as a JSON array of `{feature: number | text | null}` objects.
    #[wasm_bindgen(js_name = predictRows)]
    pub fn predict_rows(&mut self, rows_json: &str, imported: bool) -> Result<JsValue, JsError> {
        // Through the core's one JSON parser and reader (`crate::json`), not a second instance.
        let bad = |e: &dyn std::fmt::Display| {
            js_error(Error::data(
                "input",
                format!("rows must be a JSON array of objects: {e}"),
            ))
        };
        let value = crate::json::parse(rows_json).map_err(|e| bad(&e))?;
        let rows: Vec<Map<String, Value>> = crate::json::from_value(&value).map_err(|e| bad(&e))?;
        to_js(&self.with_model(imported, |m| m.predict_records(&rows))?)
    }

    /// Forecasts `steps` values after the end of the loaded series (`{target, history, forecast}`);
    /// `imported` picks the kept model over the session's.
    pub fn forecast(&mut self, steps: usize, imported: bool) -> Result<JsValue, JsError> {
        let table = self
            .table
            .take()
            .ok_or_else(|| js_error(Error::State("load the series before forecasting".into())))?;
        let out = self.with_model(imported, |m| m.forecast(&table, steps));
        self.table = Some(table);
        to_js(&out?)
    }

    /// Runs `f` on the kept model (`imported`) or on a model made from the session now.
    pub(super) fn with_model<T>(
        &mut self,
        imported: bool,
        f: impl FnOnce(&mut Model) -> crate::Result<T>,
    ) -> Result<T, JsError> {
        if imported {
            let model = self.model.as_mut().ok_or_else(|| {
                js_error(Error::State(
                    "open a model file before predicting with it".into(),
                ))
            })?;
            return f(model).map_err(js_error);
        }
        let session = self.session.as_mut().ok_or_else(|| {
            js_error(Error::State(
                "train a model (or open one) before predicting".into(),
            ))
        })?;
        f(&mut Model::from_session(session)).map_err(js_error)
    }
}
