//! f32 matrix product C = A·B (+ C) with a register-blocked 4×8 micro-kernel: SIMD128
//! (`core::arch::wasm32`) when built for wasm with `+simd128`, portable arrays elsewhere (which
//! LLVM vectorises natively). B is packed once into 8-column panels; A and B may be transposed
//! views (any row/column strides), so Dense's x·W, xᵀ·dz and dz·Wᵀ all use it without copies of A.

/// A read-only matrix view: element (i, j) is `data[i * rs + j * cs]`.
#[derive(Clone, Copy)]
pub struct MatRef<'a> {
    pub data: &'a [f32],
    pub rows: usize,
    pub cols: usize,
    pub rs: usize,
    pub cs: usize,
}

impl<'a> MatRef<'a> {
    /// A row-major `[rows, cols]` matrix.
    pub fn row_major(data: &'a [f32], rows: usize, cols: usize) -> Self {
        assert_eq!(data.len(), rows * cols, "matrix data length");
        MatRef {
            data,
            rows,
            cols,
            rs: cols,
            cs: 1,
        }
    }

    /// The transpose (no copy).
    pub fn t(self) -> Self {
        MatRef {
            rows: self.cols,
            cols: self.rows,
            rs: self.cs,
            cs: self.rs,
            ..self
        }
    }

    #[inline(always)]
    fn at(&self, i: usize, j: usize) -> f32 {
        self.data[i * self.rs + j * self.cs]
    }
}

/// `c` = a·b (or += when `accumulate`) for ndarray views of any layout, e.g. `x.t()` or `w.t()`:
/// the drop-in for `a.dot(&b)` in a layer, writing into a reused `[m, n]` standard-layout buffer.
/// Views that are neither C- nor F-contiguous (or have negative strides) are copied once.
///
/// # Shapes
/// a `[m, k]`, b `[k, n]`, c `[m, n]` (standard layout).
pub fn matmul_into(
    a: ndarray::ArrayView2<f32>,
    b: ndarray::ArrayView2<f32>,
    c: &mut ndarray::Array2<f32>,
    accumulate: bool,
    packed: &mut Vec<f32>,
) {
    assert_eq!(c.dim(), (a.nrows(), b.ncols()), "output shape");
    let (a, b) = (contiguous(a), contiguous(b));
    let out = c
        .as_slice_mut()
        .expect("the output buffer is standard layout");
    gemm(mat_ref(&a), mat_ref(&b), out, accumulate, packed);
}

fn contiguous(v: ndarray::ArrayView2<'_, f32>) -> ndarray::CowArray<'_, f32, ndarray::Ix2> {
    if v.as_slice_memory_order().is_some() && v.strides().iter().all(|&s| s >= 0) {
        v.into()
    } else {
        v.as_standard_layout().into_owned().into()
    }
}

fn mat_ref<'a>(v: &'a ndarray::CowArray<f32, ndarray::Ix2>) -> MatRef<'a> {
    let data = v.as_slice_memory_order().expect("made contiguous");
    let (rows, cols) = v.dim();
    let s = v.strides();
    // A length-1 axis may carry any stride; give it one that keeps every index in range.
    let rs = if rows > 1 { s[0] as usize } else { 0 };
    let cs = if cols > 1 { s[1] as usize } else { 0 };
    MatRef {
        data,
        rows,
        cols,
        rs,
        cs,
    }
}

const MR: usize = 4;
const NR: usize = 8;

/// `c` (row-major `[a.rows, b.cols]`) = a·b, or += a·b when `accumulate`.
/// `packed` is scratch for B's panels, reused between calls to avoid allocation in hot loops.
///
/// # Panics
/// If the inner dimensions or `c`'s length do not match (a programming error: shapes are checked
/// when a model is built).
pub fn gemm(a: MatRef, b: MatRef, c: &mut [f32], accumulate: bool, packed: &mut Vec<f32>) {
    let (m, k, n) = (a.rows, a.cols, b.cols);
    assert_eq!(b.rows, k, "inner dimensions of the product");
    assert_eq!(c.len(), m * n, "output length");
    if !accumulate {
        c.fill(0.0);
    }
    let panels = n.div_ceil(NR);
    pack_b(b, panels, packed);
    for i0 in (0..m).step_by(MR) {
        let rows = MR.min(m - i0);
        for p in 0..panels {
            let panel = &packed[p * k * NR..(p + 1) * k * NR];
            let acc = kernel(a, i0, rows, panel, k);
            let j0 = p * NR;
            for (r, acc_row) in acc.iter().enumerate().take(rows) {
                let out = &mut c[(i0 + r) * n + j0..(i0 + r) * n + (j0 + NR).min(n)];
                out.iter_mut().zip(acc_row).for_each(|(o, v)| *o += v);
            }
        }
    }
}

