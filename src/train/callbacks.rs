//! Keras-style `EarlyStopping`: watch `loss` or `val_loss`, stop after `patience` epochs without
//! improvement, optionally restoring the best epoch's weights.

use ndarray::ArrayD;

use super::history::EpochRecord;
use crate::experiment::EarlyStopping;
use crate::nn::Sequential;

/// The best value seen so far, its epoch and (with `restore_best_weights`) the weights then.
#[derive(Default)]
pub struct EarlyStopper {
    best: Option<(f32, usize, Vec<ArrayD<f32>>)>,
}

impl EarlyStopper {
    /// Forgets the best value (for a reset).
    pub fn clear(&mut self) {
        self.best = None;
    }

    /// Looks at a finished epoch; returns true when training should stop (and has restored the
    /// best weights into `model` if asked). Epochs without the monitored value are skipped.
    pub fn update(
        &mut self,
        es: &EarlyStopping,
        record: &EpochRecord,
        model: &mut Sequential,
    ) -> bool {
        let value = if es.monitor == "loss" {
            Some(record.loss)
        } else {
            record.val_loss
        };
        let Some(value) = value else { return false };
        let improved = self.best.as_ref().is_none_or(|(best, _, _)| value < *best);
        if improved {
            let weights = if es.restore_best_weights {
                model.weights()
            } else {
                vec![]
            };
            self.best = Some((value, record.epoch, weights));
            return false;
        }
        let Some((_, best_epoch, weights)) = &self.best else {
            return false;
        };
        // As Keras: stop on the `patience`-th epoch in a row without improvement (the first one
        // when patience is 0).
        if record.epoch - best_epoch < es.patience.max(1) {
            return false;
        }
        if es.restore_best_weights {
            model.set_weights(weights).expect("same architecture");
        }
        true
    }

    /// The epoch with the best monitored value so far.
    pub fn best_epoch(&self) -> Option<usize> {
        self.best.as_ref().map(|b| b.1)
    }
}
