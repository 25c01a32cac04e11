//! Grade statements: "The Senior Analyst is a [grade 7](…)", found in a
//! span of the page with the number, the role it names and their spans.
//!
//! Pages write the grade in several ways, all read here: "is a grade 7",
//! "is a [grade 7](…)", "is at job grade 10", "is a job [grade 8](…)",
//! "is a job grade [level 7](…)", "is a job grade [12](…)", "is a grade
//! [8]", "is [Job Grade 10](…)", "is a [grade #10](…)", "is a [level
//! 11](…)", and a bare linked number whose link points at the grades ("is
//! a [10](…#job-grades)"). A sentence that says a role has no grade ("is
//! not aligned to a job grade") is read too: see [`no_grade_in`].

use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

use regex_automata::meta::Regex;

use super::Grade;
use crate::document::Document;
use crate::memo::{remembered, TextMemo};
use crate::pattern::compile_gated;

/// "is a [grade 7](…)" and the other forms with the word "grade" (or
/// "level" inside a link) before the number. Like the other patterns
/// here, it runs only on text that holds "grade" or "[level" (see
/// [`grade_in`]), so it is compiled without a prefilter.
static GRADE: LazyLock<Regex> =
    LazyLock::new(|| compile_gated(GRADE_PATTERN).expect("constant pattern"));

/// [`GRADE`]'s pattern.
const GRADE_PATTERN: &str = r"(?ix)\b(?:is|are)\s+(?:(?:an?|at)\s+)?[\[*_]*\s*
        (?:
            (?:job\s*[\[*_]*\s*)?grade\s*[*_]*\s*\[?\s*(?:level\s*)?\#?\s*
          | \[\s*level\s*
        )
        (\d+(?:[.,]\d+)?)";

/// "is a [10](…#job-grades)": a bare linked number; the link's
/// destination must mention grades.
static LINKED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| compile_gated(LINKED_NUMBER_PATTERN).expect("constant pattern"));

/// [`LINKED_NUMBER`]'s pattern.
const LINKED_NUMBER_PATTERN: &str =
    r"(?i)\b(?:is|are)\s+(?:an?\s+)?(?:job\s+)?\[\s*(\d+)\s*\]\(\s*<?([^)\s>]*)";

/// "is not aligned to a job grade", "has no job grade".
static NO_GRADE: LazyLock<Regex> =
    LazyLock::new(|| compile_gated(NO_GRADE_PATTERN).expect("constant pattern"));

/// [`NO_GRADE`]'s pattern.
const NO_GRADE_PATTERN: &str = r"(?ix)\b(?:
            (?:is|are)\s+not\s+(?:aligned|assigned|mapped|tied)\s+to\s+(?:a|any)\s+(?:job\s+)?[\[*_]*grade
          | (?:has|have)\s+no\s+(?:job\s+)?[\[*_]*grade
          | (?:is|are)\s+not\s+graded
        )";

/// Compiles the patterns a grade statement is read with.
pub(super) fn prepare() {
    LazyLock::force(&GRADE);
    LazyLock::force(&LINKED_NUMBER);
}

/// Whether `bytes` hold "grade" in any ASCII case: a `g` found by
/// `memchr`, then the four letters after it.
fn mentions_grade(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'g', b'G', bytes).any(|i| {
        bytes
            .get(i + 1..i + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"rade"))
    })
}

/// Whether `text` holds "[level" in any ASCII case.
fn mentions_linked_level(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'[', bytes).any(|i| {
        bytes
            .get(i + 1..i + 6)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"level"))
    })
}

/// Where a grade statement first starts in a text: the whole match (from
/// "is" to the number) and the number.
type Found = Option<(Range<usize>, Range<usize>)>;

thread_local! {
    /// The grade statements of the texts this thread has searched (up to
    /// 1,024): the family model searches a level's paragraphs at several
    /// of its steps.
    static FOUND: RefCell<TextMemo<Found>> = RefCell::new(TextMemo::new(1 << 10));
}

