//! The `SeqAccess`, `MapAccess` and `EnumAccess` of `value_de::ValueDe`: each adds its index, key
//! or variant to an error coming out of the element, entry or variant content it hands out.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeSeed, EnumAccess, Error as _, MapAccess, SeqAccess, Unexpected, VariantAccess,
    Visitor,
};
use serde_json::{Map, Value};

use super::path::PathError;
use super::value_de::{unexpected, visit_array, visit_object, Result, ValueDe};

/// An array's elements; errors get the element's index.
pub(super) struct SeqDe<'de> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
}

impl<'de> SeqDe<'de> {
    pub(super) fn new(items: &'de [Value]) -> Self {
        SeqDe {
            items: items.iter(),
            index: 0,
        }
    }

    /// How many elements the visitor left unread.
    pub(super) fn rest(&self) -> usize {
        self.items.len()
    }
}

impl<'de> SeqAccess<'de> for SeqDe<'de> {
    type Error = PathError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(ValueDe(item))
            .map(Some)
            .map_err(|e| e.at_index(index))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object's entries; errors about a key or its value get the key.
pub(super) struct MapDe<'de> {
    entries: serde_json::map::Iter<'de>,
    value: Option<(&'de str, &'de Value)>,
}

impl<'de> MapDe<'de> {
    pub(super) fn new(map: &'de Map<String, Value>) -> Self {
        MapDe {
            entries: map.iter(),
            value: None,
        }
    }

    /// How many entries the visitor left unread.
    pub(super) fn rest(&self) -> usize {
        self.entries.len()
    }
}

impl<'de> MapAccess<'de> for MapDe<'de> {
    type Error = PathError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        let key_de = BorrowedStrDeserializer::<PathError>::new(key);
        seed.deserialize(key_de)
            .map(Some)
            .map_err(|e| e.at_key(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let (key, value) = self
            .value
            .take()
            .ok_or_else(|| PathError::custom("a map value was read before its key"))?;
        seed.deserialize(ValueDe(value)).map_err(|e| e.at_key(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An enum's variant name and, for `{"Variant": content}`, its content; errors about the content
/// get the variant's name.
pub(super) struct EnumDe<'de> {
    variant: &'de str,
    value: Option<&'de Value>,
}

impl<'de> EnumDe<'de> {
    /// A unit variant written as a string.
    pub(super) fn unit(variant: &'de str) -> Self {
        EnumDe {
            variant,
            value: None,
        }
    }

    /// The variant and content of a one-key object.
    pub(super) fn one_entry(map: &'de Map<String, Value>) -> Result<Self> {
        let mut entries = map.iter();
        match (entries.next(), entries.next()) {
            (Some((variant, value)), None) => Ok(EnumDe {
                variant,
                value: Some(value),
            }),
            _ => Err(PathError::invalid_value(
                Unexpected::Map,
                &"map with a single key",
            )),
        }
    }
}

impl<'de> EnumAccess<'de> for EnumDe<'de> {
    type Error = PathError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = BorrowedStrDeserializer::<PathError>::new(self.variant);
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de> VariantAccess<'de> for EnumDe<'de> {
    type Error = PathError;

    fn unit_variant(self) -> Result<()> {
        match self.value {
            Some(value) => de::Deserialize::deserialize(ValueDe(value)),
            None => Ok(()),
        }
        .map_err(|e: PathError| e.at_key(self.variant))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        match self.value {
            Some(value) => seed.deserialize(ValueDe(value)),
            None => Err(PathError::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
        .map_err(|e| e.at_key(self.variant))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        match self.value {
            Some(Value::Array(items)) if items.is_empty() => visitor.visit_unit(),
            Some(Value::Array(items)) => visit_array(items, visitor),
            Some(other) => Err(PathError::invalid_type(unexpected(other), &"tuple variant")),
            None => Err(PathError::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
        .map_err(|e| e.at_key(self.variant))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.value {
            Some(Value::Object(map)) => visit_object(map, visitor),
            Some(other) => Err(PathError::invalid_type(
                unexpected(other),
                &"struct variant",
            )),
            None => Err(PathError::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
        .map_err(|e| e.at_key(self.variant))
    }
}
