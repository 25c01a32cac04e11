//! What the dictionaries say of a word as written (remembered per thread,
//! since prose repeats a few hundred words), and the ranking of the
//! corrections of an unknown word on its page, which decides whether
//! one is clearly best.

use std::cell::RefCell;
use std::collections::HashMap;

use foldhash::fast::RandomState;

use super::lexicon::{self, Known};
use super::morphology;
use super::suggest::{self, Candidate};
use super::tables;
use super::tokens::{self, InnerCapital, Shape, Token};
use super::vocabulary::vocabulary_key;
use crate::rules::prose::match_case;

/// What the built-in lists say of a word as written.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// A word the rule never checks (see [`tokens::shape`]).
    Skipped,
    /// A known word: the dictionary entry, when there is one (a plural
    /// of a listed name has none).
    Known(Option<Known>),
    /// A listed misspelling, with its correction.
    Misspelled(&'static str),
    /// A word with a stray capital or run together: its right form.
    Recased(String),
    /// Neither.
    Unknown,
}

/// Most verdicts a thread remembers before it starts afresh.
const VERDICTS: usize = 1 << 14;

/// Verdicts by word as written.
#[derive(Default)]
pub struct VerdictCache {
    /// Each word's place in `verdicts` (one hash look-up a word).
    places: HashMap<Box<str>, u32, RandomState>,
    verdicts: Vec<Verdict>,
}

thread_local! {
    /// This thread's verdicts: the table stays in the processor's cache
    /// where the dictionary does not.
    static SEEN: RefCell<VerdictCache> = RefCell::default();
}

/// Calls `f` with this thread's verdict cache (or a fresh one, if the
/// thread's is in use).
pub fn with_cache<R>(f: impl FnOnce(&mut VerdictCache) -> R) -> R {
    SEEN.with(|seen| match seen.try_borrow_mut() {
        Ok(mut cache) => f(&mut cache),
        Err(_) => f(&mut VerdictCache::default()),
    })
}

impl VerdictCache {
    /// The verdict on a word as written (possessive included).
    pub fn verdict(&mut self, word: &str) -> &Verdict {
        let place = match self.places.get(word) {
            Some(&place) => place as usize,
            None => {
                if self.verdicts.len() >= VERDICTS {
                    self.places.clear();
                    self.verdicts.clear();
                }
                self.places.insert(word.into(), self.verdicts.len() as u32);
                self.verdicts.push(judge(word));
                self.verdicts.len() - 1
            }
        };
        self.verdicts.get(place).unwrap_or(&Verdict::Unknown)
    }
}

/// The verdict of the lists on a word as written.
fn judge(word: &str) -> Verdict {
    let stem = tokens::strip_possessive(word);
    match tokens::shape(stem) {
        Shape::Skipped => Verdict::Skipped,
        Shape::InnerCapital => match tokens::inner_capital(stem) {
            InnerCapital::Accepted => Verdict::Known(None),
            InnerCapital::Casing(right) | InnerCapital::RunTogether(right) => {
                Verdict::Recased(right)
            }
        },
        Shape::Plain => judge_plain(stem),
    }
}

/// The verdict on a word in lower case or with a capital first letter.
fn judge_plain(stem: &str) -> Verdict {
    let lower = vocabulary_key(stem);
    if let Some(right) = lexicon::misspelling(&lower) {
        return Verdict::Misspelled(right);
    }
    if let Some(known) = lexicon::lookup(&lower) {
        return Verdict::Known(Some(known));
    }
    if is_plural_of_listed(&lower) || morphology::is_derived(&lower) {
        return Verdict::Known(None);
    }
    if lower.chars().nth(2).is_none() {
        return Verdict::Skipped;
    }
    if let Some(split) = tokens::function_word_run_together(&lower) {
        return Verdict::Recased(match_case(stem, &split));
    }
    Verdict::Unknown
}

/// Whether `lower` is the plural of a listed name, term or handbook
/// word (`webhooks`): those lists hold one form of each word, where the
/// English lists hold every inflection.
fn is_plural_of_listed(lower: &str) -> bool {
    let listed = |w: &str| {
        lexicon::lookup(w).is_some_and(|k| k.has(tables::NAME | tables::TERM | tables::VOCABULARY))
    };
    lower.strip_suffix('s').is_some_and(listed) || lower.strip_suffix("es").is_some_and(listed)
}

/// An unknown word's corrections ranked for its page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranked {
    /// The corrections, best first, as the lists write them.
    pub words: Vec<String>,
    /// Whether the first is clearly the one meant.
    pub clear: bool,
}

/// Candidates used on the same page are this much closer.
const SAME_PAGE_BONUS: f32 = 0.4;

/// The best candidate must be at most this far (one plain edit).
const CLEAR_DISTANCE: f32 = 1.0;

/// And this much closer than the next.
const CLEAR_MARGIN: f32 = 0.3;

/// Unknown words shorter than this (in characters) are abbreviations
/// more often than typos: their corrections are never clear.
const CLEAR_MIN_CHARS: usize = 5;

/// The words of a page, for telling which corrections the page itself
/// uses, in any case.
///
/// An unknown word has a few corrections and a page has thousands of
/// words, so the words are not gathered into a set: each look-up goes
/// through the page's ASCII words once, comparing only those whose first
/// letter and length some correction shares (see [`Starts`]). The words
/// with letters outside ASCII are lower-cased once, without repeats.
#[derive(Debug)]
pub struct PageForms<'p, 'a> {
    words: &'p [Token<'a>],
    /// The distinct lower-case forms of the words with letters outside
    /// ASCII.
    other: Vec<String>,
}

