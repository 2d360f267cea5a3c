//! Helpers shared by the CLI tests: run the `kindling` binary, write scratch files.
#![allow(dead_code)]

pub mod bits;
pub mod datasets;
pub mod int8;
pub mod model_file;
pub mod prepare;

use std::path::PathBuf;
use std::process::Command;

/// Runs `kindling ARGS`; returns (exit code, stdout, stderr).
pub fn kindling(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kindling"))
        .args(args)
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

/// A path `name` in a scratch folder of this test process (`group` keeps test files apart).
pub fn path(group: &str, name: &str) -> String {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("kindling-{group}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_string_lossy().into_owned()
}

/// Writes `text` to [`path`]`(group, name)` and returns the path.
pub fn write(group: &str, name: &str, text: &str) -> String {
    let p = path(group, name);
    std::fs::write(&p, text).unwrap();
    p
}
