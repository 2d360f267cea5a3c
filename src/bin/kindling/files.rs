//! Reading input files within a size limit: a regular file over the limit is refused from its size
//! alone, and anything else (a pipe, `/dev/stdin`, `/dev/zero`) is read only up to the limit.
use std::fs::File;
use std::io::Read;

/// What a file holds: decides its size limit and what the message past it advises.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A CSV data file (`kindling::data::reader::MAX_BYTES`, what a browser tab can parse).
    Csv,
    /// A model file (`kindling::io::model_file::MAX_BYTES`).
    Model,
    /// An experiment or search-settings document: a few KB of JSON.
    Settings,
}

/// Experiment and search documents are a few KB; this leaves room for any a person writes.
pub const MAX_SETTINGS_BYTES: usize = 1 << 20;

impl Kind {
    fn limit(self) -> usize {
        match self {
            Kind::Csv => kindling::data::reader::MAX_BYTES,
            Kind::Model => kindling::io::model_file::MAX_BYTES,
            Kind::Settings => MAX_SETTINGS_BYTES,
        }
    }

    /// The message for `path` of `len` bytes (`None`: a stream that went past the limit).
    fn too_large(self, path: &str, len: Option<u64>) -> String {
        let limit = self.limit();
        if let (Kind::Csv, Some(len)) = (self, len) {
            // The core's message, the one the page shows for the same file.
            let len = usize::try_from(len).unwrap_or(usize::MAX);
            if let Err(e) = kindling::data::reader::check_size(path, len) {
                return e.to_string();
            }
        }
        let (what, advice) = match self {
            Kind::Csv => ("data", "use a sample of the rows"),
            Kind::Model => (
                "model file",
                "open a file made with \"Download model\" or `kindling train --out`",
            ),
            Kind::Settings => (
                "file",
                "check the path: experiment and search files are a few KB of JSON",
            ),
        };
        let mb = limit >> 20;
        match len {
            Some(n) => format!(
                "{path}: the {what} is {} MB, more than the {mb} MB kindling reads; {advice}",
                n >> 20
            ),
            None => format!(
                "{path}: the {what} goes on past {mb} MB, more than kindling reads; {advice}"
            ),
        }
    }
}

/// Reads all of `path` if it holds at most `kind`'s limit; the error names the path. Never reads
/// more than the limit plus one byte, whatever the file is.
pub fn read_file(path: &str, kind: Kind) -> Result<Vec<u8>, String> {
    let cannot = |e: std::io::Error| format!("{path}: cannot read the file: {e}");
    let file = File::open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    let limit = kind.limit();
    let mut bytes = Vec::new();
    if meta.is_file() {
        if meta.len() > limit as u64 {
            return Err(kind.too_large(path, Some(meta.len())));
        }
        bytes.reserve_exact(meta.len() as usize);
    }
    // A regular file may grow after the check; a stream has no size to check at all.
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > limit {
        return Err(kind.too_large(path, None));
    }
    Ok(bytes)
}
