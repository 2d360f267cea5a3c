//! Post-training int8 quantisation of a model file: every kernel (`io::quantization::KERNELS`)
//! becomes int8 with one f32 scale per output channel (per row of an embedding table); biases and
//! preprocessing stay f32.

use crate::error::{Error, Result};
use crate::io::quantization::{is_kernel, scale_axis, Quantization};
use crate::io::{Model, ModelFile, Tensor};
use crate::nn::quant::Int8Tensor;

/// The quantised copy of `file` (named `name` in messages); its `metrics` are the original's
/// until measured again ([`super::evaluate`]).
pub fn quantize(name: &str, file: &ModelFile) -> Result<ModelFile> {
    if file.quantization.is_some() {
        return Err(Error::data(name, "the model is already quantised (it has a \"quantization\" block); quantise the f32 model file instead"));
    }
    let model = Model::from_file(name, file.clone())?;
    let mut out = file.clone();
    let mut t = 0;
    for layer in model.network().layers() {
        let n = layer.weights().len();
        for k in 0..n {
            if is_kernel(layer.kind(), k) {
                let w = file.weights.tensors[t + k].to_array();
                let axis = scale_axis(layer.kind(), w.ndim());
                out.weights.tensors[t + k] =
                    Tensor::from_int8(Int8Tensor::quantize_along(&w, axis));
            }
        }
        t += n;
    }
    out.quantization = Some(Quantization::int8());
    Ok(out)
}
