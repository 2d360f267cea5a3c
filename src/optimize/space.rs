//! The search space: which settings (knobs) vary, over which values, and how one point of the
//! space (a trial's `Settings`) is applied to an experiment.
//!
//! Knobs edit the experiment's JSON form, so they keep working when the core grows new layer types
//! or optimizers. To add a dimension: add a `Knob` variant and its arm in `Knob::apply`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::experiment::Experiment;

/// A setting a search can vary. Applied in declaration order (optimizer before learning rate,
/// layers before units and dropout).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Knob {
    /// `compile.optimizer.type` (`adam`, `sgd`, `rmsprop`, `gd`), keeping the learning rate.
    Optimizer,
    /// `compile.optimizer.learning_rate`.
    LearningRate,
    /// `compile.optimizer.momentum` when the optimizer is `sgd` (other optimizers have none: the
    /// value is ignored).
    Momentum,
    /// The number of hidden blocks (a layer with units, plus the dropout after it). A CNN's
    /// reshape/conv2d/max_pool2d/flatten layers are never varied: blocks come after them.
    Layers,
    /// `units` of every hidden layer (the output layer keeps its size; conv2d `filters` stay).
    Units,
    /// The dropout rate after every hidden dense layer (0 removes dropout).
    Dropout,
    /// L2 weight decay: `kernel_regularizer.l2` of every layer with units, output included
    /// (0 removes it). Usually searched log-uniform, e.g. `[1e-5, 0.01]`.
    L2,
    /// `fit.batch_size`.
    BatchSize,
    /// `fit.epochs`.
    Epochs,
    /// `fit.early_stopping`: the patience in epochs (monitoring `val_loss`, restoring the best
    /// weights); 0 turns early stopping off.
    EarlyStopping,
}

/// The values a knob takes, e.g. `{"log_uniform": [0.0001, 0.1]}` or `{"choice": [16, 32, 64]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Domain {
    /// One of these values.
    Choice(Vec<Value>),
    /// Uniform in `[low, high]`.
    Uniform([f64; 2]),
    /// Log-uniform in `[low, high]` (both > 0): each decade equally likely.
    LogUniform([f64; 2]),
}

/// One point of the space: a value per varied knob.
pub type Settings = BTreeMap<Knob, Value>;

impl Knob {
    /// True for knobs whose values are whole numbers.
    pub fn is_integer(self) -> bool {
        matches!(
            self,
            Knob::Layers | Knob::Units | Knob::BatchSize | Knob::Epochs | Knob::EarlyStopping
        )
    }

    /// The knob's name in JSON (`learning_rate`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// A drawn number as this knob's JSON value (rounded for integer knobs).
    pub fn value(self, x: f64) -> Value {
        if self.is_integer() {
            json!(x.round().max(0.0) as u64)
        } else {
            json!(x)
        }
    }

    /// Writes `value` into the experiment's JSON form `exp`.
    pub fn apply(self, exp: &mut Value, value: &Value) -> Result<()> {
        let bad = |what: &str| {
            Error::experiment(
                &format!("search.vary.{}", self.name()),
                format!("{value} is not {what}"),
            )
        };
        match self {
            Knob::Optimizer => {
                let kind = value.as_str().ok_or_else(|| bad("an optimizer name"))?;
                let lr = exp["compile"]["optimizer"]["learning_rate"].clone();
                exp["compile"]["optimizer"] = json!({"type": kind, "learning_rate": lr});
            }
            Knob::LearningRate => {
                value.as_f64().ok_or_else(|| bad("a number"))?;
                exp["compile"]["optimizer"]["learning_rate"] = value.clone();
            }
            Knob::Momentum => {
                value.as_f64().ok_or_else(|| bad("a number"))?;
                let optimizer = &mut exp["compile"]["optimizer"];
                if optimizer["type"] == "sgd" {
                    optimizer["momentum"] = value.clone();
                }
            }
            Knob::L2 => {
                let l2 = value.as_f64().ok_or_else(|| bad("a number"))?;
                for layer in layers_mut(exp)
                    .iter_mut()
                    .filter(|l| l.get("units").is_some())
                {
                    // An existing regulariser keeps its l1; none is added for 0.
                    if layer
                        .get("kernel_regularizer")
                        .is_some_and(Value::is_object)
                    {
                        layer["kernel_regularizer"]["l2"] = value.clone();
                    } else if l2 > 0.0 {
                        layer["kernel_regularizer"] = json!({ "l2": l2 });
                    }
                }
            }
            Knob::EarlyStopping => {
                let patience = value.as_u64().ok_or_else(|| bad("a whole number"))?;
                exp["fit"]["early_stopping"] = if patience == 0 {
                    Value::Null
                } else {
                    json!({"monitor": "val_loss", "patience": patience, "restore_best_weights": true})
                };
            }
            Knob::Layers => {
                let n = value.as_u64().ok_or_else(|| bad("a whole number"))?;
                set_hidden_blocks(exp, n as usize);
            }
            Knob::Units => {
                value.as_u64().ok_or_else(|| bad("a whole number"))?;
                let layers = layers_mut(exp);
                let hidden = layers.len().saturating_sub(1);
                for layer in &mut layers[..hidden] {
                    if layer.get("units").is_some() {
                        layer["units"] = value.clone();
                    }
                }
            }
            Knob::Dropout => {
                let rate = value.as_f64().ok_or_else(|| bad("a number"))?;
                set_dropout(exp, rate);
            }
            Knob::BatchSize | Knob::Epochs => {
                value.as_u64().ok_or_else(|| bad("a whole number"))?;
                let key = if self == Knob::Epochs {
                    "epochs"
                } else {
                    "batch_size"
                };
                exp["fit"][key] = value.clone();
            }
        }
        Ok(())
    }
}

