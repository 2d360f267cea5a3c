//! One trial: an experiment with a trial's settings, trained on the development table and scored
//! on validation rows only (the experiment's validation split, or k folds).
//!
//! Trials are independent, so callers may run them in any order or in parallel workers.

use serde::{Deserialize, Serialize};

use super::holdout::{dev_experiment, take_rows};
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
}

/// Runs trial `index` (`None` = the experiment as it is) on `dev`, which holds no test rows.
/// An `Err` means the settings or data cannot be used at all; a diverging trial is an `Ok` with
/// `score: None` and the reason in `error`.
pub fn run_trial(
    base: &Experiment,
    index: Option<usize>,
    settings: &Settings,
    dev: &Table,
    validation: Validation,
) -> Result<TrialResult> {
    let exp = dev_experiment(&apply(base, settings)?);
    let mut result = TrialResult {
        index,
        settings: settings.clone(),
        score: None,
        val_accuracy: None,
        folds: vec![],
        epochs: 0,
        loss: vec![],
        val_loss: vec![],
        error: None,
    };
    let mut accuracies = vec![];
    for (fold, (fold_exp, table)) in folds(&exp, dev, validation).into_iter().enumerate() {
        let history = match train(fold_exp, &table)? {
            Ok(history) => history,
            Err(e) => {
                result.error = Some(e.to_string());
                return Ok(result);
            }
        };
        if result.folds.is_empty() {
            result.epochs = history.len();
            result.loss = history.iter().map(|r| r.loss).collect();
            result.val_loss = history.iter().filter_map(|r| r.val_loss).collect();
        }
        let end = final_record(&exp, &history);
        let Some(score) = end.and_then(|r| r.val_loss) else {
            return Err(match validation {
                Validation::Kfold { k } => Error::experiment(
                    "search.validation.k",
                    format!("fold {} of {k} has no validation rows to score ({} development rows); use fewer folds", fold + 1, dev.rows),
                ),
                Validation::Split => Error::experiment(
                    "data.split.validation",
                    "a search needs validation rows to score trials; set data.split.validation above 0 or use k-fold",
                ),
            });
        };
        result.folds.push(score);
        accuracies.extend(end.and_then(|r| r.val_accuracy));
    }
    let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
    result.score = Some(mean(&result.folds)).filter(|s| s.is_finite());
    result.val_accuracy = (!accuracies.is_empty()).then(|| mean(&accuracies));
    Ok(result)
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

/// Trains to the end. Outer `Err`: unusable input; inner `Err`: training failed (diverged).
fn train(exp: Experiment, table: &Table) -> Result<std::result::Result<Vec<EpochRecord>, Error>> {
    let mut session = Session::new(exp, table)?;
    while !session.is_done() {
        if let Err(e) = session.step(usize::MAX) {
            return Ok(Err(e));
        }
    }
    Ok(Ok(session.history().to_vec()))
}

/// The record describing the weights training ends with.
fn final_record<'a>(exp: &Experiment, history: &'a [EpochRecord]) -> Option<&'a EpochRecord> {
    let restores = exp
        .fit
        .early_stopping
        .as_ref()
        .is_some_and(|es| es.restore_best_weights && es.monitor == "val_loss");
    // A session restores the best weights only when it stops early.
    if restores && history.len() < exp.fit.epochs {
        history
            .iter()
            .filter(|r| r.val_loss.is_some_and(f32::is_finite))
            .min_by(|a, b| a.val_loss.partial_cmp(&b.val_loss).expect("finite"))
    } else {
        history.last()
    }
}
