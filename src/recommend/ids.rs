//! Id indexers: each distinct user (or item) id of the training rows gets an index, in order of
//! first appearance; an id unseen in training is a cold-start error naming the column and row.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The ids seen in training, in index order (the model file keeps this list).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct IdIndex {
    pub ids: Vec<String>,
    lookup: HashMap<String, usize>,
}

impl From<Vec<String>> for IdIndex {
    fn from(ids: Vec<String>) -> Self {
        let lookup = ids
            .iter()
            .enumerate()
            .map(|(n, id)| (id.clone(), n))
            .collect();
        IdIndex { ids, lookup }
    }
}

impl From<IdIndex> for Vec<String> {
    fn from(index: IdIndex) -> Self {
        index.ids
    }
}

impl IdIndex {
    /// Indexes `ids` in order of first appearance.
    pub fn fit<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        let mut index = IdIndex::default();
        for id in ids {
            if !index.lookup.contains_key(id) {
                index.lookup.insert(id.to_string(), index.ids.len());
                index.ids.push(id.to_string());
            }
        }
        index
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The index of `id`, if training saw it.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.lookup.get(id).copied()
    }

    /// The index of `id` of column `column`, or the cold-start message.
    pub fn find(&self, id: &str, column: &str) -> std::result::Result<usize, String> {
        self.get(id).ok_or_else(|| format!(
            "column {column:?}: {id:?} was not in the training data (cold start): the model has no embedding for it; predict only for ids it was trained on, or retrain with rows for {id:?}"
        ))
    }

    /// [`find`](Self::find) for `column` on `line` of `file`.
    pub fn index(&self, id: &str, file: &str, column: &str, line: usize) -> Result<usize> {
        self.find(id, column)
            .map_err(|e| Error::data(file, format!("line {line}: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_in_first_seen_order_and_names_a_cold_start() {
        let index = IdIndex::fit(["b", "a", "b", "c"]);
        assert_eq!(index.ids, ["b", "a", "c"]);
        assert_eq!(index.get("c"), Some(2));
        let e = index.index("z", "r.csv", "user_id", 7).unwrap_err();
        assert_eq!(
            e.to_string(),
            "r.csv: line 7: column \"user_id\": \"z\" was not in the training data (cold start): the model has no embedding for it; predict only for ids it was trained on, or retrain with rows for \"z\""
        );
        let back: IdIndex = serde_json::from_str(&serde_json::to_string(&index).unwrap()).unwrap();
        assert_eq!(back, index);
    }
}
