//! Model optimization (模型优化): diagnosing a training run ("Optimize?") and searching
//! hyper-parameters on validation data, with the test rows set aside.

pub mod diagnosis;
pub mod diagnosis_fix;
mod diagnosis_rules;
pub mod halving;
pub mod holdout;
pub mod plan;
pub mod search;
pub mod space;
pub mod trial;
mod verdict;

pub use diagnosis::{diagnose, diagnose_failure, Diagnosis, Verdict};
pub use halving::Pruning;
pub use holdout::Holdout;
pub use plan::{distinct_settings, plan, SearchConfig, Strategy, Validation};
pub use search::{search, SearchOutcome};
pub use space::{Domain, Knob, Settings};
pub use trial::{run_trial, TrialResult, TrialRun};
