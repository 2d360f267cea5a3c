//! Contract 1 for `"task": "recommendation"`: which columns hold the user and item ids
//! (`data.recommend`) and which model learns their embeddings (`model.recommender`). The rating
//! is `data.target`; `model.layers` are the dense layers after the neural variant's embeddings.

use serde::{Deserialize, Serialize};

use super::range::{finite_range, range};
use crate::error::{Error, Result};

/// The most embedding factors per id.
pub const MAX_FACTORS: usize = 256;

/// `data.recommend`: the id columns. Every row is one (user, item, rating) interaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecommendData {
    /// The column of user ids (any text or numbers).
    pub user: String,
    /// The column of item ids.
    pub item: String,
    /// Implicit feedback: every listed pair counts 1 (the target column is not read), and as
    /// many unlisted pairs per user, drawn with the seed, count 0.
    #[serde(default)]
    pub implicit: bool,
    /// A column of item names shown beside the ids (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// `model.recommender`: matrix factorisation or the neural variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RecommenderConfig {
    #[serde(rename = "type")]
    pub kind: RecommenderKind,
    /// Embedding size per user and per item.
    pub factors: usize,
    /// L2 penalty on the embedding tables (and biases): `l2 · Σ w²`.
    pub l2: f32,
}

/// `mf`: global mean + user bias + item bias + user·item. `neural`: global mean + the dense
/// layers of `model.layers` applied to [user embedding, item embedding].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RecommenderKind {
    #[default]
    Mf,
    Neural,
}

impl Default for RecommenderConfig {
    fn default() -> Self {
        RecommenderConfig {
            kind: RecommenderKind::Mf,
            factors: 8,
            l2: 0.0001,
        }
    }
}

/// The recommendation keys agree with the task (`task`: it is recommendation), with each other
/// and with the layers (`no_layers`: `model.layers` is empty).
pub(super) fn validate(
    task: bool,
    data: &Option<RecommendData>,
    model: &Option<RecommenderConfig>,
    no_layers: bool,
) -> Result<()> {
    let missing = |path: &str, what: &str| {
        Error::experiment(path, format!("a recommendation experiment needs {what}"))
    };
    match (task, data, model) {
        (false, None, None) => Ok(()),
        (false, _, _) => Err(Error::experiment(
            "data.task",
            "data.recommend and model.recommender are for \"task\": \"recommendation\"; set the task or remove them",
        )),
        (true, None, _) => Err(missing(
            "data.recommend",
            "{\"user\": COLUMN, \"item\": COLUMN}",
        )),
        (true, _, None) => Err(missing(
            "model.recommender",
            "{\"type\": \"mf\" or \"neural\", \"factors\": 8}",
        )),
        (true, Some(_), Some(m)) => {
            range("model.recommender.factors", m.factors, 1, MAX_FACTORS)?;
            finite_range("model.recommender.l2", m.l2 as f64, 0.0, 10.0)?;
            match (m.kind, no_layers) {
                (RecommenderKind::Mf, false) => Err(Error::experiment(
                    "model.layers",
                    "matrix factorisation (\"type\": \"mf\") takes no layers; empty the list or use \"type\": \"neural\"",
                )),
                (RecommenderKind::Neural, true) => Err(Error::experiment(
                    "model.layers",
                    "the neural recommender needs dense layers after the embeddings, the last with 1 unit",
                )),
                _ => Ok(()),
            }
        }
    }
}
