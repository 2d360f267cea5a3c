//! `Sequential`: a stack of layers built (and shape-checked) once from the experiment.

use ndarray::{Array2, ArrayD, Ix2};
use serde::Serialize;

use super::build::BuildContext;
use super::layer::{Layer, ParamMut};
use super::loss::{Head, Loss};
use super::size::Budget;
use crate::error::{Error, Result};
use crate::experiment::LayerConfig;
use crate::rng::Rng;

/// A layer's line in the model summary.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LayerSummary {
    pub kind: &'static str,
    pub output_shape: Vec<usize>,
    pub params: usize,
}

/// Layers in order, the loss, and (when fused) the output head applied to logits.
pub struct Sequential {
    layers: Vec<Box<dyn Layer>>,
    loss: Loss,
    head: Option<Head>,
    input_shape: Vec<usize>,
    /// Its size (what a batch keeps for backward).
    budget: Budget,
}

impl Sequential {
    /// Builds `configs` for inputs of shape `input_shape` (no batch axis) and `outputs` targets.
    /// The last layer must produce `outputs` values; errors name the layer index and the shapes.
    pub fn build(
        configs: &[LayerConfig],
        input_shape: &[usize],
        outputs: usize,
        loss: Loss,
        rng: &mut Rng,
    ) -> Result<Self> {
        let mut layers: Vec<Box<dyn Layer>> = Vec::new();
        let mut shape = input_shape.to_vec();
        let mut ctx = BuildContext::new(loss, rng);
        let mut budget = Budget::default();
        for (i, config) in configs.iter().enumerate() {
            (ctx.index, ctx.last) = (i, i + 1 == configs.len());
            budget.add(i, config.kind(), config.params(&shape))?;
            let layer = config.build(&shape, &mut ctx)?;
            let output = layer.output_shape(&shape);
            budget.cached = budget.cached.saturating_add(config.cached(&shape, &output));
            shape = output;
            layers.push(layer);
        }
        let head = ctx.head;
        if shape != [outputs] {
            return Err(Error::Model(format!(
                "the last layer outputs shape {shape:?} but the target needs [{outputs}]; set the last layer's units to {outputs}"
            )));
        }
        Ok(Sequential {
            layers,
            loss,
            head,
            budget,
            input_shape: input_shape.to_vec(),
        })
    }

    /// Refuses training batches of `batch` samples that would keep more values than a session
    /// holds ([`Budget::check_batch`]).
    pub fn check_batch(&self, batch: usize) -> Result<()> {
        self.budget.check_batch(batch)
    }

    /// Model outputs (probabilities for a fused head) for `x` `[batch, ...]`, inference mode.
    pub fn predict(&mut self, x: &ArrayD<f32>) -> Array2<f32> {
        let mut out = self.raw_forward(x, false);
        if let Some(h) = self.head {
            h.apply(&mut out);
        }
        out
    }

    /// Every layer's output for `x` `[batch, ...]` in inference mode, in layer order (the last one
    /// through the fused head: probabilities, as [`predict`](Self::predict) gives).
    pub fn activations(&mut self, x: &ArrayD<f32>) -> Vec<ArrayD<f32>> {
        let mut outs: Vec<ArrayD<f32>> = Vec::with_capacity(self.layers.len());
        let mut mask = None;
        for layer in &mut self.layers {
            let input = outs.last().unwrap_or(x);
            mask = layer.set_mask(mask, input);
            let out = layer.forward(input, false);
            outs.push(out);
        }
        if let (Some(h), Some(last)) = (self.head, outs.last_mut()) {
            let mut probs = last
                .clone()
                .into_dimensionality()
                .expect("checked at build");
            h.apply(&mut probs);
            *last = probs.into_dyn();
        }
        outs
    }

    fn raw_forward(&mut self, x: &ArrayD<f32>, training: bool) -> Array2<f32> {
        let mut h = x.clone();
        let mut mask = None;
        for layer in &mut self.layers {
            mask = layer.set_mask(mask, &h);
            h = layer.forward(&h, training);
        }
        h.into_dimensionality::<Ix2>()
            .expect("checked at build: the output is [batch, outputs]")
    }

    /// The loss on `(x, y)` in inference mode (dropout off), regularisation penalties included.
    pub fn loss(&mut self, x: &ArrayD<f32>, y: &Array2<f32>) -> f32 {
        let out = self.raw_forward(x, false);
        let value = match self.head {
            Some(h) => h.value_and_grad(&out, y).0,
            None => self.loss.value_and_grad(&out, y).0,
        };
        value + self.penalty()
    }

