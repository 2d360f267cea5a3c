//! Upper bounds on sizes a document may ask for, so that a shared link cannot exhaust memory.

pub const MAX_UNITS: usize = 4096;
pub const MAX_LAYERS: usize = 32;
pub const MAX_EPOCHS: usize = 100_000;
pub const MAX_BATCH: usize = 65_536;
pub const MAX_LOOKBACK: usize = 1000;
pub const MAX_HORIZON: usize = 1000;
/// Values (windows × lookback × features) one part of a windowed series may make: 200 MB of f32.
pub const MAX_WINDOW_VALUES: usize = 50_000_000;
/// Conv2d `kernel_size`/`strides` and max_pool2d `pool_size`/`strides`.
pub const MAX_WINDOW: usize = 64;
/// Each entry of a reshape's `target_shape`.
pub const MAX_DIM: usize = 1 << 20;
/// The most entries of a reshape's `target_shape`.
pub const MAX_SHAPE_LEN: usize = 3;
/// Seeds stay exact in JavaScript numbers.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// `data.text.max_tokens`: the largest vocabulary (reserved tokens included) a text column may
/// have; each is an input (multi_hot, tf_idf) or a row of an embedding table (int).
pub const MAX_TOKENS: usize = 20_000;
/// `data.text.max_length`: the most tokens of a sentence an `int` sequence keeps.
pub const MAX_TEXT_LENGTH: usize = 1000;
