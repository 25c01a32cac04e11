//! `missing-link-brackets`: a link written without its brackets, so that
//! the route shows as text and nothing is clickable.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Container, Document};
use crate::pattern::{holds_ascii_fold, starts_ignoring_ascii_case};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "missing-link-brackets",
    group: Group::Links,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(crate::diagnostic::Applicability::Safe),
    summary: "a link written without its brackets: `grade 6 (/handbook/…)`, `text](/route/)`, `click here` with no link",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a link whose Markdown brackets are missing, so that the reader
sees a raw route in parentheses, or words that point to a link that is
not there:

- a site route or relative path in parentheses right after text:
  `a grade 6 (/handbook/total-rewards/compensation/)`, where
  `a [grade 6](/handbook/…)` was meant. A route in parentheses is never a
  link, on any site. A full URL in parentheses is reported only when it
  is written against the word before it (`grade 6(https://…)`): with a
  space, `text (https://…)` is a common way to cite a URL, and Hugo links
  it;
- a link whose opening `[` is missing: `grade 6](/handbook/…)`;
- a space between the `]` and the `(`: `[grade 6] (/handbook/…)` is text
  in brackets followed by a route, not a link. The fix removes the space;
- words that promise a link with no link after them: `sign up here`,
  `click here`, `can be found here` where `here` is not a link and no
  link or URL follows in the sentence (`found here: …` introduces what
  follows and is left alone).

Text in parentheses that is not a route or a URL (`(see below)`,
`(AMER/EMEA)`) is left alone, and so are code, HTML and links.

The default severity is `warning`: the page still reads, but the link the
writer meant is missing. Only the stray space has a fix; where the link
text starts is for the writer to say.

## Bad

```markdown
The Senior Analyst is a grade 7 (/handbook/total-rewards/compensation/#job-grades).

You can sign up here to see the calculator.
```

## Good

```markdown
The Senior Analyst is a [grade 7](/handbook/total-rewards/compensation/#job-grades).

You can [sign up here](https://example.com/calculator/) to see the calculator.
```
";

/// A destination in parentheses: `(` route or URL `)`, with what comes
/// just before it (`]`, spaces, a word character).
static PARENTHESISED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\][ \t]+|\]|[ \t]+|\b)\(((?:/|\./|\.\./|https?://)[^()\s]*)\)")
        .unwrap_or_else(|_| unreachable!())
});

/// Words that promise a link on the word `here`.
static HERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:click|sign[ -]?up|register|enroll|(?:be|is|are) (?:found|available|located|listed|documented|outlined|described|detailed)|read more|learn more|more information|more details|apply)[ \t]+here\b",
    )
    .unwrap_or_else(|_| unreachable!())
});

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    // The page's bare URLs, found when a first "here" needs them.
    let bare = std::cell::OnceCell::new();
    for run in &doc.texts {
        if run.link.is_some() || matches!(run.container, Container::Other) {
            continue;
        }
        let source = doc.text(run.span.clone());
        if may_hold_destination(source) {
            parenthesised(doc, run.span.start, source, out);
        }
        if !may_promise_link(source) {
            continue;
        }
        for found in HERE.find_iter(source) {
            let end = run.span.start + found.end();
            if !followed_by_link(doc, bare.get_or_init(|| doc.bare_urls()), end) {
                let start = run.span.start + found.start();
                out.push(
                    Diagnostic::new(
                        &RULE,
                        start..end,
                        format!("`{}` points to a link that is not there", found.as_str()),
                    )
                    .with_label("no link")
                    .with_help("make the words a link: `[sign up here](https://…)`"),
                );
            }
        }
    }
}

/// The words a [`HERE`] match ends with before its spaces and "here".
const BEFORE_HERE: &[&str] = &[
    "click",
    "up",
    "register",
    "enroll",
    "found",
    "available",
    "located",
    "listed",
    "documented",
    "outlined",
    "described",
    "detailed",
    "more",
    "information",
    "details",
    "apply",
];

