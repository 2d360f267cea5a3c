//! Views of a session for the evaluation charts: test-set predictions, and a class-probability grid
//! over exactly two numeric features (the decision boundary). Built on `Session`'s public API only.

use ndarray::{Array2, ArrayD, Axis};
use serde::{Deserialize, Serialize};

use super::Session;
use crate::experiment::Task;
use crate::metrics::argmax;

/// Test-set targets and predictions, row by row in test-split order.
///
/// Regression: values of the first output in the target's original units. Classification: class
/// indices into `classes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestPredictions {
    pub task: Task,
    pub target: String,
    pub actual: Vec<f32>,
    pub predicted: Vec<f32>,
    pub classes: Option<Vec<String>>,
}

/// The predicted class over a `size × size` grid spanning two features, in original units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionGrid {
    /// The two feature names: x axis, y axis.
    pub features: [String; 2],
    pub x_range: [f32; 2],
    pub y_range: [f32; 2],
    pub size: usize,
    /// Row-major, `size * size`: cell `(i, j)` at index `j * size + i` (j = 0 is the bottom row).
    pub class: Vec<usize>,
    /// The predicted class's probability per cell.
    pub confidence: Vec<f32>,
    /// Test rows (training rows when there is no test split): `(x, y, class)` in original units.
    pub points: Vec<(f32, f32, usize)>,
    pub classes: Vec<String>,
}

impl Session {
    /// Targets and predictions on the test split (see [`TestPredictions`]).
    pub fn test_predictions(&mut self) -> TestPredictions {
        let x = self.data.x_test.clone();
        let mut y = self.data.y_test.clone();
        let bases = self.data.test_bases.clone();
        let pred = self.predict_levels(&x, &bases);
        let pre = &self.data.preprocessing;
        let (actual, predicted) = if pre.task == Task::Classification {
            (class_indices(&y), class_indices(&pred))
        } else {
            pre.to_levels(&mut y, &bases);
            (y.column(0).to_vec(), pred.column(0).to_vec())
        };
        TestPredictions {
            task: pre.task,
            target: pre.target.clone(),
            actual,
            predicted,
            classes: pre.classes.clone(),
        }
    }

    /// The decision grid for a classifier with exactly two (numeric) input features; `None`
    /// otherwise. `size` is clamped to 2…200.
    pub fn decision_grid(&mut self, size: usize) -> Option<DecisionGrid> {
        let pre = &self.data.preprocessing;
        // Two inputs that are two source columns (not one column one-hot encoded into two).
        if pre.task != Task::Classification
            || self.data.input_shape() != [2]
            || pre.features.len() != 2
        {
            return None;
        }
        let size = size.clamp(2, 200);
        let (cells, lo, hi) = self.grid_cells(size)?;
        let probs = self.predict(&cells.into_dyn());
        let (x_points, y_points) = if rows(&self.data.x_test) > 0 {
            (&self.data.x_test, &self.data.y_test)
        } else {
            (&self.data.x_train, &self.data.y_train)
        };
        let mut pts: Array2<f32> = x_points.view().into_dimensionality().ok()?.to_owned();
        let pre = &self.data.preprocessing;
        pre.inverse_inputs(&mut pts);
        let mut corners = ndarray::arr2(&[[lo[0], lo[1]], [hi[0], hi[1]]]);
        pre.inverse_inputs(&mut corners);
        let labels = class_indices(y_points);
        Some(DecisionGrid {
            features: [pre.features[0].clone(), pre.features[1].clone()],
            x_range: [corners[[0, 0]], corners[[1, 0]]],
            y_range: [corners[[0, 1]], corners[[1, 1]]],
            size,
            class: probs.axis_iter(Axis(0)).map(argmax).collect(),
            confidence: probs
                .axis_iter(Axis(0))
                .map(|r| r.iter().copied().fold(0.0, f32::max))
                .collect(),
            points: pts
                .axis_iter(Axis(0))
                .zip(labels)
                .map(|(p, c)| (p[0], p[1], c as usize))
                .collect(),
            classes: pre.classes.clone().unwrap_or_default(),
        })
    }
}

impl Session {
    /// The cells of a `size × size` grid over the two inputs, in prepared units: `[size², 2]`, cell
    /// `(i, j)` at row `j * size + i`, spanning the training rows' range widened by 10% on each
    /// side (`lo`, `hi`). `None` unless the model has exactly two inputs.
    pub(super) fn grid_cells(&self, size: usize) -> Option<(Array2<f32>, [f32; 2], [f32; 2])> {
        if self.data.input_shape() != [2] {
            return None;
        }
        let train = self.data.x_train.view().into_dimensionality().ok()?;
        let (lo, hi) = padded_bounds(&train.to_owned());
        let mut cells = Array2::<f32>::zeros((size * size, 2));
        for j in 0..size {
            for i in 0..size {
                let t = |k: usize, n: usize| lo[k] + (hi[k] - lo[k]) * n as f32 / (size - 1) as f32;
                cells
                    .row_mut(j * size + i)
                    .assign(&ndarray::arr1(&[t(0, i), t(1, j)]));
            }
        }
        Some((cells, lo, hi))
    }
}

