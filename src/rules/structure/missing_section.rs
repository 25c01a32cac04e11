//! `missing-section`: a job family without one of its required sections.

use std::cell::OnceCell;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document};
use crate::pattern;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "missing-section",
    group: Group::Structure,
    severity: Severity::Error,
    fix: Fixable::No,
    summary: "the family has no Responsibilities, Requirements, Performance Indicators, Career Ladder or Hiring Process section",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a job family that has no Responsibilities, Requirements,
Performance Indicators, Career Ladder or Hiring Process section, once per
missing section, on the page title.

A section counts wherever it is and however it is named, as long as its
heading names it: `## Requirements`, `#### Senior Analyst Requirements`,
`### Performance Indicators (PI)`, `## Career Path`, `## Interview Process`
all count, and so does a paragraph that is only a bold label such as
`**Requirements**`. A level's section counts for the whole family.
A heading that speaks to the reader counts for the section it stands
for: `## You may be a fit to this role if you…`, `What you bring`, `About
you` or `Who you are` for Requirements, `## As an engineer you will` or
`What you'll do` for Responsibilities.
A Hugo shortcode alone on its line that renders a section counts too
(`{{% job-families/sales/performance %}}` writes the Performance
Indicators), and a page beside an `_index.md` (one level of a family whose
levels have pages of their own), or stored as a bundle one folder below it
(`manager/staff/index.md` under `manager/_index.md`), shares the sections
of that index.

The rule is an error: the handbook's own merge-request check rejected a
job family without these sections, and once the page reads as a job family
and no heading names the section in any of the forms above, the section is
missing.

Only job-family pages are checked. A page is a job family when it is not a
section index (`_index.md`, or an `index` page directly in a
`job-families` folder) and either its front matter says
`layout: job_family_page`, it has a Levels, Responsibilities, Requirements
or Job Grade heading, or it lives under a `job-families` folder and has at
least one heading. Other handbook pages are left alone.

## Bad

```markdown
---
title: Data Analyst
---

The Data Analyst job family turns data into decisions.

## Responsibilities

- Build reports

## Requirements

- Ability to use GitLab
```

## Good

```markdown
---
title: Data Analyst
---

The Data Analyst job family turns data into decisions.

## Responsibilities

- Build reports

## Requirements

- Ability to use GitLab

## Performance Indicators

- Reports delivered on time

## Career Ladder

The next step is the Manager, Data job family.

## Hiring Process

1. A screening call with a recruiter
```
";

/// The required sections: the name used in messages, and the phrases a
/// heading (lower-cased) may contain to count as that section.
const SECTIONS: &[(&str, &[&str])] = &[
    ("Responsibilities", &["responsibilit", "duties"]),
    ("Requirements", &["requirement", "qualification"]),
    (
        "Performance Indicators",
        &["performance indicator", "key performance", "kpi"],
    ),
    (
        "Career Ladder",
        &["career ladder", "career path", "career progression"],
    ),
    (
        "Hiring Process",
        &["hiring process", "interview process", "hiring"],
    ),
];

/// Headings that name a section by speaking to the reader rather than by
/// its name, as job families often do: the phrases, and the section they
/// stand for. Matched on whole words.
const READER_PHRASES: &[(&str, &str)] = &[
    ("you may be a fit", "Requirements"),
    ("what you bring", "Requirements"),
    ("what you'll bring", "Requirements"),
    ("about you", "Requirements"),
    ("who you are", "Requirements"),
    ("what you'll do", "Responsibilities"),
    ("what you will do", "Responsibilities"),
];

/// The sections a section name (lower-cased) stands for by speaking to
/// the reader in one of [`READER_PHRASES`] ("You may be a fit to this
/// role if you…" for Requirements, "As an engineer you will" for
/// Responsibilities).
fn addressed_sections(name: &str) -> Vec<&'static str> {
    // Every phrase speaks to "you".
    if !pattern::contains(name.as_bytes(), b"you") {
        return Vec::new();
    }
    let name = name.replace('’', "'");
    let words: Vec<&str> = name
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let has = |phrase: &str| {
        let wanted: Vec<&str> = phrase.split(' ').collect();
        words.windows(wanted.len()).any(|w| w == wanted.as_slice())
    };
    let mut sections: Vec<&'static str> = READER_PHRASES
        .iter()
        .filter(|(phrase, _)| has(phrase))
        .map(|&(_, section)| section)
        .collect();
    if words.ends_with(&["you", "will"]) {
        sections.push("Responsibilities");
    }
    sections
}

/// Headings that give a page the shape of a job family.
const FAMILY_HEADINGS: &[&str] = &["levels", "responsibilit", "requirement", "job grade"];

