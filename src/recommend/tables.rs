//! The two layers that read ids: [`Factorization`] (matrix factorisation's biases + dot product)
//! and [`PairEmbedding`] (the neural variant's concatenated embeddings). Both take a batch of
//! `[user index, item index]` pairs as `f32` (exact below 2^24) and follow the `Layer` contract
//! of src/nn/layer.rs; an id has no gradient (dLoss/dInput is zero).

use ndarray::{Array2, ArrayD, Axis, IxDyn};

use crate::nn::{Layer, ParamMut};
use crate::rng::Rng;

/// One `[rows, width]` table of learned vectors (one row per id) and its gradient.
struct IdTable {
    w: ArrayD<f32>,
    g: ArrayD<f32>,
}

impl IdTable {
    /// `rows × width` values drawn uniformly from `±scale` (zeros when `scale` is 0).
    fn new(rows: usize, width: usize, scale: f32, rng: &mut Rng) -> Self {
        let w = ArrayD::from_shape_fn(IxDyn(&[rows, width]), |_| match scale {
            0.0 => 0.0,
            s => rng.uniform(-s, s),
        });
        IdTable {
            g: ArrayD::zeros(w.raw_dim()),
            w,
        }
    }

    fn row(&self, id: usize) -> &[f32] {
        let k = self.w.shape()[1];
        &self.w.as_slice().expect("contiguous")[id * k..(id + 1) * k]
    }

    /// Clears the gradient to the penalty's `2 · l2 · w`.
    fn start_grad(&mut self, l2: f32) {
        self.g.zip_mut_with(&self.w, |g, w| *g = 2.0 * l2 * w);
    }

    fn add_grad(&mut self, id: usize, d: impl Iterator<Item = f32>) {
        let k = self.w.shape()[1];
        let g = &mut self.g.as_slice_mut().expect("contiguous")[id * k..(id + 1) * k];
        g.iter_mut().zip(d).for_each(|(g, d)| *g += d);
    }

    fn squares(&self) -> f32 {
        self.w.iter().map(|w| w * w).sum()
    }

    fn param(&mut self) -> ParamMut<'_> {
        ParamMut {
            value: self.w.view_mut(),
            grad: self.g.view(),
        }
    }
}

/// Every table as a parameter, in order.
fn params(tables: &mut [IdTable]) -> Vec<ParamMut<'_>> {
    tables.iter_mut().map(IdTable::param).collect()
}

/// Copies of every table, in order.
fn weights(tables: &[IdTable]) -> Vec<ArrayD<f32>> {
    tables.iter().map(|t| t.w.clone()).collect()
}

/// `l2 · Σ w²` over every table.
fn penalty(tables: &[IdTable], l2: f32) -> f32 {
    l2 * tables.iter().map(IdTable::squares).sum::<f32>()
}

/// The `[user, item]` index pairs of `x` `[batch, 2]`.
fn pairs(x: &ArrayD<f32>) -> Vec<(usize, usize)> {
    x.lanes(Axis(1))
        .into_iter()
        .map(|r| (r[0].round() as usize, r[1].round() as usize))
        .collect()
}

/// Matrix factorisation without the global mean: `[batch, 2]` ids → `[batch, 1]`
/// `b_user + b_item + p_user · q_item`. Parameters: P `[users, k]`, Q `[items, k]`,
/// b_user `[users, 1]`, b_item `[items, 1]`; penalty `l2 · Σ w²` over all four.
pub struct Factorization {
    tables: [IdTable; 4],
    l2: f32,
    cache: Vec<(usize, usize)>,
}

impl Factorization {
    /// Factors drawn from ±0.1, biases 0.
    pub fn new(users: usize, items: usize, k: usize, l2: f32, rng: &mut Rng) -> Self {
        Factorization {
            tables: [
                IdTable::new(users, k, 0.1, rng),
                IdTable::new(items, k, 0.1, rng),
                IdTable::new(users, 1, 0.0, rng),
                IdTable::new(items, 1, 0.0, rng),
            ],
            l2,
            cache: Vec::new(),
        }
    }
}

impl Layer for Factorization {
    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        let ids = pairs(x);
        let [p, q, bu, bi] = &self.tables;
        let out = Array2::from_shape_fn((ids.len(), 1), |(n, _)| {
            let (u, i) = ids[n];
            let dot: f32 = p.row(u).iter().zip(q.row(i)).map(|(a, b)| a * b).sum();
            bu.row(u)[0] + bi.row(i)[0] + dot
        });
        if training {
            self.cache = ids;
        }
        out.into_dyn()
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        self.tables.iter_mut().for_each(|t| t.start_grad(self.l2));
        for (n, &(u, i)) in self.cache.iter().enumerate() {
            let d = grad_out[[n, 0]];
            let (pu, qi) = (
                self.tables[0].row(u).to_vec(),
                self.tables[1].row(i).to_vec(),
            );
            self.tables[0].add_grad(u, qi.iter().map(|q| d * q));
            self.tables[1].add_grad(i, pu.iter().map(|p| d * p));
            self.tables[2].add_grad(u, [d].into_iter());
            self.tables[3].add_grad(i, [d].into_iter());
        }
        ArrayD::zeros(IxDyn(&[self.cache.len(), 2]))
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        params(&mut self.tables)
    }

    fn weights(&self) -> Vec<ArrayD<f32>> {
        weights(&self.tables)
    }

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        vec![1]
    }

    fn kind(&self) -> &'static str {
        "factorization"
    }

    fn penalty(&self) -> f32 {
        penalty(&self.tables, self.l2)
    }
}

