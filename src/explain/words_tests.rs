//! Tests of src/explain/words.rs: completeness for token ids and for bags of words, a hand-set
//! linear model's exact word attributions, and the words of the trained sentiment model.

use ndarray::{array, ArrayD, Axis};
use serde_json::Value;

use super::*;
use crate::data::read_csv;
use crate::experiment::{Activation, Experiment, LayerConfig, Loss};
use crate::explain::report::{attribution, Settings};
use crate::io::Model;
use crate::rng::Rng;
use crate::train::Session;

/// A trained model of `experiment` (JSON) on `csv`.
fn trained(experiment: &str, csv: &str) -> Model {
    let table = read_csv("t.csv", csv.as_bytes()).unwrap();
    let exp = Experiment::from_json(experiment).unwrap();
    let mut s = Session::new(exp, &table).unwrap();
    while !s.is_done() {
        s.step(usize::MAX).unwrap();
    }
    Model::from_session(&mut s)
}

/// The explanation of the one sentence `text` (a one-row table of the feature `text`).
fn explain_sentence(model: &mut Model, text: &str, steps: usize) -> Value {
    let csv = format!("text\n\"{text}\"\n");
    let table = read_csv("one.csv", csv.as_bytes()).unwrap();
    let s = Settings {
        steps,
        ..Settings::default()
    };
    attribution(model, &table, s).unwrap()
}

#[test]
fn token_ids_add_up_to_the_change_in_output_and_padding_gets_exactly_zero() {
    let layers: Vec<LayerConfig> = serde_json::from_str(
        r#"[{"type":"embedding","input_dim":6,"output_dim":3,"mask_zero":true},
            {"type":"global_average_pooling1d"},{"type":"dense","units":4,"activation":"tanh"},
            {"type":"dense","units":2,"activation":"softmax"}]"#,
    )
    .unwrap();
    let loss = Loss::CategoricalCrossentropy;
    let mut net = Sequential::build(&layers, &[5], 2, loss, &mut Rng::new(7)).unwrap();
    // Vectors of U(±0.05) barely move the output: make them larger.
    let w: Vec<ArrayD<f32>> = (net.weights().into_iter().enumerate())
        .map(|(i, w)| if i == 0 { w * 40.0 } else { w })
        .collect();
    net.set_weights(&w).unwrap();
    let ids = array![3.0f32, 1.0, 5.0, 0.0, 0.0].into_dyn();
    for output in 0..2 {
        let a = embedding_gradients(&mut net, &ids, output, 256).unwrap();
        let (sum, change) = (
            a.attributions.iter().sum::<f32>(),
            a.value - a.baseline_value,
        );
        assert!(change.abs() > 0.01, "{change}");
        assert!(
            (sum - change).abs() <= 0.01 * change.abs(),
            "{sum} vs {change}"
        );
        assert_eq!(&a.attributions[3..], [0.0, 0.0]);
        let p = net.predict(&ids.clone().insert_axis(Axis(0)));
        assert_eq!(a.value, p[[0, output]], "f(x) is the prediction");
    }
    let dense = [LayerConfig::dense(2, Activation::Softmax)];
    let mut net = Sequential::build(&dense, &[5], 2, loss, &mut Rng::new(7)).unwrap();
    assert_eq!(embedding_gradients(&mut net, &ids, 0, 8), None);
}

const PHRASES: &str = "text,y\ngood film,3\nbad film,1\ngood plot,3\nbad plot,1\ngood good,4\n";

