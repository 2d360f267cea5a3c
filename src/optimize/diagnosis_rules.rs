//! The rules behind each verdict: the history as series, the checks in the order `diagnose`
//! applies them, and the message, numbers and suggestions each verdict carries.

use std::collections::BTreeMap;

use super::space::Knob;
use super::verdict::{thresholds::*, Action, Diagnosis, Suggestion, Verdict};
use crate::metrics::Evaluation;
use crate::train::EpochRecord;
/// The history as plain series plus the test metrics, and the numbers found so far.
pub(super) struct Facts<'a> {
    loss: Vec<f32>,
    val: Vec<f32>,
    history: &'a [EpochRecord],
    test: Option<&'a Evaluation>,
    numbers: BTreeMap<String, f64>,
}

fn tip(action: Action, text: String) -> Suggestion {
    Suggestion {
        action,
        text,
        fix: None,
    }
}

fn mean(v: &[f32]) -> f32 {
    v.iter().sum::<f32>() / v.len().max(1) as f32
}

pub(super) fn diverged(mut f: Facts, epoch: usize, value: f32) -> Diagnosis {
    f.note("diverged_epoch", epoch as f64);
    f.note("diverged_loss", value as f64);
    let from = f
        .loss
        .first()
        .map_or(String::new(), |l| format!(" from {l:.4}"));
    let message = format!("Training diverged: the loss went{from} to {value} by epoch {epoch}.");
    f.verdict(
        Verdict::Diverged,
        message,
        None,
        vec![
            tip(
                Action::LowerLearningRate,
                "Lower the learning rate about tenfold (e.g. 0.1 → 0.01).".into(),
            ),
            tip(
                Action::ScaleData,
                "Scale the inputs (data.scale \"standard\") so no feature dwarfs the others."
                    .into(),
            ),
            tip(
                Action::ChangeOptimizer,
                "Use adam, which adapts its step size, instead of sgd or gd.".into(),
            ),
        ],
        vec![Knob::LearningRate, Knob::Optimizer],
    )
}

impl<'a> Facts<'a> {
    pub(super) fn new(history: &'a [EpochRecord], test: Option<&'a Evaluation>) -> Self {
        let mut f = Facts {
            loss: history.iter().map(|r| r.loss).collect(),
            val: history.iter().filter_map(|r| r.val_loss).collect(),
            history,
            test,
            numbers: BTreeMap::new(),
        };
        f.note("epochs", history.len() as f64);
        if let (Some(first), Some(last)) = (f.loss.first().copied(), f.loss.last().copied()) {
            f.note("first_loss", first as f64);
            f.note("final_loss", last as f64);
        }
        // The last epoch's validation loss: what a search's baseline row shows for this run.
        if let Some(&v) = f.val.last() {
            f.note("last_val_loss", v as f64);
        }
        if let Some(t) = test {
            for (k, v) in [
                ("test_loss", t.loss),
                ("test_accuracy", t.accuracy),
                ("test_r2", t.r2),
                ("test_rmse", t.rmse),
            ] {
                v.filter(|v| v.is_finite())
                    .into_iter()
                    .for_each(|v| f.note(k, v as f64));
            }
        }
        f
    }

    fn note(&mut self, key: &str, value: f64) {
        self.numbers.insert(key.into(), value);
    }

    pub(super) fn verdict(
        &self,
        verdict: Verdict,
        message: String,
        turned_at: Option<usize>,
        suggestions: Vec<Suggestion>,
        vary: Vec<Knob>,
    ) -> Diagnosis {
        Diagnosis {
            verdict,
            optimize: verdict != Verdict::Fine,
            message,
            turned_at,
            numbers: self.numbers.clone(),
            suggestions,
            vary,
        }
    }

    /// The first epoch whose training or validation loss is `EXPLODE` × the first training loss.
    pub(super) fn exploding(&self) -> Option<(usize, f32)> {
        let first = *self.loss.first()?;
        self.history.iter().find_map(|r| {
            let worst = r.val_loss.map_or(r.loss, |v| {
                if v.is_finite() {
                    v.max(r.loss)
                } else {
                    f32::INFINITY
                }
            });
            (worst > EXPLODE * first).then_some((r.epoch, worst))
        })
    }

    pub(super) fn plateau(&mut self) -> Option<Diagnosis> {
        let (first, best) = (
            *self.loss.first()?,
            self.loss.iter().copied().fold(f32::INFINITY, f32::min),
        );
        let drop = (first - best) / first.abs().max(1e-12);
        if self.loss.len() < MIN_EPOCHS || drop >= PLATEAU_DROP {
            return None;
        }
        self.note("loss_drop", drop as f64);
        let message = format!(
            "The training loss barely moved in {} epochs: {first:.4} → {best:.4} ({:.1}% lower).",
            self.loss.len(),
            drop * 100.0
        );
        Some(self.verdict(
            Verdict::Plateau,
            message,
            None,
            vec![
                    tip(
                        Action::RaiseLearningRate,
                        "Raise the learning rate (try 3–10× higher) or search it on a log scale."
                            .into(),
                    ),
                    tip(
                        Action::ChangeOptimizer,
                        "Switch to adam, which copes with badly scaled gradients.".into(),
                    ),
                    tip(
                        Action::ScaleData,
                        "Check that inputs are scaled (data.scale \"standard\").".into(),
                    ),
                ],
            vec![Knob::LearningRate, Knob::Optimizer, Knob::Units],
        ))
    }

