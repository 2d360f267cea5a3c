//! The recommender: an id layer ([`Factorization`] or [`PairEmbedding`]) then, for the neural
//! variant, the dense layers of `model.layers`; the global mean is added outside the layers.
//! Trained on mean squared error with the experiment's optimizer.

use ndarray::{Array2, ArrayD};

use super::tables::{Factorization, PairEmbedding};
use crate::error::{Error, Result};
use crate::experiment::{Experiment, RecommenderKind};
use crate::nn::{build::BuildContext, layer::set_params, loss::Loss, Layer};
use crate::rng::Rng;
use crate::train::Optimizer;

/// A built recommender over `users × items` ids.
pub struct Recommender {
    pub kind: RecommenderKind,
    /// The mean training rating, added to every prediction.
    pub mean: f32,
    layers: Vec<Box<dyn Layer>>,
}

impl Recommender {
    /// Builds the model `exp` describes; errors name the layer and the shapes.
    pub fn build(
        exp: &Experiment,
        users: usize,
        items: usize,
        mean: f32,
        rng: &mut Rng,
    ) -> Result<Self> {
        let r = exp.model.recommender.clone().unwrap_or_default();
        let first: Box<dyn Layer> = match r.kind {
            RecommenderKind::Mf => Box::new(Factorization::new(users, items, r.factors, r.l2, rng)),
            RecommenderKind::Neural => {
                Box::new(PairEmbedding::new(users, items, r.factors, r.l2, rng))
            }
        };
        let mut shape = first.output_shape(&[2]);
        let mut layers = vec![first];
        let mut ctx = BuildContext::new(Loss::Mse, rng);
        for (i, config) in exp.model.layers.iter().enumerate() {
            (ctx.index, ctx.last) = (i, i + 1 == exp.model.layers.len());
            let layer = config.build(&shape, &mut ctx)?;
            shape = layer.output_shape(&shape);
            layers.push(layer);
        }
        if shape != [1] {
            return Err(Error::Model(format!(
                "the last layer outputs shape {shape:?} but a rating needs [1]; set the last layer's units to 1"
            )));
        }
        Ok(Recommender {
            kind: r.kind,
            mean,
            layers,
        })
    }

    /// Predicted ratings for `pairs` `[n, 2]` (user index, item index), inference mode.
    pub fn predict(&mut self, pairs: &Array2<f32>) -> Vec<f32> {
        let mut h = pairs.clone().into_dyn();
        for layer in &mut self.layers {
            h = layer.forward(&h, false);
        }
        h.iter().map(|v| v + self.mean).collect()
    }

    /// Scores of `user` for every one of `items` items.
    pub fn score_user(&mut self, user: usize, items: usize) -> Vec<f32> {
        self.predict(&Array2::from_shape_fn((items, 2), |(i, c)| {
            [user as f32, i as f32][c]
        }))
    }

    /// One training pass over `pairs` `[n, 2]` with targets `y` in shuffled batches of `batch`;
    /// returns the mean batch loss (penalties included).
    pub fn fit_epoch(
        &mut self,
        pairs: &Array2<f32>,
        y: &[f32],
        batch: usize,
        optimizer: &mut Optimizer,
        rng: &mut Rng,
    ) -> f32 {
        let mut order: Vec<usize> = (0..y.len()).collect();
        rng.shuffle(&mut order);
        let mut total = 0.0f64;
        let chunks = order.chunks(batch.max(1));
        let count = chunks.len().max(1);
        for chunk in chunks {
            let x = Array2::from_shape_fn((chunk.len(), 2), |(n, c)| pairs[[chunk[n], c]]);
            let t = Array2::from_shape_fn((chunk.len(), 1), |(n, _)| y[chunk[n]] - self.mean);
            let mut h = x.into_dyn();
            for layer in &mut self.layers {
                h = layer.forward(&h, true);
            }
            let out = h
                .into_dimensionality()
                .expect("checked at build: [batch, 1]");
            let (loss, grad) = Loss::Mse.value_and_grad(&out, &t);
            let mut g = grad.into_dyn();
            for layer in self.layers.iter_mut().rev() {
                g = layer.backward(&g);
            }
            total += (loss + self.penalty()) as f64;
            optimizer.step(self.layers.iter_mut().flat_map(|l| l.params()).collect());
        }
        (total / count as f64) as f32
    }

    fn penalty(&self) -> f32 {
        self.layers.iter().map(|l| l.penalty()).sum()
    }

    /// Every parameter, layer by layer (the id tables first).
    pub fn weights(&self) -> Vec<ArrayD<f32>> {
        self.layers.iter().flat_map(|l| l.weights()).collect()
    }

    /// Overwrites every parameter with `weights` from [`weights`](Self::weights) of the same model.
    pub fn set_weights(&mut self, weights: &[ArrayD<f32>]) -> Result<()> {
        set_params(
            self.layers.iter_mut().flat_map(|l| l.params()).collect(),
            weights,
        )
    }

    /// The item embeddings `[items, k]` (the second weight tensor of either id layer).
    pub fn item_factors(&self) -> ArrayD<f32> {
        self.layers[0].weights().swap_remove(1)
    }
}
