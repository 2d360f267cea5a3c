//! What a diagnosis says (the JSON of `optimize::diagnose`): the verdict, the suggested actions,
//! the numbers behind it, and the thresholds the rules compare them with.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::space::Knob;

/// The thresholds behind the verdicts.
pub mod thresholds {
    /// A training loss this many times the first epoch's counts as exploding.
    pub const EXPLODE: f32 = 10.0;
    /// A loss that fell less than this fraction from the first epoch over `MIN_EPOCHS` is stuck.
    pub const PLATEAU_DROP: f32 = 0.02;
    pub const MIN_EPOCHS: usize = 5;
    /// Validation loss this fraction above its minimum (mean of the last 3 epochs) is rising...
    pub const VAL_RISE: f32 = 0.10;
    /// ...by at least this fraction of the fall from the first validation loss to the minimum
    /// (so noise on an already tiny validation loss is not called over-fitting)...
    pub const VAL_RISE_OF_FALL: f32 = 0.05;
    /// ...when at least this many epochs passed since the minimum...
    pub const RISE_EPOCHS: usize = 3;
    /// ...and training loss fell by at least this fraction meanwhile.
    pub const TRAIN_FALL: f32 = 0.05;
    /// Training accuracy this much above validation accuracy is memorising.
    pub const ACC_GAP: f32 = 0.15;
    /// Classification whose training accuracy stays below this under-fits.
    pub const LOW_ACCURACY: f32 = 0.9;
    /// Regression whose test R² stays below this under-fits.
    pub const LOW_R2: f32 = 0.5;
    /// Training loss still falling this fraction over the last fifth of training.
    pub const STILL_FALLING: f32 = 0.05;
    /// ...unless it is already below this fraction of the first epoch's (converged).
    pub const CONVERGED: f32 = 0.01;
}

/// The verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Diverged,
    Plateau,
    Overfitting,
    Underfitting,
    Fine,
}

/// What to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    LowerLearningRate,
    RaiseLearningRate,
    ChangeOptimizer,
    ScaleData,
    MoreEpochs,
    MoreUnits,
    MoreLayers,
    LessDropout,
    Dropout,
    L2,
    FewerUnits,
    EarlyStopping,
    MoreData,
}

/// One concrete suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub action: Action,
    pub text: String,
    /// The change to the experiment that follows the suggestion (extension; filled in by
    /// [`Diagnosis::with_fixes`], src/optimize/diagnosis_fix.rs): absent without an experiment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<crate::advice::Fix>,
}

/// The answer to "Optimize?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    pub verdict: Verdict,
    /// The recommendation: is it worth optimizing?
    pub optimize: bool,
    /// One sentence with the numbers.
    pub message: String,
    /// Over-fitting: the epoch with the lowest validation loss, after which it rose.
    pub turned_at: Option<usize>,
    /// The figures the verdict rests on (`first_loss`, `best_val_epoch`, `test_r2`, ...).
    pub numbers: BTreeMap<String, f64>,
    pub suggestions: Vec<Suggestion>,
    /// The settings a search should vary to address the verdict.
    pub vary: Vec<Knob>,
}
