//! Losses: value and gradient, mean over the batch. Cross-entropies have fused "from logits"
//! forms (log-sum-exp, softmax/sigmoid gradient) used when the last layer's activation matches.

use ndarray::{Array2, Axis, Zip};

use super::activation::{sigmoid, softmax_rows};
use super::math;
use serde::{Deserialize, Serialize};

/// The loss the model is trained on (Contract 1's `compile.loss`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Loss {
    Mse,
    Mae,
    Huber,
    BinaryCrossentropy,
    CategoricalCrossentropy,
}

/// Clip for probabilities fed to a log (as Keras: 1e-7).
const EPS: f32 = 1e-7;
/// Huber's threshold between squared and absolute error.
pub const HUBER_DELTA: f32 = 1.0;

impl Loss {
    /// Loss value and dLoss/dPrediction for predictions `p` and targets `y` (`[batch, outputs]`).
    pub fn value_and_grad(self, p: &Array2<f32>, y: &Array2<f32>) -> (f32, Array2<f32>) {
        let n = p.nrows().max(1) as f32;
        let elems = p.len().max(1) as f32;
        let mut grad = Array2::zeros(p.raw_dim());
        let mut total = 0.0f64;
        let each = |f: &mut dyn FnMut(&mut f32, f32, f32) -> f32| {
            Zip::from(&mut grad)
                .and(p)
                .and(y)
                .for_each(|g, &p, &y| total += f(g, p, y) as f64);
        };
        let mut each = each;
        match self {
            Loss::Mse => each(&mut |g, p, y| {
                *g = 2.0 * (p - y) / elems;
                (p - y) * (p - y)
            }),
            Loss::Mae => each(&mut |g, p, y| {
                *g = (p - y).signum() * f32::from(p != y) / elems;
                (p - y).abs()
            }),
            Loss::Huber => each(&mut |g, p, y| {
                let d = p - y;
                if d.abs() <= HUBER_DELTA {
                    *g = d / elems;
                    0.5 * d * d
                } else {
                    *g = HUBER_DELTA * d.signum() / elems;
                    HUBER_DELTA * (d.abs() - 0.5 * HUBER_DELTA)
                }
            }),
            Loss::BinaryCrossentropy => each(&mut |g, p, y| {
                let pc = p.clamp(EPS, 1.0 - EPS);
                *g = if p == pc {
                    (pc - y) / (pc * (1.0 - pc)) / elems
                } else {
                    0.0
                };
                -(y * math::ln(pc) + (1.0 - y) * math::ln(1.0 - pc))
            }),
            Loss::CategoricalCrossentropy => each(&mut |g, p, y| {
                let pc = p.clamp(EPS, 1.0);
                *g = if p == pc { -y / pc / n } else { 0.0 };
                -y * math::ln(pc)
            }),
        }
        let denom = if matches!(self, Loss::CategoricalCrossentropy) {
            n
        } else {
            elems
        };
        ((total / denom as f64) as f32, grad)
    }

    /// The head this loss fuses with, if the last activation is `act`.
    pub fn fused_head(self, act: super::activation::Activation) -> Option<Head> {
        use super::activation::Activation::*;
        match (self, act) {
            (Loss::CategoricalCrossentropy, Softmax) => Some(Head::Softmax),
            (Loss::BinaryCrossentropy, Sigmoid) => Some(Head::Sigmoid),
            _ => None,
        }
    }
}

/// An output activation fused with its cross-entropy: the network emits logits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    Softmax,
    Sigmoid,
}

impl Head {
    /// Logits → probabilities, in place.
    pub fn apply(self, z: &mut Array2<f32>) {
        match self {
            Head::Softmax => softmax_rows(z),
            Head::Sigmoid => z.mapv_inplace(sigmoid),
        }
    }

