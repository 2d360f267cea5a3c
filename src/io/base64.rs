//! Standard base64 (RFC 4648, `+/`, `=` padding): how a quantised file stores its int8 values
//! (1.33 bytes per weight as text; gzip takes them to about one byte).

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `bytes` as padded base64 text.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            out.push(match i <= chunk.len() {
                true => ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char,
                false => '=',
            });
        }
    }
    out
}

/// The bytes of padded base64 `text`; `Err` names the first character that is not base64 (its
/// 0-based position) or says the length is not a multiple of 4.
pub fn decode(text: &str) -> Result<Vec<u8>, String> {
    let s = text.as_bytes();
    if !s.len().is_multiple_of(4) {
        return Err(format!(
            "is {} characters of base64, not a multiple of 4 (truncated?)",
            s.len()
        ));
    }
    let pad = s.iter().rev().take(2).take_while(|&&c| c == b'=').count();
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    for (q, quad) in s.chunks(4).enumerate() {
        let mut n = 0u32;
        for (i, &c) in quad.iter().enumerate() {
            let at = q * 4 + i;
            let v = match ALPHABET.iter().position(|&a| a == c) {
                Some(v) => v as u32,
                None if c == b'=' && at >= s.len() - pad => 0,
                None => {
                    return Err(format!(
                        "has {:?} at character {at}, which is not base64",
                        c as char
                    ))
                }
            };
            n = n << 6 | v;
        }
        out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
    }
    out.truncate(out.len() - pad);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_matches_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(decode(&encode(&all)).unwrap(), all);
        assert_eq!(
            decode("Zm9").unwrap_err(),
            "is 3 characters of base64, not a multiple of 4 (truncated?)"
        );
        assert_eq!(
            decode("Zm!v").unwrap_err(),
            "has '!' at character 2, which is not base64"
        );
        assert_eq!(
            decode("Z=9v").unwrap_err(),
            "has '=' at character 1, which is not base64"
        );
    }
}
