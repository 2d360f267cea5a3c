//! Worker shell for compression and explanations (Deployment, Evaluation, Application panels):
//! the trade-off table of the trained model and its int8 and pruned versions, and the model's
//! explanations.

use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use super::session::WasmSession;
use super::{js_error, to_js};
use crate::compress;
use crate::error::Error;
use crate::explain::report::{explain, Settings};
use crate::io::model_file::test_metrics;
use crate::io::{Model, ModelFile};

/// Pruning levels the Deployment panel compares, and the fine-tuning epochs each gets.
const SPARSITIES: [f32; 3] = [0.5, 0.8, 0.9];
const FINE_TUNE_EPOCHS: usize = 2;

#[wasm_bindgen]
impl WasmSession {
    /// The trained session's model (or, with `imported`, the kept model: a lab worker opens the
    /// page's model file) as f32, int8 and pruned to 50/80/90% (2 epochs of fine-tuning each):
    /// `[{name, sparsity, int8, bytes, json, test, predict_ms}]`, measured on the test rows of
    /// the loaded table (`predict_ms`: one prediction of every test row, the mean over repeats
    /// for at least 100 ms by `now()` in milliseconds).
    #[wasm_bindgen(js_name = compressReport)]
    pub fn compress_report(
        &mut self,
        now: &js_sys::Function,
        imported: Option<bool>,
    ) -> Result<JsValue, JsError> {
        let Some(table) = self.table.as_ref() else {
            return Err(js_error(Error::State(
                "load the data the model was trained on first".into(),
            )));
        };
        let (file, owned);
        let data = match (imported.unwrap_or(false), self.session.as_mut()) {
            (true, _) => {
                let model = self.model.as_ref().ok_or_else(|| {
                    js_error(Error::State(
                        "open a model file before compressing it".into(),
                    ))
                })?;
                file = model.file.clone();
                owned = compress::prepared(&file, table).map_err(js_error)?;
                &owned
            }
            (false, Some(session)) => {
                file = ModelFile::from_session(session);
                &session.data
            }
            (false, None) => {
                return Err(js_error(Error::State(
                    "train a model before compressing it".into(),
                )))
            }
        };
        let clock = || {
            now.call0(&JsValue::NULL)
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0)
        };
        let mut rows = vec![];
        let mut add = |name: &str, sparsity: f32, file: ModelFile| -> crate::Result<()> {
            let mut model = Model::from_file("model", file)?;
            let test = compress::evaluate(&mut model, data);
            if model.file.quantization.is_some() {
                // As `kindling quantize` writes it: the file's test metrics are its int8 weights'.
                model.file.metrics.test = test_metrics(&test);
            }
            let json = model.file.to_json();
            let (t0, mut n) = (clock(), 0u32);
            while n < 3 || clock() - t0 < 100.0 {
                model.network_mut().predict(&data.x_test);
                n += 1;
            }
            let ms = (clock() - t0) / f64::from(n);
            rows.push(json!({"name": name, "sparsity": sparsity, "int8": model.file.quantization.is_some(),
                "bytes": json.len(), "json": json, "test": test, "predict_ms": ms}));
            Ok(())
        };
        add("float32", 0.0, file.clone()).map_err(js_error)?;
        add(
            "int8",
            0.0,
            compress::quantize("model", &file).map_err(js_error)?,
        )
        .map_err(js_error)?;
        for s in SPARSITIES {
            let pruned =
                compress::prune("model", &file, table, s, FINE_TUNE_EPOCHS).map_err(js_error)?;
            add("pruned", s, pruned.file).map_err(js_error)?;
        }
        to_js(&Value::Array(rows))
    }

    /// The kept model's (`importModel`) test metrics on the loaded table: its experiment's split
    /// and seed pick the test rows training tested on, so a page that opened a model file and
    /// loaded its data again gets the file's `metrics.test` (the `evaluation` message's fields).
    #[wasm_bindgen(js_name = evaluateImported)]
    pub fn evaluate_imported(&mut self) -> Result<JsValue, JsError> {
        let table = self.table.as_ref().ok_or_else(|| {
            js_error(Error::State(
                "load the data the model was trained on first".into(),
            ))
        })?;
        let model = self.model.as_mut().ok_or_else(|| {
            js_error(Error::State(
                "open a model file before evaluating it".into(),
            ))
        })?;
        let data = compress::prepared(&model.file, table).map_err(js_error)?;
        to_js(&compress::evaluate(model, &data))
    }

    /// Permutation importance on the test rows and integrated gradients of table row `row`
    /// (`{importance, explanation}`, as `kindling explain`); `imported` picks the kept model.
    pub fn explain(&mut self, row: usize, imported: bool) -> Result<JsValue, JsError> {
        let table = self.table.take().ok_or_else(|| {
            js_error(Error::State(
                "load the data the model was trained on first".into(),
            ))
        })?;
        let settings = Settings {
            row,
            ..Settings::default()
        };
        let out = self.with_model(imported, |m| explain(m, &table, settings));
        self.table = Some(table);
        to_js(&out?)
    }

    /// Permutation importance alone (`importance` of [`explain`](Self::explain)): a window
    /// series' first rows cannot be explained, and the Evaluation panel needs no row.
    pub fn importance(&mut self, imported: bool) -> Result<JsValue, JsError> {
        let table = self.table.take().ok_or_else(|| {
            js_error(Error::State(
                "load the data the model was trained on first".into(),
            ))
        })?;
        let out = self.with_model(imported, |m| {
            crate::explain::report::importance(m, &table, Settings::default())
        });
        self.table = Some(table);
        to_js(&out?)
    }

    /// Integrated gradients (`explanation` of [`explain`](Self::explain)) for one input typed
    /// into the Application panel: `record_json` is `{feature: number | text | null}`.
    #[wasm_bindgen(js_name = explainInput)]
    pub fn explain_input(&mut self, record_json: &str, imported: bool) -> Result<JsValue, JsError> {
        let bad = |e: &dyn std::fmt::Display| {
            js_error(Error::data(
                "input",
                format!("the input must be a JSON object of features: {e}"),
            ))
        };
        let value = crate::json::parse(record_json).map_err(|e| bad(&e))?;
        let record: serde_json::Map<String, Value> =
            crate::json::from_value(&value).map_err(|e| bad(&e))?;
        to_js(&self.with_model(imported, |m| {
            let features = m.file.preprocessing.features.clone();
            let table = crate::io::model::records_table(&features, &[record])?;
            crate::explain::report::attribution(m, &table, Settings::default())
        })?)
    }
}
