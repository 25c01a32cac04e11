//! Lead-ins that carry another level's (or the family's) requirements over
//! without an "Extends" item: "The Staff Analyst meets all of the
//! requirements of a Senior Analyst, plus:", "Same as the Analyst, plus",
//! "In addition to the responsibilities and requirements of the Senior
//! Analyst …", "Senior analysts share the same requirements as the analyst
//! listed above", "A Senior Designer is expected to meet the base
//! requirements" ("Beyond the base requirements, …"), and "Extends the
//! Analyst requirements:" written as a paragraph before the list.

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::AhoCorasick;
use regex::Regex;
use regex_automata::meta;

use super::Level;
use crate::document::{BlockKind, Document};
use crate::pattern::{compile_gated, fold_ascii, holds_ascii_fold};

/// One form of lead-in: a pattern, on text with runs of white space made
/// one space, compiled the first time a text holds its words.
struct LeadIn {
    /// Words every match holds (lower-case): one of each group.
    words: &'static [&'static [&'static str]],
    /// The pattern, matched ignoring case.
    pattern: &'static str,
    regex: OnceLock<Regex>,
}

impl LeadIn {
    const fn new(words: &'static [&'static [&'static str]], pattern: &'static str) -> LeadIn {
        LeadIn {
            words,
            pattern,
            regex: OnceLock::new(),
        }
    }

    /// Whether `squashed` matches; `lower` is it lower-cased (see
    /// [`fold_ascii`]), `None` when a letter outside ASCII in it may fold
    /// to an ASCII one (`ſ` to `s`).
    fn is_match(&self, squashed: &str, lower: Option<&str>) -> bool {
        let may_match = lower.is_none_or(|lower| {
            self.words
                .iter()
                .all(|any| any.iter().any(|word| lower.contains(word)))
        });
        may_match
            && self
                .regex
                .get_or_init(|| {
                    Regex::new(&format!("(?i){}", self.pattern)).expect("constant pattern")
                })
                .is_match(squashed)
    }
}

/// The lead-ins: a text carries requirements over when it matches one.
static LEAD_INS: [LeadIn; 10] = [
    LeadIn::new(
        &[&["above", "previous"]],
        r"\ball\s+(?:of\s+)?(?:the\s+)?(?:above|previous)\s+requirements",
    ),
    LeadIn::new(
        &[&["all"], &["requirements", "responsibilities"]],
        r"\ball\s+(?:of\s+)?(?:the\s+)?(?:requirements|responsibilities)\s+(?:and\s+requirements\s+)?(?:of|listed\s+above|above)\b",
    ),
    LeadIn::new(
        &[&["extend"], &["above"]],
        r"\bextends?\s+the\s+requirements(?:\s+section)?\s+above",
    ),
    LeadIn::new(
        &[&["level"]],
        r"\brequirements\s+(?:of\s+)?the\s+(?:previous|prior|preceding)\s+level",
    ),
    LeadIn::new(
        &[&["meet", "include"], &["requirements"]],
        r"\b(?:meets?|includes?)\s+(?:all\s+(?:of\s+)?)?the\s+requirements\s+of\b",
    ),
    LeadIn::new(&[&["same"]], r"^\W*same\s+as\b"),
    LeadIn::new(
        &[&["addition"]],
        r"\bin\s+addition\s+to\s+the\s+(?:responsibilities\s+and\s+)?requirements\s+of\b",
    ),
    LeadIn::new(
        &[&["same"]],
        r"\b(?:shares?|has|have)\s+the\s+same\s+requirements\s+as\b",
    ),
    LeadIn::new(
        &[&["extend"], &["from"]],
        r"\bextends?\s+from\s+the\s+(?:\w+\s+){0,3}requirements\s+of\b",
    ),
    LeadIn::new(&[&["base"]], r"\bbase\s+requirements\b"),
];

/// "Extends the Analyst requirements:", the form [`extends_the_requirements`]
/// matches, as one pattern (on text with runs of white space made one
/// space, ignoring case). Its bounded repeats of a class of every
/// character but one take long to compile, so the function matches it
/// in parts.
#[cfg(test)]
const EXTENDS_THE_REQUIREMENTS: &str =
    r"^\W*exten?ds\s+(?:that\s+of\s+)?the\s+[^.]{1,80}?\brequirements\b[^.]{0,12}$";

/// The start of [`EXTENDS_THE_REQUIREMENTS`] after its `^\W*`, up to the
/// words between "the" and "requirements". The characters `\W*` skips
/// are skipped in code: `\W`, a class of most of Unicode, took two thirds
/// of the time it took to compile the pattern. Like [`REQUIREMENTS`], it
/// runs only on text that holds the words, so it is compiled without a
/// prefilter.
static EXTENDS_THE: LazyLock<meta::Regex> = LazyLock::new(|| {
    compile_gated(r"(?i)^exten?ds\s+(?:that\s+of\s+)?the\s+").expect("constant pattern")
});

/// The word "requirements".
static REQUIREMENTS: LazyLock<meta::Regex> =
    LazyLock::new(|| compile_gated(r"(?i)\brequirements\b").expect("constant pattern"));

/// Compiles the patterns of "Extends the … requirements".
pub(super) fn prepare() {
    LazyLock::force(&EXTENDS_THE);
    LazyLock::force(&REQUIREMENTS);
}

/// Whether `squashed` matches [`EXTENDS_THE_REQUIREMENTS`]: its start,
/// then, with no full stop to the end, "requirements" as a word one to 80
/// characters on, and at most 12 characters after it. The start ends in
/// one place (one space, in squashed text, after "the"), and two
/// occurrences of "requirements" never overlap, so the parts match where
/// the pattern does.
fn extends_the_requirements(squashed: &str, lower: Option<&str>) -> bool {
    let may_match = lower.is_none_or(|lower| {
        (lower.contains("extends") || lower.contains("exteds")) && lower.contains("requirements")
    });
    if !may_match {
        return false;
    }
    // `^\W*` stops at the first word character, and "extends" starts
    // with one: the start matches there or nowhere.
    let first_word = squashed
        .find(regex_syntax::is_word_character)
        .unwrap_or(squashed.len());
    let Some(start) = EXTENDS_THE.find(&squashed[first_word..]) else {
        return false;
    };
    let words = first_word + start.end();
    if squashed[words..].contains('.') {
        return false;
    }
    REQUIREMENTS
        .find_iter(squashed)
        .filter(|m| m.start() >= words)
        .any(|m| {
            let before = squashed[words..m.start()].chars().count();
            (1..=80).contains(&before) && squashed[m.end()..].chars().count() <= 12
        })
}

/// Where level `level` says it carries requirements over: before or as
/// the first item of its requirements, in any of the forms; elsewhere in
/// the level (a paragraph of its own, the first item of its
/// responsibilities) only in words that name the requirements ("All the
/// responsibilities of a Staff Analyst, plus:" there carries only the
/// responsibilities).
pub(super) fn carried_over(doc: &Document, level: &Level) -> Option<Range<usize>> {
    let first = doc
        .blocks
        .partition_point(|b| b.span.start < level.span.start);
    let last = doc
        .blocks
        .partition_point(|b| b.span.start < level.span.end);
    // The requirements' lead-in (to the level's end when they have no
    // items).
    let lead_in = level
        .requirements
        .as_ref()
        .map(|list| list.lead_in(doc).unwrap_or(list.span.start..level.span.end));
    let paragraphs = doc.blocks[first..last.max(first)]
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| {
            let in_lead_in = lead_in.as_ref().is_some_and(|r| r.contains(&b.span.start));
            (b.span.clone(), doc.text(b.span.clone()), in_lead_in)
        });
    let first_items = [
        (&level.requirements, true),
        (&level.responsibilities, false),
    ]
    .into_iter()
    .filter_map(|(list, requirements)| Some((list.as_ref()?.items.first()?, requirements)))
    .filter_map(|(&i, requirements)| {
        let item = doc.items.get(i)?;
        Some((item.content.clone()?, item.text.as_str(), requirements))
    });
    paragraphs
        .chain(first_items)
        .find(|(_, text, in_requirements)| {
            carries(text) && (*in_requirements || names_requirements(text))
        })
        .map(|(span, _, _)| span)
}

/// Whether a lead-in speaks of requirements ("Same as …" stands for the
/// whole level).
fn names_requirements(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("requirement") || lower.trim_start().starts_with("same as")
}

/// The words one of which every lead-in holds in some case.
const LEAD_IN_WORDS: [&str; 3] = ["requirement", "responsibilit", "same"];

/// A search for [`LEAD_IN_WORDS`] ignoring ASCII case, built once: it
/// looks for their rarer bytes, where a search per word stops at every
/// "r" and "s" of a paragraph.
static LEAD_IN_SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(LEAD_IN_WORDS)
        .expect("three short words")
});

