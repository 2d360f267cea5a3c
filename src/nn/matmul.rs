//! The project's own f32 matrix product, with one fixed summation order on every target.
//!
//! Each output element is `c + Σ_k a[i,k]·b[k,j]` summed in increasing `k`, with a separate
//! multiply and add (never a fused multiply-add). Vector units only ever work across `j`, so the
//! result is bit-identical natively (SSE2 or AVX) and in wasm (scalar or SIMD128) — the library
//! kernels pick FMA natively and not in wasm, which changes the last bits and so the history.
//!
//! Both operands are packed (any strides, e.g. transposed views) into `MR`-row blocks of A and
//! `NR`-column panels of B, once per product; a `MR × NR` register tile accumulates over the
//! whole `k` range. The tile is 4×16 natively (AVX: 8 ymm accumulators) and 4×8 in wasm with
//! SIMD128 (8 `v128` accumulators in locals, which V8 keeps in its 16 xmm registers without
//! spilling; 5×8 and 6×8 tiles spill there and ran at 19–23 GFLOP/s against 29–34 for 4×8 on
//! W3's shapes).

use std::cell::RefCell;

use ndarray::{s, Array2, ArrayView2, ArrayViewMut2};

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd128;

const MR: usize = 4;
/// Rows of A packed at a time (a multiple of `MR`).
const MC: usize = 256;
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
const NR: usize = 16;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
const NR: usize = simd128::NR;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
const _: () = assert!(simd128::MR == MR);

thread_local! {
    /// `a`'s packed `MR`-row blocks, reused by every product on this thread (grown to the largest
    /// `MC·k` seen, never shrunk), so a training step allocates nothing for them.
    static A_BLOCKS: RefCell<Vec<f32>> = const { RefCell::new(Vec::new()) };
}

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

/// [`gemm`] packing `b` into `scratch`, whose buffer is reused from call to call (a layer keeps
/// one, so training allocates no panels per step).
pub fn gemm_with(
    a: ArrayView2<f32>,
    b: ArrayView2<f32>,
    accumulate: bool,
    c: &mut ArrayViewMut2<f32>,
    scratch: &mut Packed,
) {
    scratch.pack(b);
    gemm_packed(a, scratch, accumulate, c)
}

/// A right-hand operand `[k, n]` packed once into `NR`-column panels, for reuse across many
/// products (a recurrent kernel at every time step).
#[derive(Default)]
pub struct Packed {
    k: usize,
    n: usize,
    panels: Vec<f32>,
}

impl Packed {
    /// Packs `b` `[k, n]` (any strides).
    pub fn new(b: ArrayView2<f32>) -> Self {
        let mut packed = Packed::default();
        packed.pack(b);
        packed
    }

    /// Repacks `b` `[k, n]` (any strides) into this buffer, reusing its allocation. Panel `p`
    /// holds `b[kk, p·NR + jj]` at `kk·NR + jj`, zero-padded past column `n`.
    pub fn pack(&mut self, b: ArrayView2<f32>) {
        let (k, n) = b.dim();
        (self.k, self.n) = (k, n);
        self.panels.clear();
        self.panels.resize(n.div_ceil(NR) * k * NR, 0.0);
        let panels = &mut self.panels;
        if k == 0 || n == 0 {
        } else if b.strides()[1] == 1 || n == 1 {
            // Rows contiguous (`x`, `W`, `dz`): whole row pieces per panel.
            for (kk, row) in b.rows().into_iter().enumerate() {
                let src = row.to_slice().expect("contiguous row");
                for (chunk, dst) in src.chunks(NR).zip(panels.chunks_exact_mut(k * NR)) {
                    dst[kk * NR..kk * NR + chunk.len()].copy_from_slice(chunk);
                }
            }
        } else if b.strides()[0] == 1 {
            // Columns contiguous (a transposed weight `Wᵀ`): each column into its panel lane.
            for (j, col) in b.columns().into_iter().enumerate() {
                let dst = &mut panels[(j / NR) * k * NR + j % NR..];
                let src = col.to_slice().expect("contiguous column");
                for (d, &v) in dst.iter_mut().step_by(NR).zip(src) {
                    *d = v;
                }
            }
        } else {
            for ((kk, j), &v) in b.indexed_iter() {
                panels[(j / NR) * k * NR + kk * NR + j % NR] = v;
            }
        }
    }
}

