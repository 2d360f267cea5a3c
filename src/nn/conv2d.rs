//! `Conv2d`: a 2-D convolution (Keras `Conv2D`, NHWC) by im2col and the project's matmul.
//!
//! # Shapes
//! input `[batch, h, w, c]` → output `[batch, oh, ow, filters]`; kernel `[k·k·c, filters]` in
//! memory, exposed as Keras's `[k, k, c, filters]` (the same row-major values), bias `[filters]`.

use ndarray::{Array1, Array2, ArrayD, ArrayViewD, ArrayViewMut2, ArrayViewMutD, IxDyn};

use super::activation::Activation;
use super::build::BuildContext;
use super::dense::affine_grads;
use super::init::glorot_uniform_fans;
use super::layer::{Layer, ParamMut};
use super::matmul::{gemm_packed, gemm_with, Packed};
use super::regularizer::{self, Regularizer};
use super::reshape::values;
use super::size::LayerSize;
use super::window::image;
pub use super::window::Window;
use crate::error::Result;
use crate::experiment::layer_config::layer_config;
use crate::experiment::limits::{MAX_UNITS, MAX_WINDOW};
use crate::experiment::Padding;
use crate::rng::Rng;

/// Samples unfolded at a time outside training.
pub(crate) const INFER_CHUNK: usize = 64;
/// The most values one sample may unfold into (`oh·ow × k·k·c`, and its output
/// `oh·ow × filters`): 4 MB of f32.
pub const MAX_CONV_COLUMNS: usize = 1 << 20;
/// The most values a kernel may hold (as the largest dense kernel, 4096 × 4096).
pub const MAX_CONV_WEIGHTS: usize = 1 << 24;

layer_config! {
    /// 2-D convolution: slides small square kernels over an image [height, width, channels];
    /// each of the filters gives one output channel. Output [height′, width′, filters].
    pub struct Conv2dConfig = "conv2d" {
        /// How many kernels, i.e. output channels.
        filters: usize, range 1..=MAX_UNITS, page 8;
        /// The side of each square kernel, in pixels.
        kernel_size: usize, range 1..=MAX_WINDOW, label "kernel", page 3;
        /// How far the kernel moves between outputs, in pixels.
        strides: usize = 1, range 1..=MAX_WINDOW, label "stride";
        /// valid: only where the kernel fits in the image; same: zeros around the image, so the
        /// output keeps its size (divided by the stride).
        padding: Padding = Padding::Valid;
        /// The function applied to each output.
        activation: Activation = Activation::Linear, page Activation::Relu;
        /// Adds a learned bias to each output channel.
        use_bias: bool = true, [omit_default, advanced];
        /// An L1/L2 penalty on the kernels, added to the loss: l1·Σ|w| + l2·Σw².
        kernel_regularizer: Option<Regularizer> = None, range 0.0..=10.0, [omit_default, advanced];
    }
}

impl LayerSize for Conv2dConfig {
    /// `(kernel_size² · channels + bias) · filters` for images `[h, w, channels]`.
    fn params(&self, input: &[usize]) -> usize {
        match *input {
            [_, _, c] => (self.kernel_size.saturating_pow(2).saturating_mul(c)
                + usize::from(self.use_bias))
            .saturating_mul(self.filters),
            _ => 0,
        }
    }

    /// The unfolded patches (`output pixels · kernel_size² · channels`) and the output.
    fn cached(&self, input: &[usize], output: &[usize]) -> usize {
        let pixels = output.iter().take(2).product::<usize>();
        let patch = self
            .kernel_size
            .saturating_pow(2)
            .saturating_mul(input.get(2).copied().unwrap_or(1));
        pixels
            .saturating_mul(patch)
            .saturating_add(output.iter().product())
    }
}