/// Packs B into `panels` blocks of `[k, 8]` (row p of block q holds B[p, 8q..8q+8], zero-padded).
fn pack_b(b: MatRef, panels: usize, packed: &mut Vec<f32>) {
    let k = b.rows;
    packed.clear();
    packed.resize(panels * k * NR, 0.0);
    for q in 0..panels {
        for p in 0..k {
            let dst = &mut packed[(q * k + p) * NR..(q * k + p + 1) * NR];
            for (jj, d) in dst.iter_mut().enumerate().take(NR.min(b.cols - q * NR)) {
                *d = b.at(p, q * NR + jj);
            }
        }
    }
}

/// Offsets of A[i0 + r, 0] for the 4 rows of a block (rows past `rows` repeat row i0; their
/// results are discarded), after checking once that every read of the block stays in `a.data`.
#[inline(always)]
fn row_offsets(a: &MatRef, i0: usize, rows: usize, k: usize) -> [usize; MR] {
    if k > 0 {
        assert!(
            (i0 + rows - 1) * a.rs + (k - 1) * a.cs < a.data.len(),
            "A view out of bounds"
        );
    }
    std::array::from_fn(|r| (i0 + if r < rows { r } else { 0 }) * a.rs)
}

/// A[i0..i0+rows, :] · panel → a 4×8 block.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn kernel(a: MatRef, i0: usize, rows: usize, panel: &[f32], k: usize) -> [[f32; NR]; MR] {
    use core::arch::wasm32::*;
    let off = row_offsets(&a, i0, rows, k);
    assert!(panel.len() >= k * NR, "packed panel length");
    let (ap, bp, cs) = (a.data.as_ptr(), panel.as_ptr(), a.cs);
    let zero = f32x4_splat(0.0);
    let (mut c00, mut c01, mut c10, mut c11) = (zero, zero, zero, zero);
    let (mut c20, mut c21, mut c30, mut c31) = (zero, zero, zero, zero);
    for p in 0..k {
        // SAFETY: `row_offsets` checked every A index of this block; the panel holds k·8 floats;
        // v128_load/store accept unaligned pointers.
        unsafe {
            let b0 = v128_load(bp.add(p * NR) as *const v128);
            let b1 = v128_load(bp.add(p * NR + 4) as *const v128);
            let a0 = f32x4_splat(*ap.add(off[0] + p * cs));
            let a1 = f32x4_splat(*ap.add(off[1] + p * cs));
            let a2 = f32x4_splat(*ap.add(off[2] + p * cs));
            let a3 = f32x4_splat(*ap.add(off[3] + p * cs));
            c00 = f32x4_add(c00, f32x4_mul(a0, b0));
            c01 = f32x4_add(c01, f32x4_mul(a0, b1));
            c10 = f32x4_add(c10, f32x4_mul(a1, b0));
            c11 = f32x4_add(c11, f32x4_mul(a1, b1));
            c20 = f32x4_add(c20, f32x4_mul(a2, b0));
            c21 = f32x4_add(c21, f32x4_mul(a2, b1));
            c30 = f32x4_add(c30, f32x4_mul(a3, b0));
            c31 = f32x4_add(c31, f32x4_mul(a3, b1));
        }
    }
    let mut out = [[0.0f32; NR]; MR];
    for (o, (lo, hi)) in out
        .iter_mut()
        .zip([(c00, c01), (c10, c11), (c20, c21), (c30, c31)])
    {
        // SAFETY: each row of `out` is 8 contiguous f32 = two v128.
        unsafe {
            v128_store(o.as_mut_ptr() as *mut v128, lo);
            v128_store(o.as_mut_ptr().add(4) as *mut v128, hi);
        }
    }
    out
}

