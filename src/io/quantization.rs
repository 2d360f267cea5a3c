//! The model file's `quantization` block (Contract 2 extension) and the int8 network it loads as.
//!
//! ```json
//! "quantization": {"weights": "int8", "activations": "float32"}
//! ```
//! With it, the tensors [`KERNELS`] names may be `{"shape", "int8", "scales"}` (see
//! `Tensor`); biases and every other tensor stay f32. Dense and conv2d layers then run as int8
//! layers (src/nn/quant_layers.rs), lstm and gru layers with int8 kernels (quant_recurrent.rs),
//! embedding layers with an int8 table, one scale per row (`"scale_axis": 0`; quant_embedding.rs).

use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};

use super::tensor::Tensor;
use crate::error::{Error, Result};
use crate::experiment::{Activation, LayerConfig, Loss};
use crate::nn::conv2d::Conv2d;
use crate::nn::gru::Gru;
use crate::nn::lstm::Lstm;
use crate::nn::quant::Int8Kernels;
use crate::nn::quant_embedding::Int8Embedding;
use crate::nn::quant_layers::{Int8Affine, Int8Conv2d, Int8Dense};
use crate::nn::window::Window;
use crate::nn::{Layer, Sequential};
use crate::rng::Rng;

/// What a quantised file holds: int8 weights (symmetric, one scale per output channel) and f32
/// activations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantization {
    pub weights: String,
    pub activations: String,
}

impl Quantization {
    /// The one scheme this build writes and reads.
    pub fn int8() -> Self {
        Quantization {
            weights: "int8".into(),
            activations: "float32".into(),
        }
    }

    /// Refuses another scheme, naming the key.
    pub fn check(&self, name: &str) -> Result<()> {
        let want = Self::int8();
        for (key, got, want) in [
            ("weights", &self.weights, &want.weights),
            ("activations", &self.activations, &want.activations),
        ] {
            if got != want {
                return Err(Error::data(
                    name,
                    format!("quantization.{key} is {got:?}; this build reads {want:?} only"),
                ));
            }
        }
        Ok(())
    }
}

/// Which of a layer type's tensors (indices into its `weights()`) are kernels: stored int8 in a
/// quantised file and pruned by `compress::prune`;
/// never the biases. An embedding's table `[input_dim, output_dim]` counts as its kernel.
pub const KERNELS: &[(&str, &[usize])] = &[
    ("dense", &[0]),
    ("conv2d", &[0]),
    ("lstm", &[0, 1]),
    ("gru", &[0, 1]),
    ("embedding", &[0]),
];

/// The axis a kernel of a layer of type `kind` and rank `rank` takes its scales along: 0 for an
/// embedding table (one per row, per token: a lookup reads a row), else the last (one per output
/// channel).
pub fn scale_axis(kind: &str, rank: usize) -> usize {
    match kind {
        "embedding" => 0,
        _ => rank.saturating_sub(1),
    }
}

/// Whether tensor `k` of a layer of type `kind` is a kernel (int8 in a quantised file).
pub fn is_kernel(kind: &str, k: usize) -> bool {
    KERNELS.iter().any(|(t, ks)| *t == kind && ks.contains(&k))
}

