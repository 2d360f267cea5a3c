//! Tables and settings the data-preparation tests share.

use kindling::data::{read_csv, Table};
use kindling::experiment::{DataConfig, Scale, SplitConfig, SplitMethod};
use ndarray::{Array2, Ix2};

/// A table read from CSV text (named `t.csv`).
pub fn table(text: &str) -> Table {
    read_csv("t.csv", text.as_bytes()).unwrap()
}

/// No scaling, a chronological split of (validation, test).
pub fn config(split: (f64, f64)) -> DataConfig {
    DataConfig {
        scale: Scale::None,
        split: SplitConfig {
            method: SplitMethod::Chronological,
            validation: split.0,
            test: split.1,
        },
        ..DataConfig::default()
    }
}

/// A 2-D copy of `a`.
pub fn x2(a: &ndarray::ArrayD<f32>) -> Array2<f32> {
    a.clone().into_dimensionality::<Ix2>().unwrap()
}
