//! From a typed table and the experiment's `data` part to training tensors and the fitted
//! preprocessing that the model file keeps.

use ndarray::{Array2, ArrayD};
use serde::{Deserialize, Serialize};

use super::scale::FittedScaler;
use super::split::split_rows;
use super::table::{ColumnData, Table};
use crate::error::{Error, Result};
use crate::experiment::{DataConfig, Task};
use crate::rng::Rng;

/// Everything fitted on the training split that turns raw rows into model inputs and back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preprocessing {
    pub features: Vec<String>,
    pub target: String,
    pub task: Task,
    /// Class names in index order (classification only).
    pub classes: Option<Vec<String>>,
    /// Per-feature value used for missing cells.
    pub fill: Vec<f32>,
    pub scaler: FittedScaler,
    /// Regression targets are scaled too; predictions are mapped back with it.
    pub target_scaler: Option<FittedScaler>,
}

/// Tensors for each split. `x`: `[rows, features]`, or `[samples, lookback, features]` for a
/// time-series window; `y`: `[rows, classes]` one-hot or `[rows, outputs]`.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub x_train: ArrayD<f32>,
    pub y_train: Array2<f32>,
    pub x_val: ArrayD<f32>,
    pub y_val: Array2<f32>,
    pub x_test: ArrayD<f32>,
    pub y_test: Array2<f32>,
    pub preprocessing: Preprocessing,
}

impl Prepared {
    /// The shape of one input sample (no batch axis).
    pub fn input_shape(&self) -> Vec<usize> {
        self.x_train.shape()[1..].to_vec()
    }
}

/// Prepares `table` as `config` says, with `rng` driving the split.
pub fn prepare(table: &Table, config: &DataConfig, rng: &mut Rng) -> Result<Prepared> {
    let target_name = config.target.clone().unwrap_or_else(|| {
        table
            .columns
            .last()
            .expect("a table has columns")
            .name
            .clone()
    });
    let target = table.column(&target_name)?;
    let features: Vec<String> = match &config.features {
        Some(f) => f.clone(),
        None => table
            .columns
            .iter()
            .filter(|c| c.name != target_name)
            .map(|c| c.name.clone())
            .collect(),
    };
    if features.is_empty() {
        return Err(Error::data(
            &table.name,
            "there are no feature columns; a CSV needs at least one column besides the target",
        ));
    }
    let x = feature_matrix(table, &features)?;
    let task = match (config.task, &target.data) {
        (Task::Auto, ColumnData::Categorical(_)) => Task::Classification,
        (Task::Auto, ColumnData::Numeric(_)) => Task::Regression,
        (t, _) => t,
    };
    let (labels, classes, y) = encode_target(table, &target_name, &target.data, task)?;
    let split = split_rows(table.rows, &config.split, labels.as_deref(), rng);
    if split.train.is_empty() {
        return Err(Error::data(
            &table.name,
            "no rows are left to train on; lower the validation and test fractions",
        ));
    }
    let mut x_train = rows(&x, &split.train);
    let fill = fill_values(&x_train);
    fill_missing(&mut x_train, &fill);
    let scaler = FittedScaler::fit(config.scale, &x_train);
    let mut y_train = rows(&y, &split.train);
    let target_scaler =
        (task == Task::Regression).then(|| FittedScaler::fit(config.scale, &y_train));
    let preprocessing = Preprocessing {
        features,
        target: target_name,
        task,
        classes,
        fill,
        scaler,
        target_scaler,
    };
    scaler_apply(&preprocessing, &mut x_train, &mut y_train);
    let (x_val, y_val) = part(&preprocessing, &x, &y, &split.validation);
    let (x_test, y_test) = part(&preprocessing, &x, &y, &split.test);
    Ok(Prepared {
        x_train: x_train.into_dyn(),
        y_train,
        x_val: x_val.into_dyn(),
        y_val,
        x_test: x_test.into_dyn(),
        y_test,
        preprocessing,
    })
}

fn feature_matrix(table: &Table, features: &[String]) -> Result<Array2<f32>> {
    let mut x = Array2::zeros((table.rows, features.len()));
    for (j, name) in features.iter().enumerate() {
        match &table.column(name)?.data {
            ColumnData::Numeric(v) => x
                .column_mut(j)
                .iter_mut()
                .zip(v)
                .for_each(|(d, s)| *d = *s as f32),
            ColumnData::Categorical(v) => {
                let row = v.iter().position(Option::is_some).map_or(0, |r| r + 2);
                return Err(Error::data(&table.name, format!(
                    "column {name:?} is not numeric (row {row} holds {:?}); pick numeric feature columns or make it the target",
                    v.iter().flatten().next().map_or("", |s| s.as_str()))));
            }
        }
    }
    Ok(x)
}

type Target = (Option<Vec<usize>>, Option<Vec<String>>, Array2<f32>);

