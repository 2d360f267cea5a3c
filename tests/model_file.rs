//! Contract 2, the model file: a trained session round-trips bit-exactly, and the loaded model
//! predicts from the original columns (records, the predictions CSV, the card's training ranges).
//! Damaged, truncated, wrong-version and hostile files: tests/model_file_refused.rs.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::model_file::{iris_file, load_err, trained, IRIS};
use kindling::data::read_csv;
use kindling::io::{Model, ModelFile};
use serde_json::Value;

#[test]
fn a_saved_model_predicts_bit_identically_to_the_session_it_came_from() {
    let mut s = trained(r#"{"data":{"target":"species"},"fit":{"epochs":15}}"#, IRIS);
    let file = ModelFile::from_session(&mut s);
    let text = file.to_json();
    let back = ModelFile::from_json("m.json", &text).unwrap();
    for (a, b) in file.weights.tensors.iter().zip(&back.weights.tensors) {
        let bits = |t: &[f32]| t.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(
            bits(&a.data),
            bits(&b.data),
            "weights read back bit-exactly"
        );
    }
    assert_eq!(back, file);
    // The session's own predictions on its prepared test inputs …
    let direct = s.predict(&s.data.x_test.clone());
    // … equal the loaded model's predictions on the raw CSV rows of the test split.
    let table = read_csv("iris.csv", IRIS).unwrap();
    let mut model = Model::from_json("m.json", &text).unwrap();
    let all = model.predict(&table).unwrap();
    let mut again = Model::from_session(&mut s);
    let from_session = again.predict(&table).unwrap();
    assert_eq!(all.values, from_session.values);
    let test_rows: Vec<Vec<f32>> = direct.rows().into_iter().map(|r| r.to_vec()).collect();
    let found = test_rows.iter().filter(|r| all.values.contains(r)).count();
    assert_eq!(
        found,
        test_rows.len(),
        "every test-split prediction reappears exactly"
    );
    assert_eq!(all.labels.as_ref().unwrap().len(), 150);
    let correct = all
        .labels
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(i, l)| match &table.columns[4].data {
            kindling::data::ColumnData::Categorical(v) => v[*i].as_deref() == Some(l.as_str()),
            _ => false,
        })
        .count();
    assert!(correct >= 135, "{correct}/150 correct");
}

#[test]
fn a_model_without_a_bias_saves_and_loads() {
    // Lesson 1's y = θ·x: one weight, no bias (issue 18: its model could not be saved).
    let csv = (0..20).fold("x,y\n".to_string(), |a, i| {
        let x = f64::from(i) / 10.0 - 1.0;
        a + &format!("{x},{}\n", 3.0 * x)
    });
    let exp = r#"{"data":{"target":"y","scale":"none"},"model":{"layers":[{"type":"dense","units":1,"activation":"linear","use_bias":false}]},
        "compile":{"loss":"mse","optimizer":{"type":"gd","learning_rate":0.5}},"fit":{"epochs":40,"batch_size":32}}"#;
    let mut s = trained(exp, csv.as_bytes());
    let file = ModelFile::from_session(&mut s);
    assert_eq!(file.weights.tensors.len(), 1, "the kernel alone");
    let theta = file.weights.tensors[0].data[0];
    let mut m = Model::from_json("m.json", &file.to_json()).unwrap();
    let p = m.predict(&read_csv("new.csv", b"x\n2\n").unwrap()).unwrap();
    assert_eq!(p.values, vec![vec![theta * 2.0]]);
    assert!((theta - 3.0).abs() < 1e-3, "θ = {theta}");
    // A dense stack's weights are still counted: one more tensor is refused.
    let mut v: Value = serde_json::from_str(&file.to_json()).unwrap();
    let extra = v["weights"]["tensors"][0].clone();
    v["weights"]["tensors"].as_array_mut().unwrap().push(extra);
    let err = load_err(&v.to_string());
    assert!(
        err.contains("the layers need 1 weights but weights.tensors hold 2"),
        "{err}"
    );
}

