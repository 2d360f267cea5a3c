//! Reading an [`OptimizerConfig`] from JSON through one flat struct of optional keys, then the
//! type's own keys and Keras defaults (serde's derived internally-tagged reader instantiates a
//! visitor per type: 14 KB of wasm for the four optimizers).

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

use super::de::not_taken;
use super::model::OptimizerConfig;

/// Every key any optimizer has.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOptimizer {
    #[serde(rename = "type")]
    kind: String,
    learning_rate: Option<f32>,
    momentum: Option<f32>,
    nesterov: Option<bool>,
    beta_1: Option<f32>,
    beta_2: Option<f32>,
    epsilon: Option<f32>,
    rho: Option<f32>,
}

impl<'de> Deserialize<'de> for OptimizerConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        optimizer(RawOptimizer::deserialize(d)?).map_err(D::Error::custom)
    }
}

/// Keras defaults: learning rate 0.01 for gd/sgd and 0.001 for adam/rmsprop, β₁ 0.9, β₂ 0.999,
/// ε 1e-7, ρ 0.9, no momentum.
fn optimizer(r: RawOptimizer) -> Result<OptimizerConfig, String> {
    let present = [
        ("momentum", r.momentum.is_some()),
        ("nesterov", r.nesterov.is_some()),
        ("beta_1", r.beta_1.is_some()),
        ("beta_2", r.beta_2.is_some()),
        ("epsilon", r.epsilon.is_some()),
        ("rho", r.rho.is_some()),
    ];
    let (allowed, lr): (&[&str], f32) = match r.kind.as_str() {
        "gd" => (&[], 0.01),
        "sgd" => (&["momentum", "nesterov"], 0.01),
        "adam" => (&["beta_1", "beta_2", "epsilon"], 0.001),
        "rmsprop" => (&["rho", "epsilon"], 0.001),
        other => {
            return Err(format!(
                "unknown variant `{other}`, expected one of `gd`, `sgd`, `adam`, `rmsprop`"
            ))
        }
    };
    if let Some((name, _)) = present.iter().find(|(n, p)| *p && !allowed.contains(n)) {
        let takes = [&["learning_rate"], allowed].concat();
        return Err(not_taken(&r.kind, name, &takes));
    }
    let learning_rate = r.learning_rate.unwrap_or(lr);
    let epsilon = r.epsilon.unwrap_or(1e-7);
    Ok(match r.kind.as_str() {
        "gd" => OptimizerConfig::Gd { learning_rate },
        "sgd" => OptimizerConfig::Sgd {
            learning_rate,
            momentum: r.momentum.unwrap_or(0.0),
            nesterov: r.nesterov.unwrap_or(false),
        },
        "adam" => OptimizerConfig::Adam {
            learning_rate,
            beta_1: r.beta_1.unwrap_or(0.9),
            beta_2: r.beta_2.unwrap_or(0.999),
            epsilon,
        },
        _ => OptimizerConfig::Rmsprop {
            learning_rate,
            rho: r.rho.unwrap_or(0.9),
            epsilon,
        },
    })
}
