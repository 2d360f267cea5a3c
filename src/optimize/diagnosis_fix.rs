//! The diagnosis's suggestions as changes to the experiment (`Suggestion::fix`): what the page's
//! buttons apply ("Add L2 0.001 to the dense layers", "Early stopping, patience 5").

use serde_json::{json, Value};

use super::verdict::{Action, Diagnosis};
use crate::advice::{Change, Fix};
use crate::experiment::{Experiment, LayerConfig, OptimizerConfig, Scale};

/// The L2 penalty the `l2` suggestion adds to every dense layer.
pub const L2: f32 = 0.001;
/// The patience of the `early_stopping` suggestion.
pub const PATIENCE: usize = 5;

impl Diagnosis {
    /// The diagnosis with each suggestion's fix for `exp` filled in (none where no single change
    /// follows the advice, such as "more data").
    pub fn with_fixes(mut self, exp: &Experiment) -> Self {
        for s in &mut self.suggestions {
            s.fix = fix(s.action, exp);
        }
        self
    }
}

/// An f32 setting as JSON in its shortest form (0.001, not 0.0010000000474974513).
fn short(x: f32) -> Value {
    crate::advice::short_json(&x)
}

/// `rate × factor` computed on the rate as written (0.01 / 10 = 0.001, not 0.0009999999).
fn scaled(rate: f32, factor: f64) -> Value {
    let written = short(rate).as_f64().unwrap_or(rate as f64);
    short((written * factor).min(10.0) as f32)
}

fn layers_value(layers: &[LayerConfig]) -> Value {
    crate::advice::short_json(layers)
}

/// The hidden dense layers (every dense layer but the output) by index.
fn hidden_dense(exp: &Experiment) -> impl Iterator<Item = (usize, &crate::nn::dense::DenseConfig)> {
    let last = exp.model.layers.len().saturating_sub(1);
    exp.model.layers[..last]
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match l {
            LayerConfig::Dense(d) => Some((i, d)),
            _ => None,
        })
}

