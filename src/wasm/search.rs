//! Worker shell for hyper-parameter search: each search worker holds the development rows (the
//! test rows are dropped on arrival) and runs trials by index, whole or to a successive-halving
//! rung (keeping the trials it started, to train them on); plus the "Optimize?" diagnosis for the page.

use wasm_bindgen::prelude::*;

use super::{from_json as parse, install_panic_hook, js_error, to_js};
use crate::data::read_csv;
use crate::experiment::Experiment;
use crate::metrics::Evaluation;
use crate::optimize::halving::{rung_epochs, survivors};
use crate::optimize::search::{base_epochs, checked_plan};
use crate::optimize::space::apply;
use crate::optimize::{diagnose, Holdout, SearchConfig, Settings, TrialResult, TrialRun};
use crate::train::EpochRecord;

/// One search worker's state: the experiment, the search document, its plan and the
/// development table (train + validation rows only).
#[wasm_bindgen]
pub struct WasmSearch {
    base: Experiment,
    config: SearchConfig,
    plan: Vec<Settings>,
    dev: Holdout,
    /// Trials part-way through successive halving, with their index.
    runs: Vec<(usize, TrialRun)>,
}

#[wasm_bindgen]
impl WasmSearch {
    /// Parses the CSV, sets the experiment's test rows aside (they are dropped here) and plans
    /// the trials.
    #[wasm_bindgen(constructor)]
    pub fn new(
        name: &str,
        bytes: &[u8],
        experiment_json: &str,
        search_json: &str,
    ) -> Result<WasmSearch, JsError> {
        install_panic_hook();
        let base = Experiment::from_json(experiment_json).map_err(js_error)?;
        let config = SearchConfig::from_json(search_json).map_err(js_error)?;
        let table = read_csv(name, bytes).map_err(js_error)?;
        let dev = Holdout::new(&base, &table).map_err(js_error)?;
        let plan = checked_plan(&config, &base, &dev).map_err(js_error)?;
        Ok(WasmSearch {
            base,
            config,
            plan,
            dev,
            runs: vec![],
        })
    }

    /// The planned trials' settings, in order.
    pub fn plan(&self) -> Result<JsValue, JsError> {
        to_js(&self.plan)
    }

    /// The search document with every default filled in.
    pub fn config(&self) -> Result<JsValue, JsError> {
        to_js(&self.config)
    }

    /// Runs trial `index` (`-1` = the experiment unchanged) and returns its `TrialResult`.
    pub fn trial(&mut self, index: i32) -> Result<JsValue, JsError> {
        let (result, _) = self.train(index, -1)?;
        to_js(&result)
    }

    /// Runs trial `index` (`-1` = the experiment unchanged) to the end of successive-halving rung
    /// `rung` (`-1`, or no pruning: to the end), going on from where this worker left it, and
    /// returns `[TrialResult, done]`, `done` being false while the trial has epochs left to train.
    pub fn rung(&mut self, index: i32, rung: i32) -> Result<JsValue, JsError> {
        to_js(&self.train(index, rung)?)
    }
}

impl WasmSearch {
    fn train(&mut self, index: i32, rung: i32) -> Result<(TrialResult, bool), JsError> {
        let (idx, settings) = match usize::try_from(index) {
            Ok(i) => (
                Some(i),
                self.plan
                    .get(i)
                    .cloned()
                    .ok_or_else(|| JsError::new(&format!("there is no trial {i}")))?,
            ),
            Err(_) => (None, Settings::new()),
        };
        let epochs = match (self.config.pruning, usize::try_from(rung)) {
            (Some(p), Ok(r)) => rung_epochs(base_epochs(&self.base, &settings), p, r),
            _ => usize::MAX,
        };
        let key = idx.unwrap_or(usize::MAX);
        let held = self.runs.iter().position(|(i, _)| *i == key);
        let mut run = match held {
            Some(at) => self.runs.swap_remove(at).1,
            None => TrialRun::new(
                &self.base,
                idx,
                &settings,
                &self.dev,
                self.config.validation,
            )
            .map_err(js_error)?,
        };
        let result = run.advance(epochs).map_err(js_error)?.clone();
        let done = run.is_done();
        if !done {
            self.runs.push((key, run));
        }
        Ok((result, done))
    }
}

/// Successive halving's survivors of a rung: the trials `indices` with their `scores` (NaN for a
/// failed trial) → the indices that go on.
#[wasm_bindgen(js_name = halvingSurvivors)]
pub fn halving_survivors(indices: Vec<u32>, scores: Vec<f32>, eta: usize) -> Vec<u32> {
    let pairs: Vec<(usize, Option<f32>)> = indices
        .iter()
        .zip(&scores)
        .map(|(&i, &s)| (i as usize, Some(s).filter(|s| !s.is_nan())))
        .collect();
    survivors(&pairs, eta)
        .into_iter()
        .map(|i| i as u32)
        .collect()
}

/// The default search document (what the Optimization panel starts from).
#[wasm_bindgen(js_name = defaultSearch)]
pub fn default_search() -> Result<JsValue, JsError> {
    to_js(&SearchConfig::default())
}

/// `experiment` with `settings` (a trial's `{knob: value}`) applied and validated.
#[wasm_bindgen(js_name = applySettings)]
pub fn apply_settings(experiment_json: &str, settings_json: &str) -> Result<JsValue, JsError> {
    let base = Experiment::from_json(experiment_json).map_err(js_error)?;
    let settings: Settings = parse("settings", settings_json)?;
    to_js(&apply(&base, &settings).map_err(js_error)?)
}

/// "Optimize?": the diagnosis of a history (`[{epoch, loss, val_loss, ...}]`) and, optionally,
/// test metrics (`{loss, accuracy, r2, ...}` or `null`); with the run's experiment (optional,
/// extension) each suggestion carries its `fix` (src/optimize/diagnosis_fix.rs).
#[wasm_bindgen(js_name = diagnoseRun)]
pub fn diagnose_run(
    history_json: &str,
    evaluation_json: &str,
    experiment_json: Option<String>,
) -> Result<JsValue, JsError> {
    let history: Vec<EpochRecord> = parse("history", history_json)?;
    let v: serde_json::Value = parse("evaluation", evaluation_json)?;
    let number = |k: &str| {
        v.get(k)
            .and_then(serde_json::Value::as_f64)
            .map(|x| x as f32)
    };
    let test = v.is_object().then(|| Evaluation {
        rows: v["rows"].as_u64().unwrap_or(0) as usize,
        loss: number("loss"),
        accuracy: number("accuracy"),
        rmse: number("rmse"),
        r2: number("r2"),
        ..Default::default()
    });
    let d = diagnose(&history, test.as_ref());
    match experiment_json {
        Some(text) => to_js(&d.with_fixes(&Experiment::from_json(&text).map_err(js_error)?)),
        None => to_js(&d),
    }
}
