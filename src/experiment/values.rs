//! A key's value, whatever its Rust type: how it comes from JSON ([`Raw`], read before the
//! layer's type is known), how it is range-checked against its [`Key`], and its JSON for the
//! page. `choice_enum!` declares the enums whose values are names (activations, padding).

use serde::Serialize;
use serde_json::{json, Value};

use super::keys::{Key, Kind};
use super::limits::MAX_SHAPE_LEN;
use super::range::{finite_range, range};
use crate::error::Result;
use crate::nn::regularizer::Regularizer;

/// A key's value as read from JSON, before the layer's type is known (a key is read the same way
/// for every type that takes it).
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Int(usize),
    Float(f32),
    Bool(bool),
    /// The index of the name among the key's choices.
    Choice(usize),
    Shape(Vec<usize>),
    Regularizer(Regularizer),
}

/// A Rust type a key can have: its kind, how it comes from a [`Raw`] value, how it is checked.
pub trait KeyValue: Sized + Clone + PartialEq + Serialize {
    const KIND: Kind;

    /// The value, or `None` when `raw` is of another kind.
    fn from_raw(raw: Raw) -> Option<Self>;

    /// Checks the value against `key`'s limits; errors name `path.key`.
    fn check(&self, _path: &str, _key: &Key) -> Result<()> {
        Ok(())
    }

    /// The value as JSON, for the page's description of a default.
    fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

impl KeyValue for usize {
    const KIND: Kind = Kind::Int;

    fn from_raw(raw: Raw) -> Option<Self> {
        match raw {
            Raw::Int(v) => Some(v),
            _ => None,
        }
    }

    fn check(&self, path: &str, key: &Key) -> Result<()> {
        match key.limits {
            Some((lo, hi)) => range(&key.at(path), *self, lo as usize, hi as usize),
            None => Ok(()),
        }
    }
}

impl KeyValue for f32 {
    const KIND: Kind = Kind::Float;

    fn from_raw(raw: Raw) -> Option<Self> {
        match raw {
            Raw::Float(v) => Some(v),
            _ => None,
        }
    }

    fn check(&self, path: &str, key: &Key) -> Result<()> {
        match key.limits {
            Some((lo, hi)) => finite_range(&key.at(path), *self as f64, lo, hi),
            None => Ok(()),
        }
    }

    /// The shortest decimal that reads back as this `f32` (0.2, not 0.20000000298023224).
    fn to_json(&self) -> Value {
        json!(self.to_string().parse::<f64>().ok())
    }
}

impl KeyValue for bool {
    const KIND: Kind = Kind::Bool;

    fn from_raw(raw: Raw) -> Option<Self> {
        match raw {
            Raw::Bool(v) => Some(v),
            _ => None,
        }
    }
}

/// A list of sizes, e.g. `reshape`'s `target_shape`: 1 to 3 entries, each within the limits.
impl KeyValue for Vec<usize> {
    const KIND: Kind = Kind::Shape;

    fn from_raw(raw: Raw) -> Option<Self> {
        match raw {
            Raw::Shape(v) => Some(v),
            _ => None,
        }
    }

    fn check(&self, path: &str, key: &Key) -> Result<()> {
        let at = key.at(path);
        range(&format!("{at} (length)"), self.len(), 1, MAX_SHAPE_LEN)?;
        let (lo, hi) = key.limits.unwrap_or((0.0, usize::MAX as f64));
        for (d, n) in self.iter().enumerate() {
            range(&format!("{at}[{d}]"), *n, lo as usize, hi as usize)?;
        }
        Ok(())
    }
}

impl KeyValue for Regularizer {
    const KIND: Kind = Kind::Regularizer;

    fn from_raw(raw: Raw) -> Option<Self> {
        match raw {
            Raw::Regularizer(v) => Some(v),
            _ => None,
        }
    }

    fn check(&self, path: &str, key: &Key) -> Result<()> {
        let at = key.at(path);
        let (lo, hi) = key.limits.unwrap_or((0.0, f64::MAX));
        finite_range(&format!("{at}.l1"), self.l1 as f64, lo, hi)?;
        finite_range(&format!("{at}.l2"), self.l2 as f64, lo, hi)
    }
}

/// An optional value (`null` or absent: `None`) is checked only when present.
impl<T: KeyValue> KeyValue for Option<T> {
    const KIND: Kind = T::KIND;

    fn from_raw(raw: Raw) -> Option<Self> {
        T::from_raw(raw).map(Some)
    }

    fn check(&self, path: &str, key: &Key) -> Result<()> {
        match self {
            Some(v) => v.check(path, key),
            None => Ok(()),
        }
    }

    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::to_json)
    }
}

/// An enum of plain names (`"relu"`), declared with the JSON name of each variant: the names are
/// its JSON form (written and read) and the page's choices, from this one list.
macro_rules! choice_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($(#[$vmeta])* $variant,)* }

        impl $name {
            /// Every value, in the order of [`Self::NAMES`].
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// The JSON names.
            pub const NAMES: &'static [&'static str] = &[$($text),*];

            /// The value's JSON name.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl $crate::experiment::values::KeyValue for $name {
            const KIND: $crate::experiment::keys::Kind =
                $crate::experiment::keys::Kind::Choice(Self::NAMES);

            fn from_raw(raw: $crate::experiment::values::Raw) -> Option<Self> {
                match raw {
                    $crate::experiment::values::Raw::Choice(i) => Self::ALL.get(i).copied(),
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use choice_enum;
