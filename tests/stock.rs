//! Stock forecasting (issue 15): the S&P 500 built-in with the article's recipe, the persistence
//! baseline on the same test windows (in index points), `data.transform` (log, difference) as
//! fitted steps whose inverse brings predictions, metrics and forecasts back to index points, and
//! the model file keeping them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::datasets::builtin_table;
use common::kindling;
use kindling::experiment::Experiment;
use kindling::io::{Model, ModelFile};
use kindling::train::Session;

/// The page's `stock` default (www/datasets.js): 12 months → the next, minmax, LSTM 32 → dense 1.
fn recipe(transform: &str, epochs: usize) -> Experiment {
    Experiment::from_json(&format!(
        r#"{{"data":{{"source":"builtin:stock","target":"close","task":"regression","features":[],"scale":"minmax",
            "window":{{"lookback":12,"horizon":1}},"transform":"{transform}",
            "split":{{"method":"chronological","validation":0.2,"test":0.2}}}},
            "model":{{"layers":[{{"type":"lstm","units":32}},{{"type":"dense","units":1,"activation":"linear"}}]}},
            "compile":{{"optimizer":{{"type":"adam","learning_rate":0.01}}}},"fit":{{"epochs":{epochs},"batch_size":32}}}}"#
    ))
    .unwrap()
}

fn trained(e: Experiment) -> Session {
    let mut s = Session::new(e, &builtin_table("stock")).unwrap();
    while !s.is_done() {
        s.step(usize::MAX).unwrap();
    }
    s
}

/// The S&P 500 closes, oldest first, straight from the CSV.
fn closes() -> Vec<f64> {
    let text = std::str::from_utf8(kindling::data::builtin::bytes("stock").unwrap()).unwrap();
    text.lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().parse().unwrap())
        .collect()
}

#[test]
fn persistence_is_next_equals_last_on_the_test_windows_in_index_points() {
    let close = closes();
    assert_eq!(close.len(), 1833);
    let mut s = trained(recipe("none", 1));
    assert_eq!(s.summary().rows, [1087, 355, 355]);
    let ev = s.evaluate();
    // Test rows 1466… (the last 367 months); the first target is month 1466 + 12.
    let errors: Vec<f64> = (1478..1833).map(|t| close[t] - close[t - 1]).collect();
    let rmse = (errors.iter().map(|e| e * e).sum::<f64>() / 355.0).sqrt();
    let mae = errors.iter().map(|e| e.abs()).sum::<f64>() / 355.0;
    let returns: Vec<f64> = (1478..1833)
        .map(|t| close[t] / close[t - 1] - 1.0)
        .collect();
    let r_rmse = (returns.iter().map(|r| r * r).sum::<f64>() / 355.0).sqrt();
    // The actual values come back through the minmax inverse in f32: equal to ~1e-5 relative.
    let near = |got: Option<f32>, want: f64| {
        let got = got.unwrap() as f64;
        assert!((got / want - 1.0).abs() < 1e-4, "{got} vs {want}");
    };
    near(ev.persistence_rmse, rmse);
    near(ev.persistence_mae, mae);
    near(ev.persistence_returns_rmse, r_rmse);
    assert!(ev.returns_rmse.is_some() && ev.rmse.is_some());
    // What the CLI prints, and the model file keeps.
    let json = serde_json::to_value(&ev).unwrap();
    assert_eq!(
        json["persistence_rmse"].as_f64(),
        ev.persistence_rmse.map(f64::from)
    );
    let file = ModelFile::from_session(&mut s);
    assert!(ModelFile::from_json("m.json", &file.to_json()).is_ok());
}

