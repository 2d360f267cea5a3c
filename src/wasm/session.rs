//! Worker shell: `WasmSession` owns one loaded table and one training `Session`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{install_panic_hook, js_error, to_js};
use crate::data::{read_csv_with, ColumnData, Table};
use crate::error::Error;
use crate::experiment::{BadRows, Experiment};
use crate::train::{EpochRecord, Session};

/// One worker's state: the last table loaded successfully and the session built on it.
#[wasm_bindgen]
pub struct WasmSession {
    pub(super) table: Option<Table>,
    pub(super) session: Option<Session>,
    /// The model last exported or imported (src/wasm/model.rs).
    pub(super) model: Option<crate::io::Model>,
    /// "Optimize?" for the last step that failed by diverging (its epoch never reached the history).
    failure: Option<crate::optimize::Diagnosis>,
}

/// What `configure` returns.
#[derive(Serialize)]
struct Configured<'a> {
    summary: crate::train::session::SessionSummary,
    experiment: &'a Experiment,
}

#[derive(Serialize)]
struct StepReport {
    epoch: Option<EpochRecord>,
    done: bool,
}

#[wasm_bindgen]
impl WasmSession {
    #[wasm_bindgen(constructor)]
    pub fn new() -> WasmSession {
        install_panic_hook();
        WasmSession {
            table: None,
            session: None,
            model: None,
            failure: None,
        }
    }

    /// Parses CSV `bytes` named `name` (ragged rows are an error); returns the table's summary
    /// `{name, rows, columns:[{name, kind, missing, distinct, min?, max?, mean?, std?, values?}],
    /// warnings:[{line, column, message}]}`. On error the previously loaded table stays.
    pub fn load(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        self.load_with(name, bytes, None, None)
    }

