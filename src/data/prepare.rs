//! The one driver from a typed table and the experiment's `data` part to training tensors: select
//! rows, split them, fit each step on the training rows in order (transforming them on the way),
//! then transform the validation and test rows with the fitted steps.

use ndarray::{Array2, ArrayD, Axis};

use super::frame::Frame;
use super::pipeline::Preprocessing;
use super::plan::{row_order, Plan};
use super::split::split_rows;
use super::step::{FittedStep, Step};
use super::table::Table;
use super::target::encode_target;
use crate::error::{Error, Result};
use crate::experiment::DataConfig;
use crate::rng::Rng;

/// Tensors for each split. `x`: `[rows, inputs]`, or `[samples, lookback, features]` for a
/// time-series window; `y`: `[rows, classes]` one-hot or `[rows, 1]`.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub x_train: ArrayD<f32>,
    pub y_train: Array2<f32>,
    pub x_val: ArrayD<f32>,
    pub y_val: Array2<f32>,
    pub x_test: ArrayD<f32>,
    pub y_test: Array2<f32>,
    pub preprocessing: Preprocessing,
    /// A window series: the target's value at each test sample's last window row, in its units
    /// (what persistence predicts; what a differenced prediction is added to). Else empty.
    pub test_bases: Vec<f32>,
    /// The table rows of the test samples, in split order (a window series: its test rows).
    pub test_rows: Vec<usize>,
    /// Rows left out (missing target, or `missing: drop`).
    pub dropped: usize,
    /// What preparing changed (dropped rows, unusable cells), for people.
    pub warnings: Vec<String>,
}

impl Prepared {
    /// The shape of one input sample (no batch axis).
    pub fn input_shape(&self) -> Vec<usize> {
        self.x_train.shape()[1..].to_vec()
    }
}

/// Prepares `table` as `config` says, with `rng` driving the split.
pub fn prepare(table: &Table, config: &DataConfig, rng: &mut Rng) -> Result<Prepared> {
    let table = &*table.with_kinds(config)?;
    let plan = Plan::new(table, config)?;
    let order = row_order(table, plan.order_by.as_deref());
    let (features, target) = (&plan.features, &plan.target);
    let selected =
        (plan.select).training_rows(table, features, target, &order, plan.is_series())?;
    let (rows, mut warnings) = (selected.rows, selected.warnings);
    warnings.extend(plan.notes.iter().cloned());
    let (labels, classes, y) = encode_target(table, target, plan.task, &rows)?;
    let split = split_rows(rows.len(), &plan.split, labels.as_deref(), rng);
    plan.steps
        .iter()
        .try_for_each(|s| s.check_train(table, split.train.len()))?;
    if split.train.is_empty() {
        return Err(Error::data(
            &table.name,
            "no rows are left to train on; lower the validation and test fractions",
        ));
    }
    warnings.extend(empty_test(&split, &plan.split, classes.as_deref()));
    // A part of the split: its source rows and, for classes, their one-hot targets.
    let part = |idx: &[usize]| Part {
        rows: idx.iter().map(|&i| rows[i]).collect(),
        one_hot: classes.is_some().then(|| y.select(Axis(0), idx)),
    };
    let mut pre = Preprocessing {
        features: plan.features.clone(),
        inputs: vec![],
        target: plan.target.clone(),
        task: plan.task,
        classes: classes.clone(),
        order_by: plan.order_by.clone(),
        steps: vec![FittedStep::Select(plan.select.clone())],
        target_steps: vec![],
    };
    let (x_train, y_train, _) =
        fit_training(&plan, &mut pre, table, part(&split.train), &mut warnings)?;
    let (x_val, y_val, _) = transform_part(
        &pre,
        table,
        part(&split.validation),
        "validation",
        &mut warnings,
    )?;
    let (x_test, y_test, test_rows) =
        transform_part(&pre, table, part(&split.test), "test", &mut warnings)?;
    let test_bases = match pre.window() {
        Some(_) => pre.bases(table, &test_rows)?,
        None => vec![],
    };
    Ok(Prepared {
        x_train,
        y_train,
        x_val,
        y_val,
        x_test,
        y_test,
        dropped: table.rows - rows.len(),
        preprocessing: pre,
        test_bases,
        test_rows,
        warnings,
    })
}

