//! Attributions per word of a text input (the Application panel's highlighted sentence,
//! `kindling explain`'s `tokens`). Token ids (`int`) are not differentiable: integrated gradients
//! run along the embedding's output instead, from zero vectors at the sentence's positions
//! (padding keeps its vector, so it gets exactly 0), and a word gets the sum over the embedding's
//! dimensions at its position. `multi_hot` / `tf_idf` inputs run from the empty sentence's inputs,
//! and a word gets its vocabulary input's attribution, shared equally between its occurrences.
//!
//! # Shapes
//! ids `[max_length]`; the embedding's output `[max_length, output_dim]`; attributions one per
//! model input.

use std::collections::HashMap;

use ndarray::{Array2, ArrayD, Axis};
use serde::Serialize;

use super::gradient::{integrated_from, Attribution};
use crate::data::text_vec::TextVec;
use crate::data::tokenize::spans;
use crate::data::{Preprocessing, Table};
use crate::experiment::OutputMode;
use crate::nn::Sequential;

/// One word of a text feature's sentence and its share of the explanation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Word {
    pub feature: String,
    /// The token (lower-cased) and where it stands in the sentence: first char and one past the
    /// last, counted in chars (Unicode scalar values).
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub attribution: f32,
    /// Out of the vocabulary (`multi_hot`/`tf_idf`: its attribution is 0, the `[UNK]` input
    /// keeps it; `int`: the out-of-vocabulary id's position is explained like any other).
    pub unknown: bool,
    /// Past `max_length` (`int`): the model never read it; 0.
    pub cut: bool,
}

/// Integrated gradients of `output` for the token ids `ids` `[max_length]` of a model whose first
/// layer is an embedding, along that layer's output; one attribution per position. `None` when
/// the model does not begin with an embedding.
pub fn embedding_gradients(
    net: &mut Sequential,
    ids: &ArrayD<f32>,
    output: usize,
    steps: usize,
) -> Option<Attribution> {
    let first = net.layers_mut().first_mut()?;
    if first.kind() != "embedding" {
        return None;
    }
    let batch = ids.clone().insert_axis(Axis(0));
    let mask = first.set_mask(None, &batch);
    let x = first.forward(&batch, false).index_axis_move(Axis(0), 0);
    let mut baseline = x.clone();
    for (mut v, id) in baseline.axis_iter_mut(Axis(0)).zip(ids) {
        if id.round() != 0.0 {
            v.fill(0.0);
        }
    }
    let a = integrated_from(net, 1, &x, &baseline, mask.as_ref(), output, steps);
    let dims = x.shape()[1].max(1);
    let attributions = (a.attributions.chunks(dims))
        .map(|c| c.iter().map(|&v| f64::from(v)).sum::<f64>() as f32)
        .collect();
    Some(Attribution { attributions, ..a })
}

/// The baseline of a model reading `multi_hot`/`tf_idf` text: the all-zero model input, but the
/// empty sentence's inputs (0 before scaling) for each text feature's inputs; `[inputs]`.
pub fn bag_baseline(pre: &Preprocessing, inputs: usize) -> ArrayD<f32> {
    let mut empty = Array2::zeros((1, inputs));
    if let Some(s) = pre.scaler() {
        s.scale(&mut empty);
    }
    let mut b = ArrayD::zeros(vec![inputs]);
    for (_, _, at, width) in text_inputs(pre) {
        for j in at..(at + width).min(inputs) {
            b[j] = empty[[0, j]];
        }
    }
    b
}

/// Per text feature: its name, vocabulary, first model input and number of inputs.
fn text_inputs(pre: &Preprocessing) -> Vec<(&str, &[String], usize, usize)> {
    let Some(text) = pre.text() else {
        return vec![];
    };
    let mut out = vec![];
    for (name, vocab) in pre.features.iter().zip(&text.vocabulary) {
        let Some(vocab) = vocab else { continue };
        let at = match text.output_mode {
            OutputMode::Int => Some(0),
            _ => (pre.inputs.iter()).position(|n| *n == format!("{name}=[UNK]")),
        };
        if let Some(at) = at {
            out.push((name.as_str(), &vocab[..], at, text.width(vocab.len())));
        }
    }
    out
}

/// The words of row `row`'s text features in `table`, each with its attribution taken from
/// `attributions` (one per model input, as [`embedding_gradients`] or the bag baseline gave them).
pub fn words(pre: &Preprocessing, table: &Table, row: usize, attributions: &[f32]) -> Vec<Word> {
    let Some(text) = pre.text() else {
        return vec![];
    };
    let mut out = vec![];
    for (name, vocab, at, width) in text_inputs(pre) {
        let sentence = table
            .column(name)
            .ok()
            .and_then(|c| c.data.text(row))
            .unwrap_or_default();
        let mine = attributions.get(at..at + width).unwrap_or_default();
        out.extend(sentence_words(text, vocab, &sentence, mine, name));
    }
    out
}

/// The words of `sentence` for one text feature whose inputs' attributions are `mine`.
fn sentence_words(
    text: &TextVec,
    vocab: &[String],
    sentence: &str,
    mine: &[f32],
    feature: &str,
) -> Vec<Word> {
    let index: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(k, t)| (t.as_str(), k))
        .collect();
    let found = spans(sentence);
    let bag = text.output_mode != OutputMode::Int;
    // Bags: how many times each vocabulary input occurs, to share its attribution.
    let mut times: HashMap<usize, usize> = HashMap::new();
    for (t, _, _) in &found {
        if let Some(&k) = index.get(t.as_str()) {
            *times.entry(k).or_default() += 1;
        }
    }
    (found.into_iter().enumerate())
        .map(|(i, (t, start, end))| {
            let known = index.get(t.as_str()).copied();
            let cut = !bag && i >= text.max_length;
            let attribution = match (bag, known) {
                (true, Some(k)) => mine.get(k + 1).map_or(0.0, |a| a / times[&k] as f32),
                (true, None) => 0.0,
                (false, _) if cut => 0.0,
                (false, _) => mine.get(i).copied().unwrap_or(0.0),
            };
            Word {
                feature: feature.to_owned(),
                text: t,
                start,
                end,
                attribution,
                unknown: known.is_none(),
                cut,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
