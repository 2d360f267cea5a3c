//! The project's own f32 matrix product, with one fixed summation order on every target.
//!
//! Each output element is `c + Σ_k a[i,k]·b[k,j]` summed in increasing `k`, with a separate
//! multiply and add (never a fused multiply-add). Vector units only ever work across `j`, so the
//! result is bit-identical natively (SSE2 or AVX) and in wasm (scalar or SIMD128) — the library
//! kernels pick FMA natively and not in wasm, which changes the last bits and so the history.
//!
//! Both operands are packed (any strides, e.g. transposed views) into `MR`-row blocks of A and
//! `NR`-column panels of B; a `MR × NR` register tile accumulates over the whole `k` range.

use ndarray::{s, Array2, ArrayView2, ArrayViewMut2};

const MR: usize = 4;
const NR: usize = 16;

/// `a · b` for `a` `[m, k]`, `b` `[k, n]` → a new standard-layout `[m, n]`.
pub fn matmul(a: ArrayView2<f32>, b: ArrayView2<f32>) -> Array2<f32> {
    let mut c = Array2::zeros((a.nrows(), b.ncols()));
    gemm(a, b, false, &mut c.view_mut());
    c
}

/// `c = a · b` (`accumulate == false`) or `c += a · b` (`true`, summed onto c's values);
/// `a` `[m, k]`, `b` `[k, n]`, `c` `[m, n]`, any strides.
pub fn gemm(a: ArrayView2<f32>, b: ArrayView2<f32>, accumulate: bool, c: &mut ArrayViewMut2<f32>) {
    gemm_packed(a, &Packed::new(b), accumulate, c)
}

/// A right-hand operand `[k, n]` packed once into `NR`-column panels, for reuse across many
/// products (a recurrent kernel at every time step).
pub struct Packed {
    k: usize,
    n: usize,
    panels: Vec<f32>,
}

impl Packed {
    /// Packs `b` `[k, n]` (any strides).
    pub fn new(b: ArrayView2<f32>) -> Self {
        let (k, n) = b.dim();
        let mut panels = vec![0.0f32; n.div_ceil(NR) * k * NR];
        for (kk, row) in b.rows().into_iter().enumerate() {
            for (p, chunk) in panels.chunks_exact_mut(k * NR).enumerate() {
                let (j0, cols) = (p * NR, NR.min(n - p * NR));
                let dst = &mut chunk[kk * NR..kk * NR + cols];
                match row.as_slice() {
                    Some(src) => dst.copy_from_slice(&src[j0..j0 + cols]),
                    None => dst
                        .iter_mut()
                        .zip(row.iter().skip(j0))
                        .for_each(|(d, &v)| *d = v),
                }
            }
        }
        Packed { k, n, panels }
    }
}

/// [`gemm`] with a pre-packed `b`.
pub fn gemm_packed(a: ArrayView2<f32>, b: &Packed, accumulate: bool, c: &mut ArrayViewMut2<f32>) {
    let (m, k) = a.dim();
    let n = b.n;
    assert!(b.k == k && c.dim() == (m, n), "matmul shapes");
    if m == 0 || n == 0 {
        return;
    }
    if k == 0 {
        if !accumulate {
            c.fill(0.0);
        }
        return;
    }
    let mut ap = vec![0.0f32; k * MR];
    for i0 in (0..m).step_by(MR) {
        let rows = MR.min(m - i0);
        ap.fill(0.0);
        for r in 0..rows {
            for (kk, &v) in a.row(i0 + r).iter().enumerate() {
                ap[kk * MR + r] = v;
            }
        }
        for (p, panel) in b.panels.chunks_exact(k * NR).enumerate() {
            let (j0, cols) = (p * NR, NR.min(n - p * NR));
            let mut acc = [[0.0f32; NR]; MR];
            if accumulate {
                for (r, acc_r) in acc.iter_mut().enumerate().take(rows) {
                    let c_row = c.slice(s![i0 + r, j0..j0 + cols]);
                    acc_r.iter_mut().zip(c_row).for_each(|(a, &v)| *a = v);
                }
            }
            tile(&ap, panel, &mut acc);
            for (r, acc_r) in acc.iter().enumerate().take(rows) {
                let c_row = c.slice_mut(s![i0 + r, j0..j0 + cols]);
                c_row.into_iter().zip(acc_r).for_each(|(v, &a)| *v = a);
            }
        }
    }
}

/// The register tile, compiled with AVX where the CPU has it (same IEEE operations, wider).
fn tile(a: &[f32], b: &[f32], acc: &mut [[f32; NR]; MR]) {
    #[cfg(all(target_arch = "x86_64", not(target_feature = "avx")))]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: the CPU supports AVX (checked just above).
        return unsafe { tile_avx(a, b, acc) };
    }
    tile_portable(a, b, acc)
}

#[cfg(all(target_arch = "x86_64", not(target_feature = "avx")))]
#[target_feature(enable = "avx")]
unsafe fn tile_avx(a: &[f32], b: &[f32], acc: &mut [[f32; NR]; MR]) {
    tile_portable(a, b, acc)
}

#[inline(always)]
fn tile_portable(a: &[f32], b: &[f32], acc: &mut [[f32; NR]; MR]) {
    for (ak, bk) in a.chunks_exact(MR).zip(b.chunks_exact(NR)) {
        for (row, &ai) in acc.iter_mut().zip(ak) {
            for (c, &bj) in row.iter_mut().zip(bk) {
                *c += ai * bj;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array;

    /// The reference: the same order (k ascending, separate multiply and add), plainly.
    fn naive(a: ArrayView2<f32>, b: ArrayView2<f32>, c0: &Array2<f32>) -> Array2<f32> {
        Array2::from_shape_fn(c0.dim(), |(i, j)| {
            (0..a.ncols()).fold(c0[[i, j]], |s, k| s + a[[i, k]] * b[[k, j]])
        })
    }

    #[test]
    fn matches_the_sequential_sum_bit_for_bit_for_odd_shapes_and_strides() {
        for (m, k, n) in [(1, 1, 1), (5, 3, 17), (33, 70, 9), (4, 0, 3), (64, 64, 48)] {
            let a =
                Array::from_shape_fn((k, m), |(i, j)| ((i * 13 + j * 7) % 23) as f32 / 7.0 - 1.3);
            let b =
                Array::from_shape_fn((k, n), |(i, j)| ((i * 5 + j * 11) % 19) as f32 / 3.0 - 2.9);
            let c0 = Array::from_shape_fn((m, n), |(i, j)| (i as f32 - j as f32) / 10.0);
            let mut c = c0.clone();
            gemm(a.t(), b.view(), true, &mut c.view_mut());
            assert_eq!(c, naive(a.t(), b.view(), &c0), "{m}x{k}x{n} accumulate");
            let fresh = matmul(a.t(), b.view());
            assert_eq!(
                fresh,
                naive(a.t(), b.view(), &Array2::zeros((m, n))),
                "{m}x{k}x{n}"
            );
            let close = (&fresh - &a.t().dot(&b)).iter().all(|d| d.abs() < 1e-3);
            assert!(close, "agrees with ndarray's dot up to rounding");
        }
    }
}
