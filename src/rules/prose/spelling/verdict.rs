//! What the dictionaries say of a word as written (remembered per thread,
//! since prose repeats a few hundred words), and the ranking of the
//! corrections of an unknown word on its page, which decides whether
//! one is clearly best.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

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

/// The words of a page in lower case, for telling which corrections the
/// page itself uses.
#[derive(Debug, Default)]
pub struct PageForms(HashSet<String, RandomState>);

impl PageForms {
    /// The lower-case forms of the words of `page`.
    pub fn of(page: &[Token<'_>]) -> PageForms {
        // Pages repeat their words: each is lower-cased once.
        let distinct: HashSet<&str, RandomState> = page.iter().map(|t| t.text).collect();
        let lower = |text: &str| {
            if text.is_ascii() {
                text.to_ascii_lowercase()
            } else {
                text.chars().flat_map(char::to_lowercase).collect()
            }
        };
        PageForms(distinct.into_iter().map(lower).collect())
    }

    /// Whether the lower-case `word` is written on the page, in any case.
    fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// Ranks the corrections of the lower-case unknown `lower` for a page
/// whose words are `page`.
pub fn rank(lower: &str, page: &PageForms) -> Ranked {
    let mut ranked: Vec<Candidate> = suggest::candidates(lower)
        .iter()
        .map(|c| Candidate {
            score: c.score
                - if page.contains(c.word.key()) {
                    SAME_PAGE_BONUS
                } else {
                    0.0
                },
            ..*c
        })
        .collect();
    ranked.sort_by(|a, b| a.score.total_cmp(&b.score));
    let on_page = |c: &Candidate| page.contains(c.word.key());
    let clear = ranked.first().is_some_and(|best| {
        // Ahead of the next by a margin, or the only one the page uses.
        let ahead = ranked.get(1).is_none_or(|next| {
            next.score - best.score >= CLEAR_MARGIN || (on_page(best) && !on_page(next))
        });
        best.distance <= CLEAR_DISTANCE
            && best.word.is_common()
            && lower.chars().count() >= CLEAR_MIN_CHARS
            && ahead
    });
    Ranked {
        words: ranked
            .iter()
            .map(|c| c.word.display().to_string())
            .collect(),
        clear,
    }
}
