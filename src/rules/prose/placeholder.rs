//! `placeholder`: template text left in a page.

use crate::diagnostic::{Diagnostic, Severity};
use crate::pattern::LazyRegex;
use crate::rules::prose::lists::{ListMatches, PatternList};
use crate::rules::prose::Segment;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "placeholder",
    group: Group::Prose,
    severity: Severity::Error,
    fix: Fixable::No,
    summary:
        "template text left in (\"{add …}\", \"{Insert …}\", \"TODO\", \"TBD\", \"lorem ipsum\")",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(super::lists::prepare),
};

const DOCS: &str = "\
Reports template text left in a page: `{add responsibilities}`,
`{Insert grade}`, `[fill in]`, `[content to be added]`, `TODO`, `TBD`,
`TBC`, `FIXME`, `XXX`, \"lorem ipsum\", and an instruction left in the
front matter (`description: _add a description of the job family_`).

The patterns are listed in `rules/placeholders.txt`. A handbook adds its
own in `.handbook-lint.toml` (`[lists.placeholders]`, with `files` or
inline `entries`, one regular expression each). They are matched on
the page's prose and on its title and description. Code, URLs and HTML
comments are not checked. Prose such as \"to be defined\" is not a
placeholder; the capitalised abbreviation `TBD` is, and so is a bracketed
stand-in (\"[details to be added]\"): the page promises content it does
not have. Link text that copies the title of what it links to is not the
page's placeholder: `[Task completion < X (TBD)](/metrics/#task-completion-x-tbd)`
names a metric whose own title holds the `TBD`.

The severity is `error`: every reader of the published page sees the
template text, and the patterns match only text no finished page holds.

## Bad

```markdown
- {Add the level's responsibilities}
- Performance indicators: TBD
```

## Good

```markdown
- Build and maintain the quarterly reporting pack
- Performance indicators: the same as the family's
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    // Most blocks hold none of the patterns: one search of the page's
    // prose for the literals each pattern needs tells which patterns to
    // look for in which blocks.
    // The title and description come first in the file, and are short:
    // every pattern is searched.
    for field in &prose.fields {
        let patterns = ListMatches::patterns_in(
            &field.segment.text,
            &cx.settings.lists,
            PatternList::Placeholder,
        );
        find_in(cx, &field.segment, patterns.into_iter(), out);
    }
    let candidates = cx.list_matches().candidates(PatternList::Placeholder);
    for block in candidates.chunk_by(|a, b| a.0 == b.0) {
        let Some(segment) = block
            .first()
            .and_then(|&(index, _)| prose.segments.get(index))
        else {
            continue;
        };
        let patterns = block.iter().map(|&(_, index)| index);
        find_in(cx, segment, patterns, out);
    }
}

/// Reports the matches of `patterns` in `segment`, one finding for
/// overlapping matches.
fn find_in(
    cx: &Context<'_>,
    segment: &Segment,
    patterns: impl Iterator<Item = usize>,
    out: &mut Vec<Diagnostic>,
) {
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    let listed = cx.settings.lists.placeholders();
    for index in patterns {
        let Some(Ok(pattern)) = listed.get(index).map(LazyRegex::get) else {
            continue;
        };
        for m in pattern.find_iter(segment.text.as_str()) {
            let range = m.range();
            let Some(written) = segment.text.get(range.clone()) else {
                continue;
            };
            if segment.is_technical(&range)
                || copies_link_target(cx, segment, &range, written)
                || found
                    .iter()
                    .any(|r| r.start < range.end && range.start < r.end)
            {
                continue;
            }
            found.push(range.clone());
            out.push(
                Diagnostic::new(
                    &RULE,
                    segment.span(range),
                    format!("placeholder text left in: \"{written}\""),
                )
                .with_label("placeholder")
                .with_help("write the content, or remove the line"),
            );
        }
    }
}

/// Whether `text` at `range` is link text that copies the title of what
/// the link points to: the destination's anchor or path holds the same
/// word (`[Completion < X (TBD)](/m/#completion-x-tbd)`).
fn copies_link_target(
    cx: &Context<'_>,
    segment: &Segment,
    range: &std::ops::Range<usize>,
    text: &str,
) -> bool {
    let Some(link) = segment.link_of(range).and_then(|i| cx.doc.links.get(i)) else {
        return false;
    };
    let word: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    !word.is_empty() && link.destination.to_lowercase().contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;

    #[test]
    fn finds_placeholders() {
        let source =
            "- {Add responsibilities here}\n- KPIs: TBD\n- TODO: write\n\nLorem ipsum dolor.\n";
        assert_eq!(lines(&RULE, source), vec![1, 2, 3, 5]);
    }

    #[test]
    fn finds_bracketed_stand_ins_and_field_instructions() {
        let source = "---\ntitle: Analyst\ndescription: \" _add high level description of job family_ \"\n---\n\n\
                      - [content to be added when the role is opened]\n\n\
                      The plan is to be added to the wiki [later].\n";
        assert_eq!(lines(&RULE, source), vec![3, 6]);
    }

    #[test]
    fn link_text_copying_its_target_title_is_no_placeholder() {
        let source = "- [Completion < X (TBD)](/metrics/#completion--x-tbd)\n\
                      - [Completion TBD](/metrics/#completion)\n";
        assert_eq!(lines(&RULE, source), vec![2]);
    }

    #[test]
    fn leaves_prose_and_code_alone() {
        let source = "The next step is to be defined. Use `TODO` in code. See https://x.com/TBD and todo lists.\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }
}
