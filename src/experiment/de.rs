//! Reading a [`LayerConfig`] from JSON: one map visitor for every layer type, driven by the
//! types' key descriptions (src/experiment/layers.rs), then the type's own keys and defaults.
//! serde's derived internally-tagged reader would instantiate a visitor per type (~10 KB of wasm
//! for the eight layer types). The optimizers are read through a flat struct (optimizer_de.rs).

use std::fmt;

use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, VariantAccess, Visitor,
};
use serde::Deserialize;

use super::keys::{Key, Kind, Raw};
use super::layer_config::RawKeys;
use super::layers::{all_keys, LayerConfig, LAYER_TYPES};
use crate::nn::regularizer::Regularizer;

/// `` `a`, `b`, `c` ``: names as serde lists them in messages.
pub(super) fn ticked(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    names.join(", ")
}

/// The error for key `name`, which type `kind` does not take; `takes` are the keys it does.
pub(super) fn not_taken(kind: &str, name: &str, takes: &[&str]) -> String {
    let takes = ticked(takes);
    match takes.is_empty() {
        true => format!("unknown field `{name}`: type {kind:?} takes no other keys; remove it"),
        false => format!("unknown field `{name}` for type {kind:?}, expected one of {takes}"),
    }
}

impl<'de> Deserialize<'de> for LayerConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(LayerVisitor(all_keys()))
    }
}

/// Reads a layer object: `type` and every key some layer type takes (each read as its kind
/// says, whatever the type), then hands them to the type.
struct LayerVisitor(Vec<&'static Key>);

impl<'de> Visitor<'de> for LayerVisitor {
    type Value = LayerConfig;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a layer object such as {\"type\": \"dense\", \"units\": 8}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LayerConfig, A::Error> {
        let mut kind: Option<String> = None;
        let mut keys = RawKeys::default();
        while let Some(key) = map.next_key_seed(KeyName(&self.0))? {
            match key {
                None if kind.is_some() => return Err(A::Error::duplicate_field("type")),
                None => kind = Some(map.next_value()?),
                Some(key) if keys.contains(key.name) => {
                    return Err(A::Error::duplicate_field(key.name))
                }
                Some(key) => {
                    if let Some(value) = map.next_value_seed(RawValue(key.kind))? {
                        keys.insert(key.name, value);
                    }
                }
            }
        }
        let kind = kind.ok_or_else(|| A::Error::missing_field("type"))?;
        layer(&kind, &self.0, keys).map_err(A::Error::custom)
    }
}

/// The layer of type `kind` from `keys`: an unknown type, then a key of another type (the first
/// in `all` order), then a missing required key are errors.
fn layer(kind: &str, all: &[&'static Key], mut keys: RawKeys) -> Result<LayerConfig, String> {
    let Some(takes) = LAYER_TYPES.iter().find(|t| t.name == kind).map(|t| t.keys) else {
        let types: Vec<&str> = LAYER_TYPES.iter().map(|t| t.name).collect();
        let types = ticked(&types);
        return Err(format!("unknown variant `{kind}`, expected one of {types}"));
    };
    let taken = |name: &str| takes.iter().any(|k| k.name == name);
    if let Some(key) = all.iter().find(|k| keys.contains(k.name) && !taken(k.name)) {
        let takes: Vec<&str> = takes.iter().map(|k| k.name).collect();
        return Err(not_taken(kind, key.name, &takes));
    }
    LayerConfig::read(kind, &mut keys).unwrap_or_else(|| Err(format!("unknown type `{kind}`")))
}

/// A layer object's key: `None` for `type`, else the key some layer type takes; any other name
/// is serde's `unknown field` error listing them all.
struct KeyName<'a>(&'a [&'static Key]);

impl<'de> DeserializeSeed<'de> for KeyName<'_> {
    type Value = Option<&'static Key>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeyName<'_> {
    type Value = Option<&'static Key>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a layer key")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v == "type" {
            return Ok(None);
        }
        match self.0.iter().find(|k| k.name == v) {
            Some(key) => Ok(Some(*key)),
            None => {
                let names: Vec<&str> = self.0.iter().map(|k| k.name).collect();
                let names = ticked(&[&["type"], &names[..]].concat());
                Err(E::custom(format!(
                    "unknown field `{v}`, expected one of {names}"
                )))
            }
        }
    }
}

/// A key's value read as its [`Kind`] says; `null` is `None`, as an absent key.
struct RawValue(Kind);

impl<'de> DeserializeSeed<'de> for RawValue {
    type Value = Option<Raw>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Ok(match self.0 {
            Kind::Int => Option::<usize>::deserialize(d)?.map(Raw::Int),
            Kind::Float => Option::<f32>::deserialize(d)?.map(Raw::Float),
            Kind::Bool => Option::<bool>::deserialize(d)?.map(Raw::Bool),
            Kind::Choice(names) => d.deserialize_option(Choice(names))?.map(Raw::Choice),
            Kind::Shape => Option::<Vec<usize>>::deserialize(d)?.map(Raw::Shape),
            Kind::Regularizer => Option::<Regularizer>::deserialize(d)?.map(Raw::Regularizer),
        })
    }
}

/// One of `names`, read as serde reads a unit-variant enum (same messages: ``unknown variant
/// `full`, expected `valid` or `same` ``); the value is its index.
#[derive(Clone, Copy)]
struct Choice(&'static [&'static str]);

impl<'de> Visitor<'de> for Choice {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "one of {}", ticked(self.0))
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_enum("choice", self.0, self)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        let (index, variant) = data.variant_seed(ChoiceName(self.0))?;
        variant.unit_variant()?;
        Ok(Some(index))
    }
}

/// The name of a [`Choice`], as its index.
struct ChoiceName(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for ChoiceName {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for ChoiceName {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|n| *n == v)
            .ok_or_else(|| E::unknown_variant(v, self.0))
    }
}
