//! Model files of version 1 (written until 2026-12): their `preprocessing` held one encoder per
//! feature (fill and one-hot together), one scaler, the target's scaler and the window settings.
//! They are read and checked with messages that name those keys, then rewritten as version 2's
//! steps; predictions from the rewritten file are the same, bit for bit.

use serde_json::Value;

use super::validate::{only_keys, read};
use crate::data::check::{finite, length};
use crate::data::impute::{Fill, Impute};
use crate::data::one_hot::{OneHot, MAX_CATEGORIES};
use crate::data::pipeline::NAMES;
use crate::data::scale::FittedScaler;
use crate::data::select::Select;
use crate::data::step::FittedStep;
use crate::data::Preprocessing;
use crate::error::{Error, Result};
use crate::experiment::{Missing, Task, WindowConfig};

/// Version 1's own keys: of `preprocessing` (besides the names both versions have), of an
/// encoder by type, of a scaler, of the window.
const KEYS: &[&str] = &["encoders", "missing", "scaler", "target_scaler", "window"];
const ENCODER: &[&str] = &["type", "fill"];
const ONE_HOT: &[&str] = &["categories"];
const SCALER: &[&str] = &["offset", "factor"];
const WINDOW: &[&str] = &["lookback", "horizon"];

/// Every object of version 1's `preprocessing` `pre` holds only its own keys.
pub fn keys(file: &str, pre: &Value) -> Result<()> {
    only_keys(file, "preprocessing", pre, NAMES, KEYS)?;
    for (i, e) in pre["encoders"].as_array().into_iter().flatten().enumerate() {
        let more = if e["type"] == "one_hot" { ONE_HOT } else { &[] };
        only_keys(
            file,
            &format!("preprocessing.encoders[{i}]"),
            e,
            ENCODER,
            more,
        )?;
    }
    for (key, allowed) in [
        ("scaler", SCALER),
        ("target_scaler", SCALER),
        ("window", WINDOW),
    ] {
        only_keys(
            file,
            &format!("preprocessing.{key}"),
            &pre[key],
            allowed,
            &[],
        )?;
    }
    Ok(())
}

/// Reads version 1's own keys of `pre` into `p` (read from the keys both versions share) as
/// its steps: select, impute, one_hot, scale (, window), and the target's scale. Fills are
/// finite, categories 1 to `MAX_CATEGORIES` with a fill among them, scalers as wide as the
/// inputs with finite non-zero factors. What both versions share (`features`, `inputs`,
/// `classes`, `task`) is checked by `Preprocessing::check` afterwards, with the same messages.
pub fn upgrade(file: &str, pre: &Value, p: &mut Preprocessing) -> Result<()> {
    let at = |key: &str| format!("preprocessing.{key}");
    let missing: Missing = read(file, &at("missing"), &pre["missing"])?;
    let window: Option<WindowConfig> = read(file, &at("window"), &pre["window"])?;
    let encoders: Vec<Value> = read(file, &at("encoders"), &pre["encoders"])?;
    length(file, &at("encoders"), encoders.len(), p.features.len())?;
    let (mut fill, mut categories) = (vec![], vec![]);
    for (i, e) in encoders.iter().enumerate() {
        let path = format!("preprocessing.encoders[{i}]");
        let (f, c) = encoder(file, &path, e)?;
        fill.push(f);
        categories.push(c);
    }
    let width = (categories.iter())
        .map(|c| c.as_ref().map_or(1, Vec::len))
        .sum();
    let inputs = scaler(file, &at("scaler"), &pre["scaler"], width)?;
    p.steps = vec![
        FittedStep::Select(Select {
            drop_missing: missing == Missing::Drop,
        }),
        FittedStep::Impute(Impute { fill }),
        FittedStep::OneHot(OneHot { categories }),
        FittedStep::Scale(inputs),
    ];
    p.steps.extend(window.map(FittedStep::Window));
    p.target_steps = match (&pre["target_scaler"], p.task) {
        (Value::Null, Task::Regression) => {
            return Err(Error::data(file,
                "preprocessing.target_scaler must hold one offset and factor per output for a regression model"))
        }
        (Value::Null, _) => vec![],
        (ts, _) => vec![FittedStep::Scale(scaler(file, &at("target_scaler"), ts, 1)?)],
    };
    Ok(())
}

/// One encoder at `path` as a fill and, for one-hot, its categories.
fn encoder(file: &str, path: &str, e: &Value) -> Result<(Fill, Option<Vec<String>>)> {
    let fill = &e["fill"];
    match e["type"].as_str() {
        Some("number") => {
            let v: f32 = read(file, &format!("{path}.fill"), fill)?;
            finite(file, &format!("{path}.fill"), &[v])?;
            Ok((Fill::Number(v), None))
        }
        Some("one_hot") => {
            let c: Vec<String> = read(file, &format!("{path}.categories"), &e["categories"])?;
            let k: Option<usize> = read(file, &format!("{path}.fill"), fill)?;
            if c.is_empty() || c.len() > MAX_CATEGORIES || k.is_some_and(|k| k >= c.len()) {
                return Err(Error::data(file, format!(
                    "{path} must list 1 to {MAX_CATEGORIES} categories and a fill among them; the file is damaged")));
            }
            Ok((
                k.map_or(Fill::Empty, |k| Fill::Category(c[k].clone())),
                Some(c),
            ))
        }
        _ => Err(Error::data(
            file,
            format!("{path}.type must be \"number\" or \"one_hot\"; the file is damaged"),
        )),
    }
}

/// The scaler at `path`, `width` wide.
fn scaler(file: &str, path: &str, v: &Value, width: usize) -> Result<FittedScaler> {
    let s = FittedScaler {
        offset: read(file, &format!("{path}.offset"), &v["offset"])?,
        factor: read(file, &format!("{path}.factor"), &v["factor"])?,
    };
    s.check_values(file, path, width)?;
    Ok(s)
}