#[test]
fn log_difference_predicts_levels_and_the_model_file_keeps_the_steps() {
    let mut s = trained(recipe("log_difference", 2));
    // Each part loses its first month to differencing.
    assert_eq!(s.summary().rows, [1086, 354, 354]);
    let kinds: Vec<String> = (s.data.preprocessing.target_steps.iter())
        .map(|t| {
            serde_json::to_value(t).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(kinds, ["impute", "log", "difference", "scale"]);
    let test = s.test_predictions();
    let close = closes();
    // The actual test values are the closes of months 1479… back in index points.
    for (k, a) in test.actual.iter().enumerate() {
        let want = close[1479 + k];
        assert!(
            (*a as f64 / want - 1.0).abs() < 1e-4,
            "month {}: {a} vs {want}",
            1479 + k
        );
    }
    // A return model stays near the last level: every prediction within 30% of it.
    for (k, p) in test.predicted.iter().enumerate() {
        let last = close[1478 + k];
        assert!((*p as f64 / last - 1.0).abs() < 0.3, "{p} vs {last}");
    }
    let ev = s.evaluate();
    assert!(ev.rmse.unwrap() > 0.0 && ev.persistence_rmse.unwrap() > 0.0);

    // The model file: same steps, the same predictions on the raw CSV for the test months.
    let text = ModelFile::from_session(&mut s).to_json();
    assert!(
        text.contains(r#"{"type":"log"},{"type":"difference"}"#),
        "steps in order"
    );
    let mut model = Model::from_json("m.json", &text).unwrap();
    let p = model.predict(&builtin_table("stock")).unwrap();
    // One prediction per window of the whole series (differenced once): months 12…1832.
    assert_eq!(p.rows.first(), Some(&12));
    for (k, want) in test.predicted.iter().enumerate() {
        let i = p.rows.iter().position(|&r| r == 1478 + k).unwrap();
        let got = p.values[i][0];
        assert!(
            (got / want - 1.0).abs() < 1e-5,
            "month {}: {got} vs {want}",
            1478 + k
        );
    }
    // The forecast starts from the last month's level and stays in index points.
    let f = model.forecast(&builtin_table("stock"), 3).unwrap();
    assert_eq!(f.forecast[0], *p.values.last().unwrap().first().unwrap());
    assert!(
        f.forecast.iter().all(|v| (v / 4515.77 - 1.0).abs() < 0.3),
        "{:?}",
        f.forecast
    );
}

#[test]
fn transform_settings_are_checked_with_their_reasons() {
    let no_window = Experiment::from_json(r#"{"data":{"transform":"log"}}"#);
    assert_eq!(
        no_window.unwrap_err().to_string(),
        "experiment: data.transform: transforms a time series; set data.window too, or remove data.transform"
    );
    let mut far = recipe("difference", 1);
    far.data.window.as_mut().unwrap().horizon = 3;
    assert_eq!(far.validate().unwrap_err().to_string(), "experiment: data.transform: differencing predicts the change from the last known value, so it needs data.window.horizon 1 (it is 3); set the horizon to 1 or pick \"log\"");
    // A series with a value ≤ 0 has no log; the error names the column and the line.
    let table = kindling::data::read_csv(
        "s.csv",
        &(0..40).fold(b"m,v\n".to_vec(), |mut a, i| {
            a.extend(format!("{i},{}\n", if i == 7 { -1 } else { i + 1 }).bytes());
            a
        }),
    )
    .unwrap();
    let mut e = recipe("log", 1);
    e.data.target = Some("v".into());
    let err = Session::new(e, &table).err().unwrap().to_string();
    assert_eq!(err, "s.csv: column \"v\", line 9: -1 has no logarithm; data.transform \"log\" needs values above 0 — pick \"difference\" or \"none\"");
    // Unknown values are named as serde names them.
    let bad = Experiment::from_json(r#"{"data":{"transform":"sqrt"}}"#)
        .unwrap_err()
        .to_string();
    assert!(
        bad.contains("data.transform") && bad.contains("log_difference"),
        "{bad}"
    );
}

#[test]
fn kindling_train_prints_the_baseline_beside_the_model() {
    let exp = common::write(
        "stock",
        "stock.json",
        &serde_json::to_string(&recipe("none", 1)).unwrap(),
    );
    let (code, stdout, stderr) = kindling(&["train", &exp]);
    assert_eq!(code, 0, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let test = &out["test"];
    for key in [
        "rmse",
        "mae",
        "persistence_rmse",
        "persistence_mae",
        "returns_rmse",
        "persistence_returns_rmse",
    ] {
        assert!(test[key].as_f64().unwrap() > 0.0, "{key}: {test}");
    }
    let (rmse, naive) = (
        test["rmse"].as_f64().unwrap(),
        test["persistence_rmse"].as_f64().unwrap(),
    );
    let verdict = if rmse < naive {
        "beats"
    } else {
        "does not beat"
    };
    assert!(
        stderr.contains(&format!(
            "test rmse {} vs persistence (next = last) {}: the model {verdict} persistence",
            rmse as f32, naive as f32
        )),
        "{stderr}"
    );
}
