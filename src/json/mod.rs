//! JSON text → `serde_json::Value`, refusing duplicate keys (serde_json's own `Value` keeps the
//! last one silently, which would drop a setting without a word). Every document the core reads
//! (experiment, search, model file, wasm inputs) goes through this one parser, so the wasm build
//! carries a single instance of it. `from_value` then reads the `Value` into a typed struct with
//! errors that name the key path (`value_de`, `path`): one deserialiser for every core type.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

mod access;
mod path;
mod value_de;

pub use path::PathError;

/// Parses `text`; a key repeated in one object is an error naming the key, line and column.
pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str::<Strict>(text).map(|s| s.0)
}

/// `e`'s message without the ` at line L column C` that serde_json appends (for messages that
/// name the place themselves).
pub fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&place)
        .map_or(text.clone(), str::to_owned)
}

/// Reads `value` into `T`; the error names the key path (`data.split.tset: unknown field …`).
pub fn from_value<T: de::DeserializeOwned>(value: &Value) -> Result<T, PathError> {
    T::deserialize(value_de::ValueDe(value))
}

struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "the key \"{key}\" appears twice in one object; keep one"
                )));
            }
            let Strict(v) = map.next_value()?;
            object.insert(key, v);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod path_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a":[1,-2,3.5,1e-7,null,true,"x\u00e9"],"b":{"c":18446744073709551615}}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
        let weight = 0.1f32 as f64;
        let v = parse(&format!("[{weight}]")).unwrap();
        assert_eq!(v[0].as_f64(), Some(weight), "floats read back exactly");
    }

    #[test]
    fn a_repeated_key_is_named_with_its_place() {
        let err = parse("{\"fit\": {\"epochs\": 5,\n \"epochs\": 50}}")
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"epochs\" appears twice"), "{err}");
        assert!(err.contains("line 2"), "{err}");
        let e = parse("{\"a\": 1, \"a\": 2}").unwrap_err();
        assert_eq!(
            message(&e),
            "the key \"a\" appears twice in one object; keep one"
        );
        assert!(
            parse(r#"[{"a":1},{"a":2}]"#).is_ok(),
            "same key in two objects"
        );
    }

    #[test]
    fn syntax_errors_keep_serde_json_messages() {
        let err = parse("{\"a\": }").unwrap_err();
        assert_eq!((err.line(), err.is_syntax()), (1, true));
        assert!(parse("{\"a\": 1").unwrap_err().is_eof());
    }
}
