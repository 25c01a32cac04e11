//! `required-requirement`: requirements that lack a required phrase.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};
use crate::family::{ListKind, SectionKind};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "required-requirement",
    group: Group::Family,
    severity: Severity::Error,
    fix: Fixable::No,
    summary: "a family or level whose requirements lack a required phrase (default: \"Ability to use GitLab\")",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a job family whose requirements lack a phrase every role must list;
by default \"Ability to use GitLab\" (set `required-phrases` in the
configuration to change the list).

The family passes when its family-wide Requirements contain the phrase, or
when every level's requirements do, directly or through the level they
extend (\"Extends the Analyst requirements\", or a lead-in such as \"This
role includes all of the requirements of the previous level, plus:\"). The
phrase may start an item
or sit anywhere in one, in any case. A level whose requirements lack it is
reported on its Requirements heading; a level that only inherits the gap
is not reported again, nor is a level whose \"Extends\" reference does not
resolve (`extends-unknown` reports that).

## Bad

```markdown
#### Analyst Requirements

- Two years of experience with SQL
```

## Good

```markdown
#### Analyst Requirements

- Two years of experience with SQL
- Ability to use GitLab
```
";

/// A lead-in that carries the requirements of the level before or the
/// family's over: "This role includes all of the requirements of the
/// previous level, plus:", "All of the above requirements, plus",
/// "… extend the Requirements section above".
static INHERITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:all\s+(?:of\s+)?(?:the\s+)?(?:above|previous)\s+requirements|all\s+(?:of\s+)?(?:the\s+)?requirements\s+(?:of\s+(?:the\s+)?(?:previous|prior|preceding)|listed\s+above|above)|extends?\s+the\s+requirements(?:\s+section)?\s+above|requirements\s+(?:of\s+)?the\s+(?:previous|prior|preceding)\s+level)\b",
    )
    .expect("constant pattern")
});

