//! One recommendation training run: read the interactions, split per user, index the training
//! ids, build the model, train epoch by epoch (early stopping on `val_loss` as Keras does), and
//! evaluate against the baselines.

use ndarray::{Array2, ArrayD};

use super::data::{self, Interactions};
use super::ids::IdIndex;
use super::metrics::Rated;
use super::model::Recommender;
use super::split::per_user;
use crate::data::Table;
use crate::error::Result;
use crate::experiment::Experiment;
use crate::rng::Rng;
use crate::train::{EpochRecord, Optimizer};

/// A recommender being trained, with its data as index triples.
pub struct Run {
    pub experiment: Experiment,
    pub users: IdIndex,
    pub items: IdIndex,
    /// Each item's title (empty without a title column), in index order.
    pub titles: Vec<String>,
    pub model: Recommender,
    pub train: Vec<Rated>,
    pub validation: Vec<Rated>,
    pub test: Vec<Rated>,
    pub history: Vec<EpochRecord>,
    /// What preparing the data changed (dropped rows, rows moved back to training).
    pub warnings: Vec<String>,
    pub(super) optimizer: Optimizer,
    pub(super) shuffle: Rng,
    pub(super) best: Option<(f32, usize, Vec<ArrayD<f32>>)>,
    pub(super) stopped: bool,
}

impl Run {
    /// Prepares `table` and builds the model, both from `experiment` and its seed.
    pub fn new(experiment: Experiment, table: &Table) -> Result<Self> {
        experiment.validate()?;
        let mut root = Rng::new(experiment.seed);
        let data = data::read(table, &experiment.data)?;
        let split = &experiment.data.split;
        let parts = per_user(&data, split.validation, split.test, &mut root.fork());
        let users = IdIndex::fit(parts.train.iter().map(|&r| data.users[r].as_str()));
        let items = IdIndex::fit(parts.train.iter().map(|&r| data.items[r].as_str()));
        let rated = |rows: &[usize]| -> Vec<Rated> {
            (rows.iter())
                .map(|&r| {
                    let u = users
                        .get(&data.users[r])
                        .expect("split keeps every user in training");
                    let i = items
                        .get(&data.items[r])
                        .expect("split keeps every item in training");
                    (u, i, data.ratings[r])
                })
                .collect()
        };
        let mut train = rated(&parts.train);
        let mut rng = root.fork();
        if experiment
            .data
            .recommend
            .as_ref()
            .is_some_and(|r| r.implicit)
        {
            train.extend(negatives(&data, &users, &items, &train, &mut rng));
        }
        let mean = super::metrics::global_mean(&train);
        let model = Recommender::build(&experiment, users.len(), items.len(), mean, &mut rng)?;
        let mut warnings = Vec::new();
        if data.dropped > 0 {
            warnings.push(format!(
                "{} rows with a missing user, item or rating were dropped",
                data.dropped
            ));
        }
        if parts.moved > 0 {
            warnings.push(format!("{} held-out rows were moved back to training: their item had no other training row (an item needs one to get an embedding)", parts.moved));
        }
        let titles = items.ids.iter().map(|id| title(&data, id)).collect();
        Ok(Run {
            optimizer: Optimizer::new(experiment.compile.optimizer.clone()),
            validation: rated(&parts.validation),
            test: rated(&parts.test),
            experiment,
            users,
            items,
            titles,
            model,
            train,
            history: Vec::new(),
            warnings,
            shuffle: rng.fork(),
            best: None,
            stopped: false,
        })
    }

    /// True once every epoch ran or early stopping ended training.
    pub fn is_done(&self) -> bool {
        self.stopped || self.history.len() >= self.experiment.fit.epochs
    }

    /// Trains one epoch and records it (`None` when done).
    pub fn step(&mut self) -> Option<EpochRecord> {
        if self.is_done() {
            return None;
        }
        let (pairs, y) = as_arrays(&self.train);
        let batch = self.experiment.fit.batch_size;
        let loss =
            (self.model).fit_epoch(&pairs, &y, batch, &mut self.optimizer, &mut self.shuffle);
        let val_loss = (!self.validation.is_empty()).then(|| self.mse(&self.validation.clone()));
        let record = EpochRecord {
            epoch: self.history.len() + 1,
            loss,
            val_loss,
            accuracy: None,
            val_accuracy: None,
        };
        self.early_stop(&record);
        self.history.push(record.clone());
        Some(record)
    }

    /// Mean squared error on `rows`.
    pub fn mse(&mut self, rows: &[Rated]) -> f32 {
        let (pairs, y) = as_arrays(rows);
        let (rmse, _) = super::metrics::rmse_mae(&self.model.predict(&pairs), &y);
        rmse * rmse
    }

    /// Keras's `EarlyStopping` on the record's monitored value.
    fn early_stop(&mut self, record: &EpochRecord) {
        let Some(es) = self.experiment.fit.early_stopping.clone() else {
            return;
        };
        let value = if es.monitor == "loss" {
            Some(record.loss)
        } else {
            record.val_loss
        };
        let Some(value) = value else { return };
        match &self.best {
            Some((best, _, _)) if value >= *best => {}
            _ => {
                self.best = Some((value, record.epoch, self.model.weights()));
                return;
            }
        }
        let (_, epoch, weights) = self.best.as_ref().expect("set above");
        if record.epoch - epoch >= es.patience.max(1) {
            if es.restore_best_weights {
                self.model.set_weights(weights).expect("same model");
            }
            self.stopped = true;
        }
    }
}

/// `rows` as model inputs `[n, 2]` and targets.
pub fn as_arrays(rows: &[Rated]) -> (Array2<f32>, Vec<f32>) {
    let pairs = Array2::from_shape_fn((rows.len(), 2), |(n, c)| match c {
        0 => rows[n].0 as f32,
        _ => rows[n].1 as f32,
    });
    (pairs, rows.iter().map(|r| r.2).collect())
}

fn title(data: &Interactions, id: &str) -> String {
    (data.titles.iter().find(|(i, _)| i == id)).map_or(String::new(), |(_, t)| t.clone())
}

/// Implicit feedback's negatives: for each training row, one item (drawn with `rng`) that its
/// user has no row for anywhere in the data, rated 0.
fn negatives(
    data: &Interactions,
    users: &IdIndex,
    items: &IdIndex,
    train: &[Rated],
    rng: &mut Rng,
) -> Vec<Rated> {
    let mut known = vec![vec![false; items.len()]; users.len()];
    for (u, i) in data.users.iter().zip(&data.items) {
        if let (Some(u), Some(i)) = (users.get(u), items.get(i)) {
            known[u][i] = true;
        }
    }
    let mut out = Vec::new();
    for &(u, _, _) in train {
        let free: Vec<usize> = (0..items.len()).filter(|&i| !known[u][i]).collect();
        if !free.is_empty() {
            let i = free[rng.below(free.len())];
            known[u][i] = true;
            out.push((u, i, 0.0));
        }
    }
    out
}
