//! `unbalanced-brackets`: brackets or quotes that do not close, usually
//! truncated text.

use std::ops::Range;

use super::prose_mask::{masked, Prose};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "unbalanced-brackets",
    group: Group::Layout,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary: "a line or list item whose ( [ { or quotes do not close: usually truncated text",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(super::prose_mask::prepare),
};

const DOCS: &str = "\
Reports a heading, list item or paragraph whose parentheses, square or curly
brackets, or double quotes do not close. On a job-family page this is
almost always text cut off while editing (`… in accounting, sales or
product (m`), or a closing bracket left behind when text was deleted.

Each heading, item and paragraph is checked on its own, and reported at
most once, at the bracket that does not close (or the closing one that has
no opening). Left alone: links (an item may start with one, `- [CI](/ci/)
- Verify`, `1. [Plan](/plan/)`, `- [Plan][ref]`), code, HTML, link
destinations, bare URLs, escaped brackets, smileys such as `:)`,
enumerations such as `1)` or `a)`, apostrophes, and a straight double
quote after a digit (inches). Curly quotes are checked for an opening `“`
that never closes.

A bracket that belongs to a link written wrongly is reported as a
malformed link, saying what is wrong: no `(` between `]` and the
destination (`[Guide]/handbook/guide/)`), a destination closed with `]`
(`[Guide](/handbook/guide/]`), link text without its opening `[`
(`the guide](/handbook/guide/)`), a destination never closed. Straight
quotes are paired by the side they stand on: a closing quote with no
opening one (`… for the team\"`) is reported as such, not as a quote that
is never closed.

