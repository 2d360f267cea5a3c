//! The `SeqAccess`, `MapAccess` and `EnumAccess` over a `Value`'s arrays, objects and enums: each
//! hands its elements, entry values and variant content to an [`Element`] deserializer
//! (`value_de::ValueDe`) and adds its index, key or variant to an error coming out of them.

use std::marker::PhantomData;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};
use serde_json::{Map, Value};

use super::path::PathError;

/// The deserializer of one `Value` that the accessors hand out.
pub(super) trait Element<'de>: Deserializer<'de, Error = PathError> {
    fn of(value: &'de Value) -> Self;
}

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

/// An array; like serde_json, an error if the visitor leaves elements unread.
pub(super) fn visit_array<'de, D: Element<'de>, V: Visitor<'de>>(
    items: &'de [Value],
    visitor: V,
) -> Result<V::Value> {
    let mut seq = SeqDe::<D>::new(items);
    let out = visitor.visit_seq(&mut seq)?;
    match seq.rest() {
        0 => Ok(out),
        _ => Err(PathError::invalid_length(
            items.len(),
            &"fewer elements in array",
        )),
    }
}

/// An object; like serde_json, an error if the visitor leaves entries unread.
pub(super) fn visit_object<'de, D: Element<'de>, V: Visitor<'de>>(
    map: &'de Map<String, Value>,
    visitor: V,
) -> Result<V::Value> {
    let mut access = MapDe::<D>::new(map);
    let out = visitor.visit_map(&mut access)?;
    match access.rest() {
        0 => Ok(out),
        _ => Err(PathError::invalid_length(
            map.len(),
            &"fewer elements in map",
        )),
    }
}

/// An array's elements; errors get the element's index.
pub(super) struct SeqDe<'de, D> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
    element: PhantomData<D>,
}

impl<'de, D> SeqDe<'de, D> {
    pub(super) fn new(items: &'de [Value]) -> Self {
        SeqDe {
            items: items.iter(),
            index: 0,
            element: PhantomData,
        }
    }

    /// How many elements the visitor left unread.
    pub(super) fn rest(&self) -> usize {
        self.items.len()
    }
}

impl<'de, D: Element<'de>> SeqAccess<'de> for SeqDe<'de, D> {
    type Error = PathError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(D::of(item))
            .map(Some)
            .map_err(|e| e.at_index(index))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object's entries; errors about a key or its value get the key.
pub(super) struct MapDe<'de, D> {
    entries: serde_json::map::Iter<'de>,
    value: Option<(&'de str, &'de Value)>,
    element: PhantomData<D>,
}

impl<'de, D> MapDe<'de, D> {
    pub(super) fn new(map: &'de Map<String, Value>) -> Self {
        MapDe {
            entries: map.iter(),
            value: None,
            element: PhantomData,
        }
    }

    /// How many entries the visitor left unread.
    pub(super) fn rest(&self) -> usize {
        self.entries.len()
    }
}

impl<'de, D: Element<'de>> MapAccess<'de> for MapDe<'de, D> {
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
        seed.deserialize(D::of(value)).map_err(|e| e.at_key(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An enum's variant name and, for `{"Variant": content}`, its content; errors about the content
/// get the variant's name.
pub(super) struct EnumDe<'de, D> {
    variant: &'de str,
    value: Option<&'de Value>,
    element: PhantomData<D>,
}

impl<'de, D> EnumDe<'de, D> {
    /// A unit variant written as a string.
    pub(super) fn unit(variant: &'de str) -> Self {
        EnumDe {
            variant,
            value: None,
            element: PhantomData,
        }
    }

    /// The variant and content of a one-key object.
    pub(super) fn one_entry(map: &'de Map<String, Value>) -> Result<Self> {
        let mut entries = map.iter();
        match (entries.next(), entries.next()) {
            (Some((variant, value)), None) => Ok(EnumDe {
                variant,
                value: Some(value),
                element: PhantomData,
            }),
            _ => Err(PathError::invalid_value(
                Unexpected::Map,
                &"map with a single key",
            )),
        }
    }
}

impl<'de, D: Element<'de>> EnumAccess<'de> for EnumDe<'de, D> {
    type Error = PathError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = BorrowedStrDeserializer::<PathError>::new(self.variant);
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de, D: Element<'de>> VariantAccess<'de> for EnumDe<'de, D> {
    type Error = PathError;

    fn unit_variant(self) -> Result<()> {
        match self.value {
            Some(value) => de::Deserialize::deserialize(D::of(value)),
            None => Ok(()),
        }
        .map_err(|e: PathError| e.at_key(self.variant))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        match self.value {
            Some(value) => seed.deserialize(D::of(value)),
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
            Some(Value::Array(items)) => visit_array::<D, _>(items, visitor),
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
            Some(Value::Object(map)) => visit_object::<D, _>(map, visitor),
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
