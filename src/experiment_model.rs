//! Contract 1, the model side of the experiment: layers, loss, optimizer, fit settings (Keras
//! names and defaults). Re-exported from [`crate::experiment`].

use serde::{Deserialize, Serialize};

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
    /// Keras `Reshape`: `[batch, ...]` → `[batch, target_shape...]` (same number of values).
    Reshape {
        target_shape: Vec<usize>,
    },
    /// 2-D convolution over `[height, width, channels]` (NHWC) with a square `kernel_size`.
    Conv2d {
        filters: usize,
        kernel_size: usize,
        #[serde(default = "one")]
        strides: usize,
        #[serde(default)]
        padding: Padding,
        #[serde(default)]
        activation: Activation,
        #[serde(default = "yes", skip_serializing_if = "is_true")]
        use_bias: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kernel_regularizer: Option<Regularizer>,
    },
    /// Max pooling over square `pool_size` windows (valid padding); `strides` `null` = `pool_size`.
    MaxPool2d {
        pool_size: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        strides: Option<usize>,
    },
    /// `[height, width, channels]` → `[height·width·channels]`, row-major (Keras order).
    Flatten {},
}

fn one() -> usize {
    1
}

/// Convolution padding (Keras/TF): `valid` (none) or `same` (output `ceil(size / strides)`,
/// the odd pixel of padding on the bottom/right).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Padding {
    #[default]
    Valid,
    Same,
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
