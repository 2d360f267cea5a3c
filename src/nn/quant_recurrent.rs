//! Int8 kernels for the recurrent layers (`lstm`, `gru`) of a quantised model file.
//!
//! A quantised layer keeps its kernel `W` and recurrent kernel `U` as int8 values with one scale
//! per output column (`nn::quant`); its f32 `kernel` and `recurrent` are empty. Each forward pass
//! packs `q ⊙ s` into the matmul panels (as the int8 dense layer does): `X·(q_W ⊙ s_W)` for every
//! step at once, and `h·(q_U ⊙ s_U)` at every step, so the products cost what f32 ones do. Backward (explanations only: there is nothing
//! to train) runs on the dequantised kernels, expanded for the call and dropped after.
//!
//! # Shapes
//! `q_W` `[features, G·u]`, `q_U` `[u, G·u]`, scales `[G·u]` (G = 4 for lstm, 3 for gru).

use ndarray::{Array2, Array3, Dimension};

use super::matmul::{gemm_packed, Packed};
use super::quant::{Int8Kernels, Int8Tensor};
use super::recurrent::{flat, project, RecurrentWeights};

impl<D: Dimension> RecurrentWeights<D> {
    /// Keeps `kernels` as the layer's weights: the f32 kernels and their gradients are emptied.
    pub fn set_int8(&mut self, kernels: Int8Kernels) {
        let (g0, g1, _) = &mut self.grads;
        empty_kernels([&mut self.kernel, &mut self.recurrent, g0, g1]);
        self.regularizer = None;
        self.int8 = Some(kernels);
    }

    /// `xs · W` for every step at once: `[steps, batch, features]` → `[steps, batch, G·u]`.
    pub fn project(&self, xs: &Array3<f32>) -> Array3<f32> {
        project_any(self.int8.as_ref(), &self.kernel, xs)
    }

    /// `U` packed for the products of one forward pass, `z += h·U` by `gemm_packed` at each
    /// step: a quantised layer's `q_U ⊙ s_U` made while packing (no f32 `U` kept between passes).
    pub fn packed_recurrent(&self) -> Packed {
        pack_any(self.int8.as_ref(), &self.recurrent)
    }

    /// Before a backward pass of a quantised layer: the dequantised kernels and zero gradients
    /// in the f32 fields (a no-op for an f32 layer). Undone by [`shrink`](Self::shrink).
    pub fn expand(&mut self) {
        if let Some(k) = &self.int8 {
            let (g0, g1, _) = &mut self.grads;
            expand_kernels(k, [&mut self.kernel, &mut self.recurrent, g0, g1]);
        }
    }

    /// After a backward pass: empties the f32 kernels of a quantised layer again.
    pub fn shrink(&mut self) {
        if let Some(k) = self.int8.take() {
            self.set_int8(k);
        }
    }
}

// The work of the methods above in plain functions of the kernels alone: one copy in the wasm
// for lstm and gru (the methods are generic over the bias's shape).

fn empty_kernels(fields: [&mut Array2<f32>; 4]) {
    fields.into_iter().for_each(|f| *f = Array2::zeros((0, 0)));
}

fn project_any(int8: Option<&Int8Kernels>, kernel: &Array2<f32>, xs: &Array3<f32>) -> Array3<f32> {
    // Without the feature no layer holds int8 kernels (src/io/quantization.rs): no int8 code.
    let Some(k) = int8.filter(|_| cfg!(feature = "int8-recurrent")) else {
        return project(xs, kernel);
    };
    let (t, b, _) = xs.dim();
    let mut packed = Packed::default();
    packed.pack_i8_scaled(k.kernel.matrix(), &k.kernel.scales);
    let mut z = Array3::zeros((t, b, k.kernel.scales.len()));
    let mut zf = z
        .view_mut()
        .into_shape_with_order((t * b, k.kernel.scales.len()));
    gemm_packed(flat(xs), &packed, false, zf.as_mut().expect("contiguous"));
    z
}

fn pack_any(int8: Option<&Int8Kernels>, recurrent: &Array2<f32>) -> Packed {
    match int8.filter(|_| cfg!(feature = "int8-recurrent")) {
        Some(k) => {
            let mut packed = Packed::default();
            packed.pack_i8_scaled(k.recurrent.matrix(), &k.recurrent.scales);
            packed
        }
        None => Packed::new(recurrent.view()),
    }
}

