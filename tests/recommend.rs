//! The recommendation task end to end: a planted low-rank check, the built-in ratings through
//! the CLI (train → model file → predict pairs and top-N), and the bad-input messages.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::kindling;
use kindling::data::read_csv;
use kindling::experiment::Experiment;
use kindling::recommend::Run;
use kindling::rng::Rng;

fn write(name: &str, text: &str) -> String {
    common::write("recommend", name, text)
}

/// An MF experiment on `source` with the rating column `target`.
fn experiment(source: &str, factors: usize, epochs: usize, lr: f32, l2: f32) -> String {
    format!(
        r#"{{"seed": 7, "data": {{"source": "{source}", "task": "recommendation", "target": "rating",
        "recommend": {{"user": "user", "item": "item"}},
        "split": {{"method": "random", "validation": 0.1, "test": 0.2}}}},
      "model": {{"recommender": {{"type": "mf", "factors": {factors}, "l2": {l2}}}, "layers": []}},
      "compile": {{"optimizer": {{"type": "adam", "learning_rate": {lr}}}}},
      "fit": {{"epochs": {epochs}, "batch_size": 64}}}}"#
    )
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut Rng) -> f32 {
    let (a, b) = (rng.next_f32().max(1e-7), rng.next_f32());
    (-2.0 * a.ln()).sqrt() * (std::f32::consts::TAU * b).cos()
}

#[test]
fn planted_rank_3_ratings_are_learned_to_within_1_5x_the_noise() {
    // 80 users × 60 items, rank-3 factors from ±1, 70% of pairs rated, noise sd 0.1.
    let mut rng = Rng::new(11);
    let draw = |rng: &mut Rng, n: usize| -> Vec<[f32; 3]> {
        (0..n)
            .map(|_| [0; 3].map(|_| rng.uniform(-1.0, 1.0)))
            .collect()
    };
    let (users, items) = (draw(&mut rng, 80), draw(&mut rng, 60));
    let mut csv = String::from("user,item,rating\n");
    for (u, pu) in users.iter().enumerate() {
        for (i, qi) in items.iter().enumerate() {
            if rng.next_f32() < 0.7 {
                let dot: f32 = pu.iter().zip(qi).map(|(a, b)| a * b).sum();
                csv += &format!("u{u},i{i},{}\n", dot + 0.1 * normal(&mut rng));
            }
        }
    }
    let table = read_csv("planted.csv", csv.as_bytes()).unwrap();
    let exp = Experiment::from_json(&experiment("builtin:none", 3, 150, 0.02, 0.00001)).unwrap();
    let mut run = Run::new(exp, &table).unwrap();
    while run.step().is_some() {}
    let eval = run.evaluate();
    println!("planted rank 3: test RMSE {} (noise floor 0.1)", eval.rmse);
    assert!(eval.rmse <= 0.15, "test RMSE {} above 1.5 × 0.1", eval.rmse);
    assert!(eval.rmse < eval.baselines.user_item_bias.rmse / 3.0);
}

