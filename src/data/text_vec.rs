//! The text vectoriser (Keras `TextVectorization`): fitted on the training rows, each text
//! column's vocabulary is its `max_tokens − reserved` most frequent tokens seen at least
//! `min_count` times (ties in text order); then every sentence becomes `max_length` token ids
//! (`int`: 0 padding, 1 out-of-vocabulary, 2… the vocabulary), or one input per token
//! (`multi_hot`: 1 when present; `tf_idf`: count × idf), input 0 counting the out-of-vocabulary
//! tokens. Tokens come from src/data/tokenize.rs. Other features pass through.

use std::collections::HashMap;

use ndarray::Array2;

use super::check::{finite, misplaced, Shape};
use super::counts::ranked;
use super::frame::{Cells, Frame, Transform};
use super::table::ColumnData;
use super::tokenize::tokens;
use crate::error::{Error, Result};
use crate::experiment::limits::{MAX_TEXT_LENGTH, MAX_TOKENS};
use crate::experiment::{OutputMode, TextConfig};

/// The place of each token of `vocab`.
fn index_of(vocab: &[String]) -> HashMap<&str, usize> {
    let mut index = HashMap::with_capacity(vocab.len());
    for (k, t) in vocab.iter().enumerate() {
        index.insert(t.as_str(), k);
    }
    index
}

/// The id of `token`: `reserved` + its place in the vocabulary `index`, or `reserved − 1`
/// (out of vocabulary). One copy of the lookup for fitting and encoding.
#[inline(never)]
fn id(index: &HashMap<&str, usize>, token: &str, reserved: usize) -> usize {
    index.get(token).map_or(reserved - 1, |k| k + reserved)
}

/// The idf of each input (out-of-vocabulary first) for the tokenised sentences `docs`, as Keras:
/// ln(1 + sentences / (1 + sentences holding the token)); out-of-vocabulary gets the mean.
fn idf_of(docs: &[Vec<String>], vocab: &[String]) -> Vec<f32> {
    let index = index_of(vocab);
    // Per input: the sentences holding it, each counted once (`last`: the last one counted).
    let (mut held, mut last) = (
        vec![0usize; vocab.len() + 1],
        vec![usize::MAX; vocab.len() + 1],
    );
    for (d, doc) in docs.iter().enumerate() {
        for t in doc {
            let k = id(&index, t, 1);
            if last[k] != d {
                (last[k], held[k]) = (d, held[k] + 1);
            }
        }
    }
    let n = docs.len() as f64;
    let w: Vec<f64> = (held[1..].iter())
        .map(|&h| (1.0 + n / (1.0 + h as f64)).ln())
        .collect();
    let mean = w.iter().sum::<f64>() / w.len() as f64;
    std::iter::once(mean).chain(w).map(|v| v as f32).collect()
}

/// The fitted step.
#[derive(Debug, Clone, PartialEq)]
pub struct TextVec {
    pub output_mode: OutputMode,
    pub max_length: usize,
    /// Per feature: its vocabulary (most frequent first), `None` for a feature that is not text.
    pub vocabulary: Vec<Option<Vec<String>>>,
    /// tf_idf: per text feature, the idf of each input (out-of-vocabulary first); else empty.
    pub idf: Vec<Option<Vec<f32>>>,
}

impl TextVec {
    /// Fits a vocabulary for each text column of `train` (the columns the table reads as text).
    pub fn fit(config: &TextConfig, train: &Frame) -> Result<TextVec> {
        let (file, mode) = (&train.table.name, config.output_mode);
        let mut vocabulary = Vec::with_capacity(train.columns.len());
        let mut idf = Vec::with_capacity(train.columns.len());
        for (cells, name) in train.columns.iter().zip(train.names) {
            let is_text = matches!(train.table.column(name)?.data, ColumnData::Text(_));
            let (true, Cells::Text(t)) = (is_text, cells) else {
                vocabulary.push(None);
                idf.push(None);
                continue;
            };
            if mode == OutputMode::Int && train.names.len() > 1 {
                return Err(Error::experiment("data.text.output_mode", format!(
                    "\"int\" makes one token sequence for an embedding layer, so the text column {name:?} must be the only feature, but data.features has {} columns; list only {name:?} in data.features, or use \"multi_hot\" or \"tf_idf\"", train.names.len())));
            }
            let docs: Vec<Vec<String>> = t
                .iter()
                .map(|c| tokens(c.as_deref().unwrap_or("")))
                .collect();
            let mut ranked = ranked(&mut docs.iter().flatten().map(String::as_str));
            ranked.retain(|(_, n)| *n >= config.min_count);
            ranked.truncate(config.max_tokens - mode.reserved());
            if ranked.is_empty() {
                return Err(Error::data(file, format!(
                    "column {name:?} has no tokens in the training rows that occur data.text.min_count ({}) times or more (its cells are empty or missing, or too varied); pick a column of sentences, or lower data.text.min_count", config.min_count)));
            }
            let vocab: Vec<String> = ranked.into_iter().map(|(t, _)| t.to_owned()).collect();
            idf.push((mode == OutputMode::TfIdf).then(|| idf_of(&docs, &vocab)));
            vocabulary.push(Some(vocab));
        }
        Ok(TextVec {
            output_mode: mode,
            max_length: config.max_length,
            vocabulary,
            idf,
        })
    }

