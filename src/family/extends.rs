//! "Extends …" items: parsing the reference out of an item's text.
//!
//! Accepted forms: "Extends the X responsibilities", "Extends that of the
//! X (Intermediate) requirements", "Extends responsibilities of X",
//! "Extends: X" and "Extends X". Parsing is in two steps: [`parse`] finds
//! the body after the leading words, and [`split`] finds where the
//! reference ends, given the family's level names, which tells whether
//! further text was fused onto it.

use std::ops::Range;

use super::names;
use super::ListKind;

/// An "Extends …" item of a level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extends {
    /// The item (index into [`crate::document::Document::items`]).
    pub item: usize,
    /// The list the item is in.
    pub list: ListKind,
    /// The list the text names ("… responsibilities"), if it names one.
    pub stated: Option<ListKind>,
    /// Where that word is written.
    pub stated_span: Option<Range<usize>>,
    /// The reference as written ("the Senior Analyst" without "the").
    pub reference: String,
    /// Where the reference is written.
    pub reference_span: Range<usize>,
    /// The level it resolves to.
    pub target: Option<usize>,
    /// Text fused after the reference: a second item run into this one.
    pub fused: Option<Fused>,
    /// The destination of a link in the item ("[Analyst
    /// responsibilities](#analyst)"), if it has one.
    pub link: Option<String>,
}

impl Extends {
    /// Whether the item links to another page: the level it extends
    /// belongs to another family.
    pub fn links_elsewhere(&self) -> bool {
        self.link
            .as_deref()
            .is_some_and(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    }
}

/// Text fused onto an "Extends" reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fused {
    /// The text as written.
    pub text: String,
    /// Where it is written.
    pub span: Range<usize>,
}

/// The first step of parsing, on an item's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// A list word before the reference ("responsibilities of X") and
    /// where it is.
    pub stated: Option<(ListKind, Range<usize>)>,
    /// The text after the leading words, up to a final full stop.
    pub body: Range<usize>,
}

/// The second step: where the reference ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// The reference.
    pub reference: Range<usize>,
    /// A list word after the reference ("X requirements") and where it is.
    pub stated: Option<(ListKind, Range<usize>)>,
    /// Text fused after the reference.
    pub fused: Option<Range<usize>>,
}

