//! What practitioners do to a price series before a model sees it (`data.transform`): `log`
//! (ln of each value; its inverse is exp) and `difference` (each value minus the one before; the
//! first row of each part has none and is left out). Differencing cannot be undone row by row:
//! a predicted change becomes a level by adding the level it starts from, the *base* — the
//! target's value at each window's last row (src/data/levels.rs: `Preprocessing::bases`, `Preprocessing::to_levels`).

use ndarray::Array2;

use super::check::{numeric_width, Shape};
use super::frame::{Frame, Transform};
use crate::error::{Error, Result};
use crate::nn::math::{exp, ln};

/// ln of every value; a value ≤ 0 is an error naming its column and line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Log;

/// Each value minus the row before it, `[rows, width]` → `[rows − 1, width]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Difference;

/// ln of every value, in one place: libm's logf would be inlined into each caller (wasm bytes).
#[inline(never)]
pub(super) fn ln_all(v: &mut [f32]) {
    v.iter_mut().for_each(|x| *x = ln(*x));
}

impl Transform for Log {
    fn transform(&self, f: &mut Frame) -> Result<()> {
        let (table, names, rows) = (f.table, f.names, f.rows.clone());
        let x = f.matrix()?;
        let width = x.ncols().max(1);
        let values = x.as_slice_mut().expect("an assembled matrix is contiguous");
        if let Some(i) = values.iter().position(|v| *v <= 0.0 || v.is_nan()) {
            let name = names.get(i % width).map_or("", String::as_str);
            return Err(Error::data(&table.name, format!(
                "column {name:?}, line {}: {} has no logarithm; data.transform \"log\" needs values above 0 — pick \"difference\" or \"none\"",
                table.line(rows[i / width]), values[i])));
        }
        ln_all(values);
        Ok(())
    }

    fn inverse_transform(&self, x: &mut Array2<f32>) {
        x.iter_mut().for_each(|v| *v = exp(*v));
    }

    fn check(&self, file: &str, path: &str, shape: Shape) -> Result<Shape> {
        Ok(Shape::Matrix(numeric_width(file, path, "log", &shape)?))
    }
}

impl Transform for Difference {
    /// Drops the part's first row (it has no row before it); the targets, when known, were
    /// differenced by the target's own steps and already have one row fewer.
    fn transform(&self, f: &mut Frame) -> Result<()> {
        let x = f.matrix()?;
        let (n, width) = x.dim();
        if n == 0 {
            return Ok(());
        }
        let v = x.as_slice().expect("an assembled matrix is contiguous");
        let d: Vec<f32> = (width..v.len()).map(|i| v[i] - v[i - width]).collect();
        f.matrix = Some(Array2::from_shape_vec((n - 1, width), d).expect("n − 1 rows"));
        f.rows.remove(0);
        Ok(())
    }

    fn check(&self, file: &str, path: &str, shape: Shape) -> Result<Shape> {
        Ok(Shape::Matrix(numeric_width(
            file,
            path,
            "difference",
            &shape,
        )?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn log_and_difference_on_a_frame() {
        let table = crate::data::read_csv("p.csv", b"p\n1\n2\n4\n8\n").unwrap();
        let names = vec!["p".to_string()];
        let mut f = Frame::new(&table, &names, vec![0, 1, 2, 3], None);
        Log.transform(&mut f).unwrap();
        Difference.transform(&mut f).unwrap();
        let ln2 = ln(2.0);
        assert_eq!(
            f.matrix.clone().unwrap(),
            array![[ln2], [ln(4.0) - ln2], [ln(8.0) - ln(4.0)]]
        );
        assert_eq!(f.rows, vec![1, 2, 3]);
    }

    #[test]
    fn log_refuses_zero_naming_column_and_line() {
        let table = crate::data::read_csv("p.csv", b"p\n3\n0\n").unwrap();
        let names = vec!["p".to_string()];
        let mut f = Frame::new(&table, &names, vec![0, 1], None);
        let err = Log.transform(&mut f).unwrap_err().to_string();
        assert_eq!(err, "p.csv: column \"p\", line 3: 0 has no logarithm; data.transform \"log\" needs values above 0 — pick \"difference\" or \"none\"");
    }
}
