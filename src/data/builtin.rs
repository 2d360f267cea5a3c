//! The built-in datasets the product ships (www/data/), for native callers such as the CLI.
//! The page fetches the same files over HTTP instead; nothing in the wasm exports calls this, so
//! the linker leaves the bytes out of the .wasm.

/// Names of the built-in datasets.
pub const NAMES: &[&str] = &[
    "iris",
    "digits",
    "sunspots",
    "diabetes",
    "ratings",
    "stock",
    "sentiment",
];

/// The CSV bytes of built-in dataset `name`, if there is one.
pub fn bytes(name: &str) -> Option<&'static [u8]> {
    Some(match name {
        "iris" => include_bytes!("../../www/data/iris.csv"),
        "digits" => include_bytes!("../../www/data/digits.csv"),
        "sunspots" => include_bytes!("../../www/data/sunspots.csv"),
        "diabetes" => include_bytes!("../../www/data/diabetes.csv"),
        "ratings" => include_bytes!("../../www/data/ratings.csv"),
        "stock" => include_bytes!("../../www/data/stock.csv"),
        "sentiment" => include_bytes!("../../www/data/sentiment.csv"),
        "digits_split" => include_bytes!("../../www/data/digits_split.csv"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_builtin_reads() {
        for name in super::NAMES {
            let table = crate::data::read_csv(name, super::bytes(name).unwrap()).unwrap();
            assert!(table.rows >= 150, "{name}");
        }
    }
}
