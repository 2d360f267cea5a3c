//! Preparing tables for training and transforming new ones for prediction: missing values,
//! one-hot encoding, scaling fitted on train only, windows (the settings that stop: data_prepare_errors.rs).
#![cfg(not(target_arch = "wasm32"))]

use kindling::data::{prepare, read_csv, Table};
use kindling::experiment::{DataConfig, Missing, Scale, Task, WindowConfig};
use kindling::rng::Rng;
use ndarray::{array, s, Ix3};

mod common;
use common::prepare::{config, table, x2};

#[test]
fn iris_becomes_one_hot_classes_with_a_train_only_scaler() {
    let t = read_csv("iris.csv", include_bytes!("../www/data/iris.csv")).unwrap();
    let p = prepare(&t, &DataConfig::default(), &mut Rng::new(42)).unwrap();
    assert_eq!(
        p.preprocessing.classes.as_ref().unwrap(),
        &["setosa", "versicolor", "virginica"]
    );
    assert_eq!(
        (
            p.x_train.shape()[0],
            p.x_val.shape()[0],
            p.x_test.shape()[0]
        ),
        (105, 15, 30)
    );
    assert_eq!(p.input_shape(), vec![4]);
    let mean: f32 = x2(&p.x_train).column(0).mean().unwrap();
    assert!(mean.abs() < 1e-5, "train mean {mean}");
    assert!(p.y_test.rows().into_iter().all(|r| r.sum() == 1.0));
}

#[test]
fn missing_strategies_fit_on_the_training_rows_only() {
    // Chronological 3 / 1 / 1: train holds 1, 2, 2 and one gap; 100 and 200 are not seen.
    let text = "x,y\n1,1\n2,2\nNA,3\n2,4\n100,5\n200,6\n";
    let cases = [
        (Missing::Mean, 5.0 / 3.0),
        (Missing::Median, 2.0),
        (Missing::MostFrequent, 2.0),
        (Missing::Zero, 0.0),
    ];
    for (missing, fill) in cases {
        let c = DataConfig {
            missing,
            ..config((1.0 / 6.0, 1.0 / 6.0))
        };
        let p = prepare(&table(text), &c, &mut Rng::new(0)).unwrap();
        let x = x2(&p.x_train);
        assert_eq!(
            x.column(0).to_vec(),
            vec![1.0, 2.0, fill, 2.0],
            "{missing:?}"
        );
        assert_eq!(p.dropped, 0);
    }
    let c = DataConfig {
        missing: Missing::Drop,
        ..config((0.2, 0.2))
    };
    let p = prepare(&table(text), &c, &mut Rng::new(0)).unwrap();
    assert_eq!(p.dropped, 1);
    assert_eq!(x2(&p.x_train).column(0).to_vec(), vec![1.0, 2.0, 2.0]);
    assert!(
        p.warnings[0].contains("1 row (line 4) dropped"),
        "{:?}",
        p.warnings
    );
}

#[test]
fn rows_without_a_target_are_left_out_and_reported() {
    let p = prepare(
        &table("x,y\n1,1\n2,\n3,3\n4,4\n"),
        &config((0.0, 0.0)),
        &mut Rng::new(0),
    )
    .unwrap();
    assert_eq!(
        (p.dropped, p.y_train.column(0).to_vec()),
        (1, vec![1.0, 3.0, 4.0])
    );
    assert!(
        p.warnings[0].contains("line 3") && p.warnings[0].contains("target"),
        "{:?}",
        p.warnings
    );
}

