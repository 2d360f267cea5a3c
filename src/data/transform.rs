//! Prediction time: a raw table → model inputs exactly as training made them, through the fitted
//! steps in order.

use ndarray::ArrayD;

use super::frame::Frame;
use super::pipeline::Preprocessing;
use super::plan::row_order;
use super::table::Table;
use crate::error::{Error, Result};

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
    /// model inputs with the fitted steps.
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
        let order_by = self.order_by.as_deref().filter(|o| table.column(o).is_ok());
        let mut frame = Frame::new(table, &self.features, row_order(table, order_by), None);
        for s in &self.steps {
            s.step().transform(&mut frame)?;
        }
        let (x, rows, warnings) = frame.into_x()?;
        Ok(Transformed { x, warnings, rows })
    }
}