The rule is a warning: a stray bracket is sometimes deliberate (a
list's `1)` the rule does not recognise), and the text still renders.

## Bad

```markdown
- A panel interview with a business stakeholder in sales or product (m
- Follow the [brand guide]/handbook/marketing/brand/)
```

## Good

```markdown
- A panel interview with a business stakeholder in sales or product (marketing)
- Follow the [brand guide](/handbook/marketing/brand/)
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    for unit in units(doc) {
        let Some((at, message)) = first_problem(doc, unit.clone()) else {
            continue;
        };
        let len = doc.source[at..].chars().next().map_or(0, char::len_utf8);
        let diagnostic = match malformed_link(doc.text(unit.clone()), at - unit.start) {
            Some(what) => Diagnostic::new(&RULE, at..at + len, format!("malformed link: {what}"))
                .with_label("not a link")
                .with_help("write the link as `[text](destination)`"),
            None => Diagnostic::new(&RULE, at..at + len, message)
                .with_label("not balanced")
                .with_help("complete the text, or remove the stray bracket or quote"),
        };
        out.push(diagnostic);
    }
}

/// What is wrong with a link whose brackets are the problem at byte `at`
/// of `text`, if the text around it reads as a link written wrongly
/// rather than as text cut off: `[text]/destination)` (no `(`),
/// `[text](destination]` (closed with `]`), `text](destination)` (no
/// opening `[`), `[text](destination` (never closed).
fn malformed_link(text: &str, at: usize) -> Option<&'static str> {
    let bytes = text.as_bytes();
    // The run of text without spaces around the bracket: a destination
    // holds no space.
    let run_start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let before = &text[run_start..at];
    let after = text[at..].get(1..).unwrap_or("");
    match bytes[at] {
        b')' => {
            let close = before.rfind(']')?;
            let destination = &before[close + 1..];
            (starts_like_destination(destination) && !destination.starts_with('('))
                .then_some("no `(` between the link text's `]` and its destination")
        }
        b']' if before.contains("](") => {
            let destination = &before[before.rfind("](")? + 2..];
            starts_like_destination(destination)
                .then_some("its destination ends with `]` instead of `)`")
        }
        b']' if after.starts_with('(') && starts_like_destination(&after[1..]) => {
            Some("the link text has no opening `[`")
        }
        b'(' if before.ends_with(']') && starts_like_destination(after) => {
            Some("its destination is never closed with `)`")
        }
        _ => None,
    }
}

/// Whether `text` starts like a link destination: a path from the site's
/// root, an anchor, a relative path or a URL.
fn starts_like_destination(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    text.starts_with(['/', '#'])
        || text.starts_with("./")
        || text.starts_with("../")
        || lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
}

/// The non-empty units of text brackets are paired in, in file order:
/// headings, list items' own text and paragraphs.
fn units(doc: &Document) -> Vec<Range<usize>> {
    let mut units: Vec<Range<usize>> = Vec::new();
    units.extend(doc.headings.iter().map(|h| h.content.clone()));
    units.extend(doc.items.iter().filter_map(|i| i.content.clone()));
    units.extend(
        doc.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.span.clone()),
    );
    units.retain(|u| !u.is_empty());
    units.sort_by_key(|u| u.start);
    units
}

/// Whether `text` holds a character this rule pairs: most paragraphs and
/// items hold none, and are done with one pass over their bytes.
fn has_pairable(text: &str) -> bool {
    // Three vector searches: far cheaper than a test per byte on the
    // many units that hold none.
    let bytes = text.as_bytes();
    memchr::memchr3(b'(', b')', b'[', bytes).is_some()
        || memchr::memchr3(b']', b'{', b'}', bytes).is_some()
        // the first byte of the curly quotes and the German opening quote
        || memchr::memchr2(b'"', 0xE2, bytes).is_some()
}

fn first_problem(doc: &Document, unit: Range<usize>) -> Option<(usize, String)> {
    let text = doc.text(unit.clone());
    if !has_pairable(text) {
        return None;
    }
    let mask = masked(doc, &unit);
    let prose = Prose {
        text,
        start: unit.start,
        mask: &mask,
    };
    // Open positions per bracket kind: ( [ { “
    let mut open: [Vec<usize>; 4] = Default::default();
    let mut straight: Vec<usize> = Vec::new();
    let german = text.contains('„');
    // Only the bytes that can start a pairable character or a backslash
    // matter; the characters in between are read back on demand.
    let mut next_mask = 0;
    // The character after an unmasked backslash is skipped.
    let mut skipped: Option<usize> = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if !matches!(
            b,
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'"' | b'\\' | 0xE2
        ) {
            continue;
        }
        let at = unit.start + i;
        while mask.get(next_mask).is_some_and(|r| r.end <= at) {
            next_mask += 1;
        }
        if mask.get(next_mask).is_some_and(|r| r.start <= at) {
            continue; // not prose
        }
        if skipped == Some(at) {
            continue;
        }
        let c = if b == 0xE2 {
            text[i..].chars().next().unwrap_or(' ')
        } else {
            char::from(b)
        };
        if c == '\\' {
            skipped = prose.next_start(at);
            continue;
        }
        if !matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | '"' | '“' | '”') {
            continue;
        }
        if is_escaped(&doc.source, at) {
            continue;
        }
        match c {
            '(' | '[' | '{' => open[kind(c)].push(at),
            // German-style quotes („…“) close with `“`: not checked.
            '“' if !german => open[kind(c)].push(at),
            ')' | ']' | '}' => {
                let unmatched = open[kind(c)].pop().is_none();
                if unmatched && !prose.is_smiley(at) && !(c == ')' && prose.is_enumerator(at)) {
                    return Some((
                        at,
                        format!("`{c}` closes nothing: text may be missing before it"),
                    ));
                }
            }
            '”' => {
                open[kind(c)].pop();
            }
            '"' if !prose.before(at).is_some_and(|(_, p)| p.is_ascii_digit()) => straight.push(at),
            _ => {}
        }
    }
    left_open(doc, &open, &straight)
}

/// What is still open at the end of a unit: the first bracket or curly
/// quote never closed, else the last straight quote of an odd number.
fn left_open(
    doc: &Document,
    open: &[Vec<usize>; 4],
    straight: &[usize],
) -> Option<(usize, String)> {
    let unclosed = open.iter().filter_map(|stack| stack.first().copied()).min();
    if let Some(at) = unclosed {
        let c = doc.source[at..].chars().next().unwrap_or('(');
        return Some((
            at,
            format!("`{c}` is never closed: the text may be cut off"),
        ));
    }
    if straight.len() % 2 == 1 {
        return Some(odd_quote(&doc.source, straight));
    }
    None
}

/// How a straight quote reads where it stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum QuoteSide {
    /// After a space or an opening bracket, before a word: `"word`.
    Opening,
    /// After a word, before a space or punctuation: `word"`.
    Closing,
    /// Neither is clear (`a"b`, `" `).
    Either,
}

fn quote_side(source: &str, at: usize) -> QuoteSide {
    let before = source[..at].chars().next_back();
    let after = source[at + 1..].chars().next();
    let open_before = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{'));
    let word_after = after.is_some_and(|c| c.is_alphanumeric());
    let word_before =
        before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '!' | '?'));
    let close_after = after.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation());
    match (open_before && word_after, word_before && close_after) {
        (true, false) => QuoteSide::Opening,
        (false, true) => QuoteSide::Closing,
        _ => QuoteSide::Either,
    }
}

