//! A forecast back in the series' units: the target's *bases* (its value at each window's last
//! row) and the inverse of `data.transform` (src/data/series.rs) applied to model outputs. Kept
//! apart from series.rs so the steps (series.rs) and the pipeline that holds them do not import
//! each other.

use ndarray::Array2;

use super::frame::{Frame, Transform};
use super::pipeline::Preprocessing;
use super::series::ln_all;
use super::step::FittedStep;
use super::table::Table;
use crate::error::Result;

impl Preprocessing {
    /// True when the target is differenced: its predictions need [`bases`](Self::bases).
    pub fn differenced(&self) -> bool {
        (self.target_steps.iter()).any(|s| matches!(s, FittedStep::Difference(_)))
    }

    /// The target's value (missing values filled as in training) at each of `rows`, in its
    /// units: for a window sample, the last known value before what it predicts.
    pub fn bases(&self, table: &Table, rows: &[usize]) -> Result<Vec<f32>> {
        let target = std::slice::from_ref(&self.target);
        let mut f = Frame::new(table, target, rows.to_vec(), None);
        if let Some(FittedStep::Impute(i)) = self.target_steps.first() {
            i.transform(&mut f)?;
        }
        Ok(f.matrix()?.iter().copied().collect()) // one column
    }

    /// Maps model outputs `y` (`[samples, 1]`) to the target's units: the target steps undone
    /// in reverse; a difference step adds each sample's base (`bases`, in the target's units,
    /// through the steps before the difference, i.e. its log).
    pub fn to_levels(&self, y: &mut Array2<f32>, bases: &[f32]) {
        let steps = &self.target_steps;
        let Some(d) = steps
            .iter()
            .position(|s| matches!(s, FittedStep::Difference(_)))
        else {
            return self.inverse_target(y);
        };
        for s in steps[d + 1..].iter().rev() {
            s.step().inverse_transform(y);
        }
        let mut bases = bases.to_vec();
        if matches!(steps.get(d.wrapping_sub(1)), Some(FittedStep::Log(_))) {
            ln_all(&mut bases);
        }
        for (v, b) in y.iter_mut().zip(bases) {
            *v += b;
        }
        for s in steps[..d].iter().rev() {
            s.step().inverse_transform(y);
        }
    }

    /// A univariate series' model inputs from its values `levels` (the target's units, oldest
    /// first): log, difference and scale as fitted (one value fewer when differenced).
    pub fn series_inputs(&self, levels: &[f32]) -> Vec<f32> {
        let mut v = levels.to_vec();
        for s in &self.steps {
            match s {
                FittedStep::Log(_) => ln_all(&mut v),
                FittedStep::Difference(_) => {
                    for i in (1..v.len()).rev() {
                        v[i] -= v[i - 1];
                    }
                    v.remove(0);
                }
                FittedStep::Scale(sc) => {
                    let (o, f) = (sc.offset[0], sc.factor[0]);
                    v.iter_mut().for_each(|x| *x = (*x - o) / f);
                }
                _ => {}
            }
        }
        v
    }
}
