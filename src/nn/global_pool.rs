//! `GlobalAveragePooling1d`: the mean of a sequence over its steps (Keras
//! `GlobalAveragePooling1D`); with a padding mask (an embedding's `mask_zero`), the mean of the
//! unmasked steps only, so padding neither dilutes the mean nor receives a gradient.
//!
//! # Shapes
//! input `[batch, steps, channels]` → output `[batch, channels]`; mask `[batch, steps]`.

use ndarray::{Array2, ArrayD, Ix2, Ix3};

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
    /// Per sample and step of the last training input: its weight in the mean.
    weights: Array2<f32>,
    channels: usize,
}

impl GlobalAveragePooling1d {
    /// Each step's weight in its sample's mean `[batch, steps]`: mask / (unmasked steps), 0 for
    /// a sample that is all padding.
    fn step_weights(&self, batch: usize, steps: usize) -> Array2<f32> {
        let mut w = match &self.mask {
            Some(m) if m.dim() == (batch, steps) => m.clone(),
            _ => Array2::ones((batch, steps)),
        };
        for mut row in w.rows_mut() {
            let n = row.sum();
            if n > 0.0 {
                row.mapv_inplace(|v| v / n);
            }
        }
        w
    }
}

impl Layer for GlobalAveragePooling1d {
    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        let x = x
            .view()
            .into_dimensionality::<Ix3>()
            .expect("pooling input is [batch, steps, channels]");
        let (batch, steps, channels) = x.dim();
        let w = self.step_weights(batch, steps);
        let mut y = Array2::zeros((batch, channels));
        for ((mut out, xs), ws) in y.outer_iter_mut().zip(x.outer_iter()).zip(w.outer_iter()) {
            for (row, &wt) in xs.outer_iter().zip(ws) {
                out.scaled_add(wt, &row);
            }
        }
        if training {
            (self.weights, self.channels) = (w, channels);
        }
        y.into_dyn()
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        let g = grad_out
            .view()
            .into_dimensionality::<Ix2>()
            .expect("[batch, channels]");
        let (batch, steps) = self.weights.dim();
        let dx = ndarray::Array3::from_shape_fn((batch, steps, self.channels), |(b, t, c)| {
            self.weights[[b, t]] * g[[b, c]]
        });
        dx.into_dyn()
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
