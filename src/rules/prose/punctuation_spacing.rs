//! `punctuation-spacing`: a missing space after a full stop or comma
//! ("skills.The", "Science,or"), a space before one ("stories ."), and
//! doubled punctuation ("activities. .", "etc..").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::prose::{Segment, BREAK};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "punctuation-spacing",
    group: Group::Prose,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Unsafe),
    summary: "no space after a full stop or comma (\"skills.The\", \"Science,or\"), a space before one (\"stories .\"), doubled punctuation (\"etc..\")",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports spacing slips around punctuation in prose:

- **No space after a sentence's end**: `skills.The`, `done!Next` (a word
  of two or more letters ending in lower case, the mark, then a
  capitalised word). The fix inserts the space (unsafe: read the line).
- **No space after a comma** between two words: `Science,or`,
  `EMEA,APAC`. The fix inserts the space (unsafe). `e,g.` and `i,e.` are
  reported as mistyped `e.g.` and `i.e.`.
- **A space before** a full stop, comma, semicolon, question or
  exclamation mark: `stories .`. The fix deletes the space (safe).
- **Doubled punctuation**: `activities. .`, `etc..`, `,,`, `, .`. The fix
  deletes the second mark (safe).

Left alone: code, URLs, e-mail addresses, paths and link destinations
(they are not prose); domains and file names (`about.GitLab.com`,
`README.md`: a lower-case part after the last dot); version numbers and
decimals (`1.2.3`, `0.5`, `1,000`: no letters on both sides);
abbreviations (`e.g.`, `i.e.`, `U.S.`: single letters between the dots);
an ellipsis (`...`, `. . .`); `.NET` and other words that start with a
mark; emoticons (`;)`).

The severity is `warning`: the text reads wrong, but nothing is lost.

## Bad

```markdown
- Strong writing skills.The role also needs
- Background in Computer Science,or equivalent experience
- Write user stories .
- Plan the team's activities. .
```

## Good

```markdown
- Strong writing skills. The role also needs
- Background in Computer Science, or equivalent experience
- Write user stories.
- Plan the team's activities.
```
";

/// A word, a sentence's end, and a capitalised word.
static AFTER_STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{L}+)([.!?])\p{Lu}\p{Ll}").expect("missing-space pattern is valid")
});

/// A word, a comma, and a word.
static AFTER_COMMA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{L}+),(\p{L}+)").expect("comma pattern is valid"));

/// White space before a mark, and what follows the mark.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[ \t]+([.,;!?])(?:$|[\s)\]'\x22”’])").expect("space-before pattern is valid")
});

/// Two marks, with white space or not between them.
static DOUBLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([.,;])([ \t]*)([.,;])").expect("doubled-mark pattern is valid"));

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    for segment in &prose.segments {
        let wanted = Candidates::of(&segment.text);
        if wanted.after_stop {
            missing_after_stop(segment, out);
        }
        if wanted.after_comma {
            missing_after_comma(segment, out);
        }
        if wanted.before {
            space_before(segment, out);
        }
        if wanted.doubled {
            doubled(segment, out);
        }
    }
}

/// Which checks a segment's text may need, from its punctuation marks
/// (found by two byte searches): most segments need none, and their
/// patterns are never run.
#[derive(Default)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Candidates {
    after_stop: bool,
    after_comma: bool,
    before: bool,
    doubled: bool,
}

impl Candidates {
    fn of(text: &str) -> Candidates {
        let mut found = Candidates::default();
        let bytes = text.as_bytes();
        // Each mark adds to the flags whatever the order, so the marks
        // are found by two byte searches.
        for i in memchr::memchr3_iter(b'.', b',', b';', bytes) {
            found.note_mark(bytes, i);
        }
        for i in memchr::memchr2_iter(b'!', b'?', bytes) {
            found.note_mark(bytes, i);
        }
        found
    }

    /// Adds what the punctuation mark at byte `i` of `bytes` may need.
    fn note_mark(&mut self, bytes: &[u8], i: usize) {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        let next_mark = bytes[i + 1..]
            .iter()
            .find(|c| !matches!(c, b' ' | b'\t'))
            .is_some_and(|c| matches!(c, b'.' | b',' | b';'));
        self.after_stop |= matches!(b, b'.' | b'!' | b'?')
            && next.is_some_and(|c| c.is_ascii_uppercase() || c >= 0x80);
        self.after_comma |= b == b',' && next.is_some_and(|c| c.is_ascii_alphabetic() || c >= 0x80);
        self.before |= i > 0 && matches!(bytes[i - 1], b' ' | b'\t');
        self.doubled |= b != b'!' && b != b'?' && next_mark;
    }
}

