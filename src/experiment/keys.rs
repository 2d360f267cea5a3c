//! One key of a layer type's settings, described once: its kind, limits, help and page label.
//! The JSON reader, the range checks and the page's layer editor all read this description; a
//! key's Rust type says how its value is read and checked (src/experiment/values.rs).

use serde_json::Value;

pub use super::values::{KeyValue, Raw};

/// What values a key takes; the page's editor picks its control from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A whole number within the key's limits.
    Int,
    /// A number within the key's limits.
    Float,
    /// `true` or `false`.
    Bool,
    /// One of these names.
    Choice(&'static [&'static str]),
    /// 1 to `limits::MAX_SHAPE_LEN` whole numbers, each within the key's limits.
    Shape,
    /// `{"l1": …, "l2": …}`, each within the key's limits.
    Regularizer,
}

impl Kind {
    /// The kind's name in the page's description: `int`, `float`, `bool`, `choice`, `shape`,
    /// `regularizer`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Int => "int",
            Kind::Float => "float",
            Kind::Bool => "bool",
            Kind::Choice(_) => "choice",
            Kind::Shape => "shape",
            Kind::Regularizer => "regularizer",
        }
    }
}

/// One key of a layer type, written by `layer_config!` from the config struct's field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Key {
    pub name: &'static str,
    pub kind: Kind,
    /// One line for people (the field's doc comment).
    pub help: &'static str,
    /// A document must give it (the field has no default).
    pub required: bool,
    /// Inclusive limits of the value (of each entry, for a shape or regularizer).
    pub limits: Option<(f64, f64)>,
    /// The page's step for a number; `None`: any value.
    pub step: Option<f64>,
    /// The page's label (and aria-label `layer I LABEL`); `None`: the name with spaces.
    pub label: Option<&'static str>,
    /// Left out of the JSON while it has its default value.
    pub omit_default: bool,
    /// Shown folded on the page, under "more".
    pub advanced: bool,
}

impl Key {
    /// A key without limits; whole numbers step by 1 on the page.
    pub const fn new(name: &'static str, kind: Kind, help: &'static str, required: bool) -> Self {
        let step = match kind {
            Kind::Int => Some(1.0),
            _ => None,
        };
        Key {
            name,
            kind,
            help,
            required,
            limits: None,
            step,
            label: None,
            omit_default: false,
            advanced: false,
        }
    }

    pub const fn range(self, lo: f64, hi: f64) -> Self {
        Key {
            limits: Some((lo, hi)),
            ..self
        }
    }

    pub const fn step(self, step: f64) -> Self {
        Key {
            step: Some(step),
            ..self
        }
    }

    pub const fn label(self, label: &'static str) -> Self {
        Key {
            label: Some(label),
            ..self
        }
    }

    pub const fn omit_default(self) -> Self {
        Key {
            omit_default: true,
            ..self
        }
    }

    pub const fn advanced(self) -> Self {
        Key {
            advanced: true,
            ..self
        }
    }

    /// `path.name`, the key's place in the document for messages.
    pub fn at(&self, path: &str) -> String {
        format!("{path}.{}", self.name)
    }

    /// The page's description of the key, with its `default` value (`null`: none): `{name,
    /// label, kind, default, min, max, step, choices, help, required, advanced}`, `null` for
    /// what does not apply; whole numbers as JSON integers.
    pub fn describe(&self, default: Value) -> Value {
        let whole = matches!(self.kind, Kind::Int | Kind::Shape);
        let number = |v: Option<f64>| match v {
            Some(v) if whole => Value::from(v as u64),
            Some(v) => Value::from(v),
            None => Value::Null,
        };
        let (min, max) = self.limits.unzip();
        let choices = match self.kind {
            Kind::Choice(names) => Value::from(names.to_vec()),
            _ => Value::Null,
        };
        let label = self
            .label
            .map_or_else(|| self.name.replace('_', " "), str::to_owned);
        let fields = [
            ("name", Value::from(self.name)),
            ("label", Value::from(label)),
            ("kind", Value::from(self.kind.name())),
            ("default", default),
            ("min", number(min)),
            ("max", number(max)),
            ("step", number(self.step)),
            ("choices", choices),
            ("help", Value::from(self.help.trim())),
            ("required", Value::from(self.required)),
            ("advanced", Value::from(self.advanced)),
        ];
        object(fields)
    }
}

/// A JSON object of `fields` (filled by `insert`: `collect` would sort, which costs wasm bytes).
pub(super) fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    let mut map = serde_json::Map::new();
    for (k, v) in fields {
        map.insert(k.to_owned(), v);
    }
    Value::Object(map)
}
