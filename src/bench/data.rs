//! The benchmark workloads' fixed data (WORKLOADS.md): digits with its own split and train-set
//! standardisation, sunspot windows, and the synthetic LCG regression.

use ndarray::{Array2, Array3, ArrayD, Axis};

use crate::error::{Error, Result};

/// Train and test tensors: `x` `[rows, ...]`, `y` `[rows, outputs]`.
pub struct Split {
    pub x_train: ArrayD<f32>,
    pub y_train: Array2<f32>,
    pub x_test: ArrayD<f32>,
    pub y_test: Array2<f32>,
}

/// The bytes of `name` among `files`, or an error saying which file to pass.
fn file<'a>(files: &[(&str, &'a [u8])], name: &str) -> Result<&'a [u8]> {
    files
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, b)| *b)
        .ok_or_else(|| Error::data(name, "this benchmark needs the file; pass its bytes"))
}

/// The named numeric columns of a CSV, in order.
fn columns(name: &str, bytes: &[u8], wanted: &[String]) -> Result<Vec<Vec<f64>>> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| Error::data(name, e.to_string()))?
        .clone();
    let index: Vec<usize> = wanted
        .iter()
        .map(|w| {
            header
                .iter()
                .position(|h| h == w)
                .ok_or_else(|| Error::data(name, format!("has no column {w:?}")))
        })
        .collect::<Result<_>>()?;
    let mut out = vec![Vec::new(); wanted.len()];
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Error::data(name, e.to_string()))?;
        for (k, &i) in index.iter().enumerate() {
            let cell = record.get(i).unwrap_or("");
            let v = cell.trim().parse::<f64>().map_err(|_| {
                Error::data(
                    name,
                    format!(
                        "row {}, column {:?}: {cell:?} is not a number",
                        row + 2,
                        wanted[k]
                    ),
                )
            })?;
            out[k].push(v);
        }
    }
    Ok(out)
}

/// W1: 64 standardised pixel features (train mean, population std; std 0 → 1) → one-hot of 10
/// digits; `is_test` from digits_split.csv.
pub fn digits(files: &[(&str, &[u8])]) -> Result<Split> {
    let mut names: Vec<String> = (0..64).map(|i| format!("p{i}")).collect();
    names.push("label".into());
    let cols = columns("digits.csv", file(files, "digits.csv")?, &names)?;
    let is_test = columns(
        "digits_split.csv",
        file(files, "digits_split.csv")?,
        &["is_test".to_string()],
    )?
    .remove(0);
    let rows = cols[0].len();
    if is_test.len() != rows {
        return Err(Error::data(
            "digits_split.csv",
            format!(
                "has {} rows but digits.csv has {rows}; use the pair shipped in www/data",
                is_test.len()
            ),
        ));
    }
    let train: Vec<usize> = (0..rows).filter(|&r| is_test[r] == 0.0).collect();
    let test: Vec<usize> = (0..rows).filter(|&r| is_test[r] != 0.0).collect();
    let stats: Vec<(f64, f64)> = cols[..64]
        .iter()
        .map(|c| {
            let n = train.len() as f64;
            let mean = train.iter().map(|&r| c[r]).sum::<f64>() / n;
            let var = train.iter().map(|&r| (c[r] - mean).powi(2)).sum::<f64>() / n;
            (mean, if var > 0.0 { var.sqrt() } else { 1.0 })
        })
        .collect();
    let x = |idx: &[usize]| {
        Array2::from_shape_fn((idx.len(), 64), |(i, j)| {
            ((cols[j][idx[i]] - stats[j].0) / stats[j].1) as f32
        })
        .into_dyn()
    };
    let y = |idx: &[usize]| {
        Array2::from_shape_fn((idx.len(), 10), |(i, k)| {
            f32::from(cols[64][idx[i]] as usize == k)
        })
    };
    Ok(Split {
        x_train: x(&train),
        y_train: y(&train),
        x_test: x(&test),
        y_test: y(&test),
    })
}