impl Conv2dConfig {
    /// The layer for images `[h, w, c]`; refuses a kernel larger than a `valid` input and one
    /// that would unfold a sample into more than [`MAX_CONV_COLUMNS`] values or hold more than
    /// [`MAX_CONV_WEIGHTS`] weights.
    pub fn build(&self, input: &[usize], ctx: &mut BuildContext) -> Result<Box<dyn Layer>> {
        let [h, w, c] = image(input, ctx)?;
        let (k, filters) = (self.kernel_size, self.filters);
        let Some(win) = Window::new(h, w, k, self.strides, self.padding) else {
            return Err(ctx.error(format!("kernel_size {k} is larger than its input {h}×{w}; use a smaller kernel_size or padding \"same\"")));
        };
        let patch = k * k * c;
        let columns = (win.oh * win.ow).saturating_mul(patch.max(filters));
        let weights = patch.saturating_mul(filters);
        if columns > MAX_CONV_COLUMNS || weights > MAX_CONV_WEIGHTS {
            return Err(ctx.error(format!("is too large: each sample unfolds into {columns} values and the kernel holds {weights} (limits {MAX_CONV_COLUMNS} and {MAX_CONV_WEIGHTS}); use a smaller kernel_size, fewer filters, larger strides, or a max_pool2d before it")));
        }
        let mut l = Conv2d::new(win, c, filters, self.activation, ctx.rng);
        l.regularizer = self.kernel_regularizer;
        l.use_bias = self.use_bias;
        Ok(Box::new(l))
    }
}

/// `y = activation(conv(x, W) + b)`, valid or same padding.
pub struct Conv2d {
    pub kernel: Array2<f32>,
    pub bias: Array1<f32>,
    pub activation: Activation,
    pub regularizer: Option<Regularizer>,
    pub use_bias: bool,
    win: Window,
    channels: usize,
    grad_kernel: Array2<f32>,
    grad_bias: Array1<f32>,
    /// The last training input as columns `[batch·oh·ow, k·k·c]` (buffer reused step to step).
    cols: Array2<f32>,
    /// The last training output `[batch·oh·ow, filters]`.
    output: Array2<f32>,
    scratch: Packed,
}

impl Conv2d {
    /// `filters` kernels of `win.k × win.k × channels`, Glorot-uniform (Keras fans:
    /// `k·k·channels` in, `k·k·filters` out), zero bias.
    pub fn new(
        win: Window,
        channels: usize,
        filters: usize,
        activation: Activation,
        rng: &mut Rng,
    ) -> Self {
        let area = win.k * win.k;
        let shape = (area * channels, filters);
        let kernel = glorot_uniform_fans(shape, area * channels, area * filters, rng);
        Conv2d {
            grad_kernel: Array2::zeros(kernel.raw_dim()),
            grad_bias: Array1::zeros(filters),
            bias: Array1::zeros(filters),
            kernel,
            activation,
            regularizer: None,
            use_bias: true,
            win,
            channels,
            cols: Array2::zeros((0, 0)),
            output: Array2::zeros((0, 0)),
            scratch: Packed::default(),
        }
    }

    fn kernel_shape(&self) -> [usize; 4] {
        let (k, f) = (self.win.k, self.kernel.ncols());
        [k, k, self.channels, f]
    }

    /// The offset in a standard-layout input `[batch, h, w, c]` of the `c` values that patch
    /// position `d` of column row `r` (`[batch·oh·ow]` order) reads; `None` in the padding.
    fn source(&self, r: usize, d: usize) -> Option<usize> {
        let win = self.win;
        let (b, oy, ox) = (r / (win.oh * win.ow), r / win.ow % win.oh, r % win.ow);
        let iy = win.at(oy, d / win.k, win.top, win.h)?;
        let ix = win.at(ox, d % win.k, win.left, win.w)?;
        Some(((b * win.h + iy) * win.w + ix) * self.channels)
    }

    /// Writes the patches of `xs` (`batch` samples `[h, w, c]`, row-major) into `cols`
    /// `[batch·oh·ow, k·k·c]`, zeros in the padding; reuses `cols`'s allocation when it can.
    pub(crate) fn im2col(&self, xs: &[f32], batch: usize, cols: &mut Array2<f32>) {
        let (win, c) = (self.win, self.channels);
        let shape = (batch * win.oh * win.ow, win.k * win.k * c);
        if cols.dim() != shape {
            *cols = Array2::zeros(shape);
        }
        let out = cols.as_slice_mut().expect("standard layout");
        for (r, row) in out.chunks_exact_mut(shape.1).enumerate() {
            for (d, patch) in row.chunks_exact_mut(c).enumerate() {
                match self.source(r, d) {
                    Some(at) => patch.copy_from_slice(&xs[at..at + c]),
                    None => patch.fill(0.0),
                }
            }
        }
    }

