//! The decision boundary of a classifier over two features: each grid cell in its predicted class's
//! colour (paler where the model is less sure), with the test rows on top in their true class.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{class_colour, legend_and_present, text_err, ChartResult};
use crate::train::DecisionGrid;

/// Draws `grid` (see [`DecisionGrid`]) with a legend of its classes.
pub fn boundary_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    grid: &DecisionGrid,
) -> ChartResult {
    root.fill(&WHITE).map_err(text_err)?;
    let n = grid.size;
    if n < 2 || grid.class.len() != n * n || grid.confidence.len() != n * n {
        return Err(format!("a decision grid of size {n} needs {} cells", n * n));
    }
    let [x0, x1] = grid.x_range;
    let [y0, y1] = grid.y_range;
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(56)
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(text_err)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc(grid.features[0].as_str())
        .y_desc(grid.features[1].as_str())
        .draw()
        .map_err(text_err)?;
    let (dx, dy) = ((x1 - x0) / (n - 1) as f32, (y1 - y0) / (n - 1) as f32);
    let cells = (0..n * n).map(|idx| {
        let (i, j) = ((idx % n) as f32, (idx / n) as f32);
        let (cx, cy) = (x0 + i * dx, y0 + j * dy);
        let c = class_colour(grid.class[idx]);
        let alpha = 0.15 + 0.35 * ((grid.confidence[idx] - 0.5).max(0.0) * 2.0) as f64;
        let corners = [
            (cx - dx / 2.0, cy - dy / 2.0),
            (cx + dx / 2.0, cy + dy / 2.0),
        ];
        Rectangle::new(corners, c.mix(alpha).filled())
    });
    chart.draw_series(cells).map_err(text_err)?;
    for (k, name) in grid.classes.iter().enumerate() {
        let colour = class_colour(k);
        let points = grid.points.iter().filter(|p| p.2 == k);
        chart
            .draw_series(points.map(|&(x, y, _)| {
                EmptyElement::at((x, y))
                    + Circle::new((0, 0), 4, colour.filled())
                    + Circle::new((0, 0), 4, BLACK.stroke_width(1))
            }))
            .map_err(text_err)?
            .label(name.as_str())
            .legend(move |(x, y)| Circle::new((x + 8, y), 4, colour.filled()));
    }
    legend_and_present(&mut chart, root, SeriesLabelPosition::MiddleRight, 0.9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{render_svg, svg_texts};

    fn grid() -> DecisionGrid {
        DecisionGrid {
            features: ["petal_length".into(), "petal_width".into()],
            x_range: [0.0, 4.0],
            y_range: [0.0, 2.0],
            size: 3,
            class: vec![0, 0, 1, 0, 1, 1, 0, 1, 1],
            confidence: vec![0.9; 9],
            points: vec![(0.5, 0.5, 0), (3.5, 1.5, 1)],
            classes: vec!["a".into(), "b".into()],
        }
    }

    #[test]
    fn nine_cells_two_points_and_a_legend() {
        let svg = render_svg((400, 300), |r| boundary_chart(r, &grid()));
        let texts = svg_texts(&svg);
        for label in ["petal_length", "petal_width", "a", "b"] {
            assert!(texts.iter().any(|t| t == label), "{label} in {texts:?}");
        }
        // Class 0 cells in Okabe–Ito blue and class 1 in orange.
        assert!(svg.contains("#0072B2"), "blue cells");
        assert!(svg.contains("#E69F00"), "orange cells");
        // Each point is a filled circle and an outline; the legend adds one per class.
        assert_eq!(svg.matches("<circle").count(), 2 * 2 + 2);
    }

    #[test]
    fn a_grid_with_missing_cells_is_an_error() {
        let mut g = grid();
        g.class.pop();
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (100, 100)).into_drawing_area();
        assert!(boundary_chart(&root, &g).unwrap_err().contains("9 cells"));
    }
}