/// Whether the text between a level's Requirements heading and its first
/// item says the list adds to the requirements before it.
fn inherits(doc: &crate::document::Document, list: &crate::family::LevelList) -> bool {
    // Up to the first item, or to the next heading when there is none.
    let next_heading = list.heading.map_or(list.span.end, |h| {
        doc.headings
            .get(h + 1)
            .map_or(doc.source.len(), |next| next.span.start)
    });
    let end = list
        .items
        .first()
        .and_then(|&i| doc.items.get(i))
        .map_or(next_heading, |item| item.span.start);
    let Some(lead_in) = doc.source.get(list.span.end..end.max(list.span.end)) else {
        return false;
    };
    INHERITS.is_match(&lead_in.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `text` with runs of white space made one space, trimmed, in lower
/// case.
fn normalise(text: &str) -> String {
    crate::family::names::squash_lowercase(text)
}

/// Whether [`normalise`]`(text)` contains `wanted` (itself normalised).
/// Text that is already squashed ASCII is searched as it is, ignoring
/// ASCII case, without a lower-cased copy; other text is normalised once
/// into `cell`.
fn normalised_contains(text: &str, cell: &std::cell::OnceCell<String>, wanted: &str) -> bool {
    if crate::family::names::is_squashed(text) {
        return contains_ignoring_ascii_case(text.as_bytes(), wanted.as_bytes());
    }
    cell.get_or_init(|| normalise(text)).contains(wanted)
}

/// Whether `hay` holds `needle` with ASCII letters in any case. For a
/// `needle` without upper-case ASCII letters this is whether the
/// ASCII-lower-cased `hay` contains it.
fn contains_ignoring_ascii_case(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, hay).any(|i| {
        hay.get(i..i + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let family = cx.family();
    let doc = cx.doc;
    if !family.is_job_family {
        return;
    }
    // Each item's text is normalised once, when first compared.
    let normalised: Vec<std::cell::OnceCell<String>> = (0..doc.items.len())
        .map(|_| std::cell::OnceCell::new())
        .collect();
    let has = |items: &[usize], phrase: &str| {
        items.iter().any(|&i| {
            let (Some(item), Some(text)) = (doc.items.get(i), normalised.get(i)) else {
                return false;
            };
            normalised_contains(&item.text, text, phrase)
        })
    };
    // Items outside every level count as the family's: some pages list
    // family-wide requirements under another heading ("You may be a fit
    // if you have …").
    let explicit: Vec<std::ops::Range<usize>> = family
        .levels
        .iter()
        .filter(|l| !l.is_implicit())
        .map(|l| l.span.clone())
        .collect();
    let family_wide: Vec<usize> = (0..doc.items.len())
        .filter(|&i| {
            !explicit
                .iter()
                .any(|r| r.contains(&doc.items[i].span.start))
        })
        .collect();
    let family_heading = family
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Requirements)
        .map(|s| s.heading);
    for phrase in &cx.settings.required_phrases {
        let wanted = normalise(phrase);
        if wanted.is_empty() || has(&family_wide, &wanted) {
            continue;
        }
        let mut places: Vec<(Range<usize>, String)> = Vec::new();
        let mut uncovered_level = false;
        for (index, level) in family.levels.iter().enumerate() {
            let Some(list) = &level.requirements else {
                uncovered_level = true;
                continue;
            };
            if has(&list.items, &wanted) {
                continue;
            }
            // A level that extends another is not where a gap starts:
            // the gap is reported on the level it comes from, and an
            // unresolved or circular reference is another rule's finding.
            if level
                .extends
                .iter()
                .any(|e| e.list == ListKind::Requirements)
            {
                continue;
            }
            // "Includes all of the requirements of the previous level,
            // plus:": the gap, if any, is the earlier level's or the
            // family's.
            if inherits(doc, list) && (index > 0 || family_heading.is_some()) {
                uncovered_level |= index == 0;
                continue;
            }
            let what = if level.is_implicit() {
                "the requirements".to_string()
            } else {
                format!("the requirements of `{}`", level.name)
            };
            places.push((list.span.clone(), what));
        }
        // Levels without requirements of their own rely on the family's.
        if uncovered_level {
            if let Some(h) = family_heading {
                places.push((
                    doc.headings[h].span.clone(),
                    "the family's requirements".into(),
                ));
            }
        }
        places.sort_by_key(|p| p.0.start);
        places.dedup_by_key(|p| p.0.start);
        for (span, what) in places {
            out.push(
                Diagnostic::new(&RULE, span, format!("{what} lack \"{phrase}\""))
                    .with_help(format!("add the requirement \"{phrase}\"")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;

    #[test]
    fn normalising_collapses_space_and_case() {
        let reference = |text: &str| {
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        for text in [
            "  Ability to\t use\u{b} GitLab ",
            "ABILITY\n\nTO USE",
            "Über\u{a0}Ability  ΣΑΣ",
            "",
        ] {
            assert_eq!(normalise(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn the_search_without_a_copy_agrees_with_the_normalised_text() {
        let phrases = [
            "ability to use gitlab",
            "a",
            "to use",
            "gitlab",
            "über",
            "x y",
        ];
        let pieces = [
            "Ability",
            " ",
            "to",
            "use",
            "GitLab",
            "  ",
            "\t",
            "ABILITY TO USE",
            "é",
            "x",
            "Y",
            "über",
        ];
        let mut rng = crate::testing::Lcg(0x1234_5678_9abc_def1);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..next(8) {
                text.push_str(pieces[next(pieces.len())]);
            }
            for phrase in phrases {
                let cell = std::cell::OnceCell::new();
                assert_eq!(
                    normalised_contains(&text, &cell, phrase),
                    normalise(&text).contains(phrase),
                    "{text:?} {phrase:?}"
                );
            }
        }
    }

    fn page(junior: &str, senior: &str) -> String {
        format!(
            "---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### A\n\n#### Requirements\n\n{junior}\n\n### Senior A\n\n#### Requirements\n\n{senior}\n"
        )
    }

    #[test]
    fn reported_where_the_gap_starts() {
        let s = page("- Know SQL", "- Extends the A requirements\n- Know more");
        assert_eq!(lines(&RULE, &s), vec![11]);
        let s = page("- Know SQL", "- Know more");
        assert_eq!(lines(&RULE, &s), vec![11, 17]);
    }

    #[test]
    fn found_directly_inherited_or_anywhere_in_an_item() {
        let s = page("- ability to use gitlab", "- Extends the A requirements");
        assert!(lines(&RULE, &s).is_empty());
        let s = page(
            "- Ability to use GitLab Experience in sales",
            "- Ability to use  GitLab",
        );
        assert!(lines(&RULE, &s).is_empty());
    }

    #[test]
    fn a_lead_in_that_carries_the_previous_requirements() {
        for lead_in in [
            "This role includes all of the requirements of the previous level, plus:",
            "All of the above requirements, plus",
            "The Senior A Requirements extend the Requirements section above and include:",
            "All requirements of previous roles plus:",
        ] {
            let s = page(
                "- Ability to use GitLab",
                &format!("{lead_in}\n\n- Know more"),
            );
            assert!(lines(&RULE, &s).is_empty(), "{lead_in}");
            // The gap is still reported where it starts.
            let s = page("- Know SQL", &format!("{lead_in}\n\n- Know more"));
            assert_eq!(lines(&RULE, &s), vec![11], "{lead_in}");
        }
        // The first level may carry the family's requirements: then the
        // family's list is where the gap is.
        let s = "---\ntitle: A\n---\n\nIntro.\n\n## Requirements\n\n- Know\n\n## Levels\n\n### A\n\n#### Requirements\n\nAll requirements listed above.\n\n### Senior A\n\n#### Requirements\n\nAll requirements of previous roles plus:\n\n- More\n";
        assert_eq!(lines(&RULE, s), vec![7]);
        // A lead-in that carries nothing.
        let s = page("- Ability to use GitLab", "Also:\n\n- Know more");
        assert_eq!(lines(&RULE, &s), vec![17]);
    }

    #[test]
    fn unresolved_references_are_not_judged() {
        let s = page("- Know SQL", "- Extends the Nobody requirements");
        assert_eq!(lines(&RULE, &s), vec![11]);
    }

    #[test]
    fn a_level_extending_itself_is_not_judged() {
        let s = page(
            "- Ability to use GitLab",
            "- Extends the Senior A requirements",
        );
        assert!(lines(&RULE, &s).is_empty());
    }

    #[test]
    fn family_wide_requirements() {
        let s = "---\ntitle: A\n---\n\nIntro.\n\n## Responsibilities\n\n- Do\n\n## Requirements\n\n- Ability to use GitLab\n";
        assert!(lines(&RULE, s).is_empty());
        let s = "---\ntitle: A\n---\n\nIntro.\n\n## Responsibilities\n\n- Do\n\n## Requirements\n\n- Know\n";
        assert_eq!(lines(&RULE, s), vec![11]);
        // Stated once for the whole family, outside the levels.
        let s = format!(
            "{}\n## You may be a fit if you have\n\n- Ability to use GitLab\n",
            page("- Know SQL", "- Know more")
        );
        assert!(lines(&RULE, &s).is_empty());
    }
}
