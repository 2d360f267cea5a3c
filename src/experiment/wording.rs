//! serde's messages about an experiment document, rewritten for people at one place: `invalid
//! value: integer `-4`, expected usize` at `model.layers[0].units` becomes `Layer 1 (dense):
//! units must be a whole number ≥ 1, not -4`. The key path stays in the error's `path` (the page
//! shows it in a details line). Reads serde's wording of its error kinds (`invalid type`,
//! `invalid value`, `invalid length`, `unknown variant`, `unknown field`, `missing field`,
//! `duplicate field`) and the layer types' key descriptions for the limits; any other message
//! is kept as it is.

use serde_json::Value;

use super::keys::{Key, Kind};
use super::layers::LAYER_TYPES;

/// The message for people about serde's `message` at key path `path` of document `doc`.
pub(super) fn for_people(path: &str, doc: &Value, message: &str) -> String {
    let at = Place::of(path, doc);
    let (kind, rest) = message.split_once(' ').unwrap_or((message, ""));
    let said = match (kind, rest.split_once(' ')) {
        ("invalid", Some(("type:" | "value:", rest))) => rest
            .rsplit_once(", expected ")
            .map(|(given, expected)| at.must_be(expected, &given_as(given))),
        ("invalid", Some(("length", rest))) => rest.split_once(", expected ").map(|(n, e)| {
            let n = if n == "1" { "one entry" } else { "entries" };
            at.must_be(e, &format!("a list of {n}"))
        }),
        ("unknown", Some(("variant", rest))) => quoted(rest).map(|(v, rest)| {
            let expected = rest.strip_prefix(", expected ").unwrap_or("nothing");
            at.typed(doc).must_be(expected, &format!("{v:?}"))
        }),
        ("unknown", Some(("field", rest))) => quoted(rest).map(|(f, _)| at.unknown(f)),
        ("missing", Some(("field", rest))) => quoted(rest)
            .map(|(f, _)| format!("{}: {f:?} is missing; add it", at.object_name())),
        ("duplicate", Some(("field", rest))) => quoted(rest)
            .map(|(f, _)| format!("{}: {f:?} appears twice; keep one", at.object_name())),
        _ => None,
    };
    said.unwrap_or_else(|| message.to_owned())
}

/// JSON syntax as people say it, with serde_json's line and column: `not valid JSON at line 1,
/// column 9: a comma or } is missing`. Other parse errors (a repeated key) are kept.
pub(super) fn syntax(e: &serde_json::Error) -> String {
    let text = crate::json::message(e);
    let what = match text.as_str() {
        _ if e.is_eof() => "it ends early; a closing } or ] or quote is missing",
        "expected `,` or `}`" => "a comma or } is missing",
        "expected `,` or `]`" => "a comma or ] is missing",
        "expected `:`" => "a colon is missing after a key",
        "expected value" | "expected ident" => "a value is missing or misspelt (text needs double quotes)",
        "trailing comma" => "a comma is followed by nothing; remove it",
        "key must be a string" => "a key is not in double quotes",
        "trailing characters" => "there is more text after the end",
        _ if e.is_syntax() => text.as_str(),
        _ => return format!("{text} (line {}, column {})", e.line(), e.column()),
    };
    format!("not valid JSON at line {}, column {}: {what}", e.line(), e.column())
}

/// `` `name`, rest `` → `(name, ", rest")`.
fn quoted(s: &str) -> Option<(&str, &str)> {
    s.strip_prefix('`')?.split_once('`')
}

/// Where an error is: the layer (1-based, with its type) or the object, and the key in it.
struct Place {
    /// `Some((number, type))` under `model.layers[number - 1]`.
    layer: Option<(usize, Option<&'static str>)>,
    /// The object's path without the key (`fit`, `compile.optimizer`); empty at the top level.
    owner: String,
    /// The key (with any index or subkey after it: `target_shape[1]`, `kernel_regularizer.l2`).
    key: String,
}

impl Place {
    fn of(path: &str, doc: &Value) -> Self {
        if let Some(rest) = path.strip_prefix("model.layers[") {
            if let Some((index, rest)) = rest.split_once(']') {
                if let Ok(index) = index.parse::<usize>() {
                    let kind = doc["model"]["layers"][index]["type"].as_str();
                    let kind = LAYER_TYPES.iter().find(|t| Some(t.name) == kind);
                    return Place {
                        layer: Some((index + 1, kind.map(|t| t.name))),
                        owner: path[..path.len() - rest.len()].to_owned(),
                        key: rest.trim_start_matches('.').to_owned(),
                    };
                }
            }
        }
        let (owner, key) = match path {
            "(top level)" | "." => ("", ""),
            _ => path.rsplit_once('.').unwrap_or(("", path)),
        };
        Place {
            layer: None,
            owner: owner.to_owned(),
            key: key.to_owned(),
        }
    }

    /// The place of the `type` key when the error is about an object (`unknown variant` of a
    /// layer or optimizer object).
    fn typed(self, doc: &Value) -> Self {
        let object = self.key.is_empty() || pointer(doc, &self.path()).is_some_and(Value::is_object);
        match object {
            true if self.layer.is_some() => Place {
                key: "type".into(),
                ..self
            },
            true => Place {
                owner: self.path(),
                key: "type".into(),
                layer: None,
            },
            false => self,
        }
    }

