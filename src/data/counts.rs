//! Counting distinct values: categories, tokens and vocabularies all count through [`ranked`]
//! (one hash map and one sort in the wasm), and summaries keep the [`top`] ones.

use std::collections::HashMap;

use serde::Serialize;

/// Value counts listed per column (the most frequent first).
pub const TOP_VALUES: usize = 20;

/// A value and how many times it occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueCount {
    pub value: String,
    pub count: usize,
}

/// The distinct values of `v` with their counts, the most frequent first (ties in text order).
/// Categories, tokens and vocabularies all count through this one function (one hash map and
/// one sort in the wasm).
pub fn ranked<'a>(v: &mut dyn Iterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut map: HashMap<&str, usize> = HashMap::new();
    v.for_each(|x| *map.entry(x).or_default() += 1);
    let mut all: Vec<(&str, usize)> = map.into_iter().collect();
    crate::sort::sort_by(&mut all, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    all
}

/// The first [`TOP_VALUES`] of `ranked`, for the summary.
pub fn top(ranked: Vec<(&str, usize)>) -> Vec<ValueCount> {
    (ranked.into_iter().take(TOP_VALUES))
        .map(|(value, count)| ValueCount {
            value: value.to_string(),
            count,
        })
        .collect()
}
