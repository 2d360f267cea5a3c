//! Metrics on held-out data: accuracy, macro F1 and the confusion matrix for classes; RMSE, MAE
//! and R² (in the target's original units) for regression.

use ndarray::{Array2, ArrayView1, Axis};
use serde::Serialize;

/// Test-set figures. Fields that do not apply to the task are `None` (omitted in JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Evaluation {
    pub rows: usize,
    pub loss: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accuracy: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub f1: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confusion: Option<Vec<Vec<usize>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rmse: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mae: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r2: Option<f32>,
}

/// Index of the largest value in a row.
pub fn argmax(row: ArrayView1<f32>) -> usize {
    row.iter()
        .enumerate()
        .fold((0, f32::NEG_INFINITY), |(bi, bv), (i, &v)| {
            if v > bv {
                (i, v)
            } else {
                (bi, bv)
            }
        })
        .0
}

/// Fraction of rows whose predicted class (argmax) equals the one-hot target's.
pub fn accuracy(pred: &Array2<f32>, onehot: &Array2<f32>) -> f32 {
    if pred.nrows() == 0 {
        return 0.0;
    }
    let hits = pred
        .axis_iter(Axis(0))
        .zip(onehot.axis_iter(Axis(0)))
        .filter(|(p, y)| argmax(p.view()) == argmax(y.view()))
        .count();
    hits as f32 / pred.nrows() as f32
}

/// `confusion[actual][predicted]` counts.
pub fn confusion(pred: &Array2<f32>, onehot: &Array2<f32>) -> Vec<Vec<usize>> {
    let k = onehot.ncols();
    let mut m = vec![vec![0; k]; k];
    for (p, y) in pred.axis_iter(Axis(0)).zip(onehot.axis_iter(Axis(0))) {
        m[argmax(y)][argmax(p)] += 1;
    }
    m
}

/// Unweighted mean of per-class F1 (a class never predicted nor present counts as 0 only if present).
pub fn macro_f1(confusion: &[Vec<usize>]) -> f32 {
    let k = confusion.len();
    let mut total = 0.0;
    let mut counted = 0;
    for c in 0..k {
        let tp = confusion[c][c] as f32;
        let actual: usize = confusion[c].iter().sum();
        let predicted: usize = confusion.iter().map(|r| r[c]).sum();
        if actual + predicted == 0 {
            continue;
        }
        total += 2.0 * tp / (actual + predicted) as f32;
        counted += 1;
    }
    if counted == 0 {
        0.0
    } else {
        total / counted as f32
    }
}

/// (RMSE, MAE, R²) over every element.
pub fn regression(pred: &Array2<f32>, y: &Array2<f32>) -> (f32, f32, f32) {
    let n = y.len().max(1) as f64;
    let mean = y.iter().map(|&v| v as f64).sum::<f64>() / n;
    let (mut se, mut ae, mut tot) = (0.0f64, 0.0f64, 0.0f64);
    for (&p, &t) in pred.iter().zip(y.iter()) {
        let d = p as f64 - t as f64;
        se += d * d;
        ae += d.abs();
        tot += (t as f64 - mean).powi(2);
    }
    let r2 = if tot > 0.0 { 1.0 - se / tot } else { 0.0 };
    ((se / n).sqrt() as f32, (ae / n) as f32, r2 as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn classification_metrics_by_hand() {
        let y = array![[1.0f32, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]];
        let p = array![[0.9f32, 0.1], [0.2, 0.8], [0.3, 0.7], [0.4, 0.6]];
        assert_eq!(accuracy(&p, &y), 0.75);
        let c = confusion(&p, &y);
        assert_eq!(c, vec![vec![1, 1], vec![0, 2]]);
        // class 0: F1 = 2·1/(2+1) = 2/3; class 1: 2·2/(2+3) = 4/5.
        assert!((macro_f1(&c) - (2.0 / 3.0 + 0.8) / 2.0).abs() < 1e-6);
    }

    #[test]
    fn regression_metrics_by_hand() {
        let y = array![[1.0f32], [2.0], [3.0]];
        let p = array![[1.0f32], [2.0], [5.0]];
        let (rmse, mae, r2) = regression(&p, &y);
        assert!((rmse - (4.0f32 / 3.0).sqrt()).abs() < 1e-6);
        assert!((mae - 2.0 / 3.0).abs() < 1e-6);
        assert!((r2 - (1.0 - 4.0 / 2.0)).abs() < 1e-6);
    }
}