/// Portable 4×8 micro-kernel (the same arithmetic, in the same order, as the SIMD one).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn kernel(a: MatRef, i0: usize, rows: usize, panel: &[f32], k: usize) -> [[f32; NR]; MR] {
    let off = row_offsets(&a, i0, rows, k);
    let mut acc = [[0.0f32; NR]; MR];
    for (p, b) in panel.chunks_exact(NR).take(k).enumerate() {
        for (r, acc_row) in acc.iter_mut().enumerate() {
            let av = a.data[off[r] + p * a.cs];
            acc_row.iter_mut().zip(b).for_each(|(c, b)| *c += av * b);
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{s, Array2};

    /// Integer-valued entries in −4..=4: every product and partial sum is exact in f32, so any
    /// summation order must agree bit for bit with the naive triple loop.
    fn ints(len: usize, seed: usize) -> Vec<f32> {
        (0..len)
            .map(|i| ((i * 7 + seed * 13 + i * i % 5) % 9) as f32 - 4.0)
            .collect()
    }

    fn naive(a: MatRef, b: MatRef) -> Vec<f32> {
        let mut c = vec![0.0; a.rows * b.cols];
        for i in 0..a.rows {
            for j in 0..b.cols {
                c[i * b.cols + j] = (0..a.cols).map(|p| a.at(i, p) * b.at(p, j)).sum();
            }
        }
        c
    }

    #[test]
    fn equals_the_naive_product_exactly_for_every_shape_and_transpose() {
        let mut packed = Vec::new();
        for (m, k, n) in [
            (1, 1, 1),
            (3, 5, 7),
            (4, 8, 8),
            (5, 9, 17),
            (13, 33, 10),
            (32, 64, 64),
            (2, 0, 3),
        ] {
            let (ad, bd) = (ints(m * k, m), ints(k * n, n));
            for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                let a = if ta {
                    MatRef::row_major(&ad, k, m).t()
                } else {
                    MatRef::row_major(&ad, m, k)
                };
                let b = if tb {
                    MatRef::row_major(&bd, n, k).t()
                } else {
                    MatRef::row_major(&bd, k, n)
                };
                let mut c = vec![f32::NAN; m * n];
                gemm(a, b, &mut c, false, &mut packed);
                assert_eq!(c, naive(a, b), "m={m} k={k} n={n} ta={ta} tb={tb}");
            }
        }
    }

    #[test]
    fn matmul_into_matches_ndarray_dot_for_transposed_and_sliced_views() {
        let x = Array2::from_shape_vec((6, 5), ints(30, 3)).unwrap();
        let w = Array2::from_shape_vec((5, 9), ints(45, 4)).unwrap();
        let dz = Array2::from_shape_vec((6, 9), ints(54, 5)).unwrap();
        let mut packed = Vec::new();
        let cases = [
            (x.view(), w.view()),
            (x.t(), dz.view()),
            (dz.view(), w.t()),
            (x.slice(s![.., 1..4]), w.slice(s![1..4, ..;2])),
            (x.slice(s![..1, ..]), w.view()),
            (x.slice(s![..;-1, ..]), w.slice(s![.., ..;-1])),
        ];
        for (i, (a, b)) in cases.into_iter().enumerate() {
            let mut c = Array2::from_elem((a.nrows(), b.ncols()), f32::NAN);
            matmul_into(a, b, &mut c, false, &mut packed);
            assert_eq!(c, a.dot(&b), "case {i}");
        }
    }

    #[test]
    fn accumulates_into_c() {
        let (a, b) = (ints(6 * 4, 1), ints(4 * 9, 2));
        let (a, b) = (MatRef::row_major(&a, 6, 4), MatRef::row_major(&b, 4, 9));
        let mut c: Vec<f32> = (0..54).map(|v| v as f32).collect();
        gemm(a, b, &mut c, true, &mut Vec::new());
        let expect: Vec<f32> = naive(a, b)
            .iter()
            .enumerate()
            .map(|(i, v)| v + i as f32)
            .collect();
        assert_eq!(c, expect);
    }

    #[test]
    fn real_valued_products_match_f64_to_rounding() {
        let mut rng = crate::rng::Rng::new(5);
        let (m, k, n) = (37, 129, 70);
        let a: Vec<f32> = (0..m * k).map(|_| rng.uniform(-1.0, 1.0)).collect();
        let b: Vec<f32> = (0..k * n).map(|_| rng.uniform(-1.0, 1.0)).collect();
        let (ma, mb) = (MatRef::row_major(&a, m, k), MatRef::row_major(&b, k, n));
        let mut c = vec![0.0; m * n];
        gemm(ma, mb, &mut c, false, &mut Vec::new());
        for i in 0..m {
            for j in 0..n {
                let exact: f64 = (0..k)
                    .map(|p| ma.at(i, p) as f64 * mb.at(p, j) as f64)
                    .sum();
                assert!(
                    (c[i * n + j] as f64 - exact).abs() < 1e-4,
                    "({i},{j}): {} vs {exact}",
                    c[i * n + j]
                );
            }
        }
    }
}