impl<'p, 'a> PageForms<'p, 'a> {
    /// The words of `page`.
    pub fn of(page: &'p [Token<'a>]) -> PageForms<'p, 'a> {
        let mut other: Vec<String> = page
            .iter()
            .filter(|t| !t.text.is_ascii())
            .map(|t| t.text.chars().flat_map(char::to_lowercase).collect())
            .collect();
        other.sort_unstable();
        other.dedup();
        PageForms { words: page, other }
    }

    /// For each of the lower-case `keys`, whether the page writes it, in
    /// any case.
    fn writes(&self, keys: &[&str]) -> Vec<bool> {
        let mut written: Vec<bool> = keys
            .iter()
            .map(|key| self.other.iter().any(|o| o == key))
            .collect();
        let mut starts = Starts::default();
        for key in keys {
            starts.insert(key.as_bytes());
        }
        for word in self.words {
            let text = word.text;
            if !starts.may_hold(text.as_bytes()) || !text.is_ascii() {
                continue;
            }
            for (key, written) in keys.iter().zip(written.iter_mut()) {
                *written |= key.len() == text.len()
                    && key
                        .bytes()
                        .zip(text.bytes())
                        .all(|(k, t)| k == t.to_ascii_lowercase());
            }
        }
        written
    }
}

/// A set of (length, first byte without ASCII case) pairs: a quick test
/// that rules out most words before they are compared. Unlike
/// [`Shapes`](crate::rules::prose::data::Shapes), which rules out nothing
/// once a name is outside ASCII, it keeps ruling words out whatever the
/// keys: a correction outside ASCII is found through the page's other
/// words.
#[derive(Default)]
struct Starts([u64; 16]);

impl Starts {
    /// The word and bit of `text`'s pair: lengths from 31 share one, and
    /// bytes share one per value of their low five bits once lower-cased.
    fn slot(text: &[u8]) -> (usize, u64) {
        let first = text.first().map_or(0, u8::to_ascii_lowercase);
        let slot = text.len().min(31) * 32 + usize::from(first & 31);
        (slot / 64, 1 << (slot % 64))
    }

    /// Adds `text`'s pair.
    fn insert(&mut self, text: &[u8]) {
        let (word, bit) = Self::slot(text);
        self.0[word] |= bit;
    }

    /// Whether a text with `text`'s length and first letter is in the set.
    fn may_hold(&self, text: &[u8]) -> bool {
        let (word, bit) = Self::slot(text);
        self.0[word] & bit != 0
    }
}

/// Ranks the corrections of the lower-case unknown `lower` for a page
/// whose words are `page`.
pub fn rank(lower: &str, page: &PageForms<'_, '_>) -> Ranked {
    let candidates = suggest::candidates(lower);
    let keys: Vec<&str> = candidates.iter().map(|c| c.word.key()).collect();
    let mut ranked: Vec<(Candidate, bool)> = candidates
        .iter()
        .zip(page.writes(&keys))
        .map(|(c, on_page)| {
            let bonus = if on_page { SAME_PAGE_BONUS } else { 0.0 };
            let score = c.score - bonus;
            (Candidate { score, ..*c }, on_page)
        })
        .collect();
    ranked.sort_by(|(a, _), (b, _)| a.score.total_cmp(&b.score));
    let clear = ranked.first().is_some_and(|(best, best_on_page)| {
        // Ahead of the next by a margin, or the only one the page uses.
        let ahead = ranked.get(1).is_none_or(|(next, next_on_page)| {
            next.score - best.score >= CLEAR_MARGIN || (*best_on_page && !*next_on_page)
        });
        best.distance <= CLEAR_DISTANCE
            && best.word.is_common()
            && lower.chars().count() >= CLEAR_MIN_CHARS
            && ahead
    });
    Ranked {
        words: ranked
            .iter()
            .map(|(c, _)| c.word.display().to_string())
            .collect(),
        clear,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Lcg;

    fn token(text: &str) -> Token<'_> {
        Token {
            text,
            span: 0..text.len(),
            word: None,
        }
    }

    /// `PageForms::writes` answers as lower-casing every word of the page
    /// and comparing does, for words and keys in and outside ASCII
    /// (the Kelvin sign lower-cases to an ASCII `k`).
    #[test]
    fn writes_answers_as_lower_casing_every_word() {
        let mut rng = Lcg(0x0f0e_5eed);
        let pieces = ["a", "B", "k", "K", "\u{212a}", "é", "É", "ß", "ab", "AB"];
        for _ in 0..5_000 {
            let words: Vec<String> = (0..rng.below(8)).map(|_| rng.pieces(&pieces, 4)).collect();
            let keys: Vec<String> = (0..rng.below(5)).map(|_| rng.pieces(&pieces, 4)).collect();
            let tokens: Vec<Token<'_>> = words.iter().map(|w| token(w)).collect();
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let lower: Vec<String> = words
                .iter()
                .map(|w| w.chars().flat_map(char::to_lowercase).collect())
                .collect();
            let expected: Vec<bool> = keys.iter().map(|k| lower.iter().any(|l| l == k)).collect();
            assert_eq!(
                PageForms::of(&tokens).writes(&keys),
                expected,
                "{words:?} {keys:?}"
            );
        }
    }

    #[test]
    fn starts_hold_what_was_inserted() {
        let mut starts = Starts::default();
        starts.insert(b"manager");
        assert!(starts.may_hold(b"Manager"));
        assert!(starts.may_hold(b"mANAGER"));
        assert!(!starts.may_hold(b"managers"));
        assert!(!starts.may_hold(b"nanager"));
        assert!(!starts.may_hold(b""));
        starts.insert(b"");
        assert!(starts.may_hold(b""));
    }
}
