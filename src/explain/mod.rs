//! Explaining a trained model (the Evaluation and Application panels, `kindling explain`):
//! permutation importance over the test rows (global) and integrated gradients for one
//! prediction (local).

pub mod gradient;
pub mod importance;
pub mod report;
pub mod words;

pub use gradient::{integrated_gradients, Attribution};
pub use importance::{permutation_importance, Importance};
