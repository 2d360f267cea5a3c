//! A trained model as an ONNX model (opset 17): the fitted scaling, the layers, and for a
//! regression the target's scaling undone, so the graph takes the model's inputs in their own
//! units and answers in the target's (docs/CONTRACTS.md, "Export").
//!
//! # Shapes
//! input `input` `[batch, inputs]` (or `[batch, lookback, inputs]` for a window), float32, in
//! `preprocessing.inputs` order, one-hot columns already encoded and gaps already filled (the
//! fitted values are in `preprocessing.json`) → output `output` `[batch, outputs]` float32:
//! class probabilities in `classes` order, or the regression value in the target's units.

use prost::Message;

use super::graph::Graph;
use super::layers::layer;
use super::onnx_pb::{
    tensor_proto::DataType, tensor_shape_proto::dimension::Value as Dim,
    tensor_shape_proto::Dimension, type_proto, GraphProto, ModelProto, OperatorSetIdProto,
    StringStringEntryProto, TensorShapeProto, TypeProto, ValueInfoProto,
};
use crate::data::step::FittedStep;
use crate::error::{Error, Result};
use crate::io::Model;

/// The ONNX operator set the graph is written for.
pub const OPSET: i64 = 17;
/// The ONNX IR version that goes with [`OPSET`].
pub const IR_VERSION: i64 = 8;
/// The graph's input and output names.
pub const INPUT: &str = "input";
pub const OUTPUT: &str = "output";

/// The model as ONNX protobuf bytes; a layer without an ONNX form is refused naming it.
pub fn to_onnx(model: &Model) -> Result<Vec<u8>> {
    Ok(model_proto(model)?.encode_to_vec())
}

/// The model as an ONNX `ModelProto`.
pub fn model_proto(model: &Model) -> Result<ModelProto> {
    let (file, pre) = (&model.file, &model.file.preprocessing);
    let mut shape = model.input_shape();
    let mut g = Graph::default();
    let mut x = INPUT.to_string();
    if let Some(s) = pre.scaler() {
        let n = s.offset.len();
        let offset = g.floats("scale_offset", &[n], s.offset.clone());
        let factor = g.floats("scale_factor", &[n], s.factor.clone());
        let centred = g.node("Sub", &[&x, &offset], vec![]);
        x = g.node("Div", &[&centred, &factor], vec![]);
    }
    let mut weights = file.weights.tensors.iter();
    let outputs = model.layer_shapes();
    for (i, config) in file.experiment.model.layers.iter().enumerate() {
        x = layer(&mut g, i, config, &x, &shape, &mut weights)?;
        shape = outputs[i].clone();
    }
    for step in pre.target_steps.iter().rev() {
        if let FittedStep::Scale(s) = step {
            let factor = g.floats("target_factor", &[s.factor.len()], s.factor.clone());
            let offset = g.floats("target_offset", &[s.offset.len()], s.offset.clone());
            let scaled = g.node("Mul", &[&x, &factor], vec![]);
            x = g.node("Add", &[&scaled, &offset], vec![]);
        }
    }
    if x == INPUT {
        x = g.node("Identity", &[&x], vec![]);
    }
    g.rename_last_output(&x, OUTPUT);
    if g.nodes.last().map(|n| n.output.iter().any(|o| o == OUTPUT)) != Some(true) {
        return Err(Error::Model(
            "the exported graph does not end in its output; this is a bug".into(),
        ));
    }
    let mut input_dims = vec![Dim::DimParam("batch".into())];
    input_dims.extend(model.input_shape().iter().map(|&d| Dim::DimValue(d as i64)));
    let output_dims = vec![
        Dim::DimParam("batch".into()),
        Dim::DimValue(pre.outputs() as i64),
    ];
    let graph = GraphProto {
        name: Some("kindling".into()),
        node: g.nodes,
        initializer: g.initializers,
        input: vec![value_info(INPUT, input_dims)],
        output: vec![value_info(OUTPUT, output_dims)],
        doc_string: Some(format!(
            "Kindling model: inputs {:?} → {}",
            pre.inputs,
            match &pre.classes {
                Some(c) => format!("probabilities of {c:?}"),
                None => format!("{} in its units", pre.target),
            }
        )),
        ..Default::default()
    };
    let meta = |k: &str, v: String| StringStringEntryProto {
        key: Some(k.into()),
        value: Some(v),
    };
    Ok(ModelProto {
        ir_version: Some(IR_VERSION),
        opset_import: vec![OperatorSetIdProto {
            domain: Some(String::new()),
            version: Some(OPSET),
        }],
        producer_name: Some("kindling".into()),
        producer_version: Some(env!("CARGO_PKG_VERSION").into()),
        graph: Some(graph),
        metadata_props: vec![
            meta(
                "kindling.inputs",
                serde_json::to_string(&pre.inputs).expect("names serialise"),
            ),
            meta("kindling.target", pre.target.clone()),
            meta(
                "kindling.classes",
                serde_json::to_string(&pre.classes).expect("names serialise"),
            ),
        ],
        ..Default::default()
    })
}

/// A float32 tensor value named `name` with dimensions `dims`.
fn value_info(name: &str, dims: Vec<Dim>) -> ValueInfoProto {
    ValueInfoProto {
        name: Some(name.into()),
        r#type: Some(TypeProto {
            value: Some(type_proto::Value::TensorType(type_proto::Tensor {
                elem_type: Some(DataType::Float as i32),
                shape: Some(TensorShapeProto {
                    dim: dims
                        .into_iter()
                        .map(|v| Dimension {
                            value: Some(v),
                            ..Default::default()
                        })
                        .collect(),
                }),
            })),
            ..Default::default()
        }),
        ..Default::default()
    }
}