    /// How many inputs a text feature with `vocabulary` tokens becomes.
    pub fn width(&self, vocabulary: usize) -> usize {
        match self.output_mode {
            OutputMode::Int => self.max_length,
            _ => vocabulary + 1,
        }
    }

    /// The input names of feature `name` (number `i`), if it is text: `name[0]`… (int), or
    /// `name=[UNK]` then `name=TOKEN` per token.
    pub fn input_names(&self, i: usize, name: &str) -> Option<Vec<String>> {
        let v = self.vocabulary.get(i)?.as_ref()?;
        Some(match self.output_mode {
            OutputMode::Int => (0..self.max_length)
                .map(|k| format!("{name}[{k}]"))
                .collect(),
            _ => std::iter::once(format!("{name}=[UNK]"))
                .chain(v.iter().map(|t| format!("{name}={t}")))
                .collect(),
        })
    }

    /// The inputs `[sentences, width]` of `cells` for the vocabulary `vocab` (idf for tf_idf).
    fn encode(
        &self,
        cells: &[Option<String>],
        vocab: &[String],
        idf: Option<&[f32]>,
    ) -> Array2<f32> {
        let index = index_of(vocab);
        let (reserved, width) = (self.output_mode.reserved(), self.width(vocab.len()));
        let mut x = vec![0.0f32; cells.len() * width];
        for (row, cell) in x.chunks_mut(width).zip(cells) {
            for (k, t) in tokens(cell.as_deref().unwrap_or("")).iter().enumerate() {
                let id = id(&index, t, reserved);
                match self.output_mode {
                    OutputMode::Int if k < width => row[k] = id as f32,
                    OutputMode::Int => break,
                    OutputMode::TfIdf => row[id] += idf.map_or(1.0, |w| w[id]),
                    OutputMode::MultiHot => row[id] = 1.0,
                }
            }
        }
        Array2::from_shape_vec((cells.len(), width), x).expect("sized above")
    }
}

impl Transform for TextVec {
    fn transform(&self, f: &mut Frame) -> Result<()> {
        for (i, vocab) in self.vocabulary.iter().enumerate() {
            let (Some(vocab), Cells::Text(cells)) = (vocab, &f.columns[i]) else {
                continue;
            };
            let idf = self.idf.get(i).and_then(|v| v.as_deref());
            f.columns[i] = Cells::Encoded(self.encode(cells, vocab, idf));
        }
        Ok(())
    }

