//! A 2-D map of points (the items' embeddings projected on their first two principal components):
//! every point a small dot, the named ones marked and labelled, the picked one ringed.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{span, text_err, ChartLabels, ChartResult, CLASS_COLOURS, TRAIN_COLOUR};

/// Vermillion (Okabe–Ito) for the named points.
const MARKED: RGBColor = CLASS_COLOURS[5];

/// Draws point `i` at `(xy[2i], xy[2i + 1])`; a point whose `names[i]` is not empty is marked and
/// labelled with it, and point `picked`, if marked, is ringed. `names` is empty or has one entry per point;
/// the axes are titled `labels.component_1` and `labels.component_2`.
pub fn map_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    xy: &[f32],
    names: &[String],
    picked: Option<usize>,
    labels: &ChartLabels,
) -> ChartResult {
    root.fill(&WHITE).map_err(text_err)?;
    let n = xy.len() / 2;
    if !xy.len().is_multiple_of(2) || !(names.is_empty() || names.len() == n) {
        return Err(format!(
            "a map needs x, y pairs ({} numbers) and one name per point ({} names for {n} points)",
            xy.len(),
            names.len()
        ));
    }
    let point = |i: usize| (xy[2 * i], xy[2 * i + 1]);
    let name = |i: usize| names.get(i).map(String::as_str).unwrap_or("");
    let (x0, x1) = span(xy.iter().step_by(2));
    let (y0, y1) = span(xy.iter().skip(1).step_by(2));
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(48)
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(text_err)?;
    chart
        .configure_mesh()
        .x_desc(labels.component_1.as_str())
        .y_desc(labels.component_2.as_str())
        .light_line_style(RGBColor(240, 240, 240))
        .draw()
        .map_err(text_err)?;
    let finite = (0..n).filter(|&i| point(i).0.is_finite() && point(i).1.is_finite());
    let plain = finite.clone().filter(|&i| name(i).is_empty());
    chart
        .draw_series(plain.map(|i| Circle::new(point(i), 2, TRAIN_COLOUR.mix(0.6).filled())))
        .map_err(text_err)?;
    // The marked points as the boundary chart draws its points (one dot and a ring: black around
    // the picked one), their names beside them in pixels: shapes the package already has.
    let marked = finite.filter(|&i| !name(i).is_empty());
    chart
        .draw_series(marked.clone().map(|i| {
            let ring = if Some(i) == picked {
                (8, BLACK)
            } else {
                (4, MARKED)
            };
            EmptyElement::at(point(i))
                + Circle::new((0, 0), 4, MARKED.filled())
                + Circle::new((0, 0), ring.0, ring.1.stroke_width(2))
        }))
        .map_err(text_err)?;
    let font = ("sans-serif", 12).into_font();
    for i in marked {
        let (x, y) = chart.backend_coord(&point(i));
        root.draw_text(
            name(i),
            &font.clone().into_text_style(root),
            (x + 6, y - 16),
        )
        .map_err(text_err)?;
    }
    root.present().map_err(text_err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{render_svg, svg_texts};

    #[test]
    fn named_points_are_marked_and_labelled_and_the_picked_one_ringed() {
        let xy = [0.0, 0.0, 1.0, 0.5, -1.0, 2.0, 0.3, f32::NAN];
        let names = ["".to_string(), "Heat".into(), "".into(), "Alien".into()];
        let svg = render_svg((400, 300), |r| {
            map_chart(r, &xy, &names, Some(1), &ChartLabels::default())
        });
        let texts = svg_texts(&svg);
        assert!(texts.iter().any(|t| t == "Heat"), "{texts:?}");
        assert!(
            !texts.iter().any(|t| t == "Alien"),
            "a point off the map is not drawn"
        );
        for w in ["first component", "second component"] {
            assert!(texts.iter().any(|t| t == w), "{w} in {texts:?}");
        }
        // Two plain dots, one marked dot, one black ring (the picked one).
        assert_eq!(svg.matches(r#"r="2""#).count(), 2);
        assert_eq!(svg.matches(r##"fill="#D55E00""##).count(), 1);
        assert_eq!(svg.matches(r#"r="8""#).count(), 1);
    }

    #[test]
    fn an_odd_count_or_a_short_name_list_is_an_error() {
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (100, 100)).into_drawing_area();
        let l = ChartLabels::default();
        let err = map_chart(&root, &[1.0, 2.0, 3.0], &[], None, &l).unwrap_err();
        assert!(err.contains("3 numbers"), "{err}");
        assert!(map_chart(&root, &[1.0, 2.0], &["a".into(), "b".into()], None, &l).is_err());
    }
}