/// The quote that has no partner among an odd number of straight quotes:
/// pairing each opening quote with the next closing one, a closing quote
/// with nothing open is reported as such (text before it may be missing,
/// or its opening quote); otherwise the first quote left open.
fn odd_quote(source: &str, straight: &[usize]) -> (usize, String) {
    let mut open: Vec<usize> = Vec::new();
    for &at in straight {
        match quote_side(source, at) {
            QuoteSide::Opening => open.push(at),
            QuoteSide::Closing if open.pop().is_none() => {
                return (
                    at,
                    "a closing `\"` quote has no opening one: the opening quote or text before it may be missing".to_string(),
                );
            }
            QuoteSide::Closing => {}
            QuoteSide::Either => {
                if open.pop().is_none() {
                    open.push(at);
                }
            }
        }
    }
    let at = open
        .first()
        .copied()
        .unwrap_or(straight[straight.len() - 1]);
    (
        at,
        "a `\"` quote is never closed: the text may be cut off".to_string(),
    )
}

/// Whether the character at `at` follows an odd number of backslashes
/// (the unit may start just after the backslash).
fn is_escaped(source: &str, at: usize) -> bool {
    let slashes = source[..at]
        .bytes()
        .rev()
        .take_while(|&b| b == b'\\')
        .count();
    slashes % 2 == 1
}

