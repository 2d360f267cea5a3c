//! Using a trained recommender: a user's top-N unrated items, an item's nearest items by cosine
//! similarity of their embeddings, and a 2-D map of the item embeddings (their first two
//! principal components).

use ndarray::{Array1, Array2, ArrayView2, Axis};

use super::metrics::top_k;
use super::model::Recommender;

/// The `n` best-scored items for `user` among those `rated` does not hold: `(item, score)`.
pub fn top_n(
    model: &mut Recommender,
    user: usize,
    items: usize,
    rated: &[usize],
    n: usize,
) -> Vec<(usize, f32)> {
    let scores = model.score_user(user, items);
    let best = top_k(&scores, |i| rated.contains(&i), n);
    best.into_iter().map(|i| (i, scores[i])).collect()
}

/// The `n` items whose embeddings (`factors` `[items, k]`) point closest to `item`'s:
/// `(item, cosine similarity)`, most similar first, `item` itself left out.
pub fn similar(factors: ArrayView2<f32>, item: usize, n: usize) -> Vec<(usize, f32)> {
    let norm = |r: usize| factors.row(r).dot(&factors.row(r)).sqrt().max(1e-12);
    let cos: Vec<f32> = (0..factors.nrows())
        .map(|r| factors.row(r).dot(&factors.row(item)) / (norm(r) * norm(item)))
        .collect();
    let best = top_k(&cos, |r| r == item, n);
    best.into_iter().map(|r| (r, cos[r])).collect()
}

/// Each row of `factors` `[items, k]` projected on the first two principal components
/// `[items, 2]` (power iteration with deflation from a fixed start: the same map every time;
/// each axis's sign set so its largest coordinate is positive).
pub fn pca_2d(factors: ArrayView2<f32>) -> Array2<f32> {
    let mean = factors.mean_axis(Axis(0)).expect("at least one item");
    let centred = &factors - &mean;
    let mut cov = centred.t().dot(&centred);
    let k = cov.nrows();
    let mut out = Array2::zeros((factors.nrows(), 2));
    for axis in 0..2.min(k) {
        let mut v = Array1::from_shape_fn(k, |j| 1.0 + j as f32 / k as f32);
        for _ in 0..200 {
            let w = cov.dot(&v);
            let len = w.dot(&w).sqrt();
            if len < 1e-12 {
                break;
            }
            v = w / len;
        }
        let mut proj = centred.dot(&v);
        let peak = proj
            .iter()
            .fold(0.0f32, |m, &p| if p.abs() > m.abs() { p } else { m });
        if peak < 0.0 {
            proj.mapv_inplace(|p| -p);
        }
        out.column_mut(axis).assign(&proj);
        let lambda = v.dot(&cov.dot(&v));
        let vv = v.view().insert_axis(Axis(1));
        cov = cov - lambda * vv.dot(&vv.t());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::arr2;

    #[test]
    fn cosine_neighbours_by_hand() {
        // item 0 = (1, 0); item 1 = (1, 1): cos 1/√2; item 2 = (0, 2): cos 0; item 3 = (3, 0): 1.
        let f = arr2(&[[1.0, 0.0], [1.0, 1.0], [0.0, 2.0], [3.0, 0.0]]);
        let near = similar(f.view(), 0, 2);
        assert_eq!(near[0], (3, 1.0));
        assert_eq!(near[1].0, 1);
        assert!((near[1].1 - 0.5f32.sqrt()).abs() < 1e-6);
    }

    #[test]
    fn pca_finds_the_long_axis_first() {
        // Spread along x, a little along y, uncorrelated (Σ (x − x̄)·y = 0): the axes are x then
        // y; coordinates x − 1/3 and y, each signed so its largest value is positive.
        let f = arr2(&[
            [-3.0, 0.0],
            [-1.0, 0.5],
            [-1.0, -0.5],
            [1.0, 0.5],
            [1.0, -0.5],
            [5.0, 0.0],
        ]);
        let map = pca_2d(f.view());
        let round = |v: &f32| (v * 1000.0).round() / 1000.0;
        let first: Vec<f32> = map.column(0).iter().map(round).collect();
        assert_eq!(first, [-3.333, -1.333, -1.333, 0.667, 0.667, 4.667]);
        let second: Vec<f32> = map.column(1).iter().map(round).collect();
        assert_eq!(second, [0.0, 0.5, -0.5, 0.5, -0.5, 0.0]);
    }
}

/// One item in a list for people: its id, title and score (a rating or a similarity).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Scored {
    pub item: String,
    pub title: String,
    pub score: f32,
}

impl super::Run {
    /// The items `user` has a row for in any part of the data.
    fn rated_by(&self, user: usize) -> Vec<usize> {
        let all = self.train.iter().chain(&self.validation).chain(&self.test);
        all.filter(|r| r.0 == user).map(|r| r.1).collect()
    }

    fn scored(&self, list: Vec<(usize, f32)>) -> Vec<Scored> {
        let named = |(i, score): (usize, f32)| Scored {
            item: self.items.ids[i].clone(),
            title: self.titles[i].clone(),
            score,
        };
        list.into_iter().map(named).collect()
    }

    /// User `id`'s `n` best-scored items among those they have not rated.
    pub fn top_n(&mut self, id: &str, n: usize) -> crate::Result<Vec<Scored>> {
        let user = self
            .users
            .find(id, self.user_column())
            .map_err(crate::Error::State)?;
        let rated = self.rated_by(user);
        let items = self.items.len();
        let best = top_n(&mut self.model, user, items, &rated, n);
        Ok(self.scored(best))
    }

    /// The `n` items nearest to item `id` by cosine similarity of their embeddings.
    pub fn similar(&self, id: &str, n: usize) -> crate::Result<Vec<Scored>> {
        let item = self
            .items
            .find(id, self.item_column())
            .map_err(crate::Error::State)?;
        let factors = self.model.item_factors();
        let factors = factors.view().into_dimensionality().expect("[items, k]");
        Ok(self.scored(similar(factors, item, n)))
    }

    /// The item embeddings' 2-D map `[items, 2]` (first two principal components).
    pub fn item_map(&self) -> Array2<f32> {
        let factors = self.model.item_factors();
        pca_2d(factors.view().into_dimensionality().expect("[items, k]"))
    }

    fn user_column(&self) -> &str {
        self.experiment
            .data
            .recommend
            .as_ref()
            .map_or("user", |r| &r.user)
    }

    fn item_column(&self) -> &str {
        self.experiment
            .data
            .recommend
            .as_ref()
            .map_or("item", |r| &r.item)
    }
}
