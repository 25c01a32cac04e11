//! `trailing-whitespace`: spaces or tabs at the end of a line.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::contains;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "trailing-whitespace",
    group: Group::Layout,
    severity: Severity::Warning,
    fix: Fixable::Always(Applicability::Safe),
    summary: "spaces or tabs at the end of a line (headings too)",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports spaces and tabs at the end of a line, headings included.

Trailing whitespace is invisible in the editor, makes diffs noisy, and at
the end of a heading it ends up in the heading's text. Two spaces that make
an intentional hard line break inside a paragraph are left alone, as are
code blocks. The fix deletes the whitespace.

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
        let what = if source[span.clone()].contains('\t') {
            "trailing whitespace"
        } else if span.len() == 1 {
            "a trailing space"
        } else {
            "trailing spaces"
        };
        out.push(
            Diagnostic::new(&RULE, span.clone(), format!("line ends with {what}"))
                .with_label("invisible whitespace here")
                .with_fix(Fix::safe(
                    "remove the trailing whitespace",
                    Edit::delete(span),
                )),
        );
    }
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
    use crate::rules::testing::lines;

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
    fn crlf_is_not_whitespace() {
        assert_eq!(lines(&RULE, "a\r\nb \r\n"), vec![2]);
    }
}
