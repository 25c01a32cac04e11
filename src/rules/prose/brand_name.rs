//! `brand-name`: product and company names with the wrong capitals.

use std::collections::HashMap;
use std::sync::LazyLock;

use foldhash::fast::FixedState;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::prose::data::BRAND_NAMES;
use crate::rules::prose::spelling::lexicon;
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
    prepare: Some(prepare),
};

/// Builds the list of names.
fn prepare() {
    LazyLock::force(&BRAND_NAMES);
    LazyLock::force(&BRAND_SHAPES);
    LazyLock::force(&LISTED_SHAPES);
}

/// The mixed-case names of the spelling rule's company and product list
/// (`OpenShift`), by lower-case form: checked like `rules/brands.txt`.
static LISTED_NAMES: LazyLock<HashMap<&'static str, &'static str, FixedState>> =
    LazyLock::new(|| {
        lexicon::mixed_case_names()
            .map(|k| (k.key(), k.display()))
            .collect()
    });

/// The owner's spelling of a name, by its lower-case form: from
/// `rules/brands.txt`, or from the listed mixed-case names when the word
/// starts with a capital.
fn brand_of(lower: &str, capital: bool) -> Option<&'static str> {
    BRAND_NAMES
        .get(lower)
        .copied()
        .or_else(|| capital.then(|| LISTED_NAMES.get(lower).copied()).flatten())
}

const DOCS: &str = "\
Reports product and company names written with other capitals than their
owners use (`Gitlab`, `Github`, `Javascript`, `Netsuite`, `Powerpoint`), and
fixes them.

The names are listed in `rules/brands.txt`, and the names of
`rules/spelling/companies.txt` and `rules/spelling/software-terms.txt`
written with a capital after the first letter (`OpenShift`, `HubSpot`)
are checked too. A name is not checked inside
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

/// The first letters and lengths of the brand names: most words are
/// ruled out without lower-casing them or hashing.
struct Shapes {
    /// For each letter `a`-`z`, a bit for each length of a brand name
    /// that starts with it.
    lengths: [u64; 26],
    /// Whether every brand name is ASCII, starts with a letter and is
    /// shorter than 64 bytes (otherwise nothing is ruled out).
    complete: bool,
}

impl Shapes {
    fn new<'n>(names: impl Iterator<Item = &'n String>) -> Shapes {
        let mut shapes = Shapes {
            lengths: [0; 26],
            complete: true,
        };
        for name in names {
            match name.bytes().next() {
                Some(first @ b'a'..=b'z') if name.is_ascii() && name.len() < 64 => {
                    shapes.lengths[usize::from(first - b'a')] |= 1 << name.len();
                }
                _ => shapes.complete = false,
            }
        }
        shapes
    }

    /// Whether the ASCII word `name` may be a brand name in some case.
    fn may_be_brand(&self, name: &str) -> bool {
        if !self.complete {
            return true;
        }
        let Some(first) = name.bytes().next().map(|b| b.to_ascii_lowercase()) else {
            return false;
        };
        first.is_ascii_lowercase()
            && name.len() < 64
            && self.lengths[usize::from(first - b'a')] & (1 << name.len()) != 0
    }
}

static BRAND_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::new(BRAND_NAMES.keys()));

/// The shapes of the listed mixed-case names, which are checked only in
/// words written with a capital.
static LISTED_SHAPES: LazyLock<Shapes> = LazyLock::new(|| {
    let listed: Vec<String> = LISTED_NAMES.keys().map(|k| k.to_string()).collect();
    Shapes::new(listed.iter())
});

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
        // A listed mixed-case name is looked for only in words with a
        // capital first letter (`Openshift`), most words being lower case.
        let capital = name.bytes().next().is_some_and(|b| b.is_ascii_uppercase());
        if name.is_ascii()
            && !BRAND_SHAPES.may_be_brand(name)
            && !(capital && LISTED_SHAPES.may_be_brand(name))
        {
            continue;
        }
        lower.clear();
        if name.is_ascii() {
            lower.extend(name.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            lower.extend(name.chars().flat_map(char::to_lowercase));
        }
        let Some(brand) = brand_of(&lower, capital) else {
            continue;
        };
        if name == brand {
            continue;
        }
        let letters = name.chars().filter(|c| c.is_alphabetic());
        if name.chars().count() > 1 && letters.clone().all(char::is_uppercase) {
            continue;
        }
        if name == lower && lexicon::is_common_word(&lower) {
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

    #[test]
    fn shapes_rule_out_only_words_no_brand_can_be() {
        let names = ["gitlab".to_string(), "zoom".to_string()];
        let shapes = Shapes::new(names.iter());
        assert!(shapes.may_be_brand("GITLAB"));
        assert!(shapes.may_be_brand("Zoom"));
        assert!(!shapes.may_be_brand("gitlabs"));
        assert!(!shapes.may_be_brand("room"));
        assert!(!shapes.may_be_brand("1zoom"));
        let odd = ["élan".to_string()];
        assert!(Shapes::new(odd.iter()).may_be_brand("anything"));
    }
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
    fn finds_listed_mixed_case_names() {
        let found = run(&RULE, "Deploy to Openshift and track it in Hubspot.\n");
        let fixes: Vec<&str> = found
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .map(|f| f.edits[0].replacement.as_str())
            .collect();
        assert_eq!(fixes, vec!["OpenShift", "HubSpot"]);
    }

    #[test]
    fn leaves_urls_code_paths_and_words_alone() {
        let source = "See gitlab.com, `Gitlab`, [GitLab](https://gitlab.com/gitlab-org), \
                      gitlab-org and @gitlab. GITLAB and GitLab's tools. Cut slack; use Slack.\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }
}