#[test]
fn a_linear_bag_of_words_model_gives_each_word_w_times_x_shared_between_repeats() {
    let exp = r#"{"seed":1,"data":{"target":"y","task":"regression","scale":"none","column_kinds":{"text":"text"},
        "split":{"method":"random","validation":0.0,"test":0.0},"text":{"output_mode":"multi_hot"}},
        "model":{"layers":[{"type":"dense","units":1}]},"fit":{"epochs":1,"batch_size":8}}"#;
    let mut model = trained(exp, PHRASES);
    let names = model.file.preprocessing.inputs.clone();
    let at = |w: &str| {
        names
            .iter()
            .position(|n| *n == format!("text={w}"))
            .unwrap()
    };
    // Hand-set weights: [UNK] 0.5, good 1.25, bad -2, film 0.75, plot -0.25; bias 0.125.
    let mut kernel = ArrayD::zeros(vec![names.len(), 1]);
    kernel[[0, 0]] = 0.5;
    for (w, v) in [
        ("good", 1.25),
        ("bad", -2.0),
        ("film", 0.75),
        ("plot", -0.25),
    ] {
        kernel[[at(w), 0]] = v;
    }
    let bias = array![0.125f32].into_dyn();
    model.network_mut().set_weights(&[kernel, bias]).unwrap();
    let ex = explain_sentence(&mut model, "Good film, GOOD zebra!", 16);
    let words: Vec<(String, usize, usize, f32, bool)> = ex["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["text"].as_str().unwrap().to_owned(),
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
                t["attribution"].as_f64().unwrap() as f32,
                t["unknown"].as_bool().unwrap(),
            )
        })
        .collect();
    let want = [
        ("good".to_owned(), 0, 4, 0.625, false),
        ("film".to_owned(), 5, 9, 0.75, false),
        ("good".to_owned(), 11, 15, 0.625, false),
        ("zebra".to_owned(), 16, 21, 0.0, true),
    ];
    assert_eq!(words, want);
    // The [UNK] input keeps the unknown word's share; f(x) − f(empty sentence) is all of them.
    assert_eq!(ex["attributions"][0].as_f64().unwrap(), 0.5);
    assert_eq!(ex["baseline_value"].as_f64().unwrap(), 0.125);
    assert_eq!(ex["value"].as_f64().unwrap(), 0.125 + 0.5 + 1.25 + 0.75);
}

#[test]
fn a_bag_of_words_adds_up_to_the_change_from_the_empty_sentence() {
    let exp = r#"{"seed":3,"data":{"target":"y","task":"classification","column_kinds":{"text":"text"},
        "split":{"method":"random","validation":0.0,"test":0.0},"text":{"output_mode":"tf_idf"}},
        "model":{"layers":[{"type":"dense","units":4,"activation":"tanh"},{"type":"dense","units":3,"activation":"softmax"}]},
        "compile":{"optimizer":{"type":"adam","learning_rate":0.05}},"fit":{"epochs":30,"batch_size":8}}"#;
    let mut model = trained(exp, PHRASES);
    let ex = explain_sentence(&mut model, "good good bad plot", 512);
    let tokens = ex["tokens"].as_array().unwrap();
    let sum: f64 = tokens
        .iter()
        .map(|t| t["attribution"].as_f64().unwrap())
        .sum();
    let change = ex["value"].as_f64().unwrap() - ex["baseline_value"].as_f64().unwrap();
    assert!(change.abs() > 0.01, "{ex}");
    assert!(
        (sum - change).abs() <= 0.01 * change.abs(),
        "{sum} vs {change}"
    );
    // The two "good"s share one input's attribution equally.
    assert_eq!(tokens[0]["attribution"], tokens[1]["attribution"]);
}

#[test]
fn the_trained_sentiment_model_reads_great_as_positive_and_terrible_as_negative() {
    let exp = std::fs::read_to_string("examples/sentiment_embedding.json").unwrap();
    let csv = std::fs::read_to_string("www/data/sentiment.csv").unwrap();
    let mut model = trained(&exp, &csv);
    let classes = model.file.preprocessing.classes.clone().unwrap();
    for (sentence, word, class) in [
        ("The battery is great", "great", "1"),
        ("The battery is terrible", "terrible", "0"),
    ] {
        let ex = explain_sentence(&mut model, sentence, 64);
        assert_eq!(ex["output"], class, "{ex}");
        let tokens = ex["tokens"].as_array().unwrap();
        let value = |t: &Value| t["attribution"].as_f64().unwrap();
        let strongest = tokens.iter().max_by(|a, b| value(a).total_cmp(&value(b)));
        assert_eq!(strongest.unwrap()["text"], word, "{ex}");
        let sum: f64 = tokens.iter().map(value).sum();
        let change = ex["value"].as_f64().unwrap() - ex["baseline_value"].as_f64().unwrap();
        assert!(
            (sum - change).abs() <= 0.01 * change.abs(),
            "{sum} vs {change}"
        );
    }
    // Both in one sentence: whichever class it picks, they pull opposite ways.
    let ex = explain_sentence(&mut model, "A great screen but a terrible battery", 64);
    let of = |w: &str| {
        let t = ex["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["text"] == w);
        t.unwrap()["attribution"].as_f64().unwrap()
    };
    let positive = if ex["output"] == "1" { 1.0 } else { -1.0 };
    assert!(
        of("great") * positive > 0.0 && of("terrible") * positive < 0.0,
        "{ex}"
    );
    assert_eq!(classes, ["0", "1"]);
}
