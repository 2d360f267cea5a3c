//! Each Kindling layer as ONNX nodes (opset 17), in Keras semantics: the layer's input and output
//! keep Kindling's layout (`[batch, features]`, `[batch, steps, features]`, NHWC images), so
//! every layer reads the one before it as Kindling does. Weights are rearranged here, once:
//! ONNX's LSTM gates are i, o, f, c (Kindling's and Keras's i, f, c, o), its recurrent and conv
//! weights are transposed, and images are NCHW inside Conv and MaxPool.

use super::graph::{float, int, ints, string, Graph};
use crate::error::{Error, Result};
use crate::experiment::{Activation, LayerConfig, Padding};
use crate::io::Tensor;

/// Emits layer `index` (`config`) on `x` of shape `shape` (no batch axis), taking its weights
/// from `weights` in the model file's order; returns the output's name.
pub fn layer(
    g: &mut Graph,
    index: usize,
    config: &LayerConfig,
    x: &str,
    shape: &[usize],
    weights: &mut dyn Iterator<Item = &Tensor>,
) -> Result<String> {
    let mut take = || {
        weights.next().ok_or_else(|| {
            Error::Model(format!(
                "Layer {} ({}) has no weights left in weights.tensors; the model file is damaged",
                index + 1,
                config.kind()
            ))
        })
    };
    #[allow(unreachable_patterns)] // layer types added later are refused by the last arm
    Ok(match config {
        LayerConfig::Dense(d) => {
            let kernel = take()?;
            let k = g.floats(&format!("dense{index}_kernel"), &kernel.shape, kernel.data.clone());
            let mut y = g.node("MatMul", &[x, &k], vec![]);
            if d.use_bias {
                let bias = take()?;
                let b = g.floats(&format!("dense{index}_bias"), &bias.shape, bias.data.clone());
                y = g.node("Add", &[&y, &b], vec![]);
            }
            activation(g, &y, d.activation)
        }
        LayerConfig::Dropout(_) => x.to_string(), // inference: the identity
        LayerConfig::Lstm(l) => {
            let [kernel, recurrent, bias] = [take()?, take()?, take()?];
            // Keras gate blocks i, f, c, o → ONNX's i, o, f, c.
            let order = [0, 3, 1, 2];
            let w = gate_rows(kernel, l.units, &order);
            let r = gate_rows(recurrent, l.units, &order);
            let mut b: Vec<f32> = order
                .iter()
                .flat_map(|&k| bias.data[k * l.units..(k + 1) * l.units].iter().copied())
                .collect();
            b.resize(8 * l.units, 0.0); // the recurrent bias: Kindling has one bias only
            let attrs = vec![int("hidden_size", l.units as i64)];
            recurrent_node(g, "LSTM", index, x, shape, l.units, [w, r, b], attrs, l.return_sequences)
        }
        LayerConfig::Gru(l) => {
            let [kernel, recurrent, bias] = [take()?, take()?, take()?];
            // Keras gate blocks z, r, h are ONNX's z, r, h; bias rows (input, recurrent) are
            // ONNX's Wb then Rb; Keras 2's reset_after is `linear_before_reset = 1`.
            let order = [0, 1, 2];
            let w = gate_rows(kernel, l.units, &order);
            let r = gate_rows(recurrent, l.units, &order);
            let attrs = vec![int("hidden_size", l.units as i64), int("linear_before_reset", 1)];
            let b = bias.data.clone();
            recurrent_node(g, "GRU", index, x, shape, l.units, [w, r, b], attrs, l.return_sequences)
        }
        LayerConfig::Reshape(r) => {
            let target: Vec<i64> = std::iter::once(-1)
                .chain(r.target_shape.iter().map(|&d| d as i64))
                .collect();
            let s = g.ints(&format!("reshape{index}_shape"), &target);
            g.node("Reshape", &[x, &s], vec![])
        }
        LayerConfig::Flatten(_) => g.node("Flatten", &[x], vec![int("axis", 1)]),
        LayerConfig::Conv2d(c) => {
            let [h, w, channels] = image(shape);
            let (k, s) = (c.kernel_size, c.strides);
            let kernel = take()?;
            // [k, k, channels, filters] → [filters, channels, k, k]
            let mut data = vec![0.0; kernel.data.len()];
            for (i, v) in kernel.data.iter().enumerate() {
                let (f, rest) = (i % c.filters, i / c.filters);
                let (ch, rest) = (rest % channels, rest / channels);
                let (kx, ky) = (rest % k, rest / k);
                data[((f * channels + ch) * k + ky) * k + kx] = *v;
            }
            let kn = g.floats(&format!("conv{index}_kernel"), &[c.filters, channels, k, k], data);
            let mut inputs = vec![kn];
            if c.use_bias {
                let bias = take()?;
                inputs.push(g.floats(&format!("conv{index}_bias"), &bias.shape, bias.data.clone()));
            }
            let [top, bottom] = pads(h, k, s, c.padding);
            let [left, right] = pads(w, k, s, c.padding);
            let nchw = g.node("Transpose", &[x], vec![ints("perm", &[0, 3, 1, 2])]);
            let mut all = vec![nchw.as_str()];
            all.extend(inputs.iter().map(String::as_str));
            let attrs = vec![
                ints("kernel_shape", &[k as i64, k as i64]),
                ints("strides", &[s as i64, s as i64]),
                ints("pads", &[top, left, bottom, right]),
            ];
            let y = g.node("Conv", &all, attrs);
            let nhwc = g.node("Transpose", &[&y], vec![ints("perm", &[0, 2, 3, 1])]);
            activation(g, &nhwc, c.activation)
        }
        LayerConfig::MaxPool2d(p) => {
            let (k, s) = (p.pool_size as i64, p.strides.unwrap_or(p.pool_size) as i64);
            let nchw = g.node("Transpose", &[x], vec![ints("perm", &[0, 3, 1, 2])]);
            let attrs = vec![ints("kernel_shape", &[k, k]), ints("strides", &[s, s])];
            let y = g.node("MaxPool", &[&nchw], attrs);
            g.node("Transpose", &[&y], vec![ints("perm", &[0, 2, 3, 1])])
        }
        other => {
            return Err(Error::Model(format!(
                "Layer {} ({}) cannot be exported to ONNX yet: this build knows no ONNX form for it; remove it or export the model as a Kindling model file",
                index + 1,
                other.kind()
            )))
        }
    })
}

