//! How good the ratings and the rankings are: RMSE/MAE beside the baselines a practitioner
//! checks first (global mean, item mean, user + item bias), and precision@k, recall@k and NDCG@k
//! of each user's held-out items (binary relevance).

use serde::Serialize;

/// A rated pair as indices: `(user, item, rating)`.
pub type Rated = (usize, usize, f32);

/// The damping of the bias baseline: a bias is the mean residual shrunk as if `BIAS_DAMPING`
/// more ratings of 0 residual were seen (Koren 2008's regularised baseline).
pub const BIAS_DAMPING: f32 = 5.0;

/// Root mean squared and mean absolute error of `pred` against `actual` (0s when empty).
pub fn rmse_mae(pred: &[f32], actual: &[f32]) -> (f32, f32) {
    let n = pred.len().max(1) as f64;
    let (sq, abs) = pred.iter().zip(actual).fold((0.0, 0.0), |(s, a), (p, y)| {
        let d = (*p - *y) as f64;
        (s + d * d, a + d.abs())
    });
    ((sq / n).sqrt() as f32, (abs / n) as f32)
}

/// The mean rating of `train`.
pub fn global_mean(train: &[Rated]) -> f32 {
    (train.iter().map(|r| r.2 as f64).sum::<f64>() / train.len().max(1) as f64) as f32
}

/// Each item's mean training rating (the global mean for an item without one).
pub fn item_means(train: &[Rated], items: usize) -> Vec<f32> {
    let mut sum = vec![(0.0f64, 0usize); items];
    train.iter().for_each(|&(_, i, r)| {
        sum[i].0 += r as f64;
        sum[i].1 += 1;
    });
    let mu = global_mean(train);
    sum.iter()
        .map(|&(s, n)| if n == 0 { mu } else { (s / n as f64) as f32 })
        .collect()
}

/// The user + item bias baseline `μ + b_u + b_i`: item biases from the residuals `r − μ`, then
/// user biases from `r − μ − b_i`, each damped by [`BIAS_DAMPING`]. Returns `(b_user, b_item)`.
pub fn biases(train: &[Rated], users: usize, items: usize) -> (Vec<f32>, Vec<f32>) {
    let mu = global_mean(train);
    let damped = |n: usize, key: &dyn Fn(&Rated) -> usize, res: &dyn Fn(&Rated) -> f32| {
        let mut sum = vec![(0.0f32, 0.0f32); n];
        train.iter().for_each(|r| {
            sum[key(r)].0 += res(r);
            sum[key(r)].1 += 1.0;
        });
        sum.iter()
            .map(|(s, c)| s / (c + BIAS_DAMPING))
            .collect::<Vec<f32>>()
    };
    let b_item = damped(items, &|r| r.1, &|r| r.2 - mu);
    let b_user = damped(users, &|r| r.0, &|r| r.2 - mu - b_item[r.1]);
    (b_user, b_item)
}

/// The `k` highest of `scores` whose index `skip` refuses, best first (ties: lower index).
pub fn top_k(scores: &[f32], skip: impl Fn(usize) -> bool, k: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).filter(|&i| !skip(i)).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order.truncate(k);
    order
}

/// precision@k, recall@k and NDCG@k of `ranked` (best first) against the `relevant` items.
pub fn at_k(ranked: &[usize], relevant: &[usize], k: usize) -> [f32; 3] {
    let gain = |r: usize| 1.0 / ((r + 2) as f32).log2();
    let hits: Vec<usize> = (0..ranked.len().min(k))
        .filter(|&r| relevant.contains(&ranked[r]))
        .collect();
    let dcg: f32 = hits.iter().map(|&r| gain(r)).sum();
    let ideal: f32 = (0..relevant.len().min(k)).map(gain).sum();
    let n = hits.len() as f32;
    [
        n / k as f32,
        n / relevant.len().max(1) as f32,
        dcg / ideal.max(f32::MIN_POSITIVE),
    ]
}

/// Ranking scores averaged over the users with a relevant held-out item.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Ranking {
    pub precision_at_5: f32,
    pub recall_at_5: f32,
    pub ndcg_at_5: f32,
    pub precision_at_10: f32,
    pub recall_at_10: f32,
    pub ndcg_at_10: f32,
    /// How many users were ranked.
    pub users: usize,
}