/// Whether `source` may hold a [`HERE`] match: every match is one of
/// [`BEFORE_HERE`], spaces or tabs, then "here", in some case. Text that
/// holds a letter folding to an ASCII one is never ruled out (`K`, the
/// Kelvin sign, matches `k`; see [`crate::pattern::fold_ascii`]).
fn may_promise_link(source: &str) -> bool {
    if holds_ascii_fold(source) {
        return true;
    }
    let bytes = source.as_bytes();
    let promised = starts_ignoring_ascii_case(bytes, b"here").any(|at| {
        let before = &bytes[..at];
        let words_end = before
            .iter()
            .rposition(|b| !matches!(b, b' ' | b'\t'))
            .map_or(0, |i| i + 1);
        let words = &before[..words_end];
        words_end < at
            && BEFORE_HERE.iter().any(|word| {
                words.len() >= word.len()
                    && words[words.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
            })
    });
    promised
}

/// Whether `source` may hold a [`PARENTHESISED`] destination: every
/// match has a `(` right before `/`, `.` or `h`.
fn may_hold_destination(source: &str) -> bool {
    memchr::memchr_iter(b'(', source.as_bytes())
        .any(|at| matches!(source.as_bytes().get(at + 1), Some(b'/' | b'.' | b'h')))
}

/// Routes and URLs in parentheses in one run of text (starting at `base`)
/// that were meant as a link's destination.
fn parenthesised(doc: &Document, base: usize, source: &str, out: &mut Vec<Diagnostic>) {
    for caps in PARENTHESISED.captures_iter(source) {
        let (Some(whole), Some(before), Some(dest)) = (caps.get(0), caps.get(1), caps.get(2))
        else {
            continue;
        };
        let written = dest.as_str();
        let url = written.starts_with("http");
        if written.len() < 2 || (url && written.len() < 12) {
            continue;
        }
        let span = base + whole.start()..base + whole.end();
        let before = before.as_str();
        let d = if before.starts_with(']') && before.len() > 1 {
            // `[text] (route)`: a space between the brackets' halves.
            let opened = source[..whole.start()].rfind('[');
            if opened.is_none() {
                continue;
            }
            let gap = span.start + 1..span.start + before.len();
            Diagnostic::new(
                &RULE,
                span,
                format!(
                    "a space between `]` and `(` keeps this from being a link: `] ({})`",
                    short(written)
                ),
            )
            .with_label("not a link")
            .with_fix(Fix::safe(
                "remove the space between `]` and `(`",
                Edit::delete(gap),
            ))
        } else if before == "]" {
            // `text](route)`: the opening `[` is missing.
            if source[..whole.start()].contains('[') {
                continue;
            }
            Diagnostic::new(
                &RULE,
                span,
                format!(
                    "the `[` that opens this link's text is missing, so the link shows as text: `{}`",
                    quote_before(source, whole.start(), &format!("]({})", short(written)))
                ),
            )
            .with_label("no `[` before the link text")
            .with_help("put `[` before the words that should be the link")
        } else {
            // `words (route)` or `words(url)`.
            let spaced = !before.is_empty();
            let after_word = source[..whole.start()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric());
            if !after_word || (url && spaced) {
                continue;
            }
            if doc.in_code(span.start) || doc.in_html(span.start) {
                continue;
            }
            Diagnostic::new(
                &RULE,
                base + whole.start() + before.len()..span.end,
                format!(
                    "a route in parentheses is not a link; the link's brackets are missing: `{}`",
                    quote_before(
                        source,
                        whole.start(),
                        &format!("{before}({})", short(written))
                    )
                ),
            )
            .with_label("not a link")
            .with_help("write the link as `[text](route)`")
        };
        out.push(d);
    }
}

/// Whether a link or a URL follows `at` in the same sentence, or a colon
/// introduces what follows.
fn followed_by_link(doc: &Document, bare: &[crate::document::BareUrl], at: usize) -> bool {
    let rest = &doc.source[at..];
    if rest.trim_start_matches([' ', '\t']).starts_with(':') {
        return true;
    }
    let end = at + sentence_end(rest);
    let within = |r: &Range<usize>| r.start >= at && r.start < end;
    doc.links.iter().any(|l| within(&l.span))
        || bare.iter().any(|u| within(&u.span))
        || doc.html.iter().any(|h| within(&h.span))
}

/// How far the sentence starting `rest` runs: to a full stop, question or
/// exclamation mark followed by a space or line end, or a blank line.
fn sentence_end(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied();
        let ends =
            matches!(b, b'.' | b'!' | b'?') && matches!(next, None | Some(b' ' | b'\n' | b'\r'));
        if ends || (b == b'\n' && matches!(next, Some(b'\n' | b'\r'))) {
            return i;
        }
    }
    rest.len()
}

