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

    #[test]
    fn adam_first_steps_move_by_about_the_learning_rate() {
        // With bias correction, Adam's first step is lr·g/(|g| + ε·√(1−β2)) ≈ lr.
        // Values below from the update rule in f64 (w=1, g=2w, lr=0.1, β1=0.9, β2=0.999, ε=1e-7).
        let a = three_steps(OptimizerConfig::Adam {
            learning_rate: 0.1,
            beta_1: 0.9,
            beta_2: 0.999,
            epsilon: 1e-7,
        });
        let mut w = 1.0f64;
        let (mut m, mut v) = (0.0f64, 0.0f64);
        let mut expect = vec![];
        for t in 1..=3 {
            let g = 2.0 * w;
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            let lr_t = 0.1 * (1.0 - 0.999f64.powi(t)).sqrt() / (1.0 - 0.9f64.powi(t));
            w -= lr_t * m / (v.sqrt() + 1e-7);
            expect.push(w);
        }
        assert_close(&a, &expect);
        assert!((a[0] - 0.9).abs() < 1e-5);
    }

    #[test]
    fn rmsprop_by_hand() {
        // v1 = 0.1·4 = 0.4; w1 = 1 − 0.01·2/(√0.4 + ε) = 0.968377...; then the same rule in f64.
        let r = three_steps(OptimizerConfig::Rmsprop {
            learning_rate: 0.01,
            rho: 0.9,
            epsilon: 1e-7,
        });
        let (mut w, mut v, mut expect) = (1.0f64, 0.0f64, vec![]);
        for _ in 0..3 {
            let g = 2.0 * w;
            v = 0.9 * v + 0.1 * g * g;
            w -= 0.01 * g / (v.sqrt() + 1e-7);
            expect.push(w);
        }
        assert!((expect[0] - (1.0 - 0.02 / 0.4f64.sqrt())).abs() < 1e-6);
        assert_close(&r, &expect);
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
