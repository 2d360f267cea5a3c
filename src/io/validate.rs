//! Checks on a model file beyond what `serde` does: header, unknown keys, fitted values, tensors.

use serde_json::Value;

use super::model_file::{Tensor, FORMAT, VERSION};
use crate::data::encode::{Encoder, MAX_CATEGORIES};
use crate::data::Preprocessing;
use crate::error::{Error, Result};
use crate::experiment::limits::MAX_UNITS;
use crate::experiment::Task;

/// A model file may name at most this many input features.
pub const MAX_FEATURES: usize = 100_000;

/// `format` and `version` come first: another file or another version gets its own message.
pub fn header(name: &str, v: &Value) -> Result<()> {
    let Some(obj) = v.as_object() else {
        return Err(Error::data(
            name,
            "a model file is a JSON object; this is not a Kindling model file",
        ));
    };
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(Error::data(name, format!(
            "this is not a Kindling model file (its \"format\" is {}, expected \"{FORMAT}\"); open a file made with \"Download model\" or `kindling train --out`",
            obj.get("format").map_or("missing".to_string(), Value::to_string))));
    }
    // Any value but the one this build reads is shown as written (a huge number, a string).
    match obj.get("version") {
        Some(v) if v.as_u64() == Some(VERSION as u64) => Ok(()),
        other => Err(Error::data(name, format!(
            "model file version {} cannot be read by this build, which reads version {VERSION}; open it with the Kindling that wrote it or train the model again",
            // to_string, not Display: the wasm already holds that serialiser.
            other.map_or("(missing)".to_string(), |v| serde_json::to_string(v).unwrap_or_default())))),
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

fn finite(name: &str, path: &str, values: &[f32]) -> Result<()> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(i) => Err(Error::data(name, format!(
            "{path}[{i}] is {}, not a finite number; the file is damaged, download the model again", values[i]))),
        None => Ok(()),
    }
}

fn length(name: &str, path: &str, len: usize, want: usize) -> Result<()> {
    if len == want {
        Ok(())
    } else {
        Err(Error::data(
            name,
            format!("{path} has {len} values but there are {want} features; the file is damaged"),
        ))
    }
}

/// Fitted values: one per feature, finite, non-zero scale factors, classes that fit the task.
pub fn preprocessing(name: &str, p: &Preprocessing) -> Result<()> {
    let n = p.features.len();
    if n == 0 || n > MAX_FEATURES {
        return Err(Error::data(
            name,
            format!(
                "preprocessing.features has {n} names; a model needs 1 to {MAX_FEATURES} features"
            ),
        ));
    }
    length(name, "preprocessing.encoders", p.encoders.len(), n)?;
    encoders(name, p)?;
    let width = p.inputs.len();
    length(
        name,
        "preprocessing.scaler.offset",
        p.scaler.offset.len(),
        width,
    )?;
    length(
        name,
        "preprocessing.scaler.factor",
        p.scaler.factor.len(),
        width,
    )?;
    scaler(name, "preprocessing.scaler", &p.scaler)?;
    match (p.task, &p.classes, &p.target_scaler) {
        (Task::Classification, Some(c), _) if (2..=MAX_UNITS).contains(&c.len()) => Ok(()),
        (Task::Classification, _, _) => Err(Error::data(name, format!(
            "preprocessing.classes must list 2 to {MAX_UNITS} class names for a classification model"))),
        (Task::Regression, _, Some(ts)) if (1..=MAX_UNITS).contains(&ts.offset.len()) && ts.offset.len() == ts.factor.len() => {
            scaler(name, "preprocessing.target_scaler", ts)
        }
        (Task::Regression, _, _) => Err(Error::data(name,
            "preprocessing.target_scaler must hold one offset and factor per output for a regression model")),
        (Task::Auto, _, _) => Err(Error::data(name,
            "preprocessing.task must be \"classification\" or \"regression\" in a trained model")),
    }
}

/// Each encoder: a finite fill value, or at most MAX_CATEGORIES categories with a fill inside them;
/// together exactly as wide as `inputs`.
fn encoders(name: &str, p: &Preprocessing) -> Result<()> {
    let mut width = 0usize;
    for (i, enc) in p.encoders.iter().enumerate() {
        let path = format!("preprocessing.encoders[{i}]");
        match enc {
            Encoder::Number { fill } => {
                finite(name, &format!("{path}.fill"), std::slice::from_ref(fill))?
            }
            Encoder::OneHot { categories, fill } => {
                if categories.is_empty()
                    || categories.len() > MAX_CATEGORIES
                    || fill.is_some_and(|f| f >= categories.len())
                {
                    return Err(Error::data(name, format!(
                        "{path} must list 1 to {MAX_CATEGORIES} categories and a fill among them; the file is damaged")));
                }
            }
        }
        width += enc.width();
    }
    length(name, "preprocessing.inputs", p.inputs.len(), width)
}

fn scaler(name: &str, path: &str, s: &crate::data::scale::FittedScaler) -> Result<()> {
    finite(name, &format!("{path}.offset"), &s.offset)?;
    finite(name, &format!("{path}.factor"), &s.factor)?;
    match s.factor.iter().position(|f| *f == 0.0) {
        Some(i) => Err(Error::data(
            name,
            format!("{path}.factor[{i}] is 0; the file is damaged"),
        )),
        None => Ok(()),
    }
}

/// Every tensor's data fits its shape and is finite.
pub fn tensors(name: &str, tensors: &[Tensor]) -> Result<()> {
    for (i, t) in tensors.iter().enumerate() {
        let want = t
            .shape
            .iter()
            .try_fold(1usize, |acc, &d| acc.checked_mul(d));
        if want != Some(t.data.len()) {
            return Err(Error::data(name, format!(
                "weights.tensors[{i}] has shape {:?} but {} values; the file is damaged or truncated",
                t.shape, t.data.len())));
        }
        finite(name, &format!("weights.tensors[{i}].data"), &t.data)?;
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