    /// Adds every column's values back onto the input pixel it came from: `dcols` → dLoss/dInput.
    pub(crate) fn col2im(&self, dcols: &Array2<f32>, batch: usize) -> ArrayD<f32> {
        let (win, c) = (self.win, self.channels);
        let mut dx = vec![0.0f32; batch * win.h * win.w * c];
        let src = dcols.as_slice().expect("standard layout");
        for (r, row) in src.chunks_exact(win.k * win.k * c).enumerate() {
            for (d, patch) in row.chunks_exact(c).enumerate() {
                if let Some(at) = self.source(r, d) {
                    let dst = dx[at..at + c].iter_mut();
                    dst.zip(patch).for_each(|(g, v)| *g += v);
                }
            }
        }
        ArrayD::from_shape_vec(vec![batch, win.h, win.w, c], dx).expect("sized above")
    }

    /// Stores dLoss/dKernel and dLoss/dBias for `grad_out` `[batch, oh, ow, filters]`; returns
    /// dLoss/dz `[batch·oh·ow, filters]` (through the activation).
    fn param_grads(&mut self, grad_out: &ArrayD<f32>) -> Array2<f32> {
        let shape = (self.output.nrows(), self.kernel.ncols());
        let mut dz = Array2::from_shape_vec(shape, values(grad_out))
            .expect("conv2d gradient is [batch, oh, ow, filters]");
        self.activation.backward(self.output.view(), &mut dz);
        let grads = (&mut self.grad_kernel, &mut self.grad_bias);
        affine_grads(
            self.cols.view(),
            &dz,
            &self.kernel,
            &self.regularizer,
            grads,
            &mut self.scratch,
        );
        dz
    }
}

impl Layer for Conv2d {
    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        let (batch, win, f) = (x.shape()[0], self.win, self.bias.len());
        let x = x.as_standard_layout();
        let xs = x.as_slice().expect("standard layout");
        // z = b broadcast, then z += cols·W; outside training `INFER_CHUNK` samples at a time
        // (the same bits: rows are independent), so predicting a dataset unfolds little at once.
        let mut z = Array2::from_shape_fn((batch * win.oh * win.ow, f), |(_, j)| self.bias[j]);
        let chunk = if training { batch.max(1) } else { INFER_CHUNK };
        let rows = chunk * win.oh * win.ow;
        let mut cols = std::mem::take(&mut self.cols);
        self.scratch.pack(self.kernel.view());
        let zs = z.as_slice_mut().expect("standard layout");
        for (xc, zc) in xs
            .chunks(chunk * win.h * win.w * self.channels)
            .zip(zs.chunks_mut(rows * f))
        {
            self.im2col(xc, zc.len() / f / (win.oh * win.ow), &mut cols);
            let mut zc = ArrayViewMut2::from_shape((zc.len() / f, f), zc).expect("sized above");
            gemm_packed(cols.view(), &self.scratch, true, &mut zc);
        }
        self.cols = cols;
        self.activation.apply(&mut z);
        if training {
            self.output = z.clone();
        }
        let dims = vec![batch, win.oh, win.ow, f];
        ArrayD::from_shape_vec(dims, z.into_raw_vec_and_offset().0).expect("standard layout")
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        let dz = self.param_grads(grad_out);
        let mut dcols = Array2::zeros(self.cols.raw_dim());
        gemm_with(
            dz.view(),
            self.kernel.t(),
            false,
            &mut dcols.view_mut(),
            &mut self.scratch,
        );
        self.col2im(&dcols, grad_out.shape()[0])
    }

    fn backward_params(&mut self, grad_out: &ArrayD<f32>) {
        self.param_grads(grad_out);
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        let shape = IxDyn(&self.kernel_shape());
        let value = self.kernel.as_slice_mut().expect("standard layout");
        let grad = self.grad_kernel.as_slice().expect("standard layout");
        let mut p = vec![ParamMut {
            value: ArrayViewMutD::from_shape(shape.clone(), value).expect("sized"),
            grad: ArrayViewD::from_shape(shape, grad).expect("sized"),
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
        let kernel = self.kernel.as_slice().expect("standard layout").to_vec();
        let shape = self.kernel_shape().to_vec();
        let mut w = vec![ArrayD::from_shape_vec(shape, kernel).expect("sized")];
        if self.use_bias {
            w.push(self.bias.clone().into_dyn());
        }
        w
    }

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        vec![self.win.oh, self.win.ow, self.kernel.ncols()]
    }

    fn kind(&self) -> &'static str {
        "conv2d"
    }

    fn penalty(&self) -> f32 {
        regularizer::penalty(&self.regularizer, &self.kernel)
    }
}

#[cfg(test)]
#[path = "conv2d_tests.rs"]
mod tests;
