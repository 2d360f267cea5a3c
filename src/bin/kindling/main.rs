//! The Kindling CLI (Contract 3): the same pipeline as the page, headless.
//!
//! Exit 0 on success; 2 on bad input with one line `error: ...` on stderr.

use std::process::ExitCode;

mod advice;
mod args;
mod bench;
mod compress;
mod explain;
mod export;
mod files;
mod inspect;
mod predict;
mod recommend;
mod search;
mod train;

use args::USAGE;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("inspect") => inspect::run(&args[1..]),
        Some("train") => train::run(&args[1..]),
        Some("predict") => predict::run(&args[1..]),
        Some("search") => search::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("export") => export::run(&args[1..]),
        Some("quantize") => compress::quantize(&args[1..]),
        Some("prune") => compress::prune(&args[1..]),
        Some("explain") => explain::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n{USAGE}")),
        None => Err(format!("no command given\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
