//! The experiment as JSON text: read (one parser, key-path errors, then the range checks) and
//! written (pretty, defaults filled in).

use super::Experiment;
use crate::error::{Error, Result};

impl Experiment {
    /// Parses and validates a JSON document; errors name the key path (`data.split.tset`).
    pub fn from_json(text: &str) -> Result<Self> {
        // Through a `Value`, as model files are read: one instance of the deserialisers in the wasm.
        let value = crate::json::parse(text)
            .map_err(|e| Error::experiment("(top level)", e.to_string()))?;
        let exp: Experiment = crate::json::from_value(&value).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." {
                "(top level)".to_string()
            } else {
                path
            };
            Error::experiment(&path, e.into_inner().to_string())
        })?;
        exp.validate()?;
        Ok(exp)
    }

    /// The document as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an Experiment always serialises")
    }

    /// Range-checks every number; the error names the field and the allowed range.
    pub fn validate(&self) -> Result<()> {
        super::check::validate(self)
    }
}
