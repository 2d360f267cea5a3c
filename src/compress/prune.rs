//! Magnitude pruning: the smallest `sparsity` fraction (by |w|) of each kernel set to zero, then
//! a few epochs of fine-tuning on the experiment's training rows with the zeros held (the mask is
//! applied again after every batch). Biases are never pruned. The file stays f32 (its zeros
//! compress well, and `quantize` can follow).

use crate::data::Table;
use crate::error::{Error, Result};
use crate::io::quantization::is_kernel;
use crate::io::ModelFile;
use crate::nn::Sequential;
use crate::train::{EpochRecord, Session};

/// The most fine-tuning epochs `prune` runs.
pub const MAX_EPOCHS: usize = 1000;

/// A pruned model: the file (the original experiment and history; test metrics measured after
/// fine-tuning) and the fine-tuning epochs.
pub struct Pruned {
    pub file: ModelFile,
    pub history: Vec<EpochRecord>,
}

/// Prunes `file` (named `name`) to `sparsity` (0 ≤ s < 1) and fine-tunes it `epochs` epochs on
/// `table`, the data it was trained on (same split, so the test rows are the same).
pub fn prune(
    name: &str,
    file: &ModelFile,
    table: &Table,
    sparsity: f32,
    epochs: usize,
) -> Result<Pruned> {
    if !(0.0..1.0).contains(&sparsity) {
        return Err(Error::data(name, format!("sparsity {sparsity} is out of range; use a fraction from 0 to 0.99 (0.8 zeroes 80% of each kernel)")));
    }
    if epochs > MAX_EPOCHS {
        return Err(Error::data(
            name,
            format!("{epochs} fine-tuning epochs are too many; use 0 to {MAX_EPOCHS}"),
        ));
    }
    if file.quantization.is_some() {
        return Err(Error::data(
            name,
            "the model is quantised; prune the f32 model file, then quantise the pruned one",
        ));
    }
    let mut exp = file.experiment.clone();
    (exp.fit.epochs, exp.fit.early_stopping) = (epochs.max(1), None);
    let mut session = Session::new(exp, table)?;
    let weights: Vec<_> = file.weights.tensors.iter().map(|t| t.to_array()).collect();
    let model = session.model_mut();
    model
        .set_weights(&weights)
        .map_err(|e| Error::data(name, format!("weights: {e}")))?;
    let masks = masks(model, sparsity);
    apply(model, &masks);
    while epochs > 0 && !session.is_done() {
        session.step(1)?;
        apply(session.model_mut(), &masks);
    }
    let history = session.history().to_vec();
    let mut out = ModelFile::from_session(&mut session);
    out.experiment = file.experiment.clone();
    out.metrics.history = file.metrics.history.clone();
    Ok(Pruned { file: out, history })
}

/// Per parameter tensor (in `params()` order): for kernels, which entries stay (`true`): all
/// but the `floor(sparsity · len)` smallest by |w|, ties to the earlier entry.
fn masks(model: &Sequential, sparsity: f32) -> Vec<Option<Vec<bool>>> {
    let mut out = vec![];
    for layer in model.layers() {
        for (k, w) in layer.weights().iter().enumerate() {
            if !is_kernel(layer.kind(), k) {
                out.push(None);
                continue;
            }
            let mut order: Vec<usize> = (0..w.len()).collect();
            let values: Vec<f32> = w.iter().copied().collect();
            order.sort_by(|&a, &b| values[a].abs().total_cmp(&values[b].abs()).then(a.cmp(&b)));
            let cut = (sparsity as f64 * w.len() as f64).floor() as usize;
            let mut keep = vec![true; w.len()];
            order[..cut].iter().for_each(|&i| keep[i] = false);
            out.push(Some(keep));
        }
    }
    out
}

/// Zeroes every masked entry.
fn apply(model: &mut Sequential, masks: &[Option<Vec<bool>>]) {
    for (p, mask) in model.params().iter_mut().zip(masks) {
        if let Some(mask) = mask {
            let values = p.value.iter_mut();
            values
                .zip(mask)
                .filter(|(_, &keep)| !keep)
                .for_each(|(v, _)| *v = 0.0);
        }
    }
}

/// The fraction of kernel entries that are exactly zero.
pub fn sparsity(file: &ModelFile, model: &Sequential) -> f32 {
    let (mut zeros, mut total, mut t) = (0usize, 0usize, 0usize);
    for layer in model.layers() {
        let n = layer.weights().len();
        for k in (0..n).filter(|&k| is_kernel(layer.kind(), k)) {
            let a = file.weights.tensors[t + k].to_array();
            zeros += a.iter().filter(|v| **v == 0.0).count();
            total += a.len();
        }
        t += n;
    }
    zeros as f32 / total.max(1) as f32
}
