//! `Embedding`: each token id looks up a learned vector (Keras `Embedding`); with `mask_zero`,
//! id 0 is padding and the layer hands a mask on to the layers after it (src/nn/layer.rs,
//! `Layer::set_mask`), so average pooling and recurrent layers skip the padded steps.
//!
//! # Shapes
//! input `[batch, steps]` (token ids as numbers) → output `[batch, steps, output_dim]`;
//! embeddings `[input_dim, output_dim]`. An id outside `0..input_dim` looks up zeros.

use ndarray::{Array2, ArrayD};

use super::build::BuildContext;
use super::layer::{Layer, ParamMut};
use super::size::LayerSize;
use crate::error::Result;
use crate::experiment::layer_config::layer_config;
use crate::experiment::limits::{MAX_TOKENS, MAX_UNITS};
use crate::rng::Rng;

layer_config! {
    /// Turns each token id of a sentence into a learned vector of output_dim numbers (words used
    /// alike end up with similar vectors). Takes the token ids of data.text output_mode "int".
    pub struct EmbeddingConfig = "embedding" {
        /// How many token ids there are: the vocabulary size plus the reserved ids (padding 0 and
        /// out-of-vocabulary 1).
        input_dim: usize, range 1..=MAX_TOKENS, label "vocabulary", page 10_000;
        /// How many numbers each token's vector has.
        output_dim: usize, range 1..=MAX_UNITS, label "dimensions", page 16;
        /// Id 0 is padding: the layers after it skip those steps (pooling, lstm, gru).
        mask_zero: bool = false, page true;
    }
}

impl LayerSize for EmbeddingConfig {
    /// `input_dim · output_dim`.
    fn params(&self, _input: &[usize]) -> usize {
        self.input_dim.saturating_mul(self.output_dim)
    }
}

impl EmbeddingConfig {
    /// The layer for sequences of ids `[steps]`, vectors drawn from U(±0.05) as Keras does.
    pub fn build(&self, input: &[usize], ctx: &mut BuildContext) -> Result<Box<dyn Layer>> {
        let [_steps] = *input else {
            return Err(ctx.error(format!("needs token ids [steps] but receives shape {input:?}; put it first, on a text column with data.text output_mode \"int\"")));
        };
        let (n, d) = (self.input_dim, self.output_dim);
        let rng: &mut Rng = ctx.rng;
        let table = Array2::from_shape_simple_fn((n, d), || rng.uniform(-0.05, 0.05));
        Ok(Box::new(Embedding::from_weights(table, self.mask_zero)))
    }
}

/// A lookup table of token vectors.
pub struct Embedding {
    pub embeddings: Array2<f32>,
    pub mask_zero: bool,
    grad: Array2<f32>,
    /// The last training input's ids (`None`: outside the table).
    ids: Vec<Option<usize>>,
}

impl Embedding {
    /// A layer with the table `embeddings` `[input_dim, output_dim]`.
    pub fn from_weights(embeddings: Array2<f32>, mask_zero: bool) -> Self {
        Embedding {
            grad: Array2::zeros(embeddings.raw_dim()),
            embeddings,
            mask_zero,
            ids: vec![],
        }
    }
}

/// The row of id `v` (rounded) in a table of `rows` rows, if it has it.
pub(super) fn row(v: f32, rows: usize) -> Option<usize> {
    let v = v.round();
    (v >= 0.0 && v < rows as f32).then_some(v as usize)
}

/// With `mask_zero`, the padding mask of ids `x` `[batch, steps]`: 1 where the id is not 0.
pub(super) fn zero_mask(mask_zero: bool, x: &ArrayD<f32>) -> Option<Array2<f32>> {
    let &[batch, steps] = x.shape() else {
        return None;
    };
    let m = x.iter().map(|v| f32::from(v.round() != 0.0)).collect();
    mask_zero.then(|| Array2::from_shape_vec((batch, steps), m).expect("sized"))
}

