//! Files that carry a trained model out of the tab and back (模型部署): the model file
//! (Contract 2), predictions on raw data, and the predictions CSV.

pub mod base64;
pub mod forecast;
pub mod model;
pub mod model_file;
pub mod model_text;
mod model_v1;
pub mod predictions;
mod preprocessing_de;
pub mod quantization;
pub mod tensor;
mod validate;

pub use forecast::Forecast;
pub use model::Model;
pub use model_file::ModelFile;
pub use predictions::Predictions;
pub use tensor::Tensor;
