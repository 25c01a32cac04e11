//! `link-syntax`: an empty link destination, a destination with spaces,
//! or a reference link whose definition is missing.

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
- a reference link whose label has no definition: `[text][label]` or
  `[label][]` without a `[label]: /route/` line. A lone `[text]` is left
  alone: in prose it is usually just text in brackets.

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
        if !source.contains("](") {
            continue;
        }
        for caps in SPACED.captures_iter(source) {
            let Some(dest) = caps.get(1) else { continue };
            let written = dest.as_str();
            if looks_like_title(written) || !looks_like_destination(written) {
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
    use crate::rules::testing::lines;

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
    fn undefined_full_and_collapsed_references_only() {
        let src =
            "A [text][nope], a [label][] and a [bracket] aside.\n\n[defined][d]\n\n[d]: /x/\n";
        assert_eq!(lines(&RULE, src), vec![1, 1]);
    }
}
