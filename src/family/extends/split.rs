//! The second step of reading an "Extends …" item: where the reference
//! in the body ends (at a list word, at the longest prefix that names a
//! level, or where a sentence of its own starts), which tells whether a
//! second item was fused onto it.

use std::ops::Range;

use super::parse::{core, list_word, trimmed, words};
use crate::family::names;
use crate::family::ListKind;

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
