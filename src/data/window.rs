//! Time-series windows (window): a series `[rows, features]` (the target first, then any extra
//! numeric columns) becomes `[samples, lookback, features]` → the target `horizon` rows after each
//! window. A series is split chronologically and each part is windowed on its own, so no window
//! crosses a split boundary.

use ndarray::{s, Array2, Array3, Axis};

use super::check::{numeric_width, Shape};
use super::frame::{Frame, Transform};
use super::table::{ColumnData, Table};
use crate::error::{Error, Result};
use crate::experiment::limits::{MAX_HORIZON, MAX_LOOKBACK, MAX_WINDOW_VALUES};
use crate::experiment::{DataConfig, SplitConfig, SplitMethod, Task, WindowConfig};

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

/// The columns of the series: the target, then `data.features`, or with `data.exclude` every other
/// column but the dates and those it names (numeric only).
pub fn series_columns(
    table: &Table,
    config: &DataConfig,
    target: &str,
    task: Task,
) -> Result<Vec<String>> {
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
    if config.exclude.is_some() {
        features.extend(super::exclude::all_but(table, config, target)?);
    }
    for f in &features {
        if let ColumnData::Categorical(_) | ColumnData::Text(_) = table.column(f)?.data {
            return Err(Error::data(&table.name, format!(
                "column {f:?} holds text; a data.window series takes numeric columns only — leave it out of data.features")));
        }
    }
    Ok(features)
}

/// A series is always split chronologically; the note says so when another method was asked for.
pub fn series_split(split: &SplitConfig) -> (SplitConfig, Option<String>) {
    let note = (split.method != SplitMethod::Chronological)
        .then(|| "a data.window series is always split chronologically".to_string());
    let chrono = SplitConfig {
        method: SplitMethod::Chronological,
        ..split.clone()
    };
    (chrono, note)
}

/// The training part must hold at least one window and its target.
pub fn check_train(w: &WindowConfig, table: &Table, rows: usize) -> Result<()> {
    let need = w.lookback + w.horizon;
    if rows < need {
        return Err(Error::data(&table.name, format!(
            "the training part of the series has {rows} rows, fewer than lookback + horizon = {need}; lower data.window.lookback or the validation/test fractions, or use a longer series")));
    }
    Ok(())
}

/// `count` windows of `lookback` rows × `width` features must fit [`MAX_WINDOW_VALUES`] (checked
/// before anything is allocated; a product past `usize` counts as too many).
fn check_size(f: &Frame, count: usize, lookback: usize, width: usize) -> Result<()> {
    let values = count
        .checked_mul(lookback)
        .and_then(|v| v.checked_mul(width));
    if values.is_some_and(|v| v <= MAX_WINDOW_VALUES) {
        return Ok(());
    }
    let shown = values.map_or_else(|| "too many".to_string(), |v| v.to_string());
    Err(Error::data(&f.table.name, format!(
        "data.window: the {} part makes {count} windows × lookback {lookback} × {width} features = {shown} values, more than the {MAX_WINDOW_VALUES} a session can hold; lower data.window.lookback, list fewer data.features, or use a shorter series",
        f.part.unwrap_or("new"))))
}

impl Transform for WindowConfig {
    /// With targets (preparing): every window whose target lies inside the part, `y` the target
    /// `horizon` rows after it. Without (new data): every window, each sample's row its last step.
    fn transform(&self, f: &mut Frame) -> Result<()> {
        let (lookback, need) = (self.lookback, self.lookback + self.horizon);
        f.matrix()?;
        let series = f.matrix.take().expect("assembled");
        let len = series.nrows();
        let count = match &f.y {
            Some(_) => (len + 1).saturating_sub(need),
            None if len < lookback => {
                return Err(Error::data(&f.table.name, format!(
                    "the series has {len} usable rows; the model looks back {lookback} rows — use a longer series")));
            }
            None => len - lookback + 1,
        };
        check_size(f, count, lookback, series.ncols())?;
        if let Some(y) = &f.y {
            if count == 0 && len > 0 {
                f.warnings.push(format!(
                    "the {} part has {len} rows, too few for one window of {need}; it is empty",
                    f.part.unwrap_or("new")
                ));
            }
            f.y = Some(Array2::from_shape_fn((count, 1), |(k, _)| {
                y[[k + need - 1, 0]]
            }));
        }
        f.sequences = Some(windows(&series, lookback, 0..count));
        f.rows = (0..count).map(|k| f.rows[k + lookback - 1]).collect();
        Ok(())
    }

    fn check(&self, file: &str, path: &str, shape: Shape) -> Result<Shape> {
        let width = numeric_width(file, path, "window", &shape)?;
        if !(1..=MAX_LOOKBACK).contains(&self.lookback)
            || !(1..=MAX_HORIZON).contains(&self.horizon)
        {
            return Err(Error::data(file, format!(
                "{path} must look back 1 to {MAX_LOOKBACK} rows and ahead 1 to {MAX_HORIZON}; the file is damaged")));
        }
        Ok(Shape::Sequences(width))
    }
}
