//! Heading classification: what a heading's (or a bold paragraph's)
//! text names as far as the family is concerned: a section word alone
//! ("Requirements"), a role and a section word ("Senior Analyst
//! Requirements"), or anything else (a level, a specialty).

use std::sync::LazyLock;

use regex::Regex;

use super::names;
use super::SectionKind;

/// What a heading's text says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum HeadingKind {
    /// A section word alone: "Requirements", "Job Grade".
    Section(SectionKind),
    /// A role and a section word: "Senior Analyst Requirements", with the
    /// role as written.
    Named(String, SectionKind),
    /// Anything else (a level, a specialty, …).
    Other,
}

const SECTION_WORDS: &[(&str, SectionKind)] = &[
    ("responsibilities", SectionKind::Responsibilities),
    ("responsibility", SectionKind::Responsibilities),
    ("requirements", SectionKind::Requirements),
    ("requirement", SectionKind::Requirements),
    ("performance indicators", SectionKind::PerformanceIndicators),
    ("performance indicator", SectionKind::PerformanceIndicators),
    (
        "key performance indicators",
        SectionKind::PerformanceIndicators,
    ),
    ("job grades", SectionKind::JobGrade),
    ("job grade", SectionKind::JobGrade),
    ("grade", SectionKind::JobGrade),
    ("career ladder", SectionKind::CareerLadder),
    ("hiring process", SectionKind::HiringProcess),
    ("levels", SectionKind::Levels),
    ("job levels", SectionKind::Levels),
    ("specialties", SectionKind::Specialties),
    ("specialty", SectionKind::Specialties),
    ("specializations", SectionKind::Specialties),
    ("specialisations", SectionKind::Specialties),
];

/// "(PI)", "(KPIs)" and a colon after a heading's words.
static HEADING_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\s*\((?:pi|pis|kpi|kpis)\))?\s*:?\s*$").expect("constant pattern")
});

/// Where `HEADING_TAIL` starts in `text` (trimmed): before a final
/// colon, and before a "(PI)" in front of it. The pattern itself runs
/// only when the bracketed word is not ASCII.
fn tail_start(text: &str) -> usize {
    let rest = text.strip_suffix(':').unwrap_or(text).trim_end();
    let Some(body) = rest.strip_suffix(')') else {
        return rest.len();
    };
    let Some(open) = body.rfind('(') else {
        return rest.len();
    };
    let inner = &body[open + 1..];
    if !inner.is_ascii() {
        return HEADING_TAIL.find(text).map_or(text.len(), |m| m.start());
    }
    if ["pi", "pis", "kpi", "kpis"]
        .iter()
        .any(|w| inner.eq_ignore_ascii_case(w))
    {
        body[..open].trim_end().len()
    } else {
        rest.len()
    }
}

