//! One test per advice rule: the code, the sentence and the fix, exactly; and good experiments get none.

use serde_json::json;

use super::*;

fn exp(model: &str, extra: &str) -> Experiment {
    Experiment::from_json(&format!(r#"{{"model":{{"layers":{model}}}{extra}}}"#)).unwrap()
}

const CLASSES3: DataSummary = DataSummary {
    task: Task::Classification,
    classes: Some(3),
};
const REGRESSION: DataSummary = DataSummary {
    task: Task::Regression,
    classes: None,
};

fn codes(a: &[Advice]) -> Vec<&str> {
    a.iter().map(|a| a.code).collect()
}

#[test]
fn good_experiments_get_no_advice() {
    assert!(advise(&Experiment::default(), &CLASSES3).is_empty());
    let linear = exp(
        r#"[{"type":"dense","units":8,"activation":"relu"},{"type":"dense","units":1}]"#,
        "",
    );
    assert!(advise(&linear, &REGRESSION).is_empty());
}

#[test]
fn softmax_on_a_regression() {
    let a = advise(
        &exp(r#"[{"type":"dense","units":1,"activation":"softmax"}]"#, ""),
        &REGRESSION,
    );
    assert_eq!(codes(&a), ["softmax_regression"]);
    assert_eq!(a[0].message, "Layer 1 (dense, the output) uses softmax, which gives class probabilities, but the task is regression; use a linear output");
    assert_eq!(
        a[0].params["layer"],
        json!(1),
        "1-based, as the message and the editor"
    );
    assert_eq!(
        a[0].fix,
        Some(vec![Change::new("model.layers[0].activation", "linear")])
    );
}

#[test]
fn softmax_with_mse() {
    let a = advise(
        &exp(
            r#"[{"type":"dense","units":3,"activation":"softmax"}]"#,
            r#","compile":{"loss":"mse"}"#,
        ),
        &CLASSES3,
    );
    assert_eq!(codes(&a), ["softmax_mse"]);
    assert_eq!(a[0].message, "the output is softmax probabilities but the loss is mse; use categorical_crossentropy, the loss for probabilities");
    assert_eq!(
        a[0].fix,
        Some(vec![Change::new(
            "compile.loss",
            "categorical_crossentropy"
        )])
    );
}

#[test]
fn a_probability_loss_on_a_regression() {
    let a = advise(
        &exp(
            r#"[{"type":"dense","units":1}]"#,
            r#","compile":{"loss":"binary_crossentropy"}"#,
        ),
        &REGRESSION,
    );
    assert_eq!(codes(&a), ["probability_loss"]);
    assert_eq!(a[0].params["loss"], json!("binary_crossentropy"));
    assert_eq!(a[0].fix, Some(vec![Change::new("compile.loss", "mse")]));
}

#[test]
fn a_linear_output_for_classes() {
    let a = advise(
        &exp(
            r#"[{"type":"dense","units":8,"activation":"relu"},{"type":"dense","units":3,"activation":"relu"}]"#,
            "",
        ),
        &CLASSES3,
    );
    assert_eq!(codes(&a), ["classifier_output"]);
    assert_eq!(a[0].message, "Layer 2 (dense, the output) uses relu for classification; use softmax, which gives one probability per class");
    assert_eq!(
        a[0].fix,
        Some(vec![Change::new("model.layers[1].activation", "softmax")])
    );
}

#[test]
fn sigmoid_for_three_classes_but_not_for_two() {
    let e = exp(r#"[{"type":"dense","units":3,"activation":"sigmoid"}]"#, "");
    let a = advise(&e, &CLASSES3);
    assert_eq!(codes(&a), ["sigmoid_multiclass"]);
    assert_eq!(a[0].message, "Layer 1 (dense, the output) uses sigmoid for 3 classes, scoring each class on its own; use softmax, which shares one probability among the classes");
    assert_eq!(a[0].params["classes"], json!(3));
    let two = DataSummary {
        task: Task::Classification,
        classes: Some(2),
    };
    assert!(advise(&e, &two).is_empty());
}

#[test]
fn dropout_as_the_output() {
    let a = advise(
        &exp(
            r#"[{"type":"dense","units":3,"activation":"softmax"},{"type":"dropout","rate":0.2}]"#,
            "",
        ),
        &CLASSES3,
    );
    assert_eq!(codes(&a), ["last_dropout"]);
    assert_eq!(a[0].message, "Layer 2 (dropout) is the output layer, so predictions are zeroed at random while training; end with a dense layer");
    let kept = json!([{"type":"dense","units":3,"activation":"softmax"}]);
    assert_eq!(a[0].fix, Some(vec![Change::new("model.layers", kept)]));
}

#[test]
fn an_lstm_without_a_window() {
    let model = r#"[{"type":"lstm","units":4},{"type":"dense","units":1}]"#;
    let a = advise(&exp(model, ""), &REGRESSION);
    assert_eq!(codes(&a), ["recurrent_no_window"]);
    assert_eq!(a[0].message, "Layer 1 (lstm) reads sequences but the data has no window; set data.window so each row becomes the last lookback steps of a series");
    assert_eq!(
        a[0].fix,
        Some(vec![Change::new(
            "data.window",
            json!({"lookback": 10, "horizon": 1})
        )])
    );
    let windowed = exp(model, r#","data":{"window":{"lookback":4}}"#);
    assert!(advise(&windowed, &REGRESSION).is_empty());
}

#[test]
fn the_data_summary_resolves_the_task_and_counts_classes() {
    let table = crate::data::read_csv("t.csv", b"x,y\n1,a\n2,b\n3,c\n4,a\n").unwrap();
    let d = DataSummary::of(&table, &Experiment::default().data).unwrap();
    assert_eq!(
        d,
        DataSummary {
            task: Task::Classification,
            classes: Some(3)
        }
    );
    let numbers = crate::data::read_csv("n.csv", b"x,y\n1,2\n2,4\n").unwrap();
    assert_eq!(
        DataSummary::of(&numbers, &Experiment::default().data).unwrap(),
        REGRESSION
    );
}

#[test]
fn a_fix_reads_as_path_equals_value() {
    let fix = [
        Change::new("compile.loss", "mse"),
        Change::new("fit.epochs", 200),
    ];
    assert_eq!(
        describe_fix(&fix),
        "compile.loss = \"mse\"; fit.epochs = 200"
    );
}
