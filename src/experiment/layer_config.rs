//! `layer_config!`: a layer type's settings written once, as a struct whose fields carry their
//! defaults, limits and help. From it come the type's key table, its JSON reading and writing,
//! its range checks, what the page's "+ TYPE" button adds, and the page's description.

use serde::ser::SerializeMap;
use serde_json::Value;

use super::keys::Key;
use super::values::{KeyValue, Raw};
use crate::error::Result;

/// What `layer_config!` generates for a layer type's config struct (the registration list in
/// src/experiment/layers.rs dispatches to it; `build` is the config's own method).
pub trait LayerType: Sized {
    /// The `"type"` in the JSON.
    const TYPE: &'static str;
    /// One paragraph for people (the struct's doc comment).
    const HELP: &'static str;
    /// The keys, in the struct's field order.
    const KEYS: &'static [Key];

    /// The config from the keys read for it (already limited to [`Self::KEYS`]); absent keys
    /// take their defaults; an absent required key is an error.
    fn read(keys: &mut RawKeys) -> std::result::Result<Self, String>;

    /// Range-checks every key; errors name `path.KEY`.
    fn check(&self, path: &str) -> Result<()>;

    /// Writes the keys (not `type`) into `map`, leaving out `omit_default` keys at their default.
    fn write<M: SerializeMap>(&self, map: &mut M) -> std::result::Result<(), M::Error>;

    /// The layer the page's "+ TYPE" button adds.
    fn start() -> Self;

    /// Each key's default as JSON (`null` for a required key), in [`Self::KEYS`] order.
    fn defaults() -> Vec<Value>;
}

/// The keys of one layer object as read, before its type was known: `(name, value)` pairs.
#[derive(Debug, Default)]
pub struct RawKeys(Vec<(&'static str, Raw)>);

impl RawKeys {
    pub fn insert(&mut self, name: &'static str, value: Raw) {
        self.0.push((name, value));
    }

    pub fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| *n == name)
    }

    /// Key `name`'s value, else `default`, else the error serde gives for a missing field.
    pub fn take<T: KeyValue>(
        &mut self,
        name: &str,
        default: Option<T>,
    ) -> std::result::Result<T, String> {
        match self.0.iter().position(|(n, _)| *n == name) {
            Some(i) => T::from_raw(self.0.swap_remove(i).1)
                .ok_or_else(|| format!("internal error: `{name}` was read as another kind")),
            None => default.ok_or_else(|| format!("missing field `{name}`")),
        }
    }
}

/// Declares a layer type's config struct, one field per key, and implements [`LayerType`] for it:
///
/// ```text
/// layer_config! {
///     /// Help for the type (the page shows it).
///     pub struct DenseConfig = "dense" {
///         /// Help for the key.
///         units: usize, range 1..=MAX_UNITS, page 16;
///         activation: Activation = Activation::Linear, page Activation::Relu;
///         use_bias: bool = true, [omit_default, advanced];
///     }
/// }
/// ```
///
/// Per field, in this order, each part optional: `= DEFAULT` (without one the key is required),
/// `range LO..=HI` (inclusive limits), `step STEP` (the page's step for a float), `label "TEXT"`
/// (the page's label when not the name), `page VALUE` (what a new layer on the page starts with,
/// else the default; required keys need one), and flags `[omit_default, advanced]` (not written
/// while at the default; shown under "more" on the page).
macro_rules! layer_config {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident = $type:literal {
            $(
                $(#[doc = $kdoc:literal])*
                $field:ident : $ty:ty $(= $default:expr)?
                    $(, range $lo:tt ..= $hi:tt)?
                    $(, step $step:tt)?
                    $(, label $label:literal)?
                    $(, page $page:expr)?
                    $(, [$($flag:ident),*])?
                ;
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $($(#[doc = $kdoc])* pub $field: $ty,)*
        }

        impl $crate::experiment::LayerType for $name {
            const TYPE: &'static str = $type;
            const HELP: &'static str = concat!($($doc),*);
            const KEYS: &'static [$crate::experiment::keys::Key] = &[$(
                $crate::experiment::keys::Key::new(
                    stringify!($field),
                    <$ty as $crate::experiment::values::KeyValue>::KIND,
                    concat!($($kdoc),*),
                    $crate::experiment::layer_config::required!($($default)?),
                )
                $(.range($lo as f64, $hi as f64))?
                $(.step($step))?
                $(.label($label))?
                $($(.$flag())*)?
            ),*];

            #[allow(unused_variables)]
            fn read(
                keys: &mut $crate::experiment::RawKeys,
            ) -> std::result::Result<Self, String> {
                Ok($name {
                    $($field: keys.take(stringify!($field), None::<$ty>$(.or(Some($default)))?)?,)*
                })
            }

            fn check(&self, path: &str) -> $crate::error::Result<()> {
                #[allow(unused_mut)]
                let mut keys = Self::KEYS.iter();
                $(if let Some(key) = keys.next() {
                    $crate::experiment::values::KeyValue::check(&self.$field, path, key)?;
                })*
                let _ = (path, keys);
                Ok(())
            }

            fn write<M: serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> std::result::Result<(), M::Error> {
                #[allow(unused_mut)]
                let mut keys = Self::KEYS.iter();
                $(
                    let omit = keys.next().is_some_and(|k| k.omit_default);
                    if !(omit && None::<$ty>$(.or(Some($default)))?.as_ref() == Some(&self.$field)) {
                        map.serialize_entry(stringify!($field), &self.$field)?;
                    }
                )*
                let _ = (map, keys);
                Ok(())
            }

            fn start() -> Self {
                $name {
                    $($field: $crate::experiment::layer_config::first!($($page)?; $($default)?),)*
                }
            }

            fn defaults() -> Vec<serde_json::Value> {
                vec![$(
                    None::<$ty>$(.or(Some($default)))?
                        .map(|d| $crate::experiment::values::KeyValue::to_json(&d))
                        .unwrap_or_default()
                ),*]
            }
        }
    };
}
pub(crate) use layer_config;

/// `true` for a key without a default.
macro_rules! required {
    () => {
        true
    };
    ($default:expr) => {
        false
    };
}
pub(crate) use required;

/// The page's start value: `page`, else the default.
macro_rules! first {
    ($page:expr; $($default:expr)?) => {
        $page
    };
    (; $default:expr) => {
        $default
    };
    (;) => {
        compile_error!(
            "a required key needs `page VALUE`: what a new layer on the page starts with"
        )
    };
}
pub(crate) use first;
