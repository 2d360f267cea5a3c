//! Contract 2, the model file: damaged, truncated, wrong-version and hostile files are refused
//! with messages that say where and what to do (a good file's round trip: tests/model_file.rs).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::model_file::{edited, iris_file, load_err, pop, Edit};
use serde_json::Value;

#[test]
fn wrong_format_and_version_say_so() {
    assert!(
        load_err(&edited(|v| v["format"] = "onnx".into())).contains("not a Kindling model file")
    );
    let e = load_err(&edited(|v| v["version"] = 3.into()));
    assert!(
        e.contains("version 3") && e.contains("reads versions 1 and 2"),
        "{e}"
    );
    assert!(load_err("[1,2]").contains("JSON object"));
}

#[test]
fn damaged_and_truncated_files_name_the_place() {
    let text = iris_file();
    let e = load_err(&text[..text.len() / 2]);
    assert!(e.contains("m.json") && e.contains("truncated"), "{e}");
    let e = load_err(&text.replacen("\"weights\":{", "\"weights\":{{", 1));
    assert!(e.contains("not valid JSON at line 1"), "{e}");
    assert_eq!(
        e.matches("line 1").count(),
        1,
        "the place is named once: {e}"
    );
    let e = load_err(&text.replacen("{", "{\"format\":\"x\",", 1));
    assert!(e.contains("\"format\" appears twice"), "{e}");
    let e = load_err(&edited(|v| pop(v, "/weights/tensors/0/data")));
    assert!(
        e.contains("weights.tensors[0] has shape [4, 16] but 63 values"),
        "{e}"
    );
    let e = load_err(&edited(|v| {
        v["weights"]["tensors"].as_array_mut().unwrap().truncate(3)
    }));
    assert!(e.contains("weights"), "{e}");
    let e = load_err(&edited(|v| {
        let t = &mut v["weights"]["tensors"][0];
        t["shape"] = serde_json::json!([16, 4]);
    }));
    assert!(
        e.contains("tensor 0 has shape [16, 4], the model needs [4, 16]"),
        "{e}"
    );
}

#[test]
fn hostile_files_are_refused() {
    // Huge layers: the experiment's range checks apply before anything is built.
    let e = load_err(&edited(|v| {
        v["experiment"]["model"]["layers"][0]["units"] = 100_000_000.into()
    }));
    assert!(
        e.contains("model.layers[0].units") && e.contains("out of range"),
        "{e}"
    );
    // In range but not what the weights hold: refused before allocating.
    let e = load_err(&edited(|v| {
        v["experiment"]["model"]["layers"][0]["units"] = 4096.into()
    }));
    assert!(e.contains("the layers need") && e.contains("hold"), "{e}");
    // __proto__ anywhere is an unknown key.
    let e =
        load_err(&iris_file().replacen("{\"format\"", "{\"__proto__\":{\"x\":1},\"format\"", 1));
    assert!(e.contains("__proto__"), "{e}");
    let e = load_err(&edited(|v| {
        v["preprocessing"]["steps"][3]["__proto__"] = Value::Null
    }));
    assert!(
        e.contains("preprocessing.steps[3]: unknown key \"__proto__\""),
        "{e}"
    );
    let e = load_err(&edited(|v| v["metrics"]["test"]["__proto__"] = 1.into()));
    assert!(e.contains("metrics.test: unknown key \"__proto__\""), "{e}");
    let e = load_err(&edited(|v| {
        v["metrics"]["history"][0]["__proto__"] = 1.into()
    }));
    assert!(
        e.contains("metrics.history[0]: unknown key \"__proto__\""),
        "{e}"
    );
    let e = load_err(&edited(|v| v["experiment"]["__proto__"] = 1.into()));
    assert!(e.contains("__proto__"), "{e}");
    // 1e999 does not parse; 1e39 overflows f32; null (how NaN is written) is not a number.
    let e = load_err(&iris_file().replacen("\"data\":[", "\"data\":[1e999,", 1));
    assert!(e.contains("number out of range"), "{e}");
    let text = edited(|v| v["weights"]["tensors"][1]["data"][0] = serde_json::json!(1e39));
    assert!(load_err(&text).contains("weights.tensors[1].data[0] is inf"));
    let e = load_err(&edited(|v| {
        v["preprocessing"]["steps"][1]["fill"][2] = Value::Null
    }));
    assert!(
        e.contains("preprocessing.steps[3]: feature 2 is still text"),
        "{e}"
    );
    let e = load_err(&edited(|v| {
        v["preprocessing"]["steps"][3]["factor"][0] = 0.into()
    }));
    assert!(e.contains("preprocessing.steps[3].factor[0] is 0"), "{e}");
    let e = load_err(&edited(|v| {
        v["preprocessing"]["classes"] = serde_json::json!(["only"])
    }));
    assert!(e.contains("2 to 4096 class names"), "{e}");
    let e = load_err(&edited(|v| pop(v, "/preprocessing/features")));
    assert!(
        e.contains("preprocessing.steps[1].fill has 4 values but there are 3 features"),
        "{e}"
    );
}

#[test]
fn hostile_pipeline_steps_are_refused_naming_the_step() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["preprocessing"]["steps"][1]["fill"][0] = serde_json::json!(1e39)),
            "preprocessing.steps[1].fill[0] is inf",
        ),
        (
            Box::new(|v| v["preprocessing"]["steps"][3]["offset"][2] = serde_json::json!(-1e39)),
            "preprocessing.steps[3].offset[2] is -inf",
        ),
        (
            Box::new(|v| pop(v, "/preprocessing/steps/3/factor")),
            "preprocessing.steps[3].factor has 3 values but there are 4 features",
        ),
        (
            Box::new(|v| v["preprocessing"]["steps"][2]["type"] = "pca".into()),
            "preprocessing.steps[2]: unknown step type \"pca\"",
        ),
        (
            Box::new(|v| {
                let s = v["preprocessing"]["steps"].as_array_mut().unwrap();
                s.swap(1, 3);
            }),
            "preprocessing.steps[2] (a one_hot step) cannot come after",
        ),
        (
            Box::new(|v| {
                v["preprocessing"]["steps"][2]["categories"][0] = serde_json::json!(["a"])
            }),
            "preprocessing.steps[2].categories[0] must list 1 to 1000 categories of a text feature",
        ),
        (
            Box::new(|v| {
                v["preprocessing"]["steps"][2]["lookback"] = 3.into();
            }),
            "preprocessing.steps[2]: unknown key \"lookback\"",
        ),
        (
            Box::new(|v| {
                let s = v["preprocessing"]["steps"].as_array_mut().unwrap();
                s.push(serde_json::json!({"type": "window", "lookback": 0, "horizon": 1}));
            }),
            "preprocessing.steps[4] must look back 1 to 1000 rows",
        ),
        (
            Box::new(|v| v["preprocessing"]["steps"][0]["__proto__"] = 1.into()),
            "preprocessing.steps[0]: unknown key \"__proto__\"",
        ),
    ];
    for (edit, needle) in cases {
        let e = load_err(&edited(edit));
        assert!(e.contains(needle), "{e:?} lacks {needle:?}");
    }
}
