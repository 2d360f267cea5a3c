//! Checks on fitted steps read from a file (a model file's `preprocessing`): every value finite,
//! every length matching, every step where its input is. Errors name the file and the place.

use crate::error::{Error, Result};

/// What the steps so far make of the samples, as far as checking the next step needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// `n` columns not read yet (read as numbers if no step reads them).
    Raw(usize),
    /// Per column: `Some(width)` numeric inputs, `None` text no step has encoded yet.
    Columns(Vec<Option<usize>>),
    /// One input matrix `[samples, width]`.
    Matrix(usize),
    /// Windows `[samples, lookback, width]`.
    Sequences(usize),
}

impl Shape {
    /// How many inputs the samples have; `None` while a text column is not encoded.
    pub fn width(&self) -> Option<usize> {
        match self {
            Shape::Raw(n) | Shape::Matrix(n) | Shape::Sequences(n) => Some(*n),
            Shape::Columns(c) => c.iter().copied().sum(),
        }
    }
}

/// `path` holds a non-finite value (`1e39` reads as inf; NaN is written as `null`).
pub fn finite(file: &str, path: &str, values: &[f32]) -> Result<()> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(i) => Err(not_finite(file, path, i, values[i])),
        None => Ok(()),
    }
}

/// `path[i]` holds `v`, which is not finite.
pub fn not_finite(file: &str, path: &str, i: usize, v: f32) -> Error {
    Error::data(
        file,
        format!(
        "{path}[{i}] is {v}, not a finite number; the file is damaged, download the model again"),
    )
}

/// `path` has `len` values where `want` are needed.
pub fn length(file: &str, path: &str, len: usize, want: usize) -> Result<()> {
    if len == want {
        Ok(())
    } else {
        Err(Error::data(
            file,
            format!("{path} has {len} values but there are {want} features; the file is damaged"),
        ))
    }
}

/// The input width a matrix step at `path` gets: every column numeric (or still raw).
pub fn numeric_width(file: &str, path: &str, kind: &str, shape: &Shape) -> Result<usize> {
    if let Shape::Columns(c) = shape {
        if let Some(i) = c.iter().position(Option::is_none) {
            return Err(Error::data(file, format!(
                "{path}: feature {i} is still text here (its fill is not a number and no one_hot step encodes it); the file is damaged")));
        }
    }
    match shape {
        Shape::Sequences(_) => Err(misplaced(file, path, kind)),
        _ => Ok(shape.width().expect("every column is numeric")),
    }
}

/// A step at `path` that cannot take what the steps before it give.
pub fn misplaced(file: &str, path: &str, kind: &str) -> Error {
    Error::data(
        file,
        format!(
            "{path} (a {kind} step) cannot come after the steps before it; the file is damaged"
        ),
    )
}
