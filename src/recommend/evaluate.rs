//! The test-set report of a [`Run`]: the model's RMSE/MAE beside the three baselines, and its
//! ranking scores beside the popularity baseline (most-rated items first).

use serde::Serialize;

use super::metrics::{biases, global_mean, item_means, ranking, rmse_mae, Ranking, Rated};
use super::run::{as_arrays, Run};

/// RMSE and MAE of one predictor on the test rows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Errors {
    pub rmse: f32,
    pub mae: f32,
}

/// The baselines' errors on the same test rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Baselines {
    pub global_mean: Errors,
    pub item_mean: Errors,
    pub user_item_bias: Errors,
}

/// What `kindling train` prints under `test` for a recommendation task.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub rmse: f32,
    pub mae: f32,
    pub loss: f32,
    pub baselines: Baselines,
    /// The model's ranking of each user's unrated items against their held-out items rated at
    /// least `relevant`.
    pub ranking: Ranking,
    pub popularity: Ranking,
    /// Ratings at least this count as relevant: the middle of the training ratings' range.
    pub relevant: f32,
    /// Rows per part `[train, validation, test]`.
    pub rows: [usize; 3],
}

impl Run {
    /// Evaluates the model and the baselines on the test rows.
    pub fn evaluate(&mut self) -> Evaluation {
        let test = self.test.clone();
        let (pairs, actual) = as_arrays(&test);
        let predicted = self.model.predict(&pairs);
        let (rmse, mae) = rmse_mae(&predicted, &actual);
        let (users, items) = (self.users.len(), self.items.len());
        let train = &self.train;
        let mu = global_mean(train);
        let means = item_means(train, items);
        let (bu, bi) = biases(train, users, items);
        let errors = |f: &dyn Fn(&Rated) -> f32| {
            let p: Vec<f32> = test.iter().map(f).collect();
            let (rmse, mae) = rmse_mae(&p, &actual);
            Errors { rmse, mae }
        };
        let baselines = Baselines {
            global_mean: errors(&|_| mu),
            item_mean: errors(&|r| means[r.1]),
            user_item_bias: errors(&|r| mu + bu[r.0] + bi[r.1]),
        };
        let (lo, hi) = train.iter().fold((f32::MAX, f32::MIN), |(lo, hi), r| {
            (lo.min(r.2), hi.max(r.2))
        });
        let relevant = if lo == hi { hi } else { (lo + hi) / 2.0 };
        let mut popular = vec![0.0f32; items];
        train
            .iter()
            .filter(|r| r.2 >= relevant)
            .for_each(|r| popular[r.1] += 1.0);
        let popularity = ranking(&mut |_| popular.clone(), train, &test, users, relevant);
        let model = &mut self.model;
        let ranking = ranking(
            &mut |u| model.score_user(u, items),
            train,
            &test,
            users,
            relevant,
        );
        Evaluation {
            rmse,
            mae,
            loss: rmse * rmse,
            baselines,
            ranking,
            popularity,
            relevant,
            rows: [self.train.len(), self.validation.len(), test.len()],
        }
    }
}
