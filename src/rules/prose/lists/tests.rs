use super::*;
use crate::document::Document;
use crate::rules::prose::data::{CONFUSED, INCLUSIVE, PLACEHOLDER_PATTERNS, VACANCY};
use crate::testing::Lcg;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};

/// The search of one phrase list on its own, as each rule ran it before
/// the lists were searched together: the reference the merged search
/// must equal.
struct OneList {
    automaton: AhoCorasick,
    patterns: Vec<(usize, bool)>,
}

impl OneList {
    fn new<'t>(terms: impl IntoIterator<Item = (&'t str, bool)>) -> OneList {
        let mut texts = Vec::new();
        let mut patterns = Vec::new();
        for (i, (term, prefix)) in terms.into_iter().enumerate() {
            let straight = term.replace('\u{2019}', "'");
            if straight.contains('\'') {
                texts.push(straight.replace('\'', "\u{2019}"));
                patterns.push((i, prefix));
            }
            texts.push(straight);
            patterns.push((i, prefix));
        }
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&texts)
            .unwrap();
        OneList {
            automaton,
            patterns,
        }
    }

    fn find_all(&self, prose: &Prose<'_>) -> Vec<(usize, PhraseMatch)> {
        let text = prose.joined.as_str();
        let mut out = Vec::new();
        for m in self.automaton.find_iter(text) {
            let (term, prefix) = self.patterns[m.pattern().as_usize()];
            let before: Vec<char> = text[..m.start()].chars().rev().take(2).collect();
            let joined = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
            if joined(before.first()) || (before.first() == Some(&'-') && joined(before.get(1))) {
                continue;
            }
            let mut end = m.end();
            let tail: usize = {
                let after: Vec<char> = text[end..].chars().collect();
                let mut n = 0;
                let mut bytes = 0;
                while n < after.len()
                    && (after[n].is_alphanumeric() || (after[n] == '-' && joined(after.get(n + 1))))
                {
                    bytes += after[n].len_utf8();
                    n += 1;
                }
                bytes
            };
            if prefix {
                end += tail;
            } else if tail > 0 {
                continue;
            }
            let index = prose.starts.partition_point(|&s| s <= m.start()) - 1;
            let segment = &prose.segments[index];
            let start = prose.starts[index];
            let range = m.start() - start..end - start;
            if range.end > segment.text.len() || segment.is_technical(&range) {
                continue;
            }
            out.push((index, PhraseMatch { term, range }));
        }
        out
    }
}

fn reference(list: PhraseList) -> OneList {
    match list {
        PhraseList::Inclusive => {
            OneList::new(INCLUSIVE.iter().map(|e| (e.term.as_str(), e.prefix)))
        }
        PhraseList::GenderCoded => OneList::new(CODED.iter().map(|e| (e.term.as_str(), e.prefix))),
        PhraseList::Vacancy => OneList::new(VACANCY.iter().map(|p| (p.text.as_str(), false))),
    }
}

const LISTS: [PhraseList; 3] = [
    PhraseList::Inclusive,
    PhraseList::GenderCoded,
    PhraseList::Vacancy,
];

/// Pieces of text that make the lists' terms overlap, nest, run into
/// words and sit next to non-ASCII letters.
const PIECES: &[&str] = &[
    "he",
    "she",
    "her",
    "hers",
    "his",
    "him",
    "himself",
    "he/she",
    "s/he",
    "his/her",
    "this/he",
    "the",
    "other",
    "there",
    "when",
    "man",
    "manage",
    "manpower",
    "man hours",
    "chairman",
    "ninja",
    "ninjas",
    "rock star",
    "rockstar",
    "white",
    "whitelist",
    "master/slave",
    "slave",
    "lead",
    "leader",
    "leadership",
    "mislead",
    "head",
    "headstrong",
    "self",
    "self-reliant",
    "co-operate",
    "cooperative",
    "compet",
    "competitive",
    "nag",
    "kind",
    "kindness",
    "warm",
    "support",
    "understand",
    "brilliant",
    "natural talent",
    "born leader",
    "analytical",
    "data-driven",
    "driven",
    "anti-slavery",
    "-",
    "we are seeking",
    "we're hiring",
    "we\u{2019}re hiring",
    "we\u{2019}re",
    "don't miss",
    "don\u{2019}t",
    "join our team",
    "join our growing team",
    "apply now",
    "the ideal candidate",
    "culture fit",
    "native speaker",
    "digital natives",
    "sanity checks",
    "guys",
    "é",
    "ß",
    "ſ",
    "\u{212A}",
    "ü",
    "日本",
    "’",
    "'",
    "-",
    "/",
    ".",
    ",",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "_",
    "`code`",
    "https://x.com/he/slave",
    "a@b.com",
    "HE",
    "Her",
    "NINJA",
    "Lead",
    "WE ARE SEEKING",
    "to identity the",
    "more then",
    "better results then expected",
    "has lead",
    "have lead",
    "never loose",
    "looſe",
    "a one to two interviews",
    "an two or three calls",
    "it's own",
    "it\u{2019}s own",
    "over their.",
    "principle engineer",
    "compliments the",
    "insure that",
    "to advice the",
    "an affect",
    "to effect the",
    "{add text}",
    "{ Insert x }",
    "[fill in]",
    "[todo later]",
    "TODO",
    "todo",
    "TBD",
    "TBC",
    "FIXME",
    "XXX",
    "XXXX",
    "XX",
    "lorem ipsum",
    "Lorem Ipsum",
    "loreM ipſum",
    "dolor sit amet",
    "\u{212A}ind",
    "lin\u{212A}",
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", "", "\n", "\n\n", "\n- ", "\n## ", " | ", ": ",
];

