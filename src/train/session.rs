//! A training `Session`: prepared data, a built model and an optimizer, trained in slices so a
//! caller (the worker, the CLI) can pause, step and change the learning rate between them.

use ndarray::{Array2, ArrayD, Axis};
use serde::Serialize;

use super::callbacks::EarlyStopper;
use super::history::EpochRecord;
use super::optimizer::Optimizer;
use crate::data::{prepare, Prepared, Table};
use crate::error::{Error, Result};
use crate::experiment::{Experiment, Loss, OptimizerConfig, Task};
use crate::metrics::{self, Evaluation};
use crate::nn::sequential::LayerSummary;
use crate::nn::Sequential;
use crate::rng::Rng;

/// What the page needs to show after `configure`.
#[derive(Debug, Clone, Serialize)]
pub struct SessionSummary {
    pub task: Task,
    pub loss: Loss,
    pub features: Vec<String>,
    pub target: String,
    pub classes: Option<Vec<String>>,
    pub rows: [usize; 3],
    pub layers: Vec<LayerSummary>,
    pub params: usize,
    /// Rows left out while preparing (no target, or missing values with `missing: drop`).
    pub dropped: usize,
    /// What preparing changed (dropped rows, unusable cells), for people.
    pub warnings: Vec<String>,
}

/// Prepared data + model + optimizer + the position inside the current epoch.
pub struct Session {
    pub experiment: Experiment,
    pub data: Prepared,
    pub(super) model: Sequential,
    optimizer: Optimizer,
    loss: Loss,
    shuffle: Rng,
    order: Vec<usize>,
    cursor: usize,
    epoch_stats: (f64, usize, usize),
    history: Vec<EpochRecord>,
    early: EarlyStopper,
    stopped_early: bool,
}

impl Session {
    /// Prepares `table` and builds the model, both from `experiment` (and its seed).
    pub fn new(experiment: Experiment, table: &Table) -> Result<Self> {
        experiment.validate()?;
        let mut root = Rng::new(experiment.seed);
        let mut split_rng = root.fork();
        let data = prepare(table, &experiment.data, &mut split_rng)?;
        let task = data.preprocessing.task;
        let loss = experiment.compile.loss.unwrap_or(match task {
            Task::Classification => Loss::CategoricalCrossentropy,
            _ => Loss::Mse,
        });
        let (model, shuffle) = build_model(&experiment, &data, loss)?;
        let optimizer = Optimizer::new(experiment.compile.optimizer.clone());
        let mut s = Session {
            experiment,
            data,
            model,
            optimizer,
            loss,
            shuffle,
            order: vec![],
            cursor: 0,
            epoch_stats: (0.0, 0, 0),
            history: vec![],
            early: EarlyStopper::default(),
            stopped_early: false,
        };
        s.start_epoch();
        Ok(s)
    }

    /// Task, shapes, layers and parameter count.
    pub fn summary(&self) -> SessionSummary {
        let p = &self.data.preprocessing;
        SessionSummary {
            task: p.task,
            loss: self.loss,
            features: p.features.clone(),
            target: p.target.clone(),
            classes: p.classes.clone(),
            rows: [
                rows(&self.data.x_train),
                rows(&self.data.x_val),
                rows(&self.data.x_test),
            ],
            layers: self.model.summary(),
            params: self.model.param_count(),
            dropped: self.data.dropped,
            warnings: self.data.warnings.clone(),
        }
    }

    /// Epochs finished so far.
    pub fn history(&self) -> &[EpochRecord] {
        &self.history
    }

    /// True when every epoch ran or early stopping ended training.
    pub fn is_done(&self) -> bool {
        self.stopped_early || self.history.len() >= self.experiment.fit.epochs
    }

    /// Changes the learning rate from the next batch on.
    pub fn set_learning_rate(&mut self, lr: f32) -> Result<()> {
        if !(lr.is_finite() && (1e-7..=10.0).contains(&lr)) {
            return Err(Error::experiment(
                "compile.optimizer.learning_rate",
                format!("{lr} is out of range; use a value from 1e-7 to 10"),
            ));
        }
        self.optimizer.set_learning_rate(lr);
        Ok(())
    }

    fn batch_size(&self) -> usize {
        match self.experiment.compile.optimizer {
            OptimizerConfig::Gd { .. } => rows(&self.data.x_train),
            _ => self.experiment.fit.batch_size,
        }
    }

