//! Reading the `"type"`-tagged enums ([`LayerConfig`], [`OptimizerConfig`]) from JSON through one
//! flat struct of optional keys each, then the type's own key list and defaults: serde's derived
//! internally-tagged readers instantiate a visitor per type (~10 KB of wasm for the eight layer
//! types, 14 KB for the optimizers), these one struct visitor each.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

use super::model::{Activation, LayerConfig, OptimizerConfig, Padding, Regularizer};

/// Every key any layer type has; which ones a type takes is checked in [`layer`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayer {
    #[serde(rename = "type")]
    kind: String,
    units: Option<usize>,
    activation: Option<Activation>,
    use_bias: Option<bool>,
    kernel_regularizer: Option<Regularizer>,
    rate: Option<f32>,
    return_sequences: Option<bool>,
    target_shape: Option<Vec<usize>>,
    filters: Option<usize>,
    kernel_size: Option<usize>,
    strides: Option<usize>,
    padding: Option<Padding>,
    pool_size: Option<usize>,
}

const TYPES: &str =
    "`dense`, `dropout`, `lstm`, `gru`, `reshape`, `conv2d`, `max_pool2d`, `flatten`";

impl<'de> Deserialize<'de> for LayerConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        layer(RawLayer::deserialize(d)?).map_err(D::Error::custom)
    }
}

/// `field` or the message serde gives for a missing one.
fn need<T>(field: Option<T>, name: &str) -> Result<T, String> {
    field.ok_or_else(|| format!("missing field `{name}`"))
}

/// An error naming the first present key that type `kind` does not take; `common` are the keys
/// every type of the enum takes besides `allowed` (named in the message, never in `present`).
fn only(
    kind: &str,
    present: &[(&str, bool)],
    allowed: &[&str],
    common: &[&str],
) -> Result<(), String> {
    let Some((name, _)) = present.iter().find(|(n, p)| *p && !allowed.contains(n)) else {
        return Ok(());
    };
    let keys: Vec<String> = common
        .iter()
        .chain(allowed)
        .map(|a| format!("`{a}`"))
        .collect();
    Err(match keys.is_empty() {
        true => format!("unknown field `{name}`: type {kind:?} takes no other keys; remove it"),
        false => format!(
            "unknown field `{name}` for type {kind:?}, expected one of {}",
            keys.join(", ")
        ),
    })
}

fn layer(r: RawLayer) -> Result<LayerConfig, String> {
    let present = [
        ("units", r.units.is_some()),
        ("activation", r.activation.is_some()),
        ("use_bias", r.use_bias.is_some()),
        ("kernel_regularizer", r.kernel_regularizer.is_some()),
        ("rate", r.rate.is_some()),
        ("return_sequences", r.return_sequences.is_some()),
        ("target_shape", r.target_shape.is_some()),
        ("filters", r.filters.is_some()),
        ("kernel_size", r.kernel_size.is_some()),
        ("strides", r.strides.is_some()),
        ("padding", r.padding.is_some()),
        ("pool_size", r.pool_size.is_some()),
    ];
    let allowed: &[&str] = match r.kind.as_str() {
        "dense" => &["units", "activation", "use_bias", "kernel_regularizer"],
        "dropout" => &["rate"],
        "lstm" | "gru" => &["units", "return_sequences", "kernel_regularizer"],
        "reshape" => &["target_shape"],
        "conv2d" => &[
            "filters",
            "kernel_size",
            "strides",
            "padding",
            "activation",
            "use_bias",
            "kernel_regularizer",
        ],
        "max_pool2d" => &["pool_size", "strides"],
        "flatten" => &[],
        other => {
            return Err(format!(
                "unknown variant `{other}`, expected one of {TYPES}"
            ))
        }
    };
    only(&r.kind, &present, allowed, &[])?;
    let (activation, use_bias) = (r.activation.unwrap_or_default(), r.use_bias.unwrap_or(true));
    let (kernel_regularizer, return_sequences) =
        (r.kernel_regularizer, r.return_sequences.unwrap_or(false));
    Ok(match r.kind.as_str() {
        "dense" => LayerConfig::Dense {
            units: need(r.units, "units")?,
            activation,
            use_bias,
            kernel_regularizer,
        },
        "dropout" => LayerConfig::Dropout {
            rate: need(r.rate, "rate")?,
        },
        "lstm" => LayerConfig::Lstm {
            units: need(r.units, "units")?,
            return_sequences,
            kernel_regularizer,
        },
        "gru" => LayerConfig::Gru {
            units: need(r.units, "units")?,
            return_sequences,
            kernel_regularizer,
        },
        "reshape" => LayerConfig::Reshape {
            target_shape: need(r.target_shape, "target_shape")?,
        },
        "conv2d" => LayerConfig::Conv2d {
            filters: need(r.filters, "filters")?,
            kernel_size: need(r.kernel_size, "kernel_size")?,
            strides: r.strides.unwrap_or(1),
            padding: r.padding.unwrap_or_default(),
            activation,
            use_bias,
            kernel_regularizer,
        },
        "max_pool2d" => LayerConfig::MaxPool2d {
            pool_size: need(r.pool_size, "pool_size")?,
            strides: r.strides,
        },
        _ => LayerConfig::Flatten {},
    })
}

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
    only(&r.kind, &present, allowed, &["learning_rate"])?;
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
