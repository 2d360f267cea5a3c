//! Reading a model file's `preprocessing`: the keys both versions share through `Preprocessing`'s
//! reader (version 2's `steps` too), version 1's own keys by `model_v1`; then each object may
//! hold only its version's keys (`__proto__` included), each step only its type's.

use serde_json::Value;

use super::model_v1;
use super::validate::{only_keys, read};
use crate::data::pipeline::{NAMES, STEP_LISTS};
use crate::data::step::STEP_KEYS;
use crate::data::Preprocessing;
use crate::error::{Error, Result};

/// Reads `pre`, the `preprocessing` of a version-`version` file named `file`: the keys both
/// versions share and version 2's steps, then the keys of every object. Version 1's own keys
/// are read by `model_v1::upgrade`, the fitted values checked by `Preprocessing::check`.
pub fn read_preprocessing(file: &str, version: u64, pre: &Value) -> Result<Preprocessing> {
    let p: Preprocessing = read(file, "preprocessing", pre)?;
    if version == 1 {
        model_v1::keys(file, pre)?;
        return Ok(p);
    }
    only_keys(file, "preprocessing", pre, NAMES, STEP_LISTS)?;
    for list in STEP_LISTS {
        let Some(steps) = pre.get(list) else {
            return Err(Error::data(
                file,
                format!("preprocessing: missing field `{list}`"),
            ));
        };
        for (i, step) in steps.as_array().into_iter().flatten().enumerate() {
            let kind = step["type"].as_str().unwrap_or_default();
            let own =
                (STEP_KEYS.iter().find(|(k, _)| *k == kind)).map_or(&[][..], |(_, keys)| keys);
            only_keys(
                file,
                &format!("preprocessing.{list}[{i}]"),
                step,
                &["type"],
                own,
            )?;
        }
    }
    Ok(p)
}
