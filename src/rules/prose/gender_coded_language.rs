//! `gender-coded-language`: the page leans masculine-coded, or praises
//! innate talent.

use std::collections::{BTreeMap, HashSet};

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::prose::data::{Entry, CODED};
use crate::rules::prose::lists::PhraseList;
use crate::rules::prose::{PhraseMatch, Segment};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "gender-coded-language",
    group: Group::Prose,
    severity: Severity::Info,
    fix: Fixable::No,
    summary: "the page leans masculine-coded or fixed-mindset, listing the words and neutral alternatives",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(super::lists::prepare),
};

const DOCS: &str = "\
Reports, once per page, wording that research links to fewer applications
from women: masculine-coded words (\"competitive\", \"dominate\",
\"fearless\", \"driven\", …) when they outnumber the feminine-coded ones
(\"collaborative\", \"support\", \"understand\", …) by at least four, and,
separately, fixed-mindset wording that praises innate talent
(\"brilliant\", \"genius\", \"natural talent\").

The word lists follow Gaucher, Friesen & Kay (2011), as word stems the way
Kat Matfield's Gender Decoder publishes them; the fixed-mindset list
follows Emerson & Murphy (2015). Both are in
`rules/gender-coded.txt` with neutral alternatives. The finding sits at
the first coded word and lists every coded word with its count and
alternatives.

Words in headings do not count, and neither do other words of the same
stem anywhere on the page (a \"Data Analyst\" page may speak of
analytics): level and section names (\"Lead\", \"Analyst\", \"Responsibilities\")
are titles, not wording. A few coded words are not a lean (\"lead\", \"analysis\" and
\"decisions\" are everyday words in a job family): the page must have at
least four more masculine-coded words than feminine-coded ones.

## Bad

```markdown
- Competitive, fearless and driven: dominate the market
- Assertive and decisive under pressure
```

## Good

```markdown
- Motivated and collaborative: grow the market with the team
- Clear and steady under pressure; supports the team
```
";

/// How many more masculine-coded than feminine-coded words make a lean.
pub const LEAN: usize = 4;

struct Hit<'e> {
    entry: &'e Entry,
    word: String,
    span: std::ops::Range<usize>,
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    // A coded stem that names the role or a section ("Analyst", "Lead")
    // is the job's vocabulary, not wording: none of its uses count.
    let found: Vec<(&Segment, &PhraseMatch)> = cx
        .list_matches()
        .phrases(PhraseList::GenderCoded)
        .iter()
        .filter_map(|(index, m)| Some((prose.segments.get(*index)?, m)))
        .collect();
    let structural: HashSet<usize> = found
        .iter()
        .filter(|(s, _)| s.is_heading())
        .map(|(_, m)| m.term)
        .collect();
    let mut hits: Vec<Hit<'_>> = Vec::new();
    for (segment, m) in found.into_iter().filter(|(s, _)| !s.is_heading()) {
        if structural.contains(&m.term) {
            continue;
        }
        let Some(entry) = CODED.get(m.term) else {
            continue;
        };
        let word = segment.text[m.range.clone()].to_lowercase();
        hits.push(Hit {
            entry,
            word,
            span: segment.span(m.range.clone()),
        });
    }
    fn of<'h, 'e>(hits: &'h [Hit<'e>], section: &'static str) -> impl Iterator<Item = &'h Hit<'e>> {
        hits.iter().filter(move |h| h.entry.section == section)
    }
    let masculine = of(&hits, "masculine").count();
    let feminine = of(&hits, "feminine").count();
    if masculine >= feminine + LEAN {
        let first_masculine = of(&hits, "masculine").next();
        if let Some(first) = first_masculine {
            out.push(
                Diagnostic::new(
                    &RULE,
                    first.span.clone(),
                    format!(
                        "the page leans masculine-coded ({masculine} masculine-coded words, \
                         {feminine} feminine-coded): {}",
                        listing(of(&hits, "masculine"))
                    ),
                )
                .with_label("first masculine-coded word")
                .with_help("rephrase some of these with the neutral alternatives"),
            );
        }
    }
    let first_fixed = of(&hits, "fixed-mindset").next();
    if let Some(first) = first_fixed {
        out.push(
            Diagnostic::new(
                &RULE,
                first.span.clone(),
                format!(
                    "fixed-mindset wording praises innate talent: {}",
                    listing(of(&hits, "fixed-mindset"))
                ),
            )
            .with_label("fixed-mindset word")
            .with_help("describe skills that can be learned and grown"),
        );
    }
}

/// "competitive ×2 (strong, capable), driven (motivated)".
fn listing<'a, 'e: 'a>(hits: impl Iterator<Item = &'a Hit<'e>>) -> String {
    let mut words: BTreeMap<&str, (usize, &Entry)> = BTreeMap::new();
    for hit in hits {
        words.entry(hit.word.as_str()).or_insert((0, hit.entry)).0 += 1;
    }
    words
        .into_iter()
        .map(|(word, (count, entry))| {
            let times = if count > 1 {
                format!(" ×{count}")
            } else {
                String::new()
            };
            if entry.alternatives.is_empty() {
                format!("{word}{times}")
            } else {
                format!("{word}{times} ({})", entry.alternatives.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn reports_a_masculine_lean_once() {
        let source = "- Competitive, fearless and driven\n- Dominate the market; be decisive\n";
        assert_eq!(lines(&RULE, source), vec![1]);
        let found = run(&RULE, source);
        assert!(found[0].message.contains("competitive (strong, capable)"));
        assert!(found[0].message.contains("5 masculine-coded"));
    }

    #[test]
    fn balanced_pages_and_titles_do_not_count() {
        let balanced =
            "- Competitive, fearless and driven\n- Collaborative, supportive, understanding\n";
        assert_eq!(lines(&RULE, balanced), Vec::<usize>::new());
        let titles = "## Lead Analyst\n\n- The Lead Analyst works with the Lead Analyst team and a Lead Analyst\n";
        assert_eq!(lines(&RULE, titles), Vec::<usize>::new());
        let stems = "## Data Analyst\n\n- Analytics, analysis and analytical work for analysts\n";
        assert_eq!(lines(&RULE, stems), Vec::<usize>::new());
    }

    #[test]
    fn reports_fixed_mindset_wording() {
        assert_eq!(
            lines(&RULE, "- A brilliant engineer with natural talent\n"),
            vec![1]
        );
    }
}
