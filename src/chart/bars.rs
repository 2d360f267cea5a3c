//! Horizontal bars, one per named input, with an optional ± spread (permutation importance: the
//! rise in test loss when an input is shuffled, mean ± sd over the shuffles).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{text_err, ChartResult, TRAIN_COLOUR, VAL_COLOUR};

/// The ± sd whiskers' dark grey.
const WHISKER: RGBColor = RGBColor(51, 51, 51);

/// Draws `values[i]` as a bar named `names[i]` (the first at the top), blue when ≥ 0 and orange
/// below, with a whisker `values[i] ± sd[i]` when `sd` is not empty; the value axis is titled
/// `axis`. `names`, `values` and a non-empty `sd` have one entry per bar.
pub fn bar_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    names: &[String],
    values: &[f32],
    sd: &[f32],
    axis: &str,
) -> ChartResult {
    root.fill(&WHITE).map_err(text_err)?;
    let n = values.len();
    if n == 0 || names.len() != n || !(sd.is_empty() || sd.len() == n) {
        return Err(format!(
            "a bar chart needs one name (got {}) and one sd (got {}) per value (got {n}), and a value",
            names.len(),
            sd.len()
        ));
    }
    let spread = |i: usize| sd.get(i).copied().filter(|s| s.is_finite()).unwrap_or(0.0);
    let ends: Vec<f32> = (0..n)
        .flat_map(|i| [values[i] - spread(i), values[i] + spread(i), 0.0])
        .collect();
    let (lo, hi) = super::span(&ends);
    let longest = names.iter().map(|s| s.chars().count()).max().unwrap_or(1);
    // Bar `i` is centred on y = n - 1 - i (the first at the top). Plain f32 coordinates, as the
    // scatter's, cost the package less than a segmented axis.
    let top = n as f32 - 0.5;
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size((longest as u32 * 7 + 16).clamp(40, 160))
        .build_cartesian_2d(lo..hi, -0.5..top)
        .map_err(text_err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(RGBColor(235, 235, 235))
        .x_desc(axis)
        .y_labels(n)
        .y_label_formatter(&|y| {
            let i = y.round();
            match (n - 1).checked_sub(i as usize) {
                Some(k) if (y - i).abs() < 0.01 && i >= 0.0 => names[k].clone(),
                _ => String::new(),
            }
        })
        .draw()
        .map_err(text_err)?;
    let bars = values.iter().enumerate().filter(|(_, v)| v.is_finite());
    chart
        .draw_series(bars.clone().map(|(i, &v)| {
            let y = (n - 1 - i) as f32;
            let colour = if v >= 0.0 { TRAIN_COLOUR } else { VAL_COLOUR };
            Rectangle::new([(0.0, y - 0.35), (v, y + 0.35)], colour.filled())
        }))
        .map_err(text_err)?;
    for (i, &v) in bars.filter(|&(i, _)| spread(i) > 0.0) {
        let y = (n - 1 - i) as f32;
        let whisker = [(v - spread(i), y), (v + spread(i), y)];
        chart
            .draw_series(LineSeries::new(whisker, WHISKER.stroke_width(2)))
            .map_err(text_err)?;
    }
    let zero = [(0.0, -0.5), (0.0, top)];
    chart
        .draw_series(LineSeries::new(
            zero,
            RGBColor(120, 120, 120).stroke_width(1),
        ))
        .map_err(text_err)?;
    root.present().map_err(text_err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{render_svg, svg_texts};

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn one_bar_per_value_with_its_name_and_whiskers_where_there_is_a_spread() {
        let svg = render_svg((400, 300), |r| {
            bar_chart(
                r,
                &names(&["petal", "sepal", "noise"]),
                &[0.8, 0.2, -0.05],
                &[0.1, 0.0, 0.02],
                "rise in test loss",
            )
        });
        let texts = svg_texts(&svg);
        for word in ["petal", "sepal", "noise", "rise in test loss"] {
            assert!(texts.iter().any(|t| t == word), "{word} in {texts:?}");
        }
        // Names top to bottom in the order given (the y labels are drawn bottom up).
        let at = |w: &str| texts.iter().position(|t| t == w).unwrap();
        assert!(at("noise") < at("sepal") && at("sepal") < at("petal"));
        // Three bars (filled rectangles): two blue (≥ 0), one orange (< 0).
        assert_eq!(svg.matches(r##"fill="#0072B2""##).count(), 2, "{svg}");
        assert_eq!(svg.matches(r##"fill="#E69F00""##).count(), 1);
        // Two whiskers (sd > 0 only).
        assert_eq!(svg.matches(r##"stroke="#333333""##).count(), 2);
    }

    #[test]
    fn mismatched_or_empty_input_is_an_error_naming_the_counts() {
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (100, 100)).into_drawing_area();
        let err = bar_chart(&root, &names(&["a"]), &[1.0, 2.0], &[], "x").unwrap_err();
        assert!(err.contains("got 1") && err.contains("(got 2)"), "{err}");
        assert!(bar_chart(&root, &[], &[], &[], "x").is_err());
        assert!(bar_chart(&root, &names(&["a"]), &[1.0], &[0.1, 0.2], "x").is_err());
    }
}
