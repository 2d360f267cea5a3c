//! `kindling bench W1|W2|W3|T1 [--clock wall|cpu] [--seed N]`: one benchmark workload natively
//! (release build, one thread). stdout: the report JSON; stderr: one readable line.
//!
//! `--clock cpu` times with this thread's on-CPU time (Linux `/proc/thread-self/schedstat`), which
//! stays meaningful on a machine shared with other busy processes; the default is wall time.

use std::time::Instant;

use kindling::bench::{self, Workload};
use kindling::data::builtin;

use crate::args::USAGE;

pub fn run(args: &[String]) -> Result<(), String> {
    let wrong = || {
        format!("bench needs one workload (W1, W2, W3 or T1), optionally --clock wall|cpu and --seed N\n{USAGE}")
    };
    let (name, flags) = args.split_first().ok_or_else(wrong)?;
    let (mut cpu, mut seed) = (false, bench::SEED);
    for pair in flags.chunks(2) {
        match pair {
            [flag, kind] if flag == "--clock" && (kind == "wall" || kind == "cpu") => {
                cpu = kind == "cpu"
            }
            [flag, n] if flag == "--seed" => {
                seed = n
                    .parse()
                    .map_err(|_| format!("--seed needs a whole number ≥ 0, not {n:?}"))?
            }
            _ => return Err(wrong()),
        }
    }
    let workload: Workload = name.parse().map_err(|e: kindling::Error| e.to_string())?;
    let files: Vec<(&str, &[u8])> = [
        ("digits.csv", "digits"),
        ("digits_split.csv", "digits_split"),
        ("sunspots.csv", "sunspots"),
        ("sentiment.csv", "sentiment"),
    ]
    .into_iter()
    .map(|(file, name)| (file, builtin::bytes(name).expect("shipped with the binary")))
    .collect();
    let t0 = Instant::now();
    if cpu {
        thread_cpu_ms()?;
    }
    let mut clock = || {
        if cpu {
            thread_cpu_ms().unwrap_or(f64::NAN)
        } else {
            t0.elapsed().as_secs_f64() * 1000.0
        }
    };
    let r = bench::run_seeded(workload, &files, &mut clock, seed).map_err(|e| e.to_string())?;
    eprintln!(
        "{} ({} clock, seed {}): {:.1} ms/epoch (median of epochs 2..{}; first {:.1} ms), {} {:.4}, {:.0} samples/s{}, {} params",
        r.workload,
        if cpu { "cpu" } else { "wall" },
        r.seed,
        r.ms_per_epoch,
        r.epochs_ms.len(),
        r.first_epoch_ms,
        r.metric_name,
        r.metric,
        r.samples_per_s.unwrap_or(0.0),
        r.gflops.map_or(String::new(), |g| format!(", {g:.2} GFLOP/s")),
        r.params
    );
    println!("{}", serde_json::to_string_pretty(&r).expect("plain JSON"));
    Ok(())
}

/// Milliseconds this thread has spent on a CPU (nanoseconds in the first field of schedstat).
fn thread_cpu_ms() -> Result<f64, String> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat")
        .map_err(|e| format!("--clock cpu needs /proc/thread-self/schedstat (Linux): {e}"))?;
    text.split_whitespace()
        .next()
        .and_then(|ns| ns.parse::<f64>().ok())
        .map(|ns| ns / 1e6)
        .ok_or_else(|| format!("unexpected /proc/thread-self/schedstat: {text:?}"))
}
