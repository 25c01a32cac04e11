//! Renders `handbook-lint words`: a table for people, JSON for tools,
//! or the bare words for a `words_file`.

use crate::engine::words::WordTally;

/// A table: count, pages, word, and the likely correction of words that
/// look like typos.
pub fn render_text(words: &[WordTally]) -> String {
    let width = words
        .iter()
        .map(|w| w.word.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!(
        "{:>6} {:>6}  {:<width$}  LIKELY TYPO OF\n",
        "COUNT", "PAGES", "WORD"
    );
    for w in words {
        let typo = w.likely_typo_of.as_deref().unwrap_or("");
        let line = format!(
            "{:>6} {:>6}  {:<width$}  {typo}",
            w.count,
            w.pages.len(),
            w.word
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The words that do not look like typos, one a line: a `words_file`
/// to review before use.
pub fn render_words(words: &[WordTally]) -> String {
    words
        .iter()
        .filter(|w| w.likely_typo_of.is_none())
        .map(|w| format!("{}\n", w.word))
        .collect()
}

/// `{"version": 1, "words": [{word, count, pages: [...], likely_typo_of}]}`.
pub fn render_json(words: &[WordTally]) -> String {
    let words: Vec<serde_json::Value> = words
        .iter()
        .map(|w| {
            serde_json::json!({
                "word": w.word,
                "count": w.count,
                "pages": w.pages.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
                "likely_typo_of": w.likely_typo_of,
            })
        })
        .collect();
    serde_json::json!({"version": 1, "words": words}).to_string()
}
