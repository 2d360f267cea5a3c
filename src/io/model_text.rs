//! A model file's bytes as text, the same for the CLI and the page: UTF-8 with or without a
//! byte-order mark, or UTF-16 (what Windows editors save as "Unicode"), recognised by its
//! byte-order mark or, as RFC 4627 does for JSON, by the NUL beside the opening `{`.

use crate::error::{Error, Result};

/// The text of model file `bytes` named `name` (for messages). Other encodings are an error that
/// says which byte is wrong and what to open instead.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String> {
    let utf16 = |rest: &[u8], little: bool| {
        let pairs = rest.chunks_exact(2);
        let whole = pairs.remainder().is_empty();
        let units = pairs.map(|c| match little {
            true => u16::from_le_bytes([c[0], c[1]]),
            false => u16::from_be_bytes([c[0], c[1]]),
        });
        char::decode_utf16(units)
            .collect::<std::result::Result<String, _>>()
            .ok()
            .filter(|_| whole)
            .ok_or_else(|| {
                not_text(
                    name,
                    "UTF-16 text with an odd byte count or a broken surrogate pair",
                )
            })
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(name, rest),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        [b'{', 0, ..] => utf16(bytes, true),
        [0, b'{', ..] => utf16(bytes, false),
        _ => utf8(name, bytes),
    }
}

fn utf8(name: &str, bytes: &[u8]) -> Result<String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        not_text(
            name,
            &format!("not UTF-8 or UTF-16 text (byte {} is not UTF-8)", at + 1),
        )
    })
}

fn not_text(name: &str, what: &str) -> Error {
    Error::data(
        name,
        format!("the model file is {what}; open a file made with \"Download model\" or `kindling train --out`"),
    )
}

#[cfg(test)]
mod tests {
    use super::decode;

    const TEXT: &str = "{\"format\":\"kindling-model\",\"name\":\"é\"}";

    fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
        let mut out = vec![];
        for unit in std::iter::once(0xFEFF)
            .filter(|_| bom)
            .chain(text.encode_utf16())
        {
            out.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        out
    }

    #[test]
    fn utf8_with_and_without_a_byte_order_mark() {
        assert_eq!(decode("m.json", TEXT.as_bytes()).unwrap(), TEXT);
        let bom = [&[0xEF, 0xBB, 0xBF], TEXT.as_bytes()].concat();
        assert_eq!(decode("m.json", &bom).unwrap(), TEXT);
    }

    #[test]
    fn utf16_either_byte_order_with_or_without_a_byte_order_mark() {
        for little in [true, false] {
            for bom in [true, false] {
                assert_eq!(
                    decode("m.json", &utf16(TEXT, little, bom)).unwrap(),
                    TEXT,
                    "little {little} bom {bom}"
                );
            }
        }
    }

    #[test]
    fn other_bytes_are_named() {
        let err = decode("m.json", b"{\"a\":\"\xE9\"}")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "m.json: the model file is not UTF-8 or UTF-16 text (byte 7 is not UTF-8); open a file made with \"Download model\" or `kindling train --out`");
        let err = decode("m.json", &[0xFF, 0xFE, b'{'])
            .unwrap_err()
            .to_string();
        assert_eq!(err, "m.json: the model file is UTF-16 text with an odd byte count or a broken surrogate pair; open a file made with \"Download model\" or `kindling train --out`");
        let lone_surrogate = [0xFF, 0xFE, 0x00, 0xD8, b'{', 0];
        assert!(decode("m.json", &lone_surrogate).is_err());
    }
}
