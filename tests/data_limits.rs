//! Sizes are checked before anything is allocated (issue 13, item 1): a window over many features
//! that would make more values than a session can hold is refused with the numbers and what to
//! change (in the wasm build it used to panic with "capacity overflow" while preparing).
#![cfg(not(target_arch = "wasm32"))]

use kindling::data::{prepare, read_csv};
use kindling::experiment::{DataConfig, Experiment, Scale, SplitConfig, SplitMethod, WindowConfig};
use kindling::rng::Rng;

/// `rows` rows of `columns` numeric columns `c0…`.
fn wide_series(rows: usize, columns: usize) -> String {
    let header: Vec<String> = (0..columns).map(|c| format!("c{c}")).collect();
    let line: Vec<String> = (0..columns).map(|c| (c % 10).to_string()).collect();
    let line = line.join(",");
    let mut text = header.join(",") + "\n";
    for _ in 0..rows {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

#[test]
fn a_window_over_800_features_with_lookback_1000_is_refused_before_allocating() {
    let table = read_csv("wide.csv", wide_series(1100, 800).as_bytes()).unwrap();
    let features: Vec<String> = (1..800).map(|c| format!("c{c}")).collect();
    let config = DataConfig {
        target: Some("c0".into()),
        features: Some(features),
        scale: Scale::None,
        split: SplitConfig {
            method: SplitMethod::Chronological,
            validation: 0.0,
            test: 0.0,
        },
        window: Some(WindowConfig {
            lookback: 1000,
            horizon: 1,
        }),
        ..DataConfig::default()
    };
    let err = prepare(&table, &config, &mut Rng::new(0)).err().unwrap();
    assert_eq!(err.to_string(), "wide.csv: data.window: the training part makes 100 windows × lookback 1000 × 800 features = 80000000 values, more than the 50000000 a session can hold; lower data.window.lookback, list fewer data.features, or use a shorter series");
    // The same series with lookback 10 prepares.
    let short = DataConfig {
        window: Some(WindowConfig {
            lookback: 10,
            horizon: 1,
        }),
        ..config
    };
    let p = prepare(&table, &short, &mut Rng::new(0)).unwrap();
    assert_eq!(p.x_train.shape(), [1090, 10, 800]);
}

#[test]
fn a_split_that_leaves_the_test_part_empty_says_so_with_the_numbers() {
    // 1000 classes of 2 rows: a stratified split rounds each class's 0.2·2 test rows to 0.
    let mut text = String::from("x,label\n");
    for i in 0..2000 {
        text.push_str(&format!("{},c{}\n", i % 7, i / 2));
    }
    let table = read_csv("many.csv", text.as_bytes()).unwrap();
    let p = prepare(&table, &DataConfig::default(), &mut Rng::new(0)).unwrap();
    assert_eq!(p.x_test.shape()[0], 0);
    assert!(p.warnings.contains(&"data.split: the test part is empty: 2000 rows in 1000 classes (about 2 rows each; a stratified split rounds each class's share of 0.2) leave no test rows, so there are no test metrics; use fewer classes, a larger data.split.test, or data.split.method \"random\"".to_string()), "{:?}", p.warnings);
}

#[test]
fn inputs_past_f32_are_flagged_per_row_and_treated_as_missing() {
    let train = read_csv("t.csv", b"x,y\n1,1\n2,2\n3,3\n4,4\n5,5\n").unwrap();
    let config = DataConfig {
        split: SplitConfig {
            method: SplitMethod::Chronological,
            validation: 0.0,
            test: 0.0,
        },
        ..DataConfig::default()
    };
    let p = prepare(&train, &config, &mut Rng::new(0)).unwrap();
    let new = read_csv("new.csv", b"x\n1e39\n3\n1e300\n").unwrap();
    let t = p.preprocessing.transform(&new).unwrap();
    assert_eq!(t.warnings, ["column \"x\": 2 rows (lines 2, 4) hold numbers beyond ±3.4e38, more than the model's 32-bit numbers can take; they are treated as missing"]);
    // Filled with the training mean (3), which scales to 0 like the row that holds 3.
    assert_eq!(t.x.iter().copied().collect::<Vec<f32>>(), [0.0, 0.0, 0.0]);
}

#[test]
fn training_statistics_of_values_near_1e20_stay_finite() {
    let text: String = (1..=20).map(|i| format!("{}e20,{}\n", i, i % 2)).collect();
    let table = read_csv("big.csv", format!("x,y\n{text}").as_bytes()).unwrap();
    let p = prepare(&table, &DataConfig::default(), &mut Rng::new(0)).unwrap();
    // Scaled (standard): the inputs lie within a few standard deviations, not at 1e20.
    assert!(p.x_train.iter().all(|v| v.abs() < 3.0), "{:?}", p.x_train);
}

#[test]
fn data_column_kinds_reads_a_mostly_numeric_column_as_numbers() {
    let text = "price,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n12a,0\n3.4.5,1\nabc,0\n10,1\n";
    let table = read_csv("p.csv", text.as_bytes()).unwrap();
    assert_eq!(table.column("price").unwrap().data.kind(), "categorical");
    let split = r#""split":{"method":"chronological","validation":0,"test":0}"#;
    let as_text = Experiment::from_json(&format!(
        r#"{{"data":{{"target":"y","task":"classification",{split}}}}}"#
    ))
    .unwrap();
    let p = prepare(&table, &as_text.data, &mut Rng::new(0)).unwrap();
    assert_eq!(
        p.x_train.shape(),
        [10, 10],
        "one-hot: every value its own category"
    );
    let json = format!(
        r#"{{"data":{{"target":"y","task":"classification","scale":"none","column_kinds":{{"price":"numeric"}},{split}}}}}"#
    );
    let numeric = Experiment::from_json(&json).unwrap();
    let p = prepare(&table, &numeric.data, &mut Rng::new(0)).unwrap();
    // The three other cells are missing, filled with the mean of 1…6 and 10 (31 / 7).
    let x: Vec<f32> = p.x_train.iter().copied().collect();
    let fill = 31.0f32 / 7.0;
    assert_eq!(x, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, fill, fill, fill, 10.0]);
    // The key round-trips and names a column that exists.
    let written = serde_json::to_string(&numeric.data).unwrap();
    assert!(
        written.contains(r#""column_kinds":{"price":"numeric"}"#),
        "{written}"
    );
    let wrong = Experiment::from_json(r#"{"data":{"column_kinds":{"price":"number"}}}"#);
    assert_eq!(
        wrong.err().unwrap().to_string(),
        "experiment: data.column_kinds.price: must be \"numeric\", \"categorical\" or \"text\""
    );
    let bad = Experiment::from_json(r#"{"data":{"column_kinds":{"nope":"numeric"}}}"#).unwrap();
    let err = prepare(&table, &bad.data, &mut Rng::new(0))
        .err()
        .unwrap()
        .to_string();
    assert_eq!(
        err,
        "experiment: data.column_kinds: there is no column \"nope\"; list columns of the file"
    );
}
