//! A check file for an exported model: rows of a CSV as the exported graph takes them (encoded,
//! filled, not scaled) and what Kindling predicts for them, so any runtime can be compared with
//! Kindling (`kindling export … --sample DATA.csv` writes it as `sample.json`).

use ndarray::Axis;
use serde_json::{json, Value};

use crate::data::step::FittedStep;
use crate::data::Table;
use crate::error::{Error, Result};
use crate::io::Model;

/// `{"rows", "input": {"shape", "data"}, "output": {"shape", "data"}}` for the first `max_rows`
/// samples of `table`: `input` the graph's input (`[rows, inputs]` or `[rows, lookback,
/// inputs]`, row-major), `output` Kindling's predictions `[rows, outputs]` (probabilities, or
/// values in the target's units), `rows` each sample's 0-based source row.
pub fn sample(model: &mut Model, table: &Table, max_rows: usize) -> Result<Value> {
    let mut unscaled = model.file.preprocessing.clone();
    unscaled
        .steps
        .retain(|s| !matches!(s, FittedStep::Scale(_)));
    let t = unscaled.transform(table)?;
    let predictions = model.predict(table)?;
    if predictions.rows != t.rows {
        return Err(Error::Model(format!(
            "{}: the graph's inputs cover {} rows but the predictions {}; this is a bug",
            table.name,
            t.rows.len(),
            predictions.rows.len()
        )));
    }
    let n = t.rows.len().min(max_rows);
    let x = t.x.slice_axis(Axis(0), (0..n).into());
    let mut shape = x.shape().to_vec();
    shape[0] = n;
    let outputs: Vec<f32> = predictions.values[..n].iter().flatten().copied().collect();
    Ok(json!({
        "rows": &t.rows[..n],
        "input": {"shape": shape, "data": x.iter().copied().collect::<Vec<f32>>()},
        "output": {"shape": [n, outputs.len() / n.max(1)], "data": outputs},
    }))
}
