//! Contract 2: the model file — one versioned JSON document holding the experiment, the fitted
//! preprocessing (version 2: its steps in order), the weights and the metrics. Version 1 files
//! are read too (`model_v1`).
//!
//! ```json
//! {"format": "kindling-model", "version": 2, "experiment": {...}, "preprocessing": {...},
//!  "weights": {"tensors": [{"shape": [4, 16], "data": [...]}, ...]},
//!  "metrics": {"rows": [105, 15, 30], "history": [...], "test": {...}}}
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::quantization::Quantization;
use super::tensor::Tensor;
use super::{model_v1, preprocessing_de, validate};
use crate::data::Preprocessing;
use crate::error::{Error, Result};
use crate::experiment::Experiment;
use crate::train::{EpochRecord, Session};

/// The `format` value every model file carries.
pub const FORMAT: &str = "kindling-model";
/// The model-file version this build writes; it reads this one and version 1.
pub const VERSION: u32 = 2;
/// Model files larger than this are refused before parsing (64 MiB ≈ 8 million weights).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// Every parameter, in the order of `Sequential::weights()`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub tensors: Vec<Tensor>,
}

/// What training measured: rows per split `[train, validation, test]`, the epoch history and
/// the test-set evaluation (the keys of `metrics::Evaluation`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Metrics {
    pub rows: [usize; 3],
    pub history: Vec<EpochRecord>,
    pub test: BTreeMap<String, serde_json::Value>,
}

/// An evaluation as the file's `metrics.test`.
pub fn test_metrics(e: &crate::metrics::Evaluation) -> BTreeMap<String, Value> {
    match serde_json::to_value(e).expect("metrics serialise") {
        // Inserted one by one: `collect` would sort (another sort instance in the wasm).
        Value::Object(m) => m.into_iter().fold(BTreeMap::new(), |mut t, (k, v)| {
            t.insert(k, v);
            t
        }),
        _ => BTreeMap::new(),
    }
}

/// The whole model file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelFile {
    pub format: String,
    pub version: u32,
    pub experiment: Experiment,
    pub preprocessing: Preprocessing,
    pub weights: Weights,
    pub metrics: Metrics,
    /// Extension: present in a quantised file (`kindling quantize`); see `quantization.rs`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantization: Option<Quantization>,
}

/// What is read of a model file besides `preprocessing`, which is read by its version.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Parts {
    format: String,
    #[serde(rename = "version")]
    _version: u32,
    experiment: Experiment,
    /// Read on its own, by version (taken out first: `null` here).
    #[serde(rename = "preprocessing")]
    _preprocessing: (),
    weights: Weights,
    #[serde(default)]
    metrics: Metrics,
    #[serde(default)]
    quantization: Option<Quantization>,
}

impl ModelFile {
    /// Captures a trained session: its experiment, fitted preprocessing, weights and metrics.
    pub fn from_session(session: &mut Session) -> Self {
        let test = test_metrics(&session.evaluate());
        ModelFile {
            format: FORMAT.into(),
            version: VERSION,
            experiment: session.experiment.clone(),
            preprocessing: session.data.preprocessing.clone(),
            weights: Weights {
                tensors: session
                    .model()
                    .weights()
                    .iter()
                    .map(Tensor::from_array)
                    .collect(),
            },
            metrics: Metrics {
                rows: session.summary().rows,
                history: session.history().to_vec(),
                test,
            },
            quantization: None,
        }
    }

    /// The file as compact JSON (every `f32` in its shortest form that reads back bit-exact).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a model file always serialises")
    }

    /// Reads and checks a model file named `name` (for messages). Wrong format or version,
    /// damaged JSON, unknown keys, out-of-range settings, non-finite numbers and weights that do
    /// not fit the architecture are errors that say where and what to do.
    pub fn from_json(name: &str, text: &str) -> Result<Self> {
        if text.len() > MAX_BYTES {
            return Err(Error::data(
                name,
                format!(
                    "the model file is {} MB; this build reads model files up to {} MB",
                    text.len() / 1_000_000,
                    MAX_BYTES / 1_000_000
                ),
            ));
        }
        let mut value = crate::json::parse(text).map_err(|e| {
            let hint = if e.is_eof() {
                "the file ends too early (truncated?); download the model again"
            } else {
                "the file is damaged or not a model file"
            };
            Error::data(
                name,
                format!(
                    "not valid JSON at line {}, column {}: {}; {hint}",
                    e.line(),
                    e.column(),
                    crate::json::message(&e)
                ),
            )
        })?;
        let version = header(name, &value)?;
        let pre = std::mem::take(&mut value["preprocessing"]);
        let parts: Parts = crate::json::from_value(&value)
            .map_err(|e| Error::data(name, format!("{}: {}", e.path(), e.inner())))?;
        // Types and keys first, fitted values after the experiment's checks (as always).
        let mut preprocessing = preprocessing_de::read_preprocessing(name, version, &pre)?;
        let metrics = serde_json::to_value(&parts.metrics).expect("serialises");
        validate::unknown_keys(name, "metrics", &value["metrics"], &metrics)?;
        validate::test_metrics(name, &parts.metrics.test)?;
        (parts.experiment.validate()).map_err(|e| Error::data(name, e.to_string()))?;
        if version == 1 {
            model_v1::upgrade(name, &pre, &mut preprocessing)?;
        }
        preprocessing.check(name)?;
        let file = ModelFile {
            format: parts.format,
            version: VERSION,
            experiment: parts.experiment,
            preprocessing,
            weights: parts.weights,
            metrics: parts.metrics,
            quantization: parts.quantization,
        };
        if let Some(q) = &file.quantization {
            q.check(name)?;
        }
        let layers = &file.experiment.model.layers;
        validate::tensors(name, &file.weights.tensors, layers)?;
        Ok(file)
    }
}

/// `format` and `version` come first: another file or another version gets its own message.
/// Returns the version (1 or 2).
pub(crate) fn header(name: &str, v: &Value) -> Result<u64> {
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
    // Any value but a version this build reads is shown as written (a huge number, a string).
    let version = obj.get("version");
    match version.and_then(Value::as_u64) {
        Some(v @ 1..=2) => Ok(v),
        _ => Err(Error::data(name, format!(
            "model file version {} cannot be read by this build, which reads versions 1 and {VERSION}; open it with the Kindling that wrote it or train the model again",
            // to_string, not Display: the wasm already holds that serialiser.
            version.map_or("(missing)".to_string(), |v| serde_json::to_string(v).unwrap_or_default())))),
    }
}
