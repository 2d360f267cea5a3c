//! Opening a recommender's model file (the page's recommendation worker: `WasmRecommender::open`
//! calls `RecommenderFile::read` then `Run::open`, tested here natively): the opened weights
//! score as the trained ones, its data attached evaluates to the file's metrics, and a hostile
//! file is refused naming the key.
#![cfg(not(target_arch = "wasm32"))]

use kindling::data::read_csv;
use kindling::experiment::Experiment;
use kindling::recommend::{RecommenderFile, Run};
use serde_json::{json, Value};

/// 12 users × 10 items, every pair rated (two taste groups), with titles.
fn table() -> kindling::data::Table {
    let mut csv = String::from("user,item,rating,title\n");
    for u in 0..12 {
        for i in 0..10 {
            csv += &format!(
                "u{u},i{i},{},Item {i}\n",
                (u % 3 == i % 3) as u8 * 2 + (i % 2) as u8
            );
        }
    }
    read_csv("r.csv", csv.as_bytes()).unwrap()
}

fn trained(kind: &str) -> (Run, String) {
    let layers = if kind == "neural" {
        r#"[{"type": "dense", "units": 4, "activation": "relu"}, {"type": "dense", "units": 1}]"#
    } else {
        "[]"
    };
    let exp = Experiment::from_json(&format!(
        r#"{{"seed": 3, "data": {{"task": "recommendation", "target": "rating",
        "recommend": {{"user": "user", "item": "item", "title": "title"}},
        "split": {{"method": "random", "validation": 0.1, "test": 0.2}}}},
        "model": {{"recommender": {{"type": "{kind}", "factors": 4}}, "layers": {layers}}},
        "compile": {{"optimizer": {{"type": "adam", "learning_rate": 0.05}}}},
        "fit": {{"epochs": 15, "batch_size": 16}}}}"#
    ))
    .unwrap();
    let mut run = Run::new(exp, &table()).unwrap();
    while run.step().is_some() {}
    let text = RecommenderFile::from_run(&mut run).to_json();
    (run, text)
}

/// What opening `text` as `m.json` says, or "" when it opens.
fn refusal(text: &str) -> String {
    let opened =
        RecommenderFile::read("m.json", text.as_bytes()).and_then(|f| Run::open(&f, "m.json"));
    opened.err().map(|e| e.to_string()).unwrap_or_default()
}

#[test]
fn an_opened_file_scores_ranks_and_evaluates_as_the_run_that_wrote_it() {
    for kind in ["mf", "neural"] {
        let (mut run, text) = trained(kind);
        let file = RecommenderFile::read("m.json", text.as_bytes()).unwrap();
        let mut opened = Run::open(&file, "m.json").unwrap();
        assert!(!opened.has_rows() && run.has_rows());
        assert_eq!(opened.history, run.history);
        // No rows: nothing is left out of the top N; the scores are the trained model's.
        let all = opened.top_n("u4", 10).unwrap();
        let mut want = run.model.score_user(4, 10);
        want.sort_by(|a, b| b.total_cmp(a));
        assert_eq!(
            all.iter().map(|s| s.score).collect::<Vec<_>>(),
            want,
            "{kind}"
        );
        assert_eq!(
            opened.similar("i2", 3).unwrap(),
            run.similar("i2", 3).unwrap()
        );
        assert_eq!(opened.item_map(), run.item_map());
        // The data it was trained on: the same split by the same seed, so the file's figures.
        opened.attach(&table()).unwrap();
        assert!(opened.has_rows());
        assert_eq!(opened.top_n("u4", 3).unwrap(), run.top_n("u4", 3).unwrap());
        let (a, b) = (opened.evaluate(), run.evaluate());
        assert_eq!(a, b, "{kind}");
        let test = serde_json::to_value(&a).unwrap();
        assert_eq!(Value::Object(file.metrics.test.into_iter().collect()), test);
        assert_eq!(file.metrics.rows, a.rows);
    }
}

#[test]
fn other_data_is_not_attached_and_the_opened_run_stays_as_it_was() {
    let (_, text) = trained("mf");
    let file = RecommenderFile::read("m.json", text.as_bytes()).unwrap();
    let mut opened = Run::open(&file, "m.json").unwrap();
    let before = opened.top_n("u1", 4).unwrap();
    let other = read_csv(
        "other.csv",
        b"user,item,rating,title\na,x,1,X\nb,x,2,X\na,y,0,Y\nb,y,1,Y\n",
    )
    .unwrap();
    assert_eq!(
        opened.attach(&other).unwrap_err().to_string(),
        "other.csv: its training rows hold 2 users and 2 items, the model 12 and 10 (or other ids): it is not the data the model was trained on; open that CSV"
    );
    assert!(!opened.has_rows());
    assert_eq!(opened.top_n("u1", 4).unwrap(), before);
}

#[test]
fn a_hostile_file_is_refused_naming_the_key() {
    let (_, text) = trained("mf");
    let good: Value = serde_json::from_str(&text).unwrap();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        refusal(&v.to_string())
    };
    assert_eq!(refusal(&text), "");
    // Wrong table shapes: a user table of 11 rows for 12 users.
    assert_eq!(
        edit(&|v| {
            let t = &mut v["weights"]["tensors"][0];
            t["shape"][0] = json!(11);
            t["data"].as_array_mut().unwrap().truncate(44);
        }),
        "m.json: the weights do not fit 12 users and 10 items (recommender.users, recommender.items); weight tensor 0 has shape [11, 4], the model needs [12, 4]; the file is damaged or was edited, train the model again"
    );
    // Ids and tables that disagree: one user fewer than the tables' rows.
    assert!(edit(&|v| {
        v["recommender"]["users"].as_array_mut().unwrap().pop();
    })
    .starts_with("m.json: the weights do not fit 11 users and 10 items"));
    assert_eq!(
        edit(&|v| v["weights"]["tensors"][1]["data"]
            .as_array_mut()
            .unwrap()
            .truncate(3)),
        "m.json: weights.tensors[1]: its data does not fill its shape; train the model again"
    );
    assert_eq!(
        edit(&|v| v["recommender"]["mean"] = json!("NaN")),
        "m.json: recommender.mean: invalid type: string \"NaN\", expected f32"
    );
    assert_eq!(
        edit(&|v| v["weights"]["tensors"][2]["data"][0] = json!(1e39)),
        "m.json: the weights hold a non-finite number; train the model again"
    );
    assert_eq!(
        edit(&|v| v["recommender"]["items"][3] = json!("i1")),
        "m.json: recommender.items[1]: \"i1\" is listed twice; each id needs one row of the tables: train the model again"
    );
    assert_eq!(
        edit(&|v| {
            v["recommender"]["titles"].as_array_mut().unwrap().pop();
        }),
        "m.json: recommender.titles has 9 titles for 10 items; give one per item (\"\" for none)"
    );
    assert_eq!(
        edit(&|v| v["recommender"]["users"] = json!([])),
        "m.json: recommender.users is empty; train the model again"
    );
    assert_eq!(
        edit(&|v| v["experiment"]["data"]["task"] = json!("regression")),
        "m.json: experiment: data.task: data.recommend and model.recommender are for \"task\": \"recommendation\"; set the task or remove them"
    );
    assert_eq!(
        refusal(&text[..200]),
        "m.json: not valid JSON (EOF while parsing a value at line 1 column 200); the file is damaged or truncated: download the model again"
    );
    assert!(edit(&|v| v["format"] = json!("other"))
        .starts_with("m.json: this is not a Kindling model file"));
}
