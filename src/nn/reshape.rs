//! `Reshape` and `Flatten`: the same values, row-major, under another shape (Keras order).
//!
//! # Shapes
//! input `[batch, ...input]` → output `[batch, ...target]`, `product(input) == product(target)`;
//! `flatten` is a reshape to `[product(input)]`.

use ndarray::ArrayD;

use super::build::BuildContext;
use super::layer::{Layer, ParamMut};
use super::size::LayerSize;
use crate::error::Result;
use crate::experiment::layer_config::layer_config;
use crate::experiment::limits::MAX_DIM;

layer_config! {
    /// The same values under another shape, row-major: e.g. 64 pixel columns → an 8×8 image
    /// [8, 8, 1] for conv2d.
    pub struct ReshapeConfig = "reshape" {
        /// The new shape, 1 to 3 sizes (e.g. 8,8,1); their product is the input's size.
        target_shape: Vec<usize>, range 1..=MAX_DIM, page vec![8, 8, 1];
    }
}

impl LayerSize for ReshapeConfig {}

impl ReshapeConfig {
    /// The layer for inputs with as many values as `target_shape`.
    pub fn build(&self, input: &[usize], ctx: &mut BuildContext) -> Result<Box<dyn Layer>> {
        let target = &self.target_shape;
        let (have, want) = (product(input), product(target));
        if have != want {
            return Err(ctx.error(format!("cannot turn shape {input:?} ({have} values) into target_shape {target:?} ({want} values); make the product of target_shape {have}")));
        }
        Ok(Box::new(Reshape::new(input, target.clone(), ctx.kind)))
    }
}

layer_config! {
    /// Unrolls an image [height, width, channels] into one row [height·width·channels], for the
    /// dense layers after it.
    pub struct FlattenConfig = "flatten" {}
}

impl LayerSize for FlattenConfig {}

impl FlattenConfig {
    /// The layer for any input shape.
    pub fn build(&self, input: &[usize], _ctx: &mut BuildContext) -> Result<Box<dyn Layer>> {
        Ok(Box::new(Reshape::flatten(input)))
    }
}

/// The number of values in a shape, saturating (so an absurd target never matches).
fn product(shape: &[usize]) -> usize {
    shape.iter().fold(1usize, |p, &d| p.saturating_mul(d))
}

/// Reinterprets each sample's values under `target` (no parameters).
pub struct Reshape {
    input: Vec<usize>,
    target: Vec<usize>,
    kind: &'static str,
}

impl Reshape {
    /// A reshape from `input` to `target` (same product, checked by the caller); `kind` names it
    /// in summaries (`reshape` or `flatten`).
    pub fn new(input: &[usize], target: Vec<usize>, kind: &'static str) -> Self {
        Reshape {
            input: input.to_vec(),
            target,
            kind,
        }
    }

    /// The flatten layer for inputs of shape `input`.
    pub fn flatten(input: &[usize]) -> Self {
        Self::new(input, vec![input.iter().product()], "flatten")
    }
}

/// `x`'s values in row-major order.
pub fn values(x: &ArrayD<f32>) -> Vec<f32> {
    let x = x.as_standard_layout();
    x.as_slice().expect("standard layout").to_vec()
}

/// A copy of `x` `[batch, ...]` as `[batch, ...shape]` (row-major values, so Keras's order).
fn reshape(x: &ArrayD<f32>, shape: &[usize]) -> ArrayD<f32> {
    let dims: Vec<usize> = x.shape()[..1].iter().chain(shape).copied().collect();
    ArrayD::from_shape_vec(dims, values(x)).expect("same size, checked at build")
}

impl Layer for Reshape {
    fn forward(&mut self, x: &ArrayD<f32>, _training: bool) -> ArrayD<f32> {
        reshape(x, &self.target)
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        reshape(grad_out, &self.input)
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        vec![]
    }

    fn weights(&self) -> Vec<ArrayD<f32>> {
        vec![]
    }

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        self.target.clone()
    }

    fn kind(&self) -> &'static str {
        self.kind
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::layer::tests::check_gradients;
    use ndarray::Array;

    #[test]
    fn flatten_is_row_major_and_gradients_pass_through() {
        let x = Array::from_shape_fn((2, 2, 3, 2), |(b, y, x, c)| {
            (b * 100 + y * 10 + x * 2 + c) as f32
        })
        .into_dyn();
        let mut f = Reshape::flatten(&[2, 3, 2]);
        assert_eq!(f.output_shape(&[2, 3, 2]), [12]);
        let y = f.forward(&x, false);
        assert_eq!(y.shape(), [2, 12]);
        assert_eq!(
            y.as_slice().unwrap()[..4],
            [0.0, 1.0, 2.0, 3.0],
            "channels fastest, then x"
        );
        assert_eq!(y.as_slice().unwrap()[6..8], [10.0, 11.0]);
        check_gradients(&mut f, &(x / 50.0), "flatten");
    }

    #[test]
    fn reshape_keeps_the_values_in_order() {
        let x = Array::from_shape_fn((3, 8), |(b, i)| (b * 8 + i) as f32 / 7.0).into_dyn();
        let mut r = Reshape::new(&[8], vec![2, 2, 2], "reshape");
        let y = r.forward(&x, true);
        assert_eq!(y.shape(), [3, 2, 2, 2]);
        assert_eq!(y[[1, 1, 0, 1]], x[[1, 5]]);
        assert_eq!(r.backward(&y), x);
        check_gradients(&mut r, &x, "reshape");
    }
}
