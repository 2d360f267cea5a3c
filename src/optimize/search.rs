//! Hyper-parameter search: plan the trials, run them one by one on the development table, pick
//! the best by validation score. Stoppable between trials.
//!
//! `search` receives only the development rows (see `holdout`), so it cannot choose by the test
//! set; the final model is retrained and reported on the test rows by the caller.

use serde::Serialize;

use super::plan::{plan, SearchConfig, Validation};
use super::space::{apply, Domain, Settings};
use super::trial::{run_trial, TrialResult};
use crate::data::Table;
use crate::error::{Error, Result};
use crate::experiment::Experiment;

/// What a search found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchOutcome {
    /// Finished trials, in plan order.
    pub trials: Vec<TrialResult>,
    /// Trials the plan held (the budget, or the grid size when smaller).
    pub planned: usize,
    /// True when the caller stopped the search before every planned trial ran.
    pub stopped: bool,
    /// The experiment as it was, scored the same way (when the search config asks for it).
    pub baseline: Option<TrialResult>,
    /// Index into `trials` of the lowest score.
    pub best: Option<usize>,
    /// The settings of the best trial.
    pub best_settings: Option<Settings>,
    /// The experiment with the best settings applied (the user's split kept).
    pub best_experiment: Option<Experiment>,
}

/// Index of the lowest-scoring trial (failed trials never win; ties go to the earlier trial).
pub fn best_trial(trials: &[TrialResult]) -> Option<usize> {
    trials
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.score.map(|s| (i, s)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The trials `config` plans around `base`, checked before any training: every value of the
/// space (each choice, both ends of each range) applied alone to `base`, so a value no trial
/// happens to draw is an error too; every planned trial; and enough `dev` rows for the folds.
pub fn checked_plan(
    config: &SearchConfig,
    base: &Experiment,
    dev: &Table,
) -> Result<Vec<Settings>> {
    let planned = plan(config)?;
    for (&knob, domain) in &config.vary {
        let values = match domain {
            Domain::Choice(values) => values.clone(),
            Domain::Uniform([lo, hi]) | Domain::LogUniform([lo, hi]) => {
                vec![knob.value(*lo), knob.value(*hi)]
            }
        };
        for value in values {
            // insert, not Settings::from([..]): that would add a sort to the wasm.
            let mut one = Settings::new();
            one.insert(knob, value);
            apply(base, &one)?;
        }
    }
    for settings in &planned {
        apply(base, settings)?;
    }
    if let Validation::Kfold { k } = config.validation {
        if k > dev.rows {
            return Err(Error::experiment(
                "search.validation.k",
                format!("{k} folds need at least {k} development rows, and the data has {} once the test rows are set aside; use at most {} folds", dev.rows, dev.rows.max(2)),
            ));
        }
    }
    Ok(planned)
}

/// Runs the search `config` describes around `base` on `dev` (development rows only).
/// `on_trial` sees each finished trial (the baseline first) and returns `false` to stop.
pub fn search(
    config: &SearchConfig,
    base: &Experiment,
    dev: &Table,
    mut on_trial: impl FnMut(&TrialResult) -> bool,
) -> Result<SearchOutcome> {
    let planned = checked_plan(config, base, dev)?;
    let mut outcome = SearchOutcome {
        trials: vec![],
        planned: planned.len(),
        stopped: false,
        baseline: None,
        best: None,
        best_settings: None,
        best_experiment: None,
    };
    if config.baseline {
        let baseline = run_trial(base, None, &Settings::new(), dev, config.validation)?;
        outcome.stopped = !on_trial(&baseline);
        outcome.baseline = Some(baseline);
    }
    for (i, settings) in planned.iter().enumerate() {
        if outcome.stopped {
            break;
        }
        let trial = run_trial(base, Some(i), settings, dev, config.validation)?;
        outcome.stopped = !on_trial(&trial) && i + 1 < planned.len();
        outcome.trials.push(trial);
    }
    outcome.best = best_trial(&outcome.trials);
    if let Some(b) = outcome.best {
        let settings = outcome.trials[b].settings.clone();
        outcome.best_experiment = Some(apply(base, &settings)?);
        outcome.best_settings = Some(settings);
    }
    Ok(outcome)
}