/// The warning for a test part left empty although `data.split.test` asks for one, with the
/// numbers: a stratified split rounds each class's share, so many small classes give none.
fn empty_test(
    split: &super::split::Split,
    config: &crate::experiment::SplitConfig,
    classes: Option<&[String]>,
) -> Option<String> {
    if config.test == 0.0 || !split.test.is_empty() {
        return None;
    }
    let rows = split.train.len() + split.validation.len();
    let per_class = match classes {
        Some(c) if config.method == crate::experiment::SplitMethod::Stratified => format!(
            " in {} classes (about {} rows each; a stratified split rounds each class's share of {})",
            c.len(),
            rows / c.len().max(1),
            serde_json::Value::from(config.test) // shortest form, no second float printer
        ),
        _ => String::new(),
    };
    Some(format!("data.split: the test part is empty: {rows} rows{per_class} leave no test rows, so there are no test metrics; use fewer classes, a larger data.split.test, or data.split.method \"random\""))
}

/// The rows of one part of the split, and their targets when they are classes.
struct Part {
    rows: Vec<usize>,
    one_hot: Option<Array2<f32>>,
}

/// Fits the plan's steps on the training rows into `pre` (the target's first, which give y),
/// each step transforming the rows before the next one fits; returns the training tensors.
fn fit_training(
    plan: &Plan,
    pre: &mut Preprocessing,
    table: &Table,
    train: Part,
    warnings: &mut Vec<String>,
) -> Result<Tensors> {
    let target = std::slice::from_ref(&plan.target);
    let mut t = Frame::new(table, target, train.rows.clone(), Some("training"));
    pre.target_steps = fit_all(&plan.target_steps, &mut t)?;
    let mut f = Frame::new(table, &plan.features, train.rows, Some("training"));
    f.y = Some(targets(t, train.one_hot, warnings)?);
    let fitted = fit_all(&plan.steps, &mut f)?;
    pre.steps.extend(fitted);
    pre.inputs = input_names(&plan.features, &pre.steps);
    finish(f, warnings)
}

/// Transforms the rows of the part `name` with the fitted steps (the rows are selected).
fn transform_part(
    pre: &Preprocessing,
    table: &Table,
    part: Part,
    name: &'static str,
    warnings: &mut Vec<String>,
) -> Result<Tensors> {
    let target = std::slice::from_ref(&pre.target);
    let mut t = Frame::new(table, target, part.rows.clone(), Some(name));
    (pre.target_steps.iter()).try_for_each(|s| s.step().transform(&mut t))?;
    let mut f = Frame::new(table, &pre.features, part.rows, Some(name));
    f.y = Some(targets(t, part.one_hot, warnings)?);
    (pre.steps[1..].iter()).try_for_each(|s| s.step().transform(&mut f))?;
    finish(f, warnings)
}

/// Fits `steps` in order on `frame`, each transforming it before the next one fits.
fn fit_all(steps: &[Step], frame: &mut Frame) -> Result<Vec<FittedStep>> {
    let mut fitted = Vec::with_capacity(steps.len());
    for s in steps {
        let f = s.fit(frame)?;
        f.step().transform(frame)?;
        fitted.push(f);
    }
    Ok(fitted)
}

/// The targets of a part: the classes one-hot, or the target frame after its steps.
fn targets(
    mut t: Frame,
    one_hot: Option<Array2<f32>>,
    warnings: &mut Vec<String>,
) -> Result<Array2<f32>> {
    let y = match one_hot {
        Some(y) => y,
        None => t.matrix()?.clone(),
    };
    warnings.append(&mut t.warnings);
    Ok(y)
}

/// A part's inputs, targets, and the source row of each sample (a window's: its last row).
type Tensors = (ArrayD<f32>, Array2<f32>, Vec<usize>);

/// The inputs and targets of a frame the steps have run on; its warnings go to `warnings`.
fn finish(mut f: Frame, warnings: &mut Vec<String>) -> Result<Tensors> {
    let y = f.y.take().expect("preparing sets the targets");
    let (x, rows, w) = f.into_x()?;
    warnings.extend(w);
    Ok((x, y, rows))
}

/// The model's input names: per feature, a text step's (`review=great`), a one-hot step's
/// (`colour=red`), or the feature's.
fn input_names(features: &[String], steps: &[FittedStep]) -> Vec<String> {
    let text = steps.iter().find_map(|s| match s {
        FittedStep::Text(t) => Some(t),
        _ => None,
    });
    let one_hot = steps.iter().find_map(|s| match s {
        FittedStep::OneHot(o) => Some(o),
        _ => None,
    });
    (features.iter().enumerate())
        .flat_map(|(i, name)| {
            (text.and_then(|t| t.input_names(i, name)))
                .or_else(|| one_hot.and_then(|o| o.input_names_of(i, name)))
                .unwrap_or_else(|| vec![name.clone()])
        })
        .collect()
}
