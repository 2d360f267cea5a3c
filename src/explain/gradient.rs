//! Integrated gradients (Sundararajan et al. 2017) for one prediction: attribution_i =
//! (x_i − b_i) · mean over m points on the path from the baseline b to x of ∂f/∂x_i, with f one
//! output of the network (a class probability, or the value). The attributions add up to
//! f(x) − f(b) as m grows (completeness); for a linear model they are w_i · (x_i − b_i) exactly.
//!
//! # Shapes
//! `x`, `baseline`: one sample of the model's input shape (`[inputs]`, or `[lookback, features]`
//! for a window); the attributions have that shape, flattened.

use ndarray::{Array2, ArrayD, Axis, IxDyn};
use serde::Serialize;

use crate::nn::loss::Head;
use crate::nn::Sequential;

/// The attributions of one prediction and the two values they explain.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Attribution {
    /// The output explained (class index, or 0 for a value).
    pub output: usize,
    /// f(x) and f(baseline).
    pub value: f32,
    pub baseline_value: f32,
    /// One per input value, row-major in the input shape; they sum to ≈ value − baseline_value.
    pub attributions: Vec<f32>,
}

/// The outputs `[rows, outputs]` (probabilities for a fused head) of `x` `[rows, ...]`, and
/// d output[`output`] / d input for every row, the input's shape. Dropout is skipped (it is the
/// identity outside training); every other layer runs in training mode to keep what its
/// backward needs.
pub fn input_gradient(
    net: &mut Sequential,
    x: &ArrayD<f32>,
    output: usize,
) -> (Array2<f32>, ArrayD<f32>) {
    gradient_from(net, 0, x, None, output)
}

/// [`input_gradient`] of the layers from number `start` on, `x` being layer `start`'s input
/// and `mask` its padding mask `[rows, steps]` (1 a token, 0 padding), as the layers before it
/// would hand it on.
pub fn gradient_from(
    net: &mut Sequential,
    start: usize,
    x: &ArrayD<f32>,
    mut mask: Option<Array2<f32>>,
    output: usize,
) -> (Array2<f32>, ArrayD<f32>) {
    let head = net.head();
    let layers = &mut net.layers_mut()[start..];
    let mut h = x.clone();
    for layer in layers.iter_mut().filter(|l| l.kind() != "dropout") {
        mask = layer.set_mask(mask, &h);
        h = layer.forward(&h, true);
    }
    let mut out: Array2<f32> = h
        .into_dimensionality()
        .expect("checked at build: [rows, outputs]");
    let mut grad = Array2::zeros(out.raw_dim());
    if let Some(head) = head {
        head.apply(&mut out);
    }
    for (mut g, p) in grad.axis_iter_mut(Axis(0)).zip(out.axis_iter(Axis(0))) {
        match head {
            // dp_c/dz_j = p_c (δ_cj − p_j)
            Some(Head::Softmax) => {
                g.iter_mut().zip(p).enumerate().for_each(|(j, (g, &pj))| {
                    *g = p[output] * (f32::from(u8::from(j == output)) - pj)
                })
            }
            Some(Head::Sigmoid) => g[output] = p[output] * (1.0 - p[output]),
            None => g[output] = 1.0,
        }
    }
    let mut g = grad.into_dyn();
    for layer in layers.iter_mut().rev().filter(|l| l.kind() != "dropout") {
        g = layer.backward(&g);
    }
    (out, g)
}

/// Integrated gradients of output `output` at sample `x` from `baseline` with `steps` points (the
/// midpoints of `steps` equal parts of the path), computed as one batch.
pub fn integrated_gradients(
    net: &mut Sequential,
    x: &ArrayD<f32>,
    baseline: &ArrayD<f32>,
    output: usize,
    steps: usize,
) -> Attribution {
    integrated_from(net, 0, x, baseline, None, output, steps)
}

