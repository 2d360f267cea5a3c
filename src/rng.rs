//! The seeded random source: one `u64` seed drives split, shuffle, init and dropout.

use rand::rngs::ChaCha8Rng;
use rand::{Rng as _, SeedableRng};

/// A portable, seeded generator (ChaCha8): the same seed gives the same stream natively and in wasm.
#[derive(Debug)]
pub struct Rng(ChaCha8Rng);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(ChaCha8Rng::seed_from_u64(seed))
    }

    /// A uniform `f32` in `[0, 1)` (24 random bits).
    pub fn next_f32(&mut self) -> f32 {
        (self.0.next_u32() >> 8) as f32 * (1.0 / (1u32 << 24) as f32)
    }

    /// A uniform `f32` in `[low, high)`.
    pub fn uniform(&mut self, low: f32, high: f32) -> f32 {
        low + (high - low) * self.next_f32()
    }

    /// A uniform index in `0..n` (`n > 0`), without modulo bias.
    pub fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let v = self.0.next_u64();
            if v < zone {
                return (v % n) as usize;
            }
        }
    }

    /// Fisher–Yates shuffle in place.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }

    /// A new generator derived from this one (for an independent stream, e.g. dropout).
    pub fn fork(&mut self) -> Self {
        Rng(ChaCha8Rng::seed_from_u64(self.0.next_u64()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_different_seed_different() {
        let a: Vec<f32> = (0..5)
            .map({
                let mut r = Rng::new(7);
                move |_| r.next_f32()
            })
            .collect();
        let b: Vec<f32> = (0..5)
            .map({
                let mut r = Rng::new(7);
                move |_| r.next_f32()
            })
            .collect();
        let c: Vec<f32> = (0..5)
            .map({
                let mut r = Rng::new(8);
                move |_| r.next_f32()
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.iter().all(|v| (0.0..1.0).contains(v)));
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut v: Vec<usize> = (0..100).collect();
        Rng::new(1).shuffle(&mut v);
        assert_ne!(v, (0..100).collect::<Vec<_>>());
        v.sort();
        assert_eq!(v, (0..100).collect::<Vec<_>>());
    }
}
