//! Missing values (impute): one fill per feature, fitted on the training rows (`data.missing`:
//! mean, median, most frequent or zero for numbers; the most frequent category for text), then
//! put into every gap. It also reads the table: numbers as numbers, text as categories.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::check::{length, misplaced, not_finite, Shape};
use super::frame::{fits_f32, Cells, Frame, Transform};
use super::missing::{describe_rows, fill_value};
use super::table::ColumnData;
use crate::error::Result;
use crate::experiment::Missing;

/// What fills a feature's gaps; written as a number, a string or `null` in the model file.
#[derive(Debug, Clone, PartialEq)]
pub enum Fill {
    /// A numeric feature's fill value.
    Number(f32),
    /// A text feature's fill category.
    Category(String),
    /// A text feature whose gaps stay empty (all zeros once one-hot encoded).
    Empty,
}

/// The fitted step: `fill[i]` for feature `i`.
#[derive(Debug, Clone, PartialEq)]
pub struct Impute {
    pub fill: Vec<Fill>,
}

impl Impute {
    /// Fits a fill per column of `train` (text columns: the most frequent category, the first in
    /// sorted order on a tie, none under `zero` and `drop`).
    pub fn fit(train: &Frame, missing: Missing) -> Result<Impute> {
        let mut fill = Vec::with_capacity(train.names.len());
        for name in train.names {
            let data = &train.table.column(name)?.data;
            fill.push(match data {
                // Missing text is a sentence without tokens.
                ColumnData::Text(_) => Fill::Empty,
                ColumnData::Categorical(v) => {
                    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
                    (train.rows.iter().filter_map(|&r| v[r].as_deref()))
                        .for_each(|c| *counts.entry(c).or_default() += 1);
                    let mode = (counts.iter().enumerate())
                        .max_by_key(|(i, (_, &n))| (n, usize::MAX - i))
                        .map(|(_, (c, _))| Fill::Category(c.to_string()));
                    (mode.filter(|_| !matches!(missing, Missing::Zero | Missing::Drop)))
                        .unwrap_or(Fill::Empty)
                }
                _ => {
                    let mut values: Vec<f64> = (train.rows.iter().filter_map(|&r| data.number(r)))
                        .filter(|&v| fits_f32(v))
                        .collect();
                    Fill::Number(fill_value(&mut values, missing))
                }
            });
        }
        Ok(Impute { fill })
    }
}

impl Transform for Impute {
    /// Reads each column and fills its gaps; for new data, says which cells were filled.
    fn transform(&self, f: &mut Frame) -> Result<()> {
        let mut filled = vec![];
        for (i, fill) in self.fill.iter().enumerate() {
            f.columns[i] = match fill {
                Fill::Number(v) => {
                    let mut x = f.read_numbers(i)?;
                    x.iter_mut()
                        .filter(|x| x.is_nan())
                        .for_each(|x| *x = *v as f64);
                    Cells::Numbers(x)
                }
                Fill::Category(c) => {
                    let mut t = f.read_text(i)?;
                    t.iter_mut()
                        .filter(|t| t.is_none())
                        .for_each(|t| *t = Some(c.clone()));
                    Cells::Text(t)
                }
                Fill::Empty => Cells::Text(f.read_text(i)?),
            };
            let data = &f.table.column(&f.names[i])?.data;
            let gaps: Vec<usize> = f
                .rows
                .iter()
                .copied()
                .filter(|&r| data.is_missing(r))
                .collect();
            if f.part.is_none() && !gaps.is_empty() {
                filled.push(format!(
                    "column {:?}: {} filled as in training (data.missing)",
                    f.names[i],
                    describe_rows(f.table, &gaps)
                ));
            }
        }
        f.warnings.extend(filled);
        Ok(())
    }

    fn check(&self, file: &str, path: &str, shape: Shape) -> Result<Shape> {
        let Shape::Raw(n) = shape else {
            return Err(misplaced(file, path, "impute"));
        };
        let path = format!("{path}.fill");
        length(file, &path, self.fill.len(), n)?;
        let mut kinds = Vec::with_capacity(n);
        for (i, f) in self.fill.iter().enumerate() {
            match f {
                Fill::Number(v) if !v.is_finite() => return Err(not_finite(file, &path, i, *v)),
                _ => kinds.push(matches!(f, Fill::Number(_)).then_some(1)),
            }
        }
        Ok(Shape::Columns(kinds))
    }
}

impl Serialize for Fill {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Fill::Number(v) => s.serialize_f32(*v),
            Fill::Category(c) => s.serialize_str(c),
            Fill::Empty => s.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for Fill {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(FillVisitor)
    }
}

struct FillVisitor;

impl Visitor<'_> for FillVisitor {
    type Value = Fill;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number, a category or null")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Fill, E> {
        Ok(Fill::Number(v as f32))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Fill, E> {
        Ok(Fill::Number(v as f32))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Fill, E> {
        Ok(Fill::Number(v as f32))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Fill, E> {
        Ok(Fill::Category(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> std::result::Result<Fill, E> {
        Ok(Fill::Empty)
    }
    fn visit_none<E: de::Error>(self) -> std::result::Result<Fill, E> {
        Ok(Fill::Empty)
    }
}
