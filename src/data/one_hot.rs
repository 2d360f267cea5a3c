//! One-hot encoding: each text feature becomes one input per category of the training rows
//! (sorted), 1 for the sample's category; a category not seen in training is all zeros, with a
//! warning. Numeric features pass through.

use ndarray::Array2;

use super::check::{misplaced, Shape};
use super::frame::{Cells, Frame, Transform};
use crate::error::{Error, Result};

/// Most categories a text feature may have (one input each).
pub const MAX_CATEGORIES: usize = 1000;

/// The fitted step: per feature, its categories in input order, or `null` for a numeric one.
#[derive(Debug, Clone, PartialEq)]
pub struct OneHot {
    pub categories: Vec<Option<Vec<String>>>,
}

impl OneHot {
    /// The categories of each text column of `train` (filled already).
    pub fn fit(train: &Frame) -> Result<OneHot> {
        let mut categories = Vec::with_capacity(train.columns.len());
        for (cells, name) in train.columns.iter().zip(train.names) {
            let Cells::Text(t) = cells else {
                categories.push(None);
                continue;
            };
            let mut set: Vec<String> = t.iter().flatten().cloned().collect();
            crate::sort::sort_by(&mut set, String::cmp);
            set.dedup();
            if set.len() > MAX_CATEGORIES {
                return Err(Error::data(&train.table.name, format!(
                    "column {name:?} has {} different text values in the training rows, too many to one-hot encode (at most {MAX_CATEGORIES}); leave it out of data.features",
                    set.len())));
            }
            categories.push(Some(set));
        }
        Ok(OneHot { categories })
    }

    /// The input names of `features` after encoding: `name`, or `name=category` per category.
    pub fn input_names(&self, features: &[String]) -> Vec<String> {
        (features.iter().enumerate())
            .flat_map(|(i, name)| {
                self.input_names_of(i, name)
                    .unwrap_or_else(|| vec![name.clone()])
            })
            .collect()
    }

    /// Feature `i`'s input names, `name=category` per category, if it is one-hot encoded.
    pub fn input_names_of(&self, i: usize, name: &str) -> Option<Vec<String>> {
        let c = self.categories.get(i)?.as_ref()?;
        Some(c.iter().map(|c| format!("{name}={c}")).collect())
    }
}

impl Transform for OneHot {
    fn transform(&self, f: &mut Frame) -> Result<()> {
        for (i, categories) in self.categories.iter().enumerate() {
            let (Some(categories), Cells::Text(cells)) = (categories, &f.columns[i]) else {
                continue;
            };
            let mut x = Array2::zeros((cells.len(), categories.len()));
            let mut unseen = vec![];
            for (k, cell) in cells.iter().enumerate() {
                let Some(t) = cell else { continue };
                match categories.binary_search(t) {
                    Ok(at) => x[[k, at]] = 1.0,
                    Err(_) => unseen.push(k),
                }
            }
            f.odd_cells(
                i,
                &unseen,
                "hold categories not seen in training; they are encoded as all zeros",
            );
            f.columns[i] = Cells::Encoded(x);
        }
        Ok(())
    }

    fn check(&self, file: &str, path: &str, shape: Shape) -> Result<Shape> {
        let Shape::Columns(mut kinds) = shape else {
            return Err(misplaced(file, path, "one_hot"));
        };
        super::check::length(
            file,
            &format!("{path}.categories"),
            self.categories.len(),
            kinds.len(),
        )?;
        for (i, c) in self.categories.iter().enumerate() {
            let Some(c) = c else { continue };
            if kinds[i].is_some() || c.is_empty() || c.len() > MAX_CATEGORIES {
                return Err(Error::data(file, format!(
                    "{path}.categories[{i}] must list 1 to {MAX_CATEGORIES} categories of a text feature; the file is damaged")));
            }
            kinds[i] = Some(c.len());
        }
        Ok(Shape::Columns(kinds))
    }
}
