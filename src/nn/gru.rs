//! `Gru`: gated recurrent unit with full backpropagation through time (Keras 2 default,
//! `reset_after = true`).
//!
//! Gates in Keras order z, r, h: `x̂ = x_t·W + b_in`, `r̂ = h_{t−1}·U + b_rec`, `z = σ(x̂_z + r̂_z)`,
//! `r = σ(x̂_r + r̂_r)`, `ĥ = tanh(x̂_h + r⊙r̂_h)`, `h_t = z⊙h_{t−1} + (1−z)⊙ĥ`, from `h_0 = 0`.
//! A padded step (mask 0) keeps `h` as it was (src/nn/recurrent.rs).
//!
//! # Shapes
//! input `[batch, steps, features]` → `[batch, units]` or `[batch, steps, units]`
//! (`return_sequences`); kernel `[features, 3·units]` (Glorot uniform), recurrent kernel
//! `[units, 3·units]` (orthogonal), bias `[2, 3·units]` (input row, recurrent row; zeros).

use ndarray::{Array2, Array3, ArrayD, Axis, Ix2};

use super::activation::sigmoid;
use super::build::BuildContext;
use super::init::{glorot_uniform, orthogonal};
use super::layer::Layer;
use super::math;
use super::matmul::{gemm_packed, Packed};
use super::recurrent::{self, input_grads, output, output_grad, recurrent_grad, RecurrentWeights};
use super::regularizer::{self, Regularizer};
use super::size::LayerSize;
use crate::error::Result;
use crate::experiment::{layer_config::layer_config, limits::MAX_UNITS};
use crate::rng::Rng;

layer_config! {
    /// Gated recurrent unit: reads a sequence [steps, features] one step at a time (lighter
    /// than an LSTM); outputs its last state (units values), or every step's [steps, units].
    pub struct GruConfig = "gru" {
        /// The size of the state: outputs per step.
        units: usize, range 1..=MAX_UNITS, page 32;
        /// Output every step's state [steps, units], for another lstm or gru after it.
        return_sequences: bool = false;
        /// An L1/L2 penalty on the input weights, added to the loss: l1·Σ|w| + l2·Σw².
        kernel_regularizer: Option<Regularizer> = None, range 0.0..=10.0, [omit_default, advanced];
    }
}

impl LayerSize for GruConfig {
    /// `3·units · (features + units + 2)` for sequences `[steps, features]` (two bias rows).
    fn params(&self, input: &[usize]) -> usize {
        recurrent::params(input, 3, self.units, 2)
    }

    /// Per step: the three gates, their recurrent parts and the hidden state (`7·units`).
    fn cached(&self, input: &[usize], _output: &[usize]) -> usize {
        recurrent::cached(input, 7, self.units)
    }
}

impl GruConfig {
    /// The layer for sequences `[steps, features]`.
    pub fn build(&self, input: &[usize], ctx: &mut BuildContext) -> Result<Box<dyn Layer>> {
        let features = recurrent::sequence_features(input, ctx)?;
        let mut l = Gru::new(features, self.units, self.return_sequences, ctx.rng);
        l.w.regularizer = self.kernel_regularizer;
        Ok(Box::new(l))
    }
}

/// A GRU layer and what its last forward pass cached.
pub struct Gru {
    /// Kernel `W`, recurrent kernel `U`, bias, their gradients and the regulariser.
    pub w: RecurrentWeights<Ix2>,
    /// Time-major inputs `[steps, batch, features]`.
    xs: Array3<f32>,
    /// Activated z, r, ĥ per step `[steps, batch, 3·units]`.
    gates: Array3<f32>,
    /// `h_{t−1}·U_h + b_rec,h` per step `[steps, batch, units]` (what r multiplies).
    rec_h: Array3<f32>,
    /// Hidden states `[steps + 1, batch, units]` (index 0 = the zero initial state).
    hs: Array3<f32>,
}

impl Gru {
    /// A layer from `features` inputs to `units` with Keras's initialisation.
    pub fn new(features: usize, units: usize, return_sequences: bool, rng: &mut Rng) -> Self {
        let kernel = glorot_uniform(features, 3 * units, rng);
        let recurrent = orthogonal(units, 3 * units, rng);
        Self::from_weights(
            kernel,
            recurrent,
            Array2::zeros((2, 3 * units)),
            return_sequences,
        )
    }

