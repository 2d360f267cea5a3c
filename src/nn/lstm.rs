//! `Lstm`: long short-term memory with full backpropagation through time (Keras semantics).
//!
//! Gates in Keras order i, f, c, o: `z_t = x_t·W + h_{t−1}·U + b` (one matmul per step for all
//! four gates), `i, f, o = σ(z)`, `g = tanh(z_c)`, `c_t = f⊙c_{t−1} + i⊙g`, `h_t = o⊙tanh(c_t)`,
//! from `h_0 = c_0 = 0`. A padded step (mask 0) keeps `c` and `h` as they were
//! (src/nn/recurrent.rs).
//!
//! # Shapes
//! input `[batch, steps, features]` → `[batch, units]` (last state) or `[batch, steps, units]`
//! (`return_sequences`); kernel `W` `[features, 4·units]` (Glorot uniform), recurrent kernel `U`
//! `[units, 4·units]` (orthogonal), bias `[4·units]` (zeros, forget gate ones).

use ndarray::{s, Array1, Array2, Array3, ArrayD, Axis, Ix1};

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
    /// Long short-term memory: reads a sequence [steps, features] one step at a time, keeping a
    /// memory cell; outputs its last state (units values), or every step's [steps, units].
    pub struct LstmConfig = "lstm" {
        /// The size of the state: outputs per step.
        units: usize, range 1..=MAX_UNITS, page 32;
        /// Output every step's state [steps, units], for another lstm or gru after it.
        return_sequences: bool = false;
        /// An L1/L2 penalty on the input weights, added to the loss: l1·Σ|w| + l2·Σw².
        kernel_regularizer: Option<Regularizer> = None, range 0.0..=10.0, [omit_default, advanced];
    }
}

impl LayerSize for LstmConfig {
    /// `4·units · (features + units + 1)` for sequences `[steps, features]`.
    fn params(&self, input: &[usize]) -> usize {
        recurrent::params(input, 4, self.units, 1)
    }

    /// Per step: the four gates, the cell and hidden states and `tanh(c)` (`8·units`).
    fn cached(&self, input: &[usize], _output: &[usize]) -> usize {
        recurrent::cached(input, 8, self.units)
    }
}

impl LstmConfig {
    /// The layer for sequences `[steps, features]`.
    pub fn build(&self, input: &[usize], ctx: &mut BuildContext) -> Result<Box<dyn Layer>> {
        let features = recurrent::sequence_features(input, ctx)?;
        let mut l = Lstm::new(features, self.units, self.return_sequences, ctx.rng);
        l.w.regularizer = self.kernel_regularizer;
        Ok(Box::new(l))
    }
}

/// An LSTM layer and what its last training forward pass cached.
pub struct Lstm {
    /// Kernel `W`, recurrent kernel `U`, bias, their gradients and the regulariser.
    pub w: RecurrentWeights<Ix1>,
    /// Time-major inputs `[steps, batch, features]`.
    xs: Array3<f32>,
    /// Activated gates i, f, g, o per step `[steps, batch, 4·units]`.
    gates: Array3<f32>,
    /// Cell and hidden states `[steps + 1, batch, units]` (index 0 = the zero initial state).
    cs: Array3<f32>,
    hs: Array3<f32>,
    /// `tanh(c_t)` per step `[steps, batch, units]` (reused by backward).
    tanh_c: Array3<f32>,
}

impl Lstm {
    /// A layer from `features` inputs to `units` with Keras's initialisation.
    pub fn new(features: usize, units: usize, return_sequences: bool, rng: &mut Rng) -> Self {
        let kernel = glorot_uniform(features, 4 * units, rng);
        let recurrent = orthogonal(units, 4 * units, rng);
        let mut bias = Array1::zeros(4 * units);
        bias.slice_mut(s![units..2 * units]).fill(1.0);
        Self::from_weights(kernel, recurrent, bias, return_sequences)
    }

    /// A layer with the given kernel `[features, 4u]`, recurrent kernel `[u, 4u]`, bias `[4u]`.
    pub fn from_weights(
        kernel: Array2<f32>,
        recurrent: Array2<f32>,
        bias: Array1<f32>,
        return_sequences: bool,
    ) -> Self {
        let empty = Array3::zeros((0, 0, 0));
        Lstm {
            w: RecurrentWeights::new(kernel, recurrent, bias, return_sequences),
            xs: empty.clone(),
            gates: empty.clone(),
            cs: empty.clone(),
            tanh_c: empty.clone(),
            hs: empty,
        }
    }
}

