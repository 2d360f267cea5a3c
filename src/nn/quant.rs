//! Symmetric per-output-channel int8 quantisation of a weight tensor (post-training).
//!
//! A kernel whose last axis is the output channel (dense `[in, units]`, conv2d `[k, k, c,
//! filters]`, lstm/gru `[features, G·u]` and `[u, G·u]`) is stored as int8 values `q` and one f32
//! scale per output channel `s_j = max_i |w_ij| / 127` rounded up to 3 significant digits, with
//! `q_ij = round(w_ij / s_j)` in −127…127, so `|w_ij − q_ij·s_j| ≤ s_j / 2`. A channel of zeros
//! (e.g. pruned) gets scale 1. The rounding costs at most 1% of the int8 range and makes each
//! scale 3 digits in the file instead of 9 (W1's 138 scales: 450 of its 13,300 gzipped bytes).
//!
//! An embedding table `[input_dim, output_dim]` takes its scales along axis 0 instead: one per
//! row (per token). A lookup reads one row, so the row is the table's output channel; a scale
//! per column would let one frequent token with large values set the step of every other
//! token's vector, and a rare token's small vector would round to a few levels.

use ndarray::{ArrayD, IxDyn};

/// An int8 tensor: `q` row-major with `shape`, `scales` one per entry of axis `axis` (the
/// last, or 0 for an embedding table).
#[derive(Debug, Clone, PartialEq)]
pub struct Int8Tensor {
    pub shape: Vec<usize>,
    pub q: Vec<i8>,
    pub scales: Vec<f32>,
    pub axis: usize,
}

/// The int8 kernel and recurrent kernel of a quantised recurrent layer (quant_recurrent.rs).
pub struct Int8Kernels {
    pub kernel: Int8Tensor,
    pub recurrent: Int8Tensor,
}

impl Int8Tensor {
    /// Quantises `w` (at least one axis, the last being the output channel).
    pub fn quantize(w: &ArrayD<f32>) -> Self {
        Self::quantize_along(w, w.ndim().saturating_sub(1))
    }

    /// Quantises `w` with one scale per entry of axis `axis` (0: per row of an embedding table).
    pub fn quantize_along(w: &ArrayD<f32>, axis: usize) -> Self {
        let shape = w.shape().to_vec();
        let values = w.as_standard_layout();
        let values = values.as_slice().expect("standard layout");
        let mut t = Int8Tensor {
            scales: vec![0.0; shape.get(axis).copied().unwrap_or(1).max(1)],
            shape,
            q: vec![],
            axis,
        };
        for (i, v) in values.iter().enumerate() {
            let c = t.channel(i);
            t.scales[c] = t.scales[c].max(v.abs());
        }
        for s in &mut t.scales {
            *s = if *s > 0.0 { scale(*s) } else { 1.0 };
        }
        t.q = values
            .iter()
            .enumerate()
            .map(|(i, &v)| {
                (v as f64 / t.scales[t.channel(i)] as f64)
                    .round()
                    .clamp(-127.0, 127.0) as i8
            })
            .collect();
        t
    }

    /// The channel (index into `scales`) of the `i`-th value in row-major order.
    pub fn channel(&self, i: usize) -> usize {
        i / self.stride() % self.scales.len().max(1)
    }

    /// How many values apart two neighbours along the scales' axis are.
    fn stride(&self) -> usize {
        let stride: usize = self.shape.iter().skip(self.axis + 1).product();
        stride.max(1)
    }

    /// `q_ij · s_j` with the tensor's shape.
    pub fn dequantize(&self) -> ArrayD<f32> {
        let (stride, n) = (self.stride(), self.scales.len().max(1));
        let data = self.q.iter().enumerate();
        let data = data
            .map(|(i, &q)| q as f32 * self.scales[i / stride % n])
            .collect();
        ArrayD::from_shape_vec(IxDyn(&self.shape), data).expect("checked when read")
    }

    /// The tensor as a matrix `[rows, channels]` of int8 values (rows = every axis but the last;
    /// scales along the last axis).
    pub fn matrix(&self) -> ndarray::ArrayView2<'_, i8> {
        let n = self.scales.len();
        ndarray::ArrayView2::from_shape((self.q.len() / n.max(1), n), &self.q)
            .expect("checked when read")
    }
}

/// `m / 127` rounded up to 3 significant digits (as the f32 nearest that decimal, which is
/// what the file prints): `|w| / s ≤ 127` for every `|w| ≤ m`, up to the f32 rounding of `s`.
fn scale(m: f32) -> f32 {
    let s = f64::from(m) / 127.0;
    let step = 10f64.powi(s.log10().floor() as i32 - 2);
    let up = (s / step - 1e-9).ceil() * step;
    format!("{up:.2e}").parse().expect("a number")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;
    use ndarray::array;

    #[test]
    fn quantize_by_hand() {
        let w = array![[1.27f32, -0.5], [-0.635, 0.25], [0.0, 0.0]].into_dyn();
        let t = Int8Tensor::quantize(&w);
        // 1.27 / 127 = 0.01 exactly; 0.5 / 127 = 0.0039370… rounds up to 0.00394.
        assert_eq!(t.scales, [0.01, 0.00394]);
        assert_eq!(t.q, [127, -127, -64, 63, 0, 0]);
        assert_eq!(serde_json::to_string(&t.scales).unwrap(), "[0.01,0.00394]");
        // Above and below 1, and a maximum that is already a 3-digit multiple of 127.
        let t = Int8Tensor::quantize(&array![[300.0f32, 1e-6, -12.7]].into_dyn());
        assert_eq!(t.scales, [2.37, 7.88e-9, 0.1]);
        assert_eq!(t.q, [127, 127, -127]);
        let zeros = Int8Tensor::quantize(&array![[0.0f32], [0.0]].into_dyn());
        assert_eq!((zeros.q, zeros.scales), (vec![0, 0], vec![1.0]));
    }

    #[test]
    fn dequantize_error_is_at_most_half_a_scale_per_weight() {
        let mut rng = Rng::new(5);
        for shape in [vec![64, 16], vec![3, 3, 2, 8], vec![7, 40]] {
            let len: usize = shape.iter().product();
            let data = (0..len).map(|_| rng.uniform(-1.5, 1.5)).collect();
            let w = ArrayD::from_shape_vec(IxDyn(&shape), data).unwrap();
            // Per output channel (the last axis), and per row (axis 0, an embedding table).
            for (axis, stride) in [(shape.len() - 1, 1), (0, len / shape[0])] {
                let t = Int8Tensor::quantize_along(&w, axis);
                assert_eq!(t.scales.len(), shape[axis]);
                let back = t.dequantize();
                for (i, (a, b)) in w.iter().zip(back.iter()).enumerate() {
                    let s = t.scales[i / stride % shape[axis]];
                    // s/2 plus the rounding of the two f32 operations (a few ulps of |w|).
                    assert!(
                        (a - b).abs() <= s / 2.0 + a.abs() * 1e-6,
                        "{shape:?} axis {axis} [{i}] {a} vs {b}, s {s}"
                    );
                }
            }
        }
    }
}
