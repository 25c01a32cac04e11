//! `placeholder`: template text left in a page.

use crate::diagnostic::{Diagnostic, Severity};
use crate::pattern::LazyRegex;
use crate::rules::prose::data::PLACEHOLDER_PATTERNS;
use crate::rules::prose::lists::PatternList;
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
`{Insert grade}`, `[fill in]`, `TODO`, `TBD`, `TBC`, `FIXME`, `XXX`,
\"lorem ipsum\".

The patterns are listed in `rules/placeholders.txt`. Code, URLs and HTML
comments are not checked. Prose such as \"to be defined\" is not a
placeholder; the capitalised abbreviation `TBD` is: the page promises
content it does not have.

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
    let candidates = cx.list_matches().candidates(PatternList::Placeholder);
    for block in candidates.chunk_by(|a, b| a.0 == b.0) {
        let Some(segment) = block
            .first()
            .and_then(|&(index, _)| prose.segments.get(index))
        else {
            continue;
        };
        let mut found: Vec<std::ops::Range<usize>> = Vec::new();
        for &(_, index) in block {
            let Some(Ok(pattern)) = PLACEHOLDER_PATTERNS.get(index).map(LazyRegex::get) else {
                continue;
            };
            for m in pattern.find_iter(&segment.text) {
                let range = m.range();
                if segment.is_technical(&range)
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
                        format!("placeholder text left in: \"{}\"", m.as_str()),
                    )
                    .with_label("placeholder")
                    .with_help("write the content, or remove the line"),
                );
            }
        }
    }
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
    fn leaves_prose_and_code_alone() {
        let source = "The next step is to be defined. Use `TODO` in code. See https://x.com/TBD and todo lists.\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }
}