/// `skills.The`: a sentence's end with no space after it.
fn missing_after_stop(segment: &Segment, out: &mut Vec<Diagnostic>) {
    let text = segment.text.as_str();
    for found in AFTER_STOP.captures_iter(text) {
        let (Some(word), Some(mark)) = (found.get(1), found.get(2)) else {
            continue;
        };
        let left = word.as_str();
        let mut tail = left.chars().rev();
        let ends_lower = tail.next().is_some_and(char::is_lowercase)
            && tail.next().is_some_and(char::is_lowercase);
        let after_dot = text[..word.start()].ends_with('.');
        // The capital after the mark, which may be wider than a byte (È).
        let capital = text[mark.end()..].chars().next().map_or(0, char::len_utf8);
        let with_capital = word.start()..mark.end() + capital;
        if !ends_lower || after_dot || is_domain_or_path(text, with_capital) {
            continue;
        }
        let Some(span) = segment.exact_span(mark.range()) else {
            continue;
        };
        let shown = excerpt(text, word.start(), mark.end());
        let d = Diagnostic::new(
            &RULE,
            span.clone(),
            format!("no space after `{}`: `{shown}`", mark.as_str()),
        )
        .with_label("space missing after this")
        .with_fix(Fix::unsafe_("insert a space", Edit::insert(span.end, " ")));
        out.push(d);
    }
}

/// `Science,or`: a comma between two words with no space after it.
fn missing_after_comma(segment: &Segment, out: &mut Vec<Diagnostic>) {
    let text = segment.text.as_str();
    for found in AFTER_COMMA.captures_iter(text) {
        let (Some(left), Some(right)) = (found.get(1), found.get(2)) else {
            continue;
        };
        let comma = left.end()..left.end() + 1;
        if segment.is_technical(&(left.start()..right.end()))
            || is_domain_or_path(text, left.start()..right.end())
        {
            continue;
        }
        let Some(span) = segment.exact_span(comma.clone()) else {
            continue;
        };
        let (l, r) = (left.as_str(), right.as_str());
        let latin = matches!((l, r), ("e", "g") | ("i", "e") | ("E", "g") | ("I", "e"));
        if latin {
            let full = segment.exact_span(left.start()..right.end());
            let mut d = Diagnostic::new(&RULE, span, format!("`{l},{r}` is a mistyped `{l}.{r}.`"))
                .with_label("comma for a full stop");
            if let Some(full) = full {
                let dotted = text[right.end()..].starts_with('.');
                let replacement = if dotted {
                    format!("{l}.{r}")
                } else {
                    format!("{l}.{r}.")
                };
                d = d.with_fix(Fix::unsafe_(
                    format!("write `{l}.{r}.`"),
                    Edit::replace(full, replacement),
                ));
            }
            out.push(d);
            continue;
        }
        if l.chars().count() < 2 || r.chars().count() < 2 {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                span.clone(),
                format!(
                    "no space after `,`: `{}`",
                    excerpt(text, left.start(), right.end())
                ),
            )
            .with_label("space missing after this")
            .with_fix(Fix::unsafe_("insert a space", Edit::insert(span.end, " "))),
        );
    }
}

/// `stories .`: white space before a mark.
fn space_before(segment: &Segment, out: &mut Vec<Diagnostic>) {
    let text = segment.text.as_str();
    for found in BEFORE.captures_iter(text) {
        let (Some(whole), Some(mark)) = (found.get(0), found.get(1)) else {
            continue;
        };
        let gap = whole.start()..mark.start();
        let Some(before) = text[..gap.start].chars().next_back() else {
            continue; // the segment starts with the mark
        };
        let closes = matches!(before, ')' | ']' | '"' | '”' | '’' | '\'' | '*' | '%');
        if before == BREAK || !(before.is_alphanumeric() || closes) {
            continue;
        }
        let after = text[mark.end()..].chars().next();
        if matches!((mark.as_str(), after), (";", Some(')' | '('))) {
            continue; // an emoticon
        }
        if mark.as_str() == "." && text[mark.end()..].trim_start().starts_with('.') {
            continue; // a spaced ellipsis: `. . .`
        }
        if segment.is_technical(&(gap.start.saturating_sub(1)..mark.end())) {
            continue;
        }
        let (Some(space), Some(mark_span)) =
            (segment.exact_span(gap), segment.exact_span(mark.range()))
        else {
            continue;
        };
        if space.end != mark_span.start {
            continue; // markup between the space and the mark
        }
        out.push(
            Diagnostic::new(
                &RULE,
                space.start..mark_span.end,
                format!("space before `{}`", mark.as_str()),
            )
            .with_label("space before the mark")
            .with_fix(Fix::safe("delete the space", Edit::delete(space))),
        );
    }
}