/// Word ranges of `text` within `range`: runs of non-space characters.
fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
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
fn core(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn list_word(word: &str) -> Option<ListKind> {
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
fn trimmed(text: &str, word: Range<usize>) -> Range<usize> {
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
fn parse_words(text: &str) -> Option<Parsed> {
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

/// What [`split`] needs to know about the family.
pub trait Levels {
    /// Whether `name` names a level exactly.
    fn resolves(&self, name: &str) -> bool;
    /// Whether `word` (a [`names::singular`] lower-case word) ends some
    /// level's name.
    fn ends_a_name(&self, word: &str) -> bool;
}

/// Words that carry on a reference rather than start a new sentence.
const CONNECTORS: &[&str] = &[
    "of", "and", "or", "in", "at", "for", "to", "with", "on", "level", "levels", "role", "roles",
    "position", "list", "section", "team", "job", "family", "above", "below", "as", "plus",
];

/// Finds where the reference in `body` ends, and any fused text.
pub fn split(text: &str, body: Range<usize>, levels: &dyn Levels) -> Split {
    let ws = words(text, body.clone());
    let span = |r: Range<usize>| -> Range<usize> {
        match (
            ws.get(r.start),
            r.end.checked_sub(1).and_then(|e| ws.get(e)),
        ) {
            (Some(a), Some(b)) if r.start < r.end => trimmed_span(text, a.start..b.end),
            _ => body.start..body.start,
        }
    };
    let reference_end = |end: usize| -> usize {
        // "the Senior level", "the Analyst job family": drop the words
        // that only say what kind of thing is named.
        let mut end = end;
        while end > 1
            && matches!(
                core(&text[ws[end - 1].clone()]).as_str(),
                "level" | "role" | "position" | "job" | "family"
            )
        {
            end -= 1;
        }
        end
    };
    // A list word after the reference ends it.
    if let Some(p) = (1..ws.len()).find(|&p| list_word(&text[ws[p].clone()]).is_some()) {
        let kind = list_word(&text[ws[p].clone()]);
        let stated = kind.map(|k| (k, trimmed(text, ws[p].clone())));
        let rest = p + 1..ws.len();
        // "… requirements. Also:" is not an item of its own; "…
        // requirements Own the roadmap" is.
        let fused =
            (rest.len() >= 2 && starts_upper(&text[ws[rest.start].clone()])).then(|| span(rest));
        return Split {
            reference: span(0..reference_end(p)),
            stated,
            fused,
        };
    }
    // The longest prefix that names a level.
    for k in (1..=ws.len()).rev() {
        if !levels.resolves(&text[span(0..k)]) {
            continue;
        }
        let rest = k..ws.len();
        if rest.is_empty() {
            return Split {
                reference: span(0..k),
                stated: None,
                fused: None,
            };
        }
        let fused = rest.len() >= 2
            && starts_letter(&text[ws[k].clone()])
            && !CONNECTORS.contains(&core(&text[ws[k].clone()]).as_str())
            && reads_as_a_sentence(text, &ws[k..]);
        if fused {
            return Split {
                reference: span(0..k),
                stated: None,
                fused: Some(span(rest)),
            };
        }
        // More words that are not a sentence: part of the reference.
        break;
    }
    // A prefix ending in a word that ends level names, followed by a
    // sentence of its own.
    for i in 1..ws.len() {
        let before = &text[ws[i - 1].clone()];
        let next = &text[ws[i].clone()];
        if before.ends_with([',', '(', '/', '-', '&'])
            || !levels.ends_a_name(&names::singular(&core(before)))
            || ws.len() - i < 3
            || !starts_letter(next)
            || CONNECTORS.contains(&core(next).as_str())
            || !reads_as_a_sentence(text, &ws[i..])
        {
            continue;
        }
        return Split {
            reference: span(0..i),
            stated: None,
            fused: Some(span(i..ws.len())),
        };
    }
    Split {
        reference: span(0..reference_end(ws.len())),
        stated: None,
        fused: None,
    }
}

/// `range` without leading or trailing punctuation other than brackets
/// that close inside it.
fn trimmed_span(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let lead = s.len()
        - s.trim_start_matches([' ', ':', ',', '*', '_', '"', '“'])
            .len();
    let mut end = range.end;
    let mut t = &text[range.start + lead..end];
    loop {
        let trimmed = t.trim_end_matches([' ', '.', ',', ';', ':', '*', '_', '"', '”']);
        let trimmed = if trimmed.ends_with(')') && !trimmed.contains('(') {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == t.len() {
            break;
        }
        end -= t.len() - trimmed.len();
        t = trimmed;
    }
    range.start + lead..end
}

/// Whether words read as prose rather than more of a title-case name: one
/// of the first four starts with a lower-case letter.
fn reads_as_a_sentence(text: &str, words: &[Range<usize>]) -> bool {
    words.iter().take(4).any(|w| {
        text[w.clone()]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    })
}

fn starts_upper(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

fn starts_letter(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_letter_shortcut_changes_no_parse() {
        let starts = [
            "", " ", "\t", "**", "“", "\u{a0}", "- ", "e", "E", "x", "1", "é", "** ", "_",
        ];
        let words = [
            "Extends",
            "extends",
            "EXTENDS",
            "Extend",
            "extends:",
            "Extends.",
            "Expands",
            "Extendsx",
            "Other",
            "the",
            "Analyst",
            "requirements",
            "of",
        ];
        for start in starts {
            for first in words {
                for rest in ["", " the Analyst requirements", " responsibilities of X."] {
                    let text = format!("{start}{first}{rest}");
                    assert_eq!(parse(&text), parse_words(&text), "{text:?}");
                }
            }
        }
    }

    struct Names(Vec<&'static str>);

    impl Levels for Names {
        fn resolves(&self, name: &str) -> bool {
            let key = names::key(name);
            self.0.iter().any(|n| names::key(n) == key)
        }
        fn ends_a_name(&self, word: &str) -> bool {
            self.0
                .iter()
                .any(|n| names::tokens(n).last().is_some_and(|w| w == word))
        }
    }

    fn family() -> Names {
        Names(vec![
            "Data Analyst (Intermediate)",
            "Senior Data Analyst",
            "Manager, Data",
        ])
    }

    /// (reference, stated kind, fused) for an item's text.
    fn read(text: &str) -> Option<(String, Option<ListKind>, Option<String>)> {
        let p = parse(text)?;
        let s = split(text, p.body.clone(), &family());
        let stated = p.stated.map(|(k, _)| k).or(s.stated.map(|(k, _)| k));
        Some((
            text[s.reference].to_string(),
            stated,
            s.fused.map(|f| text[f].to_string()),
        ))
    }

    #[test]
    fn the_five_forms() {
        use ListKind::*;
        assert_eq!(
            read("Extends the Senior Data Analyst responsibilities"),
            Some(("Senior Data Analyst".into(), Some(Responsibilities), None))
        );
        assert_eq!(
            read("Extends that of the Data Analyst (Intermediate) requirements"),
            Some((
                "Data Analyst (Intermediate)".into(),
                Some(Requirements),
                None
            ))
        );
        assert_eq!(
            read("Extends to that of an Associate Data Analyst"),
            Some(("Associate Data Analyst".into(), None, None))
        );
        assert_eq!(
            read("Extends responsibilities of Senior Data Analysts"),
            Some(("Senior Data Analysts".into(), Some(Responsibilities), None))
        );
        assert_eq!(
            read("Extends: Manager, Data"),
            Some(("Manager, Data".into(), None, None))
        );
        assert_eq!(
            read("Extends Senior Data Analyst."),
            Some(("Senior Data Analyst".into(), None, None))
        );
        assert_eq!(
            read("Extends the Senior level"),
            Some(("Senior".into(), None, None))
        );
        assert_eq!(
            read("Extends the Manager, Data job family requirements. See below."),
            Some((
                "Manager, Data".into(),
                Some(Requirements),
                Some("See below".into())
            ))
        );
        assert_eq!(
            read("Extends the Senior Data Analyst's responsibilities, plus:"),
            Some(("Senior Data Analyst's".into(), Some(Responsibilities), None))
        );
        assert_eq!(
            read("Extends the Manager, Data requirements. Also:").map(|r| r.2),
            Some(None)
        );
    }

    #[test]
    fn other_items_are_not_extends() {
        assert_eq!(read("Extensive experience with SQL"), None);
        assert_eq!(read("Extend the reach of the team"), None);
        assert_eq!(read(""), None);
    }

    #[test]
    fn fused_text_after_a_resolving_name() {
        assert_eq!(
            read("Extends: Senior Data Analyst Experience working with executives"),
            Some((
                "Senior Data Analyst".into(),
                None,
                Some("Experience working with executives".into())
            ))
        );
    }

    #[test]
    fn fused_text_after_a_list_word() {
        assert_eq!(
            read("Extends the Senior Data Analyst requirements Own the roadmap"),
            Some((
                "Senior Data Analyst".into(),
                Some(ListKind::Requirements),
                Some("Own the roadmap".into())
            ))
        );
        // Lower case after the list word reads as one sentence.
        assert_eq!(
            read("Extends the Senior Data Analyst requirements and more").map(|r| r.2),
            Some(None)
        );
    }

    #[test]
    fn fused_text_after_an_unknown_name() {
        assert_eq!(
            read("Extends responsibilities of Sr Analysts own the data roadmap for finance"),
            Some((
                "Sr Analysts".into(),
                Some(ListKind::Responsibilities),
                Some("own the data roadmap for finance".into())
            ))
        );
        // Too short to be a sentence of its own.
        assert_eq!(
            read("Extends Principal Analyst Data").map(|r| r.2),
            Some(None)
        );
        // A comma carries the name on.
        assert_eq!(
            read("Extends Lead Analyst, Data Platform Team Europe").map(|r| r.2),
            Some(None)
        );
    }

    #[test]
    fn stated_kind_spans_point_at_the_word() {
        let text = "Extends responsibilities of X";
        let p = parse(text).map(|p| p.stated.map(|(_, r)| &text[r]));
        assert_eq!(p, Some(Some("responsibilities")));
    }
}
