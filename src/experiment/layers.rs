//! The registration list of layer types. Each type is described once, by its config struct next
//! to the layer (`layer_config!` in src/nn/TYPE.rs); this list makes [`LayerConfig`] of them and
//! dispatches reading, checking, writing, building and the page's description to the type.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::keys::{Key, KeyDescription};
use super::layer_config::{LayerType, RawKeys};
use crate::error::Result;
use crate::nn::build::BuildContext;
use crate::nn::Layer;

/// Declares [`LayerConfig`] with one variant per registered config and what dispatches to them.
macro_rules! layer_types {
    ($($variant:ident($config:ty),)*) => {
        /// One layer of a `Sequential` model (Contract 1): `{"type": TYPE, ...that type's keys}`.
        #[derive(Debug, Clone, PartialEq)]
        pub enum LayerConfig {
            $($variant($config),)*
        }

        $(impl From<$config> for LayerConfig {
            fn from(config: $config) -> Self {
                LayerConfig::$variant(config)
            }
        })*

        /// Every layer type's name and keys, in registration order (the page's order).
        pub const LAYER_TYPES: &[(&str, &[Key])] = &[$((<$config>::TYPE, <$config>::KEYS),)*];

        impl LayerConfig {
            /// The `"type"` name.
            pub fn kind(&self) -> &'static str {
                match self {
                    $(LayerConfig::$variant(_) => <$config>::TYPE,)*
                }
            }

            /// Range-checks every key; errors name `path.KEY` (`model.layers[0].units`).
            pub fn check(&self, path: &str) -> Result<()> {
                match self {
                    $(LayerConfig::$variant(c) => c.check(path),)*
                }
            }

            /// The layer for inputs of shape `input` (no batch axis); shape errors name the
            /// layer's index and type ([`BuildContext::error`]).
            pub fn build(&self, input: &[usize], ctx: &mut BuildContext) -> Result<Box<dyn Layer>> {
                ctx.kind = self.kind();
                match self {
                    $(LayerConfig::$variant(c) => c.build(input, ctx),)*
                }
            }

            /// The layer of type `kind` from its keys; `None` for an unknown type.
            pub(super) fn read(
                kind: &str,
                keys: &mut RawKeys,
            ) -> Option<std::result::Result<Self, String>> {
                $(if kind == <$config>::TYPE {
                    return Some(<$config>::read(keys).map(LayerConfig::$variant));
                })*
                None
            }

            fn write<M: SerializeMap>(&self, map: &mut M) -> std::result::Result<(), M::Error> {
                match self {
                    $(LayerConfig::$variant(c) => c.write(map),)*
                }
            }
        }

        /// The page's description of every layer type, in registration order.
        pub fn layer_types() -> Vec<TypeDescription> {
            vec![$(describe::<$config>(),)*]
        }
    };
}

layer_types! {
    Dense(crate::nn::dense::DenseConfig),
    Dropout(crate::nn::dropout::DropoutConfig),
    Lstm(crate::nn::lstm::LstmConfig),
    Gru(crate::nn::gru::GruConfig),
    Reshape(crate::nn::reshape::ReshapeConfig),
    Conv2d(crate::nn::conv2d::Conv2dConfig),
    MaxPool2d(crate::nn::pool::MaxPool2dConfig),
    Flatten(crate::nn::reshape::FlattenConfig),
}

/// A layer type as the page's layer editor sees it (JSON).
#[derive(Debug, Serialize)]
pub struct TypeDescription {
    pub name: &'static str,
    pub help: &'static str,
    pub keys: Vec<KeyDescription>,
    /// The layer the page's "+ TYPE" button adds.
    pub start: LayerConfig,
}

fn describe<C: LayerType>() -> TypeDescription
where
    LayerConfig: From<C>,
{
    let keys = C::KEYS.iter().zip(C::defaults());
    TypeDescription {
        name: C::TYPE,
        help: C::HELP.trim(),
        keys: keys.map(|(key, default)| key.describe(default)).collect(),
        start: LayerConfig::from(C::start()),
    }
}

/// Every key of every layer type once, in the order they first appear in [`LAYER_TYPES`] (the
/// order in which a key that the type does not take is looked for, and listed in messages).
pub fn all_keys() -> Vec<&'static Key> {
    let mut all: Vec<&'static Key> = Vec::new();
    for key in LAYER_TYPES.iter().flat_map(|(_, keys)| keys.iter()) {
        if !all.iter().any(|k| k.name == key.name) {
            all.push(key);
        }
    }
    all
}

/// `{"type": TYPE, ...keys}`; keys as the type writes them (defaults included, `omit_default`
/// ones only when they differ from the default).
impl Serialize for LayerConfig {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("type", self.kind())?;
        self.write(&mut map)?;
        map.end()
    }
}

impl LayerConfig {
    /// A dense layer with a bias and no regulariser.
    pub fn dense(units: usize, activation: super::Activation) -> Self {
        LayerConfig::Dense(crate::nn::dense::DenseConfig {
            units,
            activation,
            use_bias: true,
            kernel_regularizer: None,
        })
    }
}