/// Hugo shortcodes that render a section of their own: the last segment of
/// the shortcode's name, and the section heading it renders
/// (`{{% job-families/sales/performance %}}` writes `<h2>Performance
/// Indicators</h2>`).
const SHORTCODE_SECTIONS: &[(&str, &str)] = &[
    ("performance", "performance indicators"),
    ("performance-indicators", "performance indicators"),
    ("career-ladder", "career ladder"),
    ("hiring-process", "hiring process"),
];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let mut names = section_names(doc);
    if !is_job_family(doc, &names) {
        return;
    }
    names.extend(section_index_names(cx));
    let span = match doc
        .front_matter
        .as_ref()
        .and_then(|fm| fm.field("title"))
        .filter(|_| doc.title().is_some())
    {
        Some(field) => field.span.clone(),
        None => doc.lines.line_range(&doc.source, 0),
    };
    // The sections each name stands for by speaking to the reader, read
    // the first time a section is not found by its phrases.
    let addressed: Vec<OnceCell<Vec<&str>>> = names.iter().map(|_| OnceCell::new()).collect();
    for (section, phrases) in SECTIONS {
        let found = names.iter().zip(&addressed).any(|(name, addressed)| {
            phrases
                .iter()
                .any(|phrase| pattern::contains(name.as_bytes(), phrase.as_bytes()))
                || addressed
                    .get_or_init(|| addressed_sections(name))
                    .contains(section)
        });
        if !found {
            out.push(
                Diagnostic::new(
                    &RULE,
                    span.clone(),
                    format!("the job family has no {section} section"),
                )
                .with_label(format!("no {section} section on this page"))
                .with_help(format!(
                    "add a `## {section}` section (or one per level, such as `#### <Level> {section}`)"
                )),
            );
        }
    }
}

/// The lower-cased names of the page's sections: every heading, and every
/// paragraph that is only a short bold label.
fn section_names(doc: &Document) -> Vec<String> {
    let mut names: Vec<String> = doc.headings.iter().map(|h| lowercase(&h.text)).collect();
    for block in &doc.blocks {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        let text = doc.text(block.span.clone());
        if let Some(section) = shortcode_section(text) {
            names.push(section.to_string());
            continue;
        }
        let first = text.lines().next().unwrap_or("").trim();
        let bold = (first.starts_with("**") || first.starts_with("__")) && first.len() <= 80;
        if bold {
            let label =
                first.trim_matches(|c: char| matches!(c, '*' | '_' | ':') || c.is_whitespace());
            if !label.contains("**") && !label.contains("__") {
                names.push(lowercase(label));
            }
        }
    }
    names
}

/// The section a paragraph that is only a Hugo shortcode renders, if it is
/// one of [`SHORTCODE_SECTIONS`].
fn shortcode_section(text: &str) -> Option<&'static str> {
    let text = text.trim();
    let inner = text
        .strip_prefix("{{%")
        .and_then(|t| t.strip_suffix("%}}"))
        .or_else(|| text.strip_prefix("{{<").and_then(|t| t.strip_suffix(">}}")))?;
    let name = inner.split_whitespace().next()?;
    let last = name.rsplit('/').next()?.to_lowercase();
    SHORTCODE_SECTIONS
        .iter()
        .find(|(segment, _)| *segment == last)
        .map(|(_, section)| *section)
}

/// The sections of the Hugo section the page belongs to: a page beside an
/// `_index.md` (`manager/associate.md` beside `manager/_index.md`) is one
/// level of a family whose shared sections that index holds. Its headings
/// are read from the content tree's anchors.
fn section_index_names(cx: &Context<'_>) -> Vec<String> {
    let Some(site) = cx.site else {
        return Vec::new();
    };
    let Some(folder) = cx.doc.path.parent() else {
        return Vec::new();
    };
    // A level page stored as a bundle (`manager/staff/index.md`) sits one
    // folder below the family's index.
    let bundle = cx.doc.path.file_stem().is_some_and(|stem| stem == "index");
    let folders = std::iter::once(folder).chain(folder.parent().filter(|_| bundle));
    for folder in folders {
        // A path that is not in the tree is still located (it may be an
        // editor's unsaved page): an index without headings is no index.
        let Some(index) = site.locate(&folder.join("_index.md")) else {
            continue;
        };
        let anchors = site.anchors(&index);
        if !anchors.is_empty() {
            return anchors
                .iter()
                .map(|anchor| anchor.replace('-', " "))
                .collect();
        }
    }
    Vec::new()
}

/// `text` in lower case; ASCII text without the Unicode tables.
fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

fn is_job_family(doc: &Document, names: &[String]) -> bool {
    if is_index_page(&doc.path) {
        return false;
    }
    let layout = doc
        .front_matter
        .as_ref()
        .and_then(|fm| fm.field("layout"))
        .and_then(|f| f.value.as_deref())
        .is_some_and(|v| v.trim() == "job_family_page");
    if layout {
        return true;
    }
    // The names start with the headings', lower-cased.
    let headings = &names[..doc.headings.len().min(names.len())];
    let shaped = headings
        .iter()
        .any(|text| FAMILY_HEADINGS.iter().any(|name| text.contains(name)))
        || names
            .iter()
            .any(|n| FAMILY_HEADINGS[1..3].iter().any(|name| n.contains(name)));
    shaped || (under_job_families(&doc.path) && !doc.headings.is_empty())
}