/// `[kernel, recurrent, kernel's gradient, recurrent's gradient]` ← the dequantised kernels and zeros.
fn expand_kernels(k: &Int8Kernels, [kernel, recurrent, g0, g1]: [&mut Array2<f32>; 4]) {
    let as2 = |t: &Int8Tensor| {
        let w = t.dequantize();
        let (r, c) = (w.shape()[0], w.shape()[1]);
        w.into_shape_with_order((r, c)).expect("two axes")
    };
    (*kernel, *recurrent) = (as2(&k.kernel), as2(&k.recurrent));
    *g0 = Array2::zeros(kernel.raw_dim());
    *g1 = Array2::zeros(recurrent.raw_dim());
}

#[cfg(test)]
mod tests {
    use ndarray::{Array1, ArrayD, Ix2, IxDyn};

    use super::*;
    use crate::nn::gru::Gru;
    use crate::nn::lstm::Lstm;
    use crate::nn::Layer;
    use crate::rng::Rng;

    /// The quantised layer (`make` from weights, then `w` to reach its weights) against the same
    /// layer holding the dequantised kernels in f32: the same outputs and input gradients up to
    /// summation rounding, and close to the original f32 layer.
    fn check<L: Layer, D: Dimension>(
        weights: Vec<ArrayD<f32>>,
        make: impl Fn(&[ArrayD<f32>]) -> L,
        w: impl Fn(&mut L) -> &mut RecurrentWeights<D>,
    ) {
        let mut rng = Rng::new(3);
        let data = (0..3 * 5 * 2).map(|_| rng.uniform(-1.0, 1.0)).collect();
        let x = ArrayD::from_shape_vec(IxDyn(&[3, 5, 2]), data).unwrap();
        let (qk, qr) = (
            Int8Tensor::quantize(&weights[0]),
            Int8Tensor::quantize(&weights[1]),
        );
        let (deq_k, deq_r) = (qk.dequantize(), qr.dequantize());
        let mut original = make(&weights);
        let mut dequantised = make(&[deq_k.clone(), deq_r, weights[2].clone()]);
        let mut quantised = make(&weights);
        w(&mut quantised).set_int8(Int8Kernels {
            kernel: qk,
            recurrent: qr,
        });
        assert!(quantised.params().is_empty());
        let (a, b) = (quantised.forward(&x, false), dequantised.forward(&x, false));
        let c = original.forward(&x, false);
        for ((a, b), c) in a.iter().zip(&b).zip(&c) {
            assert!((a - b).abs() < 1e-5, "int8 {a} vs dequantised {b}");
            assert!((a - c).abs() < 0.02, "int8 {a} vs f32 {c}");
        }
        let g = ArrayD::from_elem(a.raw_dim(), 1.0f32);
        let (da, db) = (quantised.backward(&g), dequantised.backward(&g));
        for (a, b) in da.iter().zip(&db) {
            assert!((a - b).abs() < 1e-5, "input gradient {a} vs {b}");
        }
        // After backward the layer holds int8 only again, and reports its dequantised kernel.
        assert!(w(&mut quantised).kernel.is_empty() && w(&mut quantised).recurrent.is_empty());
        assert_eq!(quantised.weights()[0], deq_k);
    }

    fn two(a: &ArrayD<f32>) -> Array2<f32> {
        a.clone().into_dimensionality::<Ix2>().unwrap()
    }

    #[test]
    fn int8_lstm_and_gru_match_their_dequantised_kernels() {
        let mut rng = Rng::new(8);
        let lstm = Lstm::new(2, 4, false, &mut rng).weights();
        let bias = |a: &ArrayD<f32>| -> Array1<f32> { a.clone().into_dimensionality().unwrap() };
        let make =
            |w: &[ArrayD<f32>]| Lstm::from_weights(two(&w[0]), two(&w[1]), bias(&w[2]), false);
        check(lstm, make, |l| &mut l.w);
        let gru = Gru::new(2, 4, true, &mut rng).weights();
        let make = |w: &[ArrayD<f32>]| Gru::from_weights(two(&w[0]), two(&w[1]), two(&w[2]), true);
        check(gru, make, |l| &mut l.w);
    }
}
