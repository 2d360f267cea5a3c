//! The fitted preprocessing a model keeps (the model file's `preprocessing`, version 2): a few
//! names for readers, then the fitted steps in order, the features' and the target's.

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use super::check::{length, numeric_width, Shape};
use super::impute::{Fill, Impute};
use super::one_hot::OneHot;
use super::scale::FittedScaler;
use super::step::FittedStep;
use crate::error::{Error, Result};
use crate::experiment::limits::MAX_UNITS;
use crate::experiment::{Task, WindowConfig};

/// A model may name at most this many input features.
pub const MAX_FEATURES: usize = 100_000;

/// The keys of [`Preprocessing`] in the model file that name things for readers (every version
/// of the file has them); [`STEP_LISTS`] are the rest. Others are refused there.
pub const NAMES: &[&str] = &[
    "features", "inputs", "target", "task", "classes", "order_by",
];
/// The keys of [`Preprocessing`] that hold the fitted steps.
pub const STEP_LISTS: &[&str] = &["steps", "target_steps"];

/// Everything fitted on the training rows that turns raw rows into model inputs and back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preprocessing {
    /// The source columns, in input order (for a window: the target first).
    pub features: Vec<String>,
    /// The model's input names after encoding (`color=red` per category).
    pub inputs: Vec<String>,
    pub target: String,
    pub task: Task,
    /// Class names in index order (classification only).
    pub classes: Option<Vec<String>>,
    /// The date column rows are put in order by (chronological split and windows).
    pub order_by: Option<String>,
    /// The features' steps, in order: select, impute, (text,) one_hot, scale (, window).
    #[serde(default)]
    pub steps: Vec<FittedStep>,
    /// The target's steps (regression: scale, after impute for a series); their inverse maps
    /// model outputs back to the target's units.
    #[serde(default)]
    pub target_steps: Vec<FittedStep>,
}

impl Preprocessing {
    /// Maps regression outputs `y` (`[samples, 1]`) back to the target's units; classification
    /// outputs are left as they are.
    pub fn inverse_target(&self, y: &mut Array2<f32>) {
        self.target_steps
            .iter()
            .rev()
            .for_each(|s| s.step().inverse_transform(y));
    }

    /// Maps model inputs `[samples, inputs]` back to the features' units (unscaled).
    pub fn inverse_inputs(&self, x: &mut Array2<f32>) {
        self.steps
            .iter()
            .rev()
            .for_each(|s| s.step().inverse_transform(x));
    }

    /// The inputs' scaler, if there is one.
    pub fn scaler(&self) -> Option<&FittedScaler> {
        self.steps.iter().find_map(|s| match s {
            FittedStep::Scale(s) => Some(s),
            _ => None,
        })
    }

    /// The text vectoriser, if a feature is text.
    pub fn text(&self) -> Option<&super::text_vec::TextVec> {
        self.steps.iter().find_map(|s| match s {
            FittedStep::Text(t) => Some(t),
            _ => None,
        })
    }

    /// The time-series window, if there is one.
    pub fn window(&self) -> Option<&WindowConfig> {
        self.steps.iter().find_map(|s| match s {
            FittedStep::Window(w) => Some(w),
            _ => None,
        })
    }

    /// Per feature: its fill value (none without an impute step).
    pub fn fills(&self) -> &[Fill] {
        self.steps
            .iter()
            .find_map(|s| match s {
                FittedStep::Impute(Impute { fill }) => Some(&fill[..]),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Per feature: its one-hot categories, `None` for a numeric feature.
    pub fn categories(&self) -> &[Option<Vec<String>>] {
        self.steps
            .iter()
            .find_map(|s| match s {
                FittedStep::OneHot(OneHot { categories }) => Some(&categories[..]),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// How many values the model outputs: one per class, or the target's width.
    pub fn outputs(&self) -> usize {
        match &self.classes {
            Some(c) if self.task == Task::Classification => c.len(),
            _ => 1,
        }
    }

    /// Checks a pipeline read from `file`: names within limits, every step valid where it
    /// stands, as many inputs as the steps make, classes or a target scaler as the task needs.
    pub fn check(&self, file: &str) -> Result<()> {
        let n = self.features.len();
        if n == 0 || n > MAX_FEATURES {
            return Err(Error::data(
                file,
                format!(
                "preprocessing.features has {n} names; a model needs 1 to {MAX_FEATURES} features"),
            ));
        }
        let walk = |steps: &[FittedStep], key: &str, columns| {
            steps
                .iter()
                .enumerate()
                .try_fold(Shape::Raw(columns), |shape, (i, s)| {
                    s.step()
                        .check(file, &format!("preprocessing.{key}[{i}]"), shape)
                })
        };
        let shape = walk(&self.steps, "steps", n)?;
        let width = match shape {
            Shape::Sequences(width) => width,
            other => numeric_width(file, "preprocessing.steps", "", &other)?,
        };
        length(file, "preprocessing.inputs", self.inputs.len(), width)?;
        walk(&self.target_steps, "target_steps", 1)?;
        let scaled = self
            .target_steps
            .iter()
            .any(|s| matches!(s, FittedStep::Scale(_)));
        match (self.task, &self.classes) {
            (Task::Classification, Some(c)) if (2..=MAX_UNITS).contains(&c.len()) => Ok(()),
            (Task::Classification, _) => Err(Error::data(file, format!(
                "preprocessing.classes must list 2 to {MAX_UNITS} class names for a classification model"))),
            (Task::Regression, _) if scaled => Ok(()),
            (Task::Regression, _) => Err(Error::data(file,
                "preprocessing.target_steps must hold a scale step for a regression model (its outputs back to the target's units)")),
            (Task::Auto | Task::Recommendation, _) => Err(Error::data(file,
                "preprocessing.task must be \"classification\" or \"regression\" in a trained model")),
        }
    }
}
