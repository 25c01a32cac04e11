//! `gender-coded-language`: the page leans masculine-coded, or praises
//! innate talent.

use std::collections::{BTreeMap, HashSet};

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::prose::data::{Entry, CODED};
use crate::rules::prose::lists::PhraseList;
use crate::rules::prose::{PhraseMatch, Segment};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "gender-coded-language",
    group: Group::Prose,
    severity: Severity::Info,
    fix: Fixable::No,
    summary: "the page leans masculine-coded or fixed-mindset, listing the words and neutral alternatives",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(super::lists::prepare),
};

const DOCS: &str = "\
Reports, once per page, wording that research links to fewer applications
from women: a page whose masculine-coded words (\"fearless\", \"dominate\",
\"assertive\", \"driven\", …) clearly outnumber its feminine-coded ones
(\"collaborative\", \"supportive\", \"understanding\", …), and,
separately, fixed-mindset wording that praises innate talent
(\"brilliant\", \"genius\", \"natural talent\").

The word lists follow Gaucher, Friesen & Kay (2011), as Kat Matfield's
Gender Decoder publishes them; the fixed-mindset list follows Emerson &
Murphy (2015). Both are in `rules/gender-coded.txt` with alternatives
that can take the word's place. The finding sits at the first
masculine-coded word and lists every one with its count.

Only words that describe a person count. The study's words come from job
advertisements; in a job family many of the published stems name the
work instead, and do not count: leading and leadership, decisions,
objectives, \"individual contributor\", \"competitive landscape\",
competitors and competencies, \"determine\", challenges, and on the
other side responsibilities, agreements and dependencies. A word is
whole: \"data-driven\" and \"data driven\" describe an approach, not a
person, and do not count as \"driven\". Words in headings, link text and
the page title do not count, and neither do other words of the same stem
anywhere on the page: they name the role, a section or another page.

A lean is a difference of at least four words, which Gender Decoder
calls \"strongly masculine-coded\", with at least twice as many
masculine-coded words as feminine-coded ones. Job families are several
times longer than the job advertisements the research measured, so a
difference of four among sixty coded words is a near balance, not a
lean: the proportion decides as well.

The severity is `info`: the finding asks for a reader's judgement of the
whole page, not for a correction.

## Bad

```markdown
- Fearless, assertive and driven: dominate the market
- Decisive and headstrong under pressure
```

## Good

```markdown
- Motivated and collaborative: grow the market with the team
- Clear and steady under pressure; supports the team
```
";

/// How many more masculine-coded than feminine-coded words a lean needs
/// at least (Gender Decoder's "strongly masculine-coded").
pub const LEAN: usize = 4;

/// How many times the feminine-coded words the masculine-coded ones must
/// number at least for a lean.
pub const LEAN_RATIO: usize = 2;

/// Words that do not make a coded word part of a compound or a noun
/// phrase when they stand next to it: conjunctions, prepositions, forms
/// of "be" and intensifiers ("highly driven", "competitive and fair").
const LINKING_WORDS: &[&str] = &[
    "a",
    "about",
    "am",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "but",
    "by",
    "enough",
    "extremely",
    "for",
    "highly",
    "in",
    "is",
    "nor",
    "of",
    "on",
    "or",
    "really",
    "so",
    "than",
    "to",
    "truly",
    "under",
    "very",
    "was",
    "were",
    "when",
    "while",
    "with",
    "yet",
];

struct Hit<'e> {
    entry: &'e Entry,
    word: String,
    span: std::ops::Range<usize>,
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    let found: Vec<(&Segment, &PhraseMatch)> = cx
        .list_matches()
        .phrases(PhraseList::GenderCoded)
        .iter()
        .filter_map(|(index, m)| Some((prose.segments.get(*index)?, m)))
        .collect();
    let naming = naming_terms(cx, &found);
    let mut hits: Vec<Hit<'_>> = Vec::new();
    for (segment, m) in found {
        if segment.is_heading() || segment.in_link_text(&m.range) || naming.contains(&m.term) {
            continue;
        }
        let Some(entry) = CODED.get(m.term) else {
            continue;
        };
        if !stands_alone(entry, &segment.text, &m.range) {
            continue;
        }
        hits.push(Hit {
            entry,
            word: segment.text[m.range.clone()].to_lowercase(),
            span: segment.span(m.range.clone()),
        });
    }
    fn of<'h, 'e>(hits: &'h [Hit<'e>], section: &'static str) -> impl Iterator<Item = &'h Hit<'e>> {
        hits.iter().filter(move |h| h.entry.section == section)
    }
    let masculine = of(&hits, "masculine").count();
    let feminine = of(&hits, "feminine").count();
    let first_masculine = of(&hits, "masculine").next();
    if leans(masculine, feminine) {
        if let Some(first) = first_masculine {
            out.push(
                Diagnostic::new(
                    &RULE,
                    first.span.clone(),
                    format!(
                        "the page leans masculine-coded ({masculine} masculine-coded words, \
                         {feminine} feminine-coded): {}",
                        listing(of(&hits, "masculine"))
                    ),
                )
                .with_label("first masculine-coded word")
                .with_help("rephrase some of these with the neutral alternatives"),
            );
        }
    }
    let first_fixed = of(&hits, "fixed-mindset").next();
    if let Some(first) = first_fixed {
        out.push(
            Diagnostic::new(
                &RULE,
                first.span.clone(),
                format!(
                    "fixed-mindset wording praises innate talent: {}",
                    listing(of(&hits, "fixed-mindset"))
                ),
            )
            .with_label("fixed-mindset word")
            .with_help("describe skills that can be learned and grown"),
        );
    }
}

/// Whether `masculine` masculine-coded words against `feminine`
/// feminine-coded ones make a lean.
fn leans(masculine: usize, feminine: usize) -> bool {
    masculine >= feminine + LEAN && masculine >= feminine * LEAN_RATIO
}

/// The terms that name the role, a section or another page: found in a
/// heading, in link text or in the page title. None of their uses count.
fn naming_terms(cx: &Context<'_>, found: &[(&Segment, &PhraseMatch)]) -> HashSet<usize> {
    let mut naming: HashSet<usize> = found
        .iter()
        .filter(|(s, m)| s.is_heading() || s.in_link_text(&m.range))
        .map(|(_, m)| m.term)
        .collect();
    let title = cx.doc.title().unwrap_or_default().to_lowercase();
    for word in title.split(|c: char| !c.is_alphanumeric() && c != '-') {
        naming.extend(
            CODED
                .iter()
                .enumerate()
                .filter(|(_, e)| !e.term.contains(' ') && e.matches(word))
                .map(|(i, _)| i),
        );
    }
    naming
}

/// Whether the coded word at `range` of `text` stands as the entry asks:
/// not right after another word for `<` entries ("data driven"), not
/// right before one for `>` entries ("competitive landscape").
fn stands_alone(entry: &Entry, text: &str, range: &std::ops::Range<usize>) -> bool {
    let joined_word = |word: Option<&str>| {
        word.is_some_and(|w| {
            !w.is_empty()
                && w.chars().all(char::is_alphanumeric)
                && !LINKING_WORDS.iter().any(|l| l.eq_ignore_ascii_case(w))
        })
    };
    if entry.not_after_word {
        let before = text.get(..range.start).and_then(|t| t.strip_suffix(' '));
        let word =
            before.map(|t| &t[t.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + 1)..]);
        if joined_word(word) {
            return false;
        }
    }
    if entry.not_before_word {
        let after = text.get(range.end..).and_then(|t| t.strip_prefix(' '));
        let word = after.map(|t| &t[..t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len())]);
        if joined_word(word) {
            return false;
        }
    }
    true
}

