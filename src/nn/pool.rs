//! `MaxPool2d`: the maximum of each square window (Keras `MaxPooling2D`, valid padding).
//!
//! # Shapes
//! input `[batch, h, w, c]` → output `[batch, oh, ow, c]`, `oh = (h − pool) / stride + 1`.

use ndarray::ArrayD;

use super::build::BuildContext;
use super::layer::{Layer, ParamMut};
use super::size::LayerSize;
use super::window::{image, Window};
use crate::error::Result;
use crate::experiment::layer_config::layer_config;
use crate::experiment::{limits::MAX_WINDOW, Padding};

layer_config! {
    /// Max pooling: keeps the largest value of each square window, per channel, shrinking an
    /// image [height, width, channels] (a last partial window is dropped).
    pub struct MaxPool2dConfig = "max_pool2d" {
        /// The side of each square window, in pixels.
        pool_size: usize, range 1..=MAX_WINDOW, label "pool", page 2;
        /// How far the window moves, in pixels; empty: the pool size (windows side by side).
        strides: Option<usize> = None, range 1..=MAX_WINDOW, label "stride", [omit_default, advanced];
    }
}

impl LayerSize for MaxPool2dConfig {}

impl MaxPool2dConfig {
    /// The layer for images `[h, w, c]` whose sides are at least `pool_size`.
    pub fn build(&self, input: &[usize], ctx: &mut BuildContext) -> Result<Box<dyn Layer>> {
        let [h, w, c] = image(input, ctx)?;
        let k = self.pool_size;
        let stride = self.strides.unwrap_or(k);
        match Window::new(h, w, k, stride, Padding::Valid) {
            Some(win) => Ok(Box::new(MaxPool2d::new(win, c))),
            None => Err(ctx.error(format!(
                "pool_size {k} is larger than its input {h}×{w}; use a smaller pool_size"
            ))),
        }
    }
}

/// Max pooling per channel; the gradient goes to the first maximum of each window.
pub struct MaxPool2d {
    win: Window,
    channels: usize,
    /// For each output value of the last training forward, the flat index of its input maximum.
    argmax: Vec<usize>,
    /// The last training input's length.
    input_len: usize,
}

impl MaxPool2d {
    /// Pooling with the window geometry `win` (valid padding) over `channels` channels.
    pub fn new(win: Window, channels: usize) -> Self {
        MaxPool2d {
            win,
            channels,
            argmax: vec![],
            input_len: 0,
        }
    }
}

impl Layer for MaxPool2d {
    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        let (win, c) = (self.win, self.channels);
        let batch = x.shape()[0];
        let x = x.as_standard_layout();
        let xs = x.as_slice().expect("standard layout");
        if training {
            self.argmax.clear();
            self.input_len = xs.len();
        }
        let out: Vec<f32> = (0..batch * win.oh * win.ow * c)
            .map(|o| {
                // Output `o` is channel `o % c` of window `o / c` in [batch, oh, ow] order.
                let (p, ch) = (o / c, o % c);
                let (b, oy, ox) = (p / (win.oh * win.ow), p / win.ow % win.oh, p % win.ow);
                let corner = (b * win.h + oy * win.stride) * win.w + ox * win.stride;
                let mut best = corner * c + ch;
                for d in 0..win.k * win.k {
                    let at = (corner + d / win.k * win.w + d % win.k) * c + ch;
                    if xs[at] > xs[best] {
                        best = at;
                    }
                }
                if training {
                    self.argmax.push(best);
                }
                xs[best]
            })
            .collect();
        ArrayD::from_shape_vec(vec![batch, win.oh, win.ow, c], out).expect("sized above")
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        let mut dx = vec![0.0f32; self.input_len];
        for (&at, &g) in self.argmax.iter().zip(grad_out.iter()) {
            dx[at] += g;
        }
        let win = self.win;
        let shape = vec![grad_out.shape()[0], win.h, win.w, self.channels];
        ArrayD::from_shape_vec(shape, dx).expect("the input's shape")
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        vec![]
    }

    fn weights(&self) -> Vec<ArrayD<f32>> {
        vec![]
    }

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        vec![self.win.oh, self.win.ow, self.channels]
    }

    fn kind(&self) -> &'static str {
        "max_pool2d"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::Padding;
    use crate::nn::layer::tests::check_gradients;
    use ndarray::{array, Array4};

    fn pool(h: usize, k: usize, stride: usize, c: usize) -> MaxPool2d {
        MaxPool2d::new(Window::new(h, h, k, stride, Padding::Valid).unwrap(), c)
    }

    #[test]
    fn forward_takes_each_window_maximum_per_channel() {
        // Channel 0: 1..16 row-major; channel 1: its negation.
        let x = Array4::from_shape_fn((1, 4, 4, 2), |(_, y, x, c)| {
            let v = (y * 4 + x + 1) as f32;
            if c == 0 {
                v
            } else {
                -v
            }
        })
        .into_dyn();
        let y = pool(4, 2, 2, 2).forward(&x, false);
        let want = array![[[[6.0f32, -1.0], [8.0, -3.0]], [[14.0, -9.0], [16.0, -11.0]]]];
        assert_eq!(y, want.into_dyn());
        let p = pool(5, 2, 2, 1);
        assert_eq!(
            p.output_shape(&[5, 5, 1]),
            [2, 2, 1],
            "the last row and column are dropped"
        );
    }

    #[test]
    fn the_gradient_goes_to_the_first_maximum() {
        let x = array![[[[1.0f32], [3.0]], [[3.0], [2.0]]]].into_dyn();
        let mut p = pool(2, 2, 2, 1);
        p.forward(&x, true);
        let g = p.backward(&array![[[[5.0f32]]]].into_dyn());
        assert_eq!(g, array![[[[0.0f32], [5.0]], [[0.0], [0.0]]]].into_dyn());
    }

    #[test]
    fn gradients_match_finite_differences() {
        // Distinct values 0.1 apart (no ties, so a 0.01 step never moves a maximum).
        let x = |b: usize, h: usize, c: usize| {
            let n = b * h * h * c;
            let v: Vec<f32> = (0..n).map(|i| ((i * 37) % n) as f32 / 10.0 - 2.0).collect();
            ArrayD::from_shape_vec(vec![b, h, h, c], v).unwrap()
        };
        check_gradients(&mut pool(4, 2, 2, 2), &x(2, 4, 2), "max_pool2d 2");
        check_gradients(
            &mut pool(5, 2, 1, 2),
            &x(1, 5, 2),
            "max_pool2d 2 stride 1 (overlapping)",
        );
        check_gradients(&mut pool(5, 3, 2, 1), &x(2, 5, 1), "max_pool2d 3 stride 2");
    }
}
