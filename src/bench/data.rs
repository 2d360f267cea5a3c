//! Benchmark data exactly as ../shared/bench/WORKLOADS.md defines it: the digits split (W1) and
//! the synthetic LCG regression (W3). PLACEHOLDER: the `core` branch's src/bench replaces it.

use ndarray::{Array2, Axis};

use crate::data::read_csv;
use crate::data::table::{ColumnData, Table};
use crate::error::{Error, Result};

/// Standardised train/test features `[rows, 64]` and one-hot labels `[rows, 10]`.
pub struct Digits {
    pub x_train: Array2<f32>,
    pub y_train: Array2<f32>,
    pub x_test: Array2<f32>,
    pub y_test: Array2<f32>,
}

/// The bytes of `name` among `files`, or an error saying which file the workload needs.
pub fn file<'a>(files: &[(&str, &'a [u8])], name: &str, workload: &str) -> Result<&'a [u8]> {
    files
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, b)| *b)
        .ok_or_else(|| {
            Error::data(
                name,
                format!("{workload} needs this file; pass it with the others"),
            )
        })
}

fn numeric<'t>(table: &'t Table, name: &str) -> Result<&'t [f64]> {
    match &table.column(name)?.data {
        ColumnData::Numeric(v) => Ok(v),
        ColumnData::Categorical(_) => Err(Error::data(
            &table.name,
            format!("column {name} must be numeric"),
        )),
    }
}

/// Reads `digits.csv` and `digits_split.csv`, splits on `is_test`, standardises with the train
/// rows' mean and population std (std 0 → 1).
pub fn digits(files: &[(&str, &[u8])]) -> Result<Digits> {
    let table = read_csv("digits.csv", file(files, "digits.csv", "W1")?)?;
    let split = read_csv("digits_split.csv", file(files, "digits_split.csv", "W1")?)?;
    let is_test = numeric(&split, "is_test")?;
    if split.rows != table.rows {
        return Err(Error::data(
            "digits_split.csv",
            format!(
                "has {} rows but digits.csv has {}; use the pair from shared/data",
                split.rows, table.rows
            ),
        ));
    }
    let label = numeric(&table, "label")?;
    let pixels: Vec<&[f64]> = (0..64)
        .map(|j| numeric(&table, &format!("p{j}")))
        .collect::<Result<_>>()?;
    let x = Array2::from_shape_fn((table.rows, 64), |(i, j)| pixels[j][i] as f32);
    let mut y = Array2::zeros((table.rows, 10));
    for (i, &l) in label.iter().enumerate() {
        if !(0.0..10.0).contains(&l) || l.fract() != 0.0 {
            return Err(Error::data(
                "digits.csv",
                format!("row {}: label {l} is not a digit 0..9", i + 2),
            ));
        }
        y[(i, l as usize)] = 1.0;
    }
    let test: Vec<usize> = (0..table.rows).filter(|&i| is_test[i] == 1.0).collect();
    let train: Vec<usize> = (0..table.rows).filter(|&i| is_test[i] != 1.0).collect();
    let (mut x_train, mut x_test) = (x.select(Axis(0), &train), x.select(Axis(0), &test));
    let mean = x_train.mean_axis(Axis(0)).expect("train rows exist");
    let std = x_train
        .std_axis(Axis(0), 0.0)
        .mapv(|s| if s == 0.0 { 1.0 } else { s });
    for m in [&mut x_train, &mut x_test] {
        *m -= &mean;
        *m /= &std;
    }
    Ok(Digits {
        x_train,
        y_train: y.select(Axis(0), &train),
        x_test,
        y_test: y.select(Axis(0), &test),
    })
}

/// W3's data: X `[20000, 100]` from the LCG, y `[20000, 1]` = (X·w)/10 in f64, stored as f32.
pub fn synthetic() -> (Array2<f32>, Array2<f32>) {
    let mut state: u32 = 12345;
    let mut next = move || {
        state = state.wrapping_mul(1664525).wrapping_add(1013904223);
        2.0 * ((state >> 8) as f64 / (1u32 << 24) as f64) - 1.0
    };
    let xs: Vec<f64> = (0..2_000_000).map(|_| next()).collect();
    let w: Vec<f64> = (0..100).map(|_| next()).collect();
    let y = Array2::from_shape_fn((20_000, 1), |(i, _)| {
        (xs[i * 100..(i + 1) * 100]
            .iter()
            .zip(&w)
            .map(|(a, b)| a * b)
            .sum::<f64>()
            / 10.0) as f32
    });
    let x = Array2::from_shape_vec((20_000, 100), xs.iter().map(|&v| v as f32).collect())
        .expect("2,000,000 draws");
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_matches_the_workload_checksums() {
        let (x, y) = synthetic();
        let sx: f64 = x.iter().map(|&v| v as f64).sum();
        let sy: f64 = y.iter().map(|&v| v as f64).sum();
        assert!((sx - -791.6617121696472).abs() < 1e-6, "ΣX = {sx}");
        assert!((sy - -73.85490847529218).abs() < 1e-9, "Σy = {sy}");
    }

    #[test]
    fn digits_split_and_standardised_like_the_workload() {
        let files = [
            ("digits.csv", crate::data::builtin::bytes("digits").unwrap()),
            (
                "digits_split.csv",
                &std::fs::read("www/data/digits_split.csv").unwrap()[..],
            ),
        ];
        let d = digits(&files).unwrap();
        assert_eq!((d.x_train.nrows(), d.x_test.nrows()), (1437, 360));
        let mean = d.x_train.mean_axis(Axis(0)).unwrap();
        assert!(mean.iter().all(|m| m.abs() < 1e-4), "train means are 0");
        assert_eq!(d.y_test.sum(), 360.0, "one label per test row");
    }

    #[test]
    fn a_missing_file_is_named() {
        let err = digits(&[]).err().unwrap().to_string();
        assert!(err.contains("digits.csv") && err.contains("W1"), "{err}");
    }
}
