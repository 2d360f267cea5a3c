//! Feature scaling (scale): fitted on the training rows only (standard: mean and population
//! std; minmax: to [0, 1]), then applied to any rows; inputs an encoder made stay as they are.

use ndarray::{Array2, ArrayView1, Axis};
use serde::{Deserialize, Serialize};

use super::check::{finite, length, numeric_width, Shape};
use super::frame::{Frame, Transform};
use crate::error::{Error, Result};
use crate::experiment::Scale;

/// A fitted per-column affine map `x' = (x - offset) / factor`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FittedScaler {
    pub offset: Vec<f32>,
    pub factor: Vec<f32>,
}

impl FittedScaler {
    /// Fits `kind` on `x` (`[rows, columns]`). A constant column gets factor 1 (no division by zero).
    pub fn fit(kind: Scale, x: &Array2<f32>) -> Self {
        let cols = x.ncols();
        let (offset, factor): (Vec<f32>, Vec<f32>) = match kind {
            Scale::None => (vec![0.0; cols], vec![1.0; cols]),
            Scale::Standard => {
                // f32 as always (the same bits as before); a column whose statistics overflow
                // f32 (values near 1e20 square past its range) is summarised in f64.
                let mean = x
                    .mean_axis(Axis(0))
                    .unwrap_or_else(|| ndarray::Array1::zeros(cols));
                let std = x.std_axis(Axis(0), 0.0);
                (0..cols)
                    .map(|c| match mean[c].is_finite() && std[c].is_finite() {
                        true => (mean[c], if std[c] > 1e-12 { std[c] } else { 1.0 }),
                        false => mean_std(x.column(c)),
                    })
                    .unzip()
            }
            Scale::Minmax => x
                .axis_iter(Axis(1))
                .map(|c| {
                    let lo = c.iter().copied().fold(f32::INFINITY, f32::min);
                    let hi = c.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                    let span = hi - lo;
                    (
                        if lo.is_finite() { lo } else { 0.0 },
                        if span > 1e-12 && span.is_finite() {
                            span
                        } else {
                            1.0
                        },
                    )
                })
                .unzip(),
        };
        FittedScaler { offset, factor }
    }

    /// Fits `kind` on the inputs of `train`, leaving the inputs an encoder made (one-hot) as
    /// they are (offset 0, factor 1).
    pub fn fit_inputs(kind: Scale, train: &mut Frame) -> Result<Self> {
        let mut s = Self::fit(kind, train.matrix()?);
        for (i, _) in train.encoded.iter().enumerate().filter(|(_, &e)| e) {
            (s.offset[i], s.factor[i]) = (0.0, 1.0);
        }
        Ok(s)
    }

    /// Scales `x` (`[rows, columns]`) in place.
    pub fn scale(&self, x: &mut Array2<f32>) {
        for mut row in x.rows_mut() {
            for ((v, o), f) in row.iter_mut().zip(&self.offset).zip(&self.factor) {
                *v = (*v - o) / f;
            }
        }
    }

    /// Undoes [`scale`](Self::scale) in place.
    pub fn unscale(&self, x: &mut Array2<f32>) {
        for mut row in x.rows_mut() {
            for ((v, o), f) in row.iter_mut().zip(&self.offset).zip(&self.factor) {
                *v = *v * f + o;
            }
        }
    }

    /// Finite offsets, finite non-zero factors, `width` of each (`path` names them in messages).
    pub fn check_values(&self, file: &str, path: &str, width: usize) -> Result<()> {
        length(file, &format!("{path}.offset"), self.offset.len(), width)?;
        length(file, &format!("{path}.factor"), self.factor.len(), width)?;
        finite(file, &format!("{path}.offset"), &self.offset)?;
        finite(file, &format!("{path}.factor"), &self.factor)?;
        match self.factor.iter().position(|f| *f == 0.0) {
            Some(i) => Err(Error::data(
                file,
                format!("{path}.factor[{i}] is 0; the file is damaged"),
            )),
            None => Ok(()),
        }
    }
}

/// The mean and population std of one column, computed in f64 (values near 1e20 square past
/// f32's range); a constant or non-finite std gets factor 1 (no division by zero).
fn mean_std(column: ArrayView1<f32>) -> (f32, f32) {
    let n = column.len().max(1) as f64;
    let mean = column.iter().map(|&v| f64::from(v)).sum::<f64>() / n;
    let var = column
        .iter()
        .map(|&v| (f64::from(v) - mean).powi(2))
        .sum::<f64>()
        / n;
    let std = var.sqrt() as f32;
    let factor = if std > 1e-12 && std.is_finite() {
        std
    } else {
        1.0
    };
    (if column.is_empty() { 0.0 } else { mean as f32 }, factor)
}

impl Transform for FittedScaler {
    fn transform(&self, f: &mut Frame) -> Result<()> {
        self.scale(f.matrix()?);
        Ok(())
    }

    fn inverse_transform(&self, x: &mut Array2<f32>) {
        self.unscale(x);
    }

    fn check(&self, file: &str, path: &str, shape: Shape) -> Result<Shape> {
        let width = numeric_width(file, path, "scale", &shape)?;
        self.check_values(file, path, width)?;
        Ok(Shape::Matrix(width))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn standard_uses_population_std_and_guards_constant_columns() {
        let x = array![[1.0f32, 5.0], [3.0, 5.0]];
        let s = FittedScaler::fit(Scale::Standard, &x);
        assert_eq!(s.offset, vec![2.0, 5.0]);
        assert_eq!(s.factor, vec![1.0, 1.0]);
        let mut y = x.clone();
        s.scale(&mut y);
        assert_eq!(y, array![[-1.0, 0.0], [1.0, 0.0]]);
        s.unscale(&mut y);
        assert_eq!(y, x);
    }

    #[test]
    fn standard_statistics_of_huge_values_do_not_overflow() {
        // Squares of 1e20 pass f32's range: in f32 the std was inf and the column left unscaled.
        let x = array![[1e20f32], [3e20], [2e20]];
        let s = FittedScaler::fit(Scale::Standard, &x);
        // mean 2e20, std sqrt(2/3)·1e20 = 8.164966e19 (to f32's precision).
        assert!((s.offset[0] / 2e20 - 1.0).abs() < 1e-6, "{:?}", s.offset);
        assert!(
            (s.factor[0] / 8.164966e19 - 1.0).abs() < 1e-6,
            "{:?}",
            s.factor
        );
        let mut y = x.clone();
        s.scale(&mut y);
        assert!(y.iter().all(|v| v.abs() < 1.5), "{y}");
    }

    #[test]
    fn minmax_maps_to_unit_interval() {
        let mut x = array![[2.0f32], [4.0], [6.0]];
        FittedScaler::fit(Scale::Minmax, &x.clone()).scale(&mut x);
        assert_eq!(x, array![[0.0], [0.5], [1.0]]);
    }
}
