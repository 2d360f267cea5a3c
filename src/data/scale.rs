//! Feature scaling: fit on the training split only, then transform any split.

use ndarray::{Array1, Array2, Axis};
use serde::{Deserialize, Serialize};

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
                let mean: Array1<f32> = x.mean_axis(Axis(0)).unwrap_or_else(|| Array1::zeros(cols));
                let std = x.std_axis(Axis(0), 0.0);
                (
                    mean.to_vec(),
                    std.iter()
                        .map(|&s| if s > 1e-12 && s.is_finite() { s } else { 1.0 })
                        .collect(),
                )
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

    /// Scales `x` in place.
    pub fn transform(&self, x: &mut Array2<f32>) {
        for mut row in x.rows_mut() {
            for ((v, o), f) in row.iter_mut().zip(&self.offset).zip(&self.factor) {
                *v = (*v - o) / f;
            }
        }
    }

    /// Undoes [`transform`](Self::transform) in place.
    pub fn inverse_transform(&self, x: &mut Array2<f32>) {
        for mut row in x.rows_mut() {
            for ((v, o), f) in row.iter_mut().zip(&self.offset).zip(&self.factor) {
                *v = *v * f + o;
            }
        }
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
        s.transform(&mut y);
        assert_eq!(y, array![[-1.0, 0.0], [1.0, 0.0]]);
        s.inverse_transform(&mut y);
        assert_eq!(y, x);
    }

    #[test]
    fn minmax_maps_to_unit_interval() {
        let mut x = array![[2.0f32], [4.0], [6.0]];
        FittedScaler::fit(Scale::Minmax, &x.clone()).transform(&mut x);
        assert_eq!(x, array![[0.0], [0.5], [1.0]]);
    }
}