    /// A layer with the given kernel `[features, 3u]`, recurrent kernel `[u, 3u]`, bias `[2, 3u]`.
    pub fn from_weights(
        kernel: Array2<f32>,
        recurrent: Array2<f32>,
        bias: Array2<f32>,
        return_sequences: bool,
    ) -> Self {
        let empty = Array3::zeros((0, 0, 0));
        Gru {
            w: RecurrentWeights::new(kernel, recurrent, bias, return_sequences),
            xs: empty.clone(),
            gates: empty.clone(),
            rec_h: empty.clone(),
            hs: empty,
        }
    }
}

impl Layer for Gru {
    fn forward(&mut self, x: &ArrayD<f32>, _training: bool) -> ArrayD<f32> {
        let u = self.w.units();
        self.xs = recurrent::to_time_major(x);
        let (steps, batch, _) = self.xs.dim();
        self.gates = self.w.project(&self.xs);
        self.gates += &self.w.bias.row(0);
        self.rec_h = Array3::zeros((steps, batch, u));
        self.hs = Array3::zeros((steps + 1, batch, u));
        let mut rec = Array2::zeros((batch, 3 * u));
        let recurrent = self.w.packed_recurrent();
        for t in 0..steps {
            rec.assign(&self.w.bias.row(1));
            gemm_packed(
                self.hs.index_axis(Axis(0), t),
                &recurrent,
                true,
                &mut rec.view_mut(),
            );
            let r_s = rec.as_slice().expect("contiguous");
            let mut z = self.gates.index_axis_mut(Axis(0), t);
            let z = z.as_slice_mut().expect("contiguous");
            let mut rh = self.rec_h.index_axis_mut(Axis(0), t);
            let rh = rh.as_slice_mut().expect("contiguous");
            let (h_prev, h_next) = self.hs.view_mut().split_at(Axis(0), t + 1);
            let h_prev = h_prev.index_axis_move(Axis(0), t);
            let h_prev = h_prev.as_slice().expect("contiguous");
            let mut h_next = h_next.index_axis_move(Axis(0), 0);
            let h = h_next.as_slice_mut().expect("contiguous");
            for b in 0..batch {
                let (zb, rb) = (&mut z[b * 3 * u..(b + 1) * 3 * u], &r_s[b * 3 * u..]);
                for j in 0..u {
                    let k = b * u + j;
                    let zg = sigmoid(zb[j] + rb[j]);
                    let rg = sigmoid(zb[u + j] + rb[u + j]);
                    rh[k] = rb[2 * u + j];
                    let hh = math::tanh(zb[2 * u + j] + rg * rh[k]);
                    (zb[j], zb[u + j], zb[2 * u + j]) = (zg, rg, hh);
                    h[k] = zg * h_prev[k] + (1.0 - zg) * hh;
                }
            }
            self.w.mask.carry_states(t, &mut self.hs);
        }
        output(&self.hs, self.w.return_sequences)
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        self.w.expand();
        let u = self.w.units();
        let (steps, batch, _) = self.xs.dim();
        let dh_out = output_grad(grad_out, steps, self.w.return_sequences);
        let mut dx_gates = Array3::zeros(self.gates.raw_dim());
        let mut d_rec = Array3::zeros(self.gates.raw_dim());
        let mut dh = Array2::<f32>::zeros((batch, u));
        let mut direct = vec![0.0f32; batch * u];
        let recurrent_t = Packed::new(self.w.recurrent.t());
        for t in (0..steps).rev() {
            dh += &dh_out.index_axis(Axis(0), t);
            let gates = self.gates.index_axis(Axis(0), t);
            let gates = gates.as_slice().expect("contiguous");
            let rh = self.rec_h.index_axis(Axis(0), t);
            let rh = rh.as_slice().expect("contiguous");
            let h_prev = self.hs.index_axis(Axis(0), t);
            let h_prev = h_prev.as_slice().expect("contiguous");
            let dh_s = dh.as_slice().expect("contiguous");
            let mut dxt = dx_gates.index_axis_mut(Axis(0), t);
            let dxs = dxt.as_slice_mut().expect("contiguous");
            let mut drt = d_rec.index_axis_mut(Axis(0), t);
            let drs = drt.as_slice_mut().expect("contiguous");
            for b in 0..batch {
                let o = b * 3 * u;
                if self.w.mask.padded(b, t) {
                    continue; // no gate gradient; dh passes through (carry below)
                }
                for j in 0..u {
                    let k = b * u + j;
                    let (z, r, hh) = (gates[o + j], gates[o + u + j], gates[o + 2 * u + j]);
                    let da_h = dh_s[k] * (1.0 - z) * (1.0 - hh * hh);
                    let da_z = dh_s[k] * (h_prev[k] - hh) * z * (1.0 - z);
                    let da_r = da_h * rh[k] * r * (1.0 - r);
                    (dxs[o + j], dxs[o + u + j], dxs[o + 2 * u + j]) = (da_z, da_r, da_h);
                    (drs[o + j], drs[o + u + j], drs[o + 2 * u + j]) = (da_z, da_r, da_h * r);
                    direct[k] = dh_s[k] * z;
                }
            }
            // dh of padded steps passes unchanged (copied only when there is a mask)
            let after = self.w.mask.0.as_ref().map(|_| dh.clone());
            gemm_packed(drt.view(), &recurrent_t, false, &mut dh.view_mut());
            let dh_s = dh.as_slice_mut().expect("contiguous");
            dh_s.iter_mut().zip(&direct).for_each(|(d, z)| *d += z);
            if let Some(after) = &after {
                self.w
                    .mask
                    .carry(t, after.as_slice().expect("contiguous"), dh_s);
            }
        }
        let (gk, gr, gb) = &mut self.w.grads;
        recurrent_grad(&self.hs, &d_rec, gr);
        gb.row_mut(1)
            .assign(&recurrent::flat(&d_rec).sum_axis(Axis(0)));
        let dx = input_grads(&self.xs, &self.w.kernel, &dx_gates, gk, &mut gb.row_mut(0));
        regularizer::add_grad(&self.w.regularizer, &self.w.kernel, gk);
        self.w.shrink();
        dx
    }

