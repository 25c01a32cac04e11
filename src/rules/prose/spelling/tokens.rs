//! What the spelling rule reads and how it sees a word: the words of
//! the page's prose and of its front-matter `title` and `description`;
//! words it never checks (digits, acronyms, mojibake); and words with an
//! inner capital or run together, which are split or recased before
//! they are looked up.

use std::ops::Range;

use super::lexicon::{self, Known};
use super::tables;
use crate::document::Document;
use crate::rules::prose::{match_case, scan_words, Prose};

/// Words longer than this (in bytes) are not checked.
const MAX_WORD_BYTES: usize = 64;

/// A word to check: as written, and where.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    /// The word as written (curly apostrophes included).
    pub text: &'a str,
    /// Its span in the file.
    pub span: Range<usize>,
    /// Its index among the words of the page's prose (`None` in the
    /// front matter).
    pub word: Option<usize>,
}

/// The front-matter fields whose values are prose.
const PROSE_FIELDS: [&str; 2] = ["title", "description"];

/// The words of the page: the front-matter `title` and `description`,
/// then those of its prose.
pub fn page_words<'a>(doc: &'a Document, prose: &Prose<'a>) -> Vec<Token<'a>> {
    let mut out: Vec<Token<'a>> = front_matter_words(doc);
    let shortcodes = shortcodes(&doc.source);
    let token = |(i, w): (usize, &crate::rules::prose::Word<'a>)| Token {
        text: w.text,
        span: w.span.clone(),
        word: Some(i),
    };
    let words = prose.words.iter().enumerate();
    if shortcodes.is_empty() {
        out.extend(words.map(token));
    } else {
        let outside = |(_, w): &(usize, &crate::rules::prose::Word<'a>)| {
            !crate::document::contains(&shortcodes, w.span.start)
        };
        out.extend(words.filter(outside).map(token));
    }
    out
}

/// The spans of the site generator's template calls in `source`
/// (`{{< ref "page#anchor" >}}`, `{{% include %}}`), in order: code, not
/// prose.
fn shortcodes(source: &str) -> Vec<Range<usize>> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = bytes
        .get(from..)
        .and_then(|rest| memchr::memmem::find(rest, b"{{"))
    {
        let start = from + start;
        let Some(end) = bytes
            .get(start..)
            .and_then(|rest| memchr::memmem::find(rest, b"}}"))
        else {
            break;
        };
        let end = start + end + 2;
        out.push(start..end);
        from = end;
    }
    out
}

/// Whether a capital first letter of `token` is explained by its place:
/// the front matter's title or description, the start of a block or a
/// sentence, a heading or a block in title case, or a run of capitalised
/// words (`Customer Success Manager`).
pub fn positional_capital(prose: &Prose<'_>, token: &Token<'_>) -> bool {
    let Some((i, w)) = token.word.and_then(|i| Some((i, prose.words.get(i)?))) else {
        return true;
    };
    let Some(segment) = prose.segments.get(w.segment) else {
        return true;
    };
    let before = segment.text.get(..w.range.start).unwrap_or_default();
    // A capitalised word right beside it, with only spaces between.
    let neighbour = |j: Option<usize>| {
        j.and_then(|j| prose.words.get(j)).is_some_and(|n| {
            let between = if n.range.start < w.range.start {
                n.range.end..w.range.start
            } else {
                w.range.end..n.range.start
            };
            n.segment == w.segment
                && segment
                    .text
                    .get(between)
                    .is_some_and(|t| t.chars().all(char::is_whitespace))
                && is_capitalized_word(n.text)
        })
    };
    segment.is_heading()
        || starts_sentence(before)
        || is_title_case(&segment.text)
        || neighbour(i.checked_sub(1))
        || neighbour(i.checked_add(1))
}

/// Whether text ending in `before` leaves the next word at the start of
/// a sentence (or of the block).
fn starts_sentence(before: &str) -> bool {
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '(' | '[' | '*' | '_' | '\u{201c}' | '\u{2018}'
            )
    });
    trimmed.is_empty() || trimmed.ends_with(['.', '!', '?', ':', ';', '|'])
}

