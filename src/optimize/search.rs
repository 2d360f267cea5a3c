//! Hyper-parameter search: plan the trials, run them one by one on the development table (or
//! rung by rung with successive halving, see `halving`), pick the best by validation score.
//! Stoppable between trials.
//!
//! `search` receives only the development rows (see `holdout`), so it cannot choose by the test
//! set; the final model is retrained and reported on the test rows by the caller.

use serde::Serialize;

use super::halving::{rung_epochs, survivors};
use super::holdout::Holdout;
use super::plan::{plan, SearchConfig, Validation};
use super::space::{apply, Domain, Settings};
use super::trial::{TrialResult, TrialRun};
use crate::error::{Error, Result};
use crate::experiment::Experiment;

/// What a search found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchOutcome {
    /// Finished (or pruned) trials, in plan order.
    pub trials: Vec<TrialResult>,
    /// Epochs the trials trained in all (every fold; the baseline not counted).
    pub epochs_trained: usize,
    /// Trials the plan held (the budget, or the grid size when smaller).
    pub planned: usize,
    /// True when the caller stopped the search before every planned trial ran.
    pub stopped: bool,
    /// The experiment as it was, scored the same way (when the search config asks for it).
    pub baseline: Option<TrialResult>,
    /// Index into `trials` of the lowest score among the trials not pruned.
    pub best: Option<usize>,
    /// The settings of the best trial.
    pub best_settings: Option<Settings>,
    /// The experiment with the best settings applied (the user's split kept).
    pub best_experiment: Option<Experiment>,
}

/// Index of the lowest-scoring trial (failed and pruned trials never win; ties go to the earlier
/// trial).
pub fn best_trial(trials: &[TrialResult]) -> Option<usize> {
    trials
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.pruned)
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
    dev: &Holdout,
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
        let rows = dev.dev.rows;
        if k > rows {
            return Err(Error::experiment(
                "search.validation.k",
                format!("{k} folds need at least {k} development rows, and the data has {rows} once the test rows are set aside; use at most {} folds", rows.max(2)),
            ));
        }
    }
    Ok(planned)
}

/// Runs the search `config` describes around `base` on `dev` (development rows only).
/// `on_trial` sees each finished trial (the baseline first; with pruning, each trial again at
/// each rung it reaches) and returns `false` to stop.
pub fn search(
    config: &SearchConfig,
    base: &Experiment,
    dev: &Holdout,
    mut on_trial: impl FnMut(&TrialResult) -> bool,
) -> Result<SearchOutcome> {
    let planned = checked_plan(config, base, dev)?;
    let mut outcome = SearchOutcome {
        trials: vec![],
        epochs_trained: 0,
        planned: planned.len(),
        stopped: false,
        baseline: None,
        best: None,
        best_settings: None,
        best_experiment: None,
    };
    let new_run =
        |i: Option<usize>, s: &Settings| TrialRun::new(base, i, s, dev, config.validation);
    if config.baseline {
        let mut run = new_run(None, &Settings::new())?;
        let baseline = run.advance(usize::MAX)?.clone();
        outcome.stopped = !on_trial(&baseline);
        outcome.baseline = Some(baseline);
    }
    let rungs = config.pruning.map_or(1, |p| p.rungs);
    // The trials of the current rung, in plan order; a rung trains each a little further.
    let mut runs: Vec<TrialRun> = vec![];
    let mut results: Vec<TrialResult> = vec![];
    let mut alive: Vec<usize> = (0..planned.len()).collect();
    'rungs: for rung in 0..rungs {
        for (n, &i) in alive.iter().enumerate() {
            if outcome.stopped {
                break 'rungs;
            }
            if rung == 0 {
                runs.push(new_run(Some(i), &planned[i])?);
            }
            let run = &mut runs[n];
            let epochs = match config.pruning {
                Some(p) => rung_epochs(base_epochs(base, &planned[i]), p, rung),
                None => usize::MAX,
            };
            let result = run.advance(epochs)?.clone();
            let last = rung + 1 == rungs && n + 1 == alive.len();
            outcome.stopped = !on_trial(&result) && !last;
            match results.iter_mut().find(|r| r.index == Some(i)) {
                Some(r) => *r = result,
                None => results.push(result),
            }
        }
        if rung + 1 < rungs {
            let scores: Vec<(usize, Option<f32>)> = runs
                .iter()
                .map(|r| (r.result.index.unwrap_or(0), r.result.score))
                .collect();
            let next = survivors(&scores, config.pruning.map_or(1, |p| p.eta));
            let (kept, dropped): (Vec<TrialRun>, Vec<TrialRun>) = runs
                .into_iter()
                .partition(|r| r.result.index.is_some_and(|i| next.contains(&i)));
            for run in dropped {
                outcome.epochs_trained += run.epochs_trained();
                let r = results
                    .iter_mut()
                    .find(|r| r.index == run.result.index)
                    .expect("reported");
                r.pruned = !run.is_done();
            }
            runs = kept;
            alive = next;
        }
    }
    outcome.epochs_trained += runs.iter().map(TrialRun::epochs_trained).sum::<usize>();
    if let Some(p) = config.pruning.filter(|_| outcome.stopped) {
        // Stopped part-way through a rung: trials short of full training cannot win.
        for r in &mut results {
            let full = rung_epochs(base_epochs(base, &r.settings), p, p.rungs - 1);
            let run = runs.iter().find(|run| run.result.index == r.index);
            r.pruned |= r.epochs < full && run.is_some_and(|run| !run.is_done());
        }
    }
    outcome.trials = results;
    outcome.best = best_trial(&outcome.trials);
    if let Some(b) = outcome.best {
        let settings = outcome.trials[b].settings.clone();
        outcome.best_experiment = Some(apply(base, &settings)?);
        outcome.best_settings = Some(settings);
    }
    Ok(outcome)
}

/// The epochs a trial with `settings` trains in full (the `epochs` knob, else the experiment's).
pub fn base_epochs(base: &Experiment, settings: &Settings) -> usize {
    settings
        .get(&super::space::Knob::Epochs)
        .and_then(serde_json::Value::as_u64)
        .map_or(base.fit.epochs, |e| e as usize)
}
