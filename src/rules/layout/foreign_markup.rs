//! `foreign-markup`: kramdown attribute lists and table-of-contents
//! markers, and ERB tags, on a Hugo page, where they show as literal text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::Document;
use crate::rules::{Check, Context, Fixable, Group, Rule};
use crate::site::link::page_layout;
use crate::site::Layout;

/// The rule.
pub static RULE: Rule = Rule {
    id: "foreign-markup",
    group: Group::Layout,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Safe),
    summary: "kramdown attribute lists and TOC markers (`{: .class}`, `{:toc}`) or ERB (`<%= … %>`) on a Hugo page, where they show as text",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports markup of the older Middleman site left in a page of a Hugo site,
where Hugo prints it as text:

- kramdown attribute lists and extensions: `{: .class}`, `{:.no_toc}`,
  `{: #id}`, `{::options … /}`, also at the end of a heading;
- kramdown's table-of-contents marker `{:toc}` (with the `* TOC` item
  that carries it);
- ERB tags: `<%= partial(\"…\") %>`, `<% … %>`. The partial is not
  included either: that part of the page is missing.

The site layout is the one the link rules use: pages under `source/` (or
beside a Middleman `config.rb`) and `.html.md` / `.html.md.erb` pages are
Middleman's, where all of this is expected and nothing is reported; other
pages are Hugo's. Code spans and code blocks are not checked. Hugo's own
attribute syntax (`{#id}`, `{.class}`, without the colon) is not reported.

The fix deletes an attribute list or TOC marker (with its line when it
stands alone, and the `* TOC` item above a `{:toc}`): safe, since Hugo
shows it as text and applies nothing. ERB tags have no fix: replace a
partial with a Hugo shortcode or with its text.

The severity is `warning`: the page shows stray text, but its own text
is intact.

## Bad

```markdown
* TOC
{:toc}

## Levels {: .no_toc}

<%= partial(\"job-families/hiring-process\") %>
```

## Good

```markdown
## Levels

{{< hiring-process >}}
```
";

/// A kramdown attribute list or extension: `{:` … `}`.
static KRAMDOWN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{::?[^{}\n]*\}").expect("kramdown pattern is valid"));

/// An ERB tag: `<%` … `%>` (on one line, or to the end of its line).
static ERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)<%[^\n]*?(?:%>|$)").expect("ERB pattern is valid"));

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let body = doc.source.get(doc.body_start..).unwrap_or("");
    if !body.contains("{:") && !body.contains("<%") {
        return;
    }
    if page_layout(cx.site, cx.page(), &doc.path) == Layout::Middleman {
        return;
    }
    for found in KRAMDOWN.find_iter(body) {
        let span = doc.body_start + found.start()..doc.body_start + found.end();
        if is_markup_text(doc, span.start) {
            out.push(kramdown(doc, span));
        }
    }
    for found in ERB.find_iter(body) {
        let span = doc.body_start + found.start()..doc.body_start + found.end();
        if is_markup_text(doc, span.start) {
            out.push(
                Diagnostic::new(
                    &RULE,
                    span,
                    "ERB tag on a Hugo page: Hugo shows it as text and includes nothing",
                )
                .with_label("Middleman markup")
                .with_help("replace it with a Hugo shortcode, or with the text it stood for"),
            );
        }
    }
}

/// Whether the markup at `offset` would be printed: not in code, HTML
/// or a link destination.
fn is_markup_text(doc: &Document, offset: usize) -> bool {
    !doc.in_code(offset)
        && !doc.in_html(offset)
        && !doc
            .links
            .iter()
            .any(|l| l.destination_span.contains(&offset))
}

/// The finding for a kramdown attribute list or marker at `span`.
fn kramdown(doc: &Document, span: Range<usize>) -> Diagnostic {
    let written = doc.text(span.clone());
    let toc = written.replace(' ', "") == "{:toc}";
    let message = if toc {
        "kramdown table-of-contents marker on a Hugo page: Hugo shows it as text".to_string()
    } else {
        format!("kramdown attribute list `{written}` on a Hugo page: Hugo shows it as text")
    };
    let d = Diagnostic::new(&RULE, span.clone(), message).with_label("Middleman markup");
    let line = doc.lines.line_of(span.start);
    let line_range = doc.lines.line_range(&doc.source, line);
    let whole_line =
        doc.lines.line_start(line)..doc.lines.line_start(line + 1).min(doc.source.len());
    let alone = doc.text(line_range.clone()).trim() == written;
    let deletion = if !alone {
        // At the end of a heading or a line: delete it and the spaces before.
        let before = doc.text(line_range.start..span.start);
        let spaces = before.len() - before.trim_end().len();
        span.start - spaces..span.end
    } else if toc {
        toc_item_above(doc, line).map_or(whole_line.clone(), |start| start..whole_line.end)
    } else {
        whole_line
    };
    d.with_fix(Fix::safe(
        if toc {
            "delete the TOC marker"
        } else {
            "delete the attribute list"
        },
        Edit::delete(deletion),
    ))
}

/// The start of a `* TOC` item line right above line `line`, if there
/// is one.
fn toc_item_above(doc: &Document, line: usize) -> Option<usize> {
    let above = line.checked_sub(1)?;
    let range = doc.lines.line_range(&doc.source, above);
    let text = doc.text(range.clone()).trim();
    let item = text
        .strip_prefix(['*', '-', '+'])
        .or_else(|| text.strip_prefix("1."))?
        .trim();
    item.eq_ignore_ascii_case("toc")
        .then_some(range.start)
        .filter(|_| !doc.in_code(range.start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run, run_at};

    const PAGE: &str = "* TOC\n{:toc}\n\n## Levels {: .no_toc}\n\nText.\n{: .note}\n\n<%= partial(\"x\") %>\n\n`{: .code}` and {#hugo-id} and {.hugo-class}\n";

    #[test]
    fn reports_kramdown_and_erb_on_hugo_pages() {
        assert_eq!(lines(&RULE, PAGE), vec![2, 4, 7, 9]);
    }

    #[test]
    fn middleman_pages_are_left_alone() {
        assert!(run_at(&RULE, "role.html.md", PAGE).is_empty());
    }

    #[test]
    fn fixes_delete_the_markup() {
        let found = run(&RULE, PAGE);
        let deleted: Vec<&str> = found
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .map(|f| &PAGE[f.edits[0].range()])
            .collect();
        assert_eq!(
            deleted,
            vec!["* TOC\n{:toc}\n", " {: .no_toc}", "{: .note}\n"]
        );
    }
}
