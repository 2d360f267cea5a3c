//! "Optimize?" (是否优化？): reads a training history and the test metrics and says whether the
//! model diverged, plateaued, over-fits, under-fits or is fine, with the numbers behind the verdict,
//! concrete suggestions and the settings worth searching over.

use super::diagnosis_rules::{diverged, Facts};
use crate::error::Error;
use crate::metrics::Evaluation;
use crate::train::EpochRecord;

pub use super::verdict::{thresholds, Action, Diagnosis, Suggestion, Verdict};

/// Diagnoses a finished (or stopped) training run from its history and, if known, test metrics.
pub fn diagnose(history: &[EpochRecord], test: Option<&Evaluation>) -> Diagnosis {
    let mut f = Facts::new(history, test);
    if history.is_empty() {
        return f.verdict(
            Verdict::Fine,
            "Nothing to diagnose yet: no epoch has finished.".into(),
            None,
            vec![],
            vec![],
        );
    }
    if let Some(bad) = history.iter().find(|r| !r.loss.is_finite()) {
        return diverged(f, bad.epoch, bad.loss);
    }
    if let Some((epoch, value)) = f.exploding() {
        return diverged(f, epoch, value);
    }
    if let Some(d) = f.plateau() {
        return d;
    }
    if let Some(d) = f.overfitting() {
        return d;
    }
    f.underfitting_or_fine()
}

/// Diagnoses a run that ended with an error: `Some` for a divergence, `None` for other errors.
pub fn diagnose_failure(history: &[EpochRecord], error: &Error) -> Option<Diagnosis> {
    match error {
        Error::Diverged { epoch, value, .. } => {
            Some(diverged(Facts::new(history, None), *epoch, *value))
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "diagnosis_tests.rs"]
mod tests;
