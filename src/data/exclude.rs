//! `data.exclude` (Contract 1): the features as every column but the target, the date columns
//! and the names it lists — the short form of a wide table's `data.features`. Read by the plan
//! (src/data/plan.rs) and by a series' columns (src/data/window.rs).

use super::table::{Column, ColumnData, Table};
use crate::error::{Error, Result};
use crate::experiment::DataConfig;

/// Every column but `target`, the date columns and those `data.exclude` names, in table order;
/// an excluded name the table lacks is an error naming it and the columns there are.
pub fn all_but(table: &Table, config: &DataConfig, target: &str) -> Result<Vec<String>> {
    let left_out = config.exclude.as_deref().unwrap_or_default();
    if let Some(name) = left_out.iter().find(|n| table.column(n).is_err()) {
        return Err(Error::experiment("data.exclude", table.no_column(name)));
    }
    let kept = |c: &&Column| {
        c.name != target && !matches!(c.data, ColumnData::Date(_)) && !left_out.contains(&c.name)
    };
    Ok(table
        .columns
        .iter()
        .filter(kept)
        .map(|c| c.name.clone())
        .collect())
}
