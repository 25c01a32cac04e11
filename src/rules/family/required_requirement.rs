//! `required-requirement`: requirements that lack a required phrase.

use crate::diagnostic::{Diagnostic, Severity};
use crate::family::spans::SpanSet;
use crate::family::{ListKind, SectionKind};
use crate::pattern::contains_ignoring_ascii_case;
use crate::rules::{Check, Context, Fixable, Group, Rule};
use std::borrow::Cow;
use std::ops::Range;

/// The rule.
pub static RULE: Rule = Rule {
    id: "required-requirement",
    group: Group::Family,
    severity: Severity::Error,
    fix: Fixable::No,
    summary: "a family or level whose requirements lack a required phrase (default: \"Ability to use GitLab\")",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(crate::family::prepare),
};

const DOCS: &str = "\
Reports a job family whose requirements lack a phrase every role must list;
by default \"Ability to use GitLab\" (set `required-phrases` in the
configuration to change the list).

The family passes when its family-wide Requirements (also headed \"Base
Requirements For All Roles\") contain the phrase, or when every level's
requirements do, directly or through the level they extend (\"Extends the
Analyst requirements\", \"Extends the responsibilities and requirements of
the Analyst\", or a lead-in such as \"This role includes all of the
requirements of the previous level, plus:\", \"meets all of the requirements
of a Senior Analyst, plus:\", \"Same as the Analyst, plus\", \"share the same
requirements as the Analyst listed above\" or \"expected to meet the base
requirements\"). The phrase may start an item or sit anywhere in one, in any
case; for \"Ability to use X\", wordings that say as much count too (\"Able
to use X\", \"Fluent in using X\", \"Expert in X usage\", \"Strong
understanding of X\"), while interest in X, a willingness to use it or
confidence to learn it do not.

A level whose requirements lack it is reported on its Requirements heading
(an empty or placeholder list is said to be one); a level that only
inherits the gap is not reported again, so a gap in a family-wide list the
levels point back to is reported once, on that list; nor is a level whose
\"Extends\" reference does not resolve (`extends-unknown` reports that).

The default severity is `error`: the phrase is a policy every page must
carry, and its absence is certain once the lists are read.

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

/// Ways of saying "Ability to use X" that say as much: "Able to use
/// GitLab", "Fluent in using GitLab", "Expert in GitLab usage", "Strong
/// understanding of GitLab". Wishes to learn it, interest in it or a
/// willingness to use it do not count.
fn variants(wanted: &str) -> Vec<String> {
    let mut out = vec![wanted.to_string()];
    let Some(object) = wanted.strip_prefix("ability to use ") else {
        return out;
    };
    for lead in [
        "able to use",
        "fluent in using",
        "fluent in",
        "fluency in",
        "proficient in using",
        "proficient in",
        "proficient with",
        "proficiency in",
        "proficiency with",
        "expert in",
        "expertise in",
        "strong understanding of",
        "experience using",
    ] {
        out.push(format!("{lead} {object}"));
    }
    out
}

/// Whether an item's text holds nothing yet: "TBD", "[content to be added
/// when the need for the role arises]".
fn is_placeholder(text: &str) -> bool {
    let lower = normalise(text);
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    matches!(bare, "tbd" | "tba" | "n/a" | "na" | "todo")
        || [
            "to be added",
            "to be defined",
            "to be determined",
            "coming soon",
        ]
        .iter()
        .any(|w| bare.contains(w))
}

/// `text` with runs of white space made one space, trimmed, in lower
/// case.
fn normalise(text: &str) -> String {
    crate::family::names::squash_lowercase(text)
}

/// An item's text as required phrases are looked for in it: the text
/// itself when it is already squashed ASCII (searched ignoring ASCII
/// case, without a lower-cased copy), else its [`normalise`]d copy.
fn haystack(text: &str) -> Cow<'_, str> {
    if crate::family::names::is_squashed(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(normalise(text))
    }
}

/// The normalised wordings of one required phrase.
struct Wanted {
    wordings: Vec<String>,
    /// The end every wording shares (" gitlab" for the wordings of
    /// "ability to use gitlab"): a text without it holds none of them.
    shared_end: String,
}

impl Wanted {
    fn new(wordings: Vec<String>) -> Wanted {
        let shared_end = shared_end(&wordings).to_string();
        Wanted {
            wordings,
            shared_end,
        }
    }

    /// Whether `text`, squashed ASCII or normalised, holds a wording,
    /// ignoring ASCII case. The wordings are lower case, so ignoring ASCII
    /// case changes nothing on a normalised text.
    fn found_in(&self, text: &str) -> bool {
        let text = text.as_bytes();
        contains_ignoring_ascii_case(text, self.shared_end.as_bytes())
            && self
                .wordings
                .iter()
                .any(|w| contains_ignoring_ascii_case(text, w.as_bytes()))
    }
}

/// The longest end all `wordings` share, cut at a character boundary
/// (empty when they share none, or there are none).
fn shared_end(wordings: &[String]) -> &str {
    let Some((first, rest)) = wordings.split_first() else {
        return "";
    };
    let mut start = 0;
    for other in rest {
        let shared = first
            .bytes()
            .rev()
            .zip(other.bytes().rev())
            .take_while(|(a, b)| a == b)
            .count();
        start = start.max(first.len() - shared);
    }
    while !first.is_char_boundary(start) {
        start += 1;
    }
    &first[start..]
}

/// Whether `span` holds a link to another page.
fn links_elsewhere(doc: &crate::document::Document, span: std::ops::Range<usize>) -> bool {
    doc.links.iter().any(|l| {
        !l.image && span.contains(&l.span.start) && {
            let d = l.destination.trim();
            !d.is_empty() && !d.starts_with('#')
        }
    })
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let family = cx.family();
    let doc = cx.doc;
    if !family.is_job_family {
        return;
    }
    // Each item's text is read once, when first compared.
    let haystacks: Vec<std::cell::OnceCell<Cow<'_, str>>> = (0..doc.items.len())
        .map(|_| std::cell::OnceCell::new())
        .collect();
    let has = |items: &[usize], wanted: &Wanted| {
        items.iter().any(|&i| {
            let (Some(item), Some(cell)) = (doc.items.get(i), haystacks.get(i)) else {
                return false;
            };
            wanted.found_in(cell.get_or_init(|| haystack(&item.text)))
        })
    };
    // Items outside every level count as the family's: some pages list
    // family-wide requirements under another heading ("You may be a fit
    // if you have …").
    // A specialty's requirements are not the family's either.
    let levels_and_specialties = SpanSet::new(
        family
            .levels
            .iter()
            .filter(|l| !l.is_implicit())
            .map(|l| l.span.clone())
            .chain(family.specialties.iter().map(|s| s.span.clone())),
    );
    let family_wide: Vec<usize> = (0..doc.items.len())
        .filter(|&i| !levels_and_specialties.contains(doc.items[i].span.start))
        .collect();
    let family_heading = family
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Requirements)
        .map(|s| s.heading);
    for phrase in &cx.settings.required_phrases {
        let wanted = normalise(phrase);
        if wanted.is_empty() {
            continue;
        }
        let wanted = Wanted::new(variants(&wanted));
        if has(&family_wide, &wanted) {
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
                .any(|e| e.extends_list(ListKind::Requirements))
            {
                continue;
            }
            // "Includes all of the requirements of the previous level,
            // plus:": the gap, if any, is the earlier level's or the
            // family's.
            // "… has the same requirements as other [Field Marketing
            // Managers](/job-families/…/)": another page's list.
            if level
                .carries_over
                .as_ref()
                .is_some_and(|r| links_elsewhere(doc, r.clone()))
            {
                continue;
            }
            if level.carries_over.is_some() && (index > 0 || family_heading.is_some()) {
                uncovered_level |= index == 0;
                continue;
            }
            let whose = if level.is_implicit() {
                "the requirements".to_string()
            } else {
                format!("the requirements of `{}`", level.name)
            };
            let empty = list.items.iter().all(|&i| {
                doc.items
                    .get(i)
                    .is_none_or(|item| is_placeholder(&item.text))
            });
            let what = if empty {
                format!("{whose} are empty or a placeholder, so they lack")
            } else {
                format!("{whose} lack")
            };
            places.push((list.span.clone(), what));
        }
        // Levels without requirements of their own rely on the family's.
        if uncovered_level {
            if let Some(h) = family_heading {
                places.push((
                    doc.headings[h].span.clone(),
                    "the family's requirements lack".into(),
                ));
            }
        }
        places.sort_by_key(|p| p.0.start);
        places.dedup_by_key(|p| p.0.start);
        for (span, what) in places {
            out.push(
                Diagnostic::new(&RULE, span, format!("{what} \"{phrase}\""))
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
            "able",
            "Fluent in",
            "expert in",
        ];
        let sets: Vec<Vec<String>> = vec![
            variants("ability to use gitlab"),
            variants("ability to use x y"),
            vec!["to use".into(), "a".into()],
            vec!["über".into(), "x y".into()],
        ];
        let mut rng = crate::testing::Lcg(0x1234_5678_9abc_def1);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..next(8) {
                text.push_str(pieces[next(pieces.len())]);
            }
            let haystack = haystack(&text);
            let normalised = normalise(&text);
            for phrase in phrases {
                assert_eq!(
                    Wanted::new(vec![phrase.to_string()]).found_in(&haystack),
                    normalised.contains(phrase),
                    "{text:?} {phrase:?}"
                );
            }
            for wordings in &sets {
                assert_eq!(
                    Wanted::new(wordings.clone()).found_in(&haystack),
                    wordings.iter().any(|w| normalised.contains(w.as_str())),
                    "{text:?} {wordings:?}"
                );
            }
        }
    }

    #[test]
    fn wordings_share_their_end() {
        let end = |wordings: &[&str]| {
            let wordings: Vec<String> = wordings.iter().map(|w| w.to_string()).collect();
            shared_end(&wordings).to_string()
        };
        assert_eq!(
            end(&["ability to use x", "able to use x", "fluent in x"]),
            " x"
        );
        assert_eq!(end(&["ability to use x"]), "ability to use x");
        assert_eq!(end(&["a", "b"]), "");
        assert_eq!(end(&[]), "");
        // "é" and "©" share their last UTF-8 byte, not a character.
        assert_eq!(end(&["é", "©"]), "");
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