/// The change that follows `action` on `exp`, if there is one.
pub fn fix(action: Action, exp: &Experiment) -> Option<Fix> {
    let rate = exp.compile.optimizer.learning_rate();
    let some = |changes: Vec<Change>| (!changes.is_empty()).then_some(changes);
    let layers = &exp.model.layers;
    match action {
        Action::LowerLearningRate => some(vec![Change::new(
            "compile.optimizer.learning_rate",
            scaled(rate, 0.1),
        )]),
        Action::RaiseLearningRate => some(vec![Change::new(
            "compile.optimizer.learning_rate",
            scaled(rate, 3.0),
        )]),
        Action::ChangeOptimizer => match exp.compile.optimizer {
            OptimizerConfig::Adam { .. } => None,
            _ => some(vec![Change::new(
                "compile.optimizer",
                json!({"type": "adam"}),
            )]),
        },
        Action::ScaleData => {
            (exp.data.scale != Scale::Standard).then(|| vec![Change::new("data.scale", "standard")])
        }
        Action::MoreEpochs => some(vec![Change::new(
            "fit.epochs",
            exp.fit.epochs.saturating_mul(2).min(100_000),
        )]),
        Action::EarlyStopping => some(vec![Change::new(
            "fit.early_stopping",
            json!({"monitor": "val_loss", "patience": PATIENCE, "restore_best_weights": true}),
        )]),
        Action::L2 => some(
            layers
                .iter()
                .enumerate()
                .filter_map(|(i, l)| match l {
                    LayerConfig::Dense(d) => {
                        let l1 = d.kernel_regularizer.map_or(0.0, |r| r.l1);
                        Some(Change::new(
                            format!("model.layers[{i}].kernel_regularizer"),
                            json!({"l1": short(l1), "l2": short(L2)}),
                        ))
                    }
                    _ => None,
                })
                .collect(),
        ),
        Action::MoreUnits | Action::FewerUnits => some(
            hidden_dense(exp)
                .map(|(i, d)| {
                    let units = match action {
                        Action::MoreUnits => d
                            .units
                            .saturating_mul(2)
                            .min(crate::experiment::limits::MAX_UNITS),
                        _ => (d.units / 2).max(1),
                    };
                    Change::new(format!("model.layers[{i}].units"), units)
                })
                .collect(),
        ),
        Action::MoreLayers => {
            let (i, _) = hidden_dense(exp).last()?;
            let mut more = layers.clone();
            more.insert(i + 1, layers[i].clone());
            some(vec![Change::new("model.layers", layers_value(&more))])
        }
        Action::Dropout => {
            let mut more = Vec::new();
            for (i, l) in layers.iter().enumerate() {
                more.push(l.clone());
                let next_is_dropout = matches!(layers.get(i + 1), Some(LayerConfig::Dropout(_)));
                if hidden_dense(exp).any(|(j, _)| j == i) && !next_is_dropout {
                    more.push(LayerConfig::Dropout(crate::nn::dropout::DropoutConfig {
                        rate: 0.2,
                    }));
                }
            }
            (more.len() > layers.len())
                .then(|| vec![Change::new("model.layers", layers_value(&more))])
        }
        Action::LessDropout => {
            let fewer: Vec<LayerConfig> = layers
                .iter()
                .filter(|l| !matches!(l, LayerConfig::Dropout(_)))
                .cloned()
                .collect();
            (fewer.len() < layers.len())
                .then(|| vec![Change::new("model.layers", layers_value(&fewer))])
        }
        Action::MoreData => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn exp(text: &str) -> Experiment {
        Experiment::from_json(text).unwrap()
    }

    #[test]
    fn l2_goes_on_every_dense_layer_keeping_l1() {
        let e = exp(
            r#"{"model":{"layers":[{"type":"dense","units":16,"activation":"relu","kernel_regularizer":{"l1":0.5,"l2":0}},{"type":"dropout","rate":0.2},{"type":"dense","units":3,"activation":"softmax"}]}}"#,
        );
        assert_eq!(
            fix(Action::L2, &e),
            Some(vec![
                Change::new(
                    "model.layers[0].kernel_regularizer",
                    json!({"l1": 0.5, "l2": 0.001})
                ),
                Change::new(
                    "model.layers[2].kernel_regularizer",
                    json!({"l1": 0.0, "l2": 0.001})
                ),
            ])
        );
    }

    #[test]
    fn early_stopping_with_patience_5() {
        let f = fix(Action::EarlyStopping, &Experiment::default()).unwrap();
        assert_eq!(
            f,
            [Change::new(
                "fit.early_stopping",
                json!({"monitor": "val_loss", "patience": 5, "restore_best_weights": true})
            )]
        );
    }

    #[test]
    fn learning_rate_optimizer_and_scaling() {
        let e = Experiment::default(); // adam 0.01, standard scaling
        assert_eq!(
            fix(Action::LowerLearningRate, &e).unwrap(),
            [Change::new("compile.optimizer.learning_rate", 0.001)]
        );
        assert_eq!(
            fix(Action::RaiseLearningRate, &e).unwrap(),
            [Change::new("compile.optimizer.learning_rate", 0.03)]
        );
        assert_eq!(fix(Action::ChangeOptimizer, &e), None, "already adam");
        assert_eq!(fix(Action::ScaleData, &e), None, "already scaled");
        let sgd = exp(
            r#"{"data":{"scale":"none"},"compile":{"optimizer":{"type":"sgd","learning_rate":10}}}"#,
        );
        assert_eq!(
            fix(Action::LowerLearningRate, &sgd).unwrap(),
            [Change::new("compile.optimizer.learning_rate", 1.0)]
        );
        assert_eq!(
            fix(Action::ChangeOptimizer, &sgd).unwrap(),
            [Change::new("compile.optimizer", json!({"type": "adam"}))]
        );
        assert_eq!(
            fix(Action::ScaleData, &sgd).unwrap(),
            [Change::new("data.scale", "standard")]
        );
        assert_eq!(
            fix(Action::MoreEpochs, &sgd).unwrap(),
            [Change::new("fit.epochs", 200)]
        );
        assert_eq!(fix(Action::MoreData, &sgd), None);
    }

    #[test]
    fn layer_changes_touch_the_hidden_layers_only() {
        let e = Experiment::default(); // dense 16 relu, dense 3 softmax
        assert_eq!(
            fix(Action::MoreUnits, &e).unwrap(),
            [Change::new("model.layers[0].units", 32)]
        );
        assert_eq!(
            fix(Action::FewerUnits, &e).unwrap(),
            [Change::new("model.layers[0].units", 8)]
        );
        let dense16 = json!({"type": "dense", "units": 16, "activation": "relu"});
        let out = json!({"type": "dense", "units": 3, "activation": "softmax"});
        let drop = json!({"type": "dropout", "rate": 0.2});
        assert_eq!(
            fix(Action::Dropout, &e).unwrap(),
            [Change::new("model.layers", json!([dense16, drop, out]))]
        );
        assert_eq!(
            fix(Action::MoreLayers, &e).unwrap(),
            [Change::new("model.layers", json!([dense16, dense16, out]))]
        );
        assert_eq!(fix(Action::LessDropout, &e), None, "no dropout to remove");
        let with = exp(
            r#"{"model":{"layers":[{"type":"dense","units":16,"activation":"relu"},{"type":"dropout","rate":0.2},{"type":"dense","units":3,"activation":"softmax"}]}}"#,
        );
        assert_eq!(
            fix(Action::Dropout, &with),
            None,
            "already followed by dropout"
        );
        assert_eq!(
            fix(Action::LessDropout, &with).unwrap(),
            [Change::new("model.layers", json!([dense16, out]))]
        );
    }

    #[test]
    fn with_fixes_fills_every_suggestion() {
        let h: Vec<crate::train::EpochRecord> = vec![];
        let mut d = crate::optimize::diagnose(&h, None);
        d.suggestions.push(super::super::verdict::Suggestion {
            action: Action::L2,
            text: String::new(),
            fix: None,
        });
        let d = d.with_fixes(&Experiment::default());
        assert_eq!(d.suggestions[0].fix.as_ref().map(Vec::len), Some(2));
    }
}
