//! Grade statements: "The Senior Analyst is a [grade 7](…)", found in a
//! span of the page with the number, the role it names and their spans.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::Grade;
use crate::document::Document;

/// "is a [grade 7](…)".
static GRADE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:is|are)\s+(?:an?|at)\s+[\[*_]*\s*(?:job\s+)?grade\s*[*_]*\s*(\d+(?:[.,]\d+)?)",
    )
    .expect("constant pattern")
});

/// Whether `bytes` hold "grade" in any ASCII case: a `g` found by
/// `memchr`, then the four letters after it.
fn mentions_grade(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'g', b'G', bytes).any(|i| {
        bytes
            .get(i + 1..i + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"rade"))
    })
}

/// Where `GRADE` first matches in `text`: the whole match and the
/// number. ASCII text is read by hand; other text (where case folding
/// and white space reach beyond ASCII) by the pattern.
fn find_grade(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    if !text.is_ascii() {
        let m = GRADE.captures(text)?;
        return Some((m.get(0)?.range(), m.get(1)?.range()));
    }
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    (0..bytes.len())
        .filter(|&i| {
            matches!(bytes[i], b'i' | b'I' | b'a' | b'A') && (i == 0 || !is_word(bytes[i - 1]))
        })
        .find_map(|start| grade_at(bytes, start).map(|number| (start..number.end, number)))
}

/// `GRADE` anchored at `start` of ASCII `t`: the number's range. Each
/// part of the pattern can be read one way only (the classes that
/// follow each other are disjoint), so no backtracking is needed.
fn grade_at(t: &[u8], start: usize) -> Option<Range<usize>> {
    // `\s` on ASCII text, vertical tab included.
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let word_at = |i: usize, w: &[u8]| {
        t.get(i..i + w.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(w))
    };
    let skip = |mut i: usize, class: &dyn Fn(u8) -> bool| {
        while t.get(i).is_some_and(|&b| class(b)) {
            i += 1;
        }
        i
    };
    // (?:is|are)\s+
    let mut i = if word_at(start, b"is") {
        start + 2
    } else if word_at(start, b"are") {
        start + 3
    } else {
        return None;
    };
    let after = skip(i, &space);
    if after == i {
        return None;
    }
    i = after;
    // (?:an?|at)\s+
    if !word_at(i, b"a") {
        return None;
    }
    // "an" and "at" need their space after the second letter, "a"
    // right after the first.
    let next = if word_at(i + 1, b"n") || word_at(i + 1, b"t") {
        i + 2
    } else {
        i + 1
    };
    i = skip(next, &space);
    if i == next {
        return None;
    }
    // [\[*_]*\s*(?:job\s+)?grade
    i = skip(i, &|b| matches!(b, b'[' | b'*' | b'_'));
    i = skip(i, &space);
    if word_at(i, b"job") {
        let after = skip(i + 3, &space);
        if after > i + 3 {
            i = after;
        }
    }
    if !word_at(i, b"grade") {
        return None;
    }
    i += 5;
    // \s*[*_]*\s*(\d+(?:[.,]\d+)?)
    i = skip(i, &space);
    i = skip(i, &|b| matches!(b, b'*' | b'_'));
    i = skip(i, &space);
    let number_start = i;
    i = skip(i, &|b| b.is_ascii_digit());
    if i == number_start {
        return None;
    }
    if t.get(i).is_some_and(|&b| b == b'.' || b == b',') {
        let end = skip(i + 1, &|b| b.is_ascii_digit());
        if end > i + 1 {
            i = end;
        }
    }
    Some(number_start..i)
}

/// Finds a grade statement in `span` of the page.
pub(super) fn grade_in(doc: &Document, span: Range<usize>) -> Option<Grade> {
    let text = doc.text(span.clone());
    // The pattern needs the word "grade"; only ASCII letters fold to it.
    if !mentions_grade(text.as_bytes()) {
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

    #[test]
    fn grades_are_read_by_hand_as_the_pattern_reads_them() {
        // Each slot of the pattern, filled with what fits and what
        // nearly does.
        let slots: [&[&str]; 12] = [
            &["", "The Lead ", "this", "x_", "7 "],
            &["is", "IS", "are", "Are", "isa", "i s"],
            &[" ", "  ", "\t", "\u{b}", "", "\n"],
            &["a", "an", "At", "at", "ab", "A"],
            &[" ", "\t ", "", "\u{c}"],
            &["", "[", "**", "_[", "* "],
            &["", " ", "\n"],
            &["", "job ", "JOB\t", "job", "jobs "],
            &["grade", "Grade", "GRADE", "grad", "grades"],
            &["", " ", "** ", " _ ", "*"],
            &["7", "10", "7.5", "7,5", "7.", "x", "", "12,"],
            &["", ".", " is a grade 9", "](/x)"],
        ];
        let mut rng = crate::testing::Lcg(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| rng.below(n);
        let mut found = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            for slot in slots {
                text.push_str(slot[next(slot.len())]);
            }
            let by_pattern = GRADE
                .captures(&text)
                .and_then(|m| Some((m.get(0)?.range(), m.get(1)?.range())));
            assert_eq!(find_grade(&text), by_pattern, "{text:?}");
            found += usize::from(by_pattern.is_some());
        }
        assert!(found > 100, "{found}");
        for text in [
            "The Senior Analyst is a [grade 7](/x/#grades).",
            "They are at job grade 10.5 now",
            "This is an _grade_ 7, is a grade 8",
            "is a\u{b}grade 7.",
        ] {
            let by_pattern = GRADE
                .captures(text)
                .and_then(|m| Some((m.get(0)?.range(), m.get(1)?.range())));
            assert!(by_pattern.is_some(), "{text:?}");
            assert_eq!(find_grade(text), by_pattern, "{text:?}");
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
        let doc = Document::parse("t.md", "The Analyst reports to the Manager.\n".to_string());
        assert!(grade_in(&doc, 0..doc.source.len()).is_none());
    }
}