/// Whether a known English word is written with a capital first letter
/// (another word of a title or a name of several words).
fn is_capitalized_word(word: &str) -> bool {
    crate::rules::prose::is_capitalized(word)
        && lexicon::lookup(&word.to_lowercase()).is_some_and(Known::is_english)
}

/// Whether most longer words of a block start with a capital: a title,
/// a table header, a label.
fn is_title_case(text: &str) -> bool {
    let (mut long, mut capital) = (0, 0);
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.chars().count() >= 4 {
            long += 1;
            capital += usize::from(word.chars().next().is_some_and(char::is_uppercase));
        }
    }
    long > 0 && capital * 4 >= long * 3
}

/// The words of the front-matter `title` and `description` values,
/// written on the line of their key (URLs and paths left out).
fn front_matter_words(doc: &Document) -> Vec<Token<'_>> {
    let Some(front) = doc.front_matter.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut ranges = Vec::new();
    for field in &front.fields {
        if !PROSE_FIELDS.contains(&field.key.as_str()) || field.value.is_none() {
            continue;
        }
        let Some(line) = doc.source.get(field.span.clone()) else {
            continue;
        };
        let Some(colon) = line.find(':') else {
            continue;
        };
        let value_start = field.span.start + colon + 1;
        let value = &line[colon + 1..];
        ranges.clear();
        scan_words(value, &mut ranges);
        for range in ranges.drain(..) {
            let span = value_start + range.start..value_start + range.end;
            if let Some(text) = doc.source.get(span.clone()) {
                out.push(Token {
                    text,
                    span,
                    word: None,
                });
            }
        }
    }
    out
}

/// The word without a possessive `'s` or trailing apostrophe.
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('\u{2019}'))
        .unwrap_or(word)
}

/// How a word is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Never checked: digits, all capitals (an acronym, with a plural
    /// `s`), mojibake, or too long for a word.
    Skipped,
    /// Lower case, or a capital first letter only.
    Plain,
    /// A capital after the first letter (`GitLab`, `ExperIence`).
    InnerCapital,
}

/// The shape of a word as written.
pub fn shape(word: &str) -> Shape {
    // UTF-8 read as Windows-1252 ("customerâ€™s"): `mojibake` reports it.
    if word.len() > MAX_WORD_BYTES || word.ends_with('â') {
        return Shape::Skipped;
    }
    let mut letters = 0usize;
    let mut capitals = 0usize;
    let mut inner_capital = false;
    let mut last = ' ';
    for c in word.chars() {
        if c.is_numeric() || c == 'Ã' || c == 'Â' {
            return Shape::Skipped;
        }
        if !c.is_alphabetic() {
            continue;
        }
        if c.is_uppercase() {
            capitals += 1;
            inner_capital |= letters > 0;
        }
        letters += 1;
        last = c;
    }
    let body = if last == 's' && letters > 2 {
        letters - 1
    } else {
        letters
    };
    if body > 1 && capitals == body {
        Shape::Skipped
    } else if inner_capital {
        Shape::InnerCapital
    } else {
        Shape::Plain
    }
}

/// What a word with an inner capital is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InnerCapital {
    /// A listed name or term in any case (`GitLab`, `OpenShift`), or
    /// parts that are words or names of their own (`PowerPoint`,
    /// `DevSecOps`): not a spelling matter.
    Accepted,
    /// An ordinary word with a stray capital: its right casing.
    Casing(String),
    /// An acronym run into a word (`SOCreviews`): the two apart.
    RunTogether(String),
}

/// Reads a word with an inner capital (see [`InnerCapital`]).
pub fn inner_capital(word: &str) -> InnerCapital {
    let lower = word.to_lowercase();
    if let Some(known) = lexicon::lookup(&lower) {
        if known.has(tables::NAME | tables::TERM | tables::VOCABULARY) || !known.is_english() {
            return InnerCapital::Accepted;
        }
        if camel_parts(word).iter().all(|p| is_part_word(p)) {
            return InnerCapital::Accepted;
        }
        return InnerCapital::Casing(match_case(word, &lower));
    }
    if let Some(split) = acronym_run_together(word) {
        return InnerCapital::RunTogether(split);
    }
    InnerCapital::Accepted
}

