//! The word lists and patterns of the prose rules, searched together: one
//! pass over a page's prose finds the phrases of `inclusive-language`,
//! `gender-coded-language` and `vacancy-language`, and tells
//! `confused-word` and `placeholder` which blocks may hold one of their
//! patterns.
//!
//! Each phrase list gets exactly the matches a search of that list alone
//! gives: the leftmost-longest matches, then those on word boundaries.
//! A pattern is looked for only in the blocks that hold one of the
//! literals every match of it holds (see
//! [`crate::pattern::required_literals`]), and one of each other such set
//! ([`crate::pattern::required_literal_sets`]).
//!
//! The search starts with an NFA, quick to build, and builds a DFA, quick
//! to search, once a run has searched 16 texts (`SEARCHES_BEFORE_DFA`): a
//! one-page run (a pre-commit hook, an editor) does not pay for the DFA.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use memchr::memmem::Finder;

use super::data::CODED;
use super::extra::ProseLists;
use super::{PhraseMatch, Prose};
use crate::pattern::{fold_ascii, rarest, required_literal_sets, ASCII_FOLDS};

/// A list of words and phrases, matched ignoring ASCII case, on word
/// boundaries; straight and curly apostrophes match each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseList {
    /// `rules/inclusive-language.txt`.
    Inclusive = 0,
    /// `rules/gender-coded.txt`.
    GenderCoded = 1,
    /// `rules/vacancy-language.txt`.
    Vacancy = 2,
}

/// A list of regular expressions, searched block by block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatternList {
    /// `rules/confused-words.txt`.
    Confused = 0,
    /// `rules/placeholders.txt`.
    Placeholder = 1,
}

/// What one literal of the search stands for.
#[derive(Clone, Copy, Debug)]
enum Target {
    /// A spelling of a term of a phrase list; `prefix`: any ending may
    /// follow.
    Phrase {
        list: PhraseList,
        term: usize,
        prefix: bool,
    },
    /// A literal that every match of a pattern holds.
    Pattern { list: PatternList, index: usize },
    /// A character that the literals of the patterns do not account for
    /// (one of [`ASCII_FOLDS`]): every pattern is then searched in every
    /// block of the page.
    Fold,
}

/// How many texts are searched with the NFA before the DFA is built: a
/// DFA takes several times as long to build as an NFA and searches
/// several times as fast, which pays off only over many pages.
const SEARCHES_BEFORE_DFA: usize = 16;

/// The literals of every list in one automaton.
#[derive(Debug)]
pub(super) struct Searcher {
    /// The literals, as given to the automata.
    literals: Vec<Vec<u8>>,
    /// The automaton a run's first texts are searched with: quick to
    /// build.
    nfa: Option<NFA>,
    /// The automaton the rest are searched with, built once
    /// [`SEARCHES_BEFORE_DFA`] texts have been searched. Both find the
    /// same occurrences.
    dfa: OnceLock<Option<DFA>>,
    /// How many texts have been searched with the NFA.
    nfa_searches: AtomicUsize,
    /// What each literal stands for, by pattern id.
    targets: Vec<Target>,
    /// For each pattern list, its patterns without required literals:
    /// searched in every block.
    unfiltered: [Vec<usize>; 2],
    /// For each pattern list, how many patterns it has.
    lengths: [usize; 2],
    /// For each pattern list, for each pattern, sets of literals every
    /// match holds one of each of (see [`required_literal_sets`]), as
    /// searchers: a block the search found is kept only if it holds them
    /// all.
    required: [Vec<Vec<Vec<Finder<'static>>>>; 2],
}

/// The spellings a phrase is searched as: with a curly apostrophe (when
/// it has one) and with a straight one.
fn spellings(term: &str) -> impl Iterator<Item = String> {
    let straight = term.replace('\u{2019}', "'");
    let curly = straight
        .contains('\'')
        .then(|| straight.replace('\'', "\u{2019}"));
    curly.into_iter().chain(std::iter::once(straight))
}

impl Searcher {
    /// The search for the phrases and patterns of `lists`.
    fn new(lists: &ProseLists) -> Searcher {
        let phrase_lists: [(PhraseList, Vec<(&str, bool)>); 3] = [
            (
                PhraseList::Inclusive,
                lists
                    .inclusive()
                    .iter()
                    .map(|e| (e.term.as_str(), e.prefix))
                    .collect(),
            ),
            (
                PhraseList::GenderCoded,
                CODED.iter().map(|e| (e.term.as_str(), e.prefix)).collect(),
            ),
            (
                PhraseList::Vacancy,
                lists
                    .vacancy()
                    .iter()
                    .map(|p| (p.text.as_str(), false))
                    .collect(),
            ),
        ];
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut targets = Vec::new();
        for (list, terms) in phrase_lists {
            for (term, (text, prefix)) in terms.into_iter().enumerate() {
                // The lists hold no empty term; the search needs none.
                for spelling in spellings(text).filter(|s| !s.is_empty()) {
                    literals.push(spelling.into_bytes());
                    targets.push(Target::Phrase { list, term, prefix });
                }
            }
        }
        let pattern_lists: [(PatternList, Vec<&str>); 2] = [
            (
                PatternList::Confused,
                lists.confused().iter().map(|p| p.regex.as_str()).collect(),
            ),
            (
                PatternList::Placeholder,
                lists.placeholders().iter().map(|p| p.as_str()).collect(),
            ),
        ];
        let mut unfiltered: [Vec<usize>; 2] = Default::default();
        let mut lengths = [0; 2];
        let mut required: [Vec<Vec<Vec<Finder<'static>>>>; 2] = Default::default();
        for (list, patterns) in pattern_lists {
            lengths[list as usize] = patterns.len();
            for (index, pattern) in patterns.into_iter().enumerate() {
                let sets = literal_sets(pattern);
                match rarest(&sets) {
                    Some(rarest) => {
                        for literal in rarest {
                            literals.push(literal.clone());
                            targets.push(Target::Pattern { list, index });
                        }
                    }
                    None => unfiltered[list as usize].push(index),
                }
                required[list as usize].push(
                    sets.iter()
                        .map(|set| set.iter().map(|l| Finder::new(l).into_owned()).collect())
                        .collect(),
                );
            }
        }
        for c in ASCII_FOLDS {
            literals.push(c.to_string().into_bytes());
            targets.push(Target::Fold);
        }
        // Most bytes of prose can start a term: a prefilter would only
        // slow the search down.
        let nfa = NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&literals)
            .ok();
        Searcher {
            literals,
            nfa,
            dfa: OnceLock::new(),
            nfa_searches: AtomicUsize::new(0),
            targets,
            unfiltered,
            lengths,
            required,
        }
    }