impl Packed {
    /// Packs int8 weights `q` `[k, n]` (any strides) as the f32 integers they are: the int8
    /// layers (src/nn/quant_layers.rs) multiply by them and scale each output channel after the
    /// sum. The same panels as [`pack`](Self::pack), so the same kernel and summation order.
    pub fn pack_i8(&mut self, q: ArrayView2<i8>) {
        let (k, n) = q.dim();
        (self.k, self.n) = (k, n);
        self.panels.clear();
        self.panels.resize(n.div_ceil(NR) * k * NR, 0.0);
        for (kk, row) in q.rows().into_iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                self.panels[(j / NR) * k * NR + kk * NR + j % NR] = f32::from(v);
            }
        }
    }

    /// [`pack_i8`](Self::pack_i8) with column `j` multiplied by `scales[j]`: the dequantised
    /// values `q·s` made while packing, so each product then costs what an f32 one does (an int8
    /// recurrent kernel, multiplied at every time step).
    pub fn pack_i8_scaled(&mut self, q: ArrayView2<i8>, scales: &[f32]) {
        self.pack_i8(q);
        for (i, v) in self.panels.iter_mut().enumerate() {
            let j = i / (self.k * NR) * NR + i % NR;
            *v *= scales.get(j).copied().unwrap_or(0.0);
        }
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
    match c.as_slice_mut() {
        Some(out) => gemm_rows(a, b, accumulate, out),
        None => {
            // A strided output (no call site has one today): through a standard-layout copy.
            let mut out = c.as_standard_layout().into_owned();
            gemm_rows(
                a,
                b,
                accumulate,
                out.as_slice_mut().expect("standard layout"),
            );
            c.assign(&out);
        }
    }
}

/// The blocked loop into row-major `c`, `MC` rows of `a` at a time (bounding the packed copy of
/// `a` to `MC·k` floats, e.g. when predicting a whole dataset).
fn gemm_rows(a: ArrayView2<f32>, b: &Packed, accumulate: bool, c: &mut [f32]) {
    let (m, k, n) = (a.nrows(), b.k, b.n);
    if k == 0 {
        if !accumulate {
            c.fill(0.0);
        }
        return;
    }
    let len = MC.min(m).div_ceil(MR) * MR * k;
    A_BLOCKS.with_borrow_mut(|ap| {
        if ap.len() < len {
            ap.resize(len, 0.0);
        }
        for (chunk, c_rows) in c.chunks_mut(MC * n).enumerate() {
            let a_rows = a.slice(s![chunk * MC..(chunk * MC + MC).min(m), ..]);
            gemm_chunk(a_rows, b, accumulate, c_rows, ap);
        }
    });
}

