//! Predicted against actual values for a regression, with the line where they would be equal.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{legend_and_present, span, text_err, ChartLabels, ChartResult, TRAIN_COLOUR};

/// Draws one point per test row at `(actual[i], predicted[i])` and the diagonal `y = x`, in the
/// words of `labels`.
pub fn predicted_actual_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    actual: &[f32],
    predicted: &[f32],
    labels: &ChartLabels,
) -> ChartResult {
    root.fill(&WHITE).map_err(text_err)?;
    if actual.len() != predicted.len() {
        return Err(format!(
            "{} actual values but {} predictions",
            actual.len(),
            predicted.len()
        ));
    }
    let (lo, hi) = span(actual.iter().chain(predicted));
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(56)
        .build_cartesian_2d(lo..hi, lo..hi)
        .map_err(text_err)?;
    chart
        .configure_mesh()
        .x_desc(labels.actual.as_str())
        .y_desc(labels.predicted.as_str())
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .map_err(text_err)?;
    chart
        .draw_series(LineSeries::new(
            [(lo, lo), (hi, hi)],
            RGBColor(120, 120, 120).stroke_width(1),
        ))
        .map_err(text_err)?
        .label(labels.diagonal.as_str())
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], RGBColor(120, 120, 120)));
    let points = actual
        .iter()
        .zip(predicted)
        .filter(|(a, p)| a.is_finite() && p.is_finite());
    chart
        .draw_series(points.map(|(&a, &p)| Circle::new((a, p), 3, TRAIN_COLOUR.mix(0.8).filled())))
        .map_err(text_err)?
        .label(labels.test_rows.as_str())
        .legend(|(x, y)| Circle::new((x + 8, y), 3, TRAIN_COLOUR.filled()));
    legend_and_present(&mut chart, root, SeriesLabelPosition::UpperLeft, 0.85)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::render_svg;

    #[test]
    fn one_circle_per_row_and_the_diagonal() {
        let actual = [1.0, 2.0, 3.0, 4.0];
        let predicted = [1.1, 1.9, 3.2, f32::NAN];
        let svg = render_svg((300, 300), |r| {
            predicted_actual_chart(r, &actual, &predicted, &ChartLabels::default())
        });
        // Three finite rows plus the legend marker.
        assert_eq!(svg.matches("<circle").count(), 4);
        assert!(svg.contains("predicted = actual") && svg.contains("actual"));
    }

    #[test]
    fn mismatched_lengths_are_an_error() {
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (100, 100)).into_drawing_area();
        assert!(predicted_actual_chart(&root, &[1.0], &[], &ChartLabels::default()).is_err());
    }
}
