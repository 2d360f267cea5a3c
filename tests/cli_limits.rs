//! The CLI checks a file's size before reading it and never reads past the limit (issue 13,
//! item 8): a regular file over the limit is refused from its size (a sparse 1 TB file would
//! otherwise be read into memory), a stream (`/dev/zero`, a FIFO) is cut off at the limit.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs::File;
use std::io::Write;
use std::process::Command;

use common::kindling;

fn path(name: &str) -> String {
    common::path("cli-limits", name)
}

/// A sparse file of `len` bytes (no data written: instant, no disk used).
fn sparse(name: &str, len: u64) -> String {
    let p = path(name);
    File::create(&p).unwrap().set_len(len).unwrap();
    p
}

/// Runs kindling `args` and returns its one error line (exit 2 asserted).
fn error(args: &[&str]) -> String {
    let (code, stdout, stderr) = kindling(args);
    assert_eq!(code, 2, "{args:?}: {stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr.trim_end().to_string()
}

#[test]
fn regular_files_over_the_limit_are_refused_by_their_size() {
    let csv = sparse("huge.csv", 1 << 40);
    assert_eq!(
        error(&["inspect", &csv]),
        format!("error: {csv}: the file is 1048576 MB, more than the 256 MB a browser tab can parse (reading needs about 3 times the file in memory); use a sample of the rows")
    );
    let model = sparse("huge-model.json", 1 << 40);
    assert_eq!(
        error(&["predict", &model, &csv]),
        format!("error: {model}: the model file is 1048576 MB, more than the 64 MB kindling reads; open a file made with \"Download model\" or `kindling train --out`")
    );
    let exp = sparse("huge-experiment.json", 1 << 40);
    let want = format!("error: {exp}: the file is 1048576 MB, more than the 1 MB kindling reads; check the path: experiment and search files are a few KB of JSON");
    assert_eq!(error(&["train", &exp]), want);
    assert_eq!(error(&["search", &exp]), want);
    // --data and a search space go through the same reader.
    let ok = common::write("cli-limits", "ok.json", r#"{"fit":{"epochs":1}}"#);
    assert!(error(&["train", &ok, "--data", &csv]).contains("more than the 256 MB"));
    assert!(error(&["search", &ok, "--space", &exp]).contains("more than the 1 MB kindling reads"));
    // Just over the limit (300 MB, sparse) is refused the same way.
    let csv300 = sparse("300.csv", 300 << 20);
    assert!(error(&["inspect", &csv300]).contains("the file is 300 MB, more than the 256 MB"));
}

#[test]
fn endless_streams_are_cut_off_at_the_limit() {
    assert_eq!(
        error(&["inspect", "/dev/zero"]),
        "error: /dev/zero: the data goes on past 256 MB, more than kindling reads; use a sample of the rows"
    );
    let csv = common::write("cli-limits", "small.csv", "a,b\n1,2\n");
    assert_eq!(
        error(&["predict", "/dev/zero", &csv]),
        "error: /dev/zero: the model file goes on past 64 MB, more than kindling reads; open a file made with \"Download model\" or `kindling train --out`"
    );
    assert_eq!(
        error(&["train", "/dev/zero"]),
        "error: /dev/zero: the file goes on past 1 MB, more than kindling reads; check the path: experiment and search files are a few KB of JSON"
    );
}

/// A FIFO at `name` fed `bytes` by a thread (the writer stops quietly when the reader closes).
fn fifo(name: &str, bytes: Vec<u8>) -> (String, std::thread::JoinHandle<()>) {
    let p = path(name);
    let _ = std::fs::remove_file(&p);
    let made = Command::new("mkfifo").arg(&p).status().unwrap();
    assert!(made.success());
    let writer_path = p.clone();
    let writer = std::thread::spawn(move || {
        let mut f = File::options().write(true).open(writer_path).unwrap();
        let _ = f.write_all(&bytes);
    });
    (p, writer)
}

#[test]
fn a_pipe_is_read_up_to_the_limit_and_works_below_it() {
    // 2 MB of spaces then a document: the reader stops after 1 MB + 1 byte.
    let mut long = vec![b' '; 2 << 20];
    long.extend_from_slice(br#"{"fit":{"epochs":1}}"#);
    let (p, writer) = fifo("long.json", long);
    assert_eq!(
        error(&["train", &p]),
        format!("error: {p}: the file goes on past 1 MB, more than kindling reads; check the path: experiment and search files are a few KB of JSON")
    );
    writer.join().unwrap();

    let (p, writer) = fifo("short.json", br#"{"fit":{"epochs":2}}"#.to_vec());
    let (code, stdout, stderr) = kindling(&["train", &p]);
    assert_eq!(code, 0, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(out["history"].as_array().unwrap().len(), 2);
    writer.join().unwrap();
}
