//! The one error type of the core: every message says what was wrong, where, and what to do.

use thiserror::Error;

/// Everything that can go wrong with user input: files, JSON, settings.
///
/// Once a model is built, `forward`/`backward` cannot fail; errors are for input only.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum Error {
    /// The experiment JSON is malformed, has an unknown key or an out-of-range value.
    #[error("experiment: {path}: {message}")]
    Experiment { path: String, message: String },

    /// The CSV cannot be used as it is.
    #[error("{file}: {message}")]
    Data { file: String, message: String },

    /// The model cannot be built from these layers and this data.
    #[error("model: {0}")]
    Model(String),

    /// A request that does not fit the session's state (e.g. train before configure).
    #[error("{0}")]
    State(String),

    /// Training produced a non-finite loss.
    #[error("training diverged: the loss became {value} at epoch {epoch}, batch {batch}; lower the learning rate or scale the data")]
    Diverged {
        epoch: usize,
        batch: usize,
        value: f32,
    },
}

impl Error {
    /// A data error about `file`.
    pub fn data(file: &str, message: impl Into<String>) -> Self {
        Error::Data {
            file: file.to_string(),
            message: message.into(),
        }
    }

    /// An experiment error at the JSON path `path` (e.g. `data.split.test`).
    pub fn experiment(path: &str, message: impl Into<String>) -> Self {
        Error::Experiment {
            path: path.to_string(),
            message: message.into(),
        }
    }
}

/// The core's result type.
pub type Result<T> = std::result::Result<T, Error>;
