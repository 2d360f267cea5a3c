//! Shared plumbing of the recurrent layers (`lstm`, `gru`): batch-major ⇄ time-major tensors,
//! the input projection for every step at once, the output of the last or every step, and the
//! weights both layers hold (their padding mask is step_mask.rs: a padded step carries the state
//! through unchanged and its gates get no gradient, so padding changes neither).
//!
//! Time-major buffers `[steps, batch, x]` make each step's rows one contiguous `[batch, x]` block,
//! so whole-sequence products (`X·W`, `Xᵀ·dZ`, `Hᵀ·dZ`) are single matrix multiplications.

use ndarray::{
    s, Array, Array2, Array3, ArrayD, ArrayView2, ArrayView3, Axis, Dimension, Ix2, Ix3,
};

use super::build::BuildContext;
use super::layer::ParamMut;
use super::matmul::{gemm, matmul};
use super::quant::Int8Kernels;
use super::regularizer::{self, Regularizer};
pub use super::step_mask::StepMask;
use crate::error::Result;

/// The feature count of a `[steps, features]` input to a recurrent layer, or the error naming it.
pub fn sequence_features(input: &[usize], ctx: &BuildContext) -> Result<usize> {
    match input {
        [steps, features] if *steps > 0 && *features > 0 => Ok(*features),
        _ => Err(ctx.error(format!("needs sequences [steps, features] but receives shape {input:?}; set data.window to make time-series windows, or use return_sequences on the recurrent layer before it"))),
    }
}

/// Parameters of a recurrent layer with `gates` gates and `biases` bias rows over sequences
/// `[steps, features]`: `gates·units · (features + units + biases)` (0 for another shape).
pub fn params(input: &[usize], gates: usize, units: usize, biases: usize) -> usize {
    match *input {
        [_, features] => (gates.saturating_mul(units))
            .saturating_mul(features.saturating_add(units).saturating_add(biases)),
        _ => 0,
    }
}

/// Values a recurrent layer keeps per sample over sequences `[steps, …]`: `per_unit·units` each step.
pub fn cached(input: &[usize], per_unit: usize, units: usize) -> usize {
    let steps = input.first().copied().unwrap_or(1);
    steps.saturating_mul(per_unit).saturating_mul(units)
}

/// The `Layer` methods a recurrent layer answers from its `w` weights (`params`, `weights`,
/// `output_shape`, `penalty`) and its `kind` name; used inside `impl Layer for …`.
macro_rules! layer_methods_from_weights {
    ($kind:literal) => {
        fn params(&mut self) -> Vec<$crate::nn::layer::ParamMut<'_>> {
            self.w.params()
        }

        fn weights(&self) -> Vec<ndarray::ArrayD<f32>> {
            self.w.weights()
        }

        fn output_shape(&self, input: &[usize]) -> Vec<usize> {
            self.w.output_shape(input)
        }

        fn kind(&self) -> &'static str {
            $kind
        }

        fn penalty(&self) -> f32 {
            self.w.penalty()
        }

        fn set_mask(
            &mut self,
            mask: Option<ndarray::Array2<f32>>,
            x: &ndarray::ArrayD<f32>,
        ) -> Option<ndarray::Array2<f32>> {
            self.w.mask.set(mask, x, self.w.return_sequences)
        }
    };
}
pub(crate) use layer_methods_from_weights;

/// `[batch, steps, features]` → a time-major copy `[steps, batch, features]`.
pub fn to_time_major(x: &ArrayD<f32>) -> Array3<f32> {
    let x = x
        .view()
        .into_dimensionality::<Ix3>()
        .expect("recurrent input is [batch, steps, features]");
    x.permuted_axes([1, 0, 2]).as_standard_layout().into_owned()
}

/// Time-major `[steps, batch, x]` → batch-major `[batch, steps, x]`.
pub fn to_batch_major(a: ArrayView3<f32>) -> ArrayD<f32> {
    a.permuted_axes([1, 0, 2])
        .as_standard_layout()
        .into_owned()
        .into_dyn()
}

/// Views `[steps, batch, x]` as `[steps·batch, x]` (the buffer is contiguous).
pub fn flat(a: &Array3<f32>) -> ArrayView2<'_, f32> {
    let (t, b, x) = a.dim();
    a.view()
        .into_shape_with_order((t * b, x))
        .expect("contiguous")
}

/// `xs · kernel` for every step at once: `[steps, batch, in]` → `[steps, batch, out]`.
pub fn project(xs: &Array3<f32>, kernel: &Array2<f32>) -> Array3<f32> {
    let (t, b, _) = xs.dim();
    matmul(flat(xs), kernel.view())
        .into_shape_with_order((t, b, kernel.ncols()))
        .expect("contiguous")
}

/// The layer output from the hidden states `hs` `[steps + 1, batch, units]` (`hs[0]` is the zero
/// initial state): `[batch, steps, units]` with `return_sequences`, else the last `[batch, units]`.
pub fn output(hs: &Array3<f32>, return_sequences: bool) -> ArrayD<f32> {
    let steps = hs.len_of(Axis(0)) - 1;
    if return_sequences {
        to_batch_major(hs.slice(s![1.., .., ..]))
    } else {
        hs.index_axis(Axis(0), steps).to_owned().into_dyn()
    }
}