/// Whether `text` may be a lead-in: [`crate::pattern::may_hold_any`] of
/// [`LEAD_IN_WORDS`], with one search for the three.
fn may_be_lead_in(text: &str) -> bool {
    holds_ascii_fold(text) || LEAD_IN_SEARCH.is_match(text)
}

/// Whether `text` reads as a lead-in that carries requirements over.
pub(super) fn carries(text: &str) -> bool {
    if !may_be_lead_in(text) {
        return false;
    }
    let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = fold_ascii(&squashed);
    LEAD_INS
        .iter()
        .any(|lead_in| lead_in.is_match(&squashed, lower.as_deref()))
        || extends_the_requirements(&squashed, lower.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pattern::may_hold_any;

    #[test]
    fn lead_ins_that_carry_requirements_over() {
        for text in [
            "This role includes all of the requirements of the previous level, plus:",
            "All of the above requirements, plus",
            "The Senior A Requirements extend the Requirements section above and include:",
            "All requirements of previous roles plus:",
            "The Staff Analyst meets all of the requirements of a Senior Analyst, plus:",
            "Same as Analyst plus,",
            "In addition to the responsibilities and requirements of the Senior Analyst, the Lead:",
            "Senior analysts share the same requirements as the Analyst listed above.",
            "The requirements for a Director extend from the foundational requirements of the Manager.",
            "All of the responsibilities of an Analyst, plus:",
            "A Senior Designer is expected to meet the base requirements and more.",
            "Extends the Senior Architect requirements:",
            "Extends the Senior Architect requirements plus:",
            "Beyond the base requirements, the Senior Manager needs:",
            "Meets the requirements of the Intermediate Architect role and the following:",
        ] {
            assert!(carries(text), "{text}");
        }
        for text in [
            "Also:",
            "Make sure the product meets customer needs",
            "Extends the reach of the product to new markets.",
            "Two years of experience with the same tools as the team",
        ] {
            assert!(!carries(text), "{text}");
        }
    }

    #[test]
    fn the_words_of_a_lead_in_rule_out_only_texts_it_does_not_match() {
        let every = LEAD_INS
            .iter()
            .map(|lead_in| lead_in.pattern)
            .chain([EXTENDS_THE_REQUIREMENTS])
            .map(|pattern| format!("(?:{pattern})"))
            .collect::<Vec<_>>()
            .join("|");
        let every = Regex::new(&format!("(?i){every}")).unwrap();
        const PIECES: &[&str] = &[
            "all",
            "of",
            "the",
            "above",
            "previous",
            "requirements",
            "Requirements",
            "responsibilities",
            "and",
            "listed",
            "extends",
            "Extend",
            "exteds",
            "section",
            "prior",
            "level",
            "meets",
            "includes",
            "same",
            "\u{17F}ame",
            "SAME",
            "as",
            "in",
            "addition",
            "to",
            "shares",
            "has",
            "from",
            "base",
            "that",
            "Senior",
            "Analyst",
            "plus:",
            "-",
            "REQUIREMENTſ",
            "\u{212A}",
            ".",
            "(Intermediate)",
            "—",
            "_",
            "  ",
        ];
        let mut rng = crate::testing::Lcg(5);
        let mut matched = 0;
        for _ in 0..20_000 {
            let text = rng.phrase(PIECES, 9);
            let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let expected = may_hold_any(&text, &[b"requirement", b"responsibilit", b"same"])
                && every.is_match(&squashed);
            assert_eq!(carries(&text), expected, "{text}");
            matched += usize::from(expected);
        }
        assert!(matched > 100, "{matched}");
    }

    /// Asserts that [`extends_the_requirements`] matches `squashed` where
    /// `pattern`, the whole of [`EXTENDS_THE_REQUIREMENTS`], does; returns
    /// whether it does.
    fn assert_matches_as(pattern: &Regex, squashed: &str) -> bool {
        let expected = pattern.is_match(squashed);
        let lower = fold_ascii(squashed);
        assert_eq!(
            extends_the_requirements(squashed, lower.as_deref()),
            expected,
            "{squashed:?}"
        );
        expected
    }

    #[test]
    fn extends_the_requirements_holds_the_limits_of_its_pattern() {
        let pattern = Regex::new(&format!("(?i){EXTENDS_THE_REQUIREMENTS}")).unwrap();
        let mut matched = 0;
        for filler in ["x", "é", " "] {
            for before in 0..86 {
                for after in 0..16 {
                    let text = format!(
                        "Extends the {} requirements:{}",
                        filler.repeat(before),
                        "y".repeat(after)
                    );
                    let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    matched += usize::from(assert_matches_as(&pattern, &squashed));
                }
            }
        }
        assert!(matched > 100, "{matched}");
    }

    #[test]
    fn extends_the_requirements_skips_what_its_pattern_skips_before_extends() {
        let pattern = Regex::new(&format!("(?i){EXTENDS_THE_REQUIREMENTS}")).unwrap();
        let mut matched = 0;
        for lead in [
            "", "- ", "_", "__", "**", "—", "1. ", "é ", "\u{301}", "(", "x", "[ ",
        ] {
            for start in ["Extends", "exteds", "Extends that of", "extends"] {
                let squashed = format!("{lead}{start} the Analyst requirements");
                matched += usize::from(assert_matches_as(&pattern, &squashed));
            }
        }
        assert!(matched > 20, "{matched}");
    }
}