/// [`search_grade`], once per thread and text.
fn find_grade(text: &str) -> Found {
    remembered(&FOUND, text, search_grade)
}

/// Where a grade statement first starts in `text`: the whole match (from
/// "is" to the number) and the number.
fn search_grade(text: &str) -> Found {
    let worded = GRADE
        .captures_iter(text)
        .next()
        .and_then(|m| Some((m.get_group(0)?.range(), m.get_group(1)?.range())));
    let linked = LINKED_NUMBER.captures_iter(text).find_map(|m| {
        let destination = text.get(m.get_group(2)?.range())?;
        mentions_grade(destination.as_bytes()).then_some(())?;
        let number = m.get_group(1)?.range();
        Some((m.get_group(0)?.start..number.end, number))
    });
    match (worded, linked) {
        (Some(a), Some(b)) => Some(if b.0.start < a.0.start { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Where `span` of the page says that a role has no grade ("The Intern is
/// not aligned to a job grade"), if it does.
pub(super) fn no_grade_in(doc: &Document, span: Range<usize>) -> Option<Range<usize>> {
    let text = doc.text(span.clone());
    if !mentions_grade(text.as_bytes()) {
        return None;
    }
    NO_GRADE
        .find(text)
        .map(|m| span.start + m.start()..span.start + m.end())
}

/// Finds a grade statement in `span` of the page.
pub(super) fn grade_in(doc: &Document, span: Range<usize>) -> Option<Grade> {
    let text = doc.text(span.clone());
    // The patterns need the word "grade" (in the text or a link) or a
    // linked "[level"; only ASCII letters fold to them.
    if !mentions_grade(text.as_bytes()) && !mentions_linked_level(text) {
        return None;
    }
    let (whole, number) = find_grade(text)?;
    let number_text = text[number.clone()].replace(',', ".");
    let value = number_text.parse::<f64>().ok();
    // The role: from the last "The " before "is a grade" on that sentence.
    let before = &text[..whole.start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let (role, role_span, start) = match before[line_start..].rfind("The ") {
        Some(i) => {
            let from = line_start + i + "The ".len();
            let raw = &before[from..];
            let trimmed = raw.trim_end();
            let lead = raw.len() - raw.trim_start().len();
            // Markup dropped, white space collapsed to single spaces.
            let mut role_text = String::with_capacity(trimmed.len());
            let mut space = false;
            for c in trimmed.chars() {
                if matches!(c, '*' | '_' | '[' | ']' | '`') {
                    continue;
                }
                if c.is_whitespace() {
                    space = !role_text.is_empty();
                } else {
                    if space {
                        role_text.push(' ');
                        space = false;
                    }
                    role_text.push(c);
                }
            }
            let role_span = span.start + from + lead..span.start + from + trimmed.len();
            (
                (!role_text.is_empty()).then_some(role_text),
                Some(role_span),
                span.start + line_start + i,
            )
        }
        None => (None, None, span.start + whole.start),
    };
    Some(Grade {
        text: text[number.clone()].to_string(),
        value,
        number_span: span.start + number.start..span.start + number.end,
        span: start..span.start + number.end,
        role,
        role_span: role_span.filter(|r| r.start < r.end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<String> {
        let doc = Document::parse("t.md", format!("{text}\n"));
        grade_in(&doc, 0..doc.source.len()).map(|g| g.text)
    }

    #[test]
    fn the_patterns_match_as_the_regex_crate_does() {
        let pieces = [
            "is", "Are", " ", "\n", "\u{a0}", "a", "an", "at", "job", "grade", "GRADE", "level",
            "[", "]", "(", ")", "<", "*", "_", "#", "7", "10", ".5", ",5", "not", "aligned", "to",
            "any", "has", "no", "graded", "ſ", "x",
        ];
        let patterns = [
            (GRADE_PATTERN, &*GRADE),
            (LINKED_NUMBER_PATTERN, &*LINKED_NUMBER),
            (NO_GRADE_PATTERN, &*NO_GRADE),
        ]
        .map(|(pattern, gated)| (regex::Regex::new(pattern).expect("pattern"), gated));
        let bases = [
            "The Lead is a [grade 7](/x/#grades).",
            "They are at job grade 10.5 now, is a grade 8",
            "The Lead is a job grade [level 7](/x/) and is a [level 11](/x/).",
            "is a [10](/comp/#job-grades) or is an [ 12 ]( <#grades>",
            "The Lead is [Job Grade 10](/x/) and is a [grade #10](/x/).",
            "The Intern is not aligned to a job grade; it has no [grade, is not graded.",
        ];
        let mut random = crate::testing::Lcg(5);
        let mut matches = [0; 3];
        for round in 0..6000 {
            let text = random.mutate(bases[round % bases.len()], &pieces, 4);
            for ((reference, gated), count) in patterns.iter().zip(&mut matches) {
                *count += crate::testing::assert_same_matches(reference, gated, &text);
            }
        }
        assert!(matches.iter().all(|&count| count > 0), "{matches:?}");
    }

    #[test]
    fn grade_statements_in_the_forms_pages_use() {
        for (text, number) in [
            ("The Senior Analyst is a [grade 7](/x/#grades).", "7"),
            ("They are at job grade 10.5 now", "10.5"),
            ("This is an _grade_ 7, is a grade 8", "7"),
            ("The Lead is a job grade [level 7](/x/#job-grades).", "7"),
            ("The Lead is a job grade [12](/x/).", "12"),
            ("The Lead is a [10](/comp/#gitlab-job-grades).", "10"),
            ("The Lead is a grade [8].", "8"),
            ("The Lead is [Job Grade 10](/x/).", "10"),
            ("The Lead is a [grade #10](/x/).", "10"),
            ("The Lead is a job [grade 8](/x/).", "8"),
            ("The Lead is a [level 11](/x/).", "11"),
            ("The Lead is a **grade 9**.", "9"),
        ] {
            assert_eq!(read(text).as_deref(), Some(number), "{text:?}");
        }
        for text in [
            "The Analyst reports to the Manager.",
            "The Lead is a [10](/team/) person team.",
            "The Lead is a level 3 escalation point for grade disputes.",
            "This is a great team.",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }

    #[test]
    fn finds_grade_statements() {
        let doc = Document::parse(
            "t.md",
            "The Senior Analyst is a [grade 7](/x/#grades).\n".to_string(),
        );
        let g = grade_in(&doc, 0..doc.source.len());
        let g = g.as_ref();
        assert_eq!(g.map(|g| g.text.as_str()), Some("7"));
        assert_eq!(g.and_then(|g| g.role.as_deref()), Some("Senior Analyst"));
        assert_eq!(g.and_then(|g| g.whole()), Some(7));
        let doc = Document::parse("t.md", "The **Lead** is a\u{a0}grade 7.5.\n".to_string());
        let g = grade_in(&doc, 0..doc.source.len());
        assert_eq!(g.as_ref().and_then(|g| g.role.as_deref()), Some("Lead"));
        assert_eq!(g.as_ref().and_then(|g| g.whole()), None);
    }

    #[test]
    fn statements_that_a_role_has_no_grade() {
        let no_grade = |text: &str| {
            let doc = Document::parse("t.md", format!("{text}\n"));
            no_grade_in(&doc, 0..doc.source.len()).is_some()
        };
        assert!(no_grade("The Intern is not aligned to a job [grade](/x/)."));
        assert!(no_grade("The Fellow has no job grade."));
        assert!(!no_grade("The Intern is a grade 5."));
        assert!(!no_grade("Interns are aligned to a job grade."));
    }
}
