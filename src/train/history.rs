//! One record per epoch, with Keras's names (`loss`, `val_loss`, `accuracy`, `val_accuracy`).

use serde::{Deserialize, Serialize};

/// What one epoch did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EpochRecord {
    pub epoch: usize,
    /// Mean training loss over the epoch's batches (weighted by batch size).
    pub loss: f32,
    pub val_loss: Option<f32>,
    pub accuracy: Option<f32>,
    pub val_accuracy: Option<f32>,
}
