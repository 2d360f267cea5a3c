//! From a typed table and the experiment's `data` part to training tensors and the fitted
//! preprocessing that the model file keeps.

use ndarray::{Array2, ArrayD, Axis};
use serde::{Deserialize, Serialize};

use super::encode::{encode_rows, fit_encoders, Encoder};
use super::missing::{complete_rows, describe_rows};
use super::scale::FittedScaler;
use super::split::split_rows;
use super::table::{ColumnData, Table};
use super::target::encode_target;
use crate::error::{Error, Result};
use crate::experiment::{DataConfig, Missing, Scale, Task, WindowConfig};
use crate::rng::Rng;

/// Everything fitted on the training split that turns raw rows into model inputs and back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preprocessing {
    /// The source columns, in input order (for a window: the target first).
    pub features: Vec<String>,
    /// One encoder per feature (fill values, categories).
    pub encoders: Vec<Encoder>,
    /// The model's input names after encoding (`color=red` per category).
    pub inputs: Vec<String>,
    pub target: String,
    pub task: Task,
    /// Class names in index order (classification only).
    pub classes: Option<Vec<String>>,
    pub missing: Missing,
    /// Scales the inputs (one-hot inputs are left as 0/1).
    pub scaler: FittedScaler,
    /// Regression targets are scaled too; predictions are mapped back with it.
    pub target_scaler: Option<FittedScaler>,
    /// Time-series windows, if any.
    pub window: Option<WindowConfig>,
    /// The date column rows are put in order by (chronological split and windows).
    pub order_by: Option<String>,
}

/// Tensors for each split. `x`: `[rows, inputs]`, or `[samples, lookback, features]` for a
/// time-series window; `y`: `[rows, classes]` one-hot or `[rows, 1]`.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub x_train: ArrayD<f32>,
    pub y_train: Array2<f32>,
    pub x_val: ArrayD<f32>,
    pub y_val: Array2<f32>,
    pub x_test: ArrayD<f32>,
    pub y_test: Array2<f32>,
    pub preprocessing: Preprocessing,
    /// Rows left out (missing target, or `missing: drop`).
    pub dropped: usize,
    /// What preparing changed (dropped rows, unusable cells), for people.
    pub warnings: Vec<String>,
}

impl Prepared {
    /// The shape of one input sample (no batch axis).
    pub fn input_shape(&self) -> Vec<usize> {
        self.x_train.shape()[1..].to_vec()
    }
}

/// The target column's name: `data.target`, or the table's last column when it is `null`.
pub fn target_name(table: &Table, config: &DataConfig) -> String {
    match &config.target {
        Some(t) => t.clone(),
        None => table
            .columns
            .last()
            .expect("a table has columns")
            .name
            .clone(),
    }
}

/// Prepares `table` as `config` says, with `rng` driving the split.
pub fn prepare(table: &Table, config: &DataConfig, rng: &mut Rng) -> Result<Prepared> {
    let target = target_name(table, config);
    let task = resolve_task(table, &target, config.task)?;
    let order_by = order_column(table, config);
    let order = row_order(table, order_by.as_deref());
    if let Some(w) = &config.window {
        return super::window::prepare_window(table, config, w, &target, task, order_by, &order);
    }
    let features = feature_names(table, config, &target)?;
    let mut warnings = Vec::new();
    let (mut usable, no_target) = complete_rows(table, &[target.as_str()], &order);
    if !no_target.is_empty() {
        warnings.push(format!(
            "{} left out: the target {target:?} is missing",
            describe_rows(table, &no_target)
        ));
    }
    if config.missing == Missing::Drop {
        let names: Vec<&str> = features.iter().map(String::as_str).collect();
        let (complete, gaps) = complete_rows(table, &names, &usable);
        if !gaps.is_empty() {
            warnings.push(format!(
                "{} dropped: they have missing values (data.missing: \"drop\")",
                describe_rows(table, &gaps)
            ));
        }
        usable = complete;
    }
    let dropped = table.rows - usable.len();
    if usable.is_empty() {
        return Err(Error::data(&table.name, "no rows are left after removing rows with missing values; choose another data.missing strategy or fill in the data"));
    }
    let (labels, classes, y) = encode_target(table, &target, task, &usable)?;
    let split = split_rows(usable.len(), &config.split, labels.as_deref(), rng);
    if split.train.is_empty() {
        return Err(Error::data(
            &table.name,
            "no rows are left to train on; lower the validation and test fractions",
        ));
    }
    let to_rows = |idx: &[usize]| idx.iter().map(|&i| usable[i]).collect::<Vec<_>>();
    let train_rows = to_rows(&split.train);
    let encoders = fit_encoders(table, &features, &train_rows, config.missing)?;
    let (mut x_train, w) = encode_rows(table, &features, &encoders, &train_rows)?;
    warnings.extend(w);
    let scaler = fit_scaler(config.scale, &x_train, &encoders);
    let mut y_train = y.select(Axis(0), &split.train);
    let target_scaler =
        (task == Task::Regression).then(|| FittedScaler::fit(config.scale, &y_train));
    let inputs = features
        .iter()
        .zip(&encoders)
        .flat_map(|(f, e)| e.input_names(f))
        .collect();
    let preprocessing = Preprocessing {
        features,
        encoders,
        inputs,
        target,
        task,
        classes,
        missing: config.missing,
        scaler,
        target_scaler,
        window: None,
        order_by,
    };
    scaler_apply(&preprocessing, &mut x_train, &mut y_train);
    let mut part = |idx: &[usize]| -> Result<(ArrayD<f32>, Array2<f32>)> {
        let p = &preprocessing;
        let (mut xs, w) = encode_rows(table, &p.features, &p.encoders, &to_rows(idx))?;
        warnings.extend(w);
        let mut ys = y.select(Axis(0), idx);
        scaler_apply(p, &mut xs, &mut ys);
        Ok((xs.into_dyn(), ys))
    };
    let (x_val, y_val) = part(&split.validation)?;
    let (x_test, y_test) = part(&split.test)?;
    Ok(Prepared {
        x_train: x_train.into_dyn(),
        y_train,
        x_val,
        y_val,
        x_test,
        y_test,
        preprocessing,
        dropped,
        warnings,
    })
}