impl Layer for Lstm {
    fn forward(&mut self, x: &ArrayD<f32>, _training: bool) -> ArrayD<f32> {
        let u = self.w.units();
        self.xs = recurrent::to_time_major(x);
        let (steps, batch, _) = self.xs.dim();
        self.gates = self.w.project(&self.xs);
        self.cs = Array3::zeros((steps + 1, batch, u));
        self.tanh_c = Array3::zeros((steps, batch, u));
        self.hs = Array3::zeros((steps + 1, batch, u));
        let recurrent = self.w.packed_recurrent();
        for t in 0..steps {
            let mut z = self.gates.index_axis_mut(Axis(0), t);
            z += &self.w.bias;
            gemm_packed(
                self.hs.index_axis(Axis(0), t),
                &recurrent,
                true,
                &mut z.view_mut(),
            );
            let z = z.into_slice().expect("contiguous");
            let (c_prev, c_next) = self.cs.view_mut().split_at(Axis(0), t + 1);
            let c_prev = c_prev.index_axis_move(Axis(0), t);
            let c_prev = c_prev.as_slice().expect("contiguous");
            let mut c_next = c_next.index_axis_move(Axis(0), 0);
            let c = c_next.as_slice_mut().expect("contiguous");
            let mut h = self.hs.index_axis_mut(Axis(0), t + 1);
            let h = h.as_slice_mut().expect("contiguous");
            let mut tc = self.tanh_c.index_axis_mut(Axis(0), t);
            let tc = tc.as_slice_mut().expect("contiguous");
            for b in 0..batch {
                let zb = &mut z[b * 4 * u..(b + 1) * 4 * u];
                for j in 0..u {
                    let i = sigmoid(zb[j]);
                    let f = sigmoid(zb[u + j]);
                    let g = math::tanh(zb[2 * u + j]);
                    let o = sigmoid(zb[3 * u + j]);
                    (zb[j], zb[u + j], zb[2 * u + j], zb[3 * u + j]) = (i, f, g, o);
                    let k = b * u + j;
                    c[k] = f * c_prev[k] + i * g;
                    tc[k] = math::tanh(c[k]);
                    h[k] = o * tc[k];
                }
            }
            self.w.mask.carry_states(t, &mut self.cs);
            self.w.mask.carry_states(t, &mut self.hs);
        }
        output(&self.hs, self.w.return_sequences)
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        self.w.expand();
        let u = self.w.units();
        let (steps, batch, _) = self.xs.dim();
        let dh_out = output_grad(grad_out, steps, self.w.return_sequences);
        let mut dz = Array3::zeros(self.gates.raw_dim());
        let mut dh = Array2::<f32>::zeros((batch, u));
        let mut dc = vec![0.0f32; batch * u];
        let recurrent_t = Packed::new(self.w.recurrent.t());
        for t in (0..steps).rev() {
            dh += &dh_out.index_axis(Axis(0), t);
            let gates = self.gates.index_axis(Axis(0), t);
            let gates = gates.as_slice().expect("contiguous");
            let c_prev = self.cs.index_axis(Axis(0), t);
            let c_prev = c_prev.as_slice().expect("contiguous");
            let tanh_c = self.tanh_c.index_axis(Axis(0), t);
            let tanh_c = tanh_c.as_slice().expect("contiguous");
            let dh_s = dh.as_slice().expect("contiguous");
            let mut dzt = dz.index_axis_mut(Axis(0), t);
            let d = dzt.as_slice_mut().expect("contiguous");
            for b in 0..batch {
                if self.w.mask.padded(b, t) {
                    continue; // no gate gradient; dc and dh pass through
                }
                let (gb, db) = (&gates[b * 4 * u..], &mut d[b * 4 * u..(b + 1) * 4 * u]);
                for j in 0..u {
                    let k = b * u + j;
                    let (i, f, g, o) = (gb[j], gb[u + j], gb[2 * u + j], gb[3 * u + j]);
                    let tc = tanh_c[k];
                    let dct = dc[k] + dh_s[k] * o * (1.0 - tc * tc);
                    db[j] = dct * g * i * (1.0 - i);
                    db[u + j] = dct * c_prev[k] * f * (1.0 - f);
                    db[2 * u + j] = dct * i * (1.0 - g * g);
                    db[3 * u + j] = dh_s[k] * tc * o * (1.0 - o);
                    dc[k] = dct * f;
                }
            }
            // dh of padded steps passes unchanged (copied only when there is a mask)
            let after = self.w.mask.0.as_ref().map(|_| dh.clone());
            gemm_packed(dzt.view(), &recurrent_t, false, &mut dh.view_mut());
            let dh_s = dh.as_slice_mut().expect("contiguous");
            if let Some(after) = &after {
                self.w
                    .mask
                    .carry(t, after.as_slice().expect("contiguous"), dh_s);
            }
        }
        let (gk, gr, gb) = &mut self.w.grads;
        recurrent_grad(&self.hs, &dz, gr);
        let dx = input_grads(&self.xs, &self.w.kernel, &dz, gk, &mut gb.view_mut());
        regularizer::add_grad(&self.w.regularizer, &self.w.kernel, gk);
        self.w.shrink();
        dx
    }

