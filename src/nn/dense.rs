//! `Dense`: a fully connected layer with a fused activation.
//!
//! # Shapes
//! input `[batch, in]` → output `[batch, units]`; kernel `[in, units]`, bias `[units]`.

use ndarray::{Array1, Array2, ArrayD, ArrayView2, Axis, Ix2};

use super::activation::Activation;
use super::build::BuildContext;
use super::init::glorot_uniform;
use super::layer::{Layer, ParamMut};
use super::matmul::{gemm_with, Packed};
use super::regularizer::{self, Regularizer};
use super::size::LayerSize;
use crate::error::Result;
use crate::experiment::{layer_config::layer_config, limits::MAX_UNITS};
use crate::rng::Rng;

layer_config! {
    /// Fully connected: each of the units outputs a weighted sum of every input plus a bias,
    /// through the activation. Takes flat inputs (one row of features per sample).
    pub struct DenseConfig = "dense" {
        /// How many outputs (neurons) the layer has.
        units: usize, range 1..=MAX_UNITS, page 16;
        /// The function applied to each output: relu in hidden layers, softmax for class
        /// probabilities, linear for a number.
        activation: Activation = Activation::Linear, page Activation::Relu;
        /// Adds a learned bias to each output (off: activation(x·W)).
        use_bias: bool = true, [omit_default, advanced];
        /// An L1/L2 penalty on the weights, added to the loss: l1·Σ|w| + l2·Σw².
        kernel_regularizer: Option<Regularizer> = None, range 0.0..=10.0, [omit_default, advanced];
    }
}

impl LayerSize for DenseConfig {
    /// `(features + 1) · units` for flat inputs `[features]`.
    fn params(&self, input: &[usize]) -> usize {
        match *input {
            [features] => (features.saturating_add(1)).saturating_mul(self.units),
            _ => 0,
        }
    }
}

impl DenseConfig {
    /// The layer for flat inputs `[features]`. As the model's last layer its activation fuses into
    /// the loss when the loss computes from logits (softmax with categorical cross-entropy).
    pub fn build(&self, input: &[usize], ctx: &mut BuildContext) -> Result<Box<dyn Layer>> {
        let [inputs] = *input else {
            return Err(ctx.error(format!("needs flat inputs [features] but receives shape {input:?}; put a flatten before it (for sequences: an lstm or gru without return_sequences)")));
        };
        let fused = match ctx.last {
            true => ctx.loss.fused_head(self.activation),
            false => None,
        };
        ctx.head = ctx.head.or(fused);
        let activation = match fused {
            Some(_) => Activation::Linear,
            None => self.activation,
        };
        let mut d = Dense::new(inputs, self.units, activation, ctx.rng);
        d.regularizer = self.kernel_regularizer;
        d.use_bias = self.use_bias;
        Ok(Box::new(d))
    }
}

/// `y = activation(x · W + b)` (without `b` when `use_bias` is false).
pub struct Dense {
    pub kernel: Array2<f32>,
    pub bias: Array1<f32>,
    pub activation: Activation,
    pub regularizer: Option<Regularizer>,
    /// When false the bias stays zero and is not a parameter.
    pub use_bias: bool,
    grad_kernel: Array2<f32>,
    grad_bias: Array1<f32>,
    input: Array2<f32>,
    output: Array2<f32>,
    /// Packing buffer of the right-hand operand, reused by every product of every step.
    scratch: Packed,
}

impl Dense {
    /// A layer from `inputs` to `units` with Glorot-uniform kernel and zero bias.
    pub fn new(inputs: usize, units: usize, activation: Activation, rng: &mut Rng) -> Self {
        Self::from_weights(
            glorot_uniform(inputs, units, rng),
            Array1::zeros(units),
            activation,
        )
    }

    /// A layer with the given kernel `[in, units]` and bias `[units]`.
    pub fn from_weights(kernel: Array2<f32>, bias: Array1<f32>, activation: Activation) -> Self {
        let (i, u) = kernel.dim();
        Dense {
            grad_kernel: Array2::zeros((i, u)),
            grad_bias: Array1::zeros(u),
            kernel,
            bias,
            activation,
            regularizer: None,
            use_bias: true,
            input: Array2::zeros((0, i)),
            output: Array2::zeros((0, u)),
            scratch: Packed::default(),
        }
    }

    /// Stores dLoss/dKernel and dLoss/dBias (penalty included) for `grad_out` `[batch, units]`;
    /// returns dLoss/dz `[batch, units]` (through the activation).
    fn param_grads(&mut self, grad_out: &ArrayD<f32>) -> Array2<f32> {
        let mut dz = grad_out
            .view()
            .into_dimensionality::<Ix2>()
            .expect("dense gradient is [batch, units]")
            .to_owned();
        self.activation.backward(self.output.view(), &mut dz);
        let grads = (&mut self.grad_kernel, &mut self.grad_bias);
        affine_grads(
            self.input.view(),
            &dz,
            &self.kernel,
            &self.regularizer,
            grads,
            &mut self.scratch,
        );
        dz
    }
}

