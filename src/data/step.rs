//! The preprocessing steps as scikit-learn's `Pipeline` has them: an unfitted [`Step`] (from the
//! experiment's `data` settings) is fitted on the training rows into a [`FittedStep`], which
//! transforms any rows the same way; the model file keeps the fitted steps in order.
//!
//! A new kind of step (a text vectoriser, an id indexer) is a file with its fitted type and its
//! [`Transform`], plus a variant in both enums here and its keys in [`STEP_KEYS`] and [`RawStep`].

use serde::ser::SerializeStruct;
use serde::{de::Error as _, Deserialize, Deserializer, Serialize, Serializer};

use super::frame::{Frame, Transform};
use super::impute::{Fill, Impute};
use super::one_hot::OneHot;
use super::scale::FittedScaler;
use super::select::Select;
use super::series::{Difference, Log};
use super::table::Table;
use super::text_vec::TextVec;
use super::window::check_train;
use crate::error::Result;
use crate::experiment::{Missing, OutputMode, Scale, TextConfig, WindowConfig};

/// A step before fitting.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Impute(Missing),
    OneHot,
    Scale(Scale),
    Window(WindowConfig),
    Log,
    Difference,
    Text(TextConfig),
}

/// A step fitted on the training rows.
#[derive(Debug, Clone, PartialEq)]
pub enum FittedStep {
    Select(Select),
    Impute(Impute),
    OneHot(OneHot),
    Scale(FittedScaler),
    Window(WindowConfig),
    Log(Log),
    Difference(Difference),
    Text(TextVec),
}

impl Step {
    /// Before anything is fitted: are `rows` training rows enough for this step?
    pub fn check_train(&self, table: &Table, rows: usize) -> Result<()> {
        match self {
            Step::Window(w) => check_train(w, table, rows),
            _ => Ok(()),
        }
    }

    /// Fits the step on `train` (the training rows, as the steps before left them).
    pub fn fit(&self, train: &mut Frame) -> Result<FittedStep> {
        Ok(match self {
            Step::Impute(missing) => FittedStep::Impute(Impute::fit(train, *missing)?),
            Step::OneHot => FittedStep::OneHot(OneHot::fit(train)?),
            Step::Scale(kind) => FittedStep::Scale(FittedScaler::fit_inputs(*kind, train)?),
            Step::Window(w) => FittedStep::Window(w.clone()),
            Step::Log => FittedStep::Log(Log),
            Step::Difference => FittedStep::Difference(Difference),
            Step::Text(t) => FittedStep::Text(TextVec::fit(t, train)?),
        })
    }
}

impl FittedStep {
    /// The step's [`Transform`].
    pub fn step(&self) -> &dyn Transform {
        match self {
            FittedStep::Select(s) => s,
            FittedStep::Impute(s) => s,
            FittedStep::OneHot(s) => s,
            FittedStep::Scale(s) => s,
            FittedStep::Window(s) => s,
            FittedStep::Log(s) => s,
            FittedStep::Difference(s) => s,
            FittedStep::Text(s) => s,
        }
    }
}

/// Each step type's keys in the model file, besides `type`.
pub const STEP_KEYS: &[(&str, &[&str])] = &[
    ("select", &["drop_missing"]),
    ("impute", &["fill"]),
    ("one_hot", &["categories"]),
    ("scale", &["offset", "factor"]),
    ("window", &["lookback", "horizon"]),
    ("log", &[]),
    ("difference", &[]),
    ("text", &["output_mode", "max_length", "vocabulary", "idf"]),
];

