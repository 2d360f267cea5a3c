//! The target column as training labels: class indices with their names, or numbers.

use ndarray::Array2;

use super::table::{ColumnData, Table};
use crate::error::{Error, Result};
use crate::experiment::Task;

/// Most classes a classification target may have.
pub const MAX_CLASSES: usize = 1000;

/// Labels (classification), class names, and `y` (`[rows, classes]` one-hot or `[rows, 1]`).
pub type Target = (Option<Vec<usize>>, Option<Vec<String>>, Array2<f32>);

/// Encodes the target `name` of `rows` (which all hold a value) for `task`.
pub fn encode_target(table: &Table, name: &str, task: Task, rows: &[usize]) -> Result<Target> {
    let data = &table.column(name)?.data;
    if task != Task::Classification {
        if let ColumnData::Categorical(_) | ColumnData::Text(_) = data {
            return Err(Error::data(&table.name, format!(
                "the target {name:?} is not numeric, so it cannot be a regression target; set data.task to \"classification\"")));
        }
        let y = Array2::from_shape_fn((rows.len(), 1), |(i, _)| {
            data.number(rows[i]).unwrap_or(f64::NAN) as f32
        });
        return Ok((None, None, y));
    }
    let keys: Vec<String> = rows
        .iter()
        .map(|&r| data.text(r).unwrap_or_default())
        .collect();
    let mut classes = keys.clone();
    crate::sort::sort_by(&mut classes, String::cmp);
    classes.dedup();
    if classes.iter().all(|c| c.parse::<f64>().is_ok()) {
        // Ties ("1" and "1.0") keep the text order: a total order, so unstable = stable.
        crate::sort::sort_by(&mut classes, |a, b| {
            let num = |s: &String| s.parse::<f64>().unwrap();
            num(a).total_cmp(&num(b)).then(a.cmp(b))
        });
    }
    if classes.len() < 2 {
        return Err(Error::data(&table.name, format!(
            "the target {name:?} has a single class ({:?}); classification needs at least two — pick another target column",
            classes.first().map_or("", String::as_str))));
    }
    if classes.len() > MAX_CLASSES {
        return Err(Error::data(&table.name, format!(
            "the target {name:?} has {} classes (at most {MAX_CLASSES}); if it is a quantity, set data.task to \"regression\"",
            classes.len())));
    }
    let index: std::collections::HashMap<&str, usize> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let labels: Vec<usize> = keys.iter().map(|k| index[k.as_str()]).collect();
    let mut y = Array2::zeros((labels.len(), classes.len()));
    labels
        .iter()
        .enumerate()
        .for_each(|(i, &l)| y[[i, l]] = 1.0);
    Ok((Some(labels), Some(classes), y))
}