    fn start_epoch(&mut self) {
        self.order = (0..rows(&self.data.x_train)).collect();
        self.shuffle.shuffle(&mut self.order);
        self.cursor = 0;
        self.epoch_stats = (0.0, 0, 0);
    }

    /// Trains at most `max_batches` batches, stopping at the end of an epoch; returns that epoch's
    /// record if one finished. A non-finite loss stops with an error naming epoch and batch.
    pub fn step(&mut self, max_batches: usize) -> Result<Option<EpochRecord>> {
        if self.is_done() {
            return Ok(None);
        }
        let bs = self.batch_size();
        for _ in 0..max_batches.max(1) {
            let end = (self.cursor + bs).min(self.order.len());
            let idx = &self.order[self.cursor..end];
            let x = self.data.x_train.select(Axis(0), idx);
            let y = self.data.y_train.select(Axis(0), idx);
            let (loss, out) = self.model.forward_backward(&x, &y);
            if !loss.is_finite() {
                return Err(Error::Diverged {
                    epoch: self.history.len() + 1,
                    batch: self.cursor / bs + 1,
                    value: loss,
                });
            }
            self.optimizer.step(self.model.params());
            let correct = if self.is_classification() {
                (metrics::accuracy(&out, &y) * idx.len() as f32).round() as usize
            } else {
                0
            };
            let (sum, seen, hits) = self.epoch_stats;
            self.epoch_stats = (
                sum + loss as f64 * idx.len() as f64,
                seen + idx.len(),
                hits + correct,
            );
            self.cursor = end;
            if self.cursor >= self.order.len() {
                return Ok(Some(self.finish_epoch()));
            }
        }
        Ok(None)
    }

    fn is_classification(&self) -> bool {
        self.data.preprocessing.task == Task::Classification
    }

    fn finish_epoch(&mut self) -> EpochRecord {
        let (sum, seen, hits) = self.epoch_stats;
        let classification = self.is_classification();
        let (val_loss, val_accuracy) = if rows(&self.data.x_val) > 0 {
            let x = &self.data.x_val;
            let loss = self.model.loss(x, &self.data.y_val);
            let acc =
                classification.then(|| metrics::accuracy(&self.model.predict(x), &self.data.y_val));
            (Some(loss), acc)
        } else {
            (None, None)
        };
        let record = EpochRecord {
            epoch: self.history.len() + 1,
            loss: (sum / seen.max(1) as f64) as f32,
            val_loss,
            accuracy: classification.then(|| hits as f32 / seen.max(1) as f32),
            val_accuracy,
        };
        self.history.push(record.clone());
        self.early_stopping(&record);
        self.start_epoch();
        record
    }

    fn early_stopping(&mut self, record: &EpochRecord) {
        if let Some(es) = &self.experiment.fit.early_stopping {
            self.stopped_early = self.early.update(es, record, &mut self.model);
        }
    }

    /// Where training stands: `[epochs done, batches done in the epoch under way, batches per
    /// epoch, loss]`, the loss being the mean over those batches, or the last epoch's between
    /// epochs (NaN before any).
    pub fn position(&self) -> Vec<f32> {
        let bs = self.batch_size().max(1);
        let (sum, seen, _) = self.epoch_stats;
        let loss = match (seen, self.history.last()) {
            (0, Some(r)) => r.loss,
            (0, None) => f32::NAN,
            _ => (sum / seen as f64) as f32,
        };
        let at = [
            self.history.len(),
            self.cursor.div_ceil(bs),
            self.order.len().div_ceil(bs),
        ];
        vec![at[0] as f32, at[1] as f32, at[2] as f32, loss]
    }

    /// True when early stopping ended training (before `fit.epochs`).
    pub fn stopped_early(&self) -> bool {
        self.stopped_early
    }

    /// Starts over from the **same** initial weights and shuffling as the first run (same seed):
    /// history, optimizer state and early stopping are cleared; a learning rate changed with
    /// [`set_learning_rate`](Self::set_learning_rate) is kept.
    pub fn reset(&mut self) {
        let (model, shuffle) = build_model(&self.experiment, &self.data, self.loss)
            .expect("the model was built from the same settings before");
        self.model = model;
        self.shuffle = shuffle;
        self.optimizer = Optimizer::new(self.optimizer.config.clone());
        self.history.clear();
        self.early.clear();
        self.stopped_early = false;
        self.start_epoch();
    }

