//! A `serde::Deserializer` over a `&serde_json::Value` whose errors carry the key path: each map
//! key, array index and enum variant is added to the error as it unwinds. It reads a `Value` as
//! serde_json's own `&Value` deserializer does (same visitor calls, same messages), so it is the
//! one deserialiser every core type is instantiated with.

use serde::de::{Deserializer, Error as _, Unexpected, Visitor};
use serde_json::Value;

use super::access::{EnumDe, MapDe, SeqDe};
use super::path::PathError;

/// Reads one `Value`; `'de` is the document's lifetime (strings are lent to visitors).
pub(super) struct ValueDe<'de>(pub(super) &'de Value);

pub(super) type Result<T> = std::result::Result<T, PathError>;

/// The `Unexpected` serde_json names for `value` in `invalid type` messages.
pub(super) fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// `out`, or serde_json's error when the visitor stopped with `rest` of the `len` items unread.
fn all_read<T>(out: T, rest: usize, len: usize, expected: &'static str) -> Result<T> {
    match rest {
        0 => Ok(out),
        _ => Err(PathError::invalid_length(len, &expected)),
    }
}

/// Declares `deserialize_*` methods that accept the listed `Value` kinds and otherwise fail with
/// serde_json's `invalid type` message (visitors that would take another kind, such as a variant
/// identifier taking an integer, are not offered it: serde_json's behaviour).
macro_rules! only {
    ($($method:ident $(($($arg:ident: $ty:ty),*))? => [$($kind:pat_param)|+];)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($($arg: $ty,)*)? visitor: V) -> Result<V::Value> {
            $($(let _ = $arg;)*)?
            match self.0 {
                $($kind)|+ => self.deserialize_any(visitor),
                other => Err(PathError::invalid_type(unexpected(other), &visitor)),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for ValueDe<'de> {
    type Error = PathError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or_default()),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => {
                let mut seq = SeqDe::new(items);
                let out = visitor.visit_seq(&mut seq)?;
                all_read(out, seq.rest(), items.len(), "fewer elements in array")
            }
            Value::Object(map) => {
                let mut access = MapDe::new(map);
                let out = visitor.visit_map(&mut access)?;
                all_read(out, access.rest(), map.len(), "fewer elements in map")
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    /// `"Variant"` is a unit variant, `{"Variant": content}` any variant (serde_json's encoding).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.0 {
            Value::String(variant) => visitor.visit_enum(EnumDe::unit(variant)),
            Value::Object(map) => visitor.visit_enum(EnumDe::one_entry(map)?),
            other => Err(PathError::invalid_type(unexpected(other), &"string or map")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }

    only! {
        deserialize_bool => [Value::Bool(_)];
        deserialize_i8 => [Value::Number(_)];
        deserialize_i16 => [Value::Number(_)];
        deserialize_i32 => [Value::Number(_)];
        deserialize_i64 => [Value::Number(_)];
        deserialize_i128 => [Value::Number(_)];
        deserialize_u8 => [Value::Number(_)];
        deserialize_u16 => [Value::Number(_)];
        deserialize_u32 => [Value::Number(_)];
        deserialize_u64 => [Value::Number(_)];
        deserialize_u128 => [Value::Number(_)];
        deserialize_f32 => [Value::Number(_)];
        deserialize_f64 => [Value::Number(_)];
        deserialize_char => [Value::String(_)];
        deserialize_str => [Value::String(_)];
        deserialize_string => [Value::String(_)];
        deserialize_identifier => [Value::String(_)];
        deserialize_bytes => [Value::String(_) | Value::Array(_)];
        deserialize_byte_buf => [Value::String(_) | Value::Array(_)];
        deserialize_unit => [Value::Null];
        deserialize_unit_struct(_name: &'static str) => [Value::Null];
        deserialize_seq => [Value::Array(_)];
        deserialize_tuple(_len: usize) => [Value::Array(_)];
        deserialize_tuple_struct(_name: &'static str, _len: usize) => [Value::Array(_)];
        deserialize_map => [Value::Object(_)];
        deserialize_struct(_name: &'static str, _fields: &'static [&'static str])
            => [Value::Array(_) | Value::Object(_)];
    }
}
