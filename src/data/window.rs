//! Time-series windows: a series (the target first, then any extra numeric columns) becomes
//! `[samples, lookback, features]` sequences → the target `horizon` steps after each window.
//! The split is chronological and no window crosses a split boundary.

use ndarray::{s, Array2, Array3, Axis};

use super::encode::{encode_rows, fit_encoders};
use super::missing::{complete_rows, describe_rows};
use super::prepare::{fit_scaler, Prepared, Preprocessing};
use super::scale::FittedScaler;
use super::split::split_rows;
use super::table::{ColumnData, Table};
use crate::error::{Error, Result};
use crate::experiment::{DataConfig, Missing, SplitConfig, SplitMethod, Task, WindowConfig};
use crate::rng::Rng;

/// Windows of `lookback` consecutive rows of `series` (`[steps, features]`) starting at each
/// `start` → `[starts, lookback, features]`.
pub fn windows(
    series: &Array2<f32>,
    lookback: usize,
    starts: std::ops::Range<usize>,
) -> Array3<f32> {
    let mut x = Array3::zeros((starts.len(), lookback, series.ncols()));
    for (k, i) in starts.enumerate() {
        x.index_axis_mut(Axis(0), k)
            .assign(&series.slice(s![i..i + lookback, ..]));
    }
    x
}

/// Prepares windows of the series `target` (+ `config.features`) in `order`.
pub fn prepare_window(
    table: &Table,
    config: &DataConfig,
    w: &WindowConfig,
    target: &str,
    task: Task,
    order_by: Option<String>,
    order: &[usize],
) -> Result<Prepared> {
    if task == Task::Classification {
        return Err(Error::data(&table.name, format!(
            "data.window predicts the next value of a numeric series, but the target {target:?} is treated as classes; pick a numeric target or remove data.window")));
    }
    let mut features = vec![target.to_string()];
    features.extend(
        config
            .features
            .iter()
            .flatten()
            .filter(|f| *f != target)
            .cloned(),
    );
    for f in &features {
        if let ColumnData::Categorical(_) = table.column(f)?.data {
            return Err(Error::data(&table.name, format!(
                "column {f:?} holds text; a data.window series takes numeric columns only — leave it out of data.features")));
        }
    }
    let mut warnings = Vec::new();
    let names: Vec<&str> = features.iter().map(String::as_str).collect();
    let (complete, gaps) = complete_rows(table, &names, order);
    let usable = if config.missing == Missing::Drop {
        if !gaps.is_empty() {
            warnings.push(format!(
                "{} dropped: they have missing values (data.missing: \"drop\")",
                describe_rows(table, &gaps)
            ));
        }
        complete
    } else {
        if !gaps.is_empty() {
            warnings.push(format!(
                "{} have missing values, filled as data.missing says",
                describe_rows(table, &gaps)
            ));
        }
        order.to_vec()
    };
    if config.split.method != SplitMethod::Chronological {
        warnings.push("a data.window series is always split chronologically".into());
    }
    let chrono = SplitConfig {
        method: SplitMethod::Chronological,
        ..config.split.clone()
    };
    let split = split_rows(usable.len(), &chrono, None, &mut Rng::new(0));
    let need = w.lookback + w.horizon;
    if split.train.len() < need {
        return Err(Error::data(&table.name, format!(
            "the training part of the series has {} rows, fewer than lookback + horizon = {need}; lower data.window.lookback or the validation/test fractions, or use a longer series",
            split.train.len())));
    }
    let train_rows: Vec<usize> = split.train.iter().map(|&i| usable[i]).collect();
    let encoders = fit_encoders(table, &features, &train_rows, config.missing)?;
    let (mut series, w_enc) = encode_rows(table, &features, &encoders, &usable)?;
    warnings.extend(w_enc);
    let train_part = series.slice(s![..split.train.len(), ..]).to_owned();
    let scaler = fit_scaler(config.scale, &train_part, &encoders);
    let mut y_all = series.slice(s![.., 0..1]).to_owned();
    let target_scaler = FittedScaler::fit(
        config.scale,
        &y_all.slice(s![..split.train.len(), ..]).to_owned(),
    );
    scaler.transform(&mut series);
    target_scaler.transform(&mut y_all);
    let part = |idx: &[usize]| {
        let (start, len) = (idx.first().copied().unwrap_or(0), idx.len());
        let starts = start..start + (len + 1).saturating_sub(need);
        let y = Array2::from_shape_fn((starts.len(), 1), |(k, _)| y_all[[start + k + need - 1, 0]]);
        (windows(&series, w.lookback, starts).into_dyn(), y)
    };
    let (x_train, y_train) = part(&split.train);
    let (x_val, y_val) = part(&split.validation);
    let (x_test, y_test) = part(&split.test);
    for (name, n, len) in [
        ("validation", x_val.shape()[0], split.validation.len()),
        ("test", x_test.shape()[0], split.test.len()),
    ] {
        if n == 0 && len > 0 {
            warnings.push(format!(
                "the {name} part has {len} rows, too few for one window of {need}; it is empty"
            ));
        }
    }
    let inputs = features.clone();
    let preprocessing = Preprocessing {
        features,
        encoders,
        inputs,
        target: target.to_string(),
        task: Task::Regression,
        classes: None,
        missing: config.missing,
        scaler,
        target_scaler: Some(target_scaler),
        window: Some(w.clone()),
        order_by,
    };
    Ok(Prepared {
        x_train,
        y_train,
        x_val,
        y_val,
        x_test,
        y_test,
        preprocessing,
        dropped: table.rows - usable.len(),
        warnings,
    })
}
