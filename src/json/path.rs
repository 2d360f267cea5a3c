//! The error of `json::from_value`: serde's message plus the key path to the value it is about
//! (`model.layers[1].units`), written as serde_path_to_error wrote it (the reader replaced it).

use std::fmt;

use serde::de;

/// One step of a key path: an object key (or enum variant) or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// A deserialisation error and where in the document it happened. Displays as `path: message`,
/// or the message alone at the top level.
#[derive(Debug)]
pub struct PathError(Box<Inner>);

#[derive(Debug)]
struct Inner {
    /// serde_json's own error, so messages (`invalid type: null, …`) read as serde_json's do.
    error: serde_json::Error,
    /// Innermost first: segments are pushed as the error unwinds out of the document.
    path: Vec<Segment>,
}

impl PathError {
    /// `self` with `key` (an object key or enum variant) in front of its path.
    pub(super) fn at_key(mut self, key: &str) -> Self {
        self.0.path.push(Segment::Key(key.to_owned()));
        self
    }

    /// `self` with the array index `index` in front of its path.
    pub(super) fn at_index(mut self, index: usize) -> Self {
        self.0.path.push(Segment::Index(index));
        self
    }

    /// The key path, `a.b[2].c`, or `.` for the top level (serde_path_to_error's notation).
    pub fn path(&self) -> String {
        let mut out = String::new();
        for (i, segment) in self.0.path.iter().rev().enumerate() {
            match segment {
                Segment::Index(index) => out.push_str(&format!("[{index}]")),
                Segment::Key(key) => {
                    if i > 0 {
                        out.push('.');
                    }
                    out.push_str(key);
                }
            }
        }
        if out.is_empty() {
            out.push('.');
        }
        out
    }

    /// The error without its path.
    pub fn inner(&self) -> &serde_json::Error {
        &self.0.error
    }

    /// The error without its path, owned.
    pub fn into_inner(self) -> serde_json::Error {
        self.0.error
    }
}

impl From<serde_json::Error> for PathError {
    fn from(error: serde_json::Error) -> Self {
        PathError(Box::new(Inner {
            error,
            path: Vec::new(),
        }))
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.0.path.is_empty() {
            write!(f, "{}", self.0.error)
        } else {
            write!(f, "{}: {}", self.path(), self.0.error)
        }
    }
}

impl std::error::Error for PathError {}

/// Messages are made by serde_json's error (its `null` and float wording included).
impl de::Error for PathError {
    #[cold]
    fn custom<T: fmt::Display>(msg: T) -> Self {
        <serde_json::Error as de::Error>::custom(msg).into()
    }

    #[cold]
    fn invalid_type(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        <serde_json::Error as de::Error>::invalid_type(unexp, exp).into()
    }

    #[cold]
    fn invalid_value(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        <serde_json::Error as de::Error>::invalid_value(unexp, exp).into()
    }
}
