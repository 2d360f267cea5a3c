//! Contract 1, the model side of the experiment: layers, loss, optimizer, fit settings (Keras
//! names and defaults). Re-exported from [`crate::experiment`].

use serde::{Deserialize, Serialize};

fn is_true(b: &bool) -> bool {
    *b
}

/// The layers, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct ModelConfig {
    pub layers: Vec<LayerConfig>,
}

/// One layer of a `Sequential` model. Read by src/experiment/de.rs (the same keys, defaults
/// and `deny_unknown_fields` as these attributes say, per layer type).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LayerConfig {
    Dense {
        units: usize,
        activation: Activation,
        /// `false`: no bias term (`y = activation(x·W)`), as Keras `use_bias`.
        #[serde(skip_serializing_if = "is_true")]
        use_bias: bool,
        /// L1/L2 penalty on the kernel (Keras `kernel_regularizer`).
        #[serde(skip_serializing_if = "Option::is_none")]
        kernel_regularizer: Option<Regularizer>,
    },
    Dropout {
        rate: f32,
    },
    /// Long short-term memory over `[steps, features]` inputs.
    Lstm {
        units: usize,
        return_sequences: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        kernel_regularizer: Option<Regularizer>,
    },
    /// Gated recurrent unit (Keras 2 default: `reset_after`) over `[steps, features]` inputs.
    Gru {
        units: usize,
        return_sequences: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
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
        strides: usize,
        padding: Padding,
        activation: Activation,
        #[serde(skip_serializing_if = "is_true")]
        use_bias: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        kernel_regularizer: Option<Regularizer>,
    },
    /// Max pooling over square `pool_size` windows (valid padding); `strides` `null` = `pool_size`.
    MaxPool2d {
        pool_size: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        strides: Option<usize>,
    },
    /// `[height, width, channels]` → `[height·width·channels]`, row-major (Keras order).
    Flatten {},
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

/// The optimizer and its hyper-parameters. Read by src/experiment/de.rs, which fills in the
/// Keras defaults (learning rate 0.01 for gd/sgd, 0.001 for adam/rmsprop).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OptimizerConfig {
    Gd {
        learning_rate: f32,
    },
    Sgd {
        learning_rate: f32,
        momentum: f32,
        nesterov: bool,
    },
    Adam {
        learning_rate: f32,
        beta_1: f32,
        beta_2: f32,
        epsilon: f32,
    },
    Rmsprop {
        learning_rate: f32,
        rho: f32,
        epsilon: f32,
    },
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
                beta_1: 0.9,
                beta_2: 0.999,
                epsilon: 1e-7,
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
