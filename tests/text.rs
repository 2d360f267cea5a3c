//! Text as data (issue 14): the built-in `sentiment` reviews through the text vectoriser (int and
//! tf_idf), an embedding model in a model file that predicts on raw sentences, and the bad inputs
//! named by column or key.
#![cfg(not(target_arch = "wasm32"))]

use kindling::data::{prepare, read_csv};
use kindling::experiment::Experiment;
use kindling::io::{Model, ModelFile};
use kindling::rng::Rng;
use kindling::train::Session;

const SENTIMENT: &[u8] = include_bytes!("../www/data/sentiment.csv");

fn experiment(text: &str, layers: &str) -> Experiment {
    Experiment::from_json(&format!(
        r#"{{"seed":3,"data":{{"source":"builtin:sentiment","target":"label","features":["text"],"task":"classification","text":{text}}},
            "model":{{"layers":{layers}}},"fit":{{"epochs":2,"batch_size":64}}}}"#
    ))
    .unwrap()
}

const EMBED: &str = r#"[{"type":"embedding","input_dim":2000,"output_dim":8,"mask_zero":true},{"type":"global_average_pooling1d"},{"type":"dense","units":2,"activation":"softmax"}]"#;
const DENSE: &str = r#"[{"type":"dense","units":2,"activation":"softmax"}]"#;

fn err(text: &str, layers: &str, csv: &[u8]) -> String {
    let table = read_csv("s.csv", csv).unwrap();
    match Experiment::from_json(&format!(
        r#"{{"data":{{"target":"label","task":"classification","text":{text}}},"model":{{"layers":{layers}}}}}"#
    )) {
        Err(e) => e.to_string(),
        Ok(e) => match Session::new(e, &table) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("accepted"),
        },
    }
}

#[test]
fn sentences_become_token_ids_or_tf_idf_bags_fitted_on_the_training_rows() {
    let table = read_csv("sentiment.csv", SENTIMENT).unwrap();
    assert_eq!(table.column("text").unwrap().data.kind(), "text");
    let int = experiment(
        r#"{"output_mode":"int","max_tokens":2000,"max_length":30}"#,
        EMBED,
    );
    let p = prepare(&table, &int.data, &mut Rng::new(3)).unwrap();
    // 3,000 rows: 70 % training, 10 % validation, 20 % test (stratified).
    assert_eq!(
        (p.x_train.shape(), p.x_test.shape()),
        (&[2100, 30][..], &[600, 30][..])
    );
    assert!(p
        .x_train
        .iter()
        .all(|&v| v == v.round() && (0.0..2000.0).contains(&v)));
    assert_eq!(p.preprocessing.inputs[29], "text[29]");
    let bag = experiment(r#"{"output_mode":"tf_idf","max_tokens":500}"#, DENSE);
    let p = prepare(&table, &bag.data, &mut Rng::new(3)).unwrap();
    assert_eq!(p.x_train.shape(), [2100, 500]);
    assert_eq!(p.preprocessing.inputs[..2], ["text=[UNK]", "text=the"]);
}

#[test]
fn an_embedding_model_file_predicts_on_raw_sentences() {
    let table = read_csv("sentiment.csv", SENTIMENT).unwrap();
    let exp = experiment(
        r#"{"output_mode":"int","max_tokens":2000,"max_length":30}"#,
        EMBED,
    );
    let mut s = Session::new(exp, &table).unwrap();
    while !s.is_done() {
        s.step(usize::MAX).unwrap();
    }
    let json = ModelFile::from_session(&mut s).to_json();
    let mut model = Model::from_json("m.json", &json).unwrap();
    let new = read_csv(
        "new.csv",
        "text\n\"Great phone, I love it\"\n\"这部电影很好看 😀\"\n".as_bytes(),
    )
    .unwrap();
    let p = model.predict(&new).unwrap();
    assert_eq!(p.values.len(), 2);
    assert!(
        p.values
            .iter()
            .all(|v| (v.iter().sum::<f32>() - 1.0).abs() < 1e-5),
        "{:?}",
        p.values
    );
    // Loading the file again gives the same probabilities, bit for bit.
    let again = Model::from_json("m.json", &json)
        .unwrap()
        .predict(&new)
        .unwrap();
    assert_eq!(again.values, p.values);
}

#[test]
fn bad_text_settings_are_named_by_column_or_key() {
    let csv = "text,label\n\
        \"The battery died after two days, sadly\",0\n\
        Great value for the money and it works well,1\n\
        \"Not what I expected, returned it at once\",0\n\
        \"Lovely screen and a very fast delivery too\",1\n";
    assert_eq!(
        err(r#"{"max_length":0}"#, DENSE, csv.as_bytes()),
        "experiment: data.text.max_length: 0 is out of range; use a value from 1 to 1000"
    );
    assert_eq!(
        err(r#"{"max_tokens":50000}"#, DENSE, csv.as_bytes()),
        "experiment: data.text.max_tokens: 50000 is out of range; use a value from 2 to 20000"
    );
    assert_eq!(
        err(r#"{"output_mode":"bag"}"#, DENSE, csv.as_bytes()),
        "experiment: data.text.output_mode: must be \"int\", \"multi_hot\" or \"tf_idf\""
    );
    assert_eq!(
        err(r#"{"max_length":2.5}"#, DENSE, csv.as_bytes()),
        "experiment: data.text.max_length: must be a whole number"
    );
    assert_eq!(
        err(r#"{"vocabulary":3}"#, DENSE, csv.as_bytes()),
        "experiment: data.text.vocabulary: is not a setting of data.text; they are output_mode, max_tokens, min_count and max_length"
    );
    assert_eq!(
        err("[1]", DENSE, csv.as_bytes()),
        "experiment: data.text: must be an object {\"output_mode\": …, \"max_tokens\": …, \"min_count\": …, \"max_length\": …}"
    );
    assert_eq!(
        err(r#"{"min_count":9}"#, DENSE, csv.as_bytes()),
        "s.csv: column \"text\" has no tokens in the training rows that occur data.text.min_count (9) times or more (its cells are empty or missing, or too varied); pick a column of sentences, or lower data.text.min_count"
    );
    let small = r#"[{"type":"embedding","input_dim":5,"output_dim":4},{"type":"global_average_pooling1d"},{"type":"dense","units":2,"activation":"softmax"}]"#;
    let e = err(r#"{"output_mode":"int"}"#, small, csv.as_bytes());
    assert!(
        e.starts_with("experiment: model.layers[0].input_dim: 5 is smaller than the text's "),
        "{e}"
    );
    let table = read_csv("s.csv", csv.as_bytes()).unwrap();
    let numeric = Experiment::from_json(
        r#"{"data":{"target":"label","task":"classification","column_kinds":{"text":"numeric"}}}"#,
    )
    .unwrap();
    let e = prepare(&table, &numeric.data, &mut Rng::new(0))
        .unwrap_err()
        .to_string();
    assert_eq!(e, "experiment: data.column_kinds.text: column \"text\" holds text (sentences), not numbers: read as numbers every cell would be missing; set it to \"text\" (or \"categorical\"), or leave the column out of data.features");
}
