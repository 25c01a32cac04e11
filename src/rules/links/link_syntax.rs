//! `link-syntax`: an empty link destination, a destination with spaces,
//! or a reference link whose definition is missing.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Container, LinkKind};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "link-syntax",
    group: Group::Links,
    severity: Severity::Error,
    fix: Fixable::No,
    summary: "an empty link destination, spaces in a URL, a reference link without a definition",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports links that do not work as written:

- an empty destination: `[Director, Sales]()`;
- a destination with a space: `[Hiring](/handbook/hiring process/)` is not
  a link at all in Markdown and shows as text with brackets (write `%20`,
  or fix the route);
- a `]` typed for the `)` that closes a destination
  (`[Director](/job-families/sales/director/] and …`), or a `[` typed for
  the `(` that opens one (`[Director][/job-families/sales/director/)`):
  the link shows as text, and when both slips meet, two links fuse into
  one run of text. The message says which bracket was meant and quotes a
  short excerpt;
- a reference link whose label has no definition: `[text][label]` or
  `[label][]` without a `[label]: /route/` line. A lone `[text]` is left
  alone: in prose it is usually just text in brackets.

The default severity is `error`: each of these shows the reader brackets
and a raw route, or a link that goes nowhere, instead of a working link.

## Bad

```markdown
See the [hiring process][hiring] and the [Director]().
```

## Good

```markdown
See the [hiring process][hiring] and the [Director](/job-families/sales/director/).

[hiring]: /handbook/hiring/
```
";

/// `](destination]`: a `]` typed for the `)` that closes a destination.
static CLOSED_BY_BRACKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\(([^()\s\[\]]+)\]").unwrap_or_else(|_| unreachable!()));

/// `][destination)`: a `[` typed for the `(` that opens a destination.
static OPENED_BY_BRACKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\[([^()\s\[\]]+)\)").unwrap_or_else(|_| unreachable!()));

/// `](destination with space)` left as text because of the space.
static SPACED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\]\(([^()\s]+(?:[ \t]+[^()\s]+)+)[ \t]*\)").unwrap_or_else(|_| unreachable!())
});

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    for link in &doc.links {
        if link.kind == LinkKind::Inline && link.destination.trim().is_empty() {
            let written = doc.text(link.destination_span.clone());
            let span = if written.is_empty() {
                link.span.clone()
            } else {
                link.destination_span.clone()
            };
            out.push(
                Diagnostic::new(&RULE, span, "link has an empty destination")
                    .with_label("empty destination")
                    .with_help("add the page's route, or remove the link"),
            );
        }
    }
    for reference in &doc.undefined_references {
        if reference.shortcut || doc.in_code(reference.span.start) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                reference.span.clone(),
                format!("reference link `[{}]` has no definition", reference.label),
            )
            .with_label("undefined reference")
            .with_help(format!(
                "add a line `[{}]: /route/` or write the link inline",
                reference.label
            )),
        );
    }
    for run in &doc.texts {
        if run.link.is_some() || matches!(run.container, Container::Other) {
            continue;
        }
        let source = doc.text(run.span.clone());
        let bytes = source.as_bytes();
        let opens_after_bracket = memchr::memchr_iter(b']', bytes)
            .any(|at| matches!(bytes.get(at + 1), Some(b'(' | b'[')));
        if !opens_after_bracket {
            continue;
        }
        let slips = bracket_slips(source);
        for slip in &slips {
            let span = run.span.start + slip.span.start..run.span.start + slip.span.end;
            out.push(
                Diagnostic::new(&RULE, span, slip.message(source))
                    .with_label("not a link: a bracket typed for a parenthesis")
                    .with_help(slip.help()),
            );
        }
        for caps in SPACED.captures_iter(source) {
            let Some(dest) = caps.get(1) else { continue };
            let written = dest.as_str();
            if looks_like_title(written) || !looks_like_destination(written) {
                continue;
            }
            if slips
                .iter()
                .any(|s| s.span.start < dest.end() && dest.start() < s.span.end)
            {
                continue;
            }
            let span = run.span.start + dest.start()..run.span.start + dest.end();
            out.push(
                Diagnostic::new(
                    &RULE,
                    span,
                    format!("link destination `{written}` contains a space"),
                )
                .with_label("not a link because of the space")
                .with_help("write the space as `%20`, or correct the route"),
            );
        }
    }
}

/// A bracket typed for a parenthesis around a link destination, found in
/// a run of text.
#[derive(Debug, PartialEq, Eq)]
struct BracketSlip {
    /// From the `](` or `][` to the end of the slip, in the run's text.
    span: Range<usize>,
    /// Where the `]` typed for `)` is, if there is one.
    closing: Option<usize>,
    /// Where the `[` typed for `(` is, if there is one.
    opening: Option<usize>,
}

impl BracketSlip {
    /// What the slip does, quoting a short excerpt of `text` around it.
    fn message(&self, text: &str) -> String {
        let quote = excerpt(text, self.span.clone());
        match (self.closing, self.opening) {
            (Some(_), Some(_)) => format!(
                "a `]` typed for `)` and a `[` typed for `(` fuse two links into text: `{quote}`"
            ),
            (Some(_), None) => format!(
                "a `]` typed for `)` ends the link destination, so the link shows as text: `{quote}`"
            ),
            _ => format!(
                "a `[` typed for `(` opens the link destination, so the link shows as text: `{quote}`"
            ),
        }
    }