    /// Whether `text` holds one literal of each of the sets that every
    /// match of pattern `index` of `list` holds; `lower` is `text`
    /// lower-cased (see [`fold_ascii`]), `None` when it holds a letter
    /// that folds to an ASCII one (it is then never ruled out).
    fn holds_required(&self, list: usize, index: usize, lower: Option<&[u8]>) -> bool {
        let (Some(lower), Some(sets)) = (lower, self.required[list].get(index)) else {
            return true;
        };
        sets.iter()
            .all(|set| set.iter().any(|literal| literal.find(lower).is_some()))
    }

    /// A full DFA of the literals: the fastest to search; the lists are
    /// short enough for it to stay small.
    fn build_dfa(&self) -> Option<DFA> {
        DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(&self.literals)
            .ok()
    }

    /// Adds to `found` every occurrence of every literal in `haystack`
    /// (see [`every_literal`]), with whichever automaton is built.
    fn search(&self, haystack: &[u8], found: &mut Vec<(usize, usize, usize)>) {
        if let Some(dfa) = self.dfa.get() {
            if let Some(dfa) = dfa {
                every_literal(dfa, haystack, found);
            }
            return;
        }
        // One thread builds the DFA; the others go on with the NFA.
        if self.nfa_searches.fetch_add(1, Ordering::Relaxed) + 1 == SEARCHES_BEFORE_DFA {
            if let Some(dfa) = self.dfa.get_or_init(|| self.build_dfa()) {
                every_literal(dfa, haystack, found);
            }
            return;
        }
        if let Some(nfa) = &self.nfa {
            every_literal(nfa, haystack, found);
        }
    }
}

/// For each pattern of the embedded lists, as compiled, the sets of
/// literals every match holds one of each of: what
/// [`required_literal_sets`] finds, found when the binary is built.
/// Reading the patterns took half the time of building the search.
static EMBEDDED_LITERAL_SETS: &[(&str, &[&[&[u8]]])] =
    include!(concat!(env!("OUT_DIR"), "/literal_sets.rs"));

/// [`required_literal_sets`] of `pattern`: from
/// [`EMBEDDED_LITERAL_SETS`] for a pattern of the embedded lists, read
/// now for one a user's list adds.
fn literal_sets(pattern: &str) -> Vec<Vec<Vec<u8>>> {
    match EMBEDDED_LITERAL_SETS.iter().find(|(p, _)| *p == pattern) {
        Some((_, sets)) => sets
            .iter()
            .map(|set| set.iter().map(|literal| literal.to_vec()).collect())
            .collect(),
        None => required_literal_sets(pattern),
    }
}

/// The search for the embedded lists.
static SEARCHER: LazyLock<Searcher> = LazyLock::new(|| Searcher::new(&ProseLists::default()));

/// Builds the search for the embedded lists ahead of the first page.
pub(crate) fn prepare() {
    LazyLock::force(&SEARCHER);
}

/// The search for `lists`: the embedded lists' unless a configuration
/// adds entries, then the one built for those lists (once).
fn searcher(lists: &ProseLists) -> &Searcher {
    match lists.extra() {
        None => &SEARCHER,
        Some(extra) => extra.searcher.get_or_init(|| Searcher::new(lists)),
    }
}

/// What the one search found in a page's prose.
#[derive(Debug, Default)]
pub struct ListMatches {
    /// For each phrase list, its matches: segment index and match.
    phrases: [Vec<(usize, PhraseMatch)>; 3],
    /// For each pattern list, the blocks to search for each pattern:
    /// `(segment index, pattern index)`, in order.
    candidates: [Vec<(usize, usize)>; 2],
}

/// Where a phrase's literal was found in the joined prose.
#[derive(Clone, Copy, Debug)]
struct Occurrence {
    start: usize,
    end: usize,
    /// The literal's id: the order of the literals breaks ties.
    id: usize,
    term: usize,
    prefix: bool,
}

impl ListMatches {
    /// Searches the prose of a page for the phrases and patterns of
    /// `lists`.
    pub fn new(prose: &Prose<'_>, lists: &ProseLists) -> ListMatches {
        let searcher = searcher(lists);
        let mut occurrences: [Vec<Occurrence>; 3] = Default::default();
        let mut candidates: [Vec<(usize, usize)>; 2] = Default::default();
        let mut folded = false;
        let mut found = Vec::new();
        searcher.search(prose.joined.as_bytes(), &mut found);
        for (id, start, end) in found {
            match searcher.targets.get(id) {
                Some(&Target::Phrase { list, term, prefix }) => {
                    occurrences[list as usize].push(Occurrence {
                        start,
                        end,
                        id,
                        term,
                        prefix,
                    });
                }
                Some(&Target::Pattern { list, index }) => {
                    if let Some(segment) = segment_at(prose, start) {
                        candidates[list as usize].push((segment, index));
                    }
                }
                Some(Target::Fold) => folded = true,
                None => {}
            }
        }
        let phrases = occurrences.map(|mut found| {
            leftmost_longest(&mut found);
            found
                .iter()
                .filter_map(|o| in_segment(prose, o.term, o.start..o.end, o.prefix))
                .collect()
        });
        // Each candidate block lower-cased once, for both pattern lists.
        let lowered: Vec<std::cell::OnceCell<Option<Vec<u8>>>> = (0..prose.segments.len())
            .map(|_| Default::default())
            .collect();
        for (list, pairs) in candidates.iter_mut().enumerate() {
            let everywhere: Vec<usize> = if folded {
                (0..searcher.lengths[list]).collect()
            } else {
                searcher.unfiltered[list].clone()
            };
            for segment in 0..prose.segments.len() {
                pairs.extend(everywhere.iter().map(|&index| (segment, index)));
            }
            pairs.sort_unstable();
            pairs.dedup();
            pairs.retain(|&(segment, index)| {
                let (Some(text), Some(cell)) = (prose.segments.get(segment), lowered.get(segment))
                else {
                    return true;
                };
                let lower = cell.get_or_init(|| fold_ascii(&text.text).map(String::into_bytes));
                searcher.holds_required(list, index, lower.as_deref())
            });
        }
        ListMatches {
            phrases,
            candidates,
        }
    }

