//! Turning feature columns into model inputs: numbers as they are (booleans 0/1, dates their key),
//! text one-hot. Fitted on the training rows; serialisable for the model file.

use ndarray::{s, Array2};
use serde::{Deserialize, Serialize};

use super::missing::fill_value;
use super::table::{ColumnData, Table};
use crate::error::{Error, Result};
use crate::experiment::Missing;

/// Most categories a text feature may have (one input each).
pub const MAX_CATEGORIES: usize = 1000;

/// How one feature column becomes inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Encoder {
    /// One input: the number; missing cells become `fill`.
    Number { fill: f32 },
    /// One input per category (sorted); a missing cell becomes category `fill` (or all zeros);
    /// a category not seen in training becomes all zeros, with a warning.
    OneHot {
        categories: Vec<String>,
        fill: Option<usize>,
    },
}

impl Encoder {
    /// Fits the encoder of column `name` on the training `rows`.
    pub fn fit(table: &Table, name: &str, rows: &[usize], missing: Missing) -> Result<Encoder> {
        let data = &table.column(name)?.data;
        if let ColumnData::Categorical(v) = data {
            let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
            rows.iter()
                .filter_map(|&r| v[r].as_deref())
                .for_each(|c| *counts.entry(c).or_default() += 1);
            if counts.len() > MAX_CATEGORIES {
                return Err(Error::data(&table.name, format!(
                    "column {name:?} has {} different text values in the training rows, too many to one-hot encode (at most {MAX_CATEGORIES}); leave it out of data.features",
                    counts.len())));
            }
            let mode = counts
                .iter()
                .enumerate()
                .max_by_key(|(i, (_, &n))| (n, usize::MAX - i))
                .map(|(i, _)| i);
            let fill = mode.filter(|_| !matches!(missing, Missing::Zero | Missing::Drop));
            let categories = counts.into_keys().map(str::to_string).collect();
            return Ok(Encoder::OneHot { categories, fill });
        }
        let mut values: Vec<f64> = rows.iter().filter_map(|&r| data.number(r)).collect();
        Ok(Encoder::Number {
            fill: fill_value(&mut values, missing),
        })
    }

    /// How many inputs this encoder makes.
    pub fn width(&self) -> usize {
        match self {
            Encoder::Number { .. } => 1,
            Encoder::OneHot { categories, .. } => categories.len(),
        }
    }

    /// Input names: `name`, or `name=category` per category.
    pub fn input_names(&self, name: &str) -> Vec<String> {
        match self {
            Encoder::Number { .. } => vec![name.to_string()],
            Encoder::OneHot { categories, .. } => {
                categories.iter().map(|c| format!("{name}={c}")).collect()
            }
        }
    }

    /// Writes the inputs of `rows` into `out` (`[rows, width]`); returns the positions (in `rows`)
    /// whose cell could not be encoded (an unseen category, or text where a number belongs).
    fn encode(
        &self,
        data: &ColumnData,
        rows: &[usize],
        mut out: ndarray::ArrayViewMut2<f32>,
    ) -> Vec<usize> {
        let mut odd = Vec::new();
        for (i, &r) in rows.iter().enumerate() {
            match self {
                Encoder::Number { fill } => {
                    out[[i, 0]] = match data.number(r) {
                        Some(x) => x as f32,
                        None => {
                            if !data.is_missing(r) {
                                odd.push(i);
                            }
                            *fill
                        }
                    }
                }
                Encoder::OneHot { categories, fill } => {
                    let at = match data.text(r) {
                        None => *fill,
                        Some(t) => categories.binary_search(&t).ok().or_else(|| {
                            odd.push(i);
                            None
                        }),
                    };
                    if let Some(k) = at {
                        out[[i, k]] = 1.0;
                    }
                }
            }
        }
        odd
    }
}

/// One encoder per feature, each fitted on the training `rows`.
pub fn fit_encoders(
    table: &Table,
    features: &[String],
    rows: &[usize],
    missing: Missing,
) -> Result<Vec<Encoder>> {
    features
        .iter()
        .map(|f| Encoder::fit(table, f, rows, missing))
        .collect()
}

/// The inputs (`[rows, Σ widths]`) of `rows` of `table`, one block per feature, with a warning
/// per feature whose cells could not all be encoded.
pub fn encode_rows(
    table: &Table,
    features: &[String],
    encoders: &[Encoder],
    rows: &[usize],
) -> Result<(Array2<f32>, Vec<String>)> {
    let width = encoders.iter().map(Encoder::width).sum();
    let mut x = Array2::zeros((rows.len(), width));
    let mut warnings = Vec::new();
    let mut at = 0;
    for (name, enc) in features.iter().zip(encoders) {
        let data = &table.column(name)?.data;
        let odd = enc.encode(data, rows, x.slice_mut(s![.., at..at + enc.width()]));
        if let Some(&first) = odd.first() {
            let what = match enc {
                Encoder::Number { .. } => "are not numbers; they are treated as missing",
                Encoder::OneHot { .. } => {
                    "hold categories not seen in training; they are encoded as all zeros"
                }
            };
            warnings.push(format!(
                "column {name:?}: {} cells {what} (first: line {}, {:?})",
                odd.len(),
                table.line(rows[first]),
                data.text(rows[first]).unwrap_or_default()
            ));
        }
        at += enc.width();
    }
    Ok((x, warnings))
}
