//! Row selection (select): which rows become samples. Rows come in date order when the data has
//! one; while preparing, rows without a target are left out; with `data.missing: "drop"` rows
//! with a missing feature are dropped. A series keeps its rows (its gaps are filled) so that its
//! steps stay evenly spaced. Every warning about rows is written here.

use super::check::{misplaced, Shape};
use super::frame::{Frame, Transform};
use super::missing::{complete_rows, describe_rows};
use super::table::Table;
use crate::error::{Error, Result};

/// The fitted step: drop rows with a missing feature (`data.missing: "drop"`) or keep them.
#[derive(Debug, Clone, PartialEq)]
pub struct Select {
    pub drop_missing: bool,
}

/// The rows preparing uses, and what was said about the others.
pub struct Selected {
    pub rows: Vec<usize>,
    pub warnings: Vec<String>,
}

impl Select {
    /// The rows of `order` to prepare: those with a `target` (a `series` keeps them all) and,
    /// when dropping, every one of `features`.
    pub fn training_rows(
        &self,
        table: &Table,
        features: &[String],
        target: &str,
        order: &[usize],
        series: bool,
    ) -> Result<Selected> {
        let mut warnings = Vec::new();
        let names: Vec<&str> = features.iter().map(String::as_str).collect();
        if series {
            let (complete, gaps) = complete_rows(table, &names, order);
            if !gaps.is_empty() {
                warnings.push(match self.drop_missing {
                    true => dropped(table, &gaps),
                    false => format!(
                        "{} have missing values, filled as data.missing says",
                        describe_rows(table, &gaps)
                    ),
                });
            }
            let rows = if self.drop_missing {
                complete
            } else {
                order.to_vec()
            };
            return Ok(Selected { rows, warnings });
        }
        let (mut rows, no_target) = complete_rows(table, &[target], order);
        if !no_target.is_empty() {
            warnings.push(format!(
                "{} left out: the target {target:?} is missing",
                describe_rows(table, &no_target)
            ));
        }
        if self.drop_missing {
            let (complete, gaps) = complete_rows(table, &names, &rows);
            if !gaps.is_empty() {
                warnings.push(dropped(table, &gaps));
            }
            rows = complete;
        }
        if rows.is_empty() {
            return Err(Error::data(&table.name, "no rows are left after removing rows with missing values; choose another data.missing strategy or fill in the data"));
        }
        Ok(Selected { rows, warnings })
    }
}

/// "3 rows (lines 4, 9, 12) dropped: …".
fn dropped(table: &Table, gaps: &[usize]) -> String {
    format!(
        "{} dropped: they have missing values (data.missing: \"drop\")",
        describe_rows(table, gaps)
    )
}

impl Transform for Select {
    fn transform(&self, f: &mut Frame) -> Result<()> {
        if self.drop_missing {
            let names: Vec<&str> = f.names.iter().map(String::as_str).collect();
            let (keep, gaps) = complete_rows(f.table, &names, &f.rows);
            if !gaps.is_empty() {
                f.warnings.push(dropped(f.table, &gaps));
            }
            f.rows = keep;
        }
        Ok(())
    }

    fn check(&self, file: &str, path: &str, shape: Shape) -> Result<Shape> {
        match shape {
            Shape::Raw(_) => Ok(shape),
            _ => Err(misplaced(file, path, "select")),
        }
    }
}
