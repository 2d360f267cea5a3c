//! Raw table → model inputs with the fitted preprocessing (the model file's way back from a CSV).
//!
//! A minimal version of the data pipeline's API for today's `Preprocessing` (numeric features by
//! name, fill values, feature scaler, target scaler); the data pipeline's full version replaces it.

use ndarray::{Array2, ArrayD};

use super::prepare::Preprocessing;
use super::table::{ColumnData, Table};
use crate::error::{Error, Result};

/// At most this many warnings are listed; the last one says how many more there were.
const MAX_WARNINGS: usize = 20;

/// Model inputs made from a raw table.
#[derive(Debug, Clone)]
pub struct Transformed {
    /// `[rows, features]` scaled inputs, in the order of `Preprocessing::features`.
    pub x: ArrayD<f32>,
    /// What was filled in or left out, naming row and column, for people.
    pub warnings: Vec<String>,
    /// For each row of `x`, the table row (0-based data row) it came from.
    pub rows: Vec<usize>,
}

impl Preprocessing {
    /// Picks the features by name, fills missing cells with the fitted values and scales.
    /// Extra columns (the target too) are ignored; a missing or non-numeric feature is an error.
    pub fn transform(&self, table: &Table) -> Result<Transformed> {
        let mut x = Array2::zeros((table.rows, self.features.len()));
        let mut warnings = Vec::new();
        let mut filled = 0usize;
        for (j, name) in self.features.iter().enumerate() {
            let values = match &table.column(name)?.data {
                ColumnData::Numeric(v) => v,
                ColumnData::Categorical(v) => {
                    let (row, cell) = v
                        .iter()
                        .enumerate()
                        .find_map(|(i, c)| {
                            c.as_ref()
                                .filter(|c| c.parse::<f64>().is_err())
                                .map(|c| (i, c.clone()))
                        })
                        .unwrap_or_default();
                    return Err(Error::data(&table.name, format!(
                        "row {}, column {name:?}: {cell:?} is not a number; the model needs numbers in this column",
                        row + 2)));
                }
            };
            for (i, &v) in values.iter().enumerate() {
                x[[i, j]] = if v.is_nan() {
                    filled += 1;
                    if warnings.len() < MAX_WARNINGS {
                        warnings.push(format!(
                            "row {}, column {name:?}: missing, filled with {}",
                            i + 2,
                            self.fill[j]
                        ));
                    }
                    self.fill[j]
                } else {
                    v as f32
                };
            }
        }
        if filled > MAX_WARNINGS {
            warnings.push(format!(
                "… and {} more missing cells filled",
                filled - MAX_WARNINGS
            ));
        }
        self.scaler.transform(&mut x);
        Ok(Transformed {
            x: x.into_dyn(),
            warnings,
            rows: (0..table.rows).collect(),
        })
    }

    /// Maps regression outputs `[rows, outputs]` back to the target's original units in place
    /// (nothing to do for classification).
    pub fn inverse_target(&self, y: &mut Array2<f32>) {
        if let Some(ts) = &self.target_scaler {
            ts.inverse_transform(y);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::data::{prepare, read_csv};
    use crate::experiment::DataConfig;
    use crate::rng::Rng;

    #[test]
    fn transform_fills_scales_and_names_bad_cells() {
        let t = read_csv("t.csv", b"a,b,y\n1,10,p\n3,30,q\n5,50,p\n7,70,q\n").unwrap();
        let p = prepare(&t, &DataConfig::default(), &mut Rng::new(1))
            .unwrap()
            .preprocessing;
        let raw = read_csv("new.csv", b"b,a\n,1\n").unwrap();
        let out = p.transform(&raw).unwrap();
        let expect_a = (1.0 - p.scaler.offset[0]) / p.scaler.factor[0];
        let expect_b = (p.fill[1] - p.scaler.offset[1]) / p.scaler.factor[1];
        assert_eq!(out.x.as_slice().unwrap(), &[expect_a, expect_b]);
        assert_eq!(out.warnings.len(), 1);
        assert!(
            out.warnings[0].contains("row 2, column \"b\""),
            "{:?}",
            out.warnings
        );
        let bad = read_csv("bad.csv", b"a,b\n1,2\n2,oops\n").unwrap();
        let err = p.transform(&bad).unwrap_err().to_string();
        assert!(
            err.contains("row 3, column \"b\"") && err.contains("oops"),
            "{err}"
        );
        let err = p
            .transform(&read_csv("c.csv", b"a\n1\n").unwrap())
            .unwrap_err()
            .to_string();
        assert!(err.contains("no column \"b\""), "{err}");
    }
}
