//! `--to pytorch`: `train_pytorch.py` (the experiment as a readable PyTorch script that runs
//! unchanged under `torchrun --nproc_per_node=N` with DistributedDataParallel; the layers, loss,
//! optimizer, seed and fit settings written out, the preprocessing read from
//! `preprocessing.json`) beside `weights.safetensors` (src/export/weights.rs).

use super::keras::default_loss;
use super::python::{self, py_float};
use crate::error::Result;
use crate::experiment::{LayerConfig, Loss, OptimizerConfig, Regularizer};
use crate::io::Model;

const TEMPLATE: &str = include_str!("python/train_pytorch.py");

/// The script for `model`; a layer without a PyTorch form is refused naming it.
pub fn script(model: &Model) -> Result<String> {
    let exp = &model.file.experiment;
    let shapes = model.layer_shapes();
    let mut input = model.input_shape();
    let mut layers = Vec::new();
    for (i, l) in exp.model.layers.iter().enumerate() {
        // The first layer reads the inputs' width from `input_shape` (it changes with --refit).
        let width = match i {
            0 => "input_shape[-1]".to_string(),
            _ => input.last().copied().unwrap_or(0).to_string(),
        };
        layers.push(format!("        {},  # layer {i}", layer(i, l, &width)?));
        input = shapes[i].clone();
    }
    let loss = exp
        .compile
        .loss
        .unwrap_or(default_loss(model.file.preprocessing.task));
    let early = exp.fit.early_stopping.as_ref();
    let mut values = python::common(exp);
    values.extend([
        ("LAYERS", layers.join("\n")),
        ("LOSS", loss_body(loss)),
        ("OPTIMIZER", optimizer(&exp.compile.optimizer)),
        (
            "PATIENCE",
            early.map_or("None".into(), |e| e.patience.to_string()),
        ),
        (
            "RESTORE_BEST",
            python::bool(early.is_some_and(|e| e.restore_best_weights)).into(),
        ),
    ]);
    Ok(python::fill(TEMPLATE, &values))
}

/// One module for Kindling layer `index`, whose input has `width` features or channels.
fn layer(index: usize, config: &LayerConfig, width: &str) -> Result<String> {
    let reg = |r: &Option<Regularizer>| match r {
        Some(r) => format!(", l1={}, l2={}", py_float(r.l1), py_float(r.l2)),
        None => String::new(),
    };
    #[allow(unreachable_patterns)] // layer types added later are refused by the last arm
    Ok(match config {
        LayerConfig::Dense(d) => format!(
            "Dense({width}, {}, {:?}, use_bias={}{})",
            d.units,
            python::name(&d.activation),
            python::bool(d.use_bias),
            reg(&d.kernel_regularizer)
        ),
        LayerConfig::Dropout(d) => format!("nn.Dropout({})", py_float(d.rate)),
        LayerConfig::Lstm(l) => format!(
            "Recurrent(\"lstm\", {width}, {}, return_sequences={}{})",
            l.units,
            python::bool(l.return_sequences),
            reg(&l.kernel_regularizer)
        ),
        LayerConfig::Gru(l) => format!(
            "Recurrent(\"gru\", {width}, {}, return_sequences={}{})",
            l.units,
            python::bool(l.return_sequences),
            reg(&l.kernel_regularizer)
        ),
        LayerConfig::Reshape(r) => format!("Reshape({})", python::tuple(&r.target_shape)),
        LayerConfig::Conv2d(c) => format!(
            "Conv2D({width}, {}, {}, {}, {:?}, {:?}, use_bias={}{})",
            c.filters,
            c.kernel_size,
            c.strides,
            python::name(&c.padding),
            python::name(&c.activation),
            python::bool(c.use_bias),
            reg(&c.kernel_regularizer)
        ),
        LayerConfig::MaxPool2d(p) => format!(
            "MaxPool2D({}, {})",
            p.pool_size,
            p.strides.unwrap_or(p.pool_size)
        ),
        LayerConfig::Flatten(_) => "Flatten()".into(),
        other => return Err(python::refused(index, other.kind(), "PyTorch")),
    })
}

/// The body of `loss_fn(p, y)` (`p` the model's outputs: probabilities for the
/// cross-entropies, clipped as Keras does).
fn loss_body(loss: Loss) -> String {
    match loss {
        Loss::Mse => "return F.mse_loss(p, y)".into(),
        Loss::Mae => "return F.l1_loss(p, y)".into(),
        Loss::Huber => format!(
            "return F.huber_loss(p, y, delta={})",
            py_float(crate::nn::loss::HUBER_DELTA)
        ),
        Loss::BinaryCrossentropy => "p = p.clamp(1e-7, 1 - 1e-7)\n    return -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()".into(),
        Loss::CategoricalCrossentropy => {
            "return -(y * torch.log(p.clamp(1e-7, 1.0))).sum(-1).mean()".into()
        }
    }
}

/// The torch optimizer with Kindling's settings (`gd` is SGD on the whole table at once).
fn optimizer(o: &OptimizerConfig) -> String {
    let params = "net.parameters()";
    match *o {
        OptimizerConfig::Gd { learning_rate } => {
            format!("torch.optim.SGD({params}, lr={})", py_float(learning_rate))
        }
        OptimizerConfig::Sgd {
            learning_rate,
            momentum,
            nesterov,
        } => format!(
            "torch.optim.SGD({params}, lr={}, momentum={}, nesterov={})",
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
            "torch.optim.Adam({params}, lr={}, betas=({}, {}), eps={})",
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
            "torch.optim.RMSprop({params}, lr={}, alpha={}, eps={})",
            py_float(learning_rate),
            py_float(rho),
            py_float(epsilon)
        ),
    }
}