/// `base` with `settings` applied, validated like any experiment (errors name the key).
pub fn apply(base: &Experiment, settings: &Settings) -> Result<Experiment> {
    let mut exp = serde_json::to_value(base).expect("an Experiment always serialises");
    for (knob, value) in settings {
        knob.apply(&mut exp, value)?;
    }
    Experiment::from_json(&exp.to_string()).map_err(|e| match e {
        Error::Experiment { path, message } => Error::experiment(
            &path,
            format!("{message} (from the search settings {})", json!(settings)),
        ),
        other => other,
    })
}

fn layers_mut(exp: &mut Value) -> &mut Vec<Value> {
    let layers = &mut exp["model"]["layers"];
    if !layers.is_array() {
        *layers = json!([]);
    }
    layers.as_array_mut().expect("just made an array")
}

/// Hidden layers grouped in blocks: a layer with units followed by the layers without (dropout).
fn hidden_blocks(layers: &[Value]) -> Vec<Vec<Value>> {
    let mut blocks: Vec<Vec<Value>> = vec![];
    for layer in layers {
        match blocks.last_mut() {
            Some(block) if layer.get("units").is_none() => block.push(layer.clone()),
            _ => blocks.push(vec![layer.clone()]),
        }
    }
    blocks
}

/// Splits off the layers no knob varies: a CNN's feature extractor, everything up to its last
/// layer that is neither a dropout nor has `units` (reshape, conv2d, max_pool2d, flatten: their
/// shapes chain, and conv layers have `filters`). The layers, units and dropout knobs work on the dense blocks after it.
fn take_fixed(layers: &mut Vec<Value>) -> Vec<Value> {
    let spatial = |l: &Value| l.get("units").is_none() && l["type"] != "dropout";
    let n = layers.iter().rposition(spatial).map_or(0, |i| i + 1);
    layers.drain(..n).collect()
}

/// Keeps the first `n` hidden blocks, repeating the last one when more are asked for.
fn set_hidden_blocks(exp: &mut Value, n: usize) {
    let layers = layers_mut(exp);
    let Some(output) = layers.pop() else { return };
    let fixed = take_fixed(layers);
    let mut blocks = hidden_blocks(layers);
    let template = blocks
        .last()
        .cloned()
        .unwrap_or_else(|| vec![json!({"type": "dense", "units": 16, "activation": "relu"})]);
    blocks.truncate(n);
    while blocks.len() < n {
        blocks.push(template.clone());
    }
    // Recurrent layers feed the next recurrent layer whole sequences; the last keeps its setting.
    let last_seq = template[0].get("return_sequences").cloned();
    let count = blocks.len();
    for (i, block) in blocks.iter_mut().enumerate() {
        if let Some(seq) = &last_seq {
            block[0]["return_sequences"] = if i + 1 < count {
                json!(true)
            } else {
                seq.clone()
            };
        }
    }
    *layers = fixed;
    layers.extend(blocks.into_iter().flatten());
    layers.push(output);
}

/// Sets every hidden dropout to `rate`, adding one after each hidden block that has none;
/// a rate of 0 removes them.
fn set_dropout(exp: &mut Value, rate: f64) {
    let layers = layers_mut(exp);
    let Some(output) = layers.pop() else { return };
    let is_dropout = |l: &Value| l["type"] == "dropout";
    let mut out = take_fixed(layers);
    for mut block in hidden_blocks(layers) {
        block.retain(|l| !is_dropout(l));
        if rate > 0.0 && !block.is_empty() {
            block.insert(1, json!({"type": "dropout", "rate": rate}));
        }
        out.extend(block);
    }
    out.push(output);
    *layers = out;
}

#[cfg(test)]
#[path = "space_tests.rs"]
mod tests;
