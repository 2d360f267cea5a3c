//! What a whole model will hold, checked before it is allocated: each layer type says how many
//! parameters it has for an input shape and how many values it keeps per sample for backward
//! ([`LayerSize`], next to the type's config); [`Budget`] adds them up against [`MAX_PARAMS`]
//! and [`MAX_ACTIVATIONS`] and names the largest layer when the model is too large.

use crate::error::{Error, Result};

/// The most trainable parameters a model may have (with gradients and Adam's two moments, 64 MB).
pub const MAX_PARAMS: usize = 4_000_000;
/// The most values the layers may keep for one batch's backward pass (256 MB of f32).
pub const MAX_ACTIVATIONS: usize = 64_000_000;

/// A layer type's size, from its config and input shape (no batch axis) alone.
pub trait LayerSize {
    /// Trainable parameters for inputs `input` (0 for a shape the layer cannot take: building
    /// reports that).
    fn params(&self, _input: &[usize]) -> usize {
        0
    }

    /// Values kept per sample for backward: by default the output `output`.
    fn cached(&self, _input: &[usize], output: &[usize]) -> usize {
        output.iter().product()
    }
}

/// The running totals of a model being built.
#[derive(Debug, Default)]
pub struct Budget {
    params: usize,
    /// Values kept per sample, all layers.
    pub cached: usize,
    /// The layer with the most parameters so far: `(index, type, parameters)`.
    largest: (usize, &'static str, usize),
}

impl Budget {
    /// Counts layer `index` of type `kind` with `params` parameters; refuses it (before it is
    /// allocated) when the model passes [`MAX_PARAMS`].
    pub fn add(&mut self, index: usize, kind: &'static str, params: usize) -> Result<()> {
        self.params = self.params.saturating_add(params);
        if params >= self.largest.2 {
            self.largest = (index, kind, params);
        }
        if self.params <= MAX_PARAMS {
            return Ok(());
        }
        let (i, kind, p) = self.largest;
        Err(Error::Model(format!(
            "the model would hold {} parameters by Layer {}, more than the {MAX_PARAMS} a model may have; the largest is Layer {} ({kind}) with {p} — use fewer units or layers",
            self.params,
            index + 1,
            i + 1
        )))
    }

    /// Refuses batches of `batch` samples whose kept values pass [`MAX_ACTIVATIONS`].
    pub fn check_batch(&self, batch: usize) -> Result<()> {
        let values = self.cached.saturating_mul(batch);
        if values <= MAX_ACTIVATIONS {
            return Ok(());
        }
        let most = (MAX_ACTIVATIONS / self.cached.max(1)).max(1);
        Err(Error::Model(format!(
            "one batch of {batch} samples keeps {values} values for training ({} per sample), more than the {MAX_ACTIVATIONS} a session can hold; set fit.batch_size to {most} or less, or use a smaller model",
            self.cached
        )))
    }
}
