//! Advice before training: combinations the core accepts but that cannot learn well (softmax with
//! mse, softmax on a regression, sigmoid for 3+ classes, an LSTM without a window, …), each with a
//! stable code, a sentence for people and, when there is one, a fix the page applies with one click.
//! The CLI prints them as `warning:` lines; the page shows them in the layer editor. Shape rules are
//! not repeated here: building the model reports those (src/nn/build.rs).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::data::{plan::Plan, Table};
use crate::error::Result;
use crate::experiment::{DataConfig, Experiment, Task};

mod rules;

pub use rules::advise;

/// One piece of advice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    /// A stable id (`softmax_mse`): what pages and scripts key on (the page's translations too).
    pub code: &'static str,
    /// For people, in English (the CLI's `warning:` line).
    pub message: String,
    /// The figures in `message` by name (`layer`, `loss`, `classes`), for translations.
    pub params: BTreeMap<&'static str, Value>,
    /// The change that follows the advice, if there is one.
    pub fix: Option<Fix>,
}

/// A machine-applicable change to the experiment: set each `path` to its `value`, in order.
pub type Fix = Vec<Change>;

/// Set the experiment's key `path` (`model.layers[1].activation`, the key paths of error
/// messages) to `value` (JSON; `null` means the default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub path: String,
    pub value: Value,
}

impl Change {
    pub fn new(path: impl Into<String>, value: impl Into<Value>) -> Self {
        Change {
            path: path.into(),
            value: value.into(),
        }
    }
}

/// `x` as JSON through the text the core writes, so that f32s stay short (a dropout rate 0.2,
/// not 0.20000000298023224).
pub fn short_json<T: Serialize + ?Sized>(x: &T) -> Value {
    let text = serde_json::to_string(x).unwrap_or_default();
    crate::json::parse(&text).unwrap_or_default()
}

/// `path = value; path = value`, as the CLI prints a fix.
pub fn describe_fix(fix: &[Change]) -> String {
    let parts: Vec<String> = fix
        .iter()
        .map(|c| format!("{} = {}", c.path, c.value))
        .collect();
    parts.join("; ")
}

/// What advice needs to know of the data: the task (resolved from `auto`) and, for
/// classification, how many classes the target holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataSummary {
    pub task: Task,
    pub classes: Option<usize>,
}

impl DataSummary {
    /// The summary of `table` under `data`; errors are the data plan's (the session reports them).
    pub fn of(table: &Table, data: &DataConfig) -> Result<Self> {
        let plan = Plan::new(table, data)?;
        let classes = (plan.task == Task::Classification).then(|| {
            let column = &table.column(&plan.target)?.data;
            let mut seen = std::collections::HashSet::new();
            (0..table.rows)
                .filter_map(|r| column.text(r))
                .for_each(|v| {
                    seen.insert(v);
                });
            Ok::<usize, crate::Error>(seen.len())
        });
        Ok(DataSummary {
            task: plan.task,
            classes: classes.transpose()?,
        })
    }
}

/// The advice for `experiment` on `table` (none when the data plan fails: training reports that).
pub fn advise_on(experiment: &Experiment, table: &Table) -> Vec<Advice> {
    DataSummary::of(table, &experiment.data).map_or(vec![], |d| advise(experiment, &d))
}

#[cfg(test)]
mod tests;