    fn help(&self) -> &'static str {
        match (self.closing, self.opening) {
            (Some(_), Some(_)) => {
                "close the first destination with `)` and open the second with `(`"
            }
            (Some(_), None) => "close the destination with `)`",
            _ => "open the destination with `(`",
        }
    }
}

/// The bracket slips in `text`: a destination closed by `]`, one opened by
/// `[`, and the two together when the first runs into the second link.
fn bracket_slips(text: &str) -> Vec<BracketSlip> {
    let mut slips: Vec<BracketSlip> = Vec::new();
    for caps in CLOSED_BY_BRACKET.captures_iter(text) {
        let (Some(whole), Some(dest)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        if looks_like_destination(dest.as_str()) {
            slips.push(BracketSlip {
                span: whole.range(),
                closing: Some(dest.end()),
                opening: None,
            });
        }
    }
    for caps in OPENED_BY_BRACKET.captures_iter(text) {
        let (Some(whole), Some(dest)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        if !looks_like_destination(dest.as_str()) {
            continue;
        }
        let opening = whole.start() + 1;
        // The `]` slip of the link before, with only text and this link's
        // `[text]` between: one fused run.
        let before = slips.iter_mut().rev().find(|s| {
            s.opening.is_none()
                && s.span.end <= whole.start()
                && !text[s.span.end..whole.start()].contains(['(', ')', '\n'])
        });
        match before {
            Some(slip) => {
                slip.span.end = whole.end();
                slip.opening = Some(opening);
            }
            None => slips.push(BracketSlip {
                span: whole.range(),
                closing: None,
                opening: Some(opening),
            }),
        }
    }
    slips.sort_by_key(|s| s.span.start);
    slips
}

/// `text[span]` for a message: destinations longer than a few words are
/// cut to their ends around the slip.
fn excerpt(text: &str, span: Range<usize>) -> String {
    const KEEP: usize = 24;
    let quoted = &text[span];
    let mut out = String::new();
    // Cut each whitespace-free run longer than twice KEEP in its middle.
    for (i, part) in quoted.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let chars: Vec<char> = part.chars().collect();
        if chars.len() > 2 * KEEP + 1 {
            out.extend(&chars[..KEEP]);
            out.push('…');
            out.extend(&chars[chars.len() - KEEP..]);
        } else {
            out.push_str(part);
        }
    }
    out
}

/// `url "title"`: a title after the URL (then the link would have parsed,
/// unless something else is wrong).
fn looks_like_title(written: &str) -> bool {
    written.contains('"') || written.contains('\'')
}

/// Whether the text starts like a URL or a path, not like prose in
/// parentheses after a bracket.
fn looks_like_destination(written: &str) -> bool {
    let first = written.split_whitespace().next().unwrap_or("");
    first.starts_with('/')
        || first.starts_with('#')
        || first.starts_with("./")
        || first.starts_with("../")
        || first.contains("://")
        || first.starts_with("mailto:")
        || first.ends_with(".md")
        || first.contains('/')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn empty_destinations() {
        assert_eq!(
            lines(&RULE, "A [Director]() and [ok](/x/).\n\n[b](<>)\n"),
            vec![1, 3]
        );
    }

    #[test]
    fn spaces_in_destinations() {
        let src = "See [hiring](/handbook/hiring process/).\n\nThe [tag] (not a link) text.\n\n[ok](/a/ \"Title here\")\n\n`[code](/a b/)`\n";
        assert_eq!(lines(&RULE, src), vec![1]);
    }

    #[test]
    fn brackets_typed_for_parentheses() {
        let src = "Include [A](/job-families/a/#x] and [B][/job-families/b/#y).\n\n\
                   The [C](/job-families/c/] leads.\n\n\
                   The [D][/job-families/d/) sets goals.\n\n\
                   A [E](/ok/) and [F][f] and (see [G]) and [H](/h/) too.\n\n[f]: /f/\n";
        let found = run(&RULE, src);
        let got: Vec<(usize, &str)> = found
            .iter()
            .map(|d| {
                (
                    crate::document::Document::parse("t.md", src.to_string())
                        .line_number(d.span.start),
                    d.message.as_str(),
                )
            })
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[0].1,
            "a `]` typed for `)` and a `[` typed for `(` fuse two links into text: `](/job-families/a/#x] and [B][/job-families/b/#y)`"
        );
        assert!(
            got[1].1.starts_with("a `]` typed for `)` ends"),
            "{}",
            got[1].1
        );
        assert_eq!(got[1].0, 3);
        assert!(
            got[2].1.starts_with("a `[` typed for `(` opens"),
            "{}",
            got[2].1
        );
        assert_eq!(got[2].0, 5);
    }

    #[test]
    fn long_destinations_are_cut_in_the_excerpt() {
        let text = format!("](/{}/] and [B][/x/)", "a".repeat(80));
        let quoted = excerpt(&text, 0..text.len());
        assert!(quoted.chars().count() < 70, "{quoted}");
        assert!(
            quoted.contains('…') && quoted.ends_with("] and [B][/x/)"),
            "{quoted}"
        );
    }

    #[test]
    fn undefined_full_and_collapsed_references_only() {
        let src =
            "A [text][nope], a [label][] and a [bracket] aside.\n\n[defined][d]\n\n[d]: /x/\n";
        assert_eq!(lines(&RULE, src), vec![1, 1]);
    }
}
