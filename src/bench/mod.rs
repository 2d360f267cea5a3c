//! The fixed benchmark workloads (`../shared/bench/WORKLOADS.md`): W1 digits MLP, W2 sunspots
//! LSTM, W3 synthetic MLP throughput; and T1, the sentiment embedding model of issue 14 (not in
//! WORKLOADS.md: Kindling only, for its < 1 s-per-epoch target). Pure core: the caller passes a millisecond clock, so the
//! same code times natively (`kindling bench`) and in the browser.

mod data;

use std::str::FromStr;

use ndarray::{Array2, ArrayD, Axis};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::experiment::{Activation, LayerConfig, Loss, OptimizerConfig};
use crate::metrics;
use crate::nn::lstm::LstmConfig;
use crate::nn::Sequential;
use crate::rng::Rng;
use crate::train::Optimizer;

/// One of the agreed workloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    W1,
    W2,
    W3,
    T1,
}

impl FromStr for Workload {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_uppercase().as_str() {
            "W1" => Ok(Workload::W1),
            "W2" => Ok(Workload::W2),
            "W3" => Ok(Workload::W3),
            "T1" => Ok(Workload::T1),
            _ => Err(Error::State(format!(
                "unknown workload {s:?}; use W1, W2, W3 or T1"
            ))),
        }
    }
}

/// What one benchmark run measured.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub workload: String,
    /// Wall time of every epoch (shuffle, batching, forward, backward, update).
    pub epochs_ms: Vec<f64>,
    /// Epoch 1 (warm-up), reported apart.
    pub first_epoch_ms: f64,
    /// Median of epochs 2..E.
    pub ms_per_epoch: f64,
    /// `accuracy` (W1, test), `rmse` (W2, test, original units) or `mse` (W3, training rows).
    pub metric_name: String,
    pub metric: f64,
    /// Training rows per second at `ms_per_epoch`.
    pub samples_per_s: Option<f64>,
    /// W3 only: 6 × params × rows / epoch seconds / 1e9.
    pub gflops: Option<f64>,
    pub params: usize,
    /// The seed of the initialisation and the shuffles.
    pub seed: u64,
}

/// The default seed of every workload's initialisation and shuffling.
pub const SEED: u64 = 42;

/// Runs `workload` on `files` (("digits.csv", bytes), ("digits_split.csv", bytes),
/// ("sunspots.csv", bytes) as needed), timing each epoch with `clock` (milliseconds).
pub fn run(
    workload: Workload,
    files: &[(&str, &[u8])],
    clock: &mut dyn FnMut() -> f64,
) -> Result<BenchReport> {
    run_seeded(workload, files, clock, SEED)
}

/// [`run`] with another seed for the initialisation and the shuffles: the spread of the test
/// metric over seeds (W2's RMSE varies a lot with the initial weights) is then reproducible.
pub fn run_seeded(
    workload: Workload,
    files: &[(&str, &[u8])],
    clock: &mut dyn FnMut() -> f64,
    seed: u64,
) -> Result<BenchReport> {
    match workload {
        Workload::W1 => {
            let d = data::digits(files)?;
            let layers = [
                LayerConfig::dense(64, Activation::Relu),
                LayerConfig::dense(64, Activation::Relu),
                LayerConfig::dense(10, Activation::Softmax),
            ];
            let mut job = Job::new(
                &layers,
                &d.x_train,
                &d.y_train,
                Loss::CategoricalCrossentropy,
                32,
                20,
                seed,
            )?;
            let epochs_ms = job.train(clock);
            let acc = metrics::accuracy(&job.model.predict(&d.x_test), &d.y_test) as f64;
            Ok(job.report("W1", epochs_ms, "accuracy", acc, false))
        }
        Workload::W2 => {
            let (d, range) = data::sunspots(files)?;
            let layers = [
                LayerConfig::Lstm(LstmConfig {
                    units: 50,
                    return_sequences: false,
                    kernel_regularizer: None,
                }),
                LayerConfig::dense(1, Activation::Linear),
            ];
            let mut job = Job::new(&layers, &d.x_train, &d.y_train, Loss::Mse, 32, 20, seed)?;
            let epochs_ms = job.train(clock);
            let (rmse, _, _) = metrics::regression(&job.model.predict(&d.x_test), &d.y_test);
            Ok(job.report("W2", epochs_ms, "rmse", rmse as f64 * range, false))
        }
        Workload::W3 => {
            let (x, y) = data::synthetic();
            let x = x.into_dyn();
            let layers = [
                LayerConfig::dense(256, Activation::Relu),
                LayerConfig::dense(256, Activation::Relu),
                LayerConfig::dense(1, Activation::Linear),
            ];
            let mut job = Job::new(&layers, &x, &y, Loss::Mse, 128, 3, seed)?;
            let epochs_ms = job.train(clock);
            let (rmse, _, _) = metrics::regression(&job.model.predict(&x), &y);
            Ok(job.report("W3", epochs_ms, "mse", (rmse as f64).powi(2), true))
        }
        Workload::T1 => {
            let (d, layers) = data::sentiment(files)?;
            let loss = Loss::CategoricalCrossentropy;
            let mut job = Job::new(&layers, &d.x_train, &d.y_train, loss, 32, 10, seed)?;
            let epochs_ms = job.train(clock);
            let acc = metrics::accuracy(&job.model.predict(&d.x_test), &d.y_test) as f64;
            Ok(job.report("T1", epochs_ms, "accuracy", acc, false))
        }
    }
}