/// The neural variant's input: `[batch, 2]` ids → `[batch, 2k]` `[p_user, q_item]`.
/// Parameters: P `[users, k]`, Q `[items, k]`; penalty `l2 · Σ w²`.
pub struct PairEmbedding {
    tables: [IdTable; 2],
    l2: f32,
    cache: Vec<(usize, usize)>,
}

impl PairEmbedding {
    /// Embeddings drawn from ±0.1.
    pub fn new(users: usize, items: usize, k: usize, l2: f32, rng: &mut Rng) -> Self {
        PairEmbedding {
            tables: [
                IdTable::new(users, k, 0.1, rng),
                IdTable::new(items, k, 0.1, rng),
            ],
            l2,
            cache: Vec::new(),
        }
    }
}

impl Layer for PairEmbedding {
    fn forward(&mut self, x: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        let ids = pairs(x);
        let k = self.tables[0].w.shape()[1];
        let out = Array2::from_shape_fn((ids.len(), 2 * k), |(n, j)| match j < k {
            true => self.tables[0].row(ids[n].0)[j],
            false => self.tables[1].row(ids[n].1)[j - k],
        });
        if training {
            self.cache = ids;
        }
        out.into_dyn()
    }

    fn backward(&mut self, grad_out: &ArrayD<f32>) -> ArrayD<f32> {
        let k = self.tables[0].w.shape()[1];
        self.tables.iter_mut().for_each(|t| t.start_grad(self.l2));
        for (n, &(u, i)) in self.cache.iter().enumerate() {
            let row = grad_out.index_axis(Axis(0), n);
            self.tables[0].add_grad(u, row.iter().take(k).copied());
            self.tables[1].add_grad(i, row.iter().skip(k).copied());
        }
        ArrayD::zeros(IxDyn(&[self.cache.len(), 2]))
    }

    fn params(&mut self) -> Vec<ParamMut<'_>> {
        params(&mut self.tables)
    }

    fn weights(&self) -> Vec<ArrayD<f32>> {
        weights(&self.tables)
    }

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        vec![2 * self.tables[0].w.shape()[1]]
    }

    fn kind(&self) -> &'static str {
        "pair_embedding"
    }

    fn penalty(&self) -> f32 {
        penalty(&self.tables, self.l2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::layer::tests::check_gradients;

    /// Ids with repeats (user 1 twice, item 2 twice) so gradients accumulate.
    fn ids() -> ArrayD<f32> {
        ndarray::arr2(&[[0.0, 2.0], [1.0, 0.0], [1.0, 2.0], [2.0, 1.0]]).into_dyn()
    }

    #[test]
    fn factorization_gradients_match_finite_differences() {
        let mut rng = Rng::new(3);
        let mut f = Factorization::new(3, 3, 4, 0.05, &mut rng);
        // Biases away from zero so their gradients are checked at a general point.
        f.tables[2]
            .w
            .iter_mut()
            .for_each(|b| *b = rng.uniform(-1.0, 1.0));
        check_gradients(&mut f, &ids(), "factorization");
    }

    #[test]
    fn pair_embedding_gradients_match_finite_differences() {
        let mut e = PairEmbedding::new(3, 3, 2, 0.05, &mut Rng::new(4));
        check_gradients(&mut e, &ids(), "pair embedding");
    }

    #[test]
    fn factorization_is_biases_plus_dot_product() {
        let mut f = Factorization::new(2, 2, 2, 0.0, &mut Rng::new(0));
        f.tables[0].w = ndarray::arr2(&[[1.0, 2.0], [0.5, -1.0]]).into_dyn();
        f.tables[1].w = ndarray::arr2(&[[3.0, 1.0], [0.0, 4.0]]).into_dyn();
        f.tables[2].w = ndarray::arr2(&[[0.25], [-0.5]]).into_dyn();
        f.tables[3].w = ndarray::arr2(&[[1.0], [2.0]]).into_dyn();
        let x = ndarray::arr2(&[[0.0, 0.0], [1.0, 1.0], [0.0, 1.0]]).into_dyn();
        // 0.25 + 1 + (3 + 2); -0.5 + 2 + (0 - 4); 0.25 + 2 + (0 + 8)
        let y: Vec<f32> = f.forward(&x, false).iter().copied().collect();
        assert_eq!(y, vec![6.25, -2.5, 10.25]);
    }

    #[test]
    fn pair_embedding_concatenates_user_then_item() {
        let mut e = PairEmbedding::new(2, 2, 1, 0.0, &mut Rng::new(0));
        e.tables[0].w = ndarray::arr2(&[[1.0], [2.0]]).into_dyn();
        e.tables[1].w = ndarray::arr2(&[[5.0], [7.0]]).into_dyn();
        let x = ndarray::arr2(&[[1.0, 0.0], [0.0, 1.0]]).into_dyn();
        let y = e.forward(&x, false);
        assert_eq!(y, ndarray::arr2(&[[2.0, 5.0], [1.0, 7.0]]).into_dyn());
    }
}