/// dLoss/dh for every step, time-major `[steps, batch, units]`, from the layer's output gradient.
pub fn output_grad(grad_out: &ArrayD<f32>, steps: usize, return_sequences: bool) -> Array3<f32> {
    if return_sequences {
        to_time_major(grad_out)
    } else {
        let g = grad_out
            .view()
            .into_dimensionality::<Ix2>()
            .expect("recurrent gradient is [batch, units]");
        let mut all = Array3::zeros((steps, g.nrows(), g.ncols()));
        all.index_axis_mut(Axis(0), steps - 1).assign(&g);
        all
    }
}

/// Whole-sequence parameter and input gradients of the input projection `X·W + b`, given
/// dLoss/dPreactivation `dz` `[steps, batch, gates]`: writes `dW = Xᵀ·dZ`, `db = Σ dZ`, and
/// returns dLoss/dInput `[batch, steps, in]`.
pub fn input_grads(
    xs: &Array3<f32>,
    kernel: &Array2<f32>,
    dz: &Array3<f32>,
    grad_kernel: &mut Array2<f32>,
    grad_bias: &mut ndarray::ArrayViewMut1<f32>,
) -> ArrayD<f32> {
    let dzf = flat(dz);
    gemm(flat(xs).t(), dzf, false, &mut grad_kernel.view_mut());
    grad_bias.assign(&dzf.sum_axis(Axis(0)));
    let (t, b, _) = xs.dim();
    let dx = matmul(dzf, kernel.t())
        .into_shape_with_order((t, b, kernel.nrows()))
        .expect("contiguous");
    to_batch_major(dx.view())
}

/// `dU = H_prevᵀ · dZ` over every step at once: `hs` `[steps + 1, batch, units]` (the states
/// before each step are `hs[..steps]`), `dz` `[steps, batch, gates]`.
pub fn recurrent_grad(hs: &Array3<f32>, dz: &Array3<f32>, grad: &mut Array2<f32>) {
    let steps = dz.len_of(Axis(0));
    let prev = hs.slice(s![..steps, .., ..]);
    let (t, b, u) = prev.dim();
    let prev = prev.into_shape_with_order((t * b, u)).expect("contiguous");
    gemm(prev.t(), flat(dz), false, &mut grad.view_mut());
}

/// The three trainable tensors of a recurrent layer (Keras order: kernel, recurrent kernel,
/// bias), their gradients, the kernel's regulariser and the output mode.
pub struct RecurrentWeights<D: Dimension> {
    /// `[features, gates·units]`.
    pub kernel: Array2<f32>,
    /// `[units, gates·units]`.
    pub recurrent: Array2<f32>,
    /// `[gates·units]` (lstm) or `[2, gates·units]` (gru).
    pub bias: Array<f32, D>,
    pub return_sequences: bool,
    pub regularizer: Option<Regularizer>,
    pub grads: (Array2<f32>, Array2<f32>, Array<f32, D>),
    /// The input's padding mask.
    pub mask: StepMask,
    /// A quantised layer's kernels (`kernel` and `recurrent` are then empty): quant_recurrent.rs.
    pub int8: Option<Int8Kernels>,
}

impl<D: Dimension> RecurrentWeights<D> {
    /// Weights with zero gradients and no regulariser.
    pub fn new(
        kernel: Array2<f32>,
        recurrent: Array2<f32>,
        bias: Array<f32, D>,
        return_sequences: bool,
    ) -> Self {
        RecurrentWeights {
            grads: (
                Array2::zeros(kernel.raw_dim()),
                Array2::zeros(recurrent.raw_dim()),
                Array::zeros(bias.raw_dim()),
            ),
            kernel,
            recurrent,
            bias,
            return_sequences,
            regularizer: None,
            mask: StepMask::default(),
            int8: None,
        }
    }

    /// Hidden units.
    pub fn units(&self) -> usize {
        match &self.int8 {
            Some(k) => k.recurrent.shape[0],
            None => self.recurrent.nrows(),
        }
    }

    /// [`Layer::params`](super::Layer::params): kernel, recurrent kernel, bias.
    /// None for a quantised layer (nothing to train).
    pub fn params(&mut self) -> Vec<ParamMut<'_>> {
        if self.int8.is_some() {
            return vec![];
        }
        let (gk, gr, gb) = &self.grads;
        let values = [
            self.kernel.view_mut().into_dyn(),
            self.recurrent.view_mut().into_dyn(),
            self.bias.view_mut().into_dyn(),
        ];
        let grads = [
            gk.view().into_dyn(),
            gr.view().into_dyn(),
            gb.view().into_dyn(),
        ];
        values
            .into_iter()
            .zip(grads)
            .map(|(value, grad)| ParamMut { value, grad })
            .collect()
    }

    /// [`Layer::weights`](super::Layer::weights): copies in the order of `params` (a quantised
    /// layer's kernels dequantised).
    pub fn weights(&self) -> Vec<ArrayD<f32>> {
        let (kernel, recurrent) = match &self.int8 {
            Some(k) => (k.kernel.dequantize(), k.recurrent.dequantize()),
            None => (
                self.kernel.clone().into_dyn(),
                self.recurrent.clone().into_dyn(),
            ),
        };
        vec![kernel, recurrent, self.bias.clone().into_dyn()]
    }

    /// `[steps, units]` with `return_sequences`, else `[units]`, for input `[steps, features]`.
    pub fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        if self.return_sequences {
            vec![input[0], self.units()]
        } else {
            vec![self.units()]
        }
    }

    /// The kernel regulariser's penalty.
    pub fn penalty(&self) -> f32 {
        regularizer::penalty(&self.regularizer, &self.kernel)
    }
}

#[cfg(test)]
#[path = "recurrent_mask_tests.rs"]
mod mask_tests;
