//! One trial: an experiment with a trial's settings, trained on the development table and scored
//! on validation rows only (the experiment's validation split, or k folds).
//!
//! Trials are independent, so callers may run them in any order or in parallel workers.

use serde::{Deserialize, Serialize};

use super::holdout::{take_rows, Holdout};
use super::plan::Validation;
use super::space::{apply, Settings};
use crate::data::Table;
use crate::error::{Error, Result};
use crate::experiment::{Experiment, SplitConfig, SplitMethod};
use crate::rng::Rng;
use crate::train::{EpochRecord, Session};

/// What one trial did. `score` (lower is better) is the validation loss of the model the trial
/// ends with: the best epoch's when early stopping stopped and restored its weights, else the last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrialResult {
    /// Position in the plan (`None` for the baseline).
    pub index: Option<usize>,
    pub settings: Settings,
    /// Mean validation loss over the folds; `None` when training failed.
    pub score: Option<f32>,
    /// Mean validation accuracy (classification).
    pub val_accuracy: Option<f32>,
    /// The score of each fold (one entry for a validation split).
    pub folds: Vec<f32>,
    /// Epochs trained (first fold).
    pub epochs: usize,
    /// Training loss per epoch (first fold), for a sparkline.
    pub loss: Vec<f32>,
    /// Validation loss per epoch (first fold).
    pub val_loss: Vec<f32>,
    /// Why training failed (e.g. the loss diverged).
    pub error: Option<String>,
    /// Successive halving stopped this trial after `epochs` epochs: its score is that epoch's.
    #[serde(default)]
    pub pruned: bool,
}

/// Runs trial `index` (`None` = the experiment as it is) on the development rows, to the end.
/// An `Err` means the settings or data cannot be used at all; a diverging trial is an `Ok` with
/// `score: None` and the reason in `error`.
pub fn run_trial(
    base: &Experiment,
    index: Option<usize>,
    settings: &Settings,
    dev: &Holdout,
    validation: Validation,
) -> Result<TrialResult> {
    let mut run = TrialRun::new(base, index, settings, dev, validation)?;
    run.advance(usize::MAX)?;
    Ok(run.result)
}

/// A trial under way: one training session per fold, trained a number of epochs at a time.
/// Training to 10 epochs, then on to 30, ends exactly like training to 30 straight away.
pub struct TrialRun {
    sessions: Vec<Session>,
    validation: Validation,
    dev_rows: usize,
    /// The result after the epochs trained so far.
    pub result: TrialResult,
}

impl TrialRun {
    /// Prepares trial `index` (`None` = the experiment as it is); no epoch is trained yet.
    pub fn new(
        base: &Experiment,
        index: Option<usize>,
        settings: &Settings,
        dev: &Holdout,
        validation: Validation,
    ) -> Result<TrialRun> {
        let exp = dev.experiment(&apply(base, settings)?);
        let sessions = folds(&exp, &dev.dev, validation)
            .into_iter()
            .map(|(e, table)| Session::new(e, &table))
            .collect::<Result<Vec<_>>>()?;
        Ok(TrialRun {
            sessions,
            validation,
            dev_rows: dev.dev.rows,
            result: TrialResult {
                index,
                settings: settings.clone(),
                score: None,
                val_accuracy: None,
                folds: vec![],
                epochs: 0,
                loss: vec![],
                val_loss: vec![],
                error: None,
                pruned: false,
            },
        })
    }

    /// True when every fold trained all its epochs, stopped early or failed.
    pub fn is_done(&self) -> bool {
        self.result.error.is_some() || self.sessions.iter().all(Session::is_done)
    }

    /// Epochs trained so far, over all folds.
    pub fn epochs_trained(&self) -> usize {
        self.sessions.iter().map(|s| s.history().len()).sum()
    }

    /// Trains every fold until it has `epochs` epochs (or ends), then scores the trial on the
    /// weights it has now.
    pub fn advance(&mut self, epochs: usize) -> Result<&TrialResult> {
        if self.result.error.is_some() {
            return Ok(&self.result);
        }
        let (mut scores, mut accuracies) = (vec![], vec![]);
        for (fold, session) in self.sessions.iter_mut().enumerate() {
            while !session.is_done() && session.history().len() < epochs {
                if let Err(e) = session.step(usize::MAX) {
                    self.result.error = Some(e.to_string());
                    self.result.score = None;
                    return Ok(&self.result);
                }
            }
            let end = current_record(session);
            let Some(score) = end.and_then(|r| r.val_loss) else {
                return Err(no_validation_rows(self.validation, fold, self.dev_rows));
            };
            scores.push(score);
            accuracies.extend(end.and_then(|r| r.val_accuracy));
        }
        let history = self.sessions[0].history();
        let r = &mut self.result;
        r.epochs = history.len();
        r.loss = history.iter().map(|r| r.loss).collect();
        r.val_loss = history.iter().filter_map(|r| r.val_loss).collect();
        let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
        r.score = Some(mean(&scores)).filter(|s| s.is_finite());
        r.val_accuracy = (!accuracies.is_empty()).then(|| mean(&accuracies));
        r.folds = scores;
        Ok(&self.result)
    }
}

fn no_validation_rows(validation: Validation, fold: usize, rows: usize) -> Error {
    match validation {
        Validation::Kfold { k } => Error::experiment(
            "search.validation.k",
            format!("fold {} of {k} has no validation rows to score ({rows} development rows); use fewer folds", fold + 1),
        ),
        Validation::Split => Error::experiment(
            "data.split.validation",
            "a search needs validation rows to score trials; set data.split.validation above 0 or use k-fold",
        ),
    }
}

/// The (experiment, table) pair of each fold.
fn folds(exp: &Experiment, dev: &Table, validation: Validation) -> Vec<(Experiment, Table)> {
    let Validation::Kfold { k } = validation else {
        return vec![(exp.clone(), dev.clone())];
    };
    let n = dev.rows;
    let mut order: Vec<usize> = (0..n).collect();
    Rng::new(exp.seed).shuffle(&mut order);
    (0..k)
        .map(|i| {
            let (lo, hi) = (i * n / k, (i + 1) * n / k);
            // The fold goes last; a chronological split with its exact fraction makes it validation.
            let rows: Vec<usize> = order[..lo]
                .iter()
                .chain(&order[hi..])
                .chain(&order[lo..hi])
                .copied()
                .collect();
            let mut e = exp.clone();
            e.data.split = SplitConfig {
                method: SplitMethod::Chronological,
                validation: (hi - lo) as f64 / n.max(1) as f64,
                test: 0.0,
            };
            (e, take_rows(dev, &rows))
        })
        .collect()
}

/// The record describing the weights the session has now: the best epoch's when early stopping
/// stopped training and restored them, else the last epoch's.
fn current_record(session: &Session) -> Option<&EpochRecord> {
    let history = session.history();
    let restores = session
        .experiment
        .fit
        .early_stopping
        .as_ref()
        .is_some_and(|es| es.restore_best_weights && es.monitor == "val_loss");
    if restores && session.stopped_early() {
        history
            .iter()
            .filter(|r| r.val_loss.is_some_and(f32::is_finite))
            .min_by(|a, b| a.val_loss.partial_cmp(&b.val_loss).expect("finite"))
    } else {
        history.last()
    }
}