/// W2: min–max scaled sunspots; 30-step windows `[samples, 30, 1]` → the next value; the first
/// 223 windows train, the last 56 test. Also returns `max − min` to report RMSE in original units.
pub fn sunspots(files: &[(&str, &[u8])]) -> Result<(Split, f64)> {
    let s = columns(
        "sunspots.csv",
        file(files, "sunspots.csv")?,
        &["sunactivity".to_string()],
    )?
    .remove(0);
    const LOOKBACK: usize = 30;
    if s.len() <= LOOKBACK + 1 {
        return Err(Error::data("sunspots.csv", "needs more than 31 values"));
    }
    let (min, max) = s
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    let range = if max > min { max - min } else { 1.0 };
    let scaled: Vec<f32> = s.iter().map(|v| ((v - min) / range) as f32).collect();
    let samples = scaled.len() - LOOKBACK;
    let x = Array3::from_shape_fn((samples, LOOKBACK, 1), |(i, t, _)| scaled[i + t]);
    let y = Array2::from_shape_fn((samples, 1), |(i, _)| scaled[i + LOOKBACK]);
    let train = samples * 4 / 5;
    let (xa, xb) = x.view().split_at(Axis(0), train);
    let (ya, yb) = y.view().split_at(Axis(0), train);
    Ok((
        Split {
            x_train: xa.to_owned().into_dyn(),
            y_train: ya.to_owned(),
            x_test: xb.to_owned().into_dyn(),
            y_test: yb.to_owned(),
        },
        range,
    ))
}

/// W3: 20,000 × 100 uniform(−1, 1) inputs from the shared LCG and `y = X·w / 10` (f64 maths,
/// stored as f32).
pub fn synthetic() -> (Array2<f32>, Array2<f32>) {
    let mut state: u64 = 12345;
    let mut next = || {
        state = (1_664_525 * state + 1_013_904_223) % (1 << 32);
        let u = (state >> 8) as f64 / (1u64 << 24) as f64;
        2.0 * u - 1.0
    };
    let (rows, cols) = (20_000, 100);
    let x64: Vec<f64> = (0..rows * cols).map(|_| next()).collect();
    let w: Vec<f64> = (0..cols).map(|_| next()).collect();
    let y = Array2::from_shape_fn((rows, 1), |(i, _)| {
        let row = &x64[i * cols..(i + 1) * cols];
        (row.iter().zip(&w).map(|(x, w)| x * w).sum::<f64>() / 10.0) as f32
    });
    let x = Array2::from_shape_vec((rows, cols), x64.iter().map(|&v| v as f32).collect())
        .expect("rows × cols values");
    (x, y)
}

/// T1: the built-in `sentiment` reviews (`sentiment.csv`) as 40 token ids each (vocabulary of
/// 2,000 fitted on the training rows, the data pipeline's split) and the embedding model of
/// examples/sentiment_embedding.json.
pub fn sentiment(files: &[(&str, &[u8])]) -> Result<(Split, Vec<crate::experiment::LayerConfig>)> {
    let e = crate::experiment::Experiment::from_json(include_str!(
        "../../examples/sentiment_embedding.json"
    ))?;
    let table = crate::data::read_csv("sentiment.csv", file(files, "sentiment.csv")?)?;
    let p = crate::data::prepare(&table, &e.data, &mut crate::rng::Rng::new(e.seed))?;
    let split = Split {
        x_train: p.x_train,
        y_train: p.y_train,
        x_test: p.x_test,
        y_test: p.y_test,
    };
    Ok((split, e.model.layers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_matches_the_published_checksums() {
        let (x, y) = synthetic();
        // ΣX over the f64 draws (the f32 copies are exact: 24-bit fractions).
        let sx: f64 = x.iter().map(|&v| v as f64).sum();
        let sy: f64 = y.iter().map(|&v| v as f64).sum();
        assert!((sx - -791.6617121696472).abs() < 1e-6, "ΣX = {sx}");
        assert!((sy - -73.85490847529218).abs() < 1e-9, "Σy = {sy}");
    }
}