/// Classifies a heading's (or a bold paragraph's) text.
pub(crate) fn classify(text: &str) -> HeadingKind {
    let text = text.trim().trim_matches(['*', '_']).trim();
    let cut = tail_start(text);
    let lower = names::squash_lowercase(&text[..cut]);
    for (word, kind) in SECTION_WORDS {
        if lower == *word {
            return HeadingKind::Section(*kind);
        }
    }
    // "Levels for Site Reliability Engineer", "Job grades and levels".
    if lower.starts_with("levels ")
        || lower.starts_with("job levels ")
        || lower.ends_with(" and levels")
    {
        return HeadingKind::Section(SectionKind::Levels);
    }
    // "Base Requirements For All Roles": the family's own requirements.
    if [
        "base requirements",
        "requirements for all",
        "requirements across all",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
    {
        return HeadingKind::Section(SectionKind::Requirements);
    }
    // "Senior Analyst Requirements": the longest section word at the end.
    for (word, kind) in SECTION_WORDS {
        if matches!(kind, SectionKind::Levels | SectionKind::Specialties) {
            continue;
        }
        let Some(prefix) = lower.strip_suffix(word) else {
            continue;
        };
        let Some(prefix) = prefix.strip_suffix(' ') else {
            continue;
        };
        let prefix = prefix.trim_end_matches([' ', '-', ':', ',']);
        if prefix.is_empty() || prefix.ends_with(" job") {
            continue;
        }
        // "AMER Specific Requirements", "Additional Requirements": a part
        // of the level's list, not a role.
        if prefix == "additional" || prefix.ends_with(" specific") || prefix == "specific" {
            return HeadingKind::Section(*kind);
        }
        // Byte length in the original text: the prefix is made of the same
        // characters up to the collapsed spaces.
        let len = prefix_len(text, prefix.split(' ').count());
        let role = text.get(..len).unwrap_or(text).trim().to_string();
        return HeadingKind::Named(role, *kind);
    }
    HeadingKind::Other
}

/// The byte length of the first `n` words of `text`.
fn prefix_len(text: &str, n: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                count += 1;
                if count == n {
                    return text[..i].trim_end_matches([',', '-', ':']).len();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

/// A part of a level written as a heading of its own, at any depth:
/// "Nice to have", "Business Analyst Nice-to-haves", "Additional
/// Requirements for EMEA", "Preferred Qualifications". It is never a level.
pub(super) fn is_supplement(text: &str) -> bool {
    let lower = names::squash_lowercase(text.trim().trim_matches(['*', '_', ':']).trim());
    let lower = lower.replace('-', " ");
    let lower = lower.trim_end_matches([':', ' ']);
    [
        "nice to have",
        "nice to haves",
        "preferred qualifications",
        "bonus points",
    ]
    .iter()
    .any(|w| {
        lower
            .strip_suffix(w)
            .is_some_and(|before| before.is_empty() || before.ends_with(' '))
    }) || lower.starts_with("additional requirements")
        || lower.starts_with("additional responsibilities")
}

/// "Overview", "Introduction": a heading that introduces the page.
pub(super) fn is_introduction(text: &str) -> bool {
    let text = text
        .trim()
        .trim_matches(['*', '_'])
        .trim()
        .trim_end_matches(':');
    ["overview", "introduction", "role overview", "job overview"]
        .iter()
        .any(|w| text.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_tails_end_where_the_pattern_starts() {
        for text in [
            "Performance Indicators (PI)",
            "Performance Indicators (kpis):",
            "Performance Indicators  (PI) :",
            "Requirements:",
            "Requirements :",
            "X: :",
            "(PI)",
            "Levels (Senior)",
            "Job Grade",
            "",
            ":",
            "Indicators (\u{212a}PI)",
            "Indicators(PI)",
            "A (PI) (PI)",
            "A\n(PI)",
        ] {
            let by_pattern = HEADING_TAIL.find(text).map_or(text.len(), |m| m.start());
            assert_eq!(tail_start(text), by_pattern, "{text:?}");
        }
    }

    #[test]
    fn supplements_of_a_level() {
        for text in [
            "Nice to have",
            "Senior Analyst Nice-to-haves",
            "Additional Requirements for EMEA",
            "**Nice to Haves:**",
            "Senior bonus points",
        ] {
            assert!(is_supplement(text), "{text}");
        }
        // The phrase ends the heading as words of their own.
        for text in [
            "Senior Analyst",
            "Requirements",
            "Nice Analyst",
            "Extranice to have",
            "Bonus points for",
        ] {
            assert!(!is_supplement(text), "{text}");
        }
    }

    #[test]
    fn classifies_headings() {
        use SectionKind::*;
        assert_eq!(classify("Requirements"), HeadingKind::Section(Requirements));
        assert_eq!(
            classify("Performance Indicators (PI)"),
            HeadingKind::Section(PerformanceIndicators)
        );
        assert_eq!(classify("Job Grade "), HeadingKind::Section(JobGrade));
        assert_eq!(
            classify("**Responsibilities:**"),
            HeadingKind::Section(Responsibilities)
        );
        let text = "Senior Analyst Requirements";
        assert_eq!(
            classify(text),
            HeadingKind::Named("Senior Analyst".into(), Requirements)
        );
        let text = "Manager, Data Job Grade";
        assert_eq!(
            classify(text),
            HeadingKind::Named("Manager, Data".into(), JobGrade)
        );
        assert_eq!(classify("Senior Analyst"), HeadingKind::Other);
        assert_eq!(
            classify("EMEA Specific Requirements"),
            HeadingKind::Section(Requirements)
        );
        assert_eq!(
            classify("*Überprüfer* Requirements"),
            HeadingKind::Named("Überprüfer*".into(), Requirements)
        );
        assert_eq!(classify("Levels"), HeadingKind::Section(Levels));
        assert_eq!(
            classify("Base Requirements For All Roles"),
            HeadingKind::Section(Requirements)
        );
        assert_eq!(
            classify("Levels for Support Engineer"),
            HeadingKind::Section(Levels)
        );
        assert_eq!(
            classify("Job Grades and Levels"),
            HeadingKind::Section(Levels)
        );
    }
}
