//! Splitting text into tokens for the text vectoriser and the text columns' inspect summary:
//! Unicode lower-casing, then the word boundaries of Unicode Standard Annex #29
//! (`unicode-segmentation`). A token is a segment holding a letter or digit of any script
//! ("café", "naïve", "don't", "45") or an emoji; spaces and punctuation are dropped. Chinese and
//! Japanese ideographs have no word boundaries in UAX #29, so each character is its own token.

use unicode_segmentation::UnicodeSegmentation;

/// The tokens of `text`, lower-cased, in order.
///
/// ```
/// use kindling::data::tokenize::tokens;
/// assert_eq!(tokens("Great café, naïve plot!"), ["great", "café", "naïve", "plot"]);
/// assert_eq!(tokens("我喜欢 😀"), ["我", "喜", "欢", "😀"]);
/// ```
pub fn tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .split_word_bounds()
        .filter(|s| s.chars().any(|c| c.is_alphanumeric() || is_emoji(c)))
        .map(str::to_owned)
        .collect()
}

/// Pictographs and symbols people write as words (😀 👍 ❤ ☹): the emoji blocks.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF)
}

#[cfg(test)]
mod tests {
    use super::tokens;

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
            ("  ...  ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(tokens(text), *want, "{text:?}");
        }
    }
}
