//! Int8 layers for a quantised model file: dense and conv2d whose kernels stay int8 in memory.
//!
//! `z = b + x · (q ⊙ s)`, then the activation: the int8 values times their channel's scale are
//! made while packing the project's matmul panels at each forward pass (as the f32 layers pack
//! their kernel), so a product then costs what an f32 one does and gives the bits of the f32 layer
//! holding the dequantised kernel. (Until 2026-12-02 the panels held the integers and a second
//! pass scaled each output: `benchPredict` timed W1's int8 network 1.4× the f32 one.)
//! Activations stay f32 (weight-only quantisation: no calibration data, and native and wasm still
//! compute the same bits).
//! Backward gives dLoss/dInput only (explanations); there is nothing to train.
//!
//! # Shapes
//! dense: input `[batch, in]` → `[batch, units]`, q `[in, units]`; conv2d: `[batch, h, w, c]` →
//! `[batch, oh, ow, filters]`, q `[k·k·c, filters]`; scales and bias `[units | filters]`.

use ndarray::{Array1, Array2, ArrayD, ArrayView2, Ix2};

use super::activation::Activation;
use super::conv2d::{Conv2d, INFER_CHUNK};
use super::layer::{Layer, ParamMut};
use super::matmul::{gemm_packed, Packed};
use super::quant::Int8Tensor;

/// The affine part both layers share: int8 kernel `[k, n]`, scales and bias `[n]`.
pub struct Int8Affine {
    pub kernel: Int8Tensor,
    pub bias: Array1<f32>,
    pub use_bias: bool,
    pub activation: Activation,
    /// The last training output (for backward).
    output: Array2<f32>,
    scratch: Packed,
}

impl Int8Affine {
    /// `kernel` (any rank, last axis the output channel), `bias` `[n]` (zeros when `!use_bias`).
    pub fn new(kernel: Int8Tensor, bias: Array1<f32>, use_bias: bool, act: Activation) -> Self {
        Int8Affine {
            kernel,
            bias,
            use_bias,
            activation: act,
            output: Array2::zeros((0, 0)),
            scratch: Packed::default(),
        }
    }

    /// Packs `q ⊙ s` for the products of one forward pass; `[rows, n]` of bias to add them to.
    fn pack(&mut self, rows: usize) -> Array2<f32> {
        let s = &self.kernel.scales;
        self.scratch.pack_i8_scaled(self.kernel.matrix(), s);
        Array2::from_shape_fn((rows, self.bias.len()), |(_, j)| self.bias[j])
    }

    /// `z += x · (q ⊙ s)` for rows `x` `[m, k]` into `z` `[m, n]` (after [`pack`](Self::pack)).
    fn product(&self, x: ArrayView2<f32>, z: &mut ndarray::ArrayViewMut2<f32>) {
        gemm_packed(x, &self.scratch, true, z);
    }

    /// The activation; keeps the output when training.
    fn finish(&mut self, z: &mut Array2<f32>, training: bool) {
        self.activation.apply(z);
        if training {
            self.output = z.clone();
        }
    }

    /// dLoss/dRows `[m, k]` from dLoss/dOutput `grad` `[m, n]`: through the activation, then
    /// `(g ⊙ s) · qᵀ`.
    fn backward_rows(&mut self, mut grad: Array2<f32>) -> Array2<f32> {
        self.activation.backward(self.output.view(), &mut grad);
        for mut row in grad.rows_mut() {
            row.iter_mut()
                .zip(&self.kernel.scales)
                .for_each(|(g, s)| *g *= s);
        }
        let q = self.kernel.matrix();
        let mut dx = Array2::zeros((grad.nrows(), q.nrows()));
        let mut packed = Packed::default();
        packed.pack_i8(q.t());
        gemm_packed(grad.view(), &packed, false, &mut dx.view_mut());
        dx
    }

    /// The dequantised kernel and the bias, as the f32 layer lists them.
    fn weights(&self) -> Vec<ArrayD<f32>> {
        let mut w = vec![self.kernel.dequantize()];
        if self.use_bias {
            w.push(self.bias.clone().into_dyn());
        }
        w
    }
}

/// A dense layer with an int8 kernel `[in, units]`.
pub struct Int8Dense(pub Int8Affine);

impl Layer for Int8Dense {
    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        let x = x
            .view()
            .into_dimensionality::<Ix2>()
            .expect("dense input is [batch, in]");
        let mut z = self.0.pack(x.nrows());
        self.0.product(x, &mut z.view_mut());
        self.0.finish(&mut z, training);
        z.into_dyn()
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        let g = grad_out
            .view()
            .into_dimensionality::<Ix2>()
            .expect("[batch, units]");
        self.0.backward_rows(g.to_owned()).into_dyn()
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        vec![]
    }

    fn weights(&self) -> Vec<ArrayD<f32>> {
        self.0.weights()
    }

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        vec![self.0.bias.len()]
    }

    fn kind(&self) -> &'static str {
        "dense"
    }
}

/// A conv2d layer with an int8 kernel `[k, k, c, filters]`; `geometry` is an f32 `Conv2d` of the
/// same window used only to unfold patches (its own kernel is emptied).
pub struct Int8Conv2d {
    pub affine: Int8Affine,
    geometry: Conv2d,
    /// The last training batch's size (for backward).
    batch: usize,
}

impl Int8Conv2d {
    /// Takes `geometry`'s window and channels; drops its f32 kernel.
    pub fn new(affine: Int8Affine, mut geometry: Conv2d) -> Self {
        geometry.kernel = Array2::zeros((0, affine.bias.len()));
        Int8Conv2d {
            affine,
            geometry,
            batch: 0,
        }
    }
}

impl Layer for Int8Conv2d {
    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        let [oh, ow, f] = self.output_shape(&[])[..] else {
            unreachable!("three axes")
        };
        let batch = x.shape()[0];
        let per_sample = x.len() / batch.max(1);
        let x = x.as_standard_layout();
        let xs = x.as_slice().expect("standard layout");
        let mut z = self.affine.pack(batch * oh * ow);
        let chunk = if training { batch.max(1) } else { INFER_CHUNK };
        let mut cols = Array2::zeros((0, 0));
        let zs = z.as_slice_mut().expect("standard layout");
        for (xc, zc) in xs
            .chunks(chunk * per_sample)
            .zip(zs.chunks_mut(chunk * oh * ow * f))
        {
            self.geometry.im2col(xc, xc.len() / per_sample, &mut cols);
            let mut zc = ndarray::ArrayViewMut2::from_shape((zc.len() / f, f), zc).expect("sized");
            self.affine.product(cols.view(), &mut zc);
        }
        self.affine.finish(&mut z, training);
        if training {
            self.batch = batch;
        }
        let dims = vec![batch, oh, ow, f];
        ArrayD::from_shape_vec(dims, z.into_raw_vec_and_offset().0).expect("standard layout")
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        let f = self.affine.bias.len();
        let g = grad_out.as_standard_layout().into_owned();
        let g = Array2::from_shape_vec((g.len() / f, f), g.into_raw_vec_and_offset().0)
            .expect("[batch, oh, ow, filters]");
        let dcols = self.affine.backward_rows(g);
        self.geometry.col2im(&dcols, self.batch)
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        vec![]
    }

    fn weights(&self) -> Vec<ArrayD<f32>> {
        self.affine.weights()
    }

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        self.geometry.output_shape(input)
    }

    fn kind(&self) -> &'static str {
        "conv2d"
    }
}
