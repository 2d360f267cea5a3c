//! Activations: value and derivative, applied in place on `[batch, units]` matrices.

use ndarray::{Array2, ArrayView2, Axis, Zip};

use super::math;

use crate::experiment::values::choice_enum;

choice_enum! {
    /// Element-wise (or, for softmax, row-wise) output functions.
    #[derive(Default)]
    pub enum Activation {
        #[default]
        Linear = "linear",
        Relu = "relu",
        LeakyRelu = "leaky_relu",
        Sigmoid = "sigmoid",
        Tanh = "tanh",
        Softmax = "softmax",
    }
}

/// Slope of `leaky_relu` for negative inputs.
pub const LEAKY_SLOPE: f32 = 0.01;

impl Activation {
    /// Replaces pre-activations `z` by activations, in place.
    pub fn apply(self, z: &mut Array2<f32>) {
        match self {
            Activation::Linear => {}
            // A select, not `max`: wasm's `f32.max` differs from Rust's on NaN, so `max` compiles
            // to a libm call per element there; this vectorises (NaN → 0 as before).
            Activation::Relu => z.mapv_inplace(|v| if v > 0.0 { v } else { 0.0 }),
            Activation::LeakyRelu => z.mapv_inplace(|v| if v > 0.0 { v } else { LEAKY_SLOPE * v }),
            Activation::Sigmoid => z.mapv_inplace(sigmoid),
            Activation::Tanh => z.mapv_inplace(math::tanh),
            Activation::Softmax => softmax_rows(z),
        }
    }

    /// Turns dLoss/dActivation `grad` into dLoss/dPreactivation in place, from the outputs `a`.
    pub fn backward(self, a: ArrayView2<f32>, grad: &mut Array2<f32>) {
        match self {
            Activation::Linear => {}
            Activation::Relu => Zip::from(grad)
                .and(a)
                .for_each(|g, &a| *g = if a <= 0.0 { 0.0 } else { *g }),
            Activation::LeakyRelu => Zip::from(grad).and(a).for_each(|g, &a| {
                if a <= 0.0 {
                    *g *= LEAKY_SLOPE
                }
            }),
            Activation::Sigmoid => Zip::from(grad).and(a).for_each(|g, &a| *g *= a * (1.0 - a)),
            Activation::Tanh => Zip::from(grad).and(a).for_each(|g, &a| *g *= 1.0 - a * a),
            Activation::Softmax => {
                for (mut g, a) in grad.axis_iter_mut(Axis(0)).zip(a.axis_iter(Axis(0))) {
                    let dot: f32 = g.iter().zip(a.iter()).map(|(g, a)| g * a).sum();
                    g.iter_mut()
                        .zip(a.iter())
                        .for_each(|(g, a)| *g = a * (*g - dot));
                }
            }
        }
    }
}

/// The logistic function, stable for large |x|.
pub fn sigmoid(x: f32) -> f32 {
    if x >= 0.0 {
        1.0 / (1.0 + math::exp(-x))
    } else {
        let e = math::exp(x);
        e / (1.0 + e)
    }
}

/// Row-wise softmax in place, shifted by the row maximum.
pub fn softmax_rows(z: &mut Array2<f32>) {
    for mut row in z.axis_iter_mut(Axis(0)) {
        let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        row.mapv_inplace(|v| math::exp(v - max));
        let sum = row.sum();
        row.mapv_inplace(|v| v / sum);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    const ALL: [Activation; 6] = [
        Activation::Linear,
        Activation::Relu,
        Activation::LeakyRelu,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Softmax,
    ];

    /// d(sum(w ⊙ f(z)))/dz by central differences vs `backward`.
    #[test]
    fn derivatives_match_finite_differences() {
        let z = array![[0.3f32, -1.2, 2.0], [-0.4, 0.9, 0.05]];
        let w = array![[0.7f32, -0.2, 0.5], [1.1, 0.3, -0.9]];
        for act in ALL {
            let mut a = z.clone();
            act.apply(&mut a);
            let mut g = w.clone();
            act.backward(a.view(), &mut g);
            for i in 0..2 {
                for j in 0..3 {
                    let f = |d: f32| {
                        let mut zz = z.clone();
                        zz[[i, j]] += d;
                        act.apply(&mut zz);
                        (&zz * &w).sum()
                    };
                    let h = 1e-2;
                    let numeric = (f(h) - f(-h)) / (2.0 * h);
                    assert!(
                        (numeric - g[[i, j]]).abs() < 2e-3,
                        "{act:?} at {i},{j}: {numeric} vs {}",
                        g[[i, j]]
                    );
                }
            }
        }
    }

    #[test]
    fn softmax_is_stable_and_sums_to_one() {
        let mut z = array![[1000.0f32, 1001.0, 999.0]];
        softmax_rows(&mut z);
        assert!((z.sum() - 1.0).abs() < 1e-6);
        assert!(z.iter().all(|v| v.is_finite()));
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
    }
}
