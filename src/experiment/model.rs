//! Contract 1, the model side of the experiment: the layer list, loss, optimizer, fit settings
//! (Keras names and defaults). Re-exported from [`crate::experiment`]; each layer type's keys are
//! described next to the layer (src/nn/), registered in src/experiment/layers.rs. The names the
//! layers and the loss take (activations, padding, regularizers, losses) live with their maths
//! in src/nn/ and are re-exported from [`crate::experiment`] too.

use serde::{Deserialize, Serialize};

use super::layers::LayerConfig;
use crate::nn::loss::Loss;

/// The layers, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct ModelConfig {
    pub layers: Vec<LayerConfig>,
    /// The embedding model of a recommendation task (src/experiment/recommend.rs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommender: Option<super::RecommenderConfig>,
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

/// The optimizer and its hyper-parameters. Read by src/experiment/optimizer_de.rs, which fills in the
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
