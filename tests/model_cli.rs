//! The CLI's model commands: `train --out` writes a model file, `predict` reads it back.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::kindling;

fn path(name: &str) -> String {
    common::path("model-cli", name)
}

#[test]
fn train_out_then_predict_prints_the_rows_with_classes_and_probabilities() {
    let exp = path("iris.json");
    std::fs::write(
        &exp,
        r#"{"data":{"source":"builtin:iris","target":"species"},"fit":{"epochs":40}}"#,
    )
    .unwrap();
    let model = path("iris-model.json");
    let (code, _, stderr) = kindling(&["train", &exp, "--out", &model]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("model written to"), "{stderr}");
    let (code, stdout, stderr) = kindling(&["predict", &model, "www/data/iris.csv"]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 151);
    assert!(lines[0].ends_with(
        "species,predicted_species,probability_setosa,probability_versicolor,probability_virginica"
    ));
    let agree = lines[1..]
        .iter()
        .filter(|l| {
            let c: Vec<&str> = l.split(',').collect();
            let p: f32 = c[6..9].iter().map(|v| v.parse::<f32>().unwrap()).sum();
            assert!((p - 1.0).abs() < 1e-5, "probabilities sum to 1: {l}");
            c[4] == c[5]
        })
        .count();
    assert!(agree >= 135, "{agree}/150 agree with the true species");
}

#[test]
fn predict_rejects_bad_files_with_exit_2_and_one_error_line() {
    let bad = path("bad.json");
    std::fs::write(&bad, r#"{"format":"kindling-model","version":7}"#).unwrap();
    let (code, stdout, stderr) = kindling(&["predict", &bad, "www/data/iris.csv"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("error: ")
            && stderr.contains("bad.json")
            && stderr.contains("version 7"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
    let (code, _, stderr) = kindling(&["predict", &path("missing.json"), "x.csv"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("missing.json: cannot read the file"),
        "{stderr}"
    );
    let (code, _, stderr) = kindling(&["predict", &bad]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("predict takes a model file and a CSV file"),
        "{stderr}"
    );
}

/// `text` as UTF-16 with a byte-order mark (what Windows editors save as "Unicode").
fn utf16(text: &str, little: bool) -> Vec<u8> {
    std::iter::once(0xFEFF)
        .chain(text.encode_utf16())
        .flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

#[test]
fn predict_reads_model_files_with_a_byte_order_mark_or_in_utf16_as_the_page_does() {
    let exp = path("bom.json");
    std::fs::write(&exp, r#"{"fit":{"epochs":5}}"#).unwrap();
    let model = path("bom-model.json");
    let (code, _, stderr) = kindling(&["train", &exp, "--out", &model]);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&model).unwrap();
    let (_, want, _) = kindling(&["predict", &model, "www/data/iris.csv"]);
    assert_eq!(want.lines().count(), 151);
    let variants = [
        (
            "utf8-bom.json",
            [&[0xEF, 0xBB, 0xBF], text.as_bytes()].concat(),
        ),
        ("utf16le.json", utf16(&text, true)),
        ("utf16be.json", utf16(&text, false)),
    ];
    for (name, bytes) in variants {
        let p = path(name);
        std::fs::write(&p, bytes).unwrap();
        let (code, stdout, stderr) = kindling(&["predict", &p, "www/data/iris.csv"]);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert_eq!(stdout, want, "{name}: the same predictions");
    }
    // Latin-1 (é as one byte) is neither: the core's message, the one the page shows.
    let p = path("latin1.json");
    std::fs::write(&p, b"{\"format\":\"caf\xE9\"}").unwrap();
    let (code, _, stderr) = kindling(&["predict", &p, "www/data/iris.csv"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        format!("error: {p}: the model file is not UTF-8 or UTF-16 text (byte 15 is not UTF-8); open a file made with \"Download model\" or `kindling train --out`\n")
    );
}

#[test]
fn train_with_data_records_that_file_as_the_source() {
    let exp = path("source.json");
    std::fs::write(&exp, r#"{"data":{"target":"species"},"fit":{"epochs":2}}"#).unwrap();
    let csv = path("my-iris.csv");
    std::fs::copy("www/data/iris.csv", &csv).unwrap();
    let model = path("source-model.json");
    let (code, _, stderr) = kindling(&["train", &exp, "--data", &csv, "--out", &model]);
    assert_eq!(code, 0, "{stderr}");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&model).unwrap()).unwrap();
    assert_eq!(file["experiment"]["data"]["source"], format!("file:{csv}"));
    // Without --data the experiment's own source stays.
    let (code, _, stderr) = kindling(&["train", &exp, "--out", &model]);
    assert_eq!(code, 0, "{stderr}");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&model).unwrap()).unwrap();
    assert_eq!(file["experiment"]["data"]["source"], "builtin:iris");
    // The search report's best experiment says the same.
    let (code, stdout, stderr) = kindling(&["search", &exp, "--data", &csv, "--trials", "1"]);
    assert_eq!(code, 0, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        out["best_experiment"]["data"]["source"],
        format!("file:{csv}")
    );
}
