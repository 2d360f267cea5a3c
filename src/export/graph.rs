//! A small builder for an ONNX graph: named constants (initializers), nodes whose outputs get
//! fresh names, and the attributes the layers use. It writes `prost` messages from
//! [`super::onnx_pb`]; the protobuf encoding is prost's.

use super::onnx_pb::{
    attribute_proto::AttributeType, tensor_proto::DataType, AttributeProto, NodeProto, TensorProto,
};

/// The nodes and constants of a graph under construction, in the order they were added.
#[derive(Default)]
pub struct Graph {
    pub nodes: Vec<NodeProto>,
    pub initializers: Vec<TensorProto>,
    /// How many names were handed out (each name ends with its number, so none repeats).
    count: usize,
}

impl Graph {
    /// A fresh name starting with `hint` (`dense0_kernel_3`).
    pub fn name(&mut self, hint: &str) -> String {
        self.count += 1;
        format!("{hint}_{}", self.count)
    }

    /// A float constant of shape `shape` holding `data` row-major; returns its name.
    pub fn floats(&mut self, hint: &str, shape: &[usize], data: Vec<f32>) -> String {
        debug_assert_eq!(shape.iter().product::<usize>(), data.len());
        let name = self.name(hint);
        self.initializers.push(TensorProto {
            name: Some(name.clone()),
            dims: shape.iter().map(|&d| d as i64).collect(),
            data_type: Some(DataType::Float as i32),
            float_data: data,
            ..Default::default()
        });
        name
    }

    /// A 1-D int64 constant (shapes, axes); returns its name.
    pub fn ints(&mut self, hint: &str, data: &[i64]) -> String {
        let name = self.name(hint);
        self.initializers.push(TensorProto {
            name: Some(name.clone()),
            dims: vec![data.len() as i64],
            data_type: Some(DataType::Int64 as i32),
            int64_data: data.to_vec(),
            ..Default::default()
        });
        name
    }

    /// Adds node `op` on `inputs` with `outputs` output slots (`""` for one left unused is
    /// written by passing `None`); returns the names of its outputs.
    pub fn node_n(
        &mut self,
        op: &str,
        inputs: &[&str],
        outputs: &[bool],
        attributes: Vec<AttributeProto>,
    ) -> Vec<String> {
        let hint = op.to_ascii_lowercase();
        let names: Vec<String> = outputs
            .iter()
            .map(|&used| {
                if used {
                    self.name(&hint)
                } else {
                    String::new()
                }
            })
            .collect();
        let node_name = self.name(&format!("{hint}_node"));
        self.nodes.push(NodeProto {
            op_type: Some(op.to_string()),
            name: Some(node_name),
            input: inputs.iter().map(|s| s.to_string()).collect(),
            output: names.clone(),
            attribute: attributes,
            ..Default::default()
        });
        names
    }

    /// Adds node `op` with one output; returns its name.
    pub fn node(&mut self, op: &str, inputs: &[&str], attributes: Vec<AttributeProto>) -> String {
        self.node_n(op, inputs, &[true], attributes).remove(0)
    }

    /// Renames the last node's first output to `name` (the graph's declared output).
    pub fn rename_last_output(&mut self, from: &str, name: &str) {
        for node in self.nodes.iter_mut().rev() {
            if let Some(o) = node.output.iter_mut().find(|o| *o == from) {
                *o = name.to_string();
                return;
            }
        }
    }
}

/// An integer attribute.
pub fn int(name: &str, value: i64) -> AttributeProto {
    AttributeProto {
        name: Some(name.into()),
        r#type: Some(AttributeType::Int as i32),
        i: Some(value),
        ..Default::default()
    }
}

/// A list-of-integers attribute.
pub fn ints(name: &str, values: &[i64]) -> AttributeProto {
    AttributeProto {
        name: Some(name.into()),
        r#type: Some(AttributeType::Ints as i32),
        ints: values.to_vec(),
        ..Default::default()
    }
}

/// A float attribute.
pub fn float(name: &str, value: f32) -> AttributeProto {
    AttributeProto {
        name: Some(name.into()),
        r#type: Some(AttributeType::Float as i32),
        f: Some(value),
        ..Default::default()
    }
}

/// A string attribute.
pub fn string(name: &str, value: &str) -> AttributeProto {
    AttributeProto {
        name: Some(name.into()),
        r#type: Some(AttributeType::String as i32),
        s: Some(value.as_bytes().to_vec()),
        ..Default::default()
    }
}
