//! Contract 2: the model file — one versioned JSON document holding the experiment, the fitted
//! preprocessing, the weights and the metrics.
//!
//! ```json
//! {"format": "kindling-model", "version": 1, "experiment": {...}, "preprocessing": {...},
//!  "weights": {"tensors": [{"shape": [4, 16], "data": [...]}, ...]},
//!  "metrics": {"rows": [105, 15, 30], "history": [...], "test": {...}}}
//! ```

use std::collections::BTreeMap;

use ndarray::{ArrayD, IxDyn};
use serde::{Deserialize, Serialize};

use super::validate;
use crate::data::Preprocessing;
use crate::error::{Error, Result};
use crate::experiment::Experiment;
use crate::train::{EpochRecord, Session};

/// The `format` value every model file carries.
pub const FORMAT: &str = "kindling-model";
/// The model-file version this build writes and reads.
pub const VERSION: u32 = 1;
/// Model files larger than this are refused before parsing (64 MiB ≈ 8 million weights).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// One parameter tensor: `data` holds `shape.iter().product()` values in row-major order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tensor {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

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

/// The whole model file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFile {
    pub format: String,
    pub version: u32,
    pub experiment: Experiment,
    pub preprocessing: Preprocessing,
    pub weights: Weights,
    #[serde(default)]
    pub metrics: Metrics,
}

impl Tensor {
    /// A copy of `a` with its shape.
    pub fn from_array(a: &ArrayD<f32>) -> Self {
        Tensor {
            shape: a.shape().to_vec(),
            data: a.iter().copied().collect(),
        }
    }

    /// The array this tensor holds (its length was checked when the file was read).
    pub fn to_array(&self) -> ArrayD<f32> {
        ArrayD::from_shape_vec(IxDyn(&self.shape), self.data.clone())
            .expect("checked when the file was read")
    }
}

impl ModelFile {
    /// Captures a trained session: its experiment, fitted preprocessing, weights and metrics.
    pub fn from_session(session: &mut Session) -> Self {
        let test = serde_json::to_value(session.evaluate()).expect("metrics serialise");
        let test = match test {
            // Inserted one by one: `collect` would sort (another sort instance in the wasm).
            serde_json::Value::Object(m) => m.into_iter().fold(BTreeMap::new(), |mut t, (k, v)| {
                t.insert(k, v);
                t
            }),
            _ => BTreeMap::new(),
        };
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
        let value = crate::json::parse(text).map_err(|e| {
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
        validate::header(name, &value)?;
        let file: ModelFile = crate::json::from_value(&value)
            .map_err(|e| Error::data(name, format!("{}: {}", e.path(), e.inner())))?;
        for (key, parsed) in [
            ("preprocessing", serde_json::to_value(&file.preprocessing)),
            ("metrics", serde_json::to_value(&file.metrics)),
        ] {
            let parsed = parsed.expect("serialises");
            validate::unknown_keys(name, key, &value[key], &parsed)?;
        }
        validate::test_metrics(name, &file.metrics.test)?;
        file.experiment
            .validate()
            .map_err(|e| Error::data(name, e.to_string()))?;
        validate::preprocessing(name, &file.preprocessing)?;
        validate::tensors(name, &file.weights.tensors)?;
        Ok(file)
    }
}
