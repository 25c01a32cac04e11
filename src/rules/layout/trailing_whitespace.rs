//! `trailing-whitespace`: spaces or tabs at the end of a line.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::{contains, Heading};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "trailing-whitespace",
    group: Group::Layout,
    severity: Severity::Warning,
    fix: Fixable::Always(Applicability::Safe),
    summary:
        "spaces or tabs at the end of a line (headings too), or more than one after a heading's `#`",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports spaces and tabs at the end of a line, headings included, and a
blank line that holds spaces (reported as such). Also reports more than
one space between a heading's `#` marks and its text (`##  Levels`).

Trailing whitespace is invisible in the editor, makes diffs noisy, and at
the end of a heading it ends up in the heading's text. Two spaces that make
an intentional hard line break inside a paragraph are left alone, as are
code blocks. The fix deletes the whitespace (after a heading's `#` marks,
all but one space).

The default severity is `warning`: the page renders the same; the
whitespace only gets in the way of editing and diffs.

## Bad

```markdown
The Manager reports to the Director.␠
```

## Good

```markdown
The Manager reports to the Director.
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let source = doc.source.as_str();
    for line in 0..doc.lines.line_count() {
        let range = doc.lines.line_range(source, line);
        let text = &source[range.clone()];
        let kept = text.trim_end_matches([' ', '\t']).len();
        if kept == text.len() {
            continue;
        }
        let span = range.start + kept..range.end;
        if doc.in_code(span.start) || is_hard_break(cx, span.clone()) {
            continue;
        }
        let (what, trailing) = if source[span.clone()].contains('\t') {
            ("whitespace", "trailing whitespace")
        } else if span.len() == 1 {
            ("a space", "a trailing space")
        } else {
            ("spaces", "trailing spaces")
        };
        let message = if kept == 0 {
            format!("blank line holds {what}")
        } else {
            format!("line ends with {trailing}")
        };
        out.push(
            Diagnostic::new(&RULE, span.clone(), message)
                .with_label("invisible whitespace here")
                .with_fix(Fix::safe(
                    "remove the trailing whitespace",
                    Edit::delete(span),
                )),
        );
    }
    for heading in &doc.headings {
        if let Some(d) = spaces_after_marks(cx, heading) {
            out.push(d);
        }
    }
}

/// `##  Title`: more than one space or tab between an ATX heading's `#`
/// marks and its text.
fn spaces_after_marks(cx: &Context<'_>, heading: &Heading) -> Option<Diagnostic> {
    let doc = cx.doc;
    let before = doc.text(heading.span.start..heading.content.start);
    let indent = before.len() - before.trim_start_matches(' ').len();
    let marks = before[indent..].len() - before[indent..].trim_start_matches('#').len();
    if marks == 0 || heading.content.is_empty() {
        return None;
    }
    let gap = &before[indent + marks..];
    if gap.len() < 2 || !gap.chars().all(|c| c == ' ' || c == '\t') {
        return None;
    }
    let extra = heading.content.start - (gap.len() - 1)..heading.content.start;
    Some(
        Diagnostic::new(
            &RULE,
            extra.clone(),
            format!(
                "{} spaces after the heading's `{}`: one is enough",
                gap.len(),
                "#".repeat(marks)
            ),
        )
        .with_label("extra space")
        .with_fix(Fix::safe("keep one space", Edit::delete(extra))),
    )
}

/// Two or more spaces that CommonMark turns into a line break within a
/// paragraph are intentional.
fn is_hard_break(cx: &Context<'_>, span: std::ops::Range<usize>) -> bool {
    span.len() >= 2
        && !cx.doc.source[span.clone()].contains('\t')
        && contains(&cx.doc.hard_breaks, span.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn finds_trailing_spaces_and_tabs() {
        assert_eq!(
            lines(&RULE, "# Title \n\ntext\t\nclean\n* item  \n* next\n"),
            vec![1, 3, 5]
        );
    }

    #[test]
    fn leaves_hard_breaks_and_code_alone() {
        assert_eq!(
            lines(&RULE, "first line  \nsecond line\n\n```\ncode   \n```\n"),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn blank_lines_with_spaces_and_spaces_after_heading_marks() {
        let src = "Intro.\n  \n##  Levels\n\n###\tOne\n\n  ###   Two\n\n## `##  code`\n";
        let found = run(&RULE, src);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "blank line holds spaces",
                "2 spaces after the heading's `##`: one is enough",
                "3 spaces after the heading's `###`: one is enough",
            ]
        );
        let fix = found[1].fix.as_ref().expect("fix");
        assert_eq!(&src[fix.edits[0].range()], " ");
        assert_eq!(fix.edits[0].byte_end, src.find("Levels").unwrap_or(0));
    }

    #[test]
    fn crlf_is_not_whitespace() {
        assert_eq!(lines(&RULE, "a\r\nb \r\n"), vec![2]);
    }
}
