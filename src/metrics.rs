//! Metrics on held-out data: accuracy, precision/recall/F1 (per class, macro and weighted) and
//! the confusion matrix for classes; MSE, RMSE, MAE and R² (in the target's original units) for
//! regression. Definitions as scikit-learn's (`zero_division = 0`).

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
    /// Precision, recall, F1 and support of each class, in class-index order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_class: Option<Vec<ClassScores>>,
    /// Unweighted mean over the classes that occur (as target or prediction).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub macro_avg: Option<ClassScores>,
    /// Mean weighted by each class's support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weighted_avg: Option<ClassScores>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mse: Option<f32>,
    /// A window series: the naive persistence forecast (next = the last known value) on the same
    /// test windows, in the target's units — the baseline a forecast must beat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persistence_rmse: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persistence_mae: Option<f32>,
    /// A series of levels above 0 (prices): the RMSE of the returns the model implies,
    /// `(predicted − last) / last` against `(actual − last) / last`, and persistence's (which
    /// predicts a return of 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub returns_rmse: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persistence_returns_rmse: Option<f32>,
}

/// One row of a classification report; `support` = rows whose target is the class.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct ClassScores {
    pub precision: f32,
    pub recall: f32,
    pub f1: f32,
    pub support: usize,
}

/// Per-class scores from `confusion[actual][predicted]`; a zero denominator scores 0.
pub fn per_class(confusion: &[Vec<usize>]) -> Vec<ClassScores> {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f32 / b as f32 };
    (0..confusion.len())
        .map(|c| {
            let tp = confusion[c][c];
            let support: usize = confusion[c].iter().sum();
            let predicted: usize = confusion.iter().map(|r| r[c]).sum();
            ClassScores {
                precision: ratio(tp, predicted),
                recall: ratio(tp, support),
                f1: ratio(2 * tp, support + predicted),
                support,
            }
        })
        .collect()
}

