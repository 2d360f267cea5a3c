//! One layer from its experiment config, for a known input shape: every shape error is found here,
//! naming the layer's index, its type and the shape it receives.

use super::conv2d::{Conv2d, Window};
use super::dense::Dense;
use super::dropout::Dropout;
use super::gru::Gru;
use super::layer::Layer;
use super::loss::{Head, Loss};
use super::lstm::Lstm;
use super::pool::MaxPool2d;
use super::reshape::Reshape;
use crate::error::{Error, Result};
use crate::experiment::{Activation, LayerConfig, Padding};
use crate::rng::Rng;

/// The most values one sample may unfold into for a convolution (`oh·ow × k·k·c`, and its
/// output `oh·ow × filters`): 4 MB of f32.
pub const MAX_CONV_COLUMNS: usize = 1 << 20;
/// The most values a convolution kernel may hold (as the largest dense kernel, 4096 × 4096).
pub const MAX_CONV_WEIGHTS: usize = 1 << 24;

/// Layer `i` built from `config` for inputs of shape `shape` (no batch axis). `head` is the fused
/// output head of the loss, when this is the `last` layer, a dense one, and the loss fuses.
pub fn layer(
    i: usize,
    config: &LayerConfig,
    shape: &[usize],
    last: bool,
    loss: Loss,
    head: &mut Option<Head>,
    rng: &mut Rng,
) -> Result<Box<dyn Layer>> {
    let err = |kind: &str, what: String| Err(Error::Model(format!("layer {i} ({kind}) {what}")));
    Ok(match *config {
        LayerConfig::Dense {
            units,
            activation,
            use_bias,
            kernel_regularizer,
        } => {
            let [inputs] = *shape else {
                return err("dense", format!("needs flat inputs [features] but receives shape {shape:?}; put a flatten before it (for sequences: an lstm or gru without return_sequences)"));
            };
            let fused = if last {
                loss.fused_head(activation)
            } else {
                None
            };
            *head = head.or(fused);
            let act = if fused.is_some() {
                Activation::Linear
            } else {
                activation
            };
            let mut d = Dense::new(inputs, units, act, rng);
            d.regularizer = kernel_regularizer;
            d.use_bias = use_bias;
            Box::new(d)
        }
        LayerConfig::Dropout { rate } => Box::new(Dropout::new(rate, rng.fork())),
        LayerConfig::Lstm {
            units,
            return_sequences,
            kernel_regularizer,
        } => {
            let mut l = Lstm::new(
                sequence_features(i, "lstm", shape)?,
                units,
                return_sequences,
                rng,
            );
            l.w.regularizer = kernel_regularizer;
            Box::new(l)
        }
        LayerConfig::Gru {
            units,
            return_sequences,
            kernel_regularizer,
        } => {
            let mut l = Gru::new(
                sequence_features(i, "gru", shape)?,
                units,
                return_sequences,
                rng,
            );
            l.w.regularizer = kernel_regularizer;
            Box::new(l)
        }
        LayerConfig::Reshape { ref target_shape } => {
            let (have, want) = (product(shape), product(target_shape));
            if have != want {
                return err("reshape", format!("cannot turn shape {shape:?} ({have} values) into target_shape {target_shape:?} ({want} values); make the product of target_shape {have}"));
            }
            Box::new(Reshape::new(shape, target_shape.clone(), "reshape"))
        }
        LayerConfig::Flatten {} => Box::new(Reshape::flatten(shape)),
        LayerConfig::Conv2d {
            filters,
            kernel_size,
            strides,
            padding,
            activation,
            use_bias,
            kernel_regularizer,
        } => {
            let (win, c) = window(i, "conv2d", shape, kernel_size, strides, padding)?;
            let patch = kernel_size * kernel_size * c;
            let columns = (win.oh * win.ow).saturating_mul(patch.max(filters));
            let weights = patch.saturating_mul(filters);
            if columns > MAX_CONV_COLUMNS || weights > MAX_CONV_WEIGHTS {
                return err("conv2d", format!("is too large: each sample unfolds into {columns} values and the kernel holds {weights} (limits {MAX_CONV_COLUMNS} and {MAX_CONV_WEIGHTS}); use a smaller kernel_size, fewer filters, larger strides, or a max_pool2d before it"));
            }
            let mut l = Conv2d::new(win, c, filters, activation, rng);
            l.regularizer = kernel_regularizer;
            l.use_bias = use_bias;
            Box::new(l)
        }
        LayerConfig::MaxPool2d { pool_size, strides } => {
            let stride = strides.unwrap_or(pool_size);
            let (win, c) = window(i, "max_pool2d", shape, pool_size, stride, Padding::Valid)?;
            Box::new(MaxPool2d::new(win, c))
        }
    })
}

/// The number of values in a shape, saturating (so an absurd target never matches).
fn product(shape: &[usize]) -> usize {
    shape.iter().fold(1usize, |p, &d| p.saturating_mul(d))
}

/// The window of a `k × k`, `stride` layer over a `[h, w, c]` input, and `c`; or an error naming
/// layer `i` that suggests a reshape (wrong rank; the example is the 8×8 digits') or a smaller
/// window (too large for the image).
fn window(
    i: usize,
    kind: &str,
    shape: &[usize],
    k: usize,
    stride: usize,
    padding: Padding,
) -> Result<(Window, usize)> {
    let fail = |what: String| Err(Error::Model(format!("layer {i} ({kind}) {what}")));
    let [h, w, c] = *shape else {
        return fail(format!("needs images [height, width, channels] but receives shape {shape:?}; put a reshape before it, e.g. {{\"type\":\"reshape\",\"target_shape\":[8,8,1]}} for 64 pixels"));
    };
    match Window::new(h, w, k, stride, padding) {
        Some(win) => Ok((win, c)),
        None if kind == "conv2d" => fail(format!("kernel_size {k} is larger than its input {h}×{w}; use a smaller kernel_size or padding \"same\"")),
        None => fail(format!("pool_size {k} is larger than its input {h}×{w}; use a smaller pool_size")),
    }
}

