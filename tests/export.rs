//! `kindling::export` on a model trained here: the ONNX protobuf decodes with the graph the
//! contract names (docs/CONTRACTS.md, "`kindling export`"), the scripts carry the experiment's
//! settings, and the safetensors header names every tensor with its shape.
#![cfg(feature = "export")]

use kindling::data::read_csv;
use kindling::experiment::Experiment;
use kindling::export::{export, Target};
use kindling::io::Model;
use kindling::train::Session;

fn model(json: &str) -> Model {
    let table = read_csv("iris", kindling::data::builtin::bytes("iris").unwrap()).unwrap();
    let mut session = Session::new(Experiment::from_json(json).unwrap(), &table).unwrap();
    while !session.is_done() {
        session.step(100).unwrap();
    }
    Model::from_session(&mut session)
}

const IRIS: &str = r#"{"seed": 1, "model": {"layers": [
    {"type": "dense", "units": 5, "activation": "leaky_relu"},
    {"type": "dropout", "rate": 0.1},
    {"type": "dense", "units": 3, "activation": "softmax"}]},
  "compile": {"optimizer": {"type": "rmsprop", "learning_rate": 0.01}},
  "fit": {"epochs": 2, "batch_size": 8,
          "early_stopping": {"monitor": "val_loss", "patience": 3, "restore_best_weights": true}}}"#;

#[test]
fn onnx_holds_the_scaling_and_the_layers_in_order() {
    let m = model(IRIS);
    let proto = kindling::export::onnx::model_proto(&m).unwrap();
    assert_eq!(proto.ir_version, Some(8));
    assert_eq!(proto.opset_import[0].version, Some(17));
    let graph = proto.graph.unwrap();
    let ops: Vec<&str> = graph
        .node
        .iter()
        .map(|n| n.op_type.as_deref().unwrap())
        .collect();
    assert_eq!(
        ops,
        [
            "Sub",
            "Div",
            "MatMul",
            "Add",
            "LeakyRelu",
            "MatMul",
            "Add",
            "Softmax"
        ]
    );
    assert_eq!(graph.node.last().unwrap().output, ["output"]);
    assert_eq!(graph.input[0].name.as_deref(), Some("input"));
    let scaler = m.file.preprocessing.scaler().unwrap();
    assert_eq!(graph.initializer[0].float_data, scaler.offset);
    assert_eq!(graph.initializer[1].float_data, scaler.factor);
    assert_eq!(graph.initializer[2].dims, [4, 5]);
    assert_eq!(
        graph.initializer[2].float_data,
        m.file.weights.tensors[0].data
    );
}

#[test]
fn scripts_carry_the_settings_and_safetensors_names_every_tensor() {
    let m = model(IRIS);
    let files = export(&m, Target::Keras).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name).collect();
    assert_eq!(
        names,
        [
            "train_keras.py",
            "weights.safetensors",
            "preprocessing.json"
        ]
    );
    let keras = String::from_utf8(files[0].bytes.clone()).unwrap();
    for line in [
        "SEED = 1\n",
        "        keras.layers.Dense(5, activation=leaky_relu, use_bias=True),  # layer 0\n",
        "        keras.layers.Dropout(0.1),  # layer 1\n",
        "        optimizer=keras.optimizers.RMSprop(learning_rate=0.01, rho=0.9, epsilon=1e-7),\n",
        "callbacks=[keras.callbacks.EarlyStopping(monitor=\"val_loss\", patience=3, restore_best_weights=True)]",
    ] {
        assert!(keras.contains(line), "train_keras.py lacks {line:?}");
    }
    let st = &files[1].bytes;
    let len = u64::from_le_bytes(st[..8].try_into().unwrap()) as usize;
    let header: serde_json::Value = serde_json::from_slice(&st[8..8 + len]).unwrap();
    assert_eq!(
        header["layers.0.kernel"]["shape"],
        serde_json::json!([4, 5])
    );
    assert_eq!(header["layers.2.bias"]["dtype"], "F32");
    assert_eq!(st.len(), 8 + len + 4 * (4 * 5 + 5 + 5 * 3 + 3));
    let torch = export(&m, Target::Pytorch).unwrap();
    let script = String::from_utf8(torch[0].bytes.clone()).unwrap();
    assert!(script.contains(
        "        Dense(input_shape[-1], 5, \"leaky_relu\", use_bias=True),  # layer 0\n"
    ));
    assert!(script.contains(
        "optimizer = torch.optim.RMSprop(net.parameters(), lr=0.01, alpha=0.9, eps=1e-7)"
    ));
    assert!(script.contains("patience = 3 "));
}

#[test]
fn an_int8_model_is_refused_naming_what_to_export_instead() {
    let float = model(IRIS);
    let small = kindling::compress::quantize::quantize("iris", &float.file).unwrap();
    let small = Model::from_file("small.json", small).unwrap();
    for target in [Target::Onnx, Target::Keras, Target::Pytorch] {
        let Err(e) = export(&small, target) else {
            panic!("an int8 model exported")
        };
        assert!(
            e.to_string().contains("int8") && e.to_string().contains("float model"),
            "{e}"
        );
    }
}
