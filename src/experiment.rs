//! Contract 1: the experiment — one JSON document for data preparation, model and training.
//!
//! Keras and scikit-learn names. Unknown keys are an error naming the key's path; every number is
//! range-checked so that a shared link cannot exhaust memory.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Upper bounds on sizes a document may ask for.
pub mod limits {
    pub const MAX_UNITS: usize = 4096;
    pub const MAX_LAYERS: usize = 32;
    pub const MAX_EPOCHS: usize = 100_000;
    pub const MAX_BATCH: usize = 65_536;
    pub const MAX_LOOKBACK: usize = 1000;
    pub const MAX_HORIZON: usize = 1000;
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

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// The layers, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct ModelConfig {
    pub layers: Vec<LayerConfig>,
}

/// One layer of a `Sequential` model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum LayerConfig {
    Dense {
        units: usize,
        #[serde(default)]
        activation: Activation,
        /// `false`: no bias term (`y = activation(x·W)`), as Keras `use_bias`.
        #[serde(default = "yes", skip_serializing_if = "is_true")]
        use_bias: bool,
        /// L1/L2 penalty on the kernel (Keras `kernel_regularizer`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kernel_regularizer: Option<Regularizer>,
    },
    Dropout {
        rate: f32,
    },
    /// Long short-term memory over `[steps, features]` inputs.
    Lstm {
        units: usize,
        #[serde(default)]
        return_sequences: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kernel_regularizer: Option<Regularizer>,
    },
    /// Gated recurrent unit (Keras 2 default: `reset_after`) over `[steps, features]` inputs.
    Gru {
        units: usize,
        #[serde(default)]
        return_sequences: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kernel_regularizer: Option<Regularizer>,
    },
}

impl LayerConfig {
    /// A dense layer with a bias and no regulariser.
    pub fn dense(units: usize, activation: Activation) -> Self {
        LayerConfig::Dense {
            units,
            activation,
            use_bias: true,
            kernel_regularizer: None,
        }
    }
}

/// A weight penalty added to the loss: `l1·Σ|w| + l2·Σw²` (Keras `L1L2`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Regularizer {
    pub l1: f32,
    pub l2: f32,
}

/// Element-wise (or, for softmax, row-wise) output functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Activation {
    #[default]
    Linear,
    Relu,
    LeakyRelu,
    Sigmoid,
    Tanh,
    Softmax,
}

/// Loss, optimizer and the metrics to report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CompileConfig {
    /// `null` picks the usual loss for the task.
    pub loss: Option<Loss>,
    pub optimizer: OptimizerConfig,
    pub metrics: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Loss {
    Mse,
    Mae,
    Huber,
    BinaryCrossentropy,
    CategoricalCrossentropy,
}

/// The optimizer and its hyper-parameters (Keras defaults).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum OptimizerConfig {
    Gd {
        #[serde(default = "lr_sgd")]
        learning_rate: f32,
    },
    Sgd {
        #[serde(default = "lr_sgd")]
        learning_rate: f32,
        #[serde(default)]
        momentum: f32,
        #[serde(default)]
        nesterov: bool,
    },
    Adam {
        #[serde(default = "lr_adam")]
        learning_rate: f32,
        #[serde(default = "beta_1")]
        beta_1: f32,
        #[serde(default = "beta_2")]
        beta_2: f32,
        #[serde(default = "epsilon")]
        epsilon: f32,
    },
    Rmsprop {
        #[serde(default = "lr_adam")]
        learning_rate: f32,
        #[serde(default = "rho")]
        rho: f32,
        #[serde(default = "epsilon")]
        epsilon: f32,
    },
}

fn lr_sgd() -> f32 {
    0.01
}
fn lr_adam() -> f32 {
    0.001
}
fn beta_1() -> f32 {
    0.9
}
fn beta_2() -> f32 {
    0.999
}
fn epsilon() -> f32 {
    1e-7
}
fn rho() -> f32 {
    0.9
}

/// Epochs, batch size and callbacks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FitConfig {
    pub epochs: usize,
    pub batch_size: usize,
    pub early_stopping: Option<EarlyStopping>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EarlyStopping {
    pub monitor: String,
    pub patience: usize,
    pub restore_best_weights: bool,
}

impl Default for Experiment {
    fn default() -> Self {
        Experiment {
            version: 1,
            seed: 42,
            data: DataConfig::default(),
            model: ModelConfig {
                layers: vec![
                    LayerConfig::Dense {
                        units: 16,
                        activation: Activation::Relu,
                        use_bias: true,
                        kernel_regularizer: None,
                    },
                    LayerConfig::Dense {
                        units: 3,
                        activation: Activation::Softmax,
                        use_bias: true,
                        kernel_regularizer: None,
                    },
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

impl Default for CompileConfig {
    fn default() -> Self {
        CompileConfig {
            loss: None,
            optimizer: OptimizerConfig::Adam {
                learning_rate: 0.01,
                beta_1: beta_1(),
                beta_2: beta_2(),
                epsilon: epsilon(),
            },
            metrics: vec![],
        }
    }
}

impl Default for FitConfig {
    fn default() -> Self {
        FitConfig {
            epochs: 100,
            batch_size: 32,
            early_stopping: None,
        }
    }
}

impl Default for EarlyStopping {
    fn default() -> Self {
        EarlyStopping {
            monitor: "val_loss".into(),
            patience: 10,
            restore_best_weights: true,
        }
    }
}

impl OptimizerConfig {
    /// The learning rate, whatever the optimizer.
    pub fn learning_rate(&self) -> f32 {
        match self {
            OptimizerConfig::Gd { learning_rate }
            | OptimizerConfig::Sgd { learning_rate, .. }
            | OptimizerConfig::Adam { learning_rate, .. }
            | OptimizerConfig::Rmsprop { learning_rate, .. } => *learning_rate,
        }
    }
}

impl Experiment {
    /// Parses and validates a JSON document; errors name the key path (`data.split.tset`).
    pub fn from_json(text: &str) -> Result<Self> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let exp: Experiment = serde_path_to_error::deserialize(de).map_err(|e| {
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
        crate::experiment_check::validate(self)
    }
}
