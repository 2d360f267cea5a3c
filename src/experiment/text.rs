//! `data.text`: how text columns become model inputs (Keras's `TextVectorization` settings).

use serde_json::Value;

use super::limits::{MAX_TEXT_LENGTH, MAX_TOKENS};
use super::range::range;
use crate::error::{Error, Result};

/// The settings of the text vectoriser, fitted on the training rows (src/data/text_vec.rs).
#[derive(Debug, Clone, PartialEq)]
pub struct TextConfig {
    pub output_mode: OutputMode,
    /// The vocabulary's size, reserved tokens included (int: padding 0 and out-of-vocabulary 1;
    /// multi_hot and tf_idf: out-of-vocabulary 0): the most frequent training tokens fill the rest.
    pub max_tokens: usize,
    /// A token enters the vocabulary only if it occurs this many times in the training rows.
    pub min_count: usize,
    /// int: each sentence is cut or padded (with 0) to this many tokens.
    pub max_length: usize,
}

/// What a text column becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputMode {
    /// A sequence of `max_length` token ids (for an embedding layer).
    Int,
    /// One input per vocabulary token: 1 if the sentence holds it (a bag of words).
    #[default]
    MultiHot,
    /// One input per vocabulary token: its count × its inverse document frequency.
    TfIdf,
}

impl OutputMode {
    /// The modes' names in the JSON, in the order of the variants (read and written by hand:
    /// no derived serde code in the wasm).
    pub const NAMES: [&'static str; 3] = ["int", "multi_hot", "tf_idf"];

    /// The mode's name in the JSON.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The mode named `name`.
    pub fn from_name(name: &str) -> Option<OutputMode> {
        [OutputMode::Int, OutputMode::MultiHot, OutputMode::TfIdf]
            .into_iter()
            .find(|m| m.name() == name)
    }

    /// Token ids below this are reserved: int 2 (padding, out-of-vocabulary), else 1.
    pub fn reserved(self) -> usize {
        match self {
            OutputMode::Int => 2,
            _ => 1,
        }
    }
}

impl Default for TextConfig {
    fn default() -> Self {
        TextConfig {
            output_mode: OutputMode::MultiHot,
            max_tokens: 10_000,
            min_count: 1,
            max_length: 40,
        }
    }
}

impl TextConfig {
    /// `data.text` read from its JSON (`null`: the defaults), range-checked; errors name
    /// `data.text.KEY`.
    pub fn read(json: &Value) -> Result<TextConfig> {
        let mut c = TextConfig::default();
        let Some(keys) = json.as_object() else {
            return match json.is_null() {
                true => Ok(c),
                false => Err(Error::experiment("data.text", "must be an object {\"output_mode\": …, \"max_tokens\": …, \"min_count\": …, \"max_length\": …}")),
            };
        };
        for (key, value) in keys {
            let path = format!("data.text.{key}");
            let number = || match value.as_u64() {
                Some(n) => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
                None => Err(Error::experiment(&path, "must be a whole number")),
            };
            match key.as_str() {
                "output_mode" => {
                    c.output_mode = match value.as_str().and_then(OutputMode::from_name) {
                        Some(mode) => mode,
                        None => return Err(Error::experiment(&path, "must be \"int\", \"multi_hot\" or \"tf_idf\"")),
                    }
                }
                "max_tokens" => c.max_tokens = number()?,
                "min_count" => c.min_count = number()?,
                "max_length" => c.max_length = number()?,
                _ => return Err(Error::experiment(&path, "is not a setting of data.text; they are output_mode, max_tokens, min_count and max_length")),
            }
        }
        c.check()?;
        Ok(c)
    }

    /// Range checks; errors name `data.text.KEY`.
    pub fn check(&self) -> Result<()> {
        let reserved = self.output_mode.reserved() + 1;
        range(
            "data.text.max_tokens",
            self.max_tokens,
            reserved,
            MAX_TOKENS,
        )?;
        range("data.text.min_count", self.min_count, 1, 1_000_000)?;
        range("data.text.max_length", self.max_length, 1, MAX_TEXT_LENGTH)
    }
}
