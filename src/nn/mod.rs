//! Neural-network building blocks: layers, activations, losses, initialisers and `Sequential`.

pub mod activation;
pub mod build;
pub mod conv2d;
pub mod dense;
pub mod dropout;
pub mod embedding;
pub mod global_pool;
pub mod gru;
pub mod init;
pub mod layer;
pub mod loss;
pub mod lstm;
pub mod math;
pub mod matmul;
pub mod pool;
pub mod quant;
pub mod quant_embedding;
pub mod quant_layers;
pub mod quant_recurrent;
pub mod recurrent;
pub mod regularizer;
pub mod reshape;
pub mod sequential;
pub mod size;
pub mod step_mask;
pub mod window;

pub use layer::{Layer, ParamMut};
pub use sequential::Sequential;
