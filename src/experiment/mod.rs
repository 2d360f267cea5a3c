//! Contract 1: the experiment — one JSON document for data preparation, model and training.
//!
//! Keras and scikit-learn names. Unknown keys are an error naming the key's path; every number is
//! range-checked so that a shared link cannot exhaust memory.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

mod check;
mod de;
pub mod keys;
pub(crate) mod layer_config;
mod layers;
mod model;
mod optimizer_de;
pub mod values;

pub use layer_config::{LayerType, RawKeys};
pub use layers::{all_keys, layer_types, LayerConfig, LAYER_TYPES};
pub use model::*;

/// Upper bounds on sizes a document may ask for.
pub mod limits {
    pub const MAX_UNITS: usize = 4096;
    pub const MAX_LAYERS: usize = 32;
    pub const MAX_EPOCHS: usize = 100_000;
    pub const MAX_BATCH: usize = 65_536;
    pub const MAX_LOOKBACK: usize = 1000;
    pub const MAX_HORIZON: usize = 1000;
    /// Conv2d `kernel_size`/`strides` and max_pool2d `pool_size`/`strides`.
    pub const MAX_WINDOW: usize = 64;
    /// Each entry of a reshape's `target_shape`.
    pub const MAX_DIM: usize = 1 << 20;
    /// The most entries of a reshape's `target_shape`.
    pub const MAX_SHAPE_LEN: usize = 3;
    /// Seeds stay exact in JavaScript numbers.
    pub const MAX_SEED: u64 = (1 << 53) - 1;
}

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
    /// The input columns; `null` means every column but the target.
    pub features: Option<Vec<String>>,
    pub task: Task,
    pub missing: Missing,
    pub scale: Scale,
    pub split: SplitConfig,
    pub window: Option<WindowConfig>,
    /// Rows whose field count differs from the header's: stop with an error, or skip them.
    pub on_bad_rows: BadRows,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BadRows {
    #[default]
    Error,
    Skip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    #[default]
    Auto,
    Classification,
    Regression,
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
            task: Task::Auto,
            missing: Missing::Mean,
            scale: Scale::Standard,
            split: SplitConfig::default(),
            window: None,
            on_bad_rows: BadRows::Error,
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

impl Experiment {
    /// Parses and validates a JSON document; errors name the key path (`data.split.tset`).
    pub fn from_json(text: &str) -> Result<Self> {
        // Through a `Value`, as model files are read: one instance of the deserialisers in the wasm.
        let value = crate::json::parse(text)
            .map_err(|e| Error::experiment("(top level)", e.to_string()))?;
        let exp: Experiment = crate::json::from_value(&value).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." {
                "(top level)".to_string()
            } else {
                path
            };
            Error::experiment(&path, e.into_inner().to_string())
        })?;
        exp.validate()?;
        Ok(exp)
    }

    /// The document as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an Experiment always serialises")
    }

    /// Range-checks every number; the error names the field and the allowed range.
    pub fn validate(&self) -> Result<()> {
        check::validate(self)
    }
}
