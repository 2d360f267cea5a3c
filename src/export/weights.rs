//! `weights.safetensors`: the model's tensors under Keras-style names `layers.I.kernel`,
//! `layers.I.recurrent_kernel`, `layers.I.bias` (I = the layer's index), float32, in Kindling's
//! (= Keras's) layout, written with the `safetensors` crate; both scripts read it.

use safetensors::tensor::{Dtype, TensorView};

use crate::error::{Error, Result};
use crate::experiment::LayerConfig;
use crate::io::Model;

/// Each tensor's name with its tensor, in the model file's order. An int8 tensor (its values in
/// `int8`, `data` empty) is refused here too, not only by [`export`](super::export): the scripts
/// read float32.
pub fn named(model: &Model) -> Result<Vec<(String, &crate::io::Tensor)>> {
    let mut tensors = model.file.weights.tensors.iter().enumerate();
    let mut out = Vec::new();
    for (i, layer) in model.file.experiment.model.layers.iter().enumerate() {
        for name in names(layer) {
            let (k, t) = tensors.next().ok_or_else(|| {
                Error::Model(format!(
                    "Layer {} ({}) has no {name} in weights.tensors; the model file is damaged",
                    i + 1,
                    layer.kind()
                ))
            })?;
            if t.int8.is_some() {
                return Err(Error::Model(format!(
                    "weights.tensors[{k}] (layer {} {name}) is int8 (made by kindling quantize) but the exported scripts read float32 weights; export the float model it was quantised from",
                    i + 1
                )));
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{builtin, read_csv};
    use crate::experiment::Experiment;
    use crate::train::Session;

    /// The export's own check bypassed: the weights reader itself refuses int8 weights, naming
    /// the tensor, its layer and what to export instead.
    #[test]
    fn an_int8_tensor_is_refused_where_it_is_read() {
        let table = read_csv("iris", builtin::bytes("iris").unwrap()).unwrap();
        let json = r#"{"seed": 1, "model": {"layers": [{"type": "dense", "units": 3, "activation": "softmax"}]},
            "fit": {"epochs": 1, "batch_size": 16}}"#;
        let mut session = Session::new(Experiment::from_json(json).unwrap(), &table).unwrap();
        while !session.is_done() {
            session.step(100).unwrap();
        }
        let float = Model::from_session(&mut session);
        assert!(
            safetensors(&float).is_ok(),
            "the float model it was made from is written"
        );
        let small = crate::compress::quantize::quantize("iris", &float.file).unwrap();
        let small = Model::from_file("small.json", small).unwrap();
        assert!(small.file.weights.tensors[0].data.is_empty());
        let e = safetensors(&small).unwrap_err().to_string();
        assert_eq!(
            e,
            "model: weights.tensors[0] (layer 1 kernel) is int8 (made by kindling quantize) but the exported scripts read float32 weights; export the float model it was quantised from"
        );
    }
}