/// Every key of [`STEP_KEYS`], read through one flat struct (serde's derived internally-tagged
/// enums cost a visitor per variant in the wasm). Keys a type does not take are refused by the
/// model file's key check (`preprocessing.steps[2]: unknown key "lookback"`).
#[derive(Deserialize)]
struct RawStep {
    #[serde(rename = "type")]
    kind: String,
    drop_missing: Option<bool>,
    fill: Option<Vec<Fill>>,
    categories: Option<Vec<Option<Vec<String>>>>,
    offset: Option<Vec<f32>>,
    factor: Option<Vec<f32>>,
    lookback: Option<usize>,
    horizon: Option<usize>,
    output_mode: Option<String>,
    max_length: Option<usize>,
    vocabulary: Option<Vec<Option<Vec<String>>>>,
    idf: Option<Vec<Option<Vec<f32>>>>,
}

impl Serialize for FittedStep {
    /// `{"type": …, then the type's keys}`.
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (kind, keys) = STEP_KEYS[match self {
            FittedStep::Select(_) => 0,
            FittedStep::Impute(_) => 1,
            FittedStep::OneHot(_) => 2,
            FittedStep::Scale(_) => 3,
            FittedStep::Window(_) => 4,
            FittedStep::Log(_) => 5,
            FittedStep::Difference(_) => 6,
            FittedStep::Text(_) => 7,
        }];
        let mut m = s.serialize_struct("step", 1 + keys.len())?;
        m.serialize_field("type", kind)?;
        match self {
            FittedStep::Select(x) => m.serialize_field(keys[0], &x.drop_missing)?,
            FittedStep::Impute(x) => m.serialize_field(keys[0], &x.fill)?,
            FittedStep::OneHot(x) => m.serialize_field(keys[0], &x.categories)?,
            FittedStep::Scale(x) => {
                m.serialize_field(keys[0], &x.offset)?;
                m.serialize_field(keys[1], &x.factor)?;
            }
            FittedStep::Window(x) => {
                m.serialize_field(keys[0], &x.lookback)?;
                m.serialize_field(keys[1], &x.horizon)?;
            }
            FittedStep::Log(_) | FittedStep::Difference(_) => {}
            FittedStep::Text(x) => {
                m.serialize_field(keys[0], x.output_mode.name())?;
                m.serialize_field(keys[1], &x.max_length)?;
                m.serialize_field(keys[2], &x.vocabulary)?;
                m.serialize_field(keys[3], &x.idf)?;
            }
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for FittedStep {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let r = RawStep::deserialize(d)?;
        let need = |name: &str| D::Error::custom(format!("missing field `{name}`"));
        Ok(match r.kind.as_str() {
            "select" => FittedStep::Select(Select {
                drop_missing: r.drop_missing.ok_or_else(|| need("drop_missing"))?,
            }),
            "impute" => FittedStep::Impute(Impute {
                fill: r.fill.ok_or_else(|| need("fill"))?,
            }),
            "one_hot" => FittedStep::OneHot(OneHot {
                categories: r.categories.ok_or_else(|| need("categories"))?,
            }),
            "scale" => FittedStep::Scale(FittedScaler {
                offset: r.offset.ok_or_else(|| need("offset"))?,
                factor: r.factor.ok_or_else(|| need("factor"))?,
            }),
            "window" => FittedStep::Window(WindowConfig {
                lookback: r.lookback.ok_or_else(|| need("lookback"))?,
                horizon: r.horizon.ok_or_else(|| need("horizon"))?,
            }),
            "log" => FittedStep::Log(Log),
            "difference" => FittedStep::Difference(Difference),
            "text" => FittedStep::Text(TextVec {
                output_mode: match r.output_mode.as_deref() {
                    None => return Err(need("output_mode")),
                    Some(m) => OutputMode::from_name(m)
                        .ok_or_else(|| D::Error::unknown_variant(m, &OutputMode::NAMES))?,
                },
                max_length: r.max_length.ok_or_else(|| need("max_length"))?,
                vocabulary: r.vocabulary.ok_or_else(|| need("vocabulary"))?,
                idf: r.idf.ok_or_else(|| need("idf"))?,
            }),
            other => {
                return Err(D::Error::custom(format!(
                "unknown step type {other:?}; the types are select, impute, one_hot, scale, window, log, difference, text"
            )))
            }
        })
    }
}
