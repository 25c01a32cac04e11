//! The first step of reading an "Extends …" item: the leading words
//! ("Extends the", "Extends that of the", "Extends responsibilities of")
//! and the list word they may state, up to the body that holds the
//! reference. Also the word helpers both steps share.

use std::ops::Range;

use crate::family::ListKind;

/// The first step of parsing, on an item's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// A list word before the reference ("responsibilities of X") and
    /// where it is.
    pub stated: Option<(ListKind, Range<usize>)>,
    /// The text after the leading words, up to a final full stop.
    pub body: Range<usize>,
}

/// Word ranges of `text` within `range`: runs of non-space characters.
pub(super) fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(range.len() / 4 + 1);
    let mut start = None;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(s..at);
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(s) = start {
        out.push(s..range.end);
    }
    out
}

/// A word without surrounding punctuation and markup, in lower case.
pub(super) fn core(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

pub(super) fn list_word(word: &str) -> Option<ListKind> {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    if bare.is_ascii() {
        // No character outside ASCII lower-cases into these words' letters
        // except through the Kelvin sign, and they have no `k`: an ASCII
        // comparison decides it without a lower-cased copy.
        return [
            ("responsibilities", ListKind::Responsibilities),
            ("responsibility", ListKind::Responsibilities),
            ("requirements", ListKind::Requirements),
            ("requirement", ListKind::Requirements),
        ]
        .into_iter()
        .find(|(w, _)| bare.eq_ignore_ascii_case(w))
        .map(|(_, kind)| kind);
    }
    match core(word).as_str() {
        "responsibilities" | "responsibility" => Some(ListKind::Responsibilities),
        "requirements" | "requirement" => Some(ListKind::Requirements),
        _ => None,
    }
}

/// The range of `word` without surrounding punctuation.
pub(super) fn trimmed(text: &str, word: Range<usize>) -> Range<usize> {
    let s = &text[word.clone()];
    let lead = s.len() - s.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let tail = s.len() - s.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    if lead + tail >= s.len() {
        return word;
    }
    word.start + lead..word.end - tail
}

/// Parses the leading words of an item's text; `None` when the item does
/// not start with "Extends".
pub fn parse(text: &str) -> Option<Parsed> {
    if cannot_start_with_extends(text) {
        return None;
    }
    parse_words(text)
}

/// Whether `text`'s first word cannot be "extends": its first ASCII
/// letter or digit is another one, and comes before any non-ASCII
/// character (which could be punctuation before the word, or white
/// space). Most items are done with after a byte or two.
fn cannot_start_with_extends(text: &str) -> bool {
    for &b in text.as_bytes() {
        if !b.is_ascii() {
            return false;
        }
        if b.is_ascii_alphanumeric() {
            return !matches!(b, b'e' | b'E');
        }
    }
    true
}

/// [`parse`] without the first-letter shortcut.
pub(super) fn parse_words(text: &str) -> Option<Parsed> {
    // Most items are not references: look at the first word before
    // splitting the whole text. Only ASCII letters lower-case to
    // "extends", so an ASCII comparison decides it.
    let first_word = text.split(char::is_whitespace).find(|w| !w.is_empty())?;
    if !first_word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .eq_ignore_ascii_case("extends")
    {
        return None;
    }
    let ws = words(text, 0..text.len());
    let first = ws.first()?;
    let head = core(&text[first.clone()]);
    // "Extend the reach of …" is a responsibility, not a reference.
    if head != "extends" {
        return None;
    }
    let mut i = 1;
    let lower = |i: usize| ws.get(i).map(|w| core(&text[w.clone()]));
    // "Extends to that of an Associate Renewals Manager".
    if lower(i).as_deref() == Some("to")
        && matches!(lower(i + 1).as_deref(), Some("that" | "those"))
    {
        i += 1;
    }
    if matches!(lower(i).as_deref(), Some("that" | "those"))
        && lower(i + 1).as_deref() == Some("of")
    {
        i += 2;
    }
    if matches!(lower(i).as_deref(), Some("the" | "a" | "an")) {
        i += 1;
    }
    let mut stated = None;
    if let Some(kind) = ws.get(i).and_then(|w| list_word(&text[w.clone()])) {
        if matches!(lower(i + 1).as_deref(), Some("of" | "for" | "from" | "in")) {
            stated = Some((kind, trimmed(text, ws[i].clone())));
            i += 2;
            if lower(i).as_deref() == Some("the") {
                i += 1;
            }
        }
    }
    let start = ws.get(i).map_or(text.len(), |w| w.start);
    let end = text
        .trim_end()
        .trim_end_matches(['.', ';', ','])
        .trim_end()
        .len();
    Some(Parsed {
        stated,
        body: start..end.max(start),
    })
}