impl Layer for Embedding {
    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        let (batch, steps) = (x.shape()[0], x.shape()[1]);
        let d = self.embeddings.ncols();
        let table = self.embeddings.as_slice().expect("standard layout");
        let rows = self.embeddings.nrows();
        let ids: Vec<Option<usize>> = x.iter().map(|&v| row(v, rows)).collect();
        let mut y = vec![0.0f32; batch * steps * d];
        for (out, id) in y.chunks_mut(d).zip(&ids) {
            if let Some(id) = id {
                out.copy_from_slice(&table[id * d..][..d]);
            }
        }
        if training {
            self.ids = ids;
        }
        ArrayD::from_shape_vec(vec![batch, steps, d], y).expect("sized above")
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        self.backward_params(grad_out);
        let s = grad_out.shape();
        ArrayD::zeros(vec![s[0], s[1]]) // ids are not differentiable
    }

    fn backward_params(&mut self, grad_out: &ArrayD<f32>) {
        let d = self.grad.ncols();
        let grad = self.grad.as_slice_mut().expect("standard layout");
        grad.fill(0.0);
        let g = grad_out.as_standard_layout();
        let g = g.as_slice().expect("standard layout");
        for (g, id) in g.chunks(d).zip(&self.ids) {
            if let Some(id) = id {
                let row = &mut grad[id * d..][..d];
                row.iter_mut().zip(g).for_each(|(r, v)| *r += v);
            }
        }
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        vec![ParamMut {
            value: self.embeddings.view_mut().into_dyn(),
            grad: self.grad.view().into_dyn(),
        }]
    }

    fn weights(&self) -> Vec<ArrayD<f32>> {
        vec![self.embeddings.clone().into_dyn()]
    }

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        vec![input[0], self.embeddings.ncols()]
    }

    fn kind(&self) -> &'static str {
        "embedding"
    }

    /// With `mask_zero`, 1 where the id is not 0.
    fn set_mask(&mut self, _mask: Option<Array2<f32>>, x: &ArrayD<f32>) -> Option<Array2<f32>> {
        zero_mask(self.mask_zero, x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::layer::tests::check_gradients;
    use ndarray::array;

    fn table() -> Array2<f32> {
        array![[0.0, 0.5], [1.0, -1.0], [2.0, 0.25], [-0.5, 3.0]]
    }

    #[test]
    fn forward_looks_up_rows_and_zero_masks_padding() {
        let mut e = Embedding::from_weights(table(), true);
        let x = array![[2.0f32, 3.0, 0.0], [1.0, 7.0, -1.0]].into_dyn();
        let mask = e.set_mask(None, &x).unwrap();
        assert_eq!(mask, array![[1.0f32, 1.0, 0.0], [1.0, 1.0, 1.0]]);
        let y = e.forward(&x, false);
        let want = array![
            [[2.0f32, 0.25], [-0.5, 3.0], [0.0, 0.5]],
            [[1.0, -1.0], [0.0, 0.0], [0.0, 0.0]] // 7 and -1 are outside the table
        ];
        assert_eq!(y, want.into_dyn());
        assert_eq!(
            Embedding::from_weights(table(), false).set_mask(None, &x),
            None
        );
    }

    #[test]
    fn gradients_add_up_per_id_and_match_finite_differences() {
        let mut e = Embedding::from_weights(table(), true);
        let x = array![[2.0f32, 2.0, 1.0]].into_dyn();
        e.forward(&x, true);
        e.backward(&array![[[1.0f32, 2.0], [3.0, 4.0], [5.0, 6.0]]].into_dyn());
        assert_eq!(
            e.grad,
            array![[0.0, 0.0], [5.0, 6.0], [4.0, 6.0], [0.0, 0.0]]
        );
        let mut e = Embedding::from_weights(table(), true);
        let x = array![[3.0f32, 1.0, 0.0], [1.0, 2.0, 2.0]].into_dyn();
        check_gradients(&mut e, &x, "embedding");
    }
}