/// (macro, weighted) averages of `per_class` rows; macro skips classes that never occur as a
/// target nor a prediction, as scikit-learn's label set does.
pub fn averages(confusion: &[Vec<usize>]) -> (ClassScores, ClassScores) {
    let rows = per_class(confusion);
    let total: usize = rows.iter().map(|r| r.support).sum();
    let occurs: Vec<&ClassScores> = rows
        .iter()
        .enumerate()
        .filter(|(c, r)| r.support > 0 || confusion.iter().any(|row| row[*c] > 0))
        .map(|(_, r)| r)
        .collect();
    let mean = |w: &dyn Fn(&ClassScores) -> f32, pick: fn(&ClassScores) -> f32| {
        let (num, den) = occurs.iter().fold((0.0f64, 0.0f64), |(n, d), r| {
            (n + (w(r) * pick(r)) as f64, d + w(r) as f64)
        });
        if den > 0.0 {
            (num / den) as f32
        } else {
            0.0
        }
    };
    let avg = |w: &dyn Fn(&ClassScores) -> f32| ClassScores {
        precision: mean(w, |r| r.precision),
        recall: mean(w, |r| r.recall),
        f1: mean(w, |r| r.f1),
        support: total,
    };
    (avg(&|_| 1.0), avg(&|r| r.support as f32))
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

/// Unweighted mean of per-class F1 over the classes that occur (macro F1).
pub fn macro_f1(confusion: &[Vec<usize>]) -> f32 {
    averages(confusion).0.f1
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

/// Fills `ev`'s persistence figures from predictions `pred`, targets `y` (`[samples, 1]`, the
/// target's units) and each sample's last known value `bases`; returns only when every base is
/// above 0 (a price level).
pub fn persistence(ev: &mut Evaluation, pred: &Array2<f32>, y: &Array2<f32>, bases: &[f32]) {
    let n = bases.len();
    if n != y.nrows() || n == 0 {
        return;
    }
    // Plain loops in f64 (ndarray's arithmetic costs kilobytes of wasm): squared and absolute
    // errors of persistence, squared errors of the model's and persistence's returns.
    let (mut se, mut ae, mut model_r, mut naive_r) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for (k, &b) in bases.iter().enumerate() {
        let (b, t, p) = (f64::from(b), f64::from(y[[k, 0]]), f64::from(pred[[k, 0]]));
        (se, ae) = (se + (t - b).powi(2), ae + (t - b).abs());
        (model_r, naive_r) = (
            model_r + ((p - t) / b).powi(2),
            naive_r + ((t - b) / b).powi(2),
        );
    }
    let rms = |sum: f64| Some((sum / n as f64).sqrt() as f32);
    (ev.persistence_rmse, ev.persistence_mae) = (rms(se), Some((ae / n as f64) as f32));
    if bases.iter().all(|&b| b > 0.0) {
        (ev.returns_rmse, ev.persistence_returns_rmse) = (rms(model_r), rms(naive_r));
    }
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
    fn classification_report_by_hand() {
        // 3 classes; class 2 is never the target but predicted once (scikit-learn counts it).
        let c = vec![vec![3, 1, 0], vec![1, 2, 1], vec![0, 0, 0]];
        let rows = per_class(&c);
        // class 0: P = 3/4, R = 3/4, F1 = 6/8; class 1: P = 2/3, R = 2/4, F1 = 4/7; class 2: 0.
        let want = [
            (0.75, 0.75, 0.75, 4),
            (2.0 / 3.0, 0.5, 4.0 / 7.0, 4),
            (0.0, 0.0, 0.0, 0),
        ];
        for (r, w) in rows.iter().zip(want) {
            assert!(
                (r.precision - w.0).abs() < 1e-6 && (r.recall - w.1).abs() < 1e-6,
                "{r:?}"
            );
            assert!((r.f1 - w.2).abs() < 1e-6 && r.support == w.3, "{r:?}");
        }
        let (m, w) = averages(&c);
        assert!(
            (m.precision - (0.75 + 2.0 / 3.0) / 3.0).abs() < 1e-6,
            "{m:?}"
        );
        assert!((m.f1 - (0.75 + 4.0 / 7.0) / 3.0).abs() < 1e-6, "{m:?}");
        // weighted by support 4, 4, 0.
        assert!((w.recall - 0.625).abs() < 1e-6 && w.support == 8, "{w:?}");
        assert!((w.f1 - (0.75 + 4.0 / 7.0) / 2.0).abs() < 1e-6, "{w:?}");
    }

    #[test]
    fn persistence_by_hand() {
        // last known 100, 110; actual 110, 99; the model says 105, 100.
        let (b, y, p) = (
            [100.0f32, 110.0],
            array![[110.0f32], [99.0]],
            array![[105.0f32], [100.0]],
        );
        let mut ev = Evaluation::default();
        persistence(&mut ev, &p, &y, &b);
        // persistence errors 10 and 11: RMSE √((100 + 121)/2), MAE 10.5.
        assert_eq!(ev.persistence_rmse, Some((221.0f32 / 2.0).sqrt()));
        assert_eq!(ev.persistence_mae, Some(10.5));
        // returns: actual 0.1, −0.1; model 0.05, −10/110; persistence 0.
        assert_eq!(ev.persistence_returns_rmse, Some(0.1));
        let m = ((0.05f64.powi(2) + (0.1f64 - 10.0 / 110.0).powi(2)) / 2.0).sqrt() as f32;
        assert!(
            (ev.returns_rmse.unwrap() - m).abs() < 1e-6,
            "{:?}",
            ev.returns_rmse
        );
        // A base of 0 is no price level: no returns (errors 110 and 11 still count).
        let mut none = Evaluation::default();
        persistence(&mut none, &p, &y, &[0.0, 110.0]);
        assert_eq!(
            (none.persistence_mae, none.returns_rmse),
            (Some(60.5), None)
        );
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