    fn check(&self, file: &str, path: &str, shape: Shape) -> Result<Shape> {
        let Shape::Columns(mut kinds) = shape else {
            return Err(misplaced(file, path, "text"));
        };
        let bad = |what: String| {
            Err(Error::data(
                file,
                format!("{path}.{what}; the file is damaged"),
            ))
        };
        if self.vocabulary.len() != kinds.len() || self.idf.len() != kinds.len() {
            return bad(format!(
                "vocabulary and idf need one entry per feature ({})",
                kinds.len()
            ));
        }
        if !(1..=MAX_TEXT_LENGTH).contains(&self.max_length) {
            return bad(format!("max_length must be 1 to {MAX_TEXT_LENGTH}"));
        }
        for (i, v) in self.vocabulary.iter().enumerate() {
            let Some(v) = v else { continue };
            if kinds[i].is_some()
                || v.is_empty()
                || v.len() + self.output_mode.reserved() > MAX_TOKENS
            {
                return bad(format!(
                    "vocabulary[{i}] must list 1 to {} tokens of a text feature",
                    MAX_TOKENS - self.output_mode.reserved()
                ));
            }
            match (self.output_mode, &self.idf[i]) {
                (OutputMode::TfIdf, Some(w)) if w.len() == v.len() + 1 => {
                    finite(file, &format!("{path}.idf[{i}]"), w)?
                }
                (OutputMode::TfIdf, _) => {
                    return bad(format!("idf[{i}] must hold {} weights", v.len() + 1))
                }
                _ => {}
            }
            kinds[i] = Some(self.width(v.len()));
        }
        Ok(Shape::Columns(kinds))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::read_csv;

    const CSV: &str = "review,label\n\
        \"Great phone, great battery and a great price\",1\n\
        \"The battery died, a terrible phone to own\",0\n\
        \"Great screen but the price is far too high\",1\n\
        \"\",0\n";

    fn fitted(mode: OutputMode, max_tokens: usize, min_count: usize) -> (TextVec, Array2<f32>) {
        let table = read_csv("r.csv", CSV.as_bytes()).unwrap();
        let names = vec!["review".to_string()];
        let mut f = Frame::new(&table, &names, vec![0, 1, 2, 3], Some("training"));
        f.columns[0] = Cells::Text(f.read_text(0).unwrap());
        let config = TextConfig {
            output_mode: mode,
            max_tokens,
            min_count,
            max_length: 5,
        };
        let step = TextVec::fit(&config, &f).unwrap();
        step.transform(&mut f).unwrap();
        let x = f.matrix().unwrap().clone();
        (step, x)
    }

    #[test]
    fn the_vocabulary_is_the_most_frequent_tokens_and_int_pads_and_cuts() {
        let (step, x) = fitted(OutputMode::Int, 6, 2);
        // great ×4, a ×2, battery ×2, phone ×2, price ×2, the ×2: 4 fit beside padding and OOV.
        assert_eq!(
            step.vocabulary[0].as_deref().unwrap(),
            ["great", "a", "battery", "phone"]
        );
        // "great phone great battery and" → 2 5 2 4 1; "the battery died a terrible" → 1 4 1 3 1;
        // "great screen but the price" → 2 1 1 1 1; "" → padding only.
        let want = [
            [2., 5., 2., 4., 1.],
            [1., 4., 1., 3., 1.],
            [2., 1., 1., 1., 1.],
            [0.; 5],
        ];
        assert_eq!(x, ndarray::arr2(&want));
        assert_eq!(step.input_names(0, "review").unwrap()[4], "review[4]");
    }

    #[test]
    fn multi_hot_and_tf_idf_count_tokens_per_sentence() {
        let (step, x) = fitted(OutputMode::MultiHot, 4, 1);
        assert_eq!(
            step.vocabulary[0].as_deref().unwrap(),
            ["great", "a", "battery"]
        );
        // Inputs: [UNK], great, a, battery.
        assert_eq!(x.row(0).to_vec(), [1., 1., 1., 1.]);
        assert_eq!(x.row(3).to_vec(), [0., 0., 0., 0.]);
        let (step, x) = fitted(OutputMode::TfIdf, 4, 1);
        // idf = ln(1 + 4 / (1 + documents)): great in 2 → ln(7/3), a and battery in 2 → ln(7/3).
        let w = (7.0f64 / 3.0).ln() as f32;
        assert_eq!(step.idf[0].as_deref().unwrap(), [w, w, w, w]);
        // Row 0: great ×3, a, battery, 3 other tokens (phone, and, price).
        assert_eq!(x.row(0).to_vec(), [3. * w, 3. * w, w, w]);
    }

    #[test]
    fn a_column_without_tokens_is_named() {
        let data = ColumnData::Text(vec![None, Some("...".into())]);
        let column = crate::data::Column {
            name: "review".into(),
            data,
        };
        let table = crate::data::Table::new("e.csv", vec![column]);
        let names = vec!["review".to_string()];
        let mut f = Frame::new(&table, &names, vec![0, 1], Some("training"));
        f.columns[0] = Cells::Text(f.read_text(0).unwrap());
        let err = TextVec::fit(&TextConfig::default(), &f)
            .unwrap_err()
            .to_string();
        assert_eq!(err, "e.csv: column \"review\" has no tokens in the training rows that occur data.text.min_count (1) times or more (its cells are empty or missing, or too varied); pick a column of sentences, or lower data.text.min_count");
    }
}
