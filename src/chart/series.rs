//! A time series with the model's forecast overlaid, step by step over the test rows.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    legend_and_present, span, text_err, ChartLabels, ChartResult, TRAIN_COLOUR, VAL_COLOUR,
};

/// Draws `actual` and `predicted` (same length, original units; non-finite values are gaps)
/// against the step, labelled `x_desc` on the x axis, the legend in the words of `labels`.
pub fn forecast_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    actual: &[f32],
    predicted: &[f32],
    target: &str,
    x_desc: &str,
    labels: &ChartLabels,
) -> ChartResult {
    root.fill(&WHITE).map_err(text_err)?;
    let n = actual.len().max(predicted.len()).max(2);
    let (lo, hi) = span(actual.iter().chain(predicted));
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(56)
        .build_cartesian_2d(0f32..(n - 1) as f32, lo..hi)
        .map_err(text_err)?;
    chart
        .configure_mesh()
        .x_desc(x_desc)
        .y_desc(target)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .map_err(text_err)?;
    let line = |values: &[f32]| {
        values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_finite())
            .map(|(i, &v)| (i as f32, v))
            .collect::<Vec<_>>()
    };
    chart
        .draw_series(LineSeries::new(line(actual), TRAIN_COLOUR.stroke_width(2)))
        .map_err(text_err)?
        .label(labels.actual.as_str())
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], TRAIN_COLOUR.stroke_width(2)));
    chart
        .draw_series(DashedLineSeries::new(
            line(predicted),
            6,
            4,
            VAL_COLOUR.stroke_width(2),
        ))
        .map_err(text_err)?
        .label(labels.forecast.as_str())
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], VAL_COLOUR.stroke_width(2)));
    legend_and_present(&mut chart, root, SeriesLabelPosition::MiddleRight, 0.85)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::render_svg;

    #[test]
    fn draws_actual_and_forecast_with_the_target_name() {
        let actual: Vec<f32> = (0..20)
            .map(|i| (i as f32 * 0.5).sin() * 50.0 + 60.0)
            .collect();
        let predicted: Vec<f32> = actual.iter().map(|v| v + 3.0).collect();
        let svg = render_svg((500, 300), |r| {
            forecast_chart(
                r,
                &actual,
                &predicted,
                "sunactivity",
                "test step",
                &ChartLabels::default(),
            )
        });
        assert!(svg.contains("sunactivity") && svg.contains("forecast") && svg.contains("actual"));
        assert!(
            svg.matches("<polyline").count() >= 2,
            "a solid line and a dashed one"
        );
    }
}
