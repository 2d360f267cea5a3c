//! Predictions on raw rows, and the predictions CSV (safe to open in a spreadsheet).

use ndarray::Array2;
use serde::Serialize;

use crate::data::{ColumnData, Preprocessing, Table};
use crate::experiment::Task;
use crate::metrics::argmax;

/// One prediction per input row: a class with its probabilities, or values in original units.
#[derive(Debug, Clone, Serialize)]
pub struct Predictions {
    pub task: Task,
    pub target: String,
    pub classes: Option<Vec<String>>,
    /// The predicted class name per row (classification only).
    pub labels: Option<Vec<String>>,
    /// `[rows, outputs]`: class probabilities, or the predicted values in the target's units.
    pub values: Vec<Vec<f32>>,
    /// The table row (0-based data row) each prediction belongs to.
    pub rows: Vec<usize>,
    pub warnings: Vec<String>,
}

impl Predictions {
    /// Wraps model outputs `[rows, outputs]` (already in original units).
    pub fn new(
        pre: &Preprocessing,
        values: Array2<f32>,
        rows: Vec<usize>,
        warnings: Vec<String>,
    ) -> Self {
        let labels = pre.classes.as_ref().map(|c| {
            values
                .rows()
                .into_iter()
                .map(|r| c[argmax(r)].clone())
                .collect()
        });
        Predictions {
            task: pre.task,
            target: pre.target.clone(),
            classes: pre.classes.clone(),
            labels,
            values: values.rows().into_iter().map(|r| r.to_vec()).collect(),
            rows,
            warnings,
        }
    }

    /// The header of the prediction columns: `predicted_TARGET` and, for classes,
    /// `probability_CLASS` per class (or `predicted_TARGET_k` per extra regression output).
    pub fn header(&self) -> Vec<String> {
        let mut h = vec![format!("predicted_{}", self.target)];
        match &self.classes {
            Some(c) => h.extend(c.iter().map(|c| format!("probability_{c}"))),
            None => h.extend(
                (1..self.values.first().map_or(1, Vec::len))
                    .map(|k| format!("predicted_{}_{}", self.target, k + 1)),
            ),
        }
        h
    }

    /// Prediction cells of row `i`: the class name then probabilities, or the values.
    pub fn cells(&self, i: usize) -> Vec<String> {
        let values = self.values[i].iter().map(|v| v.to_string());
        match &self.labels {
            Some(l) => std::iter::once(l[i].clone()).chain(values).collect(),
            None => values.collect(),
        }
    }

    /// The input table's columns followed by the prediction columns, as CSV text. The input
    /// cells are `source`'s (the file's own text, from `data::reader::source_rows`). Every cell
    /// that a spreadsheet would run as a formula (`= + - @`, tab, CR) is prefixed with `'`, except
    /// the numbers of numeric columns (`-5` stays a number).
    pub fn to_csv(&self, table: &Table, source: &[Vec<String>]) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let header = table
            .columns
            .iter()
            .map(|c| c.name.clone())
            .chain(self.header());
        w.write_record(header.map(|h| escape_formula(&h)))
            .expect("writes to memory");
        for (i, &row) in self.rows.iter().enumerate() {
            let inputs = table
                .columns
                .iter()
                .zip(&source[row])
                .map(|(c, text)| match &c.data {
                    ColumnData::Numeric(v) if !v[row].is_nan() => text.clone(),
                    _ => escape_formula(text),
                });
            let out = self.cells(i).into_iter().map(|c| escape_formula(&c));
            w.write_record(inputs.chain(out)).expect("writes to memory");
        }
        String::from_utf8(w.into_inner().expect("flushes to memory")).expect("UTF-8 in, UTF-8 out")
    }
}

/// Prefixes `'` to text a spreadsheet would treat as a formula (CSV injection).
pub fn escape_formula(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_escaped_and_plain_text_is_not() {
        assert_eq!(escape_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(escape_formula("+1"), "'+1");
        assert_eq!(escape_formula("-cmd"), "'-cmd");
        assert_eq!(escape_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(escape_formula("setosa"), "setosa");
    }
}
