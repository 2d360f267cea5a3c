//! Prediction time: a raw table → model inputs exactly as training made them, and model outputs
//! back to the target's units.

use ndarray::{Array2, ArrayD};

use super::encode::encode_rows;
use super::missing::{complete_rows, describe_rows};
use super::prepare::{row_order, Preprocessing};
use super::table::Table;
use super::window::windows;
use crate::error::{Error, Result};
use crate::experiment::Missing;

/// Model inputs for a table, with what was changed on the way.
#[derive(Debug, Clone)]
pub struct Transformed {
    /// `[samples, inputs]`, or `[samples, lookback, features]` for a window.
    pub x: ArrayD<f32>,
    /// Unseen categories, non-numbers, dropped rows: for people.
    pub warnings: Vec<String>,
    /// The source row (0-based, header excluded) of each sample; for a window, the row of its
    /// last step (the prediction is `horizon` rows after it).
    pub rows: Vec<usize>,
}

impl Preprocessing {
    /// Turns `table` (a CSV with at least the feature columns; the target may be absent) into
    /// model inputs with the fitted encoders and scaler.
    pub fn transform(&self, table: &Table) -> Result<Transformed> {
        let missing: Vec<&str> = self
            .features
            .iter()
            .filter(|f| table.column(f).is_err())
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            let have: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
            return Err(Error::data(&table.name, format!(
                "the model needs the column(s) {} but the file has {}; use a CSV with the training columns",
                missing.join(", "), have.join(", "))));
        }
        let order = row_order(
            table,
            self.order_by.as_deref().filter(|o| table.column(o).is_ok()),
        );
        let mut warnings = Vec::new();
        let rows = if self.missing == Missing::Drop {
            let names: Vec<&str> = self.features.iter().map(String::as_str).collect();
            let (keep, gaps) = complete_rows(table, &names, &order);
            if !gaps.is_empty() {
                warnings.push(format!(
                    "{} dropped: they have missing values (data.missing: \"drop\")",
                    describe_rows(table, &gaps)
                ));
            }
            keep
        } else {
            order
        };
        let (mut x, w) = encode_rows(table, &self.features, &self.encoders, &rows)?;
        warnings.extend(w);
        warnings.extend(self.filled_warnings(table, &rows));
        self.scaler.transform(&mut x);
        let Some(win) = &self.window else {
            return Ok(Transformed {
                x: x.into_dyn(),
                warnings,
                rows,
            });
        };
        if rows.len() < win.lookback {
            return Err(Error::data(
                &table.name,
                format!(
                "the series has {} usable rows; the model looks back {} rows — use a longer series",
                rows.len(), win.lookback),
            ));
        }
        let starts = 0..rows.len() - win.lookback + 1;
        let ends = starts.clone().map(|i| rows[i + win.lookback - 1]).collect();
        Ok(Transformed {
            x: windows(&x, win.lookback, starts).into_dyn(),
            warnings,
            rows: ends,
        })
    }

    /// One warning per feature whose missing cells among `rows` were filled with the training fill.
    fn filled_warnings(&self, table: &Table, rows: &[usize]) -> Vec<String> {
        let mut out = Vec::new();
        for name in &self.features {
            let Ok(column) = table.column(name) else {
                continue;
            };
            let gaps: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&r| column.data.is_missing(r))
                .collect();
            if !gaps.is_empty() {
                out.push(format!(
                    "column {name:?}: {} filled as in training (data.missing)",
                    describe_rows(table, &gaps)
                ));
            }
        }
        out
    }

    /// Maps regression outputs `y` (`[samples, 1]`) back to the target's units; classification
    /// outputs are left as they are.
    pub fn inverse_target(&self, y: &mut Array2<f32>) {
        if let Some(ts) = &self.target_scaler {
            ts.inverse_transform(y);
        }
    }
}
