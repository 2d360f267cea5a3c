//! Draws docs/benchmarks.svg from a `window.benchResult` JSON saved by
//! `node scripts/bench-browser.mjs --json result.json`: Kindling's speed-up over TF.js-wasm per
//! workload (ms/epoch ratio; W3 the GFLOP/s ratio, which is the same), with the targets.
//!
//! `cargo run --example bench_chart -- result.json docs/benchmarks.svg`

use plotters::prelude::*;
use serde_json::Value;

const TARGETS: [(&str, f64); 3] = [("W1", 5.0), ("W2", 5.0), ("W3", 8.0)];
const BAR: RGBColor = RGBColor(0, 114, 178);
const TARGET: RGBColor = RGBColor(213, 94, 0);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        return Err("usage: bench_chart RESULT.json OUT.svg".into());
    };
    let result: Value = serde_json::from_str(&std::fs::read_to_string(input)?)?;
    let speedups: Vec<(&str, f64, Option<f64>)> = TARGETS
        .iter()
        .map(|&(w, target)| (w, target, result["workloads"][w]["speedup"].as_f64()))
        .collect();
    let top = speedups.iter().filter_map(|s| s.2).fold(10.0f64, f64::max) * 1.15;
    let root = SVGBackend::new(output, (640, 360)).into_drawing_area();
    root.fill(&WHITE)?;
    let date = result["date"]
        .as_str()
        .unwrap_or("")
        .get(..10)
        .unwrap_or("");
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("Kindling vs TF.js-wasm, same headless Chromium ({date})"),
            ("sans-serif", 18),
        )
        .margin(12)
        .x_label_area_size(32)
        .y_label_area_size(48)
        .build_cartesian_2d((0..2).into_segmented(), 0.0f64..top)?;
    let name = |v: &SegmentValue<i32>| match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => speedups
            .get(*i as usize)
            .map(|(w, _, s)| {
                if s.is_some() {
                    w.to_string()
                } else {
                    format!("{w} (not run)")
                }
            })
            .unwrap_or_default(),
        SegmentValue::Last => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .x_label_formatter(&name)
        .y_desc("× faster than TF.js-wasm (same run)")
        .draw()?;
    for (i, (_, target, speedup)) in speedups.iter().enumerate() {
        let i = i as i32;
        if let Some(s) = speedup {
            let mut bar = Rectangle::new(
                [
                    (SegmentValue::Exact(i), 0.0),
                    (SegmentValue::Exact(i + 1), *s),
                ],
                BAR.filled(),
            );
            bar.set_margin(0, 0, 40, 40);
            chart.draw_series([bar])?;
            chart.draw_series([Text::new(
                format!("{s:.1}×"),
                (SegmentValue::CenterOf(i), s + top * 0.04),
                ("sans-serif", 15),
            )])?;
        }
        let line = vec![
            (SegmentValue::Exact(i), *target),
            (SegmentValue::Exact(i + 1), *target),
        ];
        chart.draw_series([PathElement::new(line, TARGET.stroke_width(2))])?;
    }
    let legend = ("sans-serif", 13).into_font().color(&TARGET);
    chart.draw_series([Text::new(
        "orange line: the issue's target",
        (SegmentValue::Exact(0), top * 0.97),
        legend,
    )])?;
    root.present()?;
    Ok(())
}
