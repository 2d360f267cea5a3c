//! `GlobalAveragePooling1d`: the mean of a sequence over its steps (Keras
//! `GlobalAveragePooling1D`); with a padding mask (an embedding's `mask_zero`), the mean of the
//! unmasked steps only, so padding neither dilutes the mean nor receives a gradient.
//!
//! # Shapes
//! input `[batch, steps, channels]` → output `[batch, channels]`; mask `[batch, steps]`.

use ndarray::{Array2, ArrayD};

use super::build::BuildContext;
use super::layer::{Layer, ParamMut};
use super::size::LayerSize;
use crate::error::Result;
use crate::experiment::layer_config::layer_config;

layer_config! {
    /// Averages a sequence over its steps into one vector (for text: the mean of the word
    /// vectors, skipping padding), so a dense layer can classify the whole sentence.
    pub struct GlobalAveragePooling1dConfig = "global_average_pooling1d" {
    }
}

impl LayerSize for GlobalAveragePooling1dConfig {}

impl GlobalAveragePooling1dConfig {
    /// The layer for sequences `[steps, channels]`.
    pub fn build(&self, input: &[usize], ctx: &mut BuildContext) -> Result<Box<dyn Layer>> {
        match *input {
            [_, _] => Ok(Box::new(GlobalAveragePooling1d::default())),
            _ => Err(ctx.error(format!("needs sequences [steps, channels] but receives shape {input:?}; put an embedding (or an lstm or gru with return_sequences) before it"))),
        }
    }
}

/// The (masked) mean over steps.
#[derive(Default)]
pub struct GlobalAveragePooling1d {
    /// The mask of the input (`None`: every step counts).
    mask: Option<Array2<f32>>,
    /// Per sample and step of the last training input, `[batch·steps]`: 1 if it counts.
    counted: Vec<f32>,
    /// Per sample of the last training input: how many steps count (at least 1).
    counts: Vec<f32>,
    steps: usize,
}

impl GlobalAveragePooling1d {
    /// Which steps count, `[batch·steps]` (the mask, or all), and how many per sample (at
    /// least 1: a sample that is all padding averages to zeros).
    fn counted(&self, batch: usize, steps: usize) -> (Vec<f32>, Vec<f32>) {
        let m = match &self.mask {
            Some(m) if m.dim() == (batch, steps) => m.iter().copied().collect(),
            _ => vec![1.0; batch * steps],
        };
        let n = (0..batch)
            .map(|b| m[b * steps..(b + 1) * steps].iter().sum::<f32>().max(1.0))
            .collect();
        (m, n)
    }
}

impl Layer for GlobalAveragePooling1d {
    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        let (batch, steps, channels) = (x.shape()[0], x.shape()[1], x.shape()[2]);
        let x = x.as_standard_layout();
        let xs = x.as_slice().expect("standard layout");
        let (m, n) = self.counted(batch, steps);
        let mut y = vec![0.0f32; batch * channels];
        for (b, out) in y.chunks_mut(channels).enumerate() {
            for t in (0..steps).filter(|t| m[b * steps + t] != 0.0) {
                let row = &xs[(b * steps + t) * channels..][..channels];
                out.iter_mut().zip(row).for_each(|(o, v)| *o += v);
            }
            out.iter_mut().for_each(|o| *o /= n[b]);
        }
        if training {
            (self.counted, self.counts, self.steps) = (m, n, steps);
        }
        ArrayD::from_shape_vec(vec![batch, channels], y).expect("sized above")
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        let (batch, channels) = (grad_out.shape()[0], grad_out.shape()[1]);
        let g = grad_out.as_standard_layout();
        let g = g.as_slice().expect("standard layout");
        let steps = self.steps;
        let dx: Vec<f32> = (0..batch * steps * channels)
            .map(|i| {
                let (b, t, c) = (i / (steps * channels), i / channels % steps, i % channels);
                self.counted[b * steps + t] * g[b * channels + c] / self.counts[b]
            })
            .collect();
        ArrayD::from_shape_vec(vec![batch, steps, channels], dx).expect("sized above")
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        vec![]
    }

    fn weights(&self) -> Vec<ArrayD<f32>> {
        vec![]
    }

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        vec![input[1]]
    }

    fn kind(&self) -> &'static str {
        "global_average_pooling1d"
    }

    /// Keeps the mask for the mean; the output (one vector per sample) has none.
    fn set_mask(&mut self, mask: Option<Array2<f32>>, _x: &ArrayD<f32>) -> Option<Array2<f32>> {
        self.mask = mask;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::layer::tests::check_gradients;
    use ndarray::{array, Array3};

    fn x() -> ArrayD<f32> {
        array![
            [[1.0f32, 2.0], [3.0, -4.0], [5.0, 6.0]],
            [[0.5, 1.5], [-2.5, 0.0], [9.0, 9.0]]
        ]
        .into_dyn()
    }

    #[test]
    fn forward_averages_the_unmasked_steps() {
        let mut p = GlobalAveragePooling1d::default();
        assert_eq!(
            p.forward(&x(), false),
            array![[3.0f32, 4.0 / 3.0], [7.0 / 3.0, 3.5]].into_dyn()
        );
        p.set_mask(Some(array![[1.0, 1.0, 0.0], [0.0, 0.0, 0.0]]), &x());
        // Sample 0: the mean of steps 0 and 1; sample 1 is all padding: zeros.
        assert_eq!(
            p.forward(&x(), false),
            array![[2.0f32, -1.0], [0.0, 0.0]].into_dyn()
        );
    }

    #[test]
    fn padding_gets_no_gradient_and_gradients_match_finite_differences() {
        let mut p = GlobalAveragePooling1d::default();
        p.set_mask(Some(array![[1.0, 0.0, 1.0], [1.0, 1.0, 1.0]]), &x());
        p.forward(&x(), true);
        let dx = p.backward(&array![[2.0f32, 4.0], [3.0, 6.0]].into_dyn());
        let want = Array3::from_shape_vec(
            (2, 3, 2),
            vec![1.0, 2.0, 0.0, 0.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0],
        )
        .unwrap();
        assert_eq!(dx, want.into_dyn());
        check_gradients(&mut p, &x(), "global_average_pooling1d masked");
        let mut p = GlobalAveragePooling1d::default();
        check_gradients(&mut p, &x(), "global_average_pooling1d");
    }
}