    /// The sum of every layer's regularisation penalty (0 without regularisers).
    pub fn penalty(&self) -> f32 {
        self.layers.iter().map(|l| l.penalty()).sum()
    }

    /// One forward and backward pass in training mode; returns the batch loss (penalties included)
    /// and the raw outputs
    /// (logits for a fused head). Parameter gradients are left in the layers for the optimizer.
    pub fn forward_backward(&mut self, x: &ArrayD<f32>, y: &Array2<f32>) -> (f32, Array2<f32>) {
        let out = self.raw_forward(x, true);
        let (value, grad) = match self.head {
            Some(h) => h.value_and_grad(&out, y),
            None => self.loss.value_and_grad(&out, y),
        };
        let mut g = grad.into_dyn();
        if let Some((first, rest)) = self.layers.split_first_mut() {
            for layer in rest.iter_mut().rev() {
                g = layer.backward(&g);
            }
            first.backward_params(&g); // nothing needs dLoss/dInput of the model
        }
        (value + self.penalty(), out)
    }

    /// Every trainable parameter with its gradient, in a fixed order.
    pub fn params(&mut self) -> Vec<ParamMut<'_>> {
        self.layers.iter_mut().flat_map(|l| l.params()).collect()
    }

    /// Copies of every parameter, in the order of [`params`](Self::params).
    pub fn weights(&self) -> Vec<ArrayD<f32>> {
        self.layers.iter().flat_map(|l| l.weights()).collect()
    }

    /// Overwrites every parameter; `weights` must come from [`weights`](Self::weights) of the same architecture.
    pub fn set_weights(&mut self, weights: &[ArrayD<f32>]) -> Result<()> {
        super::layer::set_params(self.params(), weights)
    }

    /// The layers in order (read only), e.g. each one's `kind()` and how many tensors it holds.
    pub fn layers(&self) -> &[Box<dyn Layer>] {
        &self.layers
    }

    /// The layers in order, to run them one by one (input gradients) or to swap one for an
    /// equivalent (the int8 layers of a quantised model file).
    pub fn layers_mut(&mut self) -> &mut [Box<dyn Layer>] {
        &mut self.layers
    }

    /// The output head fused into the loss (softmax or sigmoid on the last layer's logits).
    pub fn head(&self) -> Option<Head> {
        self.head
    }

    /// The input shape of one sample (no batch axis).
    pub fn input_shape(&self) -> &[usize] {
        &self.input_shape
    }

    /// Per-layer output shapes and parameter counts.
    pub fn summary(&self) -> Vec<LayerSummary> {
        let mut shape = self.input_shape.clone();
        self.layers
            .iter()
            .map(|l| {
                shape = l.output_shape(&shape);
                LayerSummary {
                    kind: l.kind(),
                    output_shape: shape.clone(),
                    params: l.weights().iter().map(|w| w.len()).sum(),
                }
            })
            .collect()
    }

    /// The total number of trainable values.
    pub fn param_count(&self) -> usize {
        self.summary().iter().map(|s| s.params).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::Activation;
    use ndarray::array;

    #[test]
    fn counts_parameters_like_keras() {
        let layers = [
            LayerConfig::dense(64, Activation::Relu),
            LayerConfig::dense(64, Activation::Relu),
            LayerConfig::dense(10, Activation::Softmax),
        ];
        let m = Sequential::build(
            &layers,
            &[64],
            10,
            Loss::CategoricalCrossentropy,
            &mut Rng::new(0),
        )
        .unwrap();
        assert_eq!(m.param_count(), 8970, "W1's architecture");
    }

    #[test]
    fn wrong_output_width_names_the_shapes() {
        let err = Sequential::build(
            &[LayerConfig::dense(4, Activation::Relu)],
            &[2],
            3,
            Loss::Mse,
            &mut Rng::new(0),
        )
        .err()
        .unwrap();
        assert!(
            err.to_string().contains("[4]") && err.to_string().contains("[3]"),
            "{err}"
        );
    }

    #[test]
    fn fused_softmax_predicts_probabilities_and_its_gradient_matches_finite_differences() {
        let layers = [
            LayerConfig::dense(5, Activation::Tanh),
            LayerConfig::dense(3, Activation::Softmax),
        ];
        let mut m = Sequential::build(
            &layers,
            &[2],
            3,
            Loss::CategoricalCrossentropy,
            &mut Rng::new(3),
        )
        .unwrap();
        let x = array![[0.2f32, -0.4], [1.0, 0.5]].into_dyn();
        let y = array![[0.0f32, 1.0, 0.0], [1.0, 0.0, 0.0]];
        let p = m.predict(&x);
        assert!(p.rows().into_iter().all(|r| (r.sum() - 1.0).abs() < 1e-6));
        m.forward_backward(&x, &y);
        check_model_gradients(&mut m, &x, &y, 1e-3, 1e-2);
    }

    /// `forward_backward`'s parameter gradients against central differences of `loss`.
    fn check_model_gradients(
        m: &mut Sequential,
        x: &ArrayD<f32>,
        y: &Array2<f32>,
        abs: f32,
        rel: f32,
    ) {
        m.forward_backward(x, y);
        let grads: Vec<Vec<f32>> = m
            .params()
            .iter()
            .map(|p| p.grad.iter().copied().collect())
            .collect();
        for (pi, g) in grads.iter().enumerate() {
            for (k, &ana) in g.iter().enumerate() {
                let h = 1e-2;
                m.params()[pi].value.as_slice_mut().unwrap()[k] += h;
                let up = m.loss(x, y);
                m.params()[pi].value.as_slice_mut().unwrap()[k] -= 2.0 * h;
                let down = m.loss(x, y);
                m.params()[pi].value.as_slice_mut().unwrap()[k] += h;
                let num = (up - down) / (2.0 * h);
                assert!(
                    (num - ana).abs() < abs + rel * num.abs(),
                    "param {pi}[{k}]: {num} vs {ana}"
                );
            }
        }
    }

    fn lstm(units: usize, return_sequences: bool) -> LayerConfig {
        LayerConfig::Lstm(crate::nn::lstm::LstmConfig {
            units,
            return_sequences,
            kernel_regularizer: None,
        })
    }

    #[test]
    fn w2_lstm_model_counts_parameters_like_keras() {
        let layers = [lstm(50, false), LayerConfig::dense(1, Activation::Linear)];
        let m = Sequential::build(&layers, &[30, 1], 1, Loss::Mse, &mut Rng::new(0)).unwrap();
        assert_eq!(m.param_count(), 10_451);
        let kinds: Vec<_> = m
            .summary()
            .iter()
            .map(|s| (s.kind, s.output_shape.clone()))
            .collect();
        assert_eq!(kinds, [("lstm", vec![50]), ("dense", vec![1])]);
    }

    #[test]
    fn wrong_ranks_name_the_layer_and_the_shape() {
        let err = Sequential::build(&[lstm(4, false)], &[6], 1, Loss::Mse, &mut Rng::new(0))
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.contains("Layer 1 (lstm)") && err.contains("[6]"),
            "{err}"
        );
        let layers = [lstm(3, true), LayerConfig::dense(1, Activation::Linear)];
        let err = Sequential::build(&layers, &[5, 2], 1, Loss::Mse, &mut Rng::new(0))
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.contains("Layer 2 (dense)") && err.contains("[5, 3]"),
            "{err}"
        );
    }

    #[test]
    fn stacked_recurrent_model_gradients_match_finite_differences_with_penalties() {
        let layers = [
            LayerConfig::Gru(crate::nn::gru::GruConfig {
                units: 3,
                return_sequences: true,
                kernel_regularizer: Some(crate::experiment::Regularizer { l1: 0.01, l2: 0.02 }),
            }),
            lstm(2, false),
            LayerConfig::dense(1, Activation::Linear),
        ];
        let mut m = Sequential::build(&layers, &[5, 2], 1, Loss::Mse, &mut Rng::new(2)).unwrap();
        let x = ndarray::Array3::from_shape_fn((2, 5, 2), |(b, t, f)| {
            ((b * 3 + t * 5 + f) % 7) as f32 / 3.0 - 1.0
        })
        .into_dyn();
        let y = array![[0.5f32], [-0.3]];
        let (loss, _) = m.forward_backward(&x, &y);
        assert!(
            (loss - m.loss(&x, &y)).abs() < 1e-6,
            "penalty counted in both"
        );
        check_model_gradients(&mut m, &x, &y, 2e-3, 2e-2);
    }
}
