//! The layers' matrix kernel in WebAssembly (the SIMD128 tile when built with `+simd128`, as the
//! page is): every output equals the plain sequential sum `c + Σ_k a·b` (k ascending, multiply
//! then add) bit for bit, which is what makes wasm training identical to native training.
#![cfg(target_arch = "wasm32")]

use kindling::nn::matmul::{gemm, gemm_with, matmul, Packed};
use ndarray::{s, Array2, ArrayView2};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Real-valued (non-integer) entries, so any other summation order changes the bits.
fn real(rows: usize, cols: usize, seed: usize) -> Array2<f32> {
    Array2::from_shape_fn((rows, cols), |(i, j)| {
        ((i * 13 + j * 7 + seed * 5) % 23) as f32 / 7.0 - 1.3 + (i * j % 3) as f32 * 1e-3
    })
}

/// The reference order, plainly, with scalar f32 arithmetic.
fn naive(a: ArrayView2<f32>, b: ArrayView2<f32>, c0: &Array2<f32>) -> Array2<f32> {
    Array2::from_shape_fn(c0.dim(), |(i, j)| {
        (0..a.ncols()).fold(c0[[i, j]], |acc, k| acc + a[[i, k]] * b[[k, j]])
    })
}

#[wasm_bindgen_test]
fn the_page_build_uses_the_simd128_tile() {
    assert!(
        cfg!(target_feature = "simd128"),
        "build the wasm tests with +simd128 (.cargo/config.toml) so they test the shipped kernel"
    );
}

#[wasm_bindgen_test]
fn equals_the_sequential_sum_bit_for_bit_on_training_shapes_and_views() {
    let mut scratch = Packed::default();
    // W3's products (x·W, xᵀ·dz, dz·Wᵀ), and ragged shapes that leave partial tiles.
    for (m, k, n) in [
        (128, 100, 256),
        (13, 37, 1),
        (5, 3, 17),
        (33, 70, 9),
        (7, 1, 31),
        (261, 9, 19),
    ] {
        let (x, w, dz) = (real(m, k, 1), real(k, n, 2), real(m, n, 3));
        let c0 = real(m, n, 4);
        let mut c = c0.clone();
        gemm_with(x.view(), w.view(), true, &mut c.view_mut(), &mut scratch);
        assert_eq!(c, naive(x.view(), w.view(), &c0), "x·W {m}x{k}x{n}");
        let grad = matmul(x.t(), dz.view());
        let zeros = Array2::zeros((k, n));
        assert_eq!(grad, naive(x.t(), dz.view(), &zeros), "xᵀ·dz {m}x{k}x{n}");
        let mut dx = Array2::zeros((m, k));
        gemm_with(dz.view(), w.t(), false, &mut dx.view_mut(), &mut scratch);
        let zeros = Array2::zeros((m, k));
        assert_eq!(dx, naive(dz.view(), w.t(), &zeros), "dz·Wᵀ {m}x{k}x{n}");
    }
    // Neither rows nor columns contiguous, and a transposed output.
    let (a, b) = (real(20, 30, 5), real(29, 18, 6));
    let (a, b) = (a.slice(s![..;2, ..;2]), b.slice(s![..;2, ..;-2]));
    let mut ct = real(9, 10, 7);
    let c0 = ct.t().to_owned();
    let mut c = ct.view_mut().reversed_axes();
    gemm(a, b, true, &mut c);
    assert_eq!(c, naive(a, b, &c0), "strided views");
}
