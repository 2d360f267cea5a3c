//! Optimizers (Keras update rules): gd, sgd (momentum, Nesterov), adam, rmsprop.

use crate::experiment::OptimizerConfig;
use crate::nn::math::powi;
use crate::nn::ParamMut;

/// An optimizer with per-parameter state, created lazily on the first step.
pub struct Optimizer {
    pub config: OptimizerConfig,
    /// Steps taken so far (Adam's bias correction uses it).
    pub iterations: u32,
    slots: Vec<[Vec<f32>; 2]>,
}

impl Optimizer {
    /// A fresh optimizer (no state).
    pub fn new(config: OptimizerConfig) -> Self {
        Optimizer {
            config,
            iterations: 0,
            slots: Vec::new(),
        }
    }

    /// Changes the learning rate for the following steps.
    pub fn set_learning_rate(&mut self, lr: f32) {
        match &mut self.config {
            OptimizerConfig::Gd { learning_rate }
            | OptimizerConfig::Sgd { learning_rate, .. }
            | OptimizerConfig::Adam { learning_rate, .. }
            | OptimizerConfig::Rmsprop { learning_rate, .. } => *learning_rate = lr,
        }
    }

    /// Applies one update to every parameter from its gradient.
    pub fn step(&mut self, params: Vec<ParamMut<'_>>) {
        if self.slots.len() != params.len() {
            self.slots = params
                .iter()
                .map(|p| [vec![0.0; p.value.len()], vec![0.0; p.value.len()]])
                .collect();
        }
        self.iterations += 1;
        let t = self.iterations;
        for (mut p, [s1, s2]) in params.into_iter().zip(self.slots.iter_mut()) {
            let w = p.value.as_slice_mut().expect("parameters are contiguous");
            let g = p.grad.as_slice().expect("gradients are contiguous");
            match self.config {
                OptimizerConfig::Gd { learning_rate: lr } => {
                    w.iter_mut().zip(g).for_each(|(w, g)| *w -= lr * g)
                }
                OptimizerConfig::Sgd {
                    learning_rate: lr,
                    momentum: m,
                    nesterov,
                } => {
                    for ((w, g), v) in w.iter_mut().zip(g).zip(s1.iter_mut()) {
                        *v = m * *v - lr * g;
                        *w += if nesterov { m * *v - lr * g } else { *v };
                    }
                }
                OptimizerConfig::Adam {
                    learning_rate: lr,
                    beta_1: b1,
                    beta_2: b2,
                    epsilon: eps,
                } => {
                    let lr_t = lr * (1.0 - powi(b2, t)).sqrt() / (1.0 - powi(b1, t));
                    for (((w, g), m), v) in
                        w.iter_mut().zip(g).zip(s1.iter_mut()).zip(s2.iter_mut())
                    {
                        *m = b1 * *m + (1.0 - b1) * g;
                        *v = b2 * *v + (1.0 - b2) * g * g;
                        *w -= lr_t * *m / (v.sqrt() + eps);
                    }
                }
                OptimizerConfig::Rmsprop {
                    learning_rate: lr,
                    rho,
                    epsilon: eps,
                } => {
                    for ((w, g), v) in w.iter_mut().zip(g).zip(s1.iter_mut()) {
                        *v = rho * *v + (1.0 - rho) * g * g;
                        *w -= lr * g / (v.sqrt() + eps);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{arr1, Array1};

    /// Minimises f(w) = w² from w = 1 (gradient 2w) for three steps and returns the iterates.
    fn three_steps(config: OptimizerConfig) -> Vec<f32> {
        let mut opt = Optimizer::new(config);
        let mut w = arr1(&[1.0f32]);
        let mut out = vec![];
        for _ in 0..3 {
            let g: Array1<f32> = &w * 2.0;
            opt.step(vec![ParamMut {
                value: w.view_mut().into_dyn(),
                grad: g.view().into_dyn(),
            }]);
            out.push(w[0]);
        }
        out
    }

    fn assert_close(a: &[f32], b: &[f64]) {
        for (x, y) in a.iter().zip(b) {
            assert!((*x as f64 - y).abs() < 3e-6, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn gd_by_hand() {
        // w ← w − 0.1·2w = 0.8w
        assert_close(
            &three_steps(OptimizerConfig::Gd { learning_rate: 0.1 }),
            &[0.8, 0.64, 0.512],
        );
    }

    #[test]
    fn sgd_momentum_and_nesterov_by_hand() {
        // v1 = −0.2, w1 = 0.8; v2 = 0.5·(−0.2) − 0.1·1.6 = −0.26, w2 = 0.54; v3 = −0.13 − 0.108 = −0.238, w3 = 0.302
        let m = three_steps(OptimizerConfig::Sgd {
            learning_rate: 0.1,
            momentum: 0.5,
            nesterov: false,
        });
        assert_close(&m, &[0.8, 0.54, 0.302]);
        // Nesterov: w += m·v − lr·g. Step 1: v = −0.2, w = 1 − 0.1 − 0.2 = 0.7.
        // Step 2: g = 1.4, v = −0.1 − 0.14 = −0.24, w = 0.7 − 0.12 − 0.14 = 0.44.
        // Step 3: g = 0.88, v = −0.12 − 0.088 = −0.208, w = 0.44 − 0.104 − 0.088 = 0.248.
        let n = three_steps(OptimizerConfig::Sgd {
            learning_rate: 0.1,
            momentum: 0.5,
            nesterov: true,
        });
        assert_close(&n, &[0.7, 0.44, 0.248]);
    }

    /// Applies the fixed gradient sequence of scripts/reference/keras_optimizers.py to
    /// w = [1, −0.5, 0.25] and returns the iterates.
    fn keras_sequence(config: OptimizerConfig) -> Vec<[f32; 3]> {
        const GRADS: [[f32; 3]; 4] = [
            [0.5, -1.0, 2.0],
            [0.25, 0.75, -1.5],
            [-2.0, 0.125, 0.0],
            [1.0, -0.5, 3.0],
        ];
        let mut opt = Optimizer::new(config);
        let mut w = arr1(&[1.0f32, -0.5, 0.25]);
        GRADS
            .iter()
            .map(|g| {
                let g = arr1(g);
                opt.step(vec![ParamMut {
                    value: w.view_mut().into_dyn(),
                    grad: g.view().into_dyn(),
                }]);
                [w[0], w[1], w[2]]
            })
            .collect()
    }

    /// Within ~2 float32 ulps of Keras's iterates (Keras orders a few operations differently,
    /// e.g. `m += (g − m)(1 − β1)`, so the last bit may differ). A misplaced ε (PyTorch's
    /// `m̂/(√v̂ + ε)`) moves Adam's first step by ~6e-7, past this tolerance.
    fn assert_keras(ours: &[[f32; 3]], keras: &[[f64; 3]]) {
        for (step, (a, b)) in ours.iter().zip(keras).enumerate() {
            for (x, y) in a.iter().zip(b) {
                let tol = 1.2e-7 * y.abs().max(1.0);
                assert!(
                    (*x as f64 - y).abs() <= tol,
                    "step {}: {a:?} vs Keras {b:?}",
                    step + 1
                );
            }
        }
    }

    #[test]
    fn adam_matches_keras() {
        // KERAS_BACKEND=jax python scripts/reference/keras_optimizers.py (Keras 3.15.1, jax 0.10.2;
        // the numpy backend prints the same): Adam(learning_rate=0.1, beta_1=0.875,
        // beta_2=1 - 2**-10, epsilon=1e-7). Dyadic betas: see the script's header.
        let a = keras_sequence(OptimizerConfig::Adam {
            learning_rate: 0.1,
            beta_1: 0.875,
            beta_2: 1.0 - 1.0 / 1024.0,
            epsilon: 1e-7,
        });
        assert_keras(
            &a,
            &[
                [
                    0.9000006318092346,
                    -0.40000033378601074,
                    0.15000015497207642,
                ],
                [
                    0.8072274327278137,
                    -0.39245736598968506,
                    0.14245717227458954,
                ],
                [0.8513790965080261, -0.3932734429836273, 0.13671603798866272],
                [0.8572390079498291, -0.3715355396270752, 0.08735455572605133],
            ],
        );
    }

    #[test]
    fn sgd_momentum_nesterov_and_rmsprop_match_keras() {
        // Same script: SGD(0.1), SGD(0.1, momentum=0.5), SGD(0.1, momentum=0.5, nesterov=True),
        // RMSprop(0.01, rho=0.875, epsilon=1e-7).
        let sgd = |momentum, nesterov| OptimizerConfig::Sgd {
            learning_rate: 0.1,
            momentum,
            nesterov,
        };
        assert_keras(
            &keras_sequence(sgd(0.0, false)),
            &[
                [0.949999988079071, -0.4000000059604645, 0.04999999701976776],
                [0.925000011920929, -0.4750000238418579, 0.20000000298023224],
                [1.125, -0.48750001192092896, 0.20000000298023224],
                [1.024999976158142, -0.4375, -0.10000000894069672],
            ],
        );
        assert_keras(
            &keras_sequence(sgd(0.5, false)),
            &[
                [0.949999988079071, -0.4000000059604645, 0.04999999701976776],
                [
                    0.8999999761581421,
                    -0.42500001192092896,
                    0.10000000149011612,
                ],
                [1.0749999284744263, -0.45000001788139343, 0.125],
                [1.0624998807907104, -0.4125000238418579, -0.1625000238418579],
            ],
        );
        assert_keras(
            &keras_sequence(sgd(0.5, true)),
            &[
                [
                    0.925000011920929,
                    -0.3499999940395355,
                    -0.050000011920928955,
                ],
                [0.875, -0.4375, 0.125],
                [1.162500023841858, -0.4625000059604645, 0.13750000298023224],
                [
                    1.056249976158142,
                    -0.39375001192092896,
                    -0.30625003576278687,
                ],
            ],
        );
        let rmsprop = keras_sequence(OptimizerConfig::Rmsprop {
            learning_rate: 0.01,
            rho: 0.875,
            epsilon: 1e-7,
        });
        assert_keras(
            &rmsprop,
            &[
                [0.9717157483100891, -0.4717157483100891, 0.22171573340892792],
                [
                    0.9583824276924133,
                    -0.48940879106521606,
                    0.23940876126289368,
                ],
                [0.9858348369598389, -0.4925418198108673, 0.23940876126289368],
                [
                    0.9728094935417175,
                    -0.48043397068977356,
                    0.21623076498508453,
                ],
            ],
        );
    }

    #[test]
    fn the_learning_rate_can_change_between_steps() {
        // GD on w²: w = 1 → 0.8 at lr 0.1; then lr 0.5: w = 0.8 − 0.5·1.6 = 0.
        let mut opt = Optimizer::new(OptimizerConfig::Gd { learning_rate: 0.1 });
        let mut w = arr1(&[1.0f32]);
        for lr in [0.1, 0.5] {
            opt.set_learning_rate(lr);
            let g: Array1<f32> = &w * 2.0;
            opt.step(vec![ParamMut {
                value: w.view_mut().into_dyn(),
                grad: g.view().into_dyn(),
            }]);
        }
        assert!(w[0].abs() < 1e-7, "{w}");
        assert_eq!(opt.iterations, 2);
    }
}