#[test]
fn text_features_are_one_hot_and_unseen_categories_become_zeros() {
    let train = table("colour,size,y\nred,1,a\nblue,2,b\nred,3,a\n,4,b\n");
    let c = DataConfig {
        scale: Scale::Standard,
        ..config((0.0, 0.0))
    };
    let p = prepare(&train, &c, &mut Rng::new(0)).unwrap();
    let pre = &p.preprocessing;
    assert_eq!(pre.inputs, ["colour=blue", "colour=red", "size"]);
    let x = x2(&p.x_train);
    // The missing colour takes the most frequent (red); one-hot inputs stay 0/1 under scaling.
    assert_eq!(
        x.slice(s![.., 0..2]),
        array![[0.0, 1.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]
    );
    assert!((x.column(2).mean().unwrap()).abs() < 1e-6);
    let new = table("size,colour\n2,green\n3,blue\n");
    let out = pre.transform(&new).unwrap();
    assert_eq!(
        x2(&out.x).slice(s![.., 0..2]),
        array![[0.0, 0.0], [1.0, 0.0]]
    );
    assert_eq!(out.rows, vec![0, 1]);
    assert!(
        out.warnings[0].contains("\"colour\"")
            && out.warnings[0].contains("line 2")
            && out.warnings[0].contains("green"),
        "{:?}",
        out.warnings
    );
    let err = pre.transform(&table("size\n1\n")).unwrap_err().to_string();
    assert!(err.contains("colour"), "{err}");
}

#[test]
fn transform_reproduces_training_inputs_and_inverse_target_restores_units() {
    let text: String = (0..40)
        .map(|i| format!("{},{},{}\n", i, (i * 7) % 5, 3 * i + 10))
        .fold("a,b,y\n".into(), |s, l| s + &l);
    let t = table(&text);
    for scale in [Scale::Standard, Scale::Minmax] {
        let c = DataConfig {
            scale,
            ..config((0.0, 0.0))
        };
        let p = prepare(&t, &c, &mut Rng::new(0)).unwrap();
        let out = p.preprocessing.transform(&t).unwrap();
        assert_eq!(out.x, p.x_train, "{scale:?}");
        let mut y = p.y_train.clone();
        p.preprocessing.inverse_target(&mut y);
        let want: Vec<f32> = (0..40).map(|i| (3 * i + 10) as f32).collect();
        assert!(
            y.column(0)
                .iter()
                .zip(&want)
                .all(|(a, b)| (a - b).abs() < 1e-4),
            "{scale:?}: {y}"
        );
    }
    let json = serde_json::to_string(
        &prepare(&t, &config((0.0, 0.0)), &mut Rng::new(0))
            .unwrap()
            .preprocessing,
    )
    .unwrap();
    let back: kindling::data::Preprocessing = serde_json::from_str(&json).unwrap();
    assert_eq!(back.transform(&t).unwrap().x.shape(), &[40, 2]);
}

#[test]
fn windows_follow_the_series_and_never_cross_a_split() {
    let text: String = (0..30)
        .map(|i| format!("{i},{}\n", 100 + i))
        .fold("v,extra\n".into(), |s, l| s + &l);
    let t = table(&text);
    let c = DataConfig {
        target: Some("v".into()),
        window: Some(WindowConfig {
            lookback: 3,
            horizon: 2,
        }),
        ..config((0.2, 0.2))
    };
    let p = prepare(&t, &c, &mut Rng::new(0)).unwrap();
    // 18 / 6 / 6 rows; each part makes len - (3 + 2) + 1 windows.
    assert_eq!(
        (p.x_train.shape(), p.x_val.shape(), p.x_test.shape()),
        (&[14, 3, 1][..], &[2, 3, 1][..], &[2, 3, 1][..])
    );
    let xv = p.x_val.clone().into_dimensionality::<Ix3>().unwrap();
    assert_eq!(
        xv.slice(s![.., .., 0]),
        array![[18.0, 19.0, 20.0], [19.0, 20.0, 21.0]]
    );
    assert_eq!(p.y_val.column(0).to_vec(), vec![22.0, 23.0]);
    assert_eq!(p.y_train[[0, 0]], 4.0);
    assert_eq!(p.y_test.column(0).to_vec(), vec![28.0, 29.0]);

    let c = DataConfig {
        features: Some(vec!["extra".into()]),
        scale: Scale::Standard,
        ..c
    };
    let p = prepare(&t, &c, &mut Rng::new(0)).unwrap();
    assert_eq!(p.input_shape(), vec![3, 2]);
    assert_eq!(
        p.preprocessing.scaler().unwrap().offset,
        vec![8.5, 108.5],
        "fitted on the 18 training rows only"
    );
    let out = p.preprocessing.transform(&t).unwrap();
    assert_eq!(out.x.shape(), &[28, 3, 2]);
    assert_eq!(out.x.slice(s![0..14, .., ..]).into_dyn(), p.x_train.view());
    assert_eq!((out.rows[0], out.rows[27]), (2, 29));
}

#[test]
fn dates_order_rows_for_a_chronological_split() {
    let t = table("when,x,y\n2024-01-03,3,30\n2024-01-01,1,10\n2024-01-04,4,40\n2024-01-02,2,20\n");
    let p = prepare(&t, &config((0.0, 0.25)), &mut Rng::new(0)).unwrap();
    assert_eq!(
        p.preprocessing.features,
        ["x"],
        "the date column is an ordering key, not an input"
    );
    assert_eq!(x2(&p.x_train).column(0).to_vec(), vec![1.0, 2.0, 3.0]);
    assert_eq!(p.y_test.column(0).to_vec(), vec![40.0]);
}

#[test]
fn booleans_are_classes_as_targets_and_zero_one_as_features() {
    let t = table("on,n,label\nyes,1,true\nno,2,false\nyes,3,true\nno,4,false\n");
    let p = prepare(&t, &config((0.0, 0.0)), &mut Rng::new(0)).unwrap();
    assert_eq!(
        (
            p.preprocessing.task,
            p.preprocessing.classes.clone().unwrap()
        ),
        (
            Task::Classification,
            vec!["false".to_string(), "true".into()]
        )
    );
    assert_eq!(x2(&p.x_train).column(0).to_vec(), vec![1.0, 0.0, 1.0, 0.0]);
}

#[test]
fn tables_built_in_code_transform_like_read_ones() {
    use kindling::data::{Column, ColumnData};
    let read = table("a,colour,y\n1,red,1\n2,blue,2\n3,red,3\n");
    let p = prepare(&read, &config((0.0, 0.0)), &mut Rng::new(0)).unwrap();
    let built = Table::new(
        "form",
        vec![
            Column {
                name: "colour".into(),
                data: ColumnData::Categorical(vec![Some("blue".into()), None]),
            },
            Column {
                name: "a".into(),
                data: ColumnData::Numeric(vec![5.0, f64::NAN]),
            },
        ],
    );
    let out = p.preprocessing.transform(&built).unwrap();
    // inputs: a, colour=blue, colour=red; the gaps take the training mean (2) and mode (red).
    assert_eq!(x2(&out.x), array![[5.0, 1.0, 0.0], [2.0, 0.0, 1.0]]);
}

#[test]
fn the_fitted_steps_serialise_in_order_with_their_values() {
    // Chronological, no validation or test rows: every row trains. colour's mode is red (2 of 3
    // present); size's mean 2.5 and population std √1.25; one-hot inputs are not scaled.
    let t = table("colour,size,y\nred,1,a\nblue,2,b\nred,3,a\n,4,b\n");
    let c = DataConfig {
        scale: Scale::Standard,
        ..config((0.0, 0.0))
    };
    let pre = prepare(&t, &c, &mut Rng::new(0)).unwrap().preprocessing;
    let json = serde_json::to_value(&pre).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "features": ["colour", "size"], "inputs": ["colour=blue", "colour=red", "size"],
            "target": "y", "task": "classification", "classes": ["a", "b"], "order_by": null,
            "steps": [
                {"type": "select", "drop_missing": false},
                {"type": "impute", "fill": ["red", 2.5f32]},
                {"type": "one_hot", "categories": [["blue", "red"], null]},
                {"type": "scale", "offset": [0.0f32, 0.0f32, 2.5f32], "factor": [1.0f32, 1.0f32, 1.25f32.sqrt()]}
            ],
            "target_steps": []
        })
    );
    let back: kindling::data::Preprocessing = serde_json::from_value(json).unwrap();
    assert_eq!(back, pre);

    // A series: the target is feature 0; its own steps fill its gaps (mean of 1, 2, 4 = 7/3) and
    // scale it (minmax over the filled training values 1, 2, 7/3, 4).
    let series = table("v\n1\n2\nNA\n4\n5\n6\n");
    let c = DataConfig {
        target: Some("v".into()),
        scale: Scale::Minmax,
        window: Some(WindowConfig {
            lookback: 2,
            horizon: 1,
        }),
        ..config((0.0, 2.0 / 6.0))
    };
    let p = prepare(&series, &c, &mut Rng::new(0)).unwrap();
    let json = serde_json::to_value(&p.preprocessing).unwrap();
    let fill = 7.0f64 / 3.0;
    assert_eq!(
        (&json["steps"], &json["target_steps"]),
        (
            &serde_json::json!([
                {"type": "select", "drop_missing": false},
                {"type": "impute", "fill": [fill as f32]},
                {"type": "one_hot", "categories": [null]},
                {"type": "scale", "offset": [1.0f32], "factor": [3.0f32]},
                {"type": "window", "lookback": 2, "horizon": 1}
            ]),
            &serde_json::json!([
                {"type": "impute", "fill": [fill as f32]},
                {"type": "scale", "offset": [1.0f32], "factor": [3.0f32]}
            ])
        )
    );
    assert_eq!(
        p.warnings,
        [
            "1 row (line 4) have missing values, filled as data.missing says",
            "the test part has 2 rows, too few for one window of 3; it is empty"
        ]
    );
    // Training windows [1, 2] → 7/3 and [2, 7/3] → 4, scaled by the target's minmax.
    let scaled = |v: f32| (v - 1.0) / 3.0;
    assert_eq!(
        p.y_train.column(0).to_vec(),
        vec![scaled(fill as f32), scaled(4.0)]
    );
    let mut y = p.y_train.clone();
    p.preprocessing.inverse_target(&mut y);
    let back = [fill as f32, 4.0];
    assert!(y.iter().zip(back).all(|(a, b)| (a - b).abs() < 1e-6), "{y}");
}
