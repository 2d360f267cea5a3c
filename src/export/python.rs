//! What the generated Python scripts share: the preprocessing code (python/preprocess.py),
//! filling a template's `{{KEY}}`s, and Python literals for settings.

use serde::Serialize;

use crate::error::Error;
use crate::experiment::{Experiment, OptimizerConfig};

/// The preprocessing both scripts paste in (the fitted steps of preprocessing.json, in Python).
pub const PREPROCESS: &str = include_str!("python/preprocess.py");

/// `template` with every `{{KEY}}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{{{key}}}}}"), value);
    }
    debug_assert!(!out.contains("{{"), "a template key is left: {out}");
    out
}

/// A Python float literal with `x`'s shortest f32 digits (`0.01`, `1e-07`, `1.0`).
pub fn py_float(x: f32) -> String {
    let s = format!("{x:?}");
    if s.contains(['.', 'e', 'n', 'i']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// `True` / `False`.
pub fn bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// A Python tuple of whole numbers (`(8, 8, 1)`, `(64,)`).
pub fn tuple(values: &[usize]) -> String {
    let items: Vec<String> = values.iter().map(usize::to_string).collect();
    match items.len() {
        1 => format!("({},)", items[0]),
        _ => format!("({})", items.join(", ")),
    }
}

/// The JSON name of a settings enum (`"relu"`, `"same"`, `"standard"`).
pub fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("not a named setting: {other:?}"),
    }
}

/// The script's first line: what the experiment is.
pub fn title(exp: &Experiment) -> String {
    format!(
        "Kindling experiment on {} (target {})",
        exp.data.source,
        exp.data.target.as_deref().unwrap_or("the last column")
    )
}

/// The error for a layer type a script has no form for.
pub fn refused(index: usize, kind: &str, engine: &str) -> Error {
    Error::Model(format!(
        "Layer {} ({kind}) cannot be exported to {engine} yet: this build knows no {engine} form for it; remove it or keep the Kindling model file",
        index + 1
    ))
}

/// The template values both scripts take from the experiment alone.
pub fn common(exp: &Experiment) -> Vec<(&'static str, String)> {
    vec![
        ("TITLE", title(exp)),
        ("SEED", exp.seed.to_string()),
        ("VALIDATION", exp.data.split.validation.to_string()),
        ("PREPROCESS", PREPROCESS.trim_end().to_string()),
        ("EPOCHS", exp.fit.epochs.to_string()),
        ("BATCH", exp.fit.batch_size.to_string()),
        ("MISSING_RULE", format!("{:?}", name(&exp.data.missing))),
        ("SCALE_RULE", format!("{:?}", name(&exp.data.scale))),
        (
            "FULL_BATCH",
            bool(matches!(exp.compile.optimizer, OptimizerConfig::Gd { .. })).into(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_literals() {
        assert_eq!(py_float(0.01), "0.01");
        assert_eq!(py_float(1.0), "1.0");
        assert_eq!(py_float(1e-7), "1e-7");
        assert_eq!(tuple(&[64]), "(64,)");
        assert_eq!(tuple(&[8, 8, 1]), "(8, 8, 1)");
        assert_eq!(bool(true), "True");
        assert_eq!(
            fill("a={{A}}, b={{B}}", &[("A", "1".into()), ("B", "x".into())]),
            "a=1, b=x"
        );
    }
}