/// A destination for a message: long ones cut in the middle.
fn short(written: &str) -> String {
    const KEEP: usize = 24;
    let chars: Vec<char> = written.chars().collect();
    if chars.len() <= 2 * KEEP + 1 {
        return written.to_string();
    }
    let mut out: String = chars[..KEEP].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - KEEP..]);
    out
}

/// Up to three words of `source` before `at` (on its line), then `tail`.
fn quote_before(source: &str, at: usize, tail: &str) -> String {
    let line = source[..at].rsplit('\n').next().unwrap_or("");
    let words: Vec<&str> = line.split_whitespace().collect();
    let kept = words[words.len().saturating_sub(3)..].join(" ");
    format!("{kept}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn routes_in_parentheses_after_text() {
        let src = "The Analyst is a grade 6 (/handbook/comp/#grades).\n\n\
                   The Analyst is a grade 6(/handbook/comp/).\n\n\
                   Regions (AMER/EMEA) and (see below) and the [grade](/handbook/comp/).\n\n\
                   The docs (https://docs.example.com/page) are cited.\n\n\
                   `a (/handbook/)` in code.\n";
        assert_eq!(lines(&RULE, src), vec![1, 3]);
        let found = run(&RULE, src);
        assert_eq!(
            found[0].message,
            "a route in parentheses is not a link; the link's brackets are missing: `a grade 6 (/handbook/comp/#grades)`"
        );
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn url_against_a_word() {
        assert_eq!(
            lines(&RULE, "The calculator(https://example.com/calc/) helps.\n"),
            vec![1]
        );
    }

    #[test]
    fn missing_opening_bracket() {
        let src =
            "The Analyst is a grade 6](/handbook/comp/).\n\nA [grade](/handbook/comp/) is fine.\n";
        let found = run(&RULE, src);
        assert_eq!(lines(&RULE, src), vec![1]);
        assert!(found[0].message.starts_with("the `[` that opens"));
    }

    #[test]
    fn space_between_brackets_and_parentheses() {
        let src =
            "The Analyst is a [grade 6] (/handbook/comp/).\n\nThe [tag] (not a route) text.\n";
        let found = run(&RULE, src);
        assert_eq!(lines(&RULE, src), vec![1]);
        let fix = found[0].fix.clone().expect("fix");
        assert_eq!(&src[fix.edits[0].range()], " ");
    }

    #[test]
    fn here_without_a_link() {
        let src = "You can sign up here to see the calculator.\n\n\
                   Details can be found here: the comp page.\n\n\
                   Please [click here](/x/) to apply.\n\n\
                   Click here for the [form](/form/).\n\n\
                   More is found here https://example.com/more today.\n\n\
                   We are here to help.\n";
        assert_eq!(lines(&RULE, src), vec![1]);
    }

    #[test]
    fn the_words_before_here_rule_out_only_texts_without_a_promise() {
        const PIECES: &[&str] = &[
            "click",
            "Click",
            "sign up",
            "sign-up",
            "signup",
            "register",
            "is found",
            "are listed",
            "read more",
            "learn MORE",
            "more information",
            "more details",
            "apply",
            "here",
            "HERE",
            "there",
            "where",
            "here.",
            "\there",
            "  ",
            "up",
            "K",
            "lick",
            "x",
            "’s",
            "—",
        ];
        let mut rng = crate::testing::Lcg(9);
        let mut promised = 0;
        for _ in 0..20_000 {
            let text = rng.phrase(PIECES, 6);
            let matches = HERE.is_match(&text);
            assert!(!matches || may_promise_link(&text), "{text:?}");
            promised += usize::from(matches);
        }
        assert!(promised > 500, "{promised}");
        assert!(!may_promise_link("There is more where that came from"));
        assert!(may_promise_link("Sign up\there"));
    }
}
