//! Splitting text into tokens for the text vectoriser and the text columns' inspect summary:
//! Unicode lower-casing, then runs of letters and digits of any script ("café", "naïve", "45";
//! an apostrophe between letters stays inside: "don't") or single emoji; spaces and punctuation
//! separate tokens. Chinese and Japanese ideographs (written without spaces) are one token each.
//!
//! This follows the word boundaries of Unicode Standard Annex #29 for the common cases with the
//! standard library's character classes: the `unicode-segmentation` crate cost 15 KB of the
//! gzipped `.wasm` (its word-break tables), more than the text feature's budget.

use super::lower::push_lower;

/// The tokens of `text`, lower-cased (src/data/lower.rs), in order.
///
/// ```
/// use kindling::data::tokenize::tokens;
/// assert_eq!(tokens("Great café, naïve plot!"), ["great", "café", "naïve", "plot"]);
/// assert_eq!(tokens("我喜欢 😀"), ["我", "喜", "欢", "😀"]);
/// ```
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = vec![];
    walk(text, |token, _, _| out.push(token));
    out
}

/// The tokens of `text` as [`tokens`] gives them, each with where it stands in `text`: its first
/// char and one past its last, counted in chars (Unicode scalar values), so that a page can
/// highlight the words of the sentence it was given.
///
/// ```
/// use kindling::data::tokenize::spans;
/// assert_eq!(spans("Café, OK 😀"), [("café".into(), 0, 4), ("ok".into(), 6, 8), ("😀".into(), 9, 10)]);
/// ```
pub fn spans(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = vec![];
    walk(text, |token, start, end| out.push((token, start, end)));
    out
}

/// Calls `emit(token, start, end)` for each token of `text` in order (offsets in chars). Generic,
/// so that [`tokens`], which ignores the offsets, compiles to the loop without them (the
/// playground's `.wasm` has no room for a second copy).
#[inline(always)]
fn walk(text: &str, mut emit: impl FnMut(String, usize, usize)) {
    let mut word = String::new();
    let (mut start, mut at) = (0, 0);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        at += 1;
        let inner_apostrophe = matches!(c, '\'' | '’')
            && !word.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if (c.is_alphanumeric() && !is_ideograph(c)) || inner_apostrophe {
            if word.is_empty() {
                start = at - 1;
            }
            push_lower(&mut word, c);
            continue;
        }
        if !word.is_empty() {
            emit(std::mem::take(&mut word), start, at - 1);
        }
        if is_ideograph(c) || is_emoji(c) {
            emit(c.to_string(), at - 1, at);
        }
    }
    if !word.is_empty() {
        emit(word, start, at);
    }
}

/// CJK ideographs, kana and Hangul syllables written without spaces: one token each.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Pictographs and symbols people write as words (😀 👍 ❤ ☹): the emoji blocks.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF)
}

#[cfg(test)]
mod tests {
    use super::{spans, tokens};

    #[test]
    fn words_of_every_script_are_kept_and_punctuation_dropped() {
        let cases: &[(&str, &[&str])] = &[
            ("So there is NO way!", &["so", "there", "is", "no", "way"]),
            ("Don't buy it... 10/10", &["don't", "buy", "it", "10", "10"]),
            (
                "Café CRÈME, naïve Ωmega",
                &["café", "crème", "naïve", "ωmega"],
            ),
            (
                "这部电影很好看。",
                &["这", "部", "电", "影", "很", "好", "看"],
            ),
            ("Loved it 😀👍!", &["loved", "it", "😀", "👍"]),
            ("Привет, мир", &["привет", "мир"]),
            ("'quoted' words'", &["quoted", "words"]),
            ("  ...  ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(tokens(text), *want, "{text:?}");
            // Each span's chars of the sentence, lower-cased, are its token.
            let chars: Vec<char> = text.chars().collect();
            for (token, start, end) in spans(text) {
                let cut: String = chars[start..end].iter().collect();
                assert_eq!(cut.to_lowercase(), token, "{text:?}");
            }
        }
        let offsets: Vec<_> = spans("Don't buy it... 10/10")
            .into_iter()
            .map(|s| (s.1, s.2))
            .collect();
        assert_eq!(offsets, [(0, 5), (6, 9), (10, 12), (16, 18), (19, 21)]);
    }
}
