//! The spelling rule's side of the handbook vocabulary: which reported
//! words other pages may show to be names (capitalised, used on
//! [`CORPUS_PAGES`] pages, and no typo of a common word). The engine's
//! run-level pass gathers the pages and drops those findings.

use std::collections::{HashMap, HashSet};

use super::lexicon;
use super::suggest;
use crate::rules::prose::is_capitalized;

/// How many pages of a run must use an unknown capitalised word for it to
/// count as vocabulary.
pub const CORPUS_PAGES: usize = 3;

/// The words a handbook shows to be vocabulary: given the unknown words
/// the rule reported, as `(page, word as written)`, those written with a
/// capital first letter on at least [`CORPUS_PAGES`] distinct pages and
/// not one edit away from a dictionary word. Returned in their
/// [`vocabulary_key`] form.
pub fn corpus_vocabulary<'a>(
    flagged: impl IntoIterator<Item = (usize, &'a str)>,
) -> HashSet<String> {
    let mut pages: HashMap<String, (HashSet<usize>, bool)> = HashMap::new();
    for (page, word) in flagged {
        let entry = pages
            .entry(vocabulary_key(word))
            .or_insert_with(|| (HashSet::new(), true));
        entry.0.insert(page);
        entry.1 &= is_capitalized(word);
    }
    pages
        .into_iter()
        .filter(|(word, (pages, capitalized))| {
            *capitalized && pages.len() >= CORPUS_PAGES && may_be_vocabulary(word)
        })
        .map(|(word, _)| word)
        .collect()
}

/// The reported words that other pages could still show to be vocabulary
/// (see [`corpus_vocabulary`]): those capitalised wherever they were
/// reported, not listed misspellings and not one edit away from a
/// dictionary word. Returned in their [`vocabulary_key`] form.
pub fn vocabulary_candidates<'a>(flagged: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    let mut capitalized: HashMap<String, bool> = HashMap::new();
    for word in flagged {
        *capitalized.entry(vocabulary_key(word)).or_insert(true) &= is_capitalized(word);
    }
    capitalized
        .into_iter()
        .filter(|(word, capitalized)| *capitalized && may_be_vocabulary(word))
        .map(|(word, _)| word)
        .collect()
}

/// Whether the unknown word `key` (in [`vocabulary_key`] form) may be
/// vocabulary: it is no listed misspelling and no dictionary word is one
/// edit away.
fn may_be_vocabulary(key: &str) -> bool {
    lexicon::misspelling(key).is_none() && suggest::candidates(key).iter().all(|c| c.distance > 1.0)
}

/// The form in which words are compared: lower case, with typographic
/// apostrophes made straight.
pub fn vocabulary_key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}
