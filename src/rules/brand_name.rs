//! `brand-name`: product and company names with the wrong capitals.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::prose::data::BRAND_NAMES;
use crate::rules::prose::dictionary::DICT;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "brand-name",
    group: Group::Prose,
    severity: Severity::Error,
    fix: Fixable::Always(Applicability::Safe),
    summary: "product and company names spelled wrong (\"Gitlab\", \"Github\", \"Netsuite\")",
    docs: DOCS,
    check: Check::Page(check),
};

const DOCS: &str = "\
Reports product and company names written with other capitals than their
owners use (`Gitlab`, `Github`, `Javascript`, `Netsuite`, `Powerpoint`), and
fixes them.

The names are listed in `rules/brands.txt`. A name is not checked inside
code, link destinations, URLs, domains, paths or handles (`gitlab.com`,
`@gitlab-org`, `/gitlab/`), nor when it is written in all capitals. A name
that is also an ordinary word (Slack, Zoom, Outreach) is only checked when
it is written with a capital somewhere.

## Bad

```markdown
Gitlab team members use Netsuite for purchasing.
```

## Good

```markdown
GitLab team members use NetSuite for purchasing.
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    let source = cx.doc.source.as_str();
    let mut lower = String::new();
    for word in &prose.words {
        let name = word
            .text
            .strip_suffix("'s")
            .or_else(|| word.text.strip_suffix("\u{2019}s"))
            .unwrap_or(word.text);
        lower.clear();
        if name.is_ascii() {
            lower.extend(name.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            lower.extend(name.chars().flat_map(char::to_lowercase));
        }
        let Some(&brand) = BRAND_NAMES.get(lower.as_str()) else {
            continue;
        };
        if name == brand {
            continue;
        }
        let letters = name.chars().filter(|c| c.is_alphabetic());
        if name.chars().count() > 1 && letters.clone().all(char::is_uppercase) {
            continue;
        }
        if name == lower && DICT.is_common(&lower) {
            continue;
        }
        // Part of a path, handle or identifier: `gitlab-org`, `gitlab_ci`.
        let before = source[..word.span.start].chars().next_back();
        let after = source[word.span.start + name.len()..].chars().next();
        let joined = before.is_some_and(|c| matches!(c, '-' | '/' | '_' | '@' | '#' | '.'))
            || after.is_some_and(|c| matches!(c, '-' | '/' | '_' | '@'));
        if joined
            && (name == lower || before.is_some_and(|c| matches!(c, '/' | '_' | '@' | '#' | '.')))
        {
            continue;
        }
        let span = word.span.start..word.span.start + name.len();
        out.push(
            Diagnostic::new(
                &RULE,
                span.clone(),
                format!("`{name}` is spelled `{brand}`"),
            )
            .with_label("brand name")
            .with_suggestions(vec![brand.to_string()])
            .with_fix(Fix::safe(
                format!("write `{brand}`"),
                Edit::replace(span, brand),
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn finds_miscapitalised_names() {
        let found = run(
            &RULE,
            "Gitlab team members use Netsuite.\n\nThe github repo, Gitlab-hosted.\n",
        );
        let fixes: Vec<&str> = found
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .map(|f| f.edits[0].replacement.as_str())
            .collect();
        assert_eq!(fixes, vec!["GitLab", "NetSuite", "GitHub", "GitLab"]);
    }

    #[test]
    fn leaves_urls_code_paths_and_words_alone() {
        let source = "See gitlab.com, `Gitlab`, [GitLab](https://gitlab.com/gitlab-org), \
                      gitlab-org and @gitlab. GITLAB and GitLab's tools. Cut slack; use Slack.\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }
}
