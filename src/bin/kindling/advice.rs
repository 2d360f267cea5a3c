//! The core's advice on an experiment (src/advice/) as `warning:` lines on stderr, before training:
//! `warning: CODE: MESSAGE (fix: PATH = VALUE; …)`.

use kindling::advice::{advise_on, describe_fix, Advice};
use kindling::data::Table;
use kindling::experiment::Experiment;

/// One advice as its `warning:` line.
pub fn line(a: &Advice) -> String {
    let fix = a
        .fix
        .as_ref()
        .map_or(String::new(), |f| format!(" (fix: {})", describe_fix(f)));
    format!("warning: {}: {}{fix}", a.code, a.message)
}

/// Prints the advice for `exp` on `table`.
pub fn print(exp: &Experiment, table: &Table) {
    for a in advise_on(exp, table) {
        eprintln!("{}", line(&a));
    }
}
