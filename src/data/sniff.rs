//! Looking at the raw bytes before parsing: binary files, encodings, the delimiter, stray quotes.

use crate::error::{Error, Result};

/// Delimiters tried, in order of preference on a tie.
pub const DELIMITERS: &[u8] = b",;\t|";

/// Bytes sniffed for the delimiter (whole lines only).
const SAMPLE_BYTES: usize = 64 * 1024;

/// Signatures of common files that are not text.
const MAGIC: &[(&[u8], &str)] = &[
    (b"PK\x03\x04", "a ZIP archive (or an .xlsx workbook)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"\xD0\xCF\x11\xE0", "an old Excel (.xls) or Office file"),
];

/// Checks that `bytes` are UTF-8 text and returns them without a BOM.
pub fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str> {
    let fail = |message: String| Err(Error::data(name, message));
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return fail(format!(
            "this is {what}, not CSV text; open it in its program and export or save it as CSV"
        ));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return fail("the file is UTF-16 text; re-save it as \"CSV UTF-8\"".into());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(at) = bytes.iter().take(4096).position(|&b| b == 0) {
        return fail(format!(
            "byte {at} is a NUL byte: this looks like a binary file, not CSV text; export the data as CSV"
        ));
    }
    std::str::from_utf8(bytes).or_else(|e| {
        let at = e.valid_up_to();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        fail(format!(
            "line {line} (byte {at}): the text is not UTF-8 (byte 0x{:02X}); re-save the file as \"CSV UTF-8\"",
            bytes[at]
        ))
    })
}

/// The delimiter among [`DELIMITERS`] that splits the first lines into the same number (> 1) of
/// fields most consistently; `,` when none does.
pub fn delimiter(text: &str) -> u8 {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len() {
        end = text[..end].rfind(['\n', '\r']).unwrap_or(end);
    }
    let sample = &text.as_bytes()[..end];
    let mut best = (b',', 0.0, 0);
    for &d in DELIMITERS {
        let counts: Vec<usize> = csv::ReaderBuilder::new()
            .delimiter(d)
            .has_headers(false)
            .flexible(true)
            .from_reader(sample)
            .byte_records()
            .take(50)
            .map_while(|r| r.ok().map(|r| r.len()))
            .collect();
        let Some(&first) = counts.first().filter(|&&n| n > 1) else {
            continue;
        };
        let same = counts.iter().filter(|&&n| n == first).count() as f64 / counts.len() as f64;
        if (same, first) > (best.1, best.2) {
            best = (d, same, first);
        }
    }
    best.0
}

/// True when the record starting at `rest` has a quoted field whose closing quote never comes
/// (the CSV parser then reads to the end of the file as that one field).
pub fn unterminated_quote(rest: &str, delimiter: u8) -> bool {
    let b = rest.as_bytes();
    let (mut i, mut field_start) = (0, true);
    while i < b.len() {
        if field_start && b[i] == b'"' {
            i += 1;
            loop {
                let Some(j) = b[i..].iter().position(|&c| c == b'"').map(|j| i + j) else {
                    return true;
                };
                if b.get(j + 1) == Some(&b'"') {
                    i = j + 2;
                } else {
                    i = j + 1;
                    break;
                }
            }
            field_start = false;
            continue;
        }
        match b[i] {
            b'\n' | b'\r' => return false,
            c => field_start = c == delimiter,
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_sniffed() {
        for (text, d) in [
            ("a,b,c\n1,2,3\n", b','),
            ("a;b;c\n1,5;2;3\n", b';'),
            ("a\tb\n1\t2\n", b'\t'),
            ("a|b\n1|2\n", b'|'),
            ("\"x;y\",b\n1,2\n", b','),
            ("single\n1\n", b','),
        ] {
            assert_eq!(delimiter(text) as char, d as char, "{text:?}");
        }
    }

    #[test]
    fn stray_quotes_are_found() {
        assert!(unterminated_quote("1,\"abc\n2,3\n", b','));
        assert!(!unterminated_quote("1,\"a\"\"b\"\n", b','));
        assert!(!unterminated_quote("1,ab\"c\n", b','));
        assert!(!unterminated_quote("1,\"a\nb\",2\n", b','));
    }
}
