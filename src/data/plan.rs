//! What the experiment's `data` settings ask of a table: the target and task, the feature
//! columns, the date column that orders rows, the split, and the steps to fit, in order.

use super::exclude::all_but;
use super::select::Select;
use super::step::Step;
use super::table::{ColumnData, Table};
use super::window::{series_columns, series_split};
use crate::error::{Error, Result};
use crate::experiment::{DataConfig, Missing, SplitConfig, SplitMethod, Task, TextConfig};

/// The steps for one table, before fitting.
#[derive(Debug, Clone)]
pub struct Plan {
    pub target: String,
    pub task: Task,
    /// The feature columns, in input order (a series: the target first).
    pub features: Vec<String>,
    /// The date column rows are put in order by (chronological split and windows).
    pub order_by: Option<String>,
    pub split: SplitConfig,
    /// What the plan changed from the settings, for people.
    pub notes: Vec<String>,
    pub select: Select,
    /// Feature steps: impute (→ text) → one_hot (→ log → difference) → scale (→ window).
    pub steps: Vec<Step>,
    /// Target steps (regression): (impute (→ log → difference), for a series →) scale.
    pub target_steps: Vec<Step>,
}

impl Plan {
    /// The plan for `table` under `config`; settings the table cannot meet are errors.
    pub fn new(table: &Table, config: &DataConfig) -> Result<Plan> {
        let target = target_name(table, config);
        let task = resolve_task(table, &target, config.task)?;
        let (mut steps, mut target_steps) =
            (vec![Step::Impute(config.missing), Step::OneHot], vec![]);
        let (mut features, split, notes) = match &config.window {
            Some(w) => {
                let features = series_columns(table, config, &target, task)?;
                let (split, note) = series_split(&config.split);
                target_steps.push(Step::Impute(config.missing));
                let (log, difference) = config.transform.parts();
                let series = [(log, Step::Log), (difference, Step::Difference)];
                let series = series.into_iter().filter(|(on, _)| *on).map(|(_, s)| s);
                target_steps.extend(series.clone());
                steps.extend(series);
                steps.extend([Step::Scale(config.scale), Step::Window(w.clone())]);
                (features, split, note.into_iter().collect())
            }
            None => {
                steps.push(Step::Scale(config.scale));
                (
                    feature_names(table, config, &target)?,
                    config.split.clone(),
                    vec![],
                )
            }
        };
        if task == Task::Regression {
            target_steps.push(Step::Scale(config.scale));
        }
        features.shrink_to_fit();
        let is_text =
            |f: &String| matches!(table.column(f).map(|c| &c.data), Ok(ColumnData::Text(_)));
        if features.iter().any(is_text) {
            steps.insert(1, Step::Text(TextConfig::read(&config.text)?));
        }
        Ok(Plan {
            order_by: order_column(table, config),
            target,
            task,
            features,
            split,
            notes,
            select: Select {
                drop_missing: config.missing == Missing::Drop,
            },
            steps,
            target_steps,
        })
    }

    /// True for a time series (a window step): its rows stay together, gaps filled.
    pub fn is_series(&self) -> bool {
        self.steps.iter().any(|s| matches!(s, Step::Window(_)))
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

/// `auto` → classification for text and booleans, regression for numbers; dates cannot be targets.
fn resolve_task(table: &Table, target: &str, task: Task) -> Result<Task> {
    Ok(match (task, &table.column(target)?.data) {
        (_, ColumnData::Date(_)) => {
            return Err(Error::data(&table.name, format!("the target {target:?} holds dates; pick a column of numbers or classes as the target")))
        }
        (Task::Recommendation, _) => {
            return Err(Error::data(&table.name, "a recommendation task trains user and item embeddings, which the playground page cannot do yet: train it with the CLI (`kindling train EXPERIMENT.json`)"))
        }
        (Task::Auto, ColumnData::Numeric(_)) => Task::Regression,
        (Task::Auto, _) => Task::Classification,
        (t, _) => t,
    })
}

/// The feature columns: as given, or every column but the target, the date columns and those
/// `data.exclude` names.
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
        None => all_but(table, config, target)?,
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
    let chronological =
        config.window.is_some() || config.split.method == SplitMethod::Chronological;
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
        crate::sort::sort_indices(&mut order, &|a, b| {
            d[a].is_nan()
                .cmp(&d[b].is_nan())
                .then(d[a].total_cmp(&d[b]))
                .then(a.cmp(&b))
        });
    }
    order
}
