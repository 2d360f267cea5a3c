//! The padding mask of a recurrent layer's input (an embedding's `mask_zero`, Keras semantics):
//! which steps of which samples are padding, and the carry that passes a state (forward) or a
//! state gradient (backward) through a padded step unchanged.

use ndarray::{Array2, Array3, ArrayD, Axis};

/// The padding mask `[batch, steps]` of a recurrent layer's input (0: a padded step), if it has
/// one. Not generic, unlike [`RecurrentWeights`]: one copy of its code for lstm and gru.
#[derive(Default)]
pub struct StepMask(pub Option<Array2<f32>>);

impl StepMask {
    /// [`Layer::set_mask`](super::Layer::set_mask): keeps the mask of the input `x`
    /// `[batch, steps, features]`; hands it on with `return_sequences` (one state per step).
    pub fn set(
        &mut self,
        mask: Option<Array2<f32>>,
        x: &ArrayD<f32>,
        return_sequences: bool,
    ) -> Option<Array2<f32>> {
        let dims = (x.shape().first().copied(), x.shape().get(1).copied());
        self.0 = mask.filter(|m| (Some(m.nrows()), Some(m.ncols())) == dims);
        self.0.clone().filter(|_| return_sequences)
    }

    /// Whether sample `b`'s step `t` is padding.
    pub fn padded(&self, b: usize, t: usize) -> bool {
        self.0.as_ref().is_some_and(|m| m[[b, t]] == 0.0)
    }

    /// For each sample whose step `t` is padding, copies its row of `from` `[batch, units]`
    /// into `to`: the state (forward) or the state gradient (backward) passes the step unchanged.
    pub fn carry(&self, t: usize, from: &[f32], to: &mut [f32]) {
        let Some(m) = &self.0 else { return };
        let u = from.len() / m.nrows();
        for b in (0..m.nrows()).filter(|&b| m[[b, t]] == 0.0) {
            to[b * u..][..u].copy_from_slice(&from[b * u..][..u]);
        }
    }

    /// Forward through padding in `states` `[steps + 1, batch, units]`: `states[t + 1][b] =
    /// states[t][b]` for each sample whose step `t` is padding.
    pub fn carry_states(&self, t: usize, states: &mut Array3<f32>) {
        if self.0.is_none() {
            return; // no padding: nothing to carry (every step of an unmasked sequence)
        }
        let block = states.len_of(Axis(1)) * states.len_of(Axis(2));
        let s = states.as_slice_mut().expect("contiguous");
        let (before, after) = s.split_at_mut((t + 1) * block);
        self.carry(t, &before[t * block..], &mut after[..block]);
    }
}