    /// Cross-entropy value and dLoss/dLogits, computed stably from logits `z`.
    pub fn value_and_grad(self, z: &Array2<f32>, y: &Array2<f32>) -> (f32, Array2<f32>) {
        let n = z.nrows().max(1) as f32;
        match self {
            Head::Softmax => {
                let mut grad = z.clone();
                let mut total = 0.0f64;
                for ((mut g, zr), yr) in grad
                    .axis_iter_mut(Axis(0))
                    .zip(z.axis_iter(Axis(0)))
                    .zip(y.axis_iter(Axis(0)))
                {
                    let max = zr.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                    let sum: f32 = zr.iter().map(|v| math::exp(v - max)).sum();
                    let lse = max + math::ln(sum);
                    let ysum: f32 = yr.sum();
                    total += zr
                        .iter()
                        .zip(yr.iter())
                        .map(|(z, y)| (y * (lse - z)) as f64)
                        .sum::<f64>();
                    Zip::from(&mut g)
                        .and(&zr)
                        .and(&yr)
                        .for_each(|g, &z, &y| *g = (math::exp(z - lse) * ysum - y) / n);
                }
                ((total / n as f64) as f32, grad)
            }
            Head::Sigmoid => {
                let elems = z.len().max(1) as f32;
                let mut grad = Array2::zeros(z.raw_dim());
                let mut total = 0.0f64;
                Zip::from(&mut grad).and(z).and(y).for_each(|g, &z, &y| {
                    total += (z.max(0.0) - z * y + math::ln_1p(math::exp(-z.abs()))) as f64;
                    *g = (sigmoid(z) - y) / elems;
                });
                ((total / elems as f64) as f32, grad)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn numeric(f: impl Fn(&Array2<f32>) -> f32, p: &Array2<f32>, i: usize, j: usize) -> f32 {
        let h = 1e-3;
        let (mut a, mut b) = (p.clone(), p.clone());
        a[[i, j]] += h;
        b[[i, j]] -= h;
        (f(&a) - f(&b)) / (2.0 * h)
    }

    #[test]
    fn known_values() {
        let p = array![[0.5f32, 2.0]];
        let y = array![[1.0f32, 0.0]];
        assert!((Loss::Mse.value_and_grad(&p, &y).0 - 2.125).abs() < 1e-6);
        assert!((Loss::Mae.value_and_grad(&p, &y).0 - 1.25).abs() < 1e-6);
        assert!((Loss::Huber.value_and_grad(&p, &y).0 - (0.125 + 1.5) / 2.0).abs() < 1e-6);
        let probs = array![[0.25f32, 0.75]];
        assert!(
            (Loss::CategoricalCrossentropy.value_and_grad(&probs, &y).0 - 4f32.ln()).abs() < 1e-6
        );
        let (v, _) = Head::Softmax.value_and_grad(&array![[0.0f32, 0.0]], &y);
        assert!((v - 2f32.ln()).abs() < 1e-6);
    }

    #[test]
    fn gradients_match_finite_differences() {
        let p = array![[0.3f32, 0.6, 0.1], [0.2, 0.2, 0.6]];
        let y = array![[0.0f32, 1.0, 0.0], [1.0, 0.0, 0.0]];
        for loss in [
            Loss::Mse,
            Loss::Mae,
            Loss::Huber,
            Loss::BinaryCrossentropy,
            Loss::CategoricalCrossentropy,
        ] {
            let (_, g) = loss.value_and_grad(&p, &y);
            for ((i, j), &ga) in g.indexed_iter() {
                let gn = numeric(|q| loss.value_and_grad(q, &y).0, &p, i, j);
                assert!(
                    (gn - ga).abs() < 2e-2 * (1.0 + gn.abs()),
                    "{loss:?} [{i},{j}] {gn} vs {ga}"
                );
            }
        }
        let z = array![[1.5f32, -0.5, 0.2], [0.1, 2.2, -1.0]];
        for head in [Head::Softmax, Head::Sigmoid] {
            let (_, g) = head.value_and_grad(&z, &y);
            for ((i, j), &ga) in g.indexed_iter() {
                let gn = numeric(|q| head.value_and_grad(q, &y).0, &z, i, j);
                assert!((gn - ga).abs() < 1e-3, "{head:?} [{i},{j}] {gn} vs {ga}");
            }
        }
    }

    #[test]
    fn fused_forms_agree_with_the_plain_ones_and_stay_finite() {
        let z = array![[1.5f32, -0.5, 0.2]];
        let y = array![[0.0f32, 1.0, 0.0]];
        let mut p = z.clone();
        Head::Softmax.apply(&mut p);
        let plain = Loss::CategoricalCrossentropy.value_and_grad(&p, &y).0;
        assert!((Head::Softmax.value_and_grad(&z, &y).0 - plain).abs() < 1e-5);
        let (v, g) =
            Head::Softmax.value_and_grad(&array![[1000.0f32, -1000.0]], &array![[0.0f32, 1.0]]);
        assert!(v.is_finite() && g.iter().all(|x| x.is_finite()));
        assert!((v - 2000.0).abs() < 1e-2);
    }
}