/// [`integrated_gradients`] along the input of layer `start` (`x` and `baseline` that input
/// for one sample), `mask` the sample's padding mask `[1, steps]` for every point of the path.
pub fn integrated_from(
    net: &mut Sequential,
    start: usize,
    x: &ArrayD<f32>,
    baseline: &ArrayD<f32>,
    mask: Option<&Array2<f32>>,
    output: usize,
    steps: usize,
) -> Attribution {
    let steps = steps.max(1);
    let n = x.len();
    let (xs, bs) = (x.as_standard_layout(), baseline.as_standard_layout());
    let (xs, bs) = (
        xs.as_slice().expect("standard"),
        bs.as_slice().expect("standard"),
    );
    let mut shape = vec![steps + 2];
    shape.extend_from_slice(x.shape());
    // Rows 0..steps: the path; then x and the baseline themselves.
    let mut values = Vec::with_capacity((steps + 2) * n);
    for k in 0..steps {
        let t = (k as f32 + 0.5) / steps as f32;
        values.extend(xs.iter().zip(bs).map(|(x, b)| b + t * (x - b)));
    }
    values.extend_from_slice(xs);
    values.extend_from_slice(bs);
    let batch = ArrayD::from_shape_vec(IxDyn(&shape), values).expect("sized above");
    let mask = mask.map(|m| {
        let row = m.row(0);
        Array2::from_shape_fn((steps + 2, row.len()), |(_, j)| row[j])
    });
    let (out, grads) = gradient_from(net, start, &batch, mask, output);
    let grads = grads.as_standard_layout();
    let g = grads.as_slice().expect("standard");
    let attributions = (0..n)
        .map(|i| {
            let mean = (0..steps).map(|k| g[k * n + i] as f64).sum::<f64>() / steps as f64;
            ((xs[i] - bs[i]) as f64 * mean) as f32
        })
        .collect();
    Attribution {
        output,
        value: out[[steps, output]],
        baseline_value: out[[steps + 1, output]],
        attributions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::{Activation, LayerConfig, Loss};
    use crate::rng::Rng;
    use ndarray::array;

    #[test]
    fn a_linear_model_gets_w_times_x_minus_baseline() {
        let layers = [LayerConfig::dense(1, Activation::Linear)];
        let mut net = Sequential::build(&layers, &[3], 1, Loss::Mse, &mut Rng::new(0)).unwrap();
        let w = [
            array![[0.5f32], [-2.0], [0.25]].into_dyn(),
            array![0.75f32].into_dyn(),
        ];
        net.set_weights(&w).unwrap();
        let (x, b) = (
            array![1.0f32, 2.0, -4.0].into_dyn(),
            array![0.5f32, -1.0, 0.0].into_dyn(),
        );
        let a = integrated_gradients(&mut net, &x, &b, 0, 7);
        assert_eq!(a.attributions, [0.25, -6.0, -1.0]);
        assert_eq!(
            (a.value, a.baseline_value),
            (0.5 - 4.0 - 1.0 + 0.75, 0.25 + 2.0 + 0.75)
        );
    }

    #[test]
    fn attributions_add_up_to_the_change_in_output_within_one_percent() {
        let layers = [
            LayerConfig::dense(8, Activation::Tanh),
            LayerConfig::Dropout(crate::nn::dropout::DropoutConfig { rate: 0.5 }),
            LayerConfig::dense(3, Activation::Softmax),
        ];
        let loss = Loss::CategoricalCrossentropy;
        let mut net = Sequential::build(&layers, &[4], 3, loss, &mut Rng::new(3)).unwrap();
        let x = array![1.5f32, -0.7, 2.0, 0.3].into_dyn();
        let b = ArrayD::zeros(IxDyn(&[4]));
        for output in 0..3 {
            let a = integrated_gradients(&mut net, &x, &b, output, 256);
            let (sum, change) = (
                a.attributions.iter().sum::<f32>(),
                a.value - a.baseline_value,
            );
            assert!(
                (sum - change).abs() <= 0.01 * change.abs(),
                "class {output}: {sum} vs {change}"
            );
            let p = net.predict(&x.clone().insert_axis(Axis(0)));
            assert_eq!(
                a.value,
                p[[0, output]],
                "dropout skipped: f(x) is the prediction"
            );
        }
    }
}
