//! Checks on a model file beyond what `serde` does: unknown keys, tensors, test metrics (the
//! fitted preprocessing checks itself: `Preprocessing::check`).

use serde_json::Value;

use super::tensor::Tensor;
use crate::data::check::finite;
use crate::error::{Error, Result};
use crate::experiment::LayerConfig;

/// Reads `value` (the part of the file at `path`) into `T`; errors name the place.
pub fn read<T: serde::de::DeserializeOwned>(file: &str, path: &str, value: &Value) -> Result<T> {
    crate::json::from_value(value).map_err(|e| placed(file, path, e))
}

/// A reading error at `path` (plus the place inside it the error names).
fn placed(file: &str, path: &str, e: crate::json::PathError) -> Error {
    let place = match e.path() {
        p if p == "." => String::new(),
        p if p.starts_with('[') => p,
        p => format!(".{p}"),
    };
    Error::data(file, format!("{path}{place}: {}", e.inner()))
}

/// A key of the object `value` (at `path`) outside `allowed` and `more` is an error naming it.
pub fn only_keys(
    file: &str,
    path: &str,
    value: &Value,
    allowed: &[&str],
    more: &[&str],
) -> Result<()> {
    let Some(obj) = value.as_object() else {
        return Ok(());
    };
    let known = |k: &str| allowed.contains(&k) || more.contains(&k);
    match obj.keys().find(|k| !known(k)) {
        Some(key) => Err(Error::data(
            file,
            format!("{path}: unknown key {key:?}; remove it"),
        )),
        None => Ok(()),
    }
}

/// Keys in `given` that the parsed value (re-serialised as `known`) does not have: a key the
/// reader would silently drop (`__proto__` included) is an error naming its path.
pub fn unknown_keys(name: &str, path: &str, given: &Value, known: &Value) -> Result<()> {
    match (given, known) {
        (Value::Object(g), Value::Object(k)) => {
            g.iter().try_for_each(|(key, gv)| match k.get(key) {
                Some(kv) => unknown_keys(name, &format!("{path}.{key}"), gv, kv),
                None => Err(Error::data(
                    name,
                    format!("{path}: unknown key {key:?}; remove it"),
                )),
            })
        }
        (Value::Array(g), Value::Array(k)) => g
            .iter()
            .zip(k)
            .enumerate()
            .try_for_each(|(i, (gv, kv))| unknown_keys(name, &format!("{path}[{i}]"), gv, kv)),
        _ => Ok(()),
    }
}

/// Every tensor's data fits its shape and is finite; errors name the tensor's layer (1-based)
/// among `layers`, the experiment's.
pub fn tensors(name: &str, tensors: &[Tensor], layers: &[LayerConfig]) -> Result<()> {
    for (i, t) in tensors.iter().enumerate() {
        let layer = owner(layers, i);
        let fail = |what: String| Err(Error::data(name, format!("{}{what}", place(layer, i))));
        if let Err(e) = t.int8.as_ref().map_or(Ok(vec![]), |_| t.int8_values()) {
            return fail(format!(".int8 {e}; the file is damaged or was edited"));
        }
        let want = t.shape.iter().try_fold(1usize, |a, &d| a.checked_mul(d));
        if want != Some(t.len()) {
            return fail(format!(
                " has shape {:?} but {} values; the file is damaged or truncated",
                t.shape,
                t.len()
            ));
        }
        if let Some((_, LayerConfig::Embedding(e))) = layer {
            if t.shape != [e.input_dim, e.output_dim] {
                return fail(format!(" has shape {:?} but the layer's table is [input_dim {}, output_dim {}]; the file is damaged or was edited", t.shape, e.input_dim, e.output_dim));
            }
        }
        if t.int8.is_some() || t.scales.is_some() || t.scale_axis.is_some() {
            int8(name, &place(layer, i), t)?;
        } else {
            finite(name, &format!("{}.data", place(layer, i)), &t.data)?;
        }
    }
    Ok(())
}

/// The layer (1-based) holding tensor `i`, and its config.
fn owner(layers: &[LayerConfig], i: usize) -> Option<(usize, &LayerConfig)> {
    let mut first = 0;
    for (l, c) in layers.iter().enumerate() {
        first += tensor_count(c);
        if i < first {
            return Some((l + 1, c));
        }
    }
    None
}

/// `Layer 2 (dense): weights.tensors[3]` (without the layer when the file has too many tensors).
fn place(layer: Option<(usize, &LayerConfig)>, i: usize) -> String {
    match layer {
        Some((l, c)) => format!("Layer {l} ({}): weights.tensors[{i}]", c.kind()),
        None => format!("weights.tensors[{i}]"),
    }
}

