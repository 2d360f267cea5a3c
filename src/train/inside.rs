//! Inside the network, for the page's teaching views (TensorFlow Playground's neurons, a CNN's
//! feature maps): every layer's output for one sample, or over the grid of
//! [`Session::decision_grid`] spanning two inputs. Inference mode: training is not touched.

use ndarray::{ArrayD, Axis};

use super::inspect::rows;
use super::Session;

impl Session {
    /// `[input, layer 1 output, …, last layer output]` for test row `row` (a training row when
    /// there is no test split), each flattened row-major (channels fastest); the last is what
    /// `predict` gives (probabilities for a classifier). `None` past the last row.
    pub fn activations(&mut self, row: usize) -> Option<Vec<Vec<f32>>> {
        let x = if rows(&self.data.x_test) > 0 {
            &self.data.x_test
        } else {
            &self.data.x_train
        };
        if row >= rows(x) {
            return None;
        }
        let one = x.select(Axis(0), &[row]);
        let outs = self.model.activations(&one);
        Some(std::iter::once(&one).chain(&outs).map(flat).collect())
    }

    /// For a model with exactly two inputs: per layer (the inputs first), every unit's value at
    /// each of the `size × size` cells of [`decision_grid`](Self::decision_grid), cell by cell —
    /// `out[layer][(j * size + i) * units + unit]` (j = 0 the bottom row). `None` otherwise.
    /// `size` is clamped to 2…100.
    pub fn layer_grid(&mut self, size: usize) -> Option<Vec<Vec<f32>>> {
        let (cells, _, _) = self.grid_cells(size.clamp(2, 100))?;
        let cells = cells.into_dyn();
        let outs = self.model.activations(&cells);
        Some(std::iter::once(&cells).chain(&outs).map(flat).collect())
    }
}

fn flat(a: &ArrayD<f32>) -> Vec<f32> {
    a.iter().copied().collect()
}

#[cfg(test)]
mod tests {
    use crate::data::read_csv;
    use crate::experiment::Experiment;
    use crate::train::Session;

    fn session(csv: &str, exp: &str) -> Session {
        let table = read_csv("t.csv", csv.as_bytes()).unwrap();
        Session::new(Experiment::from_json(exp).unwrap(), &table).unwrap()
    }

    /// y = 2·a − b, exactly, on a 5×5 lattice; no scaling, so the grid is in the data's units.
    fn plane() -> String {
        let mut csv = String::from("a,b,y\n");
        for i in 0..5 {
            for j in 0..5 {
                csv += &format!("{i},{j},{}\n", 2 * i - j);
            }
        }
        csv
    }

    #[test]
    fn each_unit_over_the_plane_is_its_weighted_sum_of_the_inputs() {
        let exp = r#"{"data":{"scale":"none","split":{"method":"random","validation":0,"test":0.2}},
            "model":{"layers":[{"type":"dense","units":3,"activation":"relu"},{"type":"dense","units":1}]}}"#;
        let mut s = session(&plane(), exp);
        let g = s.layer_grid(4).unwrap();
        assert_eq!(
            g.iter().map(Vec::len).collect::<Vec<_>>(),
            [2 * 16, 3 * 16, 16]
        );
        let w = s.weights(); // kernel [2, 3], bias [3] (zero), kernel [3, 1], bias [1]
        let (kernel, cells) = (&w[0], 16);
        for c in 0..cells {
            let (a, b) = (g[0][2 * c], g[0][2 * c + 1]);
            for u in 0..3 {
                let z = a * kernel[[0, u]] + b * kernel[[1, u]];
                assert_eq!(g[1][3 * c + u], z.max(0.0), "unit {u}, cell {c}");
            }
        }
        // Cell (i, j) = j * 4 + i: a grows along a row, b from one row to the next.
        assert!(g[0][2] > g[0][0] && g[0][2 * 4 + 1] > g[0][1]);
        assert_eq!(g[0][2 * 4], g[0][0]);
    }

    #[test]
    fn activations_of_one_sample_end_in_its_prediction() {
        let exp = r#"{"data":{"scale":"none","split":{"method":"random","validation":0,"test":0.2}},
            "model":{"layers":[{"type":"dense","units":3,"activation":"tanh"},{"type":"dense","units":1}]}}"#;
        let mut s = session(&plane(), exp);
        let a = s.activations(0).unwrap();
        assert_eq!(a.iter().map(Vec::len).collect::<Vec<_>>(), [2, 3, 1]);
        let x = s.data.x_test.clone();
        let p = s.model.predict(&x);
        assert_eq!(
            a[2][0],
            p[[0, 0]],
            "the last layer's output is the model's (scaled) output"
        );
        assert_eq!(
            a[0],
            x.as_slice().unwrap()[..2].to_vec(),
            "the first entry is the input row"
        );
        assert!(s.activations(5).is_none(), "5 test rows: 0…4");
    }

    #[test]
    fn position_counts_the_batches_of_the_epoch_under_way() {
        // 25 rows, 20 for training: batches of 8 → 3 per epoch (8, 8, 4).
        let exp = r#"{"data":{"split":{"method":"random","validation":0,"test":0.2}},
            "model":{"layers":[{"type":"dense","units":1}]},"fit":{"epochs":3,"batch_size":8}}"#;
        let mut s = session(&plane(), exp);
        let p = s.position();
        assert_eq!(p[..3], [0.0, 0.0, 3.0]);
        assert!(p[3].is_nan(), "no loss before the first batch");
        s.step(2).unwrap();
        let p = s.position();
        assert_eq!(p[..3], [0.0, 2.0, 3.0]);
        let record = s.step(1).unwrap().expect("the third batch ends the epoch");
        assert_eq!(
            s.position(),
            [1.0, 0.0, 3.0, record.loss],
            "between epochs: the last epoch's loss"
        );
        s.step(1).unwrap();
        assert_eq!(s.position()[..3], [1.0, 1.0, 3.0]);
    }

    #[test]
    fn feature_maps_of_a_cnn_have_the_layer_shapes() {
        let mut csv = String::from("p0,p1,p2,p3,p4,p5,p6,p7,p8,label\n");
        for r in 0..20 {
            let px: Vec<String> = (0..9).map(|k| ((r * 7 + k * 3) % 17).to_string()).collect();
            csv += &format!("{},{}\n", px.join(","), ["a", "b"][r % 2]);
        }
        let exp = r#"{"data":{"split":{"method":"stratified","validation":0,"test":0.25}},
            "model":{"layers":[{"type":"reshape","target_shape":[3,3,1]},
              {"type":"conv2d","filters":2,"kernel_size":2,"activation":"relu"},
              {"type":"flatten"},{"type":"dense","units":2,"activation":"softmax"}]}}"#;
        let mut s = session(&csv, exp);
        let a = s.activations(1).unwrap();
        assert_eq!(a.iter().map(Vec::len).collect::<Vec<_>>(), [9, 9, 8, 8, 2]);
        assert_eq!(a[1], a[0], "reshape keeps the values");
        assert_eq!(a[3], a[2], "flatten keeps the order (channels fastest)");
        assert!(
            (a[4].iter().sum::<f32>() - 1.0).abs() < 1e-6,
            "softmax probabilities"
        );
        assert!(s.layer_grid(4).is_none(), "nine inputs: no plane");
    }
}