/// `activation(x)` as a node (none for `linear`); softmax over the last axis.
fn activation(g: &mut Graph, x: &str, a: Activation) -> String {
    match a {
        Activation::Linear => x.to_string(),
        Activation::Relu => g.node("Relu", &[x], vec![]),
        Activation::LeakyRelu => g.node(
            "LeakyRelu",
            &[x],
            vec![float("alpha", crate::nn::activation::LEAKY_SLOPE)],
        ),
        Activation::Sigmoid => g.node("Sigmoid", &[x], vec![]),
        Activation::Tanh => g.node("Tanh", &[x], vec![]),
        Activation::Softmax => g.node("Softmax", &[x], vec![int("axis", -1)]),
    }
}

/// A Keras kernel `[inputs, G·units]` (gate blocks side by side) as ONNX's `[G·units, inputs]`
/// with the blocks in `order` (ONNX block `i` is Keras block `order[i]`).
fn gate_rows(kernel: &Tensor, units: usize, order: &[usize]) -> Vec<f32> {
    let (inputs, width) = (kernel.shape[0], kernel.shape[1]);
    let mut out = Vec::with_capacity(kernel.data.len());
    for &block in order {
        for j in 0..units {
            let col = block * units + j;
            out.extend((0..inputs).map(|i| kernel.data[i * width + col]));
        }
    }
    out
}

/// An ONNX LSTM or GRU (one direction) on Kindling's batch-major `x` `[batch, steps, features]`:
/// transposed to time-major for the op, then the last state `[batch, units]` or every step's
/// `[batch, steps, units]` (`sequences`).
#[allow(clippy::too_many_arguments)]
fn recurrent_node(
    g: &mut Graph,
    op: &str,
    index: usize,
    x: &str,
    shape: &[usize],
    units: usize,
    [w, r, b]: [Vec<f32>; 3],
    mut attrs: Vec<super::onnx_pb::AttributeProto>,
    sequences: bool,
) -> String {
    let (features, gates) = (shape[1], w.len() / (units * shape[1]));
    let hint = op.to_ascii_lowercase();
    let w = g.floats(
        &format!("{hint}{index}_W"),
        &[1, gates * units, features],
        w,
    );
    let r = g.floats(&format!("{hint}{index}_R"), &[1, gates * units, units], r);
    let b = g.floats(&format!("{hint}{index}_B"), &[1, 2 * gates * units], b);
    attrs.push(string("direction", "forward"));
    let time_major = g.node("Transpose", &[x], vec![ints("perm", &[1, 0, 2])]);
    let outs = g.node_n(
        op,
        &[&time_major, &w, &r, &b],
        &[sequences, !sequences],
        attrs,
    );
    if sequences {
        // Y [steps, 1, batch, units] → [batch, steps, units]
        let axis = g.ints("axis", &[1]);
        let y = g.node("Squeeze", &[&outs[0], &axis], vec![]);
        g.node("Transpose", &[&y], vec![ints("perm", &[1, 0, 2])])
    } else {
        // Y_h [1, batch, units] → [batch, units]
        let axis = g.ints("axis", &[0]);
        g.node("Squeeze", &[&outs[1], &axis], vec![])
    }
}

/// `[h, w, c]` of an image shape (checked when the model was built).
fn image(shape: &[usize]) -> [usize; 3] {
    [shape[0], shape[1], shape[2]]
}

/// Zero padding `[before, after]` along an axis of `size` for a window `k` at stride `s`:
/// none for `valid`; for `same` TensorFlow's, the odd one after.
fn pads(size: usize, k: usize, s: usize, padding: Padding) -> [i64; 2] {
    match padding {
        Padding::Valid => [0, 0],
        Padding::Same => {
            let out = size.div_ceil(s);
            let total = ((out - 1) * s + k).saturating_sub(size) as i64;
            [total / 2, total - total / 2]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gate_blocks_are_reordered_and_transposed() {
        // kernel [2 inputs, 4 gates × 1 unit]: row i holds 10·i + gate.
        let kernel = Tensor {
            shape: vec![2, 4],
            data: vec![0.0, 1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 13.0],
            int8: None,
            scales: None,
            scale_axis: None,
        };
        // ONNX LSTM rows i, o, f, c = Keras blocks 0, 3, 1, 2, each [inputs].
        assert_eq!(
            gate_rows(&kernel, 1, &[0, 3, 1, 2]),
            [0.0, 10.0, 3.0, 13.0, 1.0, 11.0, 2.0, 12.0]
        );
    }

    #[test]
    fn same_padding_puts_the_odd_one_after_as_tensorflow() {
        assert_eq!(pads(8, 3, 1, Padding::Same), [1, 1]);
        assert_eq!(pads(8, 3, 2, Padding::Same), [0, 1]);
        assert_eq!(pads(8, 2, 1, Padding::Same), [0, 1]);
        assert_eq!(pads(7, 3, 2, Padding::Same), [1, 1]);
        assert_eq!(pads(8, 3, 1, Padding::Valid), [0, 0]);
    }
}