/// Refuses int8 tensors where a quantised file may not have them (a bias, a file without the
/// block); then swaps every dense and conv2d layer whose kernel is int8 for its int8 layer.
/// `network` already holds the (dequantised) weights, so its shapes were checked. `tensors` are
/// the file's `weights.tensors`, `layers` its experiment's, `quantized` whether it has the block.
pub fn int8_layers(
    name: &str,
    (tensors, layers, quantized): (&[Tensor], &[LayerConfig], bool),
    network: &mut Sequential,
    loss: Loss,
) -> Result<()> {
    let mut shape = network.input_shape().to_vec();
    let (mut t, count) = (0usize, network.layers().len());
    for (i, config) in layers.iter().enumerate().take(count) {
        let layer = &network.layers()[i];
        let (kind, n) = (layer.kind(), layer.weights().len());
        let output = layer.output_shape(&shape);
        for k in 0..n {
            let tensor = &tensors[t + k];
            if tensor.int8.is_none() {
                continue;
            }
            let place = format!("Layer {} ({kind}): weights.tensors[{}]", i + 1, t + k);
            if !quantized || !is_kernel(kind, k) {
                return Err(Error::data(name, format!(
                    "{place} is int8 but {}; only the kernels of dense, conv2d, lstm and gru layers and embedding tables of a file with a \"quantization\" block are",
                    if !quantized { "the file has no \"quantization\" block".to_string() } else { format!("it is tensor {k} of its layer") })));
            }
            let want = scale_axis(kind, tensor.shape.len());
            if tensor.axis() != want {
                return Err(Error::data(name, format!(
                    "{place} has its scales along axis {}; {kind} layers take them along axis {want} ({}); the file is damaged or was edited",
                    tensor.axis(),
                    if want == 0 { "one per row: \"scale_axis\": 0" } else { "one per output channel: no \"scale_axis\"" })));
            }
        }
        if let Some(kernel) = tensors[t].as_int8() {
            let empty = || Array2::zeros((0, 0));
            // Int8 lstm/gru kernels only with the feature (Cargo.toml): else their f32 layer stays.
            let int8_recurrent = cfg!(feature = "int8-recurrent");
            // Int8 dense, conv2d and embedding layers only with `int8-layers`: else likewise.
            let int8_layers = cfg!(feature = "int8-layers");
            let bias1 = || Array1::from(tensors[t + 2].data.clone());
            let recurrent =
                (tensors.get(t + 1).and_then(Tensor::as_int8)).filter(|_| int8_recurrent);
            let bias = match n {
                2 => Array1::from(tensors[t + 1].data.clone()),
                _ => Array1::zeros(*output.last().unwrap_or(&0)),
            };
            let last = i + 1 == count;
            let swapped: Option<Box<dyn Layer>> = match config {
                LayerConfig::Dense(d) if int8_layers => {
                    let act = fused(d.activation, last, loss);
                    Some(Box::new(Int8Dense(Int8Affine::new(
                        kernel,
                        bias,
                        n == 2,
                        act,
                    ))))
                }
                LayerConfig::Conv2d(c) if int8_layers => {
                    let [h, w, ch] = shape[..] else {
                        unreachable!("built: images")
                    };
                    let win =
                        Window::new(h, w, c.kernel_size, c.strides, c.padding).expect("built");
                    let geometry = Conv2d::new(win, ch, c.filters, c.activation, &mut Rng::new(0));
                    let affine = Int8Affine::new(kernel, bias, n == 2, c.activation);
                    Some(Box::new(Int8Conv2d::new(affine, geometry)))
                }
                // Both kernels int8 (as `kindling quantize` writes), else the f32 layer stays.
                LayerConfig::Lstm(c) if recurrent.is_some() => {
                    let mut l = Lstm::from_weights(empty(), empty(), bias1(), c.return_sequences);
                    l.w.set_int8(Int8Kernels {
                        kernel,
                        recurrent: recurrent.expect("int8"),
                    });
                    Some(Box::new(l))
                }
                LayerConfig::Gru(c) if recurrent.is_some() => {
                    let b = tensors[t + 2]
                        .to_array()
                        .into_dimensionality()
                        .expect("built");
                    let mut l = Gru::from_weights(empty(), empty(), b, c.return_sequences);
                    l.w.set_int8(Int8Kernels {
                        kernel,
                        recurrent: recurrent.expect("int8"),
                    });
                    Some(Box::new(l))
                }
                LayerConfig::Embedding(c) if int8_layers => {
                    Some(Box::new(Int8Embedding::new(kernel, c.mask_zero)))
                }
                _ => None,
            };
            if let Some(layer) = swapped {
                network.layers_mut()[i] = layer;
            }
        }
        (t, shape) = (t + n, output);
    }
    Ok(())
}

/// The activation the built layer runs: a last layer's softmax or sigmoid fuses into the loss's
/// head (the network emits logits), as `DenseConfig::build` decides.
fn fused(act: Activation, last: bool, loss: Loss) -> Activation {
    match last && loss.fused_head(act).is_some() {
        true => Activation::Linear,
        false => act,
    }
}
