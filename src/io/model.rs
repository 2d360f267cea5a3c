//! A loaded model: the fitted preprocessing and a built network that predicts on raw rows.

use ndarray::ArrayD;
use serde_json::{json, Map, Value};

use super::model_file::ModelFile;
use super::predictions::Predictions;
use crate::data::{Column, ColumnData, Preprocessing, Table};
use crate::error::{Error, Result};
use crate::experiment::{LayerConfig, Loss, Scale, Task};
use crate::nn::Sequential;
use crate::rng::Rng;
use crate::train::Session;

/// A model file made usable: `predict` takes raw tables with the original columns.
pub struct Model {
    pub file: ModelFile,
    pub(super) network: Sequential,
}

impl Model {
    /// Builds the network the file describes and loads its weights; errors name the file.
    pub fn from_file(name: &str, file: ModelFile) -> Result<Self> {
        let p = &file.preprocessing;
        let input = input_shape(p);
        let outputs = p.outputs();
        let given: usize = file.weights.tensors.iter().map(|t| t.len()).sum();
        if let Some(planned) = dense_params(&file.experiment.model.layers, &input) {
            if planned != given {
                return Err(Error::data(name, format!(
                    "the layers need {planned} weights but weights.tensors hold {given}; the file is damaged or was edited")));
            }
        }
        let loss = file.experiment.compile.loss.unwrap_or(match p.task {
            Task::Classification => Loss::CategoricalCrossentropy,
            _ => Loss::Mse,
        });
        let layers = &file.experiment.model.layers;
        let mut network = Sequential::build(
            layers,
            &input,
            outputs,
            loss,
            &mut Rng::new(file.experiment.seed),
        )
        .map_err(|e| Error::data(name, e.to_string()))?;
        let weights: Vec<ArrayD<f32>> = file.weights.tensors.iter().map(|t| t.to_array()).collect();
        network
            .set_weights(&weights)
            .map_err(|e| Error::data(name, format!("weights: {e}")))?;
        let parts = (
            &file.weights.tensors[..],
            &layers[..],
            file.quantization.is_some(),
        );
        super::quantization::int8_layers(name, parts, &mut network, loss)?;
        Ok(Model { file, network })
    }

    /// Reads and checks a model file's text, then builds it.
    pub fn from_json(name: &str, text: &str) -> Result<Self> {
        Self::from_file(name, ModelFile::from_json(name, text)?)
    }

    /// The model a trained session holds, exactly as its model file would load.
    pub fn from_session(session: &mut Session) -> Self {
        Self::from_file("session", ModelFile::from_session(session))
            .expect("a session's own model loads")
    }

    /// The built network (int8 layers for a quantised file).
    pub fn network(&self) -> &Sequential {
        &self.network
    }

    /// The built network, to run it (evaluation, input gradients).
    pub fn network_mut(&mut self) -> &mut Sequential {
        &mut self.network
    }

    /// Predicts every row of a raw table (original columns; extra columns are ignored).
    pub fn predict(&mut self, table: &Table) -> Result<Predictions> {
        let pre = &self.file.preprocessing;
        let t = pre.transform(table)?;
        let mut values = self.network.predict(&t.x);
        let bases = match pre.differenced() {
            true => pre.bases(table, &t.rows)?,
            false => vec![],
        };
        pre.to_levels(&mut values, &bases);
        Ok(Predictions::new(pre, values, t.rows, t.warnings))
    }

    /// Predicts rows given as JSON objects `{feature: number | text | null}` (the page's form).
    pub fn predict_records(&mut self, records: &[Map<String, Value>]) -> Result<Predictions> {
        let table = records_table(&self.file.preprocessing.features, records)?;
        self.predict(&table)
    }

