//! Version-1 model files (tests/fixtures/models/*_v1.json, written by main's `kindling train
//! --out` at 506c2b7, before the pipeline of fitted steps) still load, predict exactly what main
//! predicted (its output is committed next to them), are checked with the messages they always
//! had, and re-save as version 2.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use kindling::data::read_csv;
use kindling::io::{Model, ModelFile};
use serde_json::Value;

/// An edit of a model file's JSON.
type Edit = Box<dyn Fn(&mut Value)>;

const DIR: &str = "tests/fixtures/models";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap()
}

#[test]
fn kindling_predict_on_version_1_files_prints_what_main_printed() {
    // The commands main ran, in the fixtures' folder.
    for (model, data, want) in [
        ("iris_v1.json", "iris_new.csv", "iris_v1.predictions"),
        (
            "sunspots_v1.json",
            "../../../www/data/sunspots.csv",
            "sunspots_v1.predictions",
        ),
    ] {
        let run = Command::new(env!("CARGO_BIN_EXE_kindling"))
            .args(["predict", model, data])
            .current_dir(DIR)
            .output()
            .unwrap();
        let (out, err) = (
            String::from_utf8(run.stdout).unwrap(),
            String::from_utf8(run.stderr).unwrap(),
        );
        assert!(run.status.success(), "{model}: {err}");
        assert_eq!(out, fixture(&format!("{want}.csv")), "{model}: stdout");
        let main_err = std::fs::read_to_string(format!("{DIR}/{want}.stderr")).unwrap_or_default();
        assert_eq!(err, main_err, "{model}: stderr");
    }
}

#[test]
fn version_1_files_resave_as_version_2_and_predict_the_same_bits() {
    for (model, data) in [
        ("iris_v1.json", format!("{DIR}/iris_new.csv")),
        ("sunspots_v1.json", "www/data/sunspots.csv".to_string()),
    ] {
        let v1 = Model::from_json(model, &fixture(model)).unwrap();
        let text = v1.file.to_json();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["version"], 2, "{model}");
        let pre = &v["preprocessing"];
        let kinds: Vec<&str> = (pre["steps"].as_array().unwrap().iter())
            .map(|s| s["type"].as_str().unwrap())
            .collect();
        let old: Value = serde_json::from_str(&fixture(model)).unwrap();
        let window = old["preprocessing"]["window"].is_object();
        let mut want = vec!["select", "impute", "one_hot", "scale"];
        want.extend(window.then_some("window"));
        assert_eq!(kinds, want, "{model}");
        for key in [
            "features", "inputs", "target", "task", "classes", "order_by",
        ] {
            assert_eq!(pre[key], old["preprocessing"][key], "{model}: {key}");
        }
        assert!(pre.get("encoders").is_none() && pre.get("scaler").is_none());
        let mut v2 = Model::from_json(model, &text).unwrap();
        assert_eq!(v2.card(), v1.card(), "{model}");
        let bytes = std::fs::read(&data).unwrap();
        let table = read_csv("data.csv", &bytes).unwrap();
        let bits = |m: &mut Model| {
            let p = m.predict(&table).unwrap();
            let v: Vec<u32> = p.values.iter().flatten().map(|x| x.to_bits()).collect();
            (v, p.rows, p.warnings)
        };
        let mut v1 = v1;
        assert_eq!(bits(&mut v1), bits(&mut v2), "{model}");
        // Re-saving the re-read file changes nothing.
        assert_eq!(v2.file.to_json(), text);
    }
}

#[test]
fn version_1_checks_name_version_1_keys() {
    let edited = |f: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&fixture("iris_v1.json")).unwrap();
        f(&mut v);
        v.to_string()
    };
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["preprocessing"]["scaler"]["__proto__"] = Value::Null),
            "preprocessing.scaler: unknown key \"__proto__\"",
        ),
        (
            Box::new(|v| v["preprocessing"]["__proto__"] = serde_json::json!({"admin": true})),
            "preprocessing: unknown key \"__proto__\"",
        ),
        (
            Box::new(|v| v["preprocessing"]["encoders"][2]["fill"] = Value::Null),
            "preprocessing.encoders[2].fill: invalid type: null, expected f32",
        ),
        (
            Box::new(|v| v["preprocessing"]["encoders"][1]["fill"] = serde_json::json!(1e39)),
            "preprocessing.encoders[1].fill[0] is inf",
        ),
        (
            Box::new(|v| v["preprocessing"]["scaler"]["factor"][0] = 0.into()),
            "preprocessing.scaler.factor[0] is 0",
        ),
        (
            Box::new(|v| v["preprocessing"]["scaler"]["offset"][3] = serde_json::json!(1e39)),
            "preprocessing.scaler.offset[3] is inf",
        ),
        (
            Box::new(|v| {
                v["preprocessing"]["scaler"]["offset"]
                    .as_array_mut()
                    .unwrap()
                    .pop();
            }),
            "preprocessing.scaler.offset has 3 values but there are 4 features",
        ),
        (
            Box::new(|v| {
                v["preprocessing"]["features"].as_array_mut().unwrap().pop();
            }),
            "preprocessing.encoders has 4 values but there are 3 features",
        ),
        (
            Box::new(|v| v["preprocessing"]["classes"] = serde_json::json!(["only"])),
            "2 to 4096 class names",
        ),
        (
            Box::new(|v| {
                v["preprocessing"]["encoders"][0] =
                    serde_json::json!({"type": "one_hot", "categories": ["a"], "fill": 1})
            }),
            "preprocessing.encoders[0] must list 1 to 1000 categories and a fill among them",
        ),
    ];
    for (edit, needle) in cases {
        let e = Model::from_json("old.json", &edited(&*edit))
            .err()
            .expect(needle)
            .to_string();
        assert!(
            e.contains(needle) && e.starts_with("old.json: "),
            "{e:?} lacks {needle:?}"
        );
    }
    let e = ModelFile::from_json("old.json", &edited(&|v| v["version"] = 0.into())).unwrap_err();
    assert!(e.to_string().contains("reads versions 1 and 2"), "{e}");
}
