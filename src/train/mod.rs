//! Training: optimizers, history, and the sliced training `Session` the worker and CLI drive.

pub mod callbacks;
pub mod history;
pub mod optimizer;
pub mod session;

pub use history::EpochRecord;
pub use optimizer::Optimizer;
pub use session::Session;
mod inside;
pub mod inspect;

pub use inspect::{DecisionGrid, TestPredictions};