#[test]
fn the_builtin_ratings_train_save_and_predict_through_the_cli() {
    let exp = write(
        "ratings.json",
        &experiment("builtin:ratings", 8, 30, 0.01, 0.0001).replace(
            r#""user": "user", "item": "item""#,
            r#""user": "user_id", "item": "item_id", "title": "item_title""#,
        ),
    );
    let model = common::path("recommend", "ratings.model.json");
    let (code, out, err) = kindling(&["train", &exp, "--out", &model]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let test = &report["test"];
    assert_eq!(
        test["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .sum::<u64>(),
        1161
    );
    for key in ["global_mean", "item_mean", "user_item_bias"] {
        assert!(
            test["baselines"][key]["rmse"].as_f64().unwrap() > 0.0,
            "{key}"
        );
    }
    assert!(
        test["ranking"]["ndcg_at_10"].is_number() && test["popularity"]["ndcg_at_10"].is_number()
    );
    assert_eq!(report["history"].as_array().unwrap().len(), 30);

    let pairs = write("pairs.csv", "user_id,item_id\nU1077,135085\nU1077,132825\n");
    let (code, out, err) = kindling(&["predict", &model, &pairs]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "user_id,item_id,predicted_rating");
    assert!(
        lines[1].starts_with("U1077,135085,") && lines.len() == 3,
        "{out}"
    );

    let (code, out, err) = kindling(&["predict", &model, &pairs, "--top", "3", "--user", "U1077"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "user,rank,item,title,score");
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[1].starts_with("U1077,1,"));
    assert!(
        lines
            .iter()
            .all(|l| !l.contains(",135085,") && !l.contains(",132825,")),
        "rated items left out"
    );

    let cold = write("cold.csv", "user_id,item_id\nU1077,135085\nU9999,135085\n");
    let (code, _, err) = kindling(&["predict", &model, &cold]);
    assert_eq!(code, 2);
    assert_eq!(err.trim(), format!("error: {cold}: line 3: column \"user_id\": \"U9999\" was not in the training data (cold start): the model has no embedding for it; predict only for ids it was trained on, or retrain with rows for \"U9999\""));
}

#[test]
fn bad_input_is_one_line_naming_the_column() {
    let exp = |csv: &str| {
        let data = write("bad.csv", csv);
        let exp = write(
            "bad.json",
            &experiment(&format!("file:{data}"), 2, 2, 0.01, 0.0),
        );
        let (code, _, err) = kindling(&["train", &exp]);
        assert_eq!(code, 2, "{err}");
        err.trim().replace(&data, "bad.csv")
    };
    assert_eq!(exp("user,item,rating\nu1,a,1\nu2,a,x\nu3,b,y\n"), "error: bad.csv: line 3: column \"rating\": \"x\" is not a number; ratings must be numbers (fix the cell, or set data.recommend.implicit to true to count every row as 1)");
    assert_eq!(exp("user,item,rating\nu1,a,1\nu1,b,2\n"), "error: bad.csv: column \"user\" holds one user (\"u1\"); a recommender learns from many users' ratings: use a file with at least 2 users, or check that data.recommend.user names the user column");
    assert_eq!(exp("user,item,rating\n,a,1\nu1,,2\n"), "error: bad.csv: no rows left after dropping 2 with a missing \"user\", \"item\" or rating; fill those columns");
}

#[test]
fn an_item_seen_only_in_held_out_rows_moves_back_to_training_with_a_warning() {
    // Every user rates "common" and one item nobody else rates; with half held out, some of
    // those single-row items fall outside training and move back.
    let mut csv = String::from("user,item,rating\n");
    for u in 0..20 {
        csv += &format!("u{u},common,1\nu{u},only{u},2\nu{u},shared{},0\n", u % 2);
    }
    let data = write("single.csv", &csv);
    let exp = write(
        "single.json",
        &experiment(&format!("file:{data}"), 2, 1, 0.01, 0.0)
            .replace("\"test\": 0.2", "\"test\": 0.5"),
    );
    let (code, out, err) = kindling(&["train", &exp]);
    assert_eq!(code, 0, "{err}");
    let warning = err
        .lines()
        .find(|l| l.starts_with("warning: "))
        .expect(&err);
    assert!(warning.ends_with("held-out rows were moved back to training: their item had no other training row (an item needs one to get an embedding)"), "{warning}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        report["test"]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .sum::<u64>(),
        60
    );
}

#[test]
fn the_experiment_keys_are_checked_with_their_paths() {
    let bad = |json: &str| Experiment::from_json(json).unwrap_err().to_string();
    assert_eq!(
        bad(r#"{"data": {"task": "recommendation", "recommend": {"user": "u", "item": "i"}}, "model": {"layers": []}}"#),
        "experiment: model.recommender: a recommendation experiment needs {\"type\": \"mf\" or \"neural\", \"factors\": 8}"
    );
    assert_eq!(
        bad(
            r#"{"data": {"task": "recommendation", "recommend": {"user": "u", "item": "i"}}, "model": {"recommender": {"factors": 0}, "layers": []}}"#
        ),
        "experiment: model.recommender.factors: 0 is out of range; use a value from 1 to 256"
    );
    assert_eq!(
        bad(r#"{"data": {"task": "recommendation", "recommend": {"user": "u", "item": "i"}}, "model": {"recommender": {"type": "neural"}, "layers": []}}"#),
        "experiment: model.layers: the neural recommender needs dense layers after the embeddings, the last with 1 unit"
    );
    assert!(
        bad(r#"{"data": {"recommend": {"user": "u", "item": "i", "users": 1}}}"#)
            .contains("unknown field `users`")
    );
}
