//! What flows through the preprocessing steps: the samples (their source rows, in order), their
//! columns while steps fill and encode them, then the model inputs, and the targets when known.
//! [`Transform`] is what every fitted step does to a frame.

use ndarray::{s, Array2, Array3, ArrayD};

use super::check::Shape;
use super::missing::describe_rows;
use super::table::Table;
use crate::error::{Error, Result};

/// A fitted preprocessing step (impute, one-hot, scale, window, …).
pub trait Transform {
    /// Applies the step to `frame` (the warnings it has go to `frame.warnings`).
    fn transform(&self, frame: &mut Frame) -> Result<()>;

    /// Maps values `[samples, width]` this step made back to what it was given (a scaler's
    /// inverse; steps that cannot be undone leave them).
    fn inverse_transform(&self, _x: &mut Array2<f32>) {}

    /// Checks a step read from `file` at `path` against the `shape` the steps before it give;
    /// returns the shape after it.
    fn check(&self, file: &str, path: &str, shape: Shape) -> Result<Shape>;
}

/// One column between steps.
#[derive(Debug, Clone)]
pub enum Cells {
    /// Not read yet: the table's column, read as numbers when the inputs are assembled.
    Raw,
    /// A number per sample (NaN = missing).
    Numbers(Vec<f64>),
    /// A category per sample (`None` = missing).
    Text(Vec<Option<String>>),
    /// Inputs an encoder made, `[samples, width]`; scaling leaves them as they are.
    Encoded(Array2<f32>),
}

/// The samples of one pass through the steps.
pub struct Frame<'a> {
    pub table: &'a Table,
    /// The table columns the samples are made of, in input order.
    pub names: &'a [String],
    /// `"training"`, `"validation"` or `"test"` while preparing; `None` for new data.
    pub part: Option<&'static str>,
    /// The source row (0-based data row) of each sample; after a window, the row of its last step.
    pub rows: Vec<usize>,
    /// One entry per name until the inputs are assembled.
    pub columns: Vec<Cells>,
    /// The inputs `[samples, inputs]` once assembled (see [`Frame::matrix`]).
    pub matrix: Option<Array2<f32>>,
    /// Windows `[samples, lookback, features]`, once a window step made them.
    pub sequences: Option<Array3<f32>>,
    /// Per input: true when an encoder made it (set when the inputs are assembled).
    pub encoded: Vec<bool>,
    /// The targets `[samples, outputs]` while preparing; `None` for new data.
    pub y: Option<Array2<f32>>,
    /// What the steps changed or doubt, for people.
    pub warnings: Vec<String>,
}

/// Whether `v` stays finite as a model input (an f32).
pub fn fits_f32(v: f64) -> bool {
    (v as f32).is_finite()
}

impl<'a> Frame<'a> {
    /// The samples `rows` of `table`, made of the columns `names`, not read yet.
    pub fn new(
        table: &'a Table,
        names: &'a [String],
        rows: Vec<usize>,
        part: Option<&'static str>,
    ) -> Self {
        Frame {
            table,
            names,
            part,
            rows,
            columns: vec![Cells::Raw; names.len()],
            matrix: None,
            sequences: None,
            encoded: vec![],
            y: None,
            warnings: vec![],
        }
    }

    /// Column `i` as numbers (booleans 0/1, dates their key); a cell that is neither a number
    /// nor missing, or a number past f32's range (a model input of ±inf), counts as missing, with
    /// a warning naming its rows.
    pub fn read_numbers(&mut self, i: usize) -> Result<Vec<f64>> {
        let table: &'a Table = self.table;
        let data = &table.column(&self.names[i])?.data;
        let (mut odd, mut huge) = (vec![], vec![]);
        let v = (self.rows.iter().enumerate())
            .map(|(k, &r)| match data.number(r) {
                Some(v) if v.is_nan() || fits_f32(v) => v,
                Some(_) => {
                    huge.push(r);
                    f64::NAN
                }
                None => {
                    if !data.is_missing(r) {
                        odd.push(k);
                    }
                    f64::NAN
                }
            })
            .collect();
        self.odd_cells(i, &odd, "are not numbers; they are treated as missing");
        if !huge.is_empty() {
            self.warnings.push(format!(
                "column {:?}: {} hold numbers beyond ±3.4e38, more than the model's 32-bit numbers can take; they are treated as missing",
                self.names[i],
                describe_rows(table, &huge)
            ));
        }
        Ok(v)
    }

    /// Column `i` as categories (numbers and dates as they print, booleans `true`/`false`).
    pub fn read_text(&self, i: usize) -> Result<Vec<Option<String>>> {
        let data = &self.table.column(&self.names[i])?.data;
        Ok(self.rows.iter().map(|&r| data.text(r)).collect())
    }

    /// A warning for the cells of column `i` at positions `odd` (in `rows`) that are `what`.
    pub fn odd_cells(&mut self, i: usize, odd: &[usize], what: &str) {
        let Some(&first) = odd.first() else { return };
        let (name, row) = (&self.names[i], self.rows[first]);
        let cell = (self.table.column(name).ok())
            .and_then(|c| c.data.text(row))
            .unwrap_or_default();
        self.warnings.push(format!(
            "column {name:?}: {} cells {what} (first: line {}, {cell:?})",
            odd.len(),
            self.table.line(row)
        ));
    }

    /// The inputs as one matrix `[samples, Σ widths]`, one block per column in order; assembled
    /// from the columns on first use (columns not read yet are read as numbers).
    pub fn matrix(&mut self) -> Result<&mut Array2<f32>> {
        if self.matrix.is_none() {
            let width = (self.columns.iter())
                .map(|c| match c {
                    Cells::Encoded(b) => b.ncols(),
                    _ => 1,
                })
                .sum();
            let mut x = Array2::zeros((self.rows.len(), width));
            let mut at = 0;
            for i in 0..self.columns.len() {
                let (w, encoded) = match std::mem::replace(&mut self.columns[i], Cells::Raw) {
                    Cells::Encoded(b) => {
                        x.slice_mut(s![.., at..at + b.ncols()]).assign(&b);
                        (b.ncols(), true)
                    }
                    Cells::Text(_) => {
                        return Err(Error::data(&self.table.name, format!(
                            "column {:?} holds text that no step encodes; the model file is damaged", self.names[i])))
                    }
                    cells => {
                        let v = match cells {
                            Cells::Numbers(v) => v,
                            _ => self.read_numbers(i)?,
                        };
                        (x.column_mut(at).iter_mut().zip(&v)).for_each(|(o, v)| *o = *v as f32);
                        (1, false)
                    }
                };
                self.encoded.extend(std::iter::repeat_n(encoded, w));
                at += w;
            }
            self.columns.clear();
            self.matrix = Some(x);
        }
        Ok(self.matrix.as_mut().expect("assembled above"))
    }

    /// The model inputs: the windows, or the matrix.
    pub fn into_x(mut self) -> Result<(ArrayD<f32>, Vec<usize>, Vec<String>)> {
        let x = match self.sequences.take() {
            Some(w) => w.into_dyn(),
            None => {
                self.matrix()?;
                self.matrix.take().expect("assembled").into_dyn()
            }
        };
        Ok((x, self.rows, self.warnings))
    }
}