    /// [`load`](Self::load) with options: `on_bad_rows` `"error"` (default) or `"skip"`, and
    /// `on_progress(done, total)` called with the bytes parsed now and then.
    #[wasm_bindgen(js_name = loadWith)]
    pub fn load_with(
        &mut self,
        name: &str,
        bytes: &[u8],
        on_bad_rows: Option<String>,
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsError> {
        let bad_rows = match on_bad_rows.as_deref() {
            None | Some("error") => BadRows::Error,
            Some("skip") => BadRows::Skip,
            Some(other) => {
                return Err(js_error(Error::experiment(
                    "data.on_bad_rows",
                    format!("{other:?} is not an option; use \"error\" or \"skip\""),
                )))
            }
        };
        let mut progress = |done: usize, total: usize| {
            if let Some(f) = &on_progress {
                let _ = f.call2(
                    &JsValue::NULL,
                    &(done as f64).into(),
                    &(total as f64).into(),
                );
            }
        };
        let table = read_csv_with(name, bytes, bad_rows, &mut progress).map_err(js_error)?;
        let summary = to_js(&table.inspect())?;
        self.table = Some(table);
        self.session = None;
        Ok(summary)
    }

    /// Validates the experiment JSON, prepares the data and builds the model; returns
    /// `{summary, experiment}` where `experiment` has every default filled in.
    pub fn configure(&mut self, experiment_json: &str) -> Result<JsValue, JsError> {
        let exp = Experiment::from_json(experiment_json).map_err(js_error)?;
        let table = self
            .table
            .as_ref()
            .ok_or_else(|| js_error(Error::State("load a dataset before configuring".into())))?;
        let session = Session::new(exp, table).map_err(js_error)?;
        // Written straight to JSON text (not through `json!`, whose `Value` widens each f32:
        // a dropout rate of 0.2 came back as 0.20000000298023224 and the page showed that).
        let out = to_js(&Configured {
            summary: session.summary(),
            experiment: &session.experiment,
        })?;
        self.session = Some(session);
        self.failure = None;
        Ok(out)
    }

    pub(super) fn session(&mut self) -> Result<&mut Session, JsError> {
        self.session.as_mut().ok_or_else(|| {
            js_error(Error::State(
                "configure an experiment before training".into(),
            ))
        })
    }

    /// Trains up to `max_batches` batches; returns `{epoch: record|null, done}`.
    pub fn step(&mut self, max_batches: usize) -> Result<JsValue, JsError> {
        let s = self.session()?;
        let epoch = match s.step(max_batches) {
            Ok(epoch) => epoch,
            Err(e) => {
                let failure = crate::optimize::diagnose_failure(s.history(), &e)
                    .map(|d| d.with_fixes(&s.experiment));
                self.failure = failure;
                return Err(js_error(e));
            }
        };
        to_js(&StepReport {
            epoch,
            done: s.is_done(),
        })
    }

    /// The diagnosis of the last training step that diverged (`Diagnosis`, verdict `diverged`), or
    /// `null`: a run that diverges in epoch 1 has no history for `diagnoseRun` to read.
    #[wasm_bindgen(js_name = failureDiagnosis)]
    pub fn failure_diagnosis(&self) -> Result<JsValue, JsError> {
        // `to_js(&Diagnosis)` is already in the wasm (diagnoseRun); `Option<Diagnosis>` is not.
        self.failure.as_ref().map_or(Ok(JsValue::NULL), to_js)
    }

    /// Test-set metrics.
    pub fn evaluate(&mut self) -> Result<JsValue, JsError> {
        to_js(&self.session()?.evaluate())
    }

    /// Every epoch record so far.
    pub fn history(&mut self) -> Result<JsValue, JsError> {
        to_js(&self.session()?.history())
    }

    /// Test-set targets and predictions: `{task, target, actual, predicted, classes}`.
    #[wasm_bindgen(js_name = testPredictions)]
    pub fn test_predictions(&mut self) -> Result<JsValue, JsError> {
        to_js(&self.session()?.test_predictions())
    }

    /// The decision grid (`size × size` cells) for a classifier on two features, or `null`.
    #[wasm_bindgen(js_name = decisionGrid)]
    pub fn decision_grid(&mut self, size: usize) -> Result<JsValue, JsError> {
        to_js(&self.session()?.decision_grid(size))
    }

    /// Every trainable parameter, flattened, layer by layer (dense: kernel then bias).
    pub fn weights(&mut self) -> Result<JsValue, JsError> {
        let weights: Vec<Vec<f32>> = self
            .session()?
            .weights()
            .iter()
            .map(|w| w.iter().copied().collect())
            .collect();
        to_js(&weights)
    }

    /// The first `n` rows of the loaded table as text (missing cells as empty strings).
    pub fn preview(&self, n: usize) -> Result<JsValue, JsError> {
        let table = self
            .table
            .as_ref()
            .ok_or_else(|| js_error(Error::State("load a dataset first".into())))?;
        let rows: Vec<Vec<String>> = (0..n.min(table.rows))
            .map(|r| {
                table
                    .columns
                    .iter()
                    .map(|c| cell_text(&c.data, r))
                    .collect()
            })
            .collect();
        to_js(&rows)
    }

    /// Changes the learning rate between slices.
    #[wasm_bindgen(js_name = setLearningRate)]
    pub fn set_learning_rate(&mut self, lr: f32) -> Result<(), JsError> {
        self.session()?.set_learning_rate(lr).map_err(js_error)
    }
}

impl Default for WasmSession {
    fn default() -> Self {
        Self::new()
    }
}

/// Cell `row` of a column as the user would write it.
fn cell_text(data: &ColumnData, row: usize) -> String {
    match data {
        ColumnData::Numeric(v) if v[row].is_nan() => String::new(),
        ColumnData::Numeric(v) => v[row].to_string(),
        other => other.text(row).unwrap_or_default(),
    }
}

/// The most classes a classification target may have (`data::target::MAX_CLASSES`): the worker
/// adds it to its `summary` message, so the page never sizes an output layer past it.
#[wasm_bindgen(js_name = maxClasses)]
pub fn max_classes() -> usize {
    crate::data::target::MAX_CLASSES
}

/// Panics on purpose, so tests can check that a Rust panic reaches the page as a message.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test() {
    install_panic_hook();
    panic!("deliberate panic for a test");
}
