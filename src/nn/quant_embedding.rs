//! An embedding layer of a quantised model file: the table stays int8 in memory, one f32 scale
//! per row (per token), and a lookup is the token's int8 row times its scale.
//!
//! # Shapes
//! input `[batch, steps]` (token ids) → output `[batch, steps, output_dim]`; q `[input_dim,
//! output_dim]`, scales `[input_dim]`. An id outside `0..input_dim` looks up zeros, as the f32
//! layer (src/nn/embedding.rs) does; with `mask_zero` id 0 is padding for the layers after it.

use ndarray::{Array2, ArrayD};

use super::embedding::{row, zero_mask};
use super::layer::{Layer, ParamMut};
use super::quant::Int8Tensor;

/// A lookup table of int8 token vectors.
pub struct Int8Embedding {
    table: Int8Tensor,
    mask_zero: bool,
}

impl Int8Embedding {
    /// `table` with its scales along axis 0 (checked when the file was read).
    pub fn new(table: Int8Tensor, mask_zero: bool) -> Self {
        Int8Embedding { table, mask_zero }
    }
}

impl Layer for Int8Embedding {
    fn forward(&mut self, x: &ArrayD<f32>, _training: bool) -> ArrayD<f32> {
        let (batch, steps) = (x.shape()[0], x.shape()[1]);
        let (rows, d) = (self.table.scales.len(), self.table.shape[1]);
        let mut y = vec![0.0f32; batch * steps * d];
        for (out, &v) in y.chunks_mut(d).zip(x.iter()) {
            if let Some(id) = row(v, rows) {
                let s = self.table.scales[id];
                let q = &self.table.q[id * d..][..d];
                out.iter_mut()
                    .zip(q)
                    .for_each(|(o, &q)| *o = f32::from(q) * s);
            }
        }
        ArrayD::from_shape_vec(vec![batch, steps, d], y).expect("sized above")
    }

    /// Ids are not differentiable: zeros `[batch, steps]` (and nothing to train).
    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        let s = grad_out.shape();
        ArrayD::zeros(vec![s[0], s[1]])
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        vec![]
    }

    fn weights(&self) -> Vec<ArrayD<f32>> {
        vec![self.table.dequantize()]
    }

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        vec![input[0], self.table.shape[1]]
    }

    fn kind(&self) -> &'static str {
        "embedding"
    }

    fn set_mask(&mut self, _mask: Option<Array2<f32>>, x: &ArrayD<f32>) -> Option<Array2<f32>> {
        zero_mask(self.mask_zero, x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::embedding::Embedding;
    use crate::rng::Rng;
    use ndarray::{array, IxDyn};

    #[test]
    fn lookup_by_hand() {
        // Row 0: max 1.27 → scale 0.01; row 1: max 0.5 → 0.00394 (0.5 / 127 rounded up).
        let w = array![[1.27f32, -0.635], [0.25, -0.5]].into_dyn();
        let t = Int8Tensor::quantize_along(&w, 0);
        assert_eq!(
            (t.scales.clone(), t.q.clone()),
            (vec![0.01, 0.00394], vec![127, -64, 63, -127])
        );
        let mut e = Int8Embedding::new(t, true);
        let x = array![[1.0f32, 0.0, 5.0]].into_dyn();
        let y = e.forward(&x, false);
        let want = [
            63.0 * 0.00394f32,
            -127.0 * 0.00394,
            1.27,
            -64.0 * 0.01,
            0.0,
            0.0,
        ];
        assert_eq!(y.shape(), [1, 3, 2]);
        assert_eq!(y.iter().copied().collect::<Vec<_>>(), want);
        assert_eq!(e.set_mask(None, &x), Some(array![[1.0f32, 0.0, 1.0]]));
        assert!(e.params().is_empty());
    }

    #[test]
    fn int8_lookups_are_within_half_a_row_scale_of_the_f32_table() {
        let mut rng = Rng::new(11);
        // Rows of very different sizes: a per-row scale keeps the small ones fine.
        let data = (0..50 * 8)
            .map(|i| rng.uniform(-1.0, 1.0) * if i / 8 % 5 == 0 { 2.0 } else { 0.01 })
            .collect();
        let w = ArrayD::from_shape_vec(IxDyn(&[50, 8]), data).unwrap();
        let t = Int8Tensor::quantize_along(&w, 0);
        let scales = t.scales.clone();
        let mut int8 = Int8Embedding::new(t, false);
        let table = w.clone().into_dimensionality().unwrap();
        let mut f32 = Embedding::from_weights(table, false);
        let ids = ArrayD::from_shape_vec(IxDyn(&[5, 10]), (0..50).map(|i| i as f32).collect());
        let ids = ids.unwrap();
        let (a, b) = (int8.forward(&ids, false), f32.forward(&ids, false));
        for (i, (a, b)) in a.iter().zip(&b).enumerate() {
            let s = scales[i / 8];
            assert!(
                (a - b).abs() <= s / 2.0 + b.abs() * 1e-6,
                "value {i}: {a} vs {b}, s {s}"
            );
        }
        assert_eq!(int8.weights()[0], int8.table.dequantize());
    }
}