/// Ranks, for every user, the items they did not rate in `train` by `score(user)` (one score per
/// item) and compares the top 5 and 10 with their `held` items rated at least `relevant`.
pub fn ranking(
    score: &mut dyn FnMut(usize) -> Vec<f32>,
    train: &[Rated],
    held: &[Rated],
    users: usize,
    relevant: f32,
) -> Ranking {
    let mut seen = vec![Vec::new(); users];
    train.iter().for_each(|&(u, i, _)| seen[u].push(i));
    let mut wanted = vec![Vec::new(); users];
    held.iter()
        .filter(|r| r.2 >= relevant)
        .for_each(|&(u, i, _)| wanted[u].push(i));
    let mut sum = [0.0f64; 6];
    let mut counted = 0;
    for u in (0..users).filter(|&u| !wanted[u].is_empty()) {
        let scores = score(u);
        let ranked = top_k(&scores, |i| seen[u].contains(&i), 10);
        let [a, b, c] = at_k(&ranked, &wanted[u], 5);
        let [d, e, f] = at_k(&ranked, &wanted[u], 10);
        for (s, v) in sum.iter_mut().zip([a, b, c, d, e, f]) {
            *s += v as f64;
        }
        counted += 1;
    }
    let m = |j: usize| (sum[j] / counted.max(1) as f64) as f32;
    Ranking {
        precision_at_5: m(0),
        recall_at_5: m(1),
        ndcg_at_5: m(2),
        precision_at_10: m(3),
        recall_at_10: m(4),
        ndcg_at_10: m(5),
        users: counted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_by_hand() {
        // errors 1, -2, 0, 1: squares 1 4 0 1 → mean 1.5; abs 1 2 0 1 → mean 1.
        let (rmse, mae) = rmse_mae(&[2.0, 0.0, 3.0, 5.0], &[1.0, 2.0, 3.0, 4.0]);
        assert_eq!((rmse, mae), (1.5f32.sqrt(), 1.0));
    }

    #[test]
    fn baselines_by_hand() {
        // μ = (2 + 0 + 1 + 1) / 4 = 1.
        let train = [(0, 0, 2.0), (0, 1, 0.0), (1, 0, 1.0), (1, 1, 1.0)];
        assert_eq!(global_mean(&train), 1.0);
        assert_eq!(item_means(&train, 3), [1.5, 0.5, 1.0]);
        let (bu, bi) = biases(&train, 2, 3);
        // item 0: (1 + 0) / (2 + 5) = 1/7; item 1: (-1 + 0) / 7 = -1/7; item 2: 0.
        assert_eq!(bi, [1.0 / 7.0, -1.0 / 7.0, 0.0]);
        // user 0: ((1 - 1/7) + (-1 + 1/7)) / 7 = 0; user 1: (-1/7 + 1/7) / 7 = 0.
        assert_eq!(bu, [0.0, 0.0]);
    }

    #[test]
    fn ranking_scores_by_hand() {
        assert_eq!(top_k(&[0.1, 0.9, 0.5, 0.9], |i| i == 3, 2), [1, 2]);
        // Hits at ranks 0 and 2 of 5; 3 relevant items.
        let ranked = [7, 1, 8, 2, 3];
        let [p, r, n] = at_k(&ranked, &[7, 8, 9], 5);
        assert_eq!((p, r), (0.4, 2.0 / 3.0));
        let dcg = 1.0 + 1.0 / 4f32.log2();
        let ideal = 1.0 + 1.0 / 3f32.log2() + 1.0 / 4f32.log2();
        assert!((n - dcg / ideal).abs() < 1e-6, "{n}");
        assert_eq!(at_k(&ranked, &[9], 5), [0.0, 0.0, 0.0]);
        assert_eq!(at_k(&[4], &[4], 10), [0.1, 1.0, 1.0]);
    }

    #[test]
    fn ranking_skips_training_items_and_users_without_relevant_items() {
        // User 0 rated item 0 in training; its held-out item 2 is relevant, item 1 (rated 0) not.
        let train = [(0, 0, 2.0), (1, 1, 2.0)];
        let held = [(0, 2, 2.0), (0, 1, 0.0), (1, 0, 0.0)];
        let mut score = |_u: usize| vec![9.0, 3.0, 1.0];
        let r = ranking(&mut score, &train, &held, 2, 1.0);
        // User 0's ranking: [1, 2] (item 0 skipped): item 2 at rank 1.
        assert_eq!(r.users, 1);
        assert_eq!((r.precision_at_5, r.recall_at_5), (0.2, 1.0));
        assert_eq!(r.ndcg_at_5, 1.0 / 3f32.log2());
    }
}
