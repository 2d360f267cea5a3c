//! The advice rules, in the order they are given: the output layer against the task and the loss,
//! then the layers. Layers are named from 1, as the layer editor and the core's build errors number them (`Layer 1`
//! is `model.layers[0]`; fixes name the JSON path). Each rule is a code, a sentence with its figures, and a fix.

use serde_json::{json, Value};

use super::{Advice, Change, DataSummary, Fix};
use crate::experiment::{Activation, Experiment, LayerConfig, Loss, Task};

/// A piece of advice with its figures (`(name, value)`, also interpolated by the caller).
fn advice(
    code: &'static str,
    message: String,
    params: &[(&'static str, Value)],
    fix: Option<Fix>,
) -> Advice {
    Advice {
        code,
        message,
        params: params.iter().cloned().collect(),
        fix,
    }
}

/// Sets the output layer's activation.
fn output_activation(last: usize, name: &str) -> Option<Fix> {
    Some(vec![Change::new(
        format!("model.layers[{last}].activation"),
        name,
    )])
}

/// Every piece of advice for `exp` on data described by `data`, in a fixed order.
pub fn advise(exp: &Experiment, data: &DataSummary) -> Vec<Advice> {
    let mut out = Vec::new();
    let layers = &exp.model.layers;
    let regression = data.task == Task::Regression;
    let loss = exp.compile.loss;
    let loss_name = loss.map(|l| super::short_json(&l));
    let loss_text = loss_name
        .as_ref()
        .and_then(Value::as_str)
        .unwrap_or_default();
    if let Some(i) = layers.len().checked_sub(1) {
        let k = i + 1;
        let n = json!(k);
        let act = match &layers[i] {
            LayerConfig::Dense(d) => Some(d.activation),
            _ => None,
        };
        if act == Some(Activation::Softmax) && regression {
            out.push(advice("softmax_regression", format!("Layer {k} (dense, the output) uses softmax, which gives class probabilities, but the task is regression; use a linear output"), &[("layer", n.clone())], output_activation(i, "linear")));
        }
        let errors = matches!(loss, Some(Loss::Mse | Loss::Mae | Loss::Huber));
        if act == Some(Activation::Softmax) && errors && !regression {
            let l = loss_name.clone().unwrap_or_default();
            out.push(advice("softmax_mse", format!("the output is softmax probabilities but the loss is {loss_text}; use categorical_crossentropy, the loss for probabilities"), &[("loss", l)], Some(vec![Change::new("compile.loss", "categorical_crossentropy")])));
        }
        let probabilities = matches!(
            loss,
            Some(Loss::BinaryCrossentropy | Loss::CategoricalCrossentropy)
        );
        if probabilities && regression {
            let l = loss_name.clone().unwrap_or_default();
            out.push(advice(
                "probability_loss",
                format!(
                    "the loss {loss_text} is for class probabilities but the task is regression; use mse"
                ),
                &[("loss", l)],
                Some(vec![Change::new("compile.loss", "mse")]),
            ));
        }
        match act {
            Some(a) if !regression && a != Activation::Softmax && a != Activation::Sigmoid => {
                out.push(advice("classifier_output", format!("Layer {k} (dense, the output) uses {} for classification; use softmax, which gives one probability per class", a.name()), &[("layer", n.clone()), ("activation", json!(a.name()))], output_activation(i, "softmax")));
            }
            Some(Activation::Sigmoid) if data.classes.is_some_and(|c| c >= 3) => {
                let c = data.classes.unwrap_or_default();
                out.push(advice("sigmoid_multiclass", format!("Layer {k} (dense, the output) uses sigmoid for {c} classes, scoring each class on its own; use softmax, which shares one probability among the classes"), &[("layer", n.clone()), ("classes", json!(c))], output_activation(i, "softmax")));
            }
            _ => {}
        }
        if matches!(layers[i], LayerConfig::Dropout(_)) && i > 0 {
            let kept = super::short_json(&layers[..i]);
            out.push(advice("last_dropout", format!("Layer {k} (dropout) is the output layer, so predictions are zeroed at random while training; end with a dense layer"), &[("layer", n)], Some(vec![Change::new("model.layers", kept)])));
        }
    }
    if exp.data.window.is_none() {
        let recurrent = layers
            .iter()
            .position(|l| matches!(l, LayerConfig::Lstm(_) | LayerConfig::Gru(_)));
        if let Some(i) = recurrent {
            let kind = layers[i].kind();
            let k = i + 1;
            out.push(advice("recurrent_no_window", format!("Layer {k} ({kind}) reads sequences but the data has no window; set data.window so each row becomes the last lookback steps of a series"), &[("layer", json!(k)), ("type", json!(kind))], Some(vec![Change::new("data.window", json!({"lookback": 10, "horizon": 1}))])));
        }
    }
    out
}
