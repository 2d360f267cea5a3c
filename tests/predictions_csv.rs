//! The predictions CSV gives the input rows back as the file wrote them (dates with their zone,
//! `yes`, decimal commas, missing markers), formulas escaped, numbers left numbers.
#![cfg(not(target_arch = "wasm32"))]

use kindling::data::read_csv;
use kindling::data::reader::source_rows;
use kindling::experiment::Experiment;
use kindling::io::{Model, ModelFile};
use kindling::train::Session;

/// A `;`-separated file (so `1,5` is a decimal comma) with a date, a boolean, a number, a text
/// column and the target `y = 2·x`.
fn file(rows: usize) -> String {
    let mut csv = String::from("when;flag;x;note;y\n");
    for i in 0..rows {
        let x = i as f64 / 2.0 - 3.0;
        let flag = if i % 2 == 0 { "yes" } else { "No" };
        let note = if i % 3 == 0 { "=cmd" } else { "plain" };
        csv += &format!(
            "2024-03-{:02}T10:00:00+02:00;{flag};{};{note};{}\n",
            i % 28 + 1,
            x.to_string().replace('.', ","),
            2.0 * x
        );
    }
    csv
}

fn model() -> Model {
    let table = read_csv("train.csv", file(40).as_bytes()).unwrap();
    let exp = r#"{"data":{"target":"y","missing":"mean"},"fit":{"epochs":3},
        "model":{"layers":[{"type":"dense","units":1}]}}"#;
    let mut s = Session::new(Experiment::from_json(exp).unwrap(), &table).unwrap();
    while !s.is_done() {
        s.step(usize::MAX).unwrap();
    }
    Model::from_json("m.json", &ModelFile::from_session(&mut s).to_json()).unwrap()
}

#[test]
fn input_cells_come_back_as_written() {
    let mut input = file(3);
    input += "2024-04-01 08:30;YES;NA;@SUM(A1);0\n";
    let table = read_csv("new.csv", input.as_bytes()).unwrap();
    let p = model().predict(&table).unwrap();
    let source = source_rows(input.as_bytes(), &table).unwrap();
    let csv = p.to_csv(&table, &source);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "when,flag,x,note,y,predicted_y");
    assert!(
        lines[1].starts_with("2024-03-01T10:00:00+02:00,yes,-3,'=cmd,-6,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("2024-03-02T10:00:00+02:00,No,\"-2,5\",plain,-5,"),
        "{}",
        lines[2]
    );
    assert!(
        lines[4].starts_with("2024-04-01 08:30,YES,NA,'@SUM(A1),0,"),
        "the missing marker as written, the formula escaped: {}",
        lines[4]
    );
    assert_eq!(lines.len(), 5, "one line per input row");
}

#[test]
fn source_rows_follow_the_tables_rows() {
    // A blank line, a quoted field over two lines, padding around cells.
    let text = b"a,b\n1, x \n\n2,\"two\nlines\"\n3,z\n";
    let table = read_csv("t.csv", text).unwrap();
    let rows = source_rows(text, &table).unwrap();
    assert_eq!(
        rows,
        vec![vec!["1", "x"], vec!["2", "two\nlines"], vec!["3", "z"]]
    );
    // A file with no header row: its first line is a row too.
    let table = read_csv("n.csv", b"1,2\n3,4\n").unwrap();
    assert_eq!(
        source_rows(b"1,2\n3,4\n", &table).unwrap()[0],
        vec!["1", "2"]
    );
    let e = source_rows(b"a,b\n1,x\n", &read_csv("t.csv", text).unwrap()).unwrap_err();
    assert!(e.to_string().contains("load it again"), "{e}");
}
