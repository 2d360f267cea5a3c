//! L1/L2 weight penalties (Keras `kernel_regularizer`): `l1·Σ|w| + l2·Σw²` added to the loss.

use ndarray::{Array2, Zip};

use serde::{Deserialize, Serialize};

/// A weight penalty added to the loss: `l1·Σ|w| + l2·Σw²` (Keras `L1L2`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Regularizer {
    pub l1: f32,
    pub l2: f32,
}

impl Regularizer {
    /// The penalty for kernel `w` (any shape).
    pub fn penalty(&self, w: &Array2<f32>) -> f32 {
        let (l1, l2) = w.iter().fold((0.0f64, 0.0f64), |(a, b), &v| {
            (a + v.abs() as f64, b + (v * v) as f64)
        });
        (self.l1 as f64 * l1 + self.l2 as f64 * l2) as f32
    }

    /// Adds dPenalty/dw to `grad` (the subgradient of |w| at 0 is 0).
    pub fn add_grad(&self, w: &Array2<f32>, grad: &mut Array2<f32>) {
        let (l1, l2) = (self.l1, self.l2);
        Zip::from(grad).and(w).for_each(|g, &w| {
            let sign = if w > 0.0 {
                1.0
            } else if w < 0.0 {
                -1.0
            } else {
                0.0
            };
            *g += l1 * sign + 2.0 * l2 * w;
        });
    }
}

/// The penalty of an optional regulariser (0 without one).
pub fn penalty(r: &Option<Regularizer>, w: &Array2<f32>) -> f32 {
    r.as_ref().map_or(0.0, |r| r.penalty(w))
}

/// Adds the gradient of an optional regulariser.
pub fn add_grad(r: &Option<Regularizer>, w: &Array2<f32>, grad: &mut Array2<f32>) {
    if let Some(r) = r {
        r.add_grad(w, grad);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn penalty_and_gradient_by_hand() {
        let r = Regularizer { l1: 0.1, l2: 0.5 };
        let w = array![[1.0f32, -2.0], [0.0, 3.0]];
        // 0.1·(1+2+0+3) + 0.5·(1+4+0+9) = 0.6 + 7 = 7.6
        assert!((r.penalty(&w) - 7.6).abs() < 1e-6);
        let mut g = Array2::zeros((2, 2));
        r.add_grad(&w, &mut g);
        let want = array![[1.1f32, -2.1], [0.0, 3.1]];
        assert!((&g - &want).iter().all(|d| d.abs() < 1e-6), "{g}");
    }
}