    /// The matches of a phrase list, in order, with the index of the
    /// segment each is in.
    pub fn phrases(&self, list: PhraseList) -> &[(usize, PhraseMatch)] {
        &self.phrases[list as usize]
    }

    /// The patterns of `list` that may match in `text` (a text outside
    /// the page's prose, such as a front matter field), in order: every
    /// pattern that has a match in `text` is here.
    pub fn patterns_in(text: &str, lists: &ProseLists, list: PatternList) -> Vec<usize> {
        let searcher = searcher(lists);
        let mut found = Vec::new();
        searcher.search(text.as_bytes(), &mut found);
        let mut patterns = searcher.unfiltered[list as usize].clone();
        for (id, _, _) in found {
            match searcher.targets.get(id) {
                Some(&Target::Pattern { list: of, index }) if of == list => patterns.push(index),
                Some(Target::Fold) => return (0..searcher.lengths[list as usize]).collect(),
                _ => {}
            }
        }
        patterns.sort_unstable();
        patterns.dedup();
        let lower = fold_ascii(text).map(String::into_bytes);
        patterns.retain(|&index| searcher.holds_required(list as usize, index, lower.as_deref()));
        patterns
    }

    /// The blocks where the patterns of `list` may match, as `(segment
    /// index, pattern index)` in order: every block that holds a match of
    /// a pattern is here with it.
    pub fn candidates(&self, list: PatternList) -> &[(usize, usize)] {
        &self.candidates[list as usize]
    }
}

/// Adds to `found` the literal id, start and end of every occurrence of
/// every literal in `haystack` (overlapping ones included), in the order
/// of their ends. The automaton's own search loop goes through a trait
/// object and keeps its state in memory; this one, on the automaton
/// itself, is a few instructions a byte on a DFA.
#[inline(never)]
fn every_literal<A: Automaton>(
    automaton: &A,
    haystack: &[u8],
    found: &mut Vec<(usize, usize, usize)>,
) {
    let Ok(mut sid) = automaton.start_state(Anchored::No) else {
        return;
    };
    // No literal is empty, so the start state matches nothing; and an
    // unanchored search never dies: a match state is a special state.
    for (at, &byte) in haystack.iter().enumerate() {
        sid = automaton.next_state(Anchored::No, sid, byte);
        if automaton.is_special(sid) {
            matches_at(automaton, sid, at + 1, found);
        }
    }
}

/// The literals that state `sid`, reached at `end`, matches.
#[inline(never)]
fn matches_at<A: Automaton>(
    automaton: &A,
    sid: aho_corasick::automaton::StateID,
    end: usize,
    found: &mut Vec<(usize, usize, usize)>,
) {
    if !automaton.is_match(sid) {
        return;
    }
    for i in 0..automaton.match_len(sid) {
        let pid = automaton.match_pattern(sid, i);
        let start = end.saturating_sub(automaton.pattern_len(pid));
        found.push((pid.as_usize(), start, end));
    }
}

/// Keeps the occurrences a leftmost-longest search finds: from the left,
/// the longest occurrence that starts first (the first literal on a tie),
/// then the next one that starts after it ends.
fn leftmost_longest(found: &mut Vec<Occurrence>) {
    found.sort_unstable_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end), a.id).cmp(&(b.start, std::cmp::Reverse(b.end), b.id))
    });
    let mut next = 0;
    found.retain(|o| {
        let keep = o.start >= next;
        if keep {
            next = o.end;
        }
        keep
    });
}

