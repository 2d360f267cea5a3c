//! Successive halving (pruning, as in Hyperband and ASHA): every trial first trains a short
//! rung; only the best third (1/η) of each rung trains on to the next, η times longer, and the
//! last rung is full training. With η = 3 and 3 rungs a trial of E epochs is scored after E/9,
//! E/3 and E epochs, so 12 trials cost about 3.6 full trainings instead of 12.
//!
//! Deterministic: the rungs follow from the trials' epochs, the survivors from the scores (ties go
//! to the earlier trial), and a trial trained in steps ends exactly like one trained straight.

use serde::{Deserialize, Serialize};

/// The halving schedule of `search.pruning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Pruning {
    /// Each rung keeps the best `1/eta` of its trials and trains them `eta` times longer.
    pub eta: usize,
    /// How many rungs, the last one being full training.
    pub rungs: usize,
}

impl Default for Pruning {
    fn default() -> Self {
        Pruning { eta: 3, rungs: 3 }
    }
}

/// The epochs a trial of `epochs` epochs has trained at the end of rung `rung` (0-based):
/// `epochs / eta^(rungs − 1 − rung)`, rounded up; the last rung is all `epochs`.
pub fn rung_epochs(epochs: usize, pruning: Pruning, rung: usize) -> usize {
    let below = pruning.rungs.saturating_sub(rung + 1) as u32;
    let div = pruning.eta.checked_pow(below).unwrap_or(usize::MAX);
    epochs.div_ceil(div).max(1)
}

/// The trials that go on to the next rung: the `ceil(n / eta)` lowest scores among the `n`
/// trials of this rung (a failed trial, `None`, never goes on; on a tie the earlier trial does),
/// in plan order. `scores` pairs each trial's index with its score.
pub fn survivors(scores: &[(usize, Option<f32>)], eta: usize) -> Vec<usize> {
    let keep = scores.len().div_ceil(eta.max(1));
    // A trial's rank is how many trials beat it; counting, not sorting, keeps the wasm small.
    let beats = |(i, a): (usize, f32), (j, b): (usize, f32)| a < b || (a == b && i < j);
    let scored: Vec<(usize, f32)> = scores
        .iter()
        .filter_map(|&(i, s)| s.filter(|s| !s.is_nan()).map(|s| (i, s)))
        .collect();
    let mut out: Vec<usize> = scored
        .iter()
        .filter(|&&t| scored.iter().filter(|&&o| beats(o, t)).count() < keep)
        .map(|&(i, _)| i)
        .collect();
    crate::sort::sort_numbers(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rungs_grow_by_eta_and_end_at_full_training() {
        let p = Pruning::default();
        let rungs: Vec<usize> = (0..3).map(|r| rung_epochs(100, p, r)).collect();
        assert_eq!(rungs, [12, 34, 100]);
        let rungs: Vec<usize> = (0..3).map(|r| rung_epochs(60, p, r)).collect();
        assert_eq!(rungs, [7, 20, 60]);
        // Too few epochs to divide: at least one epoch per rung.
        assert_eq!(rung_epochs(2, p, 0), 1);
        let two = Pruning { eta: 2, rungs: 2 };
        assert_eq!((rung_epochs(50, two, 0), rung_epochs(50, two, 1)), (25, 50));
        // One rung is plain search.
        let one = Pruning { eta: 3, rungs: 1 };
        assert_eq!(rung_epochs(50, one, 0), 50);
    }

    #[test]
    fn survivors_are_the_best_third_in_plan_order() {
        let scores = [
            (0, Some(0.5)),
            (1, Some(0.2)),
            (2, None),
            (3, Some(0.9)),
            (4, Some(0.2)),
            (5, Some(0.1)),
            (6, Some(0.3)),
        ];
        // ceil(7 / 3) = 3 go on: 0.1 (5), then the tie 0.2 (1 and 4).
        assert_eq!(survivors(&scores, 3), [1, 4, 5]);
        assert_eq!(survivors(&scores, 2), [1, 4, 5, 6]);
        // A rung of failed trials ends the search.
        assert_eq!(survivors(&[(0, None), (1, None)], 3), Vec::<usize>::new());
        // 12 trials: 4, then 2.
        let twelve: Vec<(usize, Option<f32>)> =
            (0..12).map(|i| (i, Some((i * 7 % 12) as f32))).collect();
        assert_eq!(survivors(&twelve, 3), [0, 2, 7, 9]);
    }
}
