//! `list-marker`: a doubled marker, an empty item, or markers that change
//! within one list.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::{Document, ListItem};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "list-marker",
    group: Group::Layout,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Safe),
    summary: "a doubled marker (\"* * text\"), an empty item, markers mixed within one list",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports list markers that do not do what the writer meant:

- A doubled marker (`* * text`): the item holds nothing but a nested list,
  so the text is indented one level deeper than its siblings. The fix
  removes the second marker (when the nested list has only that item).
- An empty item (a marker with no text): it shows as an empty bullet. The
  fix deletes the line.
- Markers that change within one list (`*` items followed directly by `-`
  items): Markdown starts a new list where the marker changes, which
  changes the spacing, and in a numbered list restarts the numbering. It
  is reported once per change, on the first item with the new marker; no
  fix, since which marker was meant is a choice.

## Bad

```markdown
* BA/BS or equivalent
* * You share our values
*
- Ability to use GitLab
```

## Good

```markdown
* BA/BS or equivalent
* You share our values
* Ability to use GitLab
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    for item in &doc.items {
        if item.content.is_some() {
            continue;
        }
        if let Some(d) = doubled(doc, item).or_else(|| empty(doc, item)) {
            out.push(d);
        }
    }
    mixed(doc, out);
}

/// `* * text`: an item whose own content is empty and whose first nested
/// list starts on the marker's line.
fn doubled(doc: &Document, item: &ListItem) -> Option<Diagnostic> {
    let &first = item.sublists.first()?;
    let sublist = doc.lists.get(first)?;
    let between = doc.text(item.marker_span.end..sublist.span.start);
    if !between.chars().all(|c| c == ' ' || c == '\t') {
        return None;
    }
    let inner = doc.items.get(*sublist.items.first()?)?;
    let span = item.marker_span.start..inner.marker_span.end;
    let mut d = Diagnostic::new(
        &RULE,
        span,
        format!(
            "doubled list marker `{}`: the text becomes a nested list of its own",
            doc.text(item.marker_span.start..inner.marker_span.end)
        ),
    )
    .with_label("two markers");
    if sublist.items.len() == 1 && item.sublists.len() == 1 {
        let after = doc.text(inner.marker_span.end..inner.span.end);
        let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
        d = d.with_fix(Fix::safe(
            "remove the second marker",
            Edit::delete(inner.marker_span.start..inner.marker_span.end + spaces),
        ));
    } else {
        d = d.with_help("remove the second marker and re-indent the nested items");
    }
    Some(d)
}

/// A marker with nothing after it.
fn empty(doc: &Document, item: &ListItem) -> Option<Diagnostic> {
    let own_end = item
        .sublists
        .first()
        .and_then(|&l| doc.lists.get(l))
        .map_or(item.span.end, |l| l.span.start);
    let own = doc.text(item.marker_span.end..own_end.max(item.marker_span.end));
    if !own.trim().is_empty() {
        return None; // HTML, an image without text, …
    }
    let d = Diagnostic::new(&RULE, item.marker_span.clone(), "empty list item")
        .with_label("nothing after this marker");
    if !item.sublists.is_empty() {
        return Some(
            d.with_help("give the item its text, or remove it and un-indent the nested list"),
        );
    }
    let line = doc.lines.line_of(item.marker_span.start);
    let start = doc.lines.line_start(line);
    let end = doc.lines.line_start(line + 1).min(doc.source.len());
    let alone = doc.text(start..item.marker_span.start).trim().is_empty()
        && doc
            .lines
            .line_of(item.span.end.saturating_sub(1).max(item.span.start))
            == line;
    Some(if alone {
        d.with_fix(Fix::safe("delete the empty item", Edit::delete(start..end)))
    } else {
        d.with_help("remove the empty item")
    })
}

/// Sibling lists that follow each other directly with another marker.
fn mixed(doc: &Document, out: &mut Vec<Diagnostic>) {
    for (index, list) in doc.lists.iter().enumerate() {
        let Some(next) = doc.lists[index + 1..]
            .iter()
            .find(|l| l.parent_item == list.parent_item && l.span.start >= list.span.end)
        else {
            continue;
        };
        if next.ordered != list.ordered
            || !doc.text(list.span.end..next.span.start).trim().is_empty()
        {
            continue;
        }
        let (Some(a), Some(b)) = (
            list.items.first().and_then(|&i| doc.items.get(i)),
            next.items.first().and_then(|&i| doc.items.get(i)),
        ) else {
            continue;
        };
        if a.marker == b.marker {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                b.marker_span.clone(),
                format!(
                    "list marker changes from `{}` to `{}`: Markdown starts a new list here",
                    a.marker, b.marker
                ),
            )
            .with_label("different marker")
            .with_help(format!("use `{}` for every item of the list", a.marker)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn doubled_marker_with_fix() {
        let src = "Intro.\n\n* one\n* * two\n* three\n";
        assert_eq!(lines(&RULE, src), vec![4]);
        let fix = run(&RULE, src)[0].fix.clone().expect("fix");
        assert_eq!(&src[fix.edits[0].range()], "* ");
    }

    #[test]
    fn empty_items() {
        let src = "Intro.\n\n- one\n-\n- three\n";
        assert_eq!(lines(&RULE, src), vec![4]);
        let fix = run(&RULE, src)[0].fix.clone().expect("fix");
        assert_eq!(&src[fix.edits[0].range()], "-\n");
    }

    #[test]
    fn mixed_markers_once_per_change() {
        let src = "Intro.\n\n* one\n* two\n- three\n- four\n\nText.\n\n- other list\n";
        assert_eq!(lines(&RULE, src), vec![5]);
        let nested = "- a\n  * b\n  + c\n";
        assert_eq!(lines(&RULE, nested), vec![3]);
    }

    #[test]
    fn ordinary_lists_pass() {
        let src = "* one\n  - nested\n* two\n\n1. a\n2. b\n\n- [x] done\n- <br>\n";
        assert!(lines(&RULE, src).is_empty());
    }
}