fn page(rng: &mut Lcg) -> String {
    let mut text = String::new();
    for _ in 0..rng.below(60) + 1 {
        text.push_str(PIECES[rng.below(PIECES.len())]);
        text.push_str(SEPARATORS[rng.below(SEPARATORS.len())]);
    }
    text.push('\n');
    text
}

fn check_page(source: &str, references: &[OneList]) {
    let doc = Document::parse("t.md", source.to_string());
    let prose = Prose::new(&doc);
    let found = ListMatches::new(&prose, &ProseLists::default());
    for (list, reference) in LISTS.iter().zip(references) {
        assert_eq!(
            found.phrases(*list),
            reference.find_all(&prose).as_slice(),
            "{list:?} on {source:?}"
        );
    }
    let patterns: [(PatternList, Vec<&regex_automata::meta::Regex>); 2] = [
        (
            PatternList::Confused,
            CONFUSED.iter().filter_map(|p| p.regex.get().ok()).collect(),
        ),
        (
            PatternList::Placeholder,
            PLACEHOLDER_PATTERNS
                .iter()
                .filter_map(|p| p.get().ok())
                .collect(),
        ),
    ];
    for (list, regexes) in patterns {
        let candidates = found.candidates(list);
        assert!(candidates.windows(2).all(|w| w[0] < w[1]));
        for (index, segment) in prose.segments.iter().enumerate() {
            for (pattern, regex) in regexes.iter().enumerate() {
                if regex.is_match(&segment.text) {
                    assert!(
                        candidates.contains(&(index, pattern)),
                        "{list:?} pattern {pattern} missed in {:?}",
                        segment.text
                    );
                }
            }
        }
    }
}

#[test]
fn each_list_gets_the_matches_of_its_own_search() {
    let references: Vec<OneList> = LISTS.iter().map(|&l| reference(l)).collect();
    let mut rng = Lcg(7);
    for _ in 0..1500 {
        check_page(&page(&mut rng), &references);
    }
}

#[test]
fn a_longer_match_off_a_word_boundary_hides_shorter_ones() {
    // "s/he" starts inside "xs/he": it is no match, and the "he" it
    // overlaps is not one either, as in a search of the list alone.
    let doc = Document::parse("t.md", "Ask xs/he and s/he.\n".to_string());
    let prose = Prose::new(&doc);
    let found = ListMatches::new(&prose, &ProseLists::default());
    let words: Vec<&str> = found
        .phrases(PhraseList::Inclusive)
        .iter()
        .map(|(i, m)| &prose.segments[*i].text[m.range.clone()])
        .collect();
    assert_eq!(words, vec!["s/he"]);
    let references: Vec<OneList> = LISTS.iter().map(|&l| reference(l)).collect();
    check_page("Ask xs/he and s/he.\n", &references);
}

#[test]
fn patterns_are_candidates_where_their_literals_are() {
    let doc = Document::parse(
        "t.md",
        "Nothing here.\n\nDo more then asked.\n\n- KPIs: TBD\n".to_string(),
    );
    let prose = Prose::new(&doc);
    let found = ListMatches::new(&prose, &ProseLists::default());
    assert!(found
        .candidates(PatternList::Confused)
        .iter()
        .all(|&(segment, _)| segment == 1));
    assert!(!found.candidates(PatternList::Confused).is_empty());
    assert!(found
        .candidates(PatternList::Placeholder)
        .iter()
        .all(|&(segment, _)| segment == 2));
    // A long s or a Kelvin sign matches an ASCII letter under Unicode case
    // folding: a block that holds one is searched for every pattern, and
    // the others for those whose literals they hold.
    let doc = Document::parse(
        "t.md",
        "Never looſe it.\n\nElse.\n\nMore then asked.\n".to_string(),
    );
    let prose = Prose::new(&doc);
    let found = ListMatches::new(&prose, &ProseLists::default());
    let in_segment = |n: usize| {
        found
            .candidates(PatternList::Confused)
            .iter()
            .filter(|&&(segment, _)| segment == n)
            .count()
    };
    assert_eq!(in_segment(0), CONFUSED.len());
    assert_eq!(in_segment(1), 0);
    assert!((1..CONFUSED.len()).contains(&in_segment(2)));
}

