//! The `Layer` trait: forward caches what backward needs; backward fills parameter gradients.

use ndarray::{Array2, ArrayD, ArrayViewD, ArrayViewMutD};

use crate::error::{Error, Result};

/// One trainable tensor and its gradient from the last `backward`.
pub struct ParamMut<'a> {
    pub value: ArrayViewMutD<'a, f32>,
    pub grad: ArrayViewD<'a, f32>,
}

/// Overwrites `params` (a model's, in order) with `weights`; errors name the tensor whose count
/// or shape differs (Sequential's and the recommender's `set_weights`).
// Inlined: pkg/ holds one caller (Sequential), and a call of its own cost 146 gzipped bytes.
#[inline(always)]
pub fn set_params(mut params: Vec<ParamMut<'_>>, weights: &[ArrayD<f32>]) -> Result<()> {
    if params.len() != weights.len() {
        return Err(Error::Model(format!(
            "{} weight tensors given, the model has {}",
            weights.len(),
            params.len()
        )));
    }
    for (i, (p, w)) in params.iter_mut().zip(weights).enumerate() {
        if p.value.shape() != w.shape() {
            return Err(Error::Model(format!(
                "weight tensor {i} has shape {:?}, the model needs {:?}",
                w.shape(),
                p.value.shape()
            )));
        }
        p.value.assign(w);
    }
    Ok(())
}

/// A differentiable layer. Shapes are checked once when the model is built, so these never fail.
pub trait Layer: Send {
    /// Computes the output for `x`; in training mode caches what `backward` needs.
    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32>;

    /// Given dLoss/dOutput for the last training `forward`, stores dLoss/dParams (overwriting) and
    /// returns dLoss/dInput.
    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32>;

    /// [`backward`](Self::backward) where nothing needs dLoss/dInput (the model's first layer):
    /// stores the same parameter gradients; layers that can skip the input gradient override it.
    fn backward_params(&mut self, grad_out: &ArrayD<f32>) {
        self.backward(grad_out);
    }

    /// The trainable parameters with their gradients, in a fixed order.
    fn params(&mut self) -> Vec<ParamMut<'_>>;

    /// Copies of the parameter values, in the order of [`params`](Self::params).
    fn weights(&self) -> Vec<ArrayD<f32>>;

    /// The output shape (without the batch axis) for an input shape (without the batch axis).
    fn output_shape(&self, input: &[usize]) -> Vec<usize>;

    /// A short name for summaries, e.g. `dense`.
    fn kind(&self) -> &'static str;

    /// Called before each [`forward`](Self::forward) with the padding mask of its input
    /// `x` (`[batch, steps]`, 1 a token, 0 padding; `None`: no mask) and returns the mask of
    /// its output (Keras's `compute_mask`). Layers that use the mask keep it for forward and
    /// backward; by default a layer drops it.
    fn set_mask(&mut self, _mask: Option<Array2<f32>>, _x: &ArrayD<f32>) -> Option<Array2<f32>> {
        None
    }

    /// The regularisation penalty this layer adds to the loss (its gradient is already included
    /// in the parameter gradients `backward` stores). 0 without a regulariser.
    fn penalty(&self) -> f32 {
        0.0
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use ndarray::{Array, Dimension};

    /// Checks `backward` against central differences of `sum(w ⊙ forward(x)) + penalty` for every parameter
    /// entry and every input entry. Uses f64-friendly step sizes for f32 maths.
    pub fn check_gradients(layer: &mut dyn Layer, x: &ArrayD<f32>, what: &str) {
        let y = layer.forward(x, true);
        let w = Array::from_shape_fn(y.raw_dim(), |idx| {
            ((idx.slice().iter().sum::<usize>() * 7 + 3) % 11) as f32 / 5.0 - 1.0
        });
        let grad_x = layer.backward(&w);
        let analytic: Vec<Vec<f32>> = layer
            .params()
            .iter()
            .map(|p| p.grad.iter().copied().collect())
            .collect();
        let objective = |layer: &mut dyn Layer, x: &ArrayD<f32>| {
            (&layer.forward(x, false) * &w).sum() as f64 + layer.penalty() as f64
        };
        let h = 1e-2f32;
        let close = |num: f64, ana: f32| {
            (num - ana as f64).abs() <= 2e-2 * (1.0 + num.abs().max(ana.abs() as f64))
        };
        for (p, grads) in analytic.iter().enumerate() {
            for (k, &ana) in grads.iter().enumerate() {
                let bump = |d: f32, layer: &mut dyn Layer| {
                    let mut ps = layer.params();
                    ps[p].value.as_slice_mut().unwrap()[k] += d;
                };
                bump(h, layer);
                let up = objective(layer, x);
                bump(-2.0 * h, layer);
                let down = objective(layer, x);
                bump(h, layer);
                let num = (up - down) / (2.0 * h as f64);
                assert!(
                    close(num, ana),
                    "{what}: param {p}[{k}] numeric {num} vs analytic {ana}"
                );
            }
        }
        for k in 0..x.len() {
            let mut xp = x.clone();
            xp.as_slice_mut().unwrap()[k] += h;
            let up = objective(layer, &xp);
            xp.as_slice_mut().unwrap()[k] -= 2.0 * h;
            let down = objective(layer, &xp);
            let num = (up - down) / (2.0 * h as f64);
            let ana = grad_x.as_slice().unwrap()[k];
            assert!(
                close(num, ana),
                "{what}: input[{k}] numeric {num} vs analytic {ana}"
            );
        }
    }
}
