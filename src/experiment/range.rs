//! Range checks: the one wording of an out-of-range value, for every key of the document.

use crate::error::{Error, Result};

/// `v` within `lo..=hi`, or the error at `path`: `0 is out of range; use a value from 1 to 4096`.
pub fn range<T: PartialOrd + std::fmt::Display>(path: &str, v: T, lo: T, hi: T) -> Result<()> {
    if v >= lo && v <= hi {
        Ok(())
    } else {
        Err(Error::experiment(
            path,
            format!("{v} is out of range; use a value from {lo} to {hi}"),
        ))
    }
}

/// A finite `v` within `lo..=hi`, or the error at `path` (`NaN is not a number; …` too).
pub fn finite_range(path: &str, v: f64, lo: f64, hi: f64) -> Result<()> {
    if v.is_finite() {
        range(path, v, lo, hi)
    } else {
        Err(Error::experiment(
            path,
            format!("{v} is not a number; use a value from {lo} to {hi}"),
        ))
    }
}
