//! The registration list of layer types. Each type is described once, by its config struct next
//! to the layer (`layer_config!` in src/nn/TYPE.rs); this list makes [`LayerConfig`] of them and
//! dispatches reading, checking, writing, building and the page's description to the type.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::keys::{object, Key};
use super::layer_config::{LayerType, RawKeys};
use crate::error::Result;
use crate::nn::build::BuildContext;
use crate::nn::size::LayerSize;
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

        /// Every layer type, in registration order (the page's order).
        pub const LAYER_TYPES: &[Registered] = &[$(Registered {
            name: <$config>::TYPE,
            help: <$config>::HELP,
            keys: <$config>::KEYS,
            defaults: <$config>::defaults,
            start: start::<$config>,
        },)*];

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

            /// Trainable parameters for inputs of shape `input` ([`LayerSize::params`]).
            pub fn params(&self, input: &[usize]) -> usize {
                match self {
                    $(LayerConfig::$variant(c) => LayerSize::params(c, input),)*
                }
            }

            /// Values kept per sample for backward ([`LayerSize::cached`]).
            pub fn cached(&self, input: &[usize], output: &[usize]) -> usize {
                match self {
                    $(LayerConfig::$variant(c) => LayerSize::cached(c, input, output),)*
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
    Embedding(crate::nn::embedding::EmbeddingConfig),
    GlobalAveragePooling1d(crate::nn::global_pool::GlobalAveragePooling1dConfig),
}

/// A registered layer type, for code that does not know its config struct: the reader (its
/// keys) and the page's description (all of it).
pub struct Registered {
    pub name: &'static str,
    pub help: &'static str,
    pub keys: &'static [Key],
    /// Each key's default as JSON, in `keys` order (`LayerType::defaults`).
    pub defaults: fn() -> Vec<Value>,
    /// The layer the page's "+ TYPE" button adds (`LayerType::start`).
    pub start: fn() -> LayerConfig,
}

fn start<C: LayerType>() -> LayerConfig
where
    LayerConfig: From<C>,
{
    C::start().into()
}

/// The page's description of every layer type, in registration order: `[{name, help, keys:
/// [Key::describe], start}]`, `start` being the layer its "+ TYPE" button adds.
pub fn layer_types() -> Value {
    let describe = |t: &Registered| {
        let keys = t.keys.iter().zip((t.defaults)());
        let keys: Vec<Value> = keys.map(|(key, default)| key.describe(default)).collect();
        // Through the text the core writes, so that f32s stay short (0.2, not 0.2000000029…).
        let start = serde_json::to_string(&(t.start)()).unwrap_or_default();
        let start = crate::json::parse(&start).unwrap_or_default();
        object([
            ("name", Value::from(t.name)),
            ("help", Value::from(t.help.trim())),
            ("keys", Value::Array(keys)),
            ("start", start),
        ])
    };
    Value::Array(LAYER_TYPES.iter().map(describe).collect())
}

/// Every key of every layer type once, in the order they first appear in [`LAYER_TYPES`] (the
/// order in which a key that the type does not take is looked for, and listed in messages).
pub fn all_keys() -> Vec<&'static Key> {
    let mut all: Vec<&'static Key> = Vec::new();
    for key in LAYER_TYPES.iter().flat_map(|t| t.keys) {
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

/// Checks that every embedding among `layers` has a row for each of the `ids` token ids the
/// text vectoriser makes (its vocabulary plus the reserved ids): `input_dim` must be at least that.
pub fn check_embedding_input_dim(layers: &[LayerConfig], ids: usize) -> Result<()> {
    for (i, layer) in layers.iter().enumerate() {
        if let LayerConfig::Embedding(e) = layer {
            if e.input_dim < ids {
                return Err(crate::error::Error::experiment(&format!("model.layers[{i}].input_dim"), format!(
                    "{} is smaller than the text's {ids} token ids (the vocabulary plus padding and out-of-vocabulary); set input_dim to {ids}", e.input_dim)));
            }
        }
    }
    Ok(())
}
