//! The recommender's model file (Contract 2, additive): the same `format`, `version`,
//! `experiment`, `weights` and `metrics` as every model file, and `recommender` — the id maps,
//! the item titles and the global mean — in place of `preprocessing`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::ids::IdIndex;
use super::model::Recommender;
use super::run::Run;
use crate::error::{Error, Result};
use crate::experiment::{Experiment, Task};
use crate::io::model_file::{Metrics, Weights, FORMAT, VERSION};
use crate::io::Tensor;
use crate::rng::Rng;

/// What a recommender knows besides its weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ids {
    /// User ids in index order (the rows of the user tables).
    pub users: IdIndex,
    /// Item ids in index order.
    pub items: IdIndex,
    /// Item titles in index order (empty strings without a title column).
    pub titles: Vec<String>,
    /// The mean training rating, added to every prediction.
    pub mean: f32,
}

impl Ids {
    /// Why these ids cannot index a model: none, one twice, or titles not one per item.
    fn check(&self) -> std::result::Result<(), String> {
        for (key, ids) in [("users", &self.users), ("items", &self.items)] {
            if ids.is_empty() {
                return Err(format!("recommender.{key} is empty; train the model again"));
            }
            if let Some(n) = (0..ids.len()).find(|&n| ids.get(&ids.ids[n]) != Some(n)) {
                return Err(format!(
                    "recommender.{key}[{n}]: {:?} is listed twice; each id needs one row of the tables: train the model again",
                    ids.ids[n]
                ));
            }
        }
        if self.titles.len() != self.items.len() {
            return Err(format!(
                "recommender.titles has {} titles for {} items; give one per item (\"\" for none)",
                self.titles.len(),
                self.items.len()
            ));
        }
        Ok(())
    }
}

/// A recommendation model file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecommenderFile {
    pub format: String,
    pub version: u32,
    pub experiment: Experiment,
    pub recommender: Ids,
    pub weights: Weights,
    #[serde(default)]
    pub metrics: Metrics,
}

/// True when the parsed model file `value` holds a recommender (its task is `recommendation`).
pub fn is_recommender(value: &Value) -> bool {
    value["experiment"]["data"]["task"] == "recommendation"
}

impl RecommenderFile {
    /// Captures a trained run, its evaluation included.
    pub fn from_run(run: &mut Run) -> Self {
        let eval = run.evaluate();
        let test = match serde_json::to_value(&eval).expect("serialises") {
            Value::Object(m) => m.into_iter().collect(),
            _ => Default::default(),
        };
        RecommenderFile {
            format: FORMAT.into(),
            version: VERSION,
            experiment: run.experiment.clone(),
            recommender: Ids {
                users: run.users.clone(),
                items: run.items.clone(),
                titles: run.titles.clone(),
                mean: run.model.mean,
            },
            weights: Weights {
                tensors: run.model.weights().iter().map(Tensor::from_array).collect(),
            },
            metrics: Metrics {
                rows: eval.rows,
                history: run.history.clone(),
                test,
            },
        }
    }

    /// The file as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a model file always serialises")
    }

    /// Reads model file `value` named `name`; errors say which key is wrong.
    pub fn from_value(name: &str, value: &Value) -> Result<Self> {
        let file: RecommenderFile = crate::json::from_value(value)
            .map_err(|e| Error::data(name, format!("{}: {}", e.path(), e.inner())))?;
        (file.experiment.validate()).map_err(|e| Error::data(name, e.to_string()))?;
        if file.experiment.data.task != Task::Recommendation {
            return Err(Error::data(
                name,
                "experiment.data.task: a recommender file needs \"recommendation\"",
            ));
        }
        let tensors = &file.weights.tensors;
        if let Some(n) = (0..tensors.len())
            .find(|&n| tensors[n].shape.iter().product::<usize>() != tensors[n].data.len())
        {
            return Err(Error::data(
                name,
                format!(
                    "weights.tensors[{n}]: its data does not fill its shape; train the model again"
                ),
            ));
        }
        file.recommender.check().map_err(|e| Error::data(name, e))?;
        if !file.recommender.mean.is_finite()
            || file
                .weights
                .tensors
                .iter()
                .flat_map(|t| &t.data)
                .any(|v| !v.is_finite())
        {
            return Err(Error::data(
                name,
                "the weights hold a non-finite number; train the model again",
            ));
        }
        Ok(file)
    }

    /// The model with the file's weights; errors name a tensor that does not fit.
    pub fn model(&self, name: &str) -> Result<Recommender> {
        let ids = &self.recommender;
        let (u, i) = (ids.users.len(), ids.items.len());
        let mut model = Recommender::build(&self.experiment, u, i, ids.mean, &mut Rng::new(0))?;
        let weights: Vec<_> = self.weights.tensors.iter().map(Tensor::to_array).collect();
        model.set_weights(&weights).map_err(|e| {
            let e = match e {
                Error::Model(m) => m,
                e => e.to_string(),
            };
            Error::data(name, format!(
                "the weights do not fit {u} users and {i} items (recommender.users, recommender.items); {e}; the file is damaged or was edited, train the model again"
            ))
        })?;
        Ok(model)
    }
}