/// The parts of a mixed-case word, split before each capital that
/// follows a lower-case letter (`PowerPoint` -> `Power`, `Point`).
fn camel_parts(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower {
            parts.push(&word[start..i]);
            start = i;
        }
        prev_lower = c.is_lowercase();
    }
    parts.push(&word[start..]);
    parts
}

/// Whether a part of a mixed-case word is a word of its own (one letter
/// counts: `iPhone`).
fn is_part_word(part: &str) -> bool {
    part.chars().count() < 2 || lexicon::lookup(&part.to_lowercase()).is_some()
}

/// An all-capital acronym of two or more letters run into a lower-case
/// word of five or more (`SOCreviews` -> `SOC reviews`), when the lower
/// part is an ordinary word and the last capital does not start one
/// (`HTMLParser` is two words already).
fn acronym_run_together(word: &str) -> Option<String> {
    let split = word.find(|c: char| c.is_lowercase())?;
    let (upper, rest) = word.split_at(split);
    let all_upper = upper.chars().count() >= 2 && upper.chars().all(char::is_uppercase);
    let all_lower = rest.chars().count() >= 5 && rest.chars().all(char::is_lowercase);
    if !all_upper || !all_lower {
        return None;
    }
    let english = |w: &str| lexicon::lookup(w).is_some_and(Known::is_english);
    let last = upper.chars().last()?;
    let shifted = format!("{}{rest}", last.to_lowercase());
    (english(rest) && !english(&shifted)).then(|| format!("{upper} {rest}"))
}

/// Small words that stand alone and seldom start or end a closed
/// compound: one of them run into a common word (`ofthe`, `theteam`) is
/// two words with the space lost.
const FUNCTION_WORDS: &[&str] = &[
    "and", "are", "for", "from", "of", "our", "that", "the", "their", "this", "to", "with", "your",
];

/// A lower-case unknown word made of a function word and a common word
/// (`ofthe`, `theteam`, `teamsand`): the two apart.
pub fn function_word_run_together(lower: &str) -> Option<String> {
    let common = |w: &str| {
        w.chars().count() >= 2
            && lexicon::lookup(w).is_some_and(|k| k.is_english() && k.has(tables::COMMON))
    };
    for function in FUNCTION_WORDS {
        if let Some(rest) = lower.strip_prefix(function) {
            if (rest.len() >= 3 || FUNCTION_WORDS.contains(&rest)) && common(rest) {
                return Some(format!("{function} {rest}"));
            }
        }
        if let Some(rest) = lower.strip_suffix(function) {
            if rest.len() >= 3 && common(rest) {
                return Some(format!("{rest} {function}"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_template_calls() {
        let source = "a {{< ref \"x#y\" >}} b {{% note %}} c {{ unclosed";
        let spans: Vec<&str> = shortcodes(source).into_iter().map(|r| &source[r]).collect();
        assert_eq!(spans, ["{{< ref \"x#y\" >}}", "{{% note %}}"]);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("OKR"), Shape::Skipped);
        assert_eq!(shape("SOWs"), Shape::Skipped);
        assert_eq!(shape("30min"), Shape::Skipped);
        assert_eq!(shape("Team"), Shape::Plain);
        assert_eq!(shape("GitLab"), Shape::InnerCapital);
        assert_eq!(shape("nARR"), Shape::InnerCapital);
    }

    #[test]
    fn reads_inner_capitals() {
        assert_eq!(inner_capital("GitLab"), InnerCapital::Accepted);
        assert_eq!(inner_capital("PowerPoint"), InnerCapital::Accepted);
        assert_eq!(
            inner_capital("ExperIence"),
            InnerCapital::Casing("Experience".into())
        );
        assert_eq!(
            inner_capital("SOCreviews"),
            InnerCapital::RunTogether("SOC reviews".into())
        );
        assert_eq!(inner_capital("HTMLParser"), InnerCapital::Accepted);
        assert_eq!(inner_capital("nARR"), InnerCapital::Accepted);
    }

    #[test]
    fn splits_function_words_run_in() {
        assert_eq!(
            function_word_run_together("ofthe").as_deref(),
            Some("of the")
        );
        assert_eq!(
            function_word_run_together("theteam").as_deref(),
            Some("the team")
        );
        assert_eq!(function_word_run_together("chargeback"), None);
        assert_eq!(function_word_run_together("onboarded"), None);
    }
}
