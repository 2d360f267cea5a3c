//! Setting the test rows aside before a search: the search only ever receives the development
//! table (train + validation rows), so it cannot choose by the test set.
//!
//! The test rows are exactly the ones `Session::new(experiment, table)` holds out, so the final
//! model, retrained by a plain session, is reported on rows no trial has seen.
//!
//! The development table lists the training rows, then the validation rows, in the order the
//! session has them, and trials split it chronologically at that boundary: a trial of the
//! unchanged experiment (the baseline) trains and validates on exactly the rows of the user's own
//! run, so it is that run, bit for bit, with the same validation loss.

use serde::Serialize;

use crate::data::{prepare, Column, ColumnData, Table};
use crate::error::{Error, Result};
use crate::experiment::{DataConfig, Experiment, Scale, SplitConfig, SplitMethod};
use crate::rng::Rng;

/// A hidden column holding each row's index, used to see where the split puts every row.
const ROW_ID: &str = "\u{0}kindling-row";

/// The table divided by the experiment's split.
#[derive(Debug, Clone)]
pub struct Holdout {
    /// Train + validation rows: all a search may see.
    pub dev: Table,
    /// Indices (into the full table) of the rows set aside for the final report.
    pub test_rows: Vec<usize>,
    /// How trials split `dev` into training and validation rows.
    pub split: SplitConfig,
}

/// Where the split of `experiment` puts the rows of `table`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowSplit {
    pub train: Vec<usize>,
    pub validation: Vec<usize>,
    pub test: Vec<usize>,
}

/// The rows a `Session` built from `experiment` and `table` trains, validates and tests on.
pub fn row_split(experiment: &Experiment, table: &Table) -> Result<RowSplit> {
    if experiment.data.window.is_some() {
        return Err(Error::experiment(
            "data.window",
            "search does not handle time-series windows yet; remove data.window to search",
        ));
    }
    let target = crate::data::plan::target_name(table, &experiment.data);
    // The row ids go first, so they are input 0 whatever the other features encode to; every
    // feature stays in, so rows dropped for missing values are dropped here too.
    let mut tagged = table.clone();
    tagged.columns.insert(
        0,
        Column {
            name: ROW_ID.into(),
            data: ColumnData::Numeric((0..table.rows).map(|i| i as f64).collect()),
        },
    );
    let features = experiment.data.features.as_ref().map(|f| {
        let mut all = vec![ROW_ID.to_string()];
        all.extend(f.iter().cloned());
        all
    });
    let config = DataConfig {
        target: Some(target),
        features,
        scale: Scale::None,
        ..experiment.data.clone()
    };
    // The same generator `Session::new` hands to `prepare`: the first fork of the seed.
    let prepared = prepare(&tagged, &config, &mut Rng::new(experiment.seed).fork())?;
    let ids = |x: &ndarray::ArrayD<f32>| x.outer_iter().map(|r| r[[0]] as usize).collect();
    Ok(RowSplit {
        train: ids(&prepared.x_train),
        validation: ids(&prepared.x_val),
        test: ids(&prepared.x_test),
    })
}

impl Holdout {
    /// Sets aside the test rows `experiment`'s split chooses.
    pub fn new(experiment: &Experiment, table: &Table) -> Result<Self> {
        let split = row_split(experiment, table)?;
        let mut test_rows = split.test;
        crate::sort::sort_numbers(&mut test_rows);
        let validation = split.validation.len();
        let mut dev_rows: Vec<usize> = split.train.into_iter().chain(split.validation).collect();
        // A chronological split sorts by the first date column: it keeps the session's order only
        // when the session's split was chronological too.
        let dated = table
            .columns
            .iter()
            .any(|c| matches!(c.data, ColumnData::Date(_)));
        let config = &experiment.data.split;
        let split = if !dated || config.method == SplitMethod::Chronological {
            SplitConfig {
                method: SplitMethod::Chronological,
                validation: validation as f64 / dev_rows.len().max(1) as f64,
                test: 0.0,
            }
        } else {
            // Dated rows split at random: the same fraction of validation rows, drawn anew.
            crate::sort::sort_numbers(&mut dev_rows);
            SplitConfig {
                method: config.method,
                validation: (config.validation / (1.0 - config.test)).min(0.9),
                test: 0.0,
            }
        };
        Ok(Holdout {
            dev: take_rows(table, &dev_rows),
            test_rows,
            split,
        })
    }

    /// The experiment trials run on the development table: no test split, and the validation
    /// rows of the user's split (see the module's note).
    pub fn experiment(&self, experiment: &Experiment) -> Experiment {
        let mut exp = experiment.clone();
        exp.data.split = self.split.clone();
        exp
    }
}

/// A table of the rows `idx` of `table`, in that order.
pub fn take_rows(table: &Table, idx: &[usize]) -> Table {
    fn pick<T: Clone>(v: &[T], idx: &[usize]) -> Vec<T> {
        idx.iter().map(|&i| v[i].clone()).collect()
    }
    let columns = table
        .columns
        .iter()
        .map(|c| Column {
            name: c.name.clone(),
            data: match &c.data {
                ColumnData::Numeric(v) => ColumnData::Numeric(pick(v, idx)),
                ColumnData::Categorical(v) => ColumnData::Categorical(pick(v, idx)),
                ColumnData::Text(v) => ColumnData::Text(pick(v, idx)),
                ColumnData::Boolean(v, w) => ColumnData::Boolean(pick(v, idx), *w),
                ColumnData::Date(v) => ColumnData::Date(pick(v, idx)),
            },
        })
        .collect();
    let mut out = table.clone();
    out.rows = idx.len();
    out.columns = columns;
    out.lines = pick(&table.lines, idx);
    out
}
