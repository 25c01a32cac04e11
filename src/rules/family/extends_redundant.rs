//! `extends-redundant`: a bullet that repeats one of the level it extends.

use std::collections::HashMap;
use std::ops::Range;

use foldhash::fast::RandomState;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::family::ListKind;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "extends-redundant",
    group: Group::Family,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Safe),
    summary: "a bullet that repeats, word for word, a bullet of the level it extends",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(crate::family::prepare),
};

const DOCS: &str = "\
Reports an item of a list that extends another level's list (\"Extends the
Analyst requirements\") and then repeats one of that level's items word for
word (case, spacing and final punctuation aside) and links to the same
places; levels extended through others count too. The extended list
already includes the item, and the copy goes stale when one of them is
edited. A parent item whose nested items differ from the original's is not
a repeat: it says something new. Items with a required phrase
(`required-phrases`, \"Ability to use GitLab\") are left alone: pages repeat
them on purpose. So are the items of a list whose reference says it
restates the extended list grown \"in complexity and scope\" (or \"in
scope\"): each level then covers every area, and an area whose wording did
not change is kept on purpose. The fix deletes the copy (when it has no
nested items).

The default severity is `warning`: the copy does no harm to the reader
until the two lists drift apart.

## Bad

```markdown
#### Senior Analyst Requirements

- Extends the Analyst requirements
- Two years of experience with SQL
```

## Good

```markdown
#### Senior Analyst Requirements

- Extends the Analyst requirements
- Four years of experience with SQL
```
";

/// An item's text as compared: curly apostrophes made straight, runs of
/// white space made one space, lower case, final `.`, `;`, `,` and
/// spaces dropped.
fn normalise(text: &str) -> String {
    let straight;
    let text = if text.contains(['’', '‘']) {
        straight = text.replace(['’', '‘'], "'");
        straight.as_str()
    } else {
        text
    };
    let mut out = crate::family::names::squash_lowercase(text);
    let end = out.trim_end_matches(['.', ';', ',', ' ']).len();
    out.truncate(end);
    out
}

/// Appends [`normalise`]'s key of `text` to `buffer`: where it is. Text
/// already squashed (ASCII, single spaces) is lowered in place, without
/// a string of its own.
fn push_key(text: &str, buffer: &mut String) -> Range<usize> {
    let start = buffer.len();
    if crate::family::names::is_squashed(text) {
        buffer.push_str(text);
        buffer[start..].make_ascii_lowercase();
        let end = start + buffer[start..].trim_end_matches(['.', ';', ',', ' ']).len();
        buffer.truncate(end);
    } else {
        buffer.push_str(&normalise(text));
    }
    start..buffer.len()
}

/// The destinations of the links in an item's own text: the same words
/// linking elsewhere ("[Leadership](…#managers)", "[Leadership](…#directors)")
/// say something else.
fn link_targets(doc: &crate::document::Document, item: usize) -> Vec<&str> {
    let Some(it) = doc.items.get(item) else {
        return Vec::new();
    };
    // The item's own text ends where its first nested list starts.
    let end = it
        .sublists
        .first()
        .and_then(|&l| doc.lists.get(l))
        .map_or(it.span.end, |l| l.span.start);
    let first = doc.links.partition_point(|l| l.span.start < it.span.start);
    doc.links[first..]
        .iter()
        .take_while(|l| l.span.start < end)
        .map(|l| l.destination.trim())
        .collect()
}

/// The normalised texts of the items nested in `item`, in order.
fn nested_texts(doc: &crate::document::Document, item: usize) -> Vec<String> {
    let Some(it) = doc.items.get(item) else {
        return Vec::new();
    };
    it.sublists
        .iter()
        .filter_map(|&l| doc.lists.get(l))
        .flat_map(|l| l.items.iter())
        .filter_map(|&i| doc.items.get(i))
        .map(|nested| normalise(&nested.text))
        .collect()
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let family = cx.family();
    let doc = cx.doc;
    let required: Vec<String> = cx
        .settings
        .required_phrases
        .iter()
        .map(|p| normalise(p))
        .filter(|p| !p.is_empty())
        .collect();
    // Each item's comparison key, worked out once (a level's items are
    // compared with those of every level that extends it), all in one
    // buffer.
    let mut buffer = String::new();
    let mut keys: Vec<Option<Range<usize>>> = vec![None; doc.items.len()];
    for level in &family.levels {
        for kind in [ListKind::Responsibilities, ListKind::Requirements] {
            for &item in level.list(kind).map_or(&[][..], |l| &l.items) {
                if let (Some(it), Some(key @ None)) = (doc.items.get(item), keys.get_mut(item)) {
                    *key = Some(push_key(&it.text, &mut buffer));
                }
            }
        }
    }
    let key_of = |item: usize| {
        keys.get(item)
            .and_then(Option::as_ref)
            .and_then(|r| buffer.get(r.clone()))
    };
    for (i, level) in family.levels.iter().enumerate() {
        for kind in [ListKind::Responsibilities, ListKind::Requirements] {
            let Some(list) = level.list(kind) else {
                continue;
            };
            // A list that restates the extended one, grown, repeats its
            // unchanged areas on purpose.
            if level
                .extends
                .iter()
                .any(|e| e.extends_list(kind) && e.restated)
            {
                continue;
            }
            let extended = family.extended(i, kind);
            let room = extended
                .levels
                .iter()
                .filter_map(|&t| family.levels[t].list(kind))
                .map(|l| l.items.len())
                .sum();
            let mut inherited: HashMap<&str, (usize, usize), RandomState> =
                HashMap::with_capacity_and_hasher(room, RandomState::default());
            for &t in &extended.levels {
                let Some(their) = family.levels[t].list(kind) else {
                    continue;
                };
                for &item in &their.items {
                    let Some(key) = key_of(item) else {
                        continue;
                    };
                    if !key.is_empty() && !key.starts_with("extends") {
                        inherited.entry(key).or_insert((t, item));
                    }
                }
            }
            if inherited.is_empty() {
                continue;
            }
            for &item in &list.items {
                let (Some(it), Some(text)) = (doc.items.get(item), key_of(item)) else {
                    continue;
                };
                // A required phrase ("Ability to use GitLab") is often
                // repeated on purpose, for checks that read each level.
                if required.iter().any(|p| text.contains(p.as_str())) {
                    continue;
                }
                let Some(&(t, original)) = inherited.get(text) else {
                    continue;
                };
                // A parent item ("Lead projects:") whose nested items
                // differ says something new.
                if nested_texts(doc, item) != nested_texts(doc, original)
                    || link_targets(doc, item) != link_targets(doc, original)
                {
                    continue;
                }
                let Some(content) = it.content.clone() else {
                    continue;
                };
                let line = doc.line_number(doc.items[original].span.start);
                let mut d = Diagnostic::new(
                    &RULE,
                    content,
                    format!(
                        "repeats an item of `{}` (line {line}), whose {} this list extends",
                        family.levels[t].name,
                        kind.word()
                    ),
                )
                .with_label("already included by the extended list");
                if it.sublists.is_empty() {
                    let source = doc.source.as_str();
                    let first = doc.lines.line_of(it.span.start);
                    let last = doc
                        .lines
                        .line_of(it.span.end.saturating_sub(1).max(it.span.start));
                    let start = doc.lines.line_range(source, first).start;
                    let end_line = doc.lines.line_range(source, last);
                    let end = source[end_line.end..]
                        .find('\n')
                        .map_or(source.len(), |n| end_line.end + n + 1);
                    d = d.with_fix(Fix::safe("delete the copy", Edit::delete(start..end)));
                }
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_the_buffer_are_the_normalised_texts() {
        let texts = [
            "Two years of experience with SQL.",
            "  Two   years of EXPERIENCE;,. ",
            "Ability to use GitLab",
            "",
            "...",
            "A\tB\u{b}C",
            "Über ‘quoted’ text.",
            "Ünïcode  and  spaces ,",
            "ends with space ",
            "MiXeD Case, Commas,",
        ];
        let mut buffer = String::from("earlier keys");
        for text in texts {
            let range = push_key(text, &mut buffer);
            assert_eq!(&buffer[range], normalise(text), "{text:?}");
        }
    }
    use crate::rules::testing::{lines, run};

    #[test]
    fn keys_ignore_case_spacing_quotes_and_final_punctuation() {
        // The same key as the plain definition, on ASCII and other text.
        let reference = |text: &str| {
            text.replace(['’', '‘'], "'")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
                .trim_end_matches(['.', ';', ',', ' '])
                .to_string()
        };
        for text in [
            "  Two years of  SQL.\t",
            "Lead\u{b}the\u{c}team;, ",
            "The team’s ‘roadmap’ ΣΑΣ.",
            "\u{a0}Über\u{2003}Plan ,.",
            "",
            " . ",
        ] {
            assert_eq!(normalise(text), reference(text), "{text:?}");
        }
        assert_eq!(normalise(" Two  Years.;"), "two years");
    }

    fn page(junior: &str, senior: &str, staff: &str) -> String {
        format!("---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### A\n\n#### Requirements\n\n{junior}\n\n### Senior A\n\n#### Requirements\n\n{senior}\n\n### Staff A\n\n#### Requirements\n\n{staff}\n")
    }

    #[test]
    fn repeated_items_directly_and_through_a_chain() {
        let s = page(
            "- Know SQL\n- Write reports",
            "- Extends the A requirements\n- know  SQL.\n- Know Python",
            "- Extends the Senior A requirements\n- Write reports\n- Know Python",
        );
        assert_eq!(lines(&RULE, &s), vec![21, 29, 30]);
    }

    #[test]
    fn the_fix_deletes_the_line() {
        let s = page(
            "- Know SQL",
            "- Extends the A requirements\n- Know SQL\n- Lead",
            "- Lead more",
        );
        let found = run(&RULE, &s);
        let edit = &found[0].fix.as_ref().map(|f| f.edits[0].clone());
        let mut fixed = s.clone();
        if let Some(e) = edit {
            fixed.replace_range(e.range(), &e.replacement);
        }
        assert!(
            fixed.contains("- Extends the A requirements\n- Lead\n"),
            "{fixed}"
        );
    }

    #[test]
    fn a_parent_item_with_other_nested_items_is_no_repeat() {
        let s = page(
            "- Know SQL\n- Lead projects:\n  - Small ones",
            "- Extends the A requirements\n- Lead projects:\n  - Large ones",
            "- Lead",
        );
        assert!(lines(&RULE, &s).is_empty());
    }

    #[test]
    fn required_phrases_may_repeat() {
        let s = page(
            "- Know SQL\n- Ability to use GitLab",
            "- Extends the A requirements\n- Ability to use GitLab",
            "- Lead",
        );
        assert!(lines(&RULE, &s).is_empty());
    }

    #[test]
    fn without_extends_or_with_different_words() {
        let s = page(
            "- Know SQL",
            "- Know SQL",
            "- Extends the Senior A requirements\n- Know SQL well",
        );
        assert!(lines(&RULE, &s).is_empty());
        // Responsibilities are not compared with requirements.
        let s = "---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### A\n\n#### Responsibilities\n\n- Know SQL\n\n### Senior A\n\n#### Requirements\n\n- Extends the A requirements\n- Know SQL\n";
        assert!(lines(&RULE, s).is_empty());
    }
}
