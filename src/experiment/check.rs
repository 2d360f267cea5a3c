//! Range checks for an [`Experiment`](crate::experiment::Experiment): every error names the field.

use super::range::{finite_range, range};
use crate::error::{Error, Result};
use crate::experiment::{limits::*, Experiment, OptimizerConfig};

/// Validates everything `serde` cannot: ranges, non-empty lists, consistency.
pub fn validate(e: &Experiment) -> Result<()> {
    if e.version != 1 {
        return Err(Error::experiment(
            "version",
            format!(
                "version {} is not supported; this build reads version 1",
                e.version
            ),
        ));
    }
    range("seed", e.seed, 0, MAX_SEED)?;
    let d = &e.data;
    if !(d.source.starts_with("builtin:") || d.source.starts_with("file:")) {
        return Err(Error::experiment(
            "data.source",
            format!("{:?} must start with builtin: or file:", d.source),
        ));
    }
    finite_range("data.split.validation", d.split.validation, 0.0, 0.9)?;
    finite_range("data.split.test", d.split.test, 0.0, 0.9)?;
    if d.split.validation + d.split.test >= 0.95 {
        return Err(Error::experiment(
            "data.split",
            "validation + test leave no rows to train on; keep their sum below 0.95",
        ));
    }
    if d.features.is_some() && d.exclude.is_some() {
        return Err(Error::experiment(
            "data.exclude",
            "give data.features or data.exclude, not both",
        ));
    }
    if !d.kinds.is_null() {
        let kinds = d.kinds.as_object().ok_or_else(|| {
            Error::experiment(
                "data.column_kinds",
                "must be an object {\"COLUMN\": \"numeric\", \"categorical\" or \"text\"}",
            )
        })?;
        if let Some((name, _)) = kinds
            .iter()
            .find(|(_, k)| *k != "numeric" && *k != "categorical" && *k != "text")
        {
            return Err(Error::experiment(
                &format!("data.column_kinds.{name}"),
                "must be \"numeric\", \"categorical\" or \"text\"",
            ));
        }
    }
    super::TextConfig::read(&d.text)?;
    if let Some(w) = &d.window {
        range("data.window.lookback", w.lookback, 1, MAX_LOOKBACK)?;
        range("data.window.horizon", w.horizon, 1, MAX_HORIZON)?;
    }
    let task = d.task == crate::experiment::Task::Recommendation;
    let no_layers = e.model.layers.is_empty();
    super::recommend::validate(task, &d.recommend, &e.model.recommender, no_layers)?;
    let (_, difference) = d.transform.parts();
    match &d.window {
        None if !d.transform.is_none() => {
            return Err(Error::experiment(
                "data.transform",
                "transforms a time series; set data.window too, or remove data.transform",
            ))
        }
        Some(w) if difference && w.horizon != 1 => {
            return Err(Error::experiment(
                "data.transform",
                format!("differencing predicts the change from the last known value, so it needs data.window.horizon 1 (it is {}); set the horizon to 1 or pick \"log\"", w.horizon),
            ))
        }
        _ => {}
    }
    validate_layers(e)?;
    validate_optimizer(&e.compile.optimizer)?;
    range("fit.epochs", e.fit.epochs, 1, MAX_EPOCHS)?;
    range("fit.batch_size", e.fit.batch_size, 1, MAX_BATCH)?;
    if let Some(es) = &e.fit.early_stopping {
        if es.monitor != "val_loss" && es.monitor != "loss" {
            return Err(Error::experiment(
                "fit.early_stopping.monitor",
                format!(
                    "{:?} is not monitored; use \"val_loss\" or \"loss\"",
                    es.monitor
                ),
            ));
        }
        range("fit.early_stopping.patience", es.patience, 0, MAX_EPOCHS)?;
    }
    Ok(())
}

fn validate_layers(e: &Experiment) -> Result<()> {
    let layers = &e.model.layers;
    if layers.is_empty() && e.model.recommender.is_none() {
        return Err(Error::experiment(
            "model.layers",
            "the model has no layers; add at least one dense layer",
        ));
    }
    let least = usize::from(e.model.recommender.is_none());
    range("model.layers (count)", layers.len(), least, MAX_LAYERS)?;
    for (i, layer) in layers.iter().enumerate() {
        layer.check(&format!("model.layers[{i}]"))?;
    }
    Ok(())
}

