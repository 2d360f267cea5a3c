//! `--to keras`: `train_keras.py` (the experiment as a readable Keras 3 script: the layers,
//! loss, optimizer, seed and fit settings written out; the preprocessing read from
//! `preprocessing.json`) beside `weights.safetensors` (src/export/weights.rs).

use super::python::{self, py_float};
use crate::error::Result;
use crate::experiment::{Activation, LayerConfig, Loss, OptimizerConfig, Task};
use crate::io::Model;

const TEMPLATE: &str = include_str!("python/train_keras.py");

/// The script for `model`; a layer without a Keras form is refused naming it.
pub fn script(model: &Model) -> Result<String> {
    let exp = &model.file.experiment;
    let layers = exp
        .model
        .layers
        .iter()
        .enumerate()
        .map(|(i, l)| layer(i, l).map(|code| format!("        {code},  # layer {i}")))
        .collect::<Result<Vec<_>>>()?;
    let task = model.file.preprocessing.task;
    let metrics = if task == Task::Classification {
        "[\"accuracy\"]"
    } else {
        "[]"
    };
    let callbacks = match &exp.fit.early_stopping {
        Some(e) => format!(
            "[keras.callbacks.EarlyStopping(monitor={:?}, patience={}, restore_best_weights={})]",
            e.monitor,
            e.patience,
            python::bool(e.restore_best_weights)
        ),
        None => "[]".into(),
    };
    let mut values = python::common(exp);
    values.extend([
        ("LAYERS", layers.join("\n")),
        ("LOSS", loss(exp.compile.loss.unwrap_or(default_loss(task)))),
        ("OPTIMIZER", optimizer(&exp.compile.optimizer)),
        ("METRICS", metrics.into()),
        ("CALLBACKS", callbacks),
    ]);
    Ok(python::fill(TEMPLATE, &values))
}

/// The loss Kindling picks when `compile.loss` is `null`.
pub fn default_loss(task: Task) -> Loss {
    match task {
        Task::Classification => Loss::CategoricalCrossentropy,
        _ => Loss::Mse,
    }
}

/// One Keras layer constructor for Kindling layer `index`.
fn layer(index: usize, config: &LayerConfig) -> Result<String> {
    let reg = |r: &Option<crate::experiment::Regularizer>| match r {
        Some(r) => format!(
            ", kernel_regularizer=keras.regularizers.L1L2(l1={}, l2={})",
            py_float(r.l1),
            py_float(r.l2)
        ),
        None => String::new(),
    };
    #[allow(unreachable_patterns)] // layer types added later are refused by the last arm
    Ok(match config {
        LayerConfig::Dense(d) => format!(
            "keras.layers.Dense({}, activation={}, use_bias={}{})",
            d.units,
            activation(d.activation),
            python::bool(d.use_bias),
            reg(&d.kernel_regularizer)
        ),
        LayerConfig::Dropout(d) => format!("keras.layers.Dropout({})", py_float(d.rate)),
        LayerConfig::Lstm(l) => format!(
            "keras.layers.LSTM({}, return_sequences={}{})",
            l.units,
            python::bool(l.return_sequences),
            reg(&l.kernel_regularizer)
        ),
        LayerConfig::Gru(l) => format!(
            "keras.layers.GRU({}, return_sequences={}, reset_after=True{})",
            l.units,
            python::bool(l.return_sequences),
            reg(&l.kernel_regularizer)
        ),
        LayerConfig::Reshape(r) => {
            format!("keras.layers.Reshape({})", python::tuple(&r.target_shape))
        }
        LayerConfig::Conv2d(c) => format!(
            "keras.layers.Conv2D({}, {}, strides={}, padding={:?}, activation={}, use_bias={}{})",
            c.filters,
            c.kernel_size,
            c.strides,
            python::name(&c.padding),
            activation(c.activation),
            python::bool(c.use_bias),
            reg(&c.kernel_regularizer)
        ),
        LayerConfig::MaxPool2d(p) => format!(
            "keras.layers.MaxPooling2D({}, strides={})",
            p.pool_size,
            p.strides.unwrap_or(p.pool_size)
        ),
        LayerConfig::Flatten(_) => "keras.layers.Flatten()".into(),
        other => return Err(python::refused(index, other.kind(), "Keras")),
    })
}

/// A Keras activation argument (`leaky_relu` with Kindling's slope 0.01, not Keras's 0.2).
fn activation(a: Activation) -> String {
    match a {
        Activation::LeakyRelu => "leaky_relu".into(),
        other => format!("{:?}", python::name(&other)),
    }
}

/// The Keras loss for `loss` (Huber with Kindling's delta).
fn loss(loss: Loss) -> String {
    match loss {
        Loss::Huber => format!(
            "keras.losses.Huber(delta={})",
            py_float(crate::nn::loss::HUBER_DELTA)
        ),
        other => format!("{:?}", python::name(&other)),
    }
}

/// The Keras optimizer with Kindling's settings (`gd` is SGD on the whole table at once).
fn optimizer(o: &OptimizerConfig) -> String {
    match *o {
        OptimizerConfig::Gd { learning_rate } => {
            format!(
                "keras.optimizers.SGD(learning_rate={})",
                py_float(learning_rate)
            )
        }
        OptimizerConfig::Sgd {
            learning_rate,
            momentum,
            nesterov,
        } => format!(
            "keras.optimizers.SGD(learning_rate={}, momentum={}, nesterov={})",
            py_float(learning_rate),
            py_float(momentum),
            python::bool(nesterov)
        ),
        OptimizerConfig::Adam {
            learning_rate,
            beta_1,
            beta_2,
            epsilon,
        } => format!(
            "keras.optimizers.Adam(learning_rate={}, beta_1={}, beta_2={}, epsilon={})",
            py_float(learning_rate),
            py_float(beta_1),
            py_float(beta_2),
            py_float(epsilon)
        ),
        OptimizerConfig::Rmsprop {
            learning_rate,
            rho,
            epsilon,
        } => format!(
            "keras.optimizers.RMSprop(learning_rate={}, rho={}, epsilon={})",
            py_float(learning_rate),
            py_float(rho),
            py_float(epsilon)
        ),
    }
}