#[test]
fn regression_predictions_come_back_in_original_units() {
    let csv: String = std::iter::once("x,y\n".to_string())
        .chain((0..40).map(|i| format!("{i},{}\n", 100 + 3 * i)))
        .collect();
    let mut s = trained(
        r#"{"data":{"split":{"method":"random","validation":0,"test":0.2}},
        "model":{"layers":[{"type":"dense","units":1}]},"fit":{"epochs":300,"batch_size":8},
        "compile":{"optimizer":{"type":"sgd","learning_rate":0.05}}}"#,
        csv.as_bytes(),
    );
    let text = ModelFile::from_session(&mut s).to_json();
    let mut m = Model::from_json("m.json", &text).unwrap();
    let p = m
        .predict(&read_csv("new.csv", b"x\n10\n50\n").unwrap())
        .unwrap();
    assert!((p.values[0][0] - 130.0).abs() < 0.5, "{:?}", p.values);
    assert!(
        (p.values[1][0] - 250.0).abs() < 2.0,
        "extrapolates the line: {:?}",
        p.values
    );
    assert_eq!(p.header(), vec!["predicted_y"]);
}

#[test]
fn predicting_needs_the_original_columns() {
    let mut m = Model::from_json("m.json", &iris_file()).unwrap();
    let e = m
        .predict(&read_csv("x.csv", b"sepal_length_cm,petal_width_cm\n1,2\n").unwrap())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("x.csv") && e.contains("needs the column(s) sepal_width_cm, petal_length_cm"),
        "{e}"
    );
    let records: Vec<serde_json::Map<String, Value>> = vec![serde_json::from_str(
        r#"{"sepal_length_cm":5.1,"sepal_width_cm":null,"petal_length_cm":"1.4","petal_width_cm":0.2}"#).unwrap()];
    let p = m.predict_records(&records).unwrap();
    assert_eq!(p.labels.unwrap(), vec!["setosa"]);
    assert!(
        p.warnings[0].contains("sepal_width_cm") && p.warnings[0].contains("filled"),
        "{:?}",
        p.warnings
    );
    let sum: f32 = p.values[0].iter().sum();
    assert!((sum - 1.0).abs() < 1e-5);
}

#[test]
fn the_predictions_csv_escapes_formulas() {
    let mut m = Model::from_json("m.json", &iris_file()).unwrap();
    let csv = b"name,sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n=HYPERLINK(\"http://x\"),5.1,3.5,1.4,0.2\n-1,6.7,3.0,5.2,2.3\n";
    let table = read_csv("new.csv", csv).unwrap();
    let source = kindling::data::reader::source_rows(csv, &table).unwrap();
    let out = m.predict(&table).unwrap().to_csv(&table, &source);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "name,sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,predicted_species,probability_setosa,probability_versicolor,probability_virginica");
    assert!(
        lines[1].starts_with("\"'=HYPERLINK(\"\"http://x\"\")\",5.1,3.5,1.4,0.2,setosa,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("'-1,6.7,3.0,5.2,2.3,virginica,"),
        "{}",
        lines[2]
    );
}

#[test]
fn the_card_says_what_each_numeric_input_was_in_training() {
    // Min-max scaling keeps the training rows' range; standard scaling their mean and spread.
    let exp = r#"{"data":{"target":"species","scale":"minmax","split":{"method":"random","validation":0.1,"test":0.2}},"fit":{"epochs":1}}"#;
    let card = Model::from_json(
        "iris",
        &ModelFile::from_session(&mut trained(exp, IRIS)).to_json(),
    )
    .unwrap()
    .card();
    // Its range: two sepal lengths of the data, within the whole column's 4.3 … 7.9.
    let column: Vec<f32> = std::str::from_utf8(IRIS)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().parse().unwrap())
        .collect();
    let seen = &card["inputs"][0]["seen"];
    assert_eq!(card["inputs"][0]["name"], "sepal_length_cm");
    let (lo, hi) = (
        seen["min"].as_f64().unwrap() as f32,
        seen["max"].as_f64().unwrap() as f32,
    );
    assert!(
        column.contains(&lo) && column.iter().any(|&x| (x - hi).abs() < 1e-5),
        "{seen}"
    );
    assert!(
        (4.3..=4.5).contains(&lo) && (7.6..=7.9).contains(&hi),
        "{seen}"
    );

    let card = Model::from_json("iris", &iris_file()).unwrap().card();
    let seen = &card["inputs"][0]["seen"];
    assert!(
        (seen["mean"].as_f64().unwrap() - 5.84).abs() < 0.15
            && (seen["std"].as_f64().unwrap() - 0.83).abs() < 0.1,
        "{seen}"
    );
    let exp = r#"{"data":{"target":"species","scale":"none"},"fit":{"epochs":1}}"#;
    let card = Model::from_json(
        "iris",
        &ModelFile::from_session(&mut trained(exp, IRIS)).to_json(),
    )
    .unwrap()
    .card();
    assert_eq!(card["inputs"][0]["seen"], Value::Null);
}
