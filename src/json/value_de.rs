//! A `serde::Deserializer` over a `&serde_json::Value` whose errors carry the key path: each map
//! key, array index and enum variant is added to the error as it unwinds. It reads a `Value` as
//! serde_json's own `&Value` deserializer does (same visitor calls, same messages), so it is the
//! one deserialiser every core type is instantiated with.

use serde::de::{Deserializer, Error as _, Visitor};
use serde_json::Value;

use super::access::{unexpected, visit_array, visit_object, Element, EnumDe, Result};
use super::path::PathError;

/// Reads one `Value`; `'de` is the document's lifetime (strings are lent to visitors).
pub(super) struct ValueDe<'de>(pub(super) &'de Value);

impl<'de> Element<'de> for ValueDe<'de> {
    fn of(value: &'de Value) -> Self {
        ValueDe(value)
    }
}

/// A number as serde_json hands it out: `u64` if it fits, else `i64`, else `f64`.
fn visit_number<'de, V: Visitor<'de>>(n: &serde_json::Number, visitor: V) -> Result<V::Value> {
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => visitor.visit_u64(u),
        (None, Some(i)) => visitor.visit_i64(i),
        _ => visitor.visit_f64(n.as_f64().unwrap_or_default()),
    }
}

/// Declares `deserialize_*` methods that take only the listed `Value` kinds and otherwise fail
/// with serde_json's `invalid type` message: as in serde_json, a visitor is never offered another
/// kind (a variant identifier is not offered an integer, which it would read as a variant index).
macro_rules! only {
    ($($method:ident($($arg:ident: $ty:ty),*) |$v:ident| { $($kind:pat => $visit:expr),+ })*) => {
        $(fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* $v: V) -> Result<V::Value> {
            match self.0 {
                $($kind => $visit,)+
                other => Err(PathError::invalid_type(unexpected(other), &$v)),
            }
        })*
    };
}

impl<'de> Deserializer<'de> for ValueDe<'de> {
    type Error = PathError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => visit_number(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visit_array::<Self, _>(items, visitor),
            Value::Object(map) => visit_object::<Self, _>(map, visitor),
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
            Value::String(variant) => visitor.visit_enum(EnumDe::<Self>::unit(variant)),
            Value::Object(map) => visitor.visit_enum(EnumDe::<Self>::one_entry(map)?),
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
        deserialize_bool() |v| { Value::Bool(b) => v.visit_bool(*b) }
        deserialize_i8() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_i16() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_i32() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_i64() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_i128() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_u8() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_u16() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_u32() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_u64() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_u128() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_f32() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_f64() |v| { Value::Number(n) => visit_number(n, v) }
        deserialize_char() |v| { Value::String(s) => v.visit_borrowed_str(s) }
        deserialize_str() |v| { Value::String(s) => v.visit_borrowed_str(s) }
        deserialize_string() |v| { Value::String(s) => v.visit_borrowed_str(s) }
        deserialize_identifier() |v| { Value::String(s) => v.visit_borrowed_str(s) }
        deserialize_bytes() |v| {
            Value::String(s) => v.visit_borrowed_str(s),
            Value::Array(items) => visit_array::<Self, _>(items, v)
        }
        deserialize_byte_buf() |v| {
            Value::String(s) => v.visit_borrowed_str(s),
            Value::Array(items) => visit_array::<Self, _>(items, v)
        }
        deserialize_unit() |v| { Value::Null => v.visit_unit() }
        deserialize_unit_struct(_name: &'static str) |v| { Value::Null => v.visit_unit() }
        deserialize_seq() |v| { Value::Array(items) => visit_array::<Self, _>(items, v) }
        deserialize_tuple(_len: usize) |v| { Value::Array(items) => visit_array::<Self, _>(items, v) }
        deserialize_tuple_struct(_name: &'static str, _len: usize) |v| {
            Value::Array(items) => visit_array::<Self, _>(items, v)
        }
        deserialize_map() |v| { Value::Object(map) => visit_object::<Self, _>(map, v) }
        deserialize_struct(_name: &'static str, _fields: &'static [&'static str]) |v| {
            Value::Array(items) => visit_array::<Self, _>(items, v),
            Value::Object(map) => visit_object::<Self, _>(map, v)
        }
    }
}