    recurrent::layer_methods_from_weights!("lstm");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::layer::tests::check_gradients;
    use crate::nn::regularizer::Regularizer;
    use ndarray::{array, Array};

    fn sequence(batch: usize, steps: usize, features: usize) -> ArrayD<f32> {
        Array::from_shape_fn((batch, steps, features), |(b, t, f)| {
            ((b * 7 + t * 3 + f * 5) % 11) as f32 / 5.0 - 1.0
        })
        .into_dyn()
    }

    #[test]
    fn one_step_matches_hand_computed_values() {
        // One unit, one feature: W = [1, 1, 1, 1], U = 0, b = [0, 1, 0, 0]; x = 0.5.
        // i = o = σ(0.5), f = σ(1.5), g = tanh(0.5), c = i·g, h = o·tanh(c).
        let mut l = Lstm::from_weights(
            array![[1.0f32, 1.0, 1.0, 1.0]],
            Array2::zeros((1, 4)),
            array![0.0f32, 1.0, 0.0, 0.0],
            false,
        );
        let h = l.forward(&array![[[0.5f32]]].into_dyn(), false);
        let s = 1.0 / (1.0 + (-0.5f64).exp());
        let c = s * 0.5f64.tanh();
        assert!((h[[0, 0]] as f64 - s * c.tanh()).abs() < 1e-6, "{h}");
    }

    #[test]
    fn keras_initialisation() {
        let l = Lstm::new(3, 4, false, &mut Rng::new(1));
        assert_eq!(l.w.bias.to_vec()[4..8], [1.0; 4], "forget-gate bias 1");
        assert!(l
            .w
            .bias
            .iter()
            .enumerate()
            .all(|(k, &b)| (4..8).contains(&k) || b == 0.0));
        let gram = l.w.recurrent.dot(&l.w.recurrent.t());
        assert!((&gram - &Array2::<f32>::eye(4))
            .iter()
            .all(|d| d.abs() < 1e-5));
        assert!(l.w.kernel.iter().all(|v| v.abs() <= (6.0f32 / 19.0).sqrt()));
        assert_eq!(
            l.weights().iter().map(|w| w.len()).sum::<usize>(),
            4 * (4 * 3 + 4 * 4 + 4)
        );
    }

    #[test]
    fn gradients_over_six_steps_match_finite_differences() {
        for return_sequences in [false, true] {
            let mut l = Lstm::new(2, 3, return_sequences, &mut Rng::new(5));
            let x = sequence(2, 6, 2);
            assert_eq!(
                l.forward(&x, false).shape(),
                if return_sequences {
                    &[2, 6, 3][..]
                } else {
                    &[2, 3][..]
                }
            );
            check_gradients(
                &mut l,
                &x,
                &format!("lstm return_sequences={return_sequences}"),
            );
        }
    }

    #[test]
    fn regularised_gradients_match_finite_differences() {
        let mut l = Lstm::new(2, 2, false, &mut Rng::new(6));
        l.w.regularizer = Some(Regularizer { l1: 0.01, l2: 0.05 });
        assert!(l.penalty() > 0.0);
        check_gradients(&mut l, &sequence(2, 5, 2), "lstm l1/l2");
    }
}