/// `activities. .`, `etc..`, `,,`: a mark doubled.
fn doubled(segment: &Segment, out: &mut Vec<Diagnostic>) {
    let text = segment.text.as_str();
    let mut from = 0;
    while let Some(found) = DOUBLED.captures_at(text, from) {
        let (Some(first), Some(gap), Some(second)) = (found.get(1), found.get(2), found.get(3))
        else {
            break;
        };
        from = second.start();
        let (a, b) = (first.as_str(), second.as_str());
        // `etc.,` and `e.g.;` are an abbreviation and the next mark.
        if a == "." && b != "." {
            continue;
        }
        let before = text[..first.start()].chars().next_back();
        let after = text[second.end()..]
            .trim_start_matches([' ', '\t'])
            .chars()
            .next();
        let ellipsis = a == "." && b == "." && (before == Some('.') || after == Some('.'));
        let numeric = before.is_some_and(|c| c.is_ascii_digit())
            && text[second.end()..].starts_with(|c: char| c.is_ascii_digit());
        if ellipsis || numeric || before.is_none_or(|c| c.is_whitespace() || c == BREAK) {
            continue;
        }
        if segment.is_technical(&(first.start()..second.end())) {
            continue;
        }
        let Some(span) = segment.exact_span(gap.start()..second.end()) else {
            continue;
        };
        let shown = &text[first.start()..second.end()];
        out.push(
            Diagnostic::new(
                &RULE,
                span.clone(),
                format!("doubled punctuation `{shown}`"),
            )
            .with_label("second mark")
            .with_fix(Fix::safe("delete the second mark", Edit::delete(span))),
        );
        from = second.end();
    }
}

/// Whether the white-space-separated chunk around `range` of `text` is
/// a domain, a file name, a path, an address or a handle: it holds
/// `://`, `@`, `/`, `_` or `\`, or a dot after `range` is followed by a
/// lower-case letter (`about.GitLab.com`).
fn is_domain_or_path(text: &str, range: Range<usize>) -> bool {
    // White space may be wider than a byte (U+2006, a six-per-em space).
    let start = text[..range.start]
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[range.end.min(text.len())..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| range.end + i);
    let chunk = &text[start..end];
    if chunk.contains(['@', '/', '_', '\\']) || chunk.contains("://") {
        return true;
    }
    let rest = &text[range.end.min(text.len())..end];
    rest.match_indices('.')
        .any(|(i, _)| rest[i + 1..].starts_with(|c: char| c.is_ascii_lowercase()))
}

/// The text from `start` to `end`, with at most a few words around.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    let after = text[end..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(text.len(), |i| end + i);
    text[start..after].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    /// The flags as one pass over every byte, in order, sets them.
    fn candidates_byte_by_byte(text: &str) -> Candidates {
        let mut found = Candidates::default();
        let bytes = text.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if matches!(b, b'.' | b',' | b';' | b'!' | b'?') {
                found.note_mark(bytes, i);
            }
        }
        found
    }

    #[test]
    fn candidates_are_found_as_byte_by_byte() {
        let mut rng = crate::testing::Lcg(0x9c7_5eed);
        let pieces = [".", ",", ";", "!", "?", " ", "\t", "a", "B", "É", "x"];
        for _ in 0..20_000 {
            let text = rng.pieces(&pieces, 10);
            assert_eq!(
                Candidates::of(&text),
                candidates_byte_by_byte(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn finds_each_kind() {
        let src = "Strong skills.The role\n\nComputer Science,or more\n\nUser stories .\n\nActivities. .\n\nTools, etc..\n";
        assert_eq!(lines(&RULE, src), vec![1, 3, 5, 7, 9]);
    }

    #[test]
    fn fixes() {
        let src = "Write stories .\n";
        let fix = run(&RULE, src)[0].fix.clone().expect("fix");
        assert_eq!(fix.applicability, Applicability::Safe);
        assert_eq!(&src[fix.edits[0].range()], " ");
        let src = "Plan it. .\n";
        let fix = run(&RULE, src)[0].fix.clone().expect("fix");
        assert_eq!(&src[fix.edits[0].range()], " .");
        let src = "Risk (e,g. audits)\n";
        let found = run(&RULE, src);
        assert_eq!(found.len(), 1);
        let fix = found[0].fix.clone().expect("fix");
        assert_eq!(fix.edits[0].replacement, "e.g");
    }

    #[test]
    fn leaves_technical_text_alone() {
        let src = "Visit about.GitLab.com today. Read README.md and `a.Method` now.\n\n\
                   Use .NET, version 1.2.3, 0.5 and 1,000 items, e.g. this, i.e. that, U.S.Army.\n\n\
                   Wait... and . . . then ;) and [link](https://x.y/a,B).\n\n\
                   See https://example.com/a.Bc,de or me@example.com,Next.\n";
        assert!(lines(&RULE, src).is_empty(), "{:?}", run(&RULE, src));
    }

    #[test]
    fn characters_wider_than_a_byte_around_the_mark() {
        assert_eq!(lines(&RULE, "The team\u{2006}Science,or more\n"), vec![1]);
        assert_eq!(lines(&RULE, "Strong skills.Ènother one\n"), vec![1]);
        assert!(lines(&RULE, "Mail\u{2006}me@example.com,Next\n").is_empty());
    }
}
