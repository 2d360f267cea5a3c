//! `weights.safetensors`: the model's tensors under Keras-style names `layers.I.kernel`,
//! `layers.I.recurrent_kernel`, `layers.I.bias` (I = the layer's index), float32, in Kindling's
//! (= Keras's) layout, written with the `safetensors` crate; both scripts read it.

use safetensors::tensor::{Dtype, TensorView};

use crate::error::{Error, Result};
use crate::experiment::LayerConfig;
use crate::io::Model;

/// Each tensor's name with its tensor, in the model file's order.
pub fn named(model: &Model) -> Result<Vec<(String, &crate::io::Tensor)>> {
    let mut tensors = model.file.weights.tensors.iter();
    let mut out = Vec::new();
    for (i, layer) in model.file.experiment.model.layers.iter().enumerate() {
        for name in names(layer) {
            let t = tensors.next().ok_or_else(|| {
                Error::Model(format!(
                    "Layer {} ({}) has no {name} in weights.tensors; the model file is damaged",
                    i + 1,
                    layer.kind()
                ))
            })?;
            out.push((format!("layers.{i}.{name}"), t));
        }
    }
    Ok(out)
}

/// The names of a layer's tensors in `Sequential::weights()` order.
fn names(layer: &LayerConfig) -> &'static [&'static str] {
    const KERNEL_BIAS: &[&str] = &["kernel", "bias"];
    const RECURRENT: &[&str] = &["kernel", "recurrent_kernel", "bias"];
    match layer {
        LayerConfig::Dense(d) if !d.use_bias => &["kernel"],
        LayerConfig::Conv2d(c) if !c.use_bias => &["kernel"],
        LayerConfig::Dense(_) | LayerConfig::Conv2d(_) => KERNEL_BIAS,
        LayerConfig::Lstm(_) | LayerConfig::Gru(_) => RECURRENT,
        _ => &[],
    }
}

/// The safetensors file's bytes.
pub fn safetensors(model: &Model) -> Result<Vec<u8>> {
    let named = named(model)?;
    let bytes: Vec<Vec<u8>> = named
        .iter()
        .map(|(_, t)| t.data.iter().flat_map(|v| v.to_le_bytes()).collect())
        .collect();
    let views = named
        .iter()
        .zip(&bytes)
        .map(|((name, t), b)| {
            TensorView::new(Dtype::F32, t.shape.clone(), b)
                .map(|v| (name.clone(), v))
                .map_err(|e| Error::Model(format!("{name}: {e}")))
        })
        .collect::<Result<Vec<_>>>()?;
    safetensors::serialize(views, None).map_err(|e| Error::Model(format!("safetensors: {e}")))
}
