//! Text columns at a glance: telling sentences apart from categories when a file is read, and the
//! inspect summary of a text column (tokens per cell, vocabulary size, the most frequent tokens).

use serde::Serialize;

use super::counts::{ranked, top, ValueCount};
use super::tokenize::tokens;

/// Fewer non-missing cells than this are always categories.
const MIN_CELLS: usize = 3;
/// Mean characters per cell from which a column may be text.
const MIN_MEAN_CHARS: usize = 20;

/// True when `cells` (non-missing) read as free text rather than categories: long cells (20+
/// characters on average), most of them distinct, and most with 3 or more tokens (words, or
/// characters of Chinese).
pub fn looks_like_text<'a>(cells: impl Iterator<Item = &'a str> + Clone) -> bool {
    let n = cells.clone().count();
    let chars: usize = cells.clone().map(|c| c.chars().count()).sum();
    if n < MIN_CELLS || chars < MIN_MEAN_CHARS * n {
        return false;
    }
    let wordy = cells.clone().filter(|c| tokens(c).len() >= 3).count();
    ranked(&mut cells.clone()).len() * 2 > n && wordy * 2 > n
}

/// A text column's tokens: per cell (missing cells count as none), the vocabulary, the most
/// frequent tokens (most frequent first, ties in text order).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextStats {
    pub tokens_min: usize,
    pub tokens_median: usize,
    pub tokens_max: usize,
    /// Distinct tokens in the column.
    pub vocabulary: usize,
    pub top_tokens: Vec<ValueCount>,
}

/// The distinct cells of `v` and their text statistics.
pub fn text_summary(v: &[Option<String>]) -> (usize, TextStats) {
    let docs: Vec<Vec<String>> = v
        .iter()
        .map(|c| tokens(c.as_deref().unwrap_or("")))
        .collect();
    // How many cells have each token count (no sort: counts are small).
    let most = docs.iter().map(Vec::len).max().unwrap_or(0);
    let mut per_length = vec![0usize; most + 1];
    docs.iter().for_each(|d| per_length[d.len()] += 1);
    let nth = |k: usize| {
        let mut seen = 0;
        per_length.iter().position(|&n| {
            seen += n;
            seen > k
        })
    };
    let all = ranked(&mut docs.iter().flatten().map(String::as_str));
    let distinct = ranked(&mut v.iter().flatten().map(String::as_str)).len();
    let stats = TextStats {
        tokens_min: nth(0).unwrap_or(0),
        tokens_median: nth(docs.len() / 2).unwrap_or(0),
        tokens_max: most,
        vocabulary: all.len(),
        top_tokens: top(all),
    };
    (distinct, stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::read_csv;

    #[test]
    fn sentences_are_text_and_names_are_categories() {
        let csv = "review,colour,label\n\
            \"The battery died after two days, sadly.\",red,0\n\
            Great value for the money and it works well,blue,1\n\
            这部电影的故事非常感人，演员也很好,red,1\n\
            \"Not what I expected, returned it at once\",green,0\n";
        let t = read_csv("r.csv", csv.as_bytes()).unwrap();
        let kinds: Vec<&str> = t.columns.iter().map(|c| c.data.kind()).collect();
        assert_eq!(kinds, ["text", "categorical", "numeric"]);
        let long_labels = [
            "New York City",
            "New York City",
            "Los Angeles County",
            "New York City",
        ];
        assert!(
            !looks_like_text(long_labels.into_iter()),
            "repeated values are categories"
        );
        let s = t.inspect();
        let text = s.columns[0].text.as_ref().unwrap();
        // 7, 9, 16 (characters of Chinese), 8 tokens.
        assert_eq!(
            (text.tokens_min, text.tokens_median, text.tokens_max),
            (7, 9, 16)
        );
        assert_eq!(s.columns[0].distinct, 4);
        assert_eq!(
            (text.top_tokens[0].value.as_str(), text.top_tokens[0].count),
            ("it", 2)
        );
        // 7 + 9 + 16 + 8 tokens, "the" and "it" twice.
        assert_eq!(text.vocabulary, 38);
    }
}