/// `_index.md` anywhere, `README.md`, and `index.*` directly in a
/// `job-families` folder: listings, not families.
fn is_index_page(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    if stem == "_index" || stem.eq_ignore_ascii_case("readme") {
        return true;
    }
    stem == "index"
        && path
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|p| p == "job-families")
}

fn under_job_families(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str() == "job-families")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(path: &str, source: &str) -> Vec<(usize, String)> {
        let doc = Document::parse(path, source.to_string());
        crate::rules::testing::run_at(&RULE, path, source)
            .iter()
            .map(|d| (doc.line_number(d.span.start), d.message.clone()))
            .collect()
    }

    const FULL: &str = "---\ntitle: T\n---\n\nIntro.\n\n## Levels\n\n### A\n\n#### A Responsibilities\n\n- x\n\n#### Senior A Requirements\n\n- y\n\n### Performance Indicators (PI)\n\n- z\n\n## Career Ladder\n\nText.\n\n## Hiring Process\n\nText.\n";

    #[test]
    fn sections_at_any_depth_and_in_any_form_count() {
        assert!(messages("a.md", FULL).is_empty());
    }

    #[test]
    fn each_missing_section_is_reported_once_on_the_title() {
        let src = "---\nlayout: job_family_page\ntitle: T\n---\n\nIntro.\n\n## Job Grade\n\nText.\n\n## Responsibilities\n\n- x\n";
        let found = messages("a.md", src);
        assert_eq!(found.len(), 4);
        assert!(found.iter().all(|(line, _)| *line == 3));
        assert!(found[0].1.contains("Requirements"));
        assert!(found[3].1.contains("Hiring Process"));
    }

    #[test]
    fn bold_labels_count() {
        let src = FULL.replace("## Hiring Process", "**Hiring Process**");
        assert!(messages("a.md", &src).is_empty());
    }

    #[test]
    fn a_shortcode_that_renders_a_section_counts() {
        let without = FULL.replace(
            "### Performance Indicators (PI)\n\n- z\n",
            "### Other\n\n- z\n",
        );
        assert_eq!(messages("a.md", &without).len(), 1);
        for shortcode in [
            "{{% job-families/sales/performance %}}",
            "{{< job-families/marketing/performance-indicators >}}",
        ] {
            let src = format!("{without}\n{shortcode}\n");
            assert!(messages("a.md", &src).is_empty(), "{shortcode}");
        }
        // Another shortcode, or the name inside a sentence, does not.
        let src = format!("{without}\n{{{{% job-families/sales/values %}}}}\n\nSee performance.\n");
        assert_eq!(messages("a.md", &src).len(), 1);
    }

    /// `addressed_sections` skips names without "you": every phrase must
    /// hold it.
    #[test]
    fn every_reader_phrase_speaks_to_you() {
        for (phrase, section) in READER_PHRASES {
            assert!(phrase.contains("you"), "{phrase}");
            assert_eq!(addressed_sections(phrase), vec![*section], "{phrase}");
        }
        assert_eq!(
            addressed_sections("as an engineer you will"),
            vec!["Responsibilities"]
        );
        assert!(addressed_sections("what we offer").is_empty());
    }

    #[test]
    fn headings_that_speak_to_the_reader_count() {
        let src = FULL.replace(
            "#### Senior A Requirements",
            "## You may be a fit to this role if you:",
        );
        assert!(messages("a.md", &src).is_empty());
        let src = FULL
            .replace("#### Senior A Requirements", "## What You\u{2019}ll Bring")
            .replace("#### A Responsibilities", "## As an engineer you will");
        assert!(messages("a.md", &src).is_empty());
        // A heading that only mentions the reader does not.
        let src = FULL.replace("#### Senior A Requirements", "## Benefits for you");
        assert_eq!(messages("a.md", &src).len(), 1);
        let src = FULL.replace("#### A Responsibilities", "## Projects you will work on");
        assert_eq!(messages("a.md", &src).len(), 1);
    }

    #[test]
    fn pages_that_are_not_families_are_left_alone() {
        let src = "---\ntitle: T\n---\n\nIntro.\n\n## Levels\n";
        assert!(messages("content/job-families/_index.md", src).is_empty());
        assert!(messages("source/job-families/index.html.md", src).is_empty());
        assert!(messages(
            "handbook/x.md",
            "---\ntitle: T\n---\n\nIntro.\n\n## Values\n"
        )
        .is_empty());
        assert_eq!(
            messages(
                "content/job-families/x/y.md",
                "---\ntitle: T\n---\n\nIntro.\n\n## Values\n"
            )
            .len(),
            5
        );
        assert_eq!(
            messages("source/job-families/x/y/index.html.md", src).len(),
            5
        );
    }
}