/// How many tensors a layer holds in `weights.tensors` (its `Layer::weights()`; a test holds
/// the two together).
pub fn tensor_count(layer: &LayerConfig) -> usize {
    match layer {
        LayerConfig::Dense(d) => 1 + usize::from(d.use_bias),
        LayerConfig::Conv2d(c) => 1 + usize::from(c.use_bias),
        LayerConfig::Lstm(_) | LayerConfig::Gru(_) => 3,
        LayerConfig::Embedding(_) => 1,
        _ => 0,
    }
}

/// A quantised tensor `at` (extension): `int8` without `data`, and one finite, positive scale
/// per output channel (the last axis, or axis `scale_axis`, which must exist).
fn int8(name: &str, at: &str, t: &Tensor) -> Result<()> {
    let fail = |what: String| Err(Error::data(name, format!("{at}{what}")));
    let (Some(_), Some(scales)) = (&t.int8, &t.scales) else {
        return fail(": an int8 tensor needs both \"int8\" and \"scales\"; the file is damaged or was edited".into());
    };
    if !t.data.is_empty() {
        return fail(" has both \"data\" and \"int8\"; a tensor holds one of them".into());
    }
    let axis = t.axis();
    let channels = t.shape.get(axis).copied();
    if channels != Some(scales.len()) {
        return fail(format!(".scales has {} values but axis {axis} of shape {:?} has {}; one scale per output channel", scales.len(), t.shape, channels.unwrap_or(0)));
    }
    finite(name, &format!("{at}.scales"), scales)?;
    if let Some(j) = scales.iter().position(|&s| s <= 0.0) {
        return fail(format!(
            ".scales[{j}] is {}; scales are positive (max |w| / 127, or 1 for a channel of zeros)",
            scales[j]
        ));
    }
    Ok(())
}

/// The names `metrics::Evaluation` writes; a test-metrics key outside them is refused.
const TEST_METRICS: &[&str] = &[
    "rows",
    "loss",
    "accuracy",
    "f1",
    "confusion",
    "rmse",
    "mae",
    "r2",
    "per_class",
    "macro_avg",
    "weighted_avg",
    "mse",
    "persistence_rmse",
    "persistence_mae",
    "returns_rmse",
    "persistence_returns_rmse",
];

/// `metrics.test` holds only the evaluation's own keys.
pub fn test_metrics(name: &str, test: &std::collections::BTreeMap<String, Value>) -> Result<()> {
    match test.keys().find(|k| !TEST_METRICS.contains(&k.as_str())) {
        Some(k) => Err(Error::data(
            name,
            format!(
                "metrics.test: unknown key {k:?}; the keys are {}",
                TEST_METRICS.join(", ")
            ),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::Loss;
    use crate::nn::Sequential;
    use crate::rng::Rng;

    #[test]
    fn tensor_count_is_what_each_built_layer_holds() {
        let models = [
            (
                r#"[{"type": "dense", "units": 3}, {"type": "dense", "units": 2, "use_bias": false}]"#,
                vec![4],
            ),
            (
                r#"[{"type": "embedding", "input_dim": 9, "output_dim": 2}, {"type": "lstm", "units": 2, "return_sequences": true},
                 {"type": "gru", "units": 2, "return_sequences": true}, {"type": "global_average_pooling1d"},
                 {"type": "dropout", "rate": 0.5}, {"type": "dense", "units": 2}]"#,
                vec![5],
            ),
            (
                r#"[{"type": "reshape", "target_shape": [4, 4, 1]}, {"type": "conv2d", "filters": 2, "kernel_size": 3},
                 {"type": "conv2d", "filters": 2, "kernel_size": 1, "use_bias": false}, {"type": "max_pool2d", "pool_size": 2},
                 {"type": "flatten"}, {"type": "dense", "units": 2}]"#,
                vec![16],
            ),
        ];
        for (text, input) in models {
            let layers: Vec<LayerConfig> = serde_json::from_str(text).unwrap();
            let net = Sequential::build(&layers, &input, 2, Loss::Mse, &mut Rng::new(1)).unwrap();
            let built: Vec<usize> = net.layers().iter().map(|l| l.weights().len()).collect();
            let counted: Vec<usize> = layers.iter().map(tensor_count).collect();
            assert_eq!(counted, built, "{text}");
        }
    }
}
