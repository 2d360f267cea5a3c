//! Both explanations of a model file on a table, as the JSON `kindling explain` prints and the
//! page's panels draw: permutation importance on the experiment's test rows, and integrated
//! gradients for one row of the table.

use ndarray::{arr2, ArrayD, Axis, IxDyn};
use serde_json::{json, Value};

use super::{integrated_gradients, permutation_importance, words};
use crate::data::{Preprocessing, Table};
use crate::error::{Error, Result};
use crate::experiment::{OutputMode, Task};
use crate::io::Model;

/// Settings of an explanation (`kindling explain` options; the page's defaults).
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Shuffles per input (1…100).
    pub repeats: usize,
    pub seed: u64,
    /// Points on the integrated-gradients path (1…1000).
    pub steps: usize,
    /// The table row (0-based, header excluded; for a window the sample ending there) to explain.
    pub row: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            repeats: 5,
            seed: 0,
            steps: 64,
            row: 0,
        }
    }
}

/// The names of the model's inputs along axis 1: `inputs`, or for a window one per lag
/// (`t-30` … `t-1`).
pub fn input_names(pre: &Preprocessing) -> Vec<String> {
    match pre.window() {
        Some(w) => (1..=w.lookback).rev().map(|k| format!("t-{k}")).collect(),
        None => pre.inputs.clone(),
    }
}

/// `{"importance": {...}, "explanation": {...}}` for `model` on `table` (the data it was
/// trained on: importance needs its test rows).
pub fn explain(model: &mut Model, table: &Table, s: Settings) -> Result<Value> {
    Ok(
        json!({"importance": importance(model, table, s)?, "explanation": attribution(model, table, s)?}),
    )
}

/// Permutation importance on the experiment's test rows of `table`, inputs by name.
pub fn importance(model: &mut Model, table: &Table, s: Settings) -> Result<Value> {
    let data = crate::compress::prepared(&model.file, table)?;
    if data.y_test.nrows() < 2 {
        return Err(Error::data(
            table.name.as_str(),
            "importance needs at least 2 test rows; give data.split.test a larger fraction",
        ));
    }
    let imp = permutation_importance(
        model.network_mut(),
        &data.x_test,
        &data.y_test,
        s.repeats,
        s.seed,
    );
    let names = input_names(&model.file.preprocessing);
    let inputs: Vec<Value> = names
        .iter()
        .zip(imp.mean.iter().zip(&imp.sd))
        .map(|(n, (m, sd))| json!({"name": n, "mean": m, "sd": sd}))
        .collect();
    Ok(
        json!({"metric": "loss", "loss": imp.loss, "rows": data.y_test.nrows(), "repeats": imp.repeats, "seed": imp.seed, "inputs": inputs}),
    )
}

/// Integrated gradients for row `s.row` of `table`, from the all-zero model input (after scaling:
/// the training rows' mean with standard scaling, their minimum with min-max), for the predicted
/// class, or the value (in the target's units) of a regression. A model reading text explains
/// its words too (`tokens`, src/explain/words.rs): token ids along the embedding's output from
/// zero vectors, `multi_hot`/`tf_idf` from the empty sentence's inputs.
pub fn attribution(model: &mut Model, table: &Table, s: Settings) -> Result<Value> {
    let pre = model.file.preprocessing.clone();
    let t = pre.transform(table)?;
    let Some(i) = t.rows.iter().position(|&r| r == s.row) else {
        return Err(Error::data(table.name.as_str(), format!(
            "row {} cannot be explained: the table has {} usable rows (0-based, header excluded{}); choose another row",
            s.row, t.rows.len(), if pre.window().is_some() { "; a window needs its lookback rows before it" } else { "" })));
    };
    let x = t.x.index_axis(Axis(0), i).to_owned();
    let p = model.network_mut().predict(&x.clone().insert_axis(Axis(0)));
    let output = match pre.task {
        Task::Classification => crate::metrics::argmax(p.row(0)),
        _ => 0,
    };
    let (net, steps) = (model.network_mut(), s.steps.clamp(1, 1000));
    let ids = pre.text().is_some_and(|t| t.output_mode == OutputMode::Int);
    let mut a = match ids.then(|| words::embedding_gradients(net, &x, output, steps)) {
        Some(Some(a)) => a,
        _ if pre.text().is_some() && x.ndim() == 1 => {
            let baseline = words::bag_baseline(&pre, x.len());
            integrated_gradients(net, &x, &baseline, output, steps)
        }
        _ => integrated_gradients(net, &x, &ArrayD::zeros(IxDyn(x.shape())), output, steps),
    };
    let label = match &pre.classes {
        Some(c) => c.get(output).cloned().unwrap_or_default(),
        None => pre.target.clone(),
    };
    if pre.task != Task::Classification {
        // The target's steps are affine: scale the attributions by their slope.
        let mut ends = arr2(&[[0.0f32], [1.0], [a.value], [a.baseline_value]]);
        pre.inverse_target(&mut ends);
        let slope = ends[[1, 0]] - ends[[0, 0]];
        a.attributions.iter_mut().for_each(|v| *v *= slope);
        (a.value, a.baseline_value) = (ends[[2, 0]], ends[[3, 0]]);
    }
    let tokens = words::words(&pre, table, s.row, &a.attributions);
    Ok(
        json!({"row": s.row, "output": label, "class": output, "value": a.value, "baseline_value": a.baseline_value,
              "steps": steps, "shape": x.shape(), "names": input_names(&pre),
              "inputs": x.iter().collect::<Vec<_>>(), "attributions": a.attributions, "tokens": tokens}),
    )
}
