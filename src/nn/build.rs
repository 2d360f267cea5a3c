//! What building one layer needs besides its config and input shape: where the layer sits, the
//! loss (a last dense layer may fuse its activation into it) and the random stream. Each layer
//! type's `build` (next to the layer, e.g. `DenseConfig::build` in src/nn/dense.rs) checks its
//! input shape and reports errors through [`BuildContext::error`], naming the layer's index, its
//! type and the shape it receives.

use std::fmt::Display;

use super::loss::{Head, Loss};
use crate::error::Error;
use crate::rng::Rng;

/// Where the layer being built sits in its model, and what it may draw from.
pub struct BuildContext<'a> {
    /// The layer's index in the model.
    pub index: usize,
    /// The layer's `"type"` (set by `LayerConfig::build`).
    pub kind: &'static str,
    /// Whether it is the model's last layer.
    pub last: bool,
    pub loss: Loss,
    /// The fused output head, once the last layer has chosen one.
    pub head: Option<Head>,
    /// Initialisation (and dropout's own stream, forked from it).
    pub rng: &'a mut Rng,
}

impl<'a> BuildContext<'a> {
    /// The context of a model's first layer.
    pub fn new(loss: Loss, rng: &'a mut Rng) -> Self {
        BuildContext {
            index: 0,
            kind: "",
            last: false,
            loss,
            head: None,
            rng,
        }
    }

    /// An error about this layer, numbered from 1 as the layer editor numbers it: `Layer 3
    /// (dense) WHAT` for `model.layers[2]`.
    pub fn error(&self, what: impl Display) -> Error {
        Error::Model(format!("Layer {} ({}) {what}", self.index + 1, self.kind))
    }
}

#[cfg(test)]
mod tests {
    use crate::experiment::{Activation, LayerConfig, Padding};
    use crate::nn::conv2d::Conv2dConfig;
    use crate::nn::pool::MaxPool2dConfig;
    use crate::nn::reshape::{FlattenConfig, ReshapeConfig};
    use crate::nn::{loss::Loss, Sequential};
    use crate::rng::Rng;

    fn conv(filters: usize, kernel_size: usize, padding: Padding) -> LayerConfig {
        LayerConfig::Conv2d(Conv2dConfig {
            filters,
            kernel_size,
            strides: 1,
            padding,
            activation: Activation::Relu,
            use_bias: true,
            kernel_regularizer: None,
        })
    }

    fn reshape(target_shape: &[usize]) -> LayerConfig {
        LayerConfig::Reshape(ReshapeConfig {
            target_shape: target_shape.to_vec(),
        })
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
            LayerConfig::MaxPool2d(MaxPool2dConfig {
                pool_size: 2,
                strides: None,
            }),
            LayerConfig::Flatten(FlattenConfig {}),
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
        assert_eq!(err, "model: Layer 3 (dense) needs flat inputs [features] but receives shape [6, 6, 8]; put a flatten before it (for sequences: an lstm or gru without return_sequences)");
        let err = build_err(
            &[
                conv(8, 3, Padding::Valid),
                LayerConfig::Flatten(FlattenConfig {}),
                dense.clone(),
            ],
            &[64],
        );
        assert_eq!(err, "model: Layer 1 (conv2d) needs images [height, width, channels] but receives shape [64]; put a reshape before it, e.g. {\"type\":\"reshape\",\"target_shape\":[8,8,1]} for 64 pixels");
        let pool = LayerConfig::MaxPool2d(MaxPool2dConfig {
            pool_size: 2,
            strides: None,
        });
        let err = build_err(&[pool.clone(), dense.clone()], &[5, 3]);
        assert!(err.starts_with("model: Layer 1 (max_pool2d) needs images [height, width, channels] but receives shape [5, 3]; put a reshape before it"), "{err}");
        let err = build_err(
            &[
                reshape(&[8, 9, 1]),
                LayerConfig::Flatten(FlattenConfig {}),
                dense.clone(),
            ],
            &[64],
        );
        assert_eq!(err, "model: Layer 1 (reshape) cannot turn shape [64] (64 values) into target_shape [8, 9, 1] (72 values); make the product of target_shape 64");
        let err = build_err(&[reshape(&[2, 2, 16]), conv(8, 3, Padding::Valid)], &[64]);
        assert_eq!(err, "model: Layer 2 (conv2d) kernel_size 3 is larger than its input 2×2; use a smaller kernel_size or padding \"same\"");
        let big_pool = LayerConfig::MaxPool2d(MaxPool2dConfig {
            pool_size: 4,
            strides: Some(1),
        });
        let err = build_err(&[reshape(&[2, 32, 1]), big_pool], &[64]);
        assert_eq!(err, "model: Layer 2 (max_pool2d) pool_size 4 is larger than its input 2×32; use a smaller pool_size");
        let err = build_err(
            &[reshape(&[64, 64, 1]), conv(512, 64, Padding::Same)],
            &[4096],
        );
        assert!(
            err.starts_with("model: Layer 2 (conv2d) is too large: each sample unfolds into"),
            "{err}"
        );
    }

    #[test]
    fn a_model_too_large_is_refused_before_its_layers_are_allocated() {
        // 32 dense layers of 4096 units: every layer passes its own limits; the whole does not.
        let deep = vec![LayerConfig::dense(4096, Activation::Relu); 32];
        let err = build_err(&deep, &[4]);
        assert_eq!(err, "model: the model would hold 16801792 parameters by Layer 2, more than the 4000000 a model may have; the largest is Layer 2 (dense) with 16781312 — use fewer units or layers");
        // An LSTM of 4096 units is refused before its orthogonal initialisation (> 60 s).
        let t0 = std::time::Instant::now();
        let lstm = LayerConfig::Lstm(crate::nn::lstm::LstmConfig {
            units: 4096,
            return_sequences: false,
            kernel_regularizer: None,
        });
        let err = build_err(
            &[lstm, LayerConfig::dense(10, Activation::Softmax)],
            &[30, 1],
        );
        assert_eq!(err, "model: the model would hold 67141632 parameters by Layer 1, more than the 4000000 a model may have; the largest is Layer 1 (lstm) with 67141632 — use fewer units or layers");
        assert!(t0.elapsed().as_secs_f32() < 1.0, "{:?}", t0.elapsed());
    }

    #[test]
    fn a_batch_that_keeps_too_many_values_is_refused_with_the_largest_that_fits() {
        let layers = [
            reshape(&[64, 64, 1]),
            conv(64, 3, Padding::Same),
            LayerConfig::Flatten(FlattenConfig {}),
            LayerConfig::dense(10, Activation::Softmax),
        ];
        let loss = Loss::CategoricalCrossentropy;
        let m = Sequential::build(&layers, &[4096], 10, loss, &mut Rng::new(0)).unwrap();
        // Per sample: the reshape 4096, conv2d 4096·9 unfolded + 64·64·64 out, flatten 262144, dense 10.
        let err = m.check_batch(256).unwrap_err().to_string();
        assert_eq!(err, "model: one batch of 256 samples keeps 144706048 values for training (565258 per sample), more than the 64000000 a session can hold; set fit.batch_size to 113 or less, or use a smaller model");
        assert!(m.check_batch(113).is_ok());
    }
}