fn kind(c: char) -> usize {
    match c {
        '(' | ')' => 0,
        '[' | ']' => 1,
        '{' | '}' => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;

    /// The rule as first written, over a vector of every prose character:
    /// the reference the byte-skipping walk is checked against.
    fn reference(doc: &Document, unit: Range<usize>) -> Option<(usize, String)> {
        let text = doc.text(unit.clone());
        if !has_pairable(text) {
            return None;
        }
        let mask = masked(doc, &unit);
        // The mask is sorted and merged, and characters come in order: one
        // cursor walks it.
        let mut next_mask = 0;
        let chars: Vec<(usize, char)> = text
            .char_indices()
            .map(|(i, c)| (unit.start + i, c))
            .filter(|&(at, _)| {
                while mask.get(next_mask).is_some_and(|r| r.end <= at) {
                    next_mask += 1;
                }
                mask.get(next_mask).is_none_or(|r| r.start > at)
            })
            .collect();
        // Open positions per bracket kind: ( [ { “
        let mut open: [Vec<usize>; 4] = Default::default();
        let mut straight: Vec<usize> = Vec::new();
        let german = text.contains('„');
        let mut i = 0;
        while i < chars.len() {
            let (at, c) = chars[i];
            let prev = i.checked_sub(1).map(|j| chars[j].1);
            if c == '\\' {
                i += 2; // an escaped character
                continue;
            }
            if is_escaped(&doc.source, at) {
                i += 1;
                continue;
            }
            match c {
                '(' | '[' | '{' => open[kind(c)].push(at),
                // German-style quotes („…“) close with `“`: not checked.
                '“' if !german => open[kind(c)].push(at),
                ')' | ']' | '}' => {
                    let unmatched = open[kind(c)].pop().is_none();
                    if unmatched && !is_smiley(&chars, i) && !(c == ')' && is_enumerator(&chars, i))
                    {
                        return Some((
                            at,
                            format!("`{c}` closes nothing: text may be missing before it"),
                        ));
                    }
                }
                '”' => {
                    open[kind(c)].pop();
                }
                '"' if !prev.is_some_and(|p| p.is_ascii_digit()) => straight.push(at),
                _ => {}
            }
            i += 1;
        }
        left_open(doc, &open, &straight)
    }

    /// `:)`, `:-)`, `;)`, `:(`-style closers.
    fn is_smiley(chars: &[(usize, char)], i: usize) -> bool {
        let back = |n: usize| i.checked_sub(n).map(|j| chars[j].1);
        matches!(back(1), Some(':' | ';' | '='))
            || (back(1) == Some('-') && matches!(back(2), Some(':' | ';')))
    }

    /// `1)`, `a)`, `iv)` starting an enumeration: one to three letters or
    /// digits after whitespace or at the start.
    fn is_enumerator(chars: &[(usize, char)], i: usize) -> bool {
        let mut j = i;
        while j > 0 && chars[j - 1].1.is_alphanumeric() {
            j -= 1;
        }
        let len = i - j;
        (1..=3).contains(&len) && (j == 0 || chars[j - 1].1.is_whitespace())
    }

    #[test]
    fn pairable_bytes_are_all_found() {
        let per_byte = |text: &str| {
            text.bytes()
                .any(|b| matches!(b, b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'"') || b == 0xE2)
        };
        for text in [
            "",
            "plain text",
            "(",
            "a)",
            "[x",
            "y]",
            "{",
            "}",
            "\"",
            "“",
            "’",
            "é",
            "x (y) z",
        ] {
            assert_eq!(has_pairable(text), per_byte(text), "{text:?}");
        }
    }

    #[test]
    fn the_walk_agrees_with_the_reference() {
        let pieces = [
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "\"",
            "“",
            "”",
            "„",
            "\\",
            ":",
            ";",
            "-",
            "=",
            "1",
            "a",
            "iv",
            "word",
            " ",
            "\n",
            "`c(`",
            "<b>",
            "[t](/a_(b)/)",
            "https://x.y/a_(b",
            "é",
            "’",
            "12\"",
            "\n- ",
            "\n\n",
            "## ",
            "**",
            "<!-- ( -->",
        ];
        // A fixed linear congruential sequence: the same pages every run.
        let mut rng = crate::testing::Lcg(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..3000 {
            let mut src = String::from("Intro.\n\n");
            for _ in 0..next(14) + 1 {
                src.push_str(pieces[next(pieces.len())]);
            }
            src.push('\n');
            let doc = Document::parse("t.md", src.clone());
            for unit in units(&doc) {
                assert_eq!(
                    first_problem(&doc, unit.clone()),
                    reference(&doc, unit.clone()),
                    "{src:?} {unit:?}"
                );
            }
        }
    }

    #[test]
    fn truncated_items_and_paragraphs() {
        let src = "Intro.\n\n- one (two)\n- sales or product (m\n- fine\n\nA paragraph [cut\nover two lines.\n\n## Heading with {brace\n";
        assert_eq!(lines(&RULE, src), vec![4, 7, 10]);
    }

    #[test]
    fn stray_closers_and_quotes() {
        let src = "Intro.\n\n- text) more\n- “open quote\n- say \"hi\n- a 12\" screen\n";
        assert_eq!(lines(&RULE, src), vec![3, 4, 5]);
    }

    #[test]
    fn what_is_not_prose_is_skipped() {
        let src = "Intro :) and ;-)\n\n- see [the (page](/a_(b)/) x\n- `f(` code\n- https://x.y/a_(b <br>\n- 1) first 2) second a) third\n- it's the writer's\n- \\( escaped\n- <span title=\"(\">x</span>\n";
        let found = lines(&RULE, src);
        assert_eq!(found, vec![3]);
    }

    #[test]
    fn bare_urls_keep_the_sentence_brackets() {
        let src = "Intro (see https://x.y/a_(b)).\n\n- A link (https://x.y/page).\n- Cut (https://x.y/page\n";
        assert_eq!(lines(&RULE, src), vec![4]);
    }

    #[test]
    fn items_and_headings_that_start_with_a_link_pass() {
        let src = "Intro.\n\n- [CI](/ci/) - Verify\n1. [Plan](/plan/): issues\n- [Ref][r] - text\n- *[Em](/e/)* and **[b](/b/)**\n\n## [Title](/t/) (draft)\n\n[r]: /r/\n";
        assert!(lines(&RULE, src).is_empty());
    }

    #[test]
    fn malformed_links_are_named() {
        let src = "Intro.\n\n- the [guide]/handbook/guide/) here\n- the [guide](/handbook/guide/] here\n- the guide](/handbook/guide/) here\n- the [guide](/handbook/guide/ here\n- a list (one) and more)\n";
        assert_eq!(lines(&RULE, src), vec![3, 4, 5, 6, 7]);
        let found = crate::rules::testing::run(&RULE, src);
        assert!(found[0].message.contains("no `(`"), "{}", found[0].message);
        assert!(
            found[1].message.contains("ends with `]`"),
            "{}",
            found[1].message
        );
        assert!(
            found[2].message.contains("no opening `[`"),
            "{}",
            found[2].message
        );
        assert!(
            found[3].message.contains("never closed with `)`"),
            "{}",
            found[3].message
        );
        assert!(
            found[4].message.contains("closes nothing"),
            "{}",
            found[4].message
        );
    }

    #[test]
    fn a_stray_closing_quote_is_not_called_unclosed() {
        let found = crate::rules::testing::run(&RULE, "Intro.\n\n- Write the weekly summary for the team\"\n- Say \"hello\n- \"One\" and two\" three\n");
        assert_eq!(found.len(), 3);
        assert!(found[0].message.contains("closing"), "{}", found[0].message);
        assert!(
            found[1].message.contains("never closed"),
            "{}",
            found[1].message
        );
        assert!(found[2].message.contains("closing"), "{}", found[2].message);
    }

    #[test]
    fn balanced_text_passes() {
        let src =
            "## Performance Indicators (PI)\n\nA (nested [pair] {x}) “quoted” and \"plain\".\n";
        assert!(lines(&RULE, src).is_empty());
        assert!(lines(&RULE, "Er sagte „Hallo“ (laut).\n").is_empty());
    }
}