    /// What the deployment panel shows: architecture, parameter count, data, metrics, seed, and
    /// `inputs` (one `{name, kind, default}` per original feature, kind `numeric`, `categorical`
    /// or `text` (a sentence), numeric ones with `seen`, see
    /// [`Model::seen`]) for the application form.
    pub fn card(&self) -> Value {
        let (f, p) = (&self.file, &self.file.preprocessing);
        json!({
            "layers": self.network.summary(), "params": self.network.param_count(),
            "task": p.task, "features": p.features, "target": p.target, "classes": p.classes,
            "source": f.experiment.data.source, "rows": f.metrics.rows, "seed": f.experiment.seed,
            "epochs": f.metrics.history.len(), "test": f.metrics.test, "window": f.experiment.data.window,
            "inputs": p.features.iter().enumerate().map(|(i, name)| {
                let fill = p.fills().get(i);
                let text = p.text().and_then(|t| t.vocabulary.get(i)).is_some_and(Option::is_some);
                match p.categories().get(i).and_then(Option::as_ref) {
                    None => json!({ "name": name, "kind": if text { "text" } else { "numeric" }, "default": fill, "seen": self.seen(name) }),
                    Some(c) => json!({ "name": name, "kind": "categorical", "categories": c, "default": fill }),
                }
            }).collect::<Vec<_>>(),
        })
    }
}

impl Model {
    /// The network's input shape without the batch axis: `[inputs]`, or `[lookback, inputs]`
    /// for a window.
    pub fn input_shape(&self) -> Vec<usize> {
        input_shape(&self.file.preprocessing)
    }

    /// Each layer's output shape without the batch axis, in layer order.
    pub fn layer_shapes(&self) -> Vec<Vec<usize>> {
        let summary = self.network.summary();
        summary.into_iter().map(|s| s.output_shape).collect()
    }

    /// What the training rows of numeric input `name` were, from the fitted scaler: min-max
    /// scaling keeps their range `{"min", "max"}`, standard scaling their `{"mean", "std"}`;
    /// `null` without scaling. The application form marks a value outside what the model has seen.
    fn seen(&self, name: &str) -> Value {
        let p = &self.file.preprocessing;
        let (Some(j), Some(s)) = (p.inputs.iter().position(|n| n == name), p.scaler()) else {
            return Value::Null;
        };
        let (Some(&o), Some(&f)) = (s.offset.get(j), s.factor.get(j)) else {
            return Value::Null;
        };
        match self.file.experiment.data.scale {
            Scale::Minmax => json!({ "min": o, "max": o + f }),
            Scale::Standard => json!({ "mean": o, "std": f }),
            Scale::None => Value::Null,
        }
    }
}

/// The network's input shape for a pipeline: `[inputs]` or `[lookback, inputs]`.
fn input_shape(p: &Preprocessing) -> Vec<usize> {
    match p.window() {
        Some(w) => vec![w.lookback, p.inputs.len()],
        None => vec![p.inputs.len()],
    }
}

/// The parameter count of a stack of dense and dropout layers on flat inputs (None otherwise),
/// checked before anything is allocated: `(inputs + 1) × units` a dense layer, `inputs × units`
/// without a bias.
fn dense_params(layers: &[LayerConfig], input: &[usize]) -> Option<usize> {
    let [mut width] = input else { return None };
    let mut total = 0usize;
    for l in layers {
        match *l {
            LayerConfig::Dense(ref d) => {
                let bias = usize::from(d.use_bias);
                total = total.checked_add(width.checked_add(bias)?.checked_mul(d.units)?)?;
                width = d.units;
            }
            LayerConfig::Dropout(_) => {}
            _ => return None,
        }
    }
    Some(total)
}

/// A table with one column per feature from JSON records; numbers stay numbers.
pub(crate) fn records_table(features: &[String], records: &[Map<String, Value>]) -> Result<Table> {
    let columns = features
        .iter()
        .map(|name| {
            let cells: Vec<Option<String>> = records
                .iter()
                .map(|r| match r.get(name) {
                    Some(Value::Number(n)) => Some(n.to_string()),
                    Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
                    _ => None,
                })
                .collect();
            let numbers: Option<Vec<f64>> = cells
                .iter()
                .map(|c| c.as_ref().map_or(Some(f64::NAN), |s| s.parse().ok()))
                .collect();
            let data = match numbers {
                Some(v) => ColumnData::Numeric(
                    v.into_iter()
                        .map(|x| if x.is_finite() { x } else { f64::NAN })
                        .collect(),
                ),
                None => ColumnData::Categorical(cells),
            };
            Column {
                name: name.clone(),
                data,
            }
        })
        .collect();
    if records.is_empty() {
        return Err(Error::data(
            "input",
            "no rows to predict; fill in the form or upload a CSV",
        ));
    }
    Ok(Table::new("input", columns))
}
