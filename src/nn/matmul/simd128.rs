//! The 4×8 register tile of [`super`] in WebAssembly SIMD128: the same per-element order
//! (`acc + a·b` for `k` ascending, `f32x4_mul` then `f32x4_add`, never a fused multiply-add), so
//! the results equal the portable tile's bit for bit.

use core::arch::wasm32::*;

use super::{MR, NR};

/// `acc[r][j] += Σ_k a[k·MR + r] · b[k·NR + j]`, `k` ascending, for `a` `[k, MR]` (packed A
/// block) and `b` `[k, NR]` (packed B panel). The eight accumulators stay in locals for the whole
/// `k` loop.
#[inline(always)]
pub(super) fn tile(a: &[f32], b: &[f32], acc: &mut [[f32; NR]; MR]) {
    const { assert!(MR == 4 && NR == 8) };
    let k = a.len() / MR;
    assert!(b.len() >= k * NR, "packed panel shorter than the A block");
    // SAFETY: every row of `acc` is 8 contiguous f32 (two v128); v128_load/store accept
    // unaligned pointers.
    let ld = |row: &[f32; NR], h: usize| unsafe { v128_load(row.as_ptr().add(h) as *const v128) };
    let (mut c00, mut c01, mut c10, mut c11) = (
        ld(&acc[0], 0),
        ld(&acc[0], 4),
        ld(&acc[1], 0),
        ld(&acc[1], 4),
    );
    let (mut c20, mut c21, mut c30, mut c31) = (
        ld(&acc[2], 0),
        ld(&acc[2], 4),
        ld(&acc[3], 0),
        ld(&acc[3], 4),
    );
    let (ap, bp) = (a.as_ptr(), b.as_ptr());
    for p in 0..k {
        // SAFETY: p < k, a holds k·MR floats and b at least k·NR (asserted above).
        unsafe {
            let b0 = v128_load(bp.add(p * NR) as *const v128);
            let b1 = v128_load(bp.add(p * NR + 4) as *const v128);
            let a0 = v128_load32_splat(ap.add(p * MR) as *const u32);
            c00 = f32x4_add(c00, f32x4_mul(a0, b0));
            c01 = f32x4_add(c01, f32x4_mul(a0, b1));
            let a1 = v128_load32_splat(ap.add(p * MR + 1) as *const u32);
            c10 = f32x4_add(c10, f32x4_mul(a1, b0));
            c11 = f32x4_add(c11, f32x4_mul(a1, b1));
            let a2 = v128_load32_splat(ap.add(p * MR + 2) as *const u32);
            c20 = f32x4_add(c20, f32x4_mul(a2, b0));
            c21 = f32x4_add(c21, f32x4_mul(a2, b1));
            let a3 = v128_load32_splat(ap.add(p * MR + 3) as *const u32);
            c30 = f32x4_add(c30, f32x4_mul(a3, b0));
            c31 = f32x4_add(c31, f32x4_mul(a3, b1));
        }
    }
    for (row, (lo, hi)) in acc
        .iter_mut()
        .zip([(c00, c01), (c10, c11), (c20, c21), (c30, c31)])
    {
        // SAFETY: as for the loads.
        unsafe {
            v128_store(row.as_mut_ptr() as *mut v128, lo);
            v128_store(row.as_mut_ptr().add(4) as *mut v128, hi);
        }
    }
}
