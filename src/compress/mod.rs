//! Model compression on a trained model file (the Deployment panel, `kindling quantize` and
//! `kindling prune`): int8 quantisation and magnitude pruning, each measured on the experiment's
//! own test rows.

pub mod prune;
pub mod quantize;

pub use prune::prune;
pub use quantize::quantize;

use crate::data::{prepare, Prepared, Table};
use crate::error::Result;
use crate::io::{Model, ModelFile};
use crate::metrics::Evaluation;
use crate::rng::Rng;
use crate::train::session::evaluate_on;

/// `table` prepared by the file's experiment and seed: the same split, so `x_test` holds
/// exactly the rows training tested on.
pub fn prepared(file: &ModelFile, table: &Table) -> Result<Prepared> {
    let mut root = Rng::new(file.experiment.seed);
    prepare(table, &file.experiment.data, &mut root.fork())
}

/// `model`'s metrics on the test rows of `data` (from [`prepared`]).
pub fn evaluate(model: &mut Model, data: &Prepared) -> Evaluation {
    let pre = &data.preprocessing;
    evaluate_on(
        model.network_mut(),
        pre,
        (&data.x_test, &data.y_test),
        &data.test_bases,
    )
}