fn validate_optimizer(o: &OptimizerConfig) -> Result<()> {
    finite_range(
        "compile.optimizer.learning_rate",
        o.learning_rate() as f64,
        1e-7,
        10.0,
    )?;
    match o {
        OptimizerConfig::Sgd { momentum, .. } => {
            finite_range("compile.optimizer.momentum", *momentum as f64, 0.0, 0.999)
        }
        OptimizerConfig::Adam {
            beta_1,
            beta_2,
            epsilon,
            ..
        } => {
            finite_range("compile.optimizer.beta_1", *beta_1 as f64, 0.0, 0.9999)?;
            finite_range("compile.optimizer.beta_2", *beta_2 as f64, 0.0, 0.99999)?;
            finite_range("compile.optimizer.epsilon", *epsilon as f64, 1e-12, 1.0)
        }
        OptimizerConfig::Rmsprop { rho, epsilon, .. } => {
            finite_range("compile.optimizer.rho", *rho as f64, 0.0, 0.9999)?;
            finite_range("compile.optimizer.epsilon", *epsilon as f64, 1e-12, 1.0)
        }
        OptimizerConfig::Gd { .. } => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use crate::experiment::*;
    use crate::nn::{conv2d::Conv2dConfig, dense::DenseConfig};

    #[test]
    fn the_architecture_example_parses() {
        let text = r#"{"version":1,"seed":42,"data":{"source":"builtin:iris","target":"species","features":null,
          "task":"auto","missing":"mean","scale":"standard","split":{"method":"stratified","validation":0.1,"test":0.2},
          "window":null},"model":{"layers":[{"type":"dense","units":16,"activation":"relu"},{"type":"dropout","rate":0.1},
          {"type":"dense","units":3,"activation":"softmax"}]},"compile":{"loss":"categorical_crossentropy",
          "optimizer":{"type":"adam","learning_rate":0.01},"metrics":["accuracy"]},"fit":{"epochs":100,"batch_size":32,
          "early_stopping":{"monitor":"val_loss","patience":10,"restore_best_weights":true}}}"#;
        let e = Experiment::from_json(text).unwrap();
        assert_eq!(e.model.layers.len(), 3);
        assert_eq!(e.compile.loss, Some(Loss::CategoricalCrossentropy));
        assert_eq!(
            Experiment::from_json(&e.to_json()).unwrap(),
            e,
            "round trip"
        );
    }

    #[test]
    fn unknown_keys_are_named_with_their_path() {
        let err = Experiment::from_json(r#"{"data":{"split":{"tset":0.2}}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("data.split") && err.contains("tset"), "{err}");
        let err = Experiment::from_json(
            r#"{"model":{"layers":[{"type":"dense","units":3,"activaton":"relu"}]}}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("model.layers[0]") && err.contains("activaton"),
            "{err}"
        );
        let err = Experiment::from_json(r#"{"sead":1}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("sead"), "{err}");
        let err = Experiment::from_json(r#"{"fit":{"epochs":5,"epochs":50}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"epochs\" appears twice"), "{err}");
    }

    #[test]
    fn numbers_are_range_checked() {
        let err =
            Experiment::from_json(r#"{"model":{"layers":[{"type":"dense","units":100000000}]}}"#)
                .unwrap_err();
        assert!(err.to_string().contains("model.layers[0].units"), "{err}");
        let err = Experiment::from_json(r#"{"fit":{"epochs":0}}"#).unwrap_err();
        assert!(err.to_string().contains("fit.epochs"), "{err}");
        let err = Experiment::from_json(r#"{"data":{"split":{"validation":0.5,"test":0.5}}}"#)
            .unwrap_err();
        assert!(err.to_string().contains("data.split"), "{err}");
        let err = Experiment::from_json(
            r#"{"compile":{"optimizer":{"type":"adam","learning_rate":-1}}}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("learning_rate"), "{err}");
    }

    #[test]
    fn defaults_fill_missing_keys() {
        let e = Experiment::from_json("{}").unwrap();
        assert_eq!(e, Experiment::default());
    }

    #[test]
    fn recurrent_layers_and_regularizers_parse_and_are_checked() {
        let e = Experiment::from_json(
            r#"{"model":{"layers":[{"type":"gru","units":8,"return_sequences":true},
              {"type":"lstm","units":4,"kernel_regularizer":{"l2":0.01}},
              {"type":"dense","units":1,"use_bias":false,"kernel_regularizer":{"l1":0.001,"l2":0.002}}]}}"#,
        )
        .unwrap();
        assert_eq!(
            e.model.layers[2],
            LayerConfig::Dense(DenseConfig {
                units: 1,
                activation: Activation::Linear,
                use_bias: false,
                kernel_regularizer: Some(Regularizer {
                    l1: 0.001,
                    l2: 0.002
                }),
            })
        );
        assert_eq!(
            Experiment::from_json(&e.to_json()).unwrap(),
            e,
            "round trip"
        );
        let err = Experiment::from_json(
            r#"{"model":{"layers":[{"type":"lstm","units":4,"kernel_regularizer":{"l2":-1}}]}}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("model.layers[0].kernel_regularizer.l2"),
            "{err}"
        );
        let err = Experiment::from_json(
            r#"{"model":{"layers":[{"type":"dense","units":4,"kernel_regularizer":{"l3":1}}]}}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("l3"), "{err}");
    }

    #[test]
    fn conv_layers_parse_with_keras_defaults_and_are_checked() {
        let e = Experiment::from_json(
            r#"{"model":{"layers":[{"type":"reshape","target_shape":[8,8,1]},
              {"type":"conv2d","filters":8,"kernel_size":3},{"type":"max_pool2d","pool_size":2},
              {"type":"flatten"},{"type":"dense","units":10,"activation":"softmax"}]}}"#,
        )
        .unwrap();
        let conv = LayerConfig::Conv2d(Conv2dConfig {
            filters: 8,
            kernel_size: 3,
            strides: 1,
            padding: Padding::Valid,
            activation: Activation::Linear,
            use_bias: true,
            kernel_regularizer: None,
        });
        assert_eq!(e.model.layers[1], conv);
        let json = serde_json::to_string(&e.model.layers).unwrap();
        assert!(json.contains(r#"{"type":"conv2d","filters":8,"kernel_size":3,"strides":1,"padding":"valid","activation":"linear"}"#), "{json}");
        assert!(
            json.contains(r#"{"type":"max_pool2d","pool_size":2},{"type":"flatten"}"#),
            "{json}"
        );
        assert_eq!(
            Experiment::from_json(&e.to_json()).unwrap(),
            e,
            "round trip"
        );
        let bad = |layer: &str| {
            Experiment::from_json(&format!(r#"{{"model":{{"layers":[{layer}]}}}}"#))
                .unwrap_err()
                .to_string()
        };
        let err = bad(r#"{"type":"conv2d","filters":0,"kernel_size":3}"#);
        assert!(
            err.contains("model.layers[0].filters: 0 is out of range"),
            "{err}"
        );
        let err = bad(r#"{"type":"conv2d","filters":2,"kernel_size":3,"padding":"full"}"#);
        assert!(
            err.contains("model.layers[0]") && err.contains("full"),
            "{err}"
        );
        let err = bad(r#"{"type":"conv2d","filters":2,"kernel_size":3,"strides":0}"#);
        assert!(err.contains("model.layers[0].strides"), "{err}");
        let err = bad(r#"{"type":"max_pool2d","pool_size":2,"strides":100}"#);
        assert!(err.contains("model.layers[0].strides"), "{err}");
        let err = bad(r#"{"type":"reshape","target_shape":[8,0,1]}"#);
        assert!(err.contains("model.layers[0].target_shape[1]"), "{err}");
        let err = bad(r#"{"type":"reshape","target_shape":[]}"#);
        assert!(
            err.contains("model.layers[0].target_shape (length)"),
            "{err}"
        );
        let err = bad(r#"{"type":"flatten","units":3}"#);
        assert!(err.contains("units"), "{err}");
    }
}