/// The parameter gradients of `z = x·W + b` from dLoss/dz `dz` `[rows, units]` and the input `x`
/// `[rows, in]`: `dW = xᵀ·dz` plus the kernel's regulariser gradient, `db = Σ dz` over rows. Dense
/// uses it on its batch; Conv2d on its im2col rows (one row per output pixel).
pub(super) fn affine_grads(
    x: ArrayView2<f32>,
    dz: &Array2<f32>,
    kernel: &Array2<f32>,
    regularizer: &Option<Regularizer>,
    (grad_kernel, grad_bias): (&mut Array2<f32>, &mut Array1<f32>),
    scratch: &mut Packed,
) {
    // Written into the standard-layout buffers the optimizer reads as flat slices.
    gemm_with(
        x.t(),
        dz.view(),
        false,
        &mut grad_kernel.view_mut(),
        scratch,
    );
    grad_bias.assign(&dz.sum_axis(Axis(0)));
    regularizer::add_grad(regularizer, kernel, grad_kernel);
}

impl Layer for Dense {
    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        let x = x
            .view()
            .into_dimensionality::<Ix2>()
            .expect("dense input is [batch, features]");
        // z = b broadcast, then z += x·W in place (no temporary), then the activation in place.
        let mut z = Array2::from_shape_fn((x.nrows(), self.bias.len()), |(_, j)| self.bias[j]);
        gemm_with(
            x,
            self.kernel.view(),
            true,
            &mut z.view_mut(),
            &mut self.scratch,
        );
        self.activation.apply(&mut z);
        if training {
            self.input = x.to_owned();
            self.output = z.clone();
        }
        z.into_dyn()
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        let dz = self.param_grads(grad_out);
        let mut dx = Array2::zeros((dz.nrows(), self.kernel.nrows()));
        gemm_with(
            dz.view(),
            self.kernel.t(),
            false,
            &mut dx.view_mut(),
            &mut self.scratch,
        );
        dx.into_dyn()
    }

    fn backward_params(&mut self, grad_out: &ArrayD<f32>) {
        self.param_grads(grad_out);
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        let mut p = vec![ParamMut {
            value: self.kernel.view_mut().into_dyn(),
            grad: self.grad_kernel.view().into_dyn(),
        }];
        if self.use_bias {
            p.push(ParamMut {
                value: self.bias.view_mut().into_dyn(),
                grad: self.grad_bias.view().into_dyn(),
            });
        }
        p
    }

    fn weights(&self) -> Vec<ArrayD<f32>> {
        let mut w = vec![self.kernel.clone().into_dyn()];
        if self.use_bias {
            w.push(self.bias.clone().into_dyn());
        }
        w
    }

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        vec![self.kernel.ncols()]
    }

    fn kind(&self) -> &'static str {
        "dense"
    }

    fn penalty(&self) -> f32 {
        regularizer::penalty(&self.regularizer, &self.kernel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::layer::tests::check_gradients;
    use ndarray::array;

    #[test]
    fn backward_params_stores_the_same_gradients_as_backward() {
        let x = array![[1.0f32, 2.0, -0.5], [-1.0, 0.0, 0.25]].into_dyn();
        let g = array![[0.5f32, -1.0], [2.0, 0.25]].into_dyn();
        let layer = || {
            Dense::from_weights(
                array![[1.0, -1.0], [2.0, 0.5], [0.25, 0.75]],
                array![0.5, -0.25],
                Activation::Tanh,
            )
        };
        let (mut a, mut b) = (layer(), layer());
        a.forward(&x, true);
        b.forward(&x, true);
        a.backward(&g);
        b.backward_params(&g);
        assert_eq!(
            (&a.grad_kernel, &a.grad_bias),
            (&b.grad_kernel, &b.grad_bias)
        );
        assert!(a.grad_kernel.iter().all(|v| *v != 0.0));
    }

    #[test]
    fn forward_matches_hand_computed_values() {
        let mut d = Dense::from_weights(
            array![[1.0, -1.0], [2.0, 0.5]],
            array![0.5, -0.25],
            Activation::Relu,
        );
        let y = d.forward(&array![[1.0f32, 2.0], [-1.0, 0.0]].into_dyn(), false);
        assert_eq!(y, array![[5.5f32, 0.0], [0.0, 0.75]].into_dyn());
    }

    #[test]
    fn gradients_match_finite_differences_for_every_activation() {
        for act in [
            Activation::Linear,
            Activation::Relu,
            Activation::Sigmoid,
            Activation::Tanh,
            Activation::Softmax,
            Activation::LeakyRelu,
        ] {
            let mut d = Dense::new(3, 4, act, &mut Rng::new(9));
            let x = array![[0.5f32, -1.0, 0.25], [1.5, 0.3, -0.7]].into_dyn();
            check_gradients(&mut d, &x, &format!("dense {act:?}"));
        }
        let mut d = Dense::new(3, 2, Activation::Tanh, &mut Rng::new(4));
        d.regularizer = Some(Regularizer { l1: 0.03, l2: 0.2 });
        let x = array![[0.5f32, -1.0, 0.25]].into_dyn();
        check_gradients(&mut d, &x, "dense l1/l2");
    }
}
