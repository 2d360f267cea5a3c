//! The `MR`×8 register tile of [`super`] in WebAssembly SIMD128: the same per-element order
//! (`acc + a·b` for `k` ascending, `f32x4_mul` then `f32x4_add`, never a fused multiply-add), so
//! the results equal the portable tile's bit for bit.

use core::arch::wasm32::*;

/// The tile this kernel is written for (`super` takes its `NR` from here and checks `MR`).
pub(super) const MR: usize = 4;
pub(super) const NR: usize = 8;

/// `acc[r][j] += Σ_k a[k·MR + r] · b[k·NR + j]`, `k` ascending, for `a` `[k, MR]` (packed A
/// block) and `b` `[k, NR]` (packed B panel). The `2·MR` accumulators are fixed-index locals
/// (LLVM unrolls the row loops), which V8 keeps in xmm registers for the whole `k` loop.
#[inline(always)]
pub(super) fn tile(a: &[f32], b: &[f32], acc: &mut [[f32; NR]; MR]) {
    const { assert!(NR == 8) };
    let k = a.len() / MR;
    assert!(b.len() >= k * NR, "packed panel shorter than the A block");
    // SAFETY (loads and stores of `acc`): each row is 8 contiguous f32, two v128; v128_load and
    // v128_store accept unaligned pointers.
    let mut c: [[v128; 2]; MR] = core::array::from_fn(|r| unsafe {
        let row = acc[r].as_ptr();
        [
            v128_load(row as *const v128),
            v128_load(row.add(4) as *const v128),
        ]
    });
    let (ap, bp) = (a.as_ptr(), b.as_ptr());
    for p in 0..k {
        // SAFETY: p < k, `a` holds k·MR floats and `b` at least k·NR (asserted above).
        unsafe {
            let b0 = v128_load(bp.add(p * NR) as *const v128);
            let b1 = v128_load(bp.add(p * NR + 4) as *const v128);
            for (r, cr) in c.iter_mut().enumerate() {
                let ar = v128_load32_splat(ap.add(p * MR + r) as *const u32);
                cr[0] = f32x4_add(cr[0], f32x4_mul(ar, b0));
                cr[1] = f32x4_add(cr[1], f32x4_mul(ar, b1));
            }
        }
    }
    for (row, [lo, hi]) in acc.iter_mut().zip(c) {
        // SAFETY: as for the loads.
        unsafe {
            v128_store(row.as_mut_ptr() as *mut v128, lo);
            v128_store(row.as_mut_ptr().add(4) as *mut v128, hi);
        }
    }
}
