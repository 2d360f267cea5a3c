//! The benchmark workloads of ../shared/bench/WORKLOADS.md, timed with a caller's clock so the
//! same code runs natively and in the browser.
//!
//! PLACEHOLDER on the `speed` branch: only W1 and W3 (Dense-only), written to the API agreed with
//! the `core` branch, whose src/bench (with the LSTM workload W2) replaces this at merge.

mod data;

use std::str::FromStr;

use ndarray::{Array2, ArrayD, Axis};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::experiment::{Activation, LayerConfig, Loss, OptimizerConfig};
use crate::nn::{ParamMut, Sequential};
use crate::rng::Rng;
use crate::train::Optimizer;

/// One of the three fixed workloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// MLP 64-64-10 on digits, batch 32, 20 epochs.
    W1,
    /// LSTM(50) → Dense(1) on sunspots windows, batch 32, 20 epochs.
    W2,
    /// MLP 100-256-256-1 on 20,000 synthetic rows, batch 128, 3 epochs.
    W3,
}

impl FromStr for Workload {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_uppercase().as_str() {
            "W1" => Ok(Workload::W1),
            "W2" => Ok(Workload::W2),
            "W3" => Ok(Workload::W3),
            _ => Err(Error::State(format!(
                "unknown workload {s:?}; use W1, W2 or W3"
            ))),
        }
    }
}

/// What one workload run measured. Times in milliseconds.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub workload: String,
    /// Wall time of every epoch (shuffle, batching, forward, backward, update).
    pub epochs_ms: Vec<f64>,
    pub first_epoch_ms: f64,
    /// Median of epochs 2..E.
    pub ms_per_epoch: f64,
    /// `accuracy` (W1), `rmse` (W2), `mse` on the training rows (W3).
    pub metric_name: String,
    pub metric: f64,
    pub samples_per_s: Option<f64>,
    /// 6 × params × rows / epoch seconds / 1e9 (W3).
    pub gflops: Option<f64>,
    pub params: usize,
}

/// Runs `workload` on `files` (`("digits.csv", ..)`, `("digits_split.csv", ..)`,
/// `("sunspots.csv", ..)`), timing epochs with `clock` (milliseconds).
pub fn run(
    workload: Workload,
    files: &[(&str, &[u8])],
    clock: &mut dyn FnMut() -> f64,
) -> Result<BenchReport> {
    let dense = |units, activation| LayerConfig::Dense { units, activation };
    match workload {
        Workload::W1 => {
            let d = data::digits(files)?;
            let layers = [dense(64, Activation::Relu), dense(64, Activation::Relu), dense(10, Activation::Softmax)];
            let mut model = Sequential::build(&layers, &[64], 10, Loss::CategoricalCrossentropy, &mut Rng::new(42))?;
            let epochs_ms = fit(&mut model, &d.x_train, &d.y_train, 32, 20, clock);
            let acc = crate::metrics::accuracy(&model.predict(&d.x_test.into_dyn()), &d.y_test);
            Ok(report("W1", &model, epochs_ms, "accuracy", acc as f64, d.x_train.nrows()))
        }
        Workload::W3 => {
            let (x, y) = data::synthetic();
            let layers = [dense(256, Activation::Relu), dense(256, Activation::Relu), dense(1, Activation::Linear)];
            let mut model = Sequential::build(&layers, &[100], 1, Loss::Mse, &mut Rng::new(42))?;
            let epochs_ms = fit(&mut model, &x, &y, 128, 3, clock);
            let mse = model.loss(&x.into_dyn(), &y) as f64;
            let mut r = report("W3", &model, epochs_ms, "mse", mse, y.nrows());
            r.gflops = Some(6.0 * r.params as f64 * y.nrows() as f64 / (r.ms_per_epoch / 1e3) / 1e9);
            Ok(r)
        }
        Workload::W2 => Err(Error::State(
            "W2 needs the LSTM layer, which this build does not have yet (it comes with the core branch)".into(),
        )),
    }
}