/// A built model, its optimizer and training data.
struct Job<'a> {
    model: Sequential,
    optimizer: Optimizer,
    shuffle: Rng,
    seed: u64,
    x: &'a ArrayD<f32>,
    y: &'a Array2<f32>,
    batch: usize,
    epochs: usize,
}

impl<'a> Job<'a> {
    fn new(
        layers: &[LayerConfig],
        x: &'a ArrayD<f32>,
        y: &'a Array2<f32>,
        loss: Loss,
        batch: usize,
        epochs: usize,
        seed: u64,
    ) -> Result<Self> {
        let mut rng = Rng::new(seed);
        let model = Sequential::build(layers, &x.shape()[1..], y.ncols(), loss, &mut rng)?;
        Ok(Job {
            model,
            optimizer: Optimizer::new(OptimizerConfig::Adam {
                learning_rate: 1e-3,
                beta_1: 0.9,
                beta_2: 0.999,
                epsilon: 1e-7,
            }),
            shuffle: rng.fork(),
            seed,
            x,
            y,
            batch,
            epochs,
        })
    }

    /// Trains every epoch (fresh shuffle, every mini-batch incl. the last partial one) and
    /// returns each epoch's milliseconds.
    fn train(&mut self, clock: &mut dyn FnMut() -> f64) -> Vec<f64> {
        let rows = self.y.nrows();
        let mut order: Vec<usize> = (0..rows).collect();
        (0..self.epochs)
            .map(|_| {
                let start = clock();
                self.shuffle.shuffle(&mut order);
                for idx in order.chunks(self.batch) {
                    let xb = self.x.select(Axis(0), idx);
                    let yb = self.y.select(Axis(0), idx);
                    self.model.forward_backward(&xb, &yb);
                    self.optimizer.step(self.model.params());
                }
                clock() - start
            })
            .collect()
    }

    fn report(
        &self,
        name: &str,
        epochs_ms: Vec<f64>,
        metric_name: &str,
        metric: f64,
        gflops: bool,
    ) -> BenchReport {
        let mut rest = epochs_ms[1.min(epochs_ms.len() - 1)..].to_vec();
        rest.sort_by(f64::total_cmp);
        let n = rest.len();
        let median = if n % 2 == 1 {
            rest[n / 2]
        } else {
            (rest[n / 2 - 1] + rest[n / 2]) / 2.0
        };
        let rows = self.y.nrows() as f64;
        let params = self.model.param_count();
        let per_s = 1000.0 / median;
        BenchReport {
            workload: name.into(),
            first_epoch_ms: epochs_ms[0],
            epochs_ms,
            ms_per_epoch: median,
            metric_name: metric_name.into(),
            metric,
            samples_per_s: Some(rows * per_s),
            gflops: gflops.then(|| 6.0 * params as f64 * rows * per_s / 1e9),
            params,
            seed: self.seed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workload_names_parse_in_either_case() {
        assert_eq!("w2".parse::<Workload>().unwrap(), Workload::W2);
        assert_eq!("W3".parse::<Workload>().unwrap(), Workload::W3);
        assert!("W4"
            .parse::<Workload>()
            .unwrap_err()
            .to_string()
            .contains("W1, W2, W3 or T1"));
    }

    #[test]
    fn a_missing_file_is_named() {
        let err = run(Workload::W1, &[], &mut || 0.0).unwrap_err().to_string();
        assert!(err.contains("digits.csv"), "{err}");
    }

    fn shipped() -> Vec<(&'static str, &'static [u8])> {
        use crate::data::builtin::bytes;
        vec![
            ("digits.csv", bytes("digits").unwrap()),
            ("digits_split.csv", bytes("digits_split").unwrap()),
            ("sunspots.csv", bytes("sunspots").unwrap()),
        ]
    }

    /// A clock that advances 1 ms per reading: every epoch then lasts exactly 1 ms.
    fn ticks() -> impl FnMut() -> f64 {
        let mut t = 0.0;
        move || {
            t += 1.0;
            t
        }
    }

    #[test]
    fn w1_reaches_the_target_accuracy_and_reports_per_epoch_figures() {
        let r = run(Workload::W1, &shipped(), &mut ticks()).unwrap();
        assert_eq!(r.epochs_ms, vec![1.0; 20]);
        assert_eq!(
            (r.ms_per_epoch, r.samples_per_s),
            (1.0, Some(1437.0 * 1000.0))
        );
        assert_eq!((r.params, r.gflops), (8970, None));
        assert!(r.metric >= 0.96, "W1 test accuracy {}", r.metric);
    }

    #[test]
    fn w2_beats_predicting_the_training_mean() {
        let files = shipped();
        let r = run(Workload::W2, &files, &mut ticks()).unwrap();
        let (d, range) = data::sunspots(&files).unwrap();
        assert_eq!(
            (d.y_train.nrows(), d.y_test.nrows(), r.params),
            (223, 56, 10_451)
        );
        let mean = d.y_train.mean().unwrap();
        let baseline =
            (d.y_test.mapv(|y| (y - mean).powi(2)).mean().unwrap() as f64).sqrt() * range;
        assert!(
            r.metric < 0.8 * baseline,
            "RMSE {} vs mean-predictor {baseline}",
            r.metric
        );
    }
}