/// The feature count of a `[steps, features]` input to recurrent layer `i`, or an error naming it.
fn sequence_features(i: usize, kind: &str, shape: &[usize]) -> Result<usize> {
    match shape {
        [steps, features] if *steps > 0 && *features > 0 => Ok(*features),
        _ => Err(Error::Model(format!(
            "layer {i} ({kind}) needs sequences [steps, features] but receives shape {shape:?}; set data.window to make time-series windows, or use return_sequences on the recurrent layer before it"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use crate::experiment::{Activation, LayerConfig, Padding};
    use crate::nn::{loss::Loss, Sequential};
    use crate::rng::Rng;

    fn conv(filters: usize, kernel_size: usize, padding: Padding) -> LayerConfig {
        LayerConfig::Conv2d {
            filters,
            kernel_size,
            strides: 1,
            padding,
            activation: Activation::Relu,
            use_bias: true,
            kernel_regularizer: None,
        }
    }

    fn reshape(target_shape: &[usize]) -> LayerConfig {
        LayerConfig::Reshape {
            target_shape: target_shape.to_vec(),
        }
    }

    fn build_err(layers: &[LayerConfig], input: &[usize]) -> String {
        let loss = Loss::CategoricalCrossentropy;
        match Sequential::build(layers, input, 10, loss, &mut Rng::new(0)) {
            Ok(_) => panic!("{layers:?} built"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn the_digits_cnn_has_keras_shapes_and_parameter_counts() {
        let layers = [
            reshape(&[8, 8, 1]),
            conv(8, 3, Padding::Valid),
            LayerConfig::MaxPool2d {
                pool_size: 2,
                strides: None,
            },
            LayerConfig::Flatten {},
            LayerConfig::dense(10, Activation::Softmax),
        ];
        let m = Sequential::build(
            &layers,
            &[64],
            10,
            Loss::CategoricalCrossentropy,
            &mut Rng::new(1),
        )
        .unwrap();
        let rows: Vec<_> = m
            .summary()
            .into_iter()
            .map(|s| (s.kind, s.output_shape, s.params))
            .collect();
        assert_eq!(
            rows,
            [
                ("reshape", vec![8, 8, 1], 0),
                ("conv2d", vec![6, 6, 8], 80),
                ("max_pool2d", vec![3, 3, 8], 0),
                ("flatten", vec![72], 0),
                ("dense", vec![10], 730),
            ]
        );
        let mut same = layers.clone();
        same[1] = conv(4, 3, Padding::Same);
        let m = Sequential::build(
            &same,
            &[64],
            10,
            Loss::CategoricalCrossentropy,
            &mut Rng::new(1),
        )
        .unwrap();
        assert_eq!(m.summary()[1].output_shape, [8, 8, 4]);
        assert_eq!(m.summary()[3].output_shape, [64]);
    }

    #[test]
    fn shape_errors_name_the_layer_the_shapes_and_the_fix() {
        let dense = LayerConfig::dense(10, Activation::Softmax);
        let err = build_err(
            &[
                reshape(&[8, 8, 1]),
                conv(8, 3, Padding::Valid),
                dense.clone(),
            ],
            &[64],
        );
        assert_eq!(err, "model: layer 2 (dense) needs flat inputs [features] but receives shape [6, 6, 8]; put a flatten before it (for sequences: an lstm or gru without return_sequences)");
        let err = build_err(
            &[
                conv(8, 3, Padding::Valid),
                LayerConfig::Flatten {},
                dense.clone(),
            ],
            &[64],
        );
        assert_eq!(err, "model: layer 0 (conv2d) needs images [height, width, channels] but receives shape [64]; put a reshape before it, e.g. {\"type\":\"reshape\",\"target_shape\":[8,8,1]} for 64 pixels");
        let pool = LayerConfig::MaxPool2d {
            pool_size: 2,
            strides: None,
        };
        let err = build_err(&[pool.clone(), dense.clone()], &[5, 3]);
        assert!(err.starts_with("model: layer 0 (max_pool2d) needs images [height, width, channels] but receives shape [5, 3]; put a reshape before it"), "{err}");
        let err = build_err(
            &[reshape(&[8, 9, 1]), LayerConfig::Flatten {}, dense.clone()],
            &[64],
        );
        assert_eq!(err, "model: layer 0 (reshape) cannot turn shape [64] (64 values) into target_shape [8, 9, 1] (72 values); make the product of target_shape 64");
        let err = build_err(&[reshape(&[2, 2, 16]), conv(8, 3, Padding::Valid)], &[64]);
        assert_eq!(err, "model: layer 1 (conv2d) kernel_size 3 is larger than its input 2×2; use a smaller kernel_size or padding \"same\"");
        let big_pool = LayerConfig::MaxPool2d {
            pool_size: 4,
            strides: Some(1),
        };
        let err = build_err(&[reshape(&[2, 32, 1]), big_pool], &[64]);
        assert_eq!(err, "model: layer 1 (max_pool2d) pool_size 4 is larger than its input 2×32; use a smaller pool_size");
        let err = build_err(
            &[reshape(&[64, 64, 1]), conv(4096, 64, Padding::Same)],
            &[4096],
        );
        assert!(
            err.starts_with("model: layer 1 (conv2d) is too large: each sample unfolds into"),
            "{err}"
        );
    }
}