fn encode_target(table: &Table, name: &str, data: &ColumnData, task: Task) -> Result<Target> {
    match task {
        Task::Classification => {
            let keys: Vec<String> = match data {
                ColumnData::Categorical(v) => v.iter().enumerate().map(|(i, c)| c.clone().ok_or(i)).collect::<std::result::Result<_, _>>(),
                ColumnData::Numeric(v) => v.iter().enumerate().map(|(i, x)| if x.is_nan() { Err(i) } else { Ok(format!("{x}")) }).collect(),
            }
            .map_err(|i| Error::data(&table.name, format!("row {}: the target {name:?} is missing; fill it in or remove the row", i + 2)))?;
            let mut classes: Vec<String> = keys.clone();
            classes.sort_by(|a, b| match (a.parse::<f64>(), b.parse::<f64>()) {
                (Ok(x), Ok(y)) => x.total_cmp(&y),
                _ => a.cmp(b),
            });
            classes.dedup();
            if classes.len() < 2 {
                return Err(Error::data(&table.name, format!("the target {name:?} has a single class; classification needs at least two")));
            }
            let labels: Vec<usize> = keys.iter().map(|k| classes.iter().position(|c| c == k).unwrap()).collect();
            let mut y = Array2::zeros((labels.len(), classes.len()));
            labels.iter().enumerate().for_each(|(i, &l)| y[[i, l]] = 1.0);
            Ok((Some(labels), Some(classes), y))
        }
        _ => match data {
            ColumnData::Numeric(v) => {
                if let Some(i) = v.iter().position(|x| x.is_nan()) {
                    return Err(Error::data(&table.name, format!("row {}: the target {name:?} is missing; fill it in or remove the row", i + 2)));
                }
                Ok((None, None, Array2::from_shape_fn((v.len(), 1), |(i, _)| v[i] as f32)))
            }
            ColumnData::Categorical(_) => Err(Error::data(&table.name, format!(
                "the target {name:?} is not numeric, so it cannot be a regression target; set task to classification"))),
        },
    }
}

fn rows(x: &Array2<f32>, idx: &[usize]) -> Array2<f32> {
    x.select(ndarray::Axis(0), idx)
}

fn fill_values(x: &Array2<f32>) -> Vec<f32> {
    x.columns()
        .into_iter()
        .map(|c| {
            let (sum, n) = c
                .iter()
                .filter(|v| !v.is_nan())
                .fold((0.0f64, 0usize), |(s, n), &v| (s + v as f64, n + 1));
            if n == 0 {
                0.0
            } else {
                (sum / n as f64) as f32
            }
        })
        .collect()
}

fn fill_missing(x: &mut Array2<f32>, fill: &[f32]) {
    for mut row in x.rows_mut() {
        row.iter_mut()
            .zip(fill)
            .filter(|(v, _)| v.is_nan())
            .for_each(|(v, f)| *v = *f);
    }
}

fn scaler_apply(p: &Preprocessing, x: &mut Array2<f32>, y: &mut Array2<f32>) {
    p.scaler.transform(x);
    if let Some(ts) = &p.target_scaler {
        ts.transform(y);
    }
}

fn part(
    p: &Preprocessing,
    x: &Array2<f32>,
    y: &Array2<f32>,
    idx: &[usize],
) -> (Array2<f32>, Array2<f32>) {
    let (mut xs, mut ys) = (rows(x, idx), rows(y, idx));
    fill_missing(&mut xs, &p.fill);
    scaler_apply(p, &mut xs, &mut ys);
    (xs, ys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::read_csv;

    #[test]
    fn iris_becomes_one_hot_classes_with_a_train_only_scaler() {
        let table = read_csv("iris.csv", include_bytes!("../../www/data/iris.csv")).unwrap();
        let p = prepare(&table, &DataConfig::default(), &mut Rng::new(42)).unwrap();
        assert_eq!(
            p.preprocessing.classes.as_ref().unwrap(),
            &["setosa", "versicolor", "virginica"]
        );
        assert_eq!(
            (
                p.x_train.shape()[0],
                p.x_val.shape()[0],
                p.x_test.shape()[0]
            ),
            (105, 15, 30)
        );
        assert_eq!(p.input_shape(), vec![4]);
        assert_eq!(p.y_train.ncols(), 3);
        let mean: f32 = p.x_train.index_axis(ndarray::Axis(1), 0).mean().unwrap();
        assert!(mean.abs() < 1e-5, "train mean {mean}");
        assert!(p.y_test.rows().into_iter().all(|r| r.sum() == 1.0));
    }

    #[test]
    fn text_features_and_bad_targets_are_named() {
        let t = read_csv("t.csv", b"a,b,y\n1,x,1\n2,y,2\n").unwrap();
        let err = prepare(&t, &DataConfig::default(), &mut Rng::new(0))
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"b\"") && err.contains("row 2"), "{err}");
        let t = read_csv("t.csv", b"a,y\n1,k\n2,k\n").unwrap();
        let err = prepare(&t, &DataConfig::default(), &mut Rng::new(0))
            .unwrap_err()
            .to_string();
        assert!(err.contains("single class"), "{err}");
    }
}
