//! `end-of-file`: no final newline, or blank lines after the content.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "end-of-file",
    group: Group::Layout,
    severity: Severity::Warning,
    fix: Fixable::Always(Applicability::Safe),
    summary: "no final newline, or blank lines after the last line of content",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a file that does not end with exactly one newline: the last line
has no newline (tools that join or diff files then misbehave, and editors
show a warning), or blank lines follow the last line of content. Blank
lines are reported on the first of them. An empty file is left alone. The
fix leaves exactly one final newline.

## Bad

```markdown
Additional details are on the hiring page.␊
␊
␊
```

## Good

```markdown
Additional details are on the hiring page.␊
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let source = doc.source.as_str();
    let content_end = source.trim_end().len();
    if content_end == 0 {
        return;
    }
    let tail = &source[content_end..];
    let Some(newline) = tail.find('\n') else {
        // Point at the last character too, so that the report shows it.
        let last = source[..content_end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        out.push(
            Diagnostic::new(
                &RULE,
                content_end - last..source.len(),
                "the file does not end with a newline",
            )
            .with_label("no newline after this line")
            .with_fix(Fix::safe(
                "add a final newline",
                Edit::insert(source.len(), line_ending(source)),
            )),
        );
        return;
    };
    // The end of the last content line, its line ending included.
    let line_end = content_end + newline + 1;
    if line_end == source.len() {
        return;
    }
    let blank = source[line_end..].matches('\n').count() + usize::from(!source.ends_with('\n'));
    out.push(
        Diagnostic::new(
            &RULE,
            line_end..source.len(),
            format!(
                "{blank} blank line{} after the last line of content",
                if blank == 1 { "" } else { "s" }
            ),
        )
        .with_label("superfluous blank lines")
        .with_fix(Fix::safe(
            "keep exactly one final newline",
            Edit::delete(line_end..source.len()),
        )),
    );
}

fn line_ending(source: &str) -> &'static str {
    if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn missing_newline() {
        assert_eq!(lines(&RULE, "a\nb"), vec![2]);
        assert_eq!(run(&RULE, "a\nbé  ")[0].span, 3..7);
        let fix = run(&RULE, "a\r\nb").remove(0).fix.expect("fix");
        assert_eq!(fix.edits[0].replacement, "\r\n");
    }

    #[test]
    fn blank_lines_are_reported_on_the_first() {
        assert_eq!(lines(&RULE, "a\nb\n\n\n\n"), vec![3]);
        assert_eq!(lines(&RULE, "a\nb\n  \n"), vec![3]);
        assert_eq!(lines(&RULE, "a\r\nb\r\n\r\n"), vec![3]);
        let found = run(&RULE, "a\nb\n\n\n\n");
        assert!(found[0].message.starts_with("3 blank lines"));
    }

    #[test]
    fn one_final_newline_and_empty_files_pass() {
        assert!(lines(&RULE, "a\nb\n").is_empty());
        assert!(lines(&RULE, "a\r\n").is_empty());
        assert!(lines(&RULE, "").is_empty());
        assert!(lines(&RULE, "\n\n").is_empty());
    }
}
