//! Worker shell for the recommendation task: `WasmRecommender` owns one recommendation [`Run`]
//! built from CSV bytes and an experiment, or opened from a model file; JSON out, core errors as
//! JS `Error`s.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{install_panic_hook, js_error, to_js};
use crate::data::read_csv;
use crate::experiment::Experiment;
use crate::io::model_file::Metrics;
use crate::recommend::{RecommenderFile, Run};
use crate::train::EpochRecord;

/// One recommender being trained or used.
#[wasm_bindgen]
pub struct WasmRecommender {
    run: Run,
    /// An opened file's metrics (the model card's `rows`, `epochs` and `test`).
    opened: Option<Metrics>,
}

#[derive(Serialize)]
struct Step {
    epochs: Vec<EpochRecord>,
    done: bool,
}

#[derive(Serialize)]
struct Ids<'a> {
    users: &'a [String],
    items: &'a [String],
    titles: &'a [String],
}

#[derive(Serialize)]
struct Summary<'a> {
    rows: [usize; 3],
    params: usize,
    experiment: &'a Experiment,
}

#[wasm_bindgen]
impl WasmRecommender {
    /// Reads CSV `bytes` named `name` and prepares experiment `experiment_json` (its
    /// `"task": "recommendation"`): split, ids, model.
    #[wasm_bindgen(constructor)]
    pub fn new(
        name: &str,
        bytes: &[u8],
        experiment_json: &str,
    ) -> Result<WasmRecommender, JsError> {
        install_panic_hook();
        let exp = Experiment::from_json(experiment_json).map_err(js_error)?;
        let table = read_csv(name, bytes).map_err(js_error)?;
        Ok(WasmRecommender {
            run: Run::new(exp, &table).map_err(js_error)?,
            opened: None,
        })
    }

    /// Opens recommender model file `bytes` named `name` (`RecommenderFile::read`, `Run::open`:
    /// `kindling predict`'s checks); it has no rows until [`attach`](Self::attach).
    pub fn open(name: &str, bytes: &[u8]) -> Result<WasmRecommender, JsError> {
        install_panic_hook();
        let file = RecommenderFile::read(name, bytes).map_err(js_error)?;
        let run = Run::open(&file, name).map_err(js_error)?;
        Ok(WasmRecommender {
            run,
            opened: Some(file.metrics),
        })
    }

    /// Gives an opened model the rows of CSV `bytes` named `name` (its experiment's split and
    /// seed); an error (other training ids) leaves it as it was.
    pub fn attach(&mut self, name: &str, bytes: &[u8]) -> Result<(), JsError> {
        let table = read_csv(name, bytes).map_err(js_error)?;
        self.run.attach(&table).map_err(js_error)
    }

    /// Whether the model has rows to evaluate on (trained here, or opened and attached).
    #[wasm_bindgen(js_name = hasRows)]
    pub fn has_rows(&self) -> bool {
        self.run.has_rows()
    }

    /// An opened file's `metrics` (`{rows, history, test}`), or `null` for a model trained here.
    #[wasm_bindgen(js_name = fileMetrics)]
    pub fn file_metrics(&self) -> Result<JsValue, JsError> {
        to_js(&self.opened)
    }

    /// Trains up to `epochs` epochs: `{epochs: [EpochRecord], done}`.
    pub fn step(&mut self, epochs: usize) -> Result<JsValue, JsError> {
        let epochs = (0..epochs).map_while(|_| self.run.step()).collect();
        to_js(&Step {
            epochs,
            done: self.run.is_done(),
        })
    }

    /// The test report (`recommend::Evaluation`) and the data's warnings: `{…, warnings}`.
    pub fn evaluate(&mut self) -> Result<JsValue, JsError> {
        let eval =
            serde_json::to_value(self.run.evaluate()).map_err(|e| JsError::new(&e.to_string()))?;
        let mut eval = eval;
        eval["warnings"] = serde_json::json!(self.run.warnings);
        to_js(&eval)
    }

    /// What was built: `{rows: [train, validation, test], params, experiment}` (every default
    /// filled in), for the page's `configured` message.
    pub fn summary(&self) -> Result<JsValue, JsError> {
        let r = &self.run;
        to_js(&Summary {
            rows: [r.train.len(), r.validation.len(), r.test.len()],
            params: r.model.weights().iter().map(|w| w.len()).sum(),
            experiment: &r.experiment,
        })
    }

    /// The ids trained on: `{users, items, titles}` in index order.
    pub fn ids(&self) -> Result<JsValue, JsError> {
        let r = &self.run;
        to_js(&Ids {
            users: &r.users.ids,
            items: &r.items.ids,
            titles: &r.titles,
        })
    }

    /// User `user`'s `n` best unrated items: `[{item, title, score}]`.
    #[wasm_bindgen(js_name = topN)]
    pub fn top_n(&mut self, user: &str, n: usize) -> Result<JsValue, JsError> {
        to_js(&self.run.top_n(user, n).map_err(js_error)?)
    }

    /// The `n` items most similar to `item`: `[{item, title, score}]` (cosine).
    pub fn similar(&self, item: &str, n: usize) -> Result<JsValue, JsError> {
        to_js(&self.run.similar(item, n).map_err(js_error)?)
    }

    /// The items' 2-D embedding map, flat `[x0, y0, x1, y1, …]` in index order.
    #[wasm_bindgen(js_name = itemMap)]
    pub fn item_map(&self) -> Vec<f32> {
        self.run.item_map().into_iter().collect()
    }

    /// The model file (JSON text).
    pub fn export(&mut self) -> String {
        RecommenderFile::from_run(&mut self.run).to_json()
    }
}