    recurrent::layer_methods_from_weights!("gru");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::layer::tests::check_gradients;
    use crate::nn::regularizer::Regularizer;
    use ndarray::{array, Array};

    #[test]
    fn one_step_matches_hand_computed_values() {
        // One unit: W = [1, 1, 1], U = 0, biases 0; x = 0.5 → z = σ(0.5), ĥ = tanh(0.5),
        // h = (1 − z)·ĥ.
        let mut l = Gru::from_weights(
            array![[1.0f32, 1.0, 1.0]],
            Array2::zeros((1, 3)),
            Array2::zeros((2, 3)),
            false,
        );
        let h = l.forward(&array![[[0.5f32]]].into_dyn(), false);
        let z = 1.0 / (1.0 + (-0.5f64).exp());
        assert!(
            (h[[0, 0]] as f64 - (1.0 - z) * 0.5f64.tanh()).abs() < 1e-6,
            "{h}"
        );
        assert_eq!(
            Gru::new(2, 3, false, &mut Rng::new(0)).weights()[2].shape(),
            [2, 9]
        );
    }

    #[test]
    fn gradients_over_five_steps_match_finite_differences() {
        let x = Array::from_shape_fn((2, 5, 2), |(b, t, f)| {
            ((b * 5 + t * 3 + f * 7) % 11) as f32 / 5.0 - 1.0
        })
        .into_dyn();
        for return_sequences in [false, true] {
            let mut l = Gru::new(2, 3, return_sequences, &mut Rng::new(8));
            // Non-zero biases so the bias gradients are exercised away from 0.
            l.w.bias = Array::from_shape_fn((2, 9), |(i, j)| (i as f32 - 0.5) * (j as f32) / 20.0);
            check_gradients(
                &mut l,
                &x,
                &format!("gru return_sequences={return_sequences}"),
            );
        }
        let mut l = Gru::new(2, 2, false, &mut Rng::new(9));
        l.w.regularizer = Some(Regularizer { l1: 0.02, l2: 0.1 });
        check_gradients(&mut l, &x, "gru l1/l2");
    }
}