    /// Copies of the model's weights, in [`Sequential::weights`] order.
    pub fn weights(&self) -> Vec<ArrayD<f32>> {
        self.model.weights()
    }

    /// Metrics on the held-out test split (regression metrics in the target's original units).
    pub fn evaluate(&mut self) -> Evaluation {
        evaluate_on(
            &mut self.model,
            &self.data.preprocessing,
            (&self.data.x_test, &self.data.y_test),
            &self.data.test_bases,
        )
    }

    /// Model outputs for prepared inputs `[rows, ...]`, in original units for regression (a
    /// differenced series: the changes, see [`Preprocessing::to_levels`](crate::data::Preprocessing::to_levels)).
    pub fn predict(&mut self, x: &ArrayD<f32>) -> Array2<f32> {
        self.predict_levels(x, &[])
    }

    /// [`predict`](Self::predict) with each sample's last known value `bases`, so a
    /// differenced series' predictions are levels too.
    pub fn predict_levels(&mut self, x: &ArrayD<f32>, bases: &[f32]) -> Array2<f32> {
        let mut p = self.model.predict(x);
        self.data.preprocessing.to_levels(&mut p, bases);
        p
    }

    /// The network being trained (read only: its weights go into the model file).
    pub fn model(&self) -> &Sequential {
        &self.model
    }

    /// The network being trained, to change its weights between steps (pruning holds its mask).
    pub fn model_mut(&mut self) -> &mut Sequential {
        &mut self.model
    }
}

/// The model and the shuffling stream, both derived from the experiment seed (the split's stream
/// comes first, so `reset` gets the same weights and order without re-splitting).
fn build_model(experiment: &Experiment, data: &Prepared, loss: Loss) -> Result<(Sequential, Rng)> {
    let mut root = Rng::new(experiment.seed);
    let _split = root.fork();
    let (mut init, shuffle) = (root.fork(), root.fork());
    if let Some(t) = data.preprocessing.text() {
        let most = t
            .vocabulary
            .iter()
            .flatten()
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        crate::experiment::check_embedding_input_dim(
            &experiment.model.layers,
            most + t.output_mode.reserved(),
        )?;
    }
    let model = Sequential::build(
        &experiment.model.layers,
        &data.input_shape(),
        data.y_train.ncols(),
        loss,
        &mut init,
    )?;
    let batch = match experiment.compile.optimizer {
        OptimizerConfig::Gd { .. } => rows(&data.x_train),
        _ => experiment.fit.batch_size.min(rows(&data.x_train)),
    };
    model.check_batch(batch)?;
    Ok((model, shuffle))
}

/// Rows (samples) in a tensor whose first axis is the batch.
fn rows(x: &ArrayD<f32>) -> usize {
    x.shape().first().copied().unwrap_or(0)
}

/// Test metrics of `model` on prepared `x`, `y` (regression in the target's original units);
/// `bases` as [`Prepared::test_bases`] (empty: no window).
pub fn evaluate_on(
    model: &mut Sequential,
    pre: &crate::data::Preprocessing,
    (x, y): (&ArrayD<f32>, &Array2<f32>),
    bases: &[f32],
) -> Evaluation {
    if rows(x) == 0 {
        return Evaluation::default();
    }
    let loss = Some(model.loss(x, y));
    let pred = model.predict(x);
    if pre.task == Task::Classification {
        let confusion = metrics::confusion(&pred, y);
        let (macro_avg, weighted_avg) = metrics::averages(&confusion);
        return Evaluation {
            rows: rows(x),
            loss,
            accuracy: Some(metrics::accuracy(&pred, y)),
            f1: Some(macro_avg.f1),
            per_class: Some(metrics::per_class(&confusion)),
            macro_avg: Some(macro_avg),
            weighted_avg: Some(weighted_avg),
            confusion: Some(confusion),
            ..Default::default()
        };
    }
    let (mut p, mut t) = (pred, y.clone());
    pre.to_levels(&mut p, bases);
    pre.to_levels(&mut t, bases);
    let (rmse, mae, r2) = metrics::regression(&p, &t);
    let mut ev = Evaluation {
        rows: rows(x),
        loss,
        mse: Some(rmse * rmse),
        rmse: Some(rmse),
        mae: Some(mae),
        r2: Some(r2),
        ..Default::default()
    };
    metrics::persistence(&mut ev, &p, &t, bases);
    ev
}