pub(super) fn rows(x: &ArrayD<f32>) -> usize {
    x.shape().first().copied().unwrap_or(0)
}

fn class_indices(onehot: &Array2<f32>) -> Vec<f32> {
    onehot
        .axis_iter(Axis(0))
        .map(|r| argmax(r) as f32)
        .collect()
}

/// Per-column min and max of `x` `[rows, 2]`, widened by 10% of the span on each side.
fn padded_bounds(x: &Array2<f32>) -> ([f32; 2], [f32; 2]) {
    let mut lo = [0.0; 2];
    let mut hi = [0.0; 2];
    for k in 0..2 {
        let c = x.column(k);
        let min = c.iter().copied().fold(f32::INFINITY, f32::min);
        let max = c.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let (min, max) = if min.is_finite() {
            (min, max)
        } else {
            (-1.0, 1.0)
        };
        let pad = ((max - min) * 0.1).max(1e-3);
        lo[k] = min - pad;
        hi[k] = max + pad;
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use crate::data::read_csv;
    use crate::experiment::{Experiment, Task};
    use crate::train::Session;

    fn trained(csv: &str, exp: &str) -> Session {
        let table = read_csv("t.csv", csv.as_bytes()).unwrap();
        let mut s = Session::new(Experiment::from_json(exp).unwrap(), &table).unwrap();
        while !s.is_done() {
            s.step(1000).unwrap();
        }
        s
    }

    /// Two well-separated blobs: left (x < 0) is "a", right is "b".
    fn blobs() -> String {
        let mut csv = String::from("x,y,label\n");
        for i in 0..40 {
            let d = (i % 10) as f32 * 0.1;
            csv += &format!("{},{},a\n{},{},b\n", -2.0 - d, d - 0.5, 2.0 + d, 0.5 - d);
        }
        csv
    }

    #[test]
    fn the_grid_splits_two_blobs_left_and_right() {
        let exp = r#"{"data":{"split":{"method":"stratified","validation":0,"test":0.25}},
            "model":{"layers":[{"type":"dense","units":2,"activation":"softmax"}]},
            "fit":{"epochs":60,"batch_size":8}}"#;
        let mut s = trained(&blobs(), exp);
        let g = s.decision_grid(11).unwrap();
        assert_eq!((g.size, g.class.len(), g.confidence.len()), (11, 121, 121));
        assert_eq!(g.features, ["x".to_string(), "y".to_string()]);
        assert!(g.x_range[0] < -2.9 && g.x_range[1] > 2.9, "{:?}", g.x_range);
        // Left column of cells is class a (0), right column class b (1), on every row.
        for j in 0..11 {
            assert_eq!(g.class[j * 11], 0, "row {j} left");
            assert_eq!(g.class[j * 11 + 10], 1, "row {j} right");
        }
        assert!(g.confidence.iter().all(|&p| (0.5..=1.0).contains(&p)));
        assert_eq!(g.points.len(), 20);
        assert!(g.points.iter().all(|&(x, _, c)| (x < 0.0) == (c == 0)));
        assert_eq!(g.classes, ["a", "b"]);
    }

    #[test]
    fn no_grid_for_regression_or_more_features() {
        let csv = "a,b,c,y\n1,2,3,4\n2,3,4,5\n3,4,5,6\n4,5,6,7\n5,6,7,8\n";
        let exp = r#"{"data":{"split":{"method":"random","validation":0,"test":0.2}},
            "model":{"layers":[{"type":"dense","units":1}]},"fit":{"epochs":1}}"#;
        assert!(trained(csv, exp).decision_grid(10).is_none());
    }

    #[test]
    fn regression_predictions_are_in_original_units() {
        let mut csv = String::from("x,y\n");
        for i in 0..50 {
            csv += &format!("{i},{}\n", 100 + 3 * i);
        }
        let exp = r#"{"data":{"split":{"method":"chronological","validation":0,"test":0.2}},
            "model":{"layers":[{"type":"dense","units":1}]},
            "compile":{"optimizer":{"type":"adam","learning_rate":0.05}},"fit":{"epochs":300,"batch_size":10}}"#;
        let mut s = trained(&csv, exp);
        let p = s.test_predictions();
        assert_eq!(p.task, Task::Regression);
        assert_eq!(
            p.actual,
            (40..50).map(|i| (100 + 3 * i) as f32).collect::<Vec<_>>()
        );
        for (a, q) in p.actual.iter().zip(&p.predicted) {
            assert!((a - q).abs() < 3.0, "actual {a} predicted {q}");
        }
    }
}