    pub(super) fn overfitting(&mut self) -> Option<Diagnosis> {
        let recs: Vec<(usize, f32, f32)> = self
            .history
            .iter()
            .filter_map(|r| {
                r.val_loss
                    .filter(|v| v.is_finite())
                    .map(|v| (r.epoch, r.loss, v))
            })
            .collect();
        let (bi, &(best_epoch, loss_at_best, best_val)) = recs
            .iter()
            .enumerate()
            .min_by(|a, b| a.1 .2.total_cmp(&b.1 .2))?;
        let after = recs.len() - 1 - bi;
        let tail: Vec<f32> = recs[recs.len() - after.clamp(1, 3)..]
            .iter()
            .map(|r| r.2)
            .collect();
        let (tail, last_loss) = (mean(&tail), recs[recs.len() - 1].1);
        let rise = (tail - best_val) / best_val.abs().max(1e-12);
        let fall = (loss_at_best - last_loss) / loss_at_best.abs().max(1e-12);
        let first_val = recs[0].2;
        let noticeable = tail - best_val > VAL_RISE_OF_FALL * (first_val - best_val);
        let rising = after >= RISE_EPOCHS && rise > VAL_RISE && noticeable && fall > TRAIN_FALL;
        let last = self.history.last()?;
        let gap = last.accuracy.zip(last.val_accuracy);
        let memorising = gap.is_some_and(|(a, v)| a - v > ACC_GAP);
        if !(rising || memorising) {
            return None;
        }
        for (k, v) in [
            ("best_val_epoch", best_epoch as f64),
            ("best_val_loss", best_val as f64),
            ("final_val_loss", tail as f64),
            ("val_rise", rise as f64),
            ("train_fall", fall as f64),
        ] {
            self.note(k, v);
        }
        let message = match gap {
            Some((a, v)) if !rising => {
                self.note("accuracy_gap", (a - v) as f64);
                format!("Over-fitting: training accuracy is {:.1}% but validation accuracy only {:.1}%; the model memorises the training rows.", a * 100.0, v * 100.0)
            }
            _ => format!("Over-fitting from epoch {best_epoch}: validation loss rose from {best_val:.4} to {tail:.4} (+{:.0}%) while training loss fell from {loss_at_best:.4} to {last_loss:.4}.", rise * 100.0),
        };
        Some(self.verdict(Verdict::Overfitting, message, Some(best_epoch), vec![
            tip(Action::EarlyStopping, format!("Stop near epoch {best_epoch}: set fit.early_stopping (monitor val_loss, patience {}, restore_best_weights true).", super::diagnosis_fix::PATIENCE)),
            tip(Action::Dropout, "Add dropout (rate 0.2–0.5) after the hidden layers.".into()),
            tip(Action::L2, format!("Add L2 weight decay {} to the dense layers.", super::diagnosis_fix::L2)),
            tip(Action::FewerUnits, "Use fewer units or layers: the model has room to memorise.".into()),
            tip(Action::MoreData, "More training rows help most, if you have them.".into()),
        ], vec![Knob::Dropout, Knob::L2, Knob::EarlyStopping, Knob::Units, Knob::Epochs]))
    }

    /// Relative fall of the training loss over the last fifth of training (at least one epoch).
    fn recent_fall(&self) -> (usize, f32) {
        let n = self.loss.len();
        let k = (n / 5).max(1);
        if n <= k {
            return (k, 0.0);
        }
        let prev = self.loss[n - 1 - k];
        (k, (prev - self.loss[n - 1]) / prev.abs().max(1e-12))
    }

    pub(super) fn underfitting_or_fine(mut self) -> Diagnosis {
        let (k, fall) = self.recent_fall();
        self.note("recent_fall", fall as f64);
        let converged = self.loss[self.loss.len() - 1] < CONVERGED * self.loss[0];
        let still = fall > STILL_FALLING && !converged;
        let last = self.history.last().expect("checked non-empty");
        let accuracy = last.accuracy.or(self.test.and_then(|t| t.accuracy));
        let r2 = self.test.and_then(|t| t.r2);
        let weak = match (accuracy, r2) {
            (Some(a), _) if a < LOW_ACCURACY => {
                Some(format!("training accuracy is only {:.1}%", a * 100.0))
            }
            (None, Some(r)) if r < LOW_R2 => Some(format!("the test R² is only {r:.3}")),
            _ => None,
        };
        let more_epochs = tip(
            Action::MoreEpochs,
            format!(
                "Train longer: the training loss fell {:.1}% over the last {k} epochs.",
                fall * 100.0
            ),
        );
        if let Some(weak) = weak {
            let falling = if still {
                " and the training loss is still falling"
            } else {
                ""
            };
            let mut tips = vec![
                tip(
                    Action::MoreUnits,
                    "Give the model more capacity: more units per hidden layer.".into(),
                ),
                tip(Action::MoreLayers, "Add a hidden layer.".into()),
                tip(
                    Action::LessDropout,
                    "Lower or remove dropout while the model under-fits.".into(),
                ),
            ];
            if still {
                tips.insert(0, more_epochs);
            }
            let message = format!("Under-fitting: {weak}{falling}.");
            return self.verdict(
                Verdict::Underfitting,
                message,
                None,
                tips,
                vec![Knob::Units, Knob::Layers, Knob::Epochs, Knob::LearningRate],
            );
        }
        let val = self
            .val
            .last()
            .map_or(String::new(), |v| format!(", validation loss {v:.4}"));
        let message = format!(
            "No sign of trouble: training loss {:.4} → {:.4}{val}.",
            self.loss[0],
            self.loss[self.loss.len() - 1]
        );
        self.verdict(
            Verdict::Fine,
            message,
            None,
            if still { vec![more_epochs] } else { vec![] },
            vec![],
        )
    }
}
