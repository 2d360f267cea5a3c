//! `Dropout`: zeroes a fraction `rate` of activations in training (scaling the rest by
//! `1 / (1 - rate)`); the identity outside training.
//!
//! # Shapes
//! any shape → the same shape.

use ndarray::{ArrayD, Zip};

use super::build::BuildContext;
use super::layer::{Layer, ParamMut};
use super::size::LayerSize;
use crate::error::Result;
use crate::experiment::layer_config::layer_config;
use crate::rng::Rng;

layer_config! {
    /// Sets a random fraction of the values to 0 in each training step (scaling the rest up), so
    /// the next layer cannot rely on any one of them; passes everything when predicting.
    pub struct DropoutConfig = "dropout" {
        /// The fraction of values set to 0 in training.
        rate: f32, range 0.0..=0.95, step 0.05, page 0.2;
    }
}

impl LayerSize for DropoutConfig {}

impl DropoutConfig {
    /// The layer for any input shape, with its own stream forked from the model's.
    pub fn build(&self, _input: &[usize], ctx: &mut BuildContext) -> Result<Box<dyn Layer>> {
        Ok(Box::new(Dropout::new(self.rate, ctx.rng.fork())))
    }
}

/// Inverted dropout with its own seeded stream.
pub struct Dropout {
    pub rate: f32,
    rng: Rng,
    mask: ArrayD<f32>,
}

impl Dropout {
    /// A dropout layer drawing its masks from `rng`.
    pub fn new(rate: f32, rng: Rng) -> Self {
        Dropout {
            rate,
            rng,
            mask: ArrayD::zeros(vec![0]),
        }
    }
}

impl Layer for Dropout {
    /// Passes the padding mask on (Keras's dropout supports masking).
    fn set_mask(
        &mut self,
        mask: Option<ndarray::Array2<f32>>,
        _x: &ArrayD<f32>,
    ) -> Option<ndarray::Array2<f32>> {
        mask
    }

    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        if !training || self.rate == 0.0 {
            self.mask = ArrayD::ones(x.raw_dim());
            return x.clone();
        }
        let keep = 1.0 - self.rate;
        let rng = &mut self.rng;
        self.mask = ArrayD::from_shape_simple_fn(x.raw_dim(), || {
            if rng.next_f32() < keep {
                1.0 / keep
            } else {
                0.0
            }
        });
        x * &self.mask
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        let mut g = grad_out.clone();
        Zip::from(&mut g).and(&self.mask).for_each(|g, m| *g *= m);
        g
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        vec![]
    }

    fn weights(&self) -> Vec<ArrayD<f32>> {
        vec![]
    }

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn kind(&self) -> &'static str {
        "dropout"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    #[test]
    fn identity_outside_training_and_mean_preserving_inside() {
        let x = Array2::<f32>::ones((100, 100)).into_dyn();
        let mut d = Dropout::new(0.25, Rng::new(4));
        assert_eq!(d.forward(&x, false), x);
        let y = d.forward(&x, true);
        let zeros = y.iter().filter(|v| **v == 0.0).count() as f32 / 10_000.0;
        assert!((zeros - 0.25).abs() < 0.02, "dropped {zeros}");
        assert!((y.mean().unwrap() - 1.0).abs() < 0.03);
        let g = d.backward(&x);
        assert_eq!(g, y, "the gradient passes exactly where the forward did");
    }
}