/// One chunk of rows: `a` packed into `MR`-row blocks at the start of `ap` (every value used is
/// written, padding included), then for every panel of `b` (which stays in L1) every block of
/// `a` (~6% faster in V8 than blocks outer, panels inner).
fn gemm_chunk(a: ArrayView2<f32>, b: &Packed, accumulate: bool, c: &mut [f32], ap: &mut [f32]) {
    let (m, k, n) = (a.nrows(), b.k, b.n);
    let ap = &mut ap[..m.div_ceil(MR) * MR * k];
    for (blk, apb) in ap.chunks_exact_mut(k * MR).enumerate() {
        let (i0, rows) = (blk * MR, MR.min(m - blk * MR));
        if rows < MR {
            apb.fill(0.0);
        }
        for r in 0..rows {
            for (dst, &v) in apb[r..].iter_mut().step_by(MR).zip(a.row(i0 + r)) {
                *dst = v;
            }
        }
    }
    for (p, panel) in b.panels.chunks_exact(k * NR).enumerate() {
        let (j0, cols) = (p * NR, NR.min(n - p * NR));
        for (blk, apb) in ap.chunks_exact(k * MR).enumerate() {
            let (i0, rows) = (blk * MR, MR.min(m - blk * MR));
            let mut acc = [[0.0f32; NR]; MR];
            if accumulate {
                for (r, acc_r) in acc.iter_mut().enumerate().take(rows) {
                    acc_r[..cols].copy_from_slice(&c[(i0 + r) * n + j0..][..cols]);
                }
            }
            tile(apb, panel, &mut acc);
            for (r, acc_r) in acc.iter().enumerate().take(rows) {
                c[(i0 + r) * n + j0..][..cols].copy_from_slice(&acc_r[..cols]);
            }
        }
    }
}

/// The register tile: SIMD128 in wasm, compiled with AVX natively where the CPU has it (the same
/// IEEE operations in the same order, wider).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn tile(a: &[f32], b: &[f32], acc: &mut [[f32; NR]; MR]) {
    simd128::tile(a, b, acc)
}

/// The register tile, compiled with AVX where the CPU has it (same IEEE operations, wider).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
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

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
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

    /// Real-valued (non-integer) entries, so any change of summation order shows in the bits.
    fn real(rows: usize, cols: usize, seed: usize) -> Array2<f32> {
        Array::from_shape_fn((rows, cols), |(i, j)| {
            ((i * 13 + j * 7 + seed * 5) % 23) as f32 / 7.0 - 1.3
        })
    }

    #[test]
    fn matches_the_sequential_sum_bit_for_bit_for_odd_shapes_and_strides() {
        let mut scratch = Packed::default();
        // 261 rows: a second, partial chunk of MC rows ending in a partial MR block.
        for (m, k, n) in [
            (1, 1, 1),
            (5, 3, 17),
            (33, 70, 9),
            (4, 0, 3),
            (64, 64, 48),
            (261, 9, 19),
        ] {
            let a = real(k, m, 1);
            let b = real(k, n, 2);
            let bt = real(n, k, 3);
            let wide = real(2 * k, 2 * n, 4);
            // Rows contiguous, columns contiguous (a transpose), neither (every other row and column).
            let bs = [b.view(), bt.t(), wide.slice(s![..;2, ..;2])];
            let c0 = Array::from_shape_fn((m, n), |(i, j)| (i as f32 - j as f32) / 10.0);
            for (case, b) in bs.into_iter().enumerate() {
                let mut c = c0.clone();
                gemm(a.t(), b, true, &mut c.view_mut());
                assert_eq!(
                    c,
                    naive(a.t(), b, &c0),
                    "{m}x{k}x{n} accumulate, b case {case}"
                );
                let mut c = c0.clone();
                gemm_with(a.t(), b, false, &mut c.view_mut(), &mut scratch);
                let zeros = Array2::zeros((m, n));
                assert_eq!(
                    c,
                    naive(a.t(), b, &zeros),
                    "{m}x{k}x{n} reused, b case {case}"
                );
            }
            let fresh = matmul(a.t(), b.view());
            let close = (&fresh - &a.t().dot(&b)).iter().all(|d| d.abs() < 1e-3);
            assert!(close, "agrees with ndarray's dot up to rounding");
        }
    }

    #[test]
    fn strided_operands_and_output_match_the_sequential_sum() {
        let wide = real(14, 40, 4);
        let a = wide.slice(s![..;2, 1..;3]);
        let b = real(39, 25, 5);
        let b = b.slice(s![..;3, ..;-2]);
        let mut ct = real(13, 7, 6);
        let c0 = ct.t().to_owned();
        let mut c = ct.view_mut().reversed_axes();
        gemm(a, b, true, &mut c);
        assert_eq!(c, naive(a, b, &c0));
    }
}