#[test]
fn a_block_must_hold_every_literal_set_of_a_pattern() {
    // "then" alone is no candidate for "more then": the comparative is
    // missing.
    let doc = Document::parse(
        "t.md",
        "And then we left.\n\nWe did more then.\n".to_string(),
    );
    let prose = Prose::new(&doc);
    let found = ListMatches::new(&prose, &ProseLists::default());
    let then = CONFUSED
        .iter()
        .position(|p| p.regex.as_str().contains("then"))
        .expect("a confused-words pattern for \"then\"");
    let candidates = found.candidates(PatternList::Confused);
    assert!(!candidates.contains(&(0, then)));
    assert!(candidates.contains(&(1, then)));
}

#[test]
fn the_embedded_literal_sets_are_those_each_pattern_holds() {
    let embedded: Vec<&str> = CONFUSED
        .iter()
        .map(|p| p.regex.as_str())
        .chain(PLACEHOLDER_PATTERNS.iter().map(|p| p.as_str()))
        .collect();
    assert_eq!(embedded.len(), EMBEDDED_LITERAL_SETS.len());
    for pattern in embedded {
        assert!(
            EMBEDDED_LITERAL_SETS.iter().any(|(p, _)| *p == pattern),
            "{pattern} is not in the table"
        );
        assert_eq!(
            literal_sets(pattern),
            required_literal_sets(pattern),
            "{pattern}"
        );
    }
    // A pattern a user adds is read when the search is built.
    let added = r"(?i)\bfoo\s+(?P<w>bar)\b";
    assert_eq!(literal_sets(added), required_literal_sets(added));
    assert!(!literal_sets(added).is_empty());
}

#[test]
fn every_pattern_has_required_literals() {
    assert!(SEARCHER.unfiltered.iter().all(Vec::is_empty));
    assert!(SEARCHER.nfa.is_some());
    assert!(SEARCHER.build_dfa().is_some());
}

#[test]
fn the_nfa_and_the_dfa_find_the_same_occurrences() {
    let searcher = Searcher::new(&ProseLists::default());
    let (Some(nfa), Some(dfa)) = (&searcher.nfa, searcher.build_dfa()) else {
        panic!("the automata of the embedded lists build");
    };
    let mut rng = Lcg(11);
    let mut occurrences = 0;
    for _ in 0..500 {
        let text = page(&mut rng);
        let (mut by_nfa, mut by_dfa) = (Vec::new(), Vec::new());
        every_literal(nfa, text.as_bytes(), &mut by_nfa);
        every_literal(&dfa, text.as_bytes(), &mut by_dfa);
        assert_eq!(by_nfa, by_dfa, "{text:?}");
        occurrences += by_dfa.len();
    }
    assert!(occurrences > 500);
}

#[test]
fn a_search_switches_to_the_dfa_after_the_first_pages() {
    let searcher = Searcher::new(&ProseLists::default());
    let mut found = Vec::new();
    for _ in 1..SEARCHES_BEFORE_DFA {
        searcher.search(b"the chairman", &mut found);
    }
    assert!(searcher.dfa.get().is_none());
    searcher.search(b"the chairman", &mut found);
    assert!(searcher.dfa.get().is_some_and(Option::is_some));
    assert_eq!(found.len() % SEARCHES_BEFORE_DFA, 0);
    assert!(!found.is_empty());
}

#[test]
fn a_field_is_searched_with_the_patterns_whose_literals_it_holds() {
    let lists = ProseLists::default();
    let tbd = PLACEHOLDER_PATTERNS
        .iter()
        .position(|p| p.as_str() == r"\bTBD\b")
        .expect("TBD is a listed placeholder");
    let in_field = |text: &str| ListMatches::patterns_in(text, &lists, PatternList::Placeholder);
    assert!(in_field("Data Analyst").is_empty());
    assert!(in_field("Grade: TBD").contains(&tbd));
    assert!(in_field("Grade: tbd").contains(&tbd));
    // A Kelvin sign folds to an ASCII letter: every pattern may match.
    assert_eq!(in_field("\u{212A}PIs").len(), PLACEHOLDER_PATTERNS.len());
}
