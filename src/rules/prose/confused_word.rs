//! `confused-word`: a real word in the wrong place.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::prose::lists::PatternList;
use crate::rules::prose::match_case;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "confused-word",
    group: Group::Prose,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Safe),
    summary: "a real word in the wrong place (\"to identity ingress\" -> identify)",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(super::lists::prepare),
};

const DOCS: &str = "\
Reports a real word used in place of another, found by context patterns:
\"to identity risks\" (identify), \"more then\" (than), \"to loose\" (lose),
\"a one to two interviews\", \"has lead\" (led), \"Principle Accounting
Officer\" (principal), \"accurate, compete and timely\" (complete),
\"thinking though a problem\" (through), \"to aide\" (aid), \"improves
overtime\" (over time), \"travel maybe required\" (may be), \"customer
inquires\" (inquiries), \"compromised of\" (comprised of), \"End or
Quarter\" (of), \"it\u{2019}s key category\" (its), and others.

The patterns are listed in `rules/confused-words.txt`, one regular
expression a line with the replacement and the reason. A handbook adds
its own in `.handbook-lint.toml` (`[lists.confused-words]`, with `files`
or inline `entries` in the same format). A spell checker
cannot find these: every word is in the dictionary. Each pattern reads
the words around the wrong one, so that the right use is left alone:
\"assistance and advice on\" is the noun, \"it's key to\" is \"it is\". When
the pattern gives a replacement, the fix writes it, keeping the word's
capital.

The severity is `warning`: the sentence is wrong, but the page reads.

## Bad

```markdown
- Work with the Security team to identity ingress points
```

## Good

```markdown
- Work with the Security team to identify ingress points
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    // Most blocks hold none of the patterns: one search of the page's
    // prose for the literals each pattern needs tells which patterns to
    // look for in which blocks.
    // Two patterns may find the same word ("accurate, compete and
    // timely"): it is reported once.
    let mut reported: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let patterns = cx.settings.lists.confused();
    for &(index, pattern) in cx.list_matches().candidates(PatternList::Confused) {
        let (Some(segment), Some(pattern)) = (prose.segments.get(index), patterns.get(pattern))
        else {
            continue;
        };
        let Ok(regex) = pattern.regex.get() else {
            continue;
        };
        let text = segment.text.as_str();
        for caps in regex.captures_iter(text) {
            let Some(range) = caps.get_group_by_name("w").map(|w| w.range()) else {
                continue;
            };
            if caps.get_group_by_name("ok").is_some() {
                continue;
            }
            let Some(written) = text.get(range.clone()) else {
                continue;
            };
            if segment.is_technical(&range) || reported.contains(&(index, range.clone())) {
                continue;
            }
            reported.push((index, range.clone()));
            let exact = segment.exact_span(range.clone());
            let span = exact.clone().unwrap_or_else(|| segment.span(range));
            let message = match &pattern.replacement {
                Some(r) => {
                    format!("`{written}` here should be `{r}`: {}", pattern.message)
                }
                None => pattern.message.clone(),
            };
            let mut d = Diagnostic::new(&RULE, span, message).with_label("confused word");
            if let (Some(r), Some(exact)) = (&pattern.replacement, exact) {
                let fixed = match_case(written, r);
                d = d.with_suggestions(vec![fixed.clone()]).with_fix(Fix::safe(
                    format!("write `{fixed}`"),
                    Edit::replace(exact, fixed),
                ));
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn finds_confused_words() {
        let source = "- Work with Security to identity ingress points\n\
                      - Schedule a one to two interviews\n\
                      - Do more then asked\n\
                      - Never loose focus\n";
        assert_eq!(lines(&RULE, source), vec![1, 2, 3, 4]);
        let found = run(&RULE, source);
        let fix = found[0]
            .fix
            .as_ref()
            .map(|f| f.edits[0].replacement.clone());
        assert_eq!(fix.as_deref(), Some("identify"));
        assert!(found[1].fix.is_none());
    }

    #[test]
    fn finds_the_pairs_real_pages_confuse() {
        let source = "- Keep the books accurate, compete and timely\n\
                      - Report to the Principle Accounting Officer\n\
                      - Spend time thinking though the problem; build though leadership\n\
                      - Use data to aide decisions; keep first aide kits\n\
                      - The process improves overtime\n\
                      - Travel maybe required, and there maybe more\n\
                      - Answer customer inquires\n\
                      - A team compromised of analysts\n\
                      - Close the books at the End or Quarter\n\
                      - Invest in it\u{2019}s key category and it's own team\n";
        assert_eq!(
            lines(&RULE, source),
            vec![1, 2, 3, 3, 4, 4, 5, 6, 6, 7, 8, 9, 10, 10]
        );
        let found = run(&RULE, source);
        let fixes: Vec<String> = found
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .map(|f| f.edits[0].replacement.clone())
            .collect();
        assert_eq!(
            fixes,
            vec![
                "complete",
                "Principal",
                "through",
                "thought",
                "aid",
                "aid",
                "over time",
                "may be",
                "may be",
                "inquiries",
                "comprised",
                "of",
                "its",
                "its"
            ]
        );
    }

    #[test]
    fn leaves_correct_usage_alone() {
        let source = "- Manage identity and access\n\
                      - Verify the identity of users\n\
                      - Schedule one or two interviews\n\
                      - Better than expected, then ship\n\
                      - A loose coupling\n\
                      - Give assistance and advice on contracts\n\
                      - Compete with other vendors; it's key to win, it's key that we ask and it's best to ask\n\
                      - Even though the team is small; an aide to the CEO\n\
                      - No one should work overtime; maybe later\n\
                      - The analyst inquires about the budget\n\
                      - The principle of least privilege applies to every engineer\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }
}
