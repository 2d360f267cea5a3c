//! Export (cargo feature `export`, native only: the CLI, never the page's wasm): a trained model
//! file as files other engines run. ONNX for serving anywhere (`model.onnx` + the fitted
//! preprocessing it leaves to the caller, `preprocessing.json`); Keras for training further
//! (`train_keras.py` + `weights.safetensors` + `preprocessing.json`); docs/CONTRACTS.md,
//! "`kindling export`".

mod graph;
mod keras;
mod layers;
pub mod onnx;
#[allow(clippy::all, missing_docs)]
mod onnx_pb;
mod python;
mod pytorch;
pub mod sample;
mod weights;

use serde_json::json;

use crate::data::step::FittedStep;
use crate::error::Result;
use crate::io::Model;

/// What to export to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Onnx,
    Keras,
    Pytorch,
}

impl Target {
    /// The names `kindling export --to` takes.
    pub const NAMES: &'static [&'static str] = &["onnx", "pytorch", "keras"];

    /// The target named `name`; the error lists the names.
    pub fn from_name(name: &str) -> std::result::Result<Self, String> {
        match name {
            "onnx" => Ok(Target::Onnx),
            "keras" => Ok(Target::Keras),
            "pytorch" => Ok(Target::Pytorch),
            _ => Err(format!(
                "--to: there is no export target {name:?}; choose one of {}",
                Self::NAMES.join(", ")
            )),
        }
    }
}

/// One exported file: its name inside the output directory and its bytes.
pub struct File {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// The files `target` consists of for `model`.
pub fn export(model: &Model, target: Target) -> Result<Vec<File>> {
    if model.file.quantization.is_some() {
        return Err(crate::error::Error::Model(
            "this model's weights are int8 (made by kindling quantize): export the float model it was quantised from".into(),
        ));
    }
    match target {
        Target::Onnx => Ok(vec![
            File {
                name: "model.onnx",
                bytes: onnx::to_onnx(model)?,
            },
            File {
                name: "preprocessing.json",
                bytes: preprocessing_json(model),
            },
        ]),
        Target::Keras => script_files("train_keras.py", keras::script(model)?, model),
        Target::Pytorch => script_files("train_pytorch.py", pytorch::script(model)?, model),
    }
}

/// A training script with the weights and the fitted preprocessing it reads.
fn script_files(name: &'static str, script: String, model: &Model) -> Result<Vec<File>> {
    Ok(vec![
        File {
            name,
            bytes: script.into_bytes(),
        },
        File {
            name: "weights.safetensors",
            bytes: weights::safetensors(model)?,
        },
        File {
            name: "preprocessing.json",
            bytes: preprocessing_json(model),
        },
    ])
}

/// `preprocessing.json` beside `model.onnx`: the graph's input and output, which fitted steps
/// the graph holds (`in_graph`), and the model file's whole fitted `preprocessing` (its steps
/// before `scale` turn raw CSV rows into the graph's input: fills, one-hot vocabularies, window).
fn preprocessing_json(model: &Model) -> Vec<u8> {
    let pre = &model.file.preprocessing;
    let mut input_shape = vec![json!("batch")];
    input_shape.extend(model.input_shape().into_iter().map(|d| json!(d)));
    let mut in_graph = Vec::new();
    if pre.scaler().is_some() {
        in_graph.push("steps.scale");
    }
    if pre
        .target_steps
        .iter()
        .any(|s| matches!(s, FittedStep::Scale(_)))
    {
        in_graph.push("target_steps.scale (inverse)");
    }
    let doc = json!({
        "format": "kindling-onnx-preprocessing",
        "version": 1,
        "model": "model.onnx",
        "input": {"name": onnx::INPUT, "shape": input_shape, "dtype": "float32", "names": pre.inputs},
        "output": {"name": onnx::OUTPUT, "shape": ["batch", pre.outputs()], "dtype": "float32",
                   "task": pre.task, "target": pre.target, "classes": pre.classes},
        "in_graph": in_graph,
        "preprocessing": pre,
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("preprocessing serialises");
    text.push('\n');
    text.into_bytes()
}