/// `auto` → classification for text and booleans, regression for numbers; dates cannot be targets.
fn resolve_task(table: &Table, target: &str, task: Task) -> Result<Task> {
    Ok(match (task, &table.column(target)?.data) {
        (_, ColumnData::Date(_)) => {
            return Err(Error::data(&table.name, format!("the target {target:?} holds dates; pick a column of numbers or classes as the target")))
        }
        (Task::Auto, ColumnData::Numeric(_)) => Task::Regression,
        (Task::Auto, _) => Task::Classification,
        (t, _) => t,
    })
}

/// The feature columns: as given, or every column but the target and date columns.
fn feature_names(table: &Table, config: &DataConfig, target: &str) -> Result<Vec<String>> {
    let features: Vec<String> = match &config.features {
        Some(f) => {
            f.iter().try_for_each(|n| table.column(n).map(|_| ()))?;
            if f.iter().any(|n| n == target) {
                return Err(Error::experiment("data.features", format!(
                    "lists the target {target:?}; a model cannot take the answer as an input — remove it from data.features")));
            }
            f.clone()
        }
        None => table
            .columns
            .iter()
            .filter(|c| c.name != target && !matches!(c.data, ColumnData::Date(_)))
            .map(|c| c.name.clone())
            .collect(),
    };
    if features.is_empty() {
        let why = if table.columns.len() == 1 {
            format!("the file has one column ({target:?}); if its values hold , ; tab or | they were not split — check the delimiter; ")
        } else {
            String::new()
        };
        return Err(Error::data(&table.name, format!(
            "there are no feature columns: {why}a model needs at least one input column besides the target (or a data.window for a time series)")));
    }
    Ok(features)
}

/// The first date column, which orders rows for chronological splits and windows.
fn order_column(table: &Table, config: &DataConfig) -> Option<String> {
    let chronological = config.window.is_some()
        || config.split.method == crate::experiment::SplitMethod::Chronological;
    table
        .columns
        .iter()
        .find(|c| chronological && matches!(c.data, ColumnData::Date(_)))
        .map(|c| c.name.clone())
}

/// Row indices in file order, or sorted (stably) by the date column; undated rows go last.
pub fn row_order(table: &Table, order_by: Option<&str>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..table.rows).collect();
    if let Some(ColumnData::Date(d)) = order_by.and_then(|n| table.column(n).ok()).map(|c| &c.data)
    {
        // Ties broken by the row index: a total order, the same as a stable sort.
        order.sort_unstable_by(|&a, &b| {
            d[a].is_nan()
                .cmp(&d[b].is_nan())
                .then(d[a].total_cmp(&d[b]))
                .then(a.cmp(&b))
        });
    }
    order
}

/// Fits `kind` on `x`, leaving one-hot inputs unscaled.
pub fn fit_scaler(kind: Scale, x: &Array2<f32>, encoders: &[Encoder]) -> FittedScaler {
    let mut scaler = FittedScaler::fit(kind, x);
    let mut at = 0;
    for e in encoders {
        if let Encoder::OneHot { .. } = e {
            scaler.offset[at..at + e.width()].fill(0.0);
            scaler.factor[at..at + e.width()].fill(1.0);
        }
        at += e.width();
    }
    scaler
}

fn scaler_apply(p: &Preprocessing, x: &mut Array2<f32>, y: &mut Array2<f32>) {
    p.scaler.transform(x);
    if let Some(ts) = &p.target_scaler {
        ts.transform(y);
    }
}
