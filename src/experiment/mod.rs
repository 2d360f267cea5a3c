//! Contract 1: the experiment — one JSON document for data preparation, model and training.
//!
//! Keras and scikit-learn names. Unknown keys are an error naming the key's path; every number is
//! range-checked so that a shared link cannot exhaust memory.

use serde::{Deserialize, Serialize};

mod check;
mod de;
mod document;
pub mod keys;
pub(crate) mod layer_config;
mod layers;
pub mod limits;
mod model;
mod optimizer_de;
pub mod range;
pub mod recommend;
pub mod text;
pub mod values;

pub use crate::nn::{
    activation::Activation, loss::Loss, regularizer::Regularizer, window::Padding,
};
pub use layer_config::{LayerType, RawKeys};
pub use layers::{all_keys, check_embedding_input_dim, layer_types, LayerConfig, LAYER_TYPES};
pub use model::*;
pub use recommend::{RecommendData, RecommenderConfig, RecommenderKind};
pub use text::{OutputMode, TextConfig};

/// The whole pipeline: data preparation, model, compile and fit settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Experiment {
    pub version: u32,
    pub seed: u64,
    pub data: DataConfig,
    pub model: ModelConfig,
    pub compile: CompileConfig,
    pub fit: FitConfig,
}

/// Where the data comes from and how it is prepared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DataConfig {
    /// `builtin:NAME` or `file:NAME.csv`.
    pub source: String,
    /// The column to predict; `null` means the last column.
    pub target: Option<String>,
    /// The input columns; `null` means every column but the target (and the date columns).
    pub features: Option<Vec<String>>,
    /// The columns left out (extension): every column but the target, the date columns and
    /// these — the short form of a wide table's `features`. Giving both keys is an error.
    /// Left out of the JSON while `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclude: Option<Vec<String>>,
    pub task: Task,
    pub missing: Missing,
    pub scale: Scale,
    pub split: SplitConfig,
    pub window: Option<WindowConfig>,
    /// What is done to a `data.window` series before scaling (extension): `log`, `difference`
    /// (each value minus the one before) or `log_difference` (log returns). Fitted steps; the
    /// predictions are mapped back to the series' units. Left out of the JSON while `none`.
    #[serde(skip_serializing_if = "SeriesTransform::is_none")]
    pub transform: SeriesTransform,
    /// How text columns become inputs (extension; `null`: the defaults of [`TextConfig`]). Kept
    /// as JSON like `column_kinds` (no derived deserialiser in the wasm); [`TextConfig::read`]
    /// reads it, checked by `validate`.
    #[serde(skip_serializing_if = "serde_json::Value::is_null")]
    pub text: serde_json::Value,
    /// Rows whose field count differs from the header's: stop with an error, or skip them.
    pub on_bad_rows: BadRows,
    /// Columns read as another kind than the reader chose (extension): `{"price": "numeric"}`
    /// reads a mostly-numeric column with its other cells missing (the load's warning named
    /// them), `"categorical"` each cell as it prints, `"text"` each cell as a sentence of tokens
    /// (`data.text`). Kept as JSON (no second map deserialiser in
    /// the wasm); [`DataConfig::column_kinds`] reads it, checked by `validate`.
    #[serde(
        rename = "column_kinds",
        skip_serializing_if = "serde_json::Value::is_null"
    )]
    pub kinds: serde_json::Value,
    /// The user and item id columns of a recommendation task (src/experiment/recommend.rs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommend: Option<RecommendData>,
}

impl DataConfig {
    /// `data.column_kinds` as `(column, kind)` pairs: `"numeric"`, `"categorical"` or `"text"`.
    pub fn column_kinds(&self) -> impl Iterator<Item = (&str, &str)> {
        (self.kinds.as_object().into_iter().flatten())
            .map(|(name, kind)| (name.as_str(), kind.as_str().unwrap_or_default()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BadRows {
    #[default]
    Error,
    Skip,
}

/// `data.transform`: what a series goes through before scaling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SeriesTransform {
    #[default]
    None,
    Log,
    Difference,
    LogDifference,
}

impl SeriesTransform {
    pub fn is_none(&self) -> bool {
        *self == SeriesTransform::None
    }

    /// (log, difference): the steps it adds, in that order.
    pub fn parts(self) -> (bool, bool) {
        use SeriesTransform::*;
        (
            matches!(self, Log | LogDifference),
            matches!(self, Difference | LogDifference),
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    #[default]
    Auto,
    Classification,
    Regression,
    /// Ratings of items by users: `data.recommend` and `model.recommender` say how.
    Recommendation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    Drop,
    #[default]
    Mean,
    Median,
    MostFrequent,
    Zero,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    #[default]
    Standard,
    Minmax,
    None,
}

/// How rows are divided into train, validation and test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SplitConfig {
    pub method: SplitMethod,
    pub validation: f64,
    pub test: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SplitMethod {
    Random,
    #[default]
    Stratified,
    Chronological,
}

/// Turns a series into `lookback` steps → the value `horizon` steps ahead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowConfig {
    pub lookback: usize,
    #[serde(default = "one")]
    pub horizon: usize,
}

fn one() -> usize {
    1
}

impl Default for Experiment {
    fn default() -> Self {
        Experiment {
            version: 1,
            seed: 42,
            data: DataConfig::default(),
            model: ModelConfig {
                layers: vec![
                    LayerConfig::dense(16, Activation::Relu),
                    LayerConfig::dense(3, Activation::Softmax),
                ],
                recommender: None,
            },
            compile: CompileConfig::default(),
            fit: FitConfig::default(),
        }
    }
}

impl Default for DataConfig {
    fn default() -> Self {
        DataConfig {
            source: "builtin:iris".into(),
            target: None,
            features: None,
            exclude: None,
            task: Task::Auto,
            missing: Missing::Mean,
            scale: Scale::Standard,
            split: SplitConfig::default(),
            window: None,
            transform: SeriesTransform::None,
            text: serde_json::Value::Null,
            on_bad_rows: BadRows::Error,
            kinds: serde_json::Value::Null,
            recommend: None,
        }
    }
}

impl Default for SplitConfig {
    fn default() -> Self {
        SplitConfig {
            method: SplitMethod::Stratified,
            validation: 0.1,
            test: 0.2,
        }
    }
}