/// Adam (lr 1e-3, eps 1e-7) for `epochs` epochs of shuffled mini-batches; returns ms per epoch.
fn fit(
    model: &mut Sequential,
    x: &Array2<f32>,
    y: &Array2<f32>,
    batch: usize,
    epochs: usize,
    clock: &mut dyn FnMut() -> f64,
) -> Vec<f64> {
    let mut opt = Optimizer::new(OptimizerConfig::Adam {
        learning_rate: 1e-3,
        beta_1: 0.9,
        beta_2: 0.999,
        epsilon: 1e-7,
    });
    let mut rng = Rng::new(7);
    let mut order: Vec<usize> = (0..x.nrows()).collect();
    (0..epochs)
        .map(|_| {
            let t0 = clock();
            rng.shuffle(&mut order);
            for rows in order.chunks(batch) {
                let xb = x.select(Axis(0), rows).into_dyn();
                model.forward_backward(&xb, &y.select(Axis(0), rows));
                step(&mut opt, model);
            }
            clock() - t0
        })
        .collect()
}

/// `opt.step` on standard-layout copies of the gradients: today's `Dense::backward` can leave
/// `grad_kernel` column-major (`x.t().dot(dz)`), which `Optimizer::step` rejects ("gradients are
/// contiguous") for 256-unit layers. The fix belongs in src/nn/dense.rs (core branch).
fn step(opt: &mut Optimizer, model: &mut Sequential) {
    let params = model.params();
    let grads: Vec<ArrayD<f32>> = params
        .iter()
        .map(|p| p.grad.as_standard_layout().into_owned())
        .collect();
    let params = params
        .into_iter()
        .zip(&grads)
        .map(|(p, g)| ParamMut {
            value: p.value,
            grad: g.view(),
        })
        .collect();
    opt.step(params);
}

fn report(
    name: &str,
    model: &Sequential,
    epochs_ms: Vec<f64>,
    metric_name: &str,
    metric: f64,
    rows: usize,
) -> BenchReport {
    let ms_per_epoch = median(if epochs_ms.len() > 1 {
        &epochs_ms[1..]
    } else {
        &epochs_ms
    });
    BenchReport {
        workload: name.into(),
        first_epoch_ms: epochs_ms[0],
        ms_per_epoch,
        metric_name: metric_name.into(),
        metric,
        samples_per_s: Some(rows as f64 / (ms_per_epoch / 1e3)),
        gflops: None,
        params: model.param_count(),
        epochs_ms,
    }
}

/// The median of `v` (mean of the middle two for an even count).
pub fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
    }

    #[test]
    fn w1_learns_digits_and_reports_every_epoch() {
        let split = std::fs::read("www/data/digits_split.csv").unwrap();
        let files = [
            ("digits.csv", crate::data::builtin::bytes("digits").unwrap()),
            ("digits_split.csv", &split[..]),
        ];
        let mut t = 0.0;
        let mut clock = || {
            t += 1.5;
            t
        };
        let r = run(Workload::W1, &files, &mut clock).unwrap();
        assert_eq!((r.params, r.epochs_ms.len()), (8970, 20));
        assert_eq!(r.ms_per_epoch, 1.5, "each epoch reads the clock twice");
        assert!(r.metric > 0.93, "test accuracy {}", r.metric);
    }

    #[test]
    fn w3_architecture_trains_with_column_major_kernel_gradients() {
        let dense = |units, activation| LayerConfig::Dense { units, activation };
        let layers = [
            dense(256, Activation::Relu),
            dense(256, Activation::Relu),
            dense(1, Activation::Linear),
        ];
        let mut model = Sequential::build(&layers, &[100], 1, Loss::Mse, &mut Rng::new(1)).unwrap();
        let (x, y) = data::synthetic();
        let (x, y) = (
            x.slice(ndarray::s![..512, ..]).to_owned(),
            y.slice(ndarray::s![..512, ..]).to_owned(),
        );
        let before = model.loss(&x.clone().into_dyn(), &y);
        let times = fit(&mut model, &x, &y, 128, 5, &mut || 0.0);
        let after = model.loss(&x.into_dyn(), &y);
        assert_eq!(times.len(), 5);
        assert!(after < before * 0.5, "mse {before} → {after}");
    }

    #[test]
    fn unknown_workload_and_w2_say_what_to_do() {
        assert!("w4"
            .parse::<Workload>()
            .unwrap_err()
            .to_string()
            .contains("W1, W2 or W3"));
        assert_eq!("w3".parse::<Workload>().unwrap(), Workload::W3);
        let err = run(Workload::W2, &[], &mut || 0.0).unwrap_err().to_string();
        assert!(err.contains("LSTM"), "{err}");
    }
}