/// A match at `range` of the joined prose as a match in its segment, if it
/// is on word boundaries and not in a URL, path or the like; a term that
/// allows any ending runs to the end of the word.
fn in_segment(
    prose: &Prose<'_>,
    term: usize,
    range: Range<usize>,
    prefix: bool,
) -> Option<(usize, PhraseMatch)> {
    let text = prose.joined.as_str();
    let range = on_word_boundaries(text, range, prefix)?;
    let index = segment_at(prose, range.start)?;
    let segment = prose.segments.get(index)?;
    let start = *prose.starts.get(index)?;
    let range = range.start - start..range.end - start;
    // Terms hold no line break, so a match never crosses into the next
    // segment; check anyway.
    if range.end > segment.text.len() || segment.is_technical(&range) {
        return None;
    }
    Some((index, PhraseMatch { term, range }))
}

/// The index of the segment that holds `offset` of the joined prose.
fn segment_at(prose: &Prose<'_>, offset: usize) -> Option<usize> {
    prose
        .starts
        .partition_point(|&s| s <= offset)
        .checked_sub(1)
}

/// `range` of `text` if it is a whole word (or words): no letter or digit
/// touches it, and neither does a hyphen joining it to one (the parts of
/// "data-driven" are not words of their own). A term that allows any
/// ending runs to the end of its word, hyphenated parts included.
fn on_word_boundaries(text: &str, range: Range<usize>, prefix: bool) -> Option<Range<usize>> {
    let mut before = text.get(..range.start)?.chars().rev();
    match before.next() {
        Some(c) if c.is_alphanumeric() => return None,
        Some('-') if before.next().is_some_and(char::is_alphanumeric) => return None,
        _ => {}
    }
    let rest = text.get(range.end..)?;
    let tail = word_tail(rest);
    if prefix {
        Some(range.start..range.end + tail)
    } else if tail > 0 {
        None
    } else {
        Some(range)
    }
}

/// The length of the rest of a word at the start of `rest`: letters and
/// digits, and hyphens between them.
pub(super) fn word_tail(rest: &str) -> usize {
    let mut chars = rest.char_indices().peekable();
    let mut end = 0;
    while let Some((i, c)) = chars.next() {
        let joins = c == '-' && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if !(c.is_alphanumeric() || joins) {
            break;
        }
        end = i + c.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests;