/// "competitive ×2 (strong, capable), driven (motivated)".
fn listing<'a, 'e: 'a>(hits: impl Iterator<Item = &'a Hit<'e>>) -> String {
    let mut words: BTreeMap<&str, (usize, &Entry)> = BTreeMap::new();
    for hit in hits {
        words.entry(hit.word.as_str()).or_insert((0, hit.entry)).0 += 1;
    }
    words
        .into_iter()
        .map(|(word, (count, entry))| {
            let times = if count > 1 {
                format!(" ×{count}")
            } else {
                String::new()
            };
            if entry.alternatives.is_empty() {
                format!("{word}{times}")
            } else {
                format!("{word}{times} ({})", entry.alternatives.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn reports_a_masculine_lean_once() {
        let source = "- Fearless, assertive and driven\n- Dominate the market; be decisive\n";
        assert_eq!(lines(&RULE, source), vec![1]);
        let found = run(&RULE, source);
        assert!(found[0].message.contains("dominate (lead, excel in)"));
        assert!(found[0].message.contains("5 masculine-coded"));
    }

    #[test]
    fn a_near_balance_is_no_lean() {
        assert!(leans(4, 0));
        assert!(leans(8, 4));
        assert!(!leans(3, 0));
        assert!(!leans(30, 25));
        assert!(!leans(9, 5));
    }

    #[test]
    fn balanced_pages_and_titles_do_not_count() {
        let balanced =
            "- Fearless, assertive and driven\n- Collaborative, supportive, understanding\n";
        assert_eq!(lines(&RULE, balanced), Vec::<usize>::new());
        let titles = "## Fearless Decisive Analyst\n\n- The fearless and decisive analyst: assertive and driven\n";
        assert_eq!(lines(&RULE, titles), Vec::<usize>::new());
        let title = "---\ntitle: Fearless Decisive Analyst\n---\n\n- Fearless and decisive: assertive and driven\n";
        assert_eq!(lines(&RULE, title), Vec::<usize>::new());
    }

    #[test]
    fn management_vocabulary_and_compounds_do_not_count() {
        let source = "- Lead the leadership team; make decisions on objectives\n\
                      - Individual contributors track the competitive landscape and competitors\n\
                      - Determine the challenges; data-driven and data driven insights\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }

    #[test]
    fn link_text_does_not_count() {
        let source =
            "- See [Fearless, assertive and driven](/x) and [dominate](/y)\n- Be decisive\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }

    #[test]
    fn open_compounds_and_qualifiers_are_read_from_their_neighbours() {
        let entry = |term: &str| CODED.iter().find(|e| e.term == term);
        let driven = entry("driven");
        let competitive = entry("competitive");
        let stands = |e: Option<&Entry>, text: &str, at: usize, len: usize| {
            e.is_some_and(|e| stands_alone(e, text, &(at..at + len)))
        };
        assert!(stands(driven, "highly driven people", 7, 6));
        assert!(stands(driven, "Driven, motivated", 0, 6));
        assert!(!stands(driven, "results driven people", 8, 6));
        assert!(stands(competitive, "highly competitive.", 7, 11));
        assert!(stands(competitive, "competitive and driven", 0, 11));
        assert!(!stands(competitive, "competitive products", 0, 11));
    }

    #[test]
    fn reports_fixed_mindset_wording() {
        assert_eq!(
            lines(&RULE, "- A brilliant engineer with natural talent\n"),
            vec![1]
        );
    }
}