    fn path(&self) -> String {
        match (self.owner.as_str(), self.key.as_str()) {
            (o, "") => o.to_owned(),
            ("", k) => k.to_owned(),
            (o, k) => format!("{o}.{k}"),
        }
    }

    /// `Layer 2 (dense)`, `fit`, `the experiment`.
    fn owner_name(&self) -> String {
        match (self.layer, self.owner.as_str()) {
            (Some((n, Some(kind))), _) => format!("Layer {n} ({kind})"),
            (Some((n, None)), _) => format!("Layer {n}"),
            (None, "") => "The experiment".into(),
            (None, owner) => owner.to_owned(),
        }
    }

    /// The name of the object the path ends at (for errors about the object itself).
    fn object_name(&self) -> String {
        match (self.layer, self.path()) {
            (None, path) if !path.is_empty() => path,
            _ => self.owner_name(),
        }
    }

    /// The layer type's description of the key (of its first part: `kernel_regularizer` for
    /// `kernel_regularizer.l2`, `target_shape` for `target_shape[1]`).
    fn described(&self) -> Option<&'static Key> {
        let kind = self.layer?.1?;
        let name = self.key.split(['.', '[']).next()?;
        let keys = LAYER_TYPES.iter().find(|t| t.name == kind)?.keys;
        keys.iter().find(|k| k.name == name)
    }

    /// `Layer 1 (dense): units must be a whole number ≥ 1, not -4`.
    fn must_be(&self, expected: &str, given: &str) -> String {
        let expected = expected_as(expected, self.described());
        match self.layer {
            Some(_) => format!("{}: {} must be {expected}, not {given}", self.owner_name(), self.key),
            None => format!("{} must be {expected}, not {given}", self.path()),
        }
    }

    /// `Layer 1 (dense) has no key "unit"; use one of "units", "activation", …`.
    fn unknown(&self, name: &str) -> String {
        // serde's path ends at the unknown key itself, or at the object (a layer's own check).
        let object = match self.key == name {
            true => self.owner.clone(),
            false => self.path(),
        };
        let who = match self.layer {
            None if !object.is_empty() => object,
            _ => self.owner_name(),
        };
        let takes: Option<Vec<&str>> = self.layer.and_then(|(_, kind)| {
            let t = LAYER_TYPES.iter().find(|t| Some(t.name) == kind)?;
            Some(t.keys.iter().map(|k| k.name).collect())
        });
        match takes {
            Some(keys) if keys.is_empty() => format!("{who} takes no keys but \"type\"; remove {name:?}"),
            Some(keys) => format!("{who} has no key {name:?}; use one of {}", listed(&keys)),
            None => format!("{who} has no key {name:?}; check its spelling"),
        }
    }
}

/// The value at key path `path` (`a.b[2].c`) of `doc`.
fn pointer<'a>(doc: &'a Value, path: &str) -> Option<&'a Value> {
    let mut at = doc;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        let key = pieces.next()?;
        if !key.is_empty() {
            at = at.get(key)?;
        }
        for index in pieces {
            at = at.get(index.strip_suffix(']')?.parse::<usize>().ok()?)?;
        }
    }
    Some(at)
}

/// `"a", "b", "c"`.
fn listed(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    names.join(", ")
}

/// serde's `expected …` as people say it; a layer key's limits from its description.
fn expected_as(expected: &str, key: Option<&Key>) -> String {
    let limits = key.and_then(|k| k.limits);
    let kind = key.map(|k| k.kind);
    let whole = matches!(
        expected,
        "usize" | "u64" | "u32" | "u16" | "u8" | "a nonnegative integer"
    );
    match (expected, limits) {
        (_, Some((lo, _))) if whole || kind == Some(Kind::Int) => format!("a whole number ≥ {lo}"),
        (_, _) if whole => "a whole number ≥ 0".into(),
        ("i64" | "i32", _) => "a whole number".into(),
        ("f32" | "f64", Some((lo, hi))) => format!("a number from {lo} to {hi}"),
        ("f32" | "f64", None) => "a number".into(),
        ("a boolean", _) => "true or false".into(),
        ("a string", _) => "text in quotes".into(),
        ("a sequence", _) => "a list [ … ]".into(),
        _ if expected == "a map" || expected.starts_with("struct ") || expected.contains("object") => {
            "an object { … }".into()
        }
        _ => {
            let names = expected.strip_prefix("one of ").unwrap_or(expected);
            let names: Vec<&str> = names.split('`').skip(1).step_by(2).collect();
            match names.len() {
                0 => expected.to_owned(),
                _ => format!("one of {}", listed(&names)),
            }
        }
    }
}

/// serde's `Unexpected` as people say it: `integer `-4`` → `-4`, `map` → `an object`.
fn given_as(given: &str) -> String {
    let inner = given.split_once('`').and_then(|(_, v)| v.strip_suffix('`'));
    match (given, inner) {
        (_, Some(v)) => v.to_owned(),
        ("map", _) => "an object".into(),
        ("sequence", _) => "a list".into(),
        ("unit value" | "null", _) => "null".into(),
        _ => given.strip_prefix("string ").unwrap_or(given).to_owned(),
    }
}

#[cfg(test)]
#[path = "wording_tests.rs"]
mod tests;
