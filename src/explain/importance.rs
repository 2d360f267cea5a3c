//! Permutation importance (Breiman 2001; scikit-learn's `permutation_importance`): how much the
//! test loss rises when one input's values are shuffled across the test rows, breaking its link
//! to the target. `repeats` shuffles per input from one seed; mean and standard deviation
//! (population) of the rise. For a window `[lookback, features]` one "input" is one lag (every
//! feature at that step), so the importance is per lag.
//!
//! # Shapes
//! `x` `[rows, inputs]` or `[rows, lookback, features]`; `y` `[rows, outputs]`.

use ndarray::{Array2, ArrayD, Axis};
use serde::Serialize;

use crate::nn::Sequential;
use crate::rng::Rng;

/// The most shuffles per input.
pub const MAX_REPEATS: usize = 100;

/// Importance of every input (or lag), in input order.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Importance {
    /// The test loss with nothing shuffled.
    pub loss: f32,
    pub repeats: usize,
    pub seed: u64,
    /// Per input (axis 1 of `x`): mean and sd of (loss shuffled − loss).
    pub mean: Vec<f32>,
    pub sd: Vec<f32>,
}

/// Permutation importance of each entry of axis 1 of `x` for `net` on `(x, y)`.
pub fn permutation_importance(
    net: &mut Sequential,
    x: &ArrayD<f32>,
    y: &Array2<f32>,
    repeats: usize,
    seed: u64,
) -> Importance {
    let repeats = repeats.clamp(1, MAX_REPEATS);
    let loss = net.loss(x, y);
    let (rows, inputs) = (x.shape()[0], x.shape().get(1).copied().unwrap_or(0));
    let mut rng = Rng::new(seed);
    let (mut mean, mut sd) = (vec![0.0; inputs], vec![0.0; inputs]);
    let mut shuffled = x.clone();
    for j in 0..inputs {
        let rises: Vec<f64> = (0..repeats)
            .map(|_| {
                let mut order: Vec<usize> = (0..rows).collect();
                rng.shuffle(&mut order);
                copy_input(x, &mut shuffled, j, &order);
                net.loss(&shuffled, y) as f64 - loss as f64
            })
            .collect();
        // Put input j back before the next one.
        copy_input(x, &mut shuffled, j, &(0..rows).collect::<Vec<_>>());
        let m = rises.iter().sum::<f64>() / repeats as f64;
        let var = rises.iter().map(|r| (r - m).powi(2)).sum::<f64>() / repeats as f64;
        (mean[j], sd[j]) = (m as f32, var.sqrt() as f32);
    }
    Importance {
        loss,
        repeats,
        seed,
        mean,
        sd,
    }
}

/// Input `j` of row `r` of `out` ← input `j` of row `from[r]` of `x`.
fn copy_input(x: &ArrayD<f32>, out: &mut ArrayD<f32>, j: usize, from: &[usize]) {
    for (r, &f) in from.iter().enumerate() {
        let src = x.index_axis(Axis(0), f).index_axis_move(Axis(0), j);
        out.index_axis_mut(Axis(0), r)
            .index_axis_mut(Axis(0), j)
            .assign(&src);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::read_csv;
    use crate::experiment::Experiment;
    use crate::train::Session;

    #[test]
    fn the_feature_the_target_depends_on_comes_first_by_a_wide_margin() {
        // y = 3·x0 + small noise; x1 is noise the target never sees.
        let mut rng = Rng::new(11);
        let mut csv = String::from("x0,x1,y\n");
        for _ in 0..300 {
            let (x0, x1, e) = (
                rng.uniform(-1.0, 1.0),
                rng.uniform(-1.0, 1.0),
                rng.uniform(-0.05, 0.05),
            );
            csv += &format!("{x0},{x1},{}\n", 3.0 * x0 + e);
        }
        let table = read_csv("synthetic.csv", csv.as_bytes()).unwrap();
        let exp = Experiment::from_json(r#"{"seed":1,"data":{"target":"y","split":{"method":"random","validation":0.0,"test":0.3}},
            "model":{"layers":[{"type":"dense","units":8,"activation":"tanh"},{"type":"dense","units":1}]},
            "compile":{"optimizer":{"type":"adam","learning_rate":0.02}},"fit":{"epochs":60,"batch_size":16}}"#).unwrap();
        let mut s = Session::new(exp, &table).unwrap();
        while !s.is_done() {
            s.step(usize::MAX).unwrap();
        }
        let (x, y) = (s.data.x_test.clone(), s.data.y_test.clone());
        let imp = permutation_importance(s.model_mut(), &x, &y, 5, 0);
        assert_eq!(imp.mean.len(), 2);
        assert!(
            imp.mean[0] > 1.0 && imp.mean[0] > 50.0 * imp.mean[1].abs().max(1e-3),
            "{imp:?}"
        );
        assert!(imp.sd.iter().all(|s| *s >= 0.0));
        // Same seed, same figures; another seed, other shuffles.
        assert_eq!(permutation_importance(s.model_mut(), &x, &y, 5, 0), imp);
        assert_ne!(
            permutation_importance(s.model_mut(), &x, &y, 5, 1).mean,
            imp.mean
        );
    }
}
