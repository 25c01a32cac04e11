//! `role-reference`: a "reports to" sentence or a Career Ladder paragraph
//! that names a role the family does not know.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;
use regex_automata::{meta, Anchored, Input};

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::{Container, Document};
use crate::family::names::{self, RoleName};
use crate::family::spans::SpanSet;
use crate::family::{JobFamily, Roles, SectionKind};
use crate::pattern::{compile_gated, may_hold_any, may_hold_sequence};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "role-reference",
    group: Group::Family,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Unsafe),
    summary: "a \"reports to\" sentence naming another level or a role foreign to the family, or a Career Ladder paragraph about another family",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(prepare),
};

/// Compiles the "reports to" pattern and builds the search for its word.
/// (The family's patterns are the other family rules' preparation.)
fn prepare() {
    LazyLock::force(&REPORTS_TO);
    LazyLock::force(&REPORT);
}

const DOCS: &str = "\
Reports a \"reports to\" sentence under a level whose subject names
another level of the family, or a role the family does not know at all
(\"The Digital Production Coordinator reports to …\" under the Producer
level), and a Career Ladder paragraph that starts from a job family
foreign to the page (\"The next step in the Technical Writer job family …\"
on a Producer page). Such text was usually copied from another level or
another family's page and not adapted: a reader learns the reporting line
of some other role.

Names are compared as `level-name-mismatch` compares them (word order,
\"of\" and commas, abbreviations such as \"CSA\", \"the Manager role\",
\"(Intermediate)\" do not matter). Under a level, the subject must name that
level. A subject that names no level but a role the family knows (the
title, another rung of a level's or the title's role such as \"Staff
Producer\", or a role one of the page's headings names) is left alone, and
so is the level's name without its seniority (\"The Analyst reports to\" in
the Senior Analyst's description) when no level has that name. A
sentence whose object is the level itself (\"Each Analyst reports to the
Manager, Analytics\" under the Manager level) tells who reports to the
level and is left alone. Outside the levels, and in Career Ladder
paragraphs, a name is foreign only when it shares no word (other than a
rank such as \"Senior\" or \"Manager\") with the title, the levels, the
headings, the page's path or its description. Subjects that are not names
(\"This role reports to\", \"The person in this role\"), plural subjects
(\"The Senior and Staff Analysts report to\") and subjects that name no
person (\"The Quarterly Business Review reports to\": a foreign name must
end in a title noun, an abbreviation or an agent noun such as
\"Coordinator\") are not read. A subject one letter or two away from the
level's name is reported as a likely misspelling.

Under a level, the fix writes the level's name in place of the other
one, and for a misspelling the level's spelling of the word (unsafe fixes:
the heading may be the stale side).

The default severity is `warning`: the page still reads, but a reader may
take the reporting line of another role for this one's.

## Bad

```markdown
### Producer

The Producer is a [grade 6](/handbook/total-rewards/#job-grades).

The Digital Production Coordinator reports to the Manager, Digital Production.
```

## Good

```markdown
### Producer

The Producer is a [grade 6](/handbook/total-rewards/#job-grades).

The Producer reports to the Manager, Digital Production.
```
";

/// "reports to": a singular (or modal) "report to" or "report into".
/// It runs on text that holds "report" and on the rest of the line of a
/// "reports to" sentence's subject, so it is compiled without a
/// prefilter.
static REPORTS_TO: LazyLock<meta::Regex> =
    LazyLock::new(|| compile_gated(REPORTS_TO_PATTERN).expect("constant pattern"));

/// The word every match of [`REPORTS_TO`] holds, searched for by its
/// rarer letters rather than by its common first one.
static REPORT: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("report"));

/// [`REPORTS_TO`]'s pattern.
const REPORTS_TO_PATTERN: &str =
    r"\s+(?:reports|(?:will|would|may|shall|should|can)\s+report)\s+(?:directly\s+)?(?:in)?to\b";

/// Abbreviated words whose full stop ends no sentence ("Sr. Director").
const ABBREVIATED: &[&str] = &["sr", "jr", "snr", "st", "mgr", "assoc"];

/// What starts a sentence whose subject names a role.
const ARTICLES: &[&str] = &["The ", "A ", "An ", "Each ", "Our "];

/// The subjects of the "reports to" sentences of `text`, as ranges of it:
/// from after "The" at the sentence's start to the verb.
fn subjects(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Every match holds "report": most texts are ruled out by a search for
    // it, which is much faster than the pattern's.
    if REPORT.find(text.as_bytes()).is_none() {
        return out;
    }
    for m in REPORTS_TO.find_iter(text) {
        let before = &text[..m.start()];
        let start = sentence_start(before);
        let sentence = &before[start..];
        let Some(article) = ARTICLES.iter().find(|a| sentence.starts_with(**a)) else {
            continue;
        };
        let from = start + article.len();
        let name = text[from..m.start()].trim_end_matches([',', ' ']);
        if !name.is_empty() {
            out.push(from..from + name.len());
        }
    }
    out
}

/// Where the last sentence of `text` starts: after the last ". ", "! ",
/// "? ", "; " or ": " that is no abbreviation's ("Sr. Director").
fn sentence_start(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = text.len();
    while i > 1 {
        i -= 1;
        if bytes[i] != b' ' || !matches!(bytes[i - 1], b'.' | b'!' | b'?' | b';' | b':') {
            continue;
        }
        let word_start = text[..i - 1]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |p| p + 1);
        let word = text[word_start..i - 1].to_ascii_lowercase();
        if bytes[i - 1] == b'.' && ABBREVIATED.contains(&word.as_str()) {
            continue;
        }
        return i + 1;
    }
    0
}

/// The job family a Career Ladder paragraph starts from: "The next step
/// in the X job family", "Team members in the X job family" …
/// (Run only on text that holds its words in order: see
/// [`family_subjects`].)
static NEXT_STEP: LazyLock<meta::Regex> =
    LazyLock::new(|| compile_gated(NEXT_STEP_PATTERN).expect("constant pattern"));

/// [`NEXT_STEP`]'s pattern.
const NEXT_STEP_PATTERN: &str = r"(?i:\bnext\s+steps?\s+(?:in|for|of|within)|\bmembers\s+(?:in|of))\s+(?:(?i:the)\s+)?([A-Z][^!?;:\n]{0,100}?)\s+(?i:job\s+family)\b";

/// What [`NEXT_STEP`] matches before the family's name (and its "the"):
/// "next step in", "members of" and the spaces after them.
static NEXT_STEP_LEAD_IN: LazyLock<meta::Regex> = LazyLock::new(|| {
    compile_gated(r"(?i:next\s+steps?\s+(?:in|for|of|within)|members\s+(?:in|of))\s+")
        .expect("constant pattern")
});

/// … or "The X Job Family would move".
static FAMILY_FIRST: LazyLock<meta::Regex> =
    LazyLock::new(|| compile_gated(FAMILY_FIRST_PATTERN).expect("constant pattern"));

/// [`FAMILY_FIRST`]'s pattern.
const FAMILY_FIRST_PATTERN: &str = r"^(?:(?i:the)\s+)?([A-Z][^!?;:\n]{0,100}?)\s+(?i:job\s+family)\s+(?i:would|will|next|may|is|has|can)\b";

/// Words that may sit inside a name in lower case.
const JOINING: &[&str] = &[
    "of", "and", "&", "the", "for", "to", "in", "on", "at", "with", "-", "–",
];

/// Whether `text` reads as one role's name: one to ten words, each
/// capitalised (or a joining word), no sentence break, no list of roles.
fn is_name(text: &str) -> bool {
    // Words in brackets may be lower case: "(people manager)".
    let mut plain = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 || text.contains(", and ") {
        return false;
    }
    // "Sr. Director" is a name; "Analyst. The" is two sentences.
    let sentence_break = words.windows(2).any(|w| {
        w[0].ends_with('.')
            && !ABBREVIATED.contains(&w[0].trim_end_matches('.').to_ascii_lowercase().as_str())
    });
    !sentence_break
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '*' | '_' | '"' | '“' | '”'));
            w.is_empty()
                || JOINING.contains(&w.to_ascii_lowercase().as_str())
                || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// A role named in prose, and where.
struct Mention {
    /// The name as written.
    text: String,
    /// Its span in the page.
    span: Range<usize>,
}

/// The names that `find` finds (as ranges of a run's text) in the page's
/// prose where `within` holds (paragraphs and list items, link text
/// aside).
fn mentions(
    doc: &Document,
    find: &dyn Fn(&str) -> Vec<Range<usize>>,
    within: &dyn Fn(usize) -> bool,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for run in &doc.texts {
        if run.link.is_some()
            || !matches!(run.container, Container::Paragraph | Container::Item(_))
            || !run.is_verbatim()
            || !within(run.span.start)
        {
            continue;
        }
        for r in find(&run.text) {
            let text = run.text[r.clone()].trim_end_matches([',', ' ']);
            if !is_name(text) {
                continue;
            }
            let start = run.span.start + r.start;
            out.push(Mention {
                text: text.to_string(),
                span: start..start + text.len(),
            });
        }
    }
    out
}

/// The job families that Career Ladder text starts from, as ranges of
/// `text`.
fn family_subjects(text: &str) -> Vec<Range<usize>> {
    // Every match holds "family" in some case, and the words before
    // or after it.
    if !may_hold_any(text, &[b"family"]) {
        return Vec::new();
    }
    let next_step = may_hold_sequence(
        text,
        &[
            &["next"],
            &["step", "steps"],
            &["in", "for", "of", "within"],
        ],
    ) || may_hold_sequence(text, &[&["members"], &["in", "of"]]);
    let family_first = may_hold_sequence(
        text,
        &[
            &["family"],
            &["would", "will", "next", "may", "is", "has", "can"],
        ],
    );
    let mut subjects = Vec::new();
    if next_step {
        subjects.extend(NEXT_STEP.find_iter(text).filter_map(|m| {
            let matched = &text[m.range()];
            let lead_in = NEXT_STEP_LEAD_IN.search(&Input::new(matched).anchored(Anchored::Yes))?;
            let subject = subject_in(matched, lead_in.end(), matched.len())?;
            Some(m.start() + subject.start..m.start() + subject.end)
        }));
    }
    if family_first {
        subjects.extend(FAMILY_FIRST.find(text).and_then(|m| {
            // The verb after "job family", then the spaces before it.
            let verb = text[..m.end()].rfind(char::is_whitespace)?;
            subject_in(text, 0, text[..verb].trim_end().len())
        }));
    }
    subjects
}

/// The group of [`NEXT_STEP`] and [`FAMILY_FIRST`], read from their match
/// without the regex crate's capture search (which walks the bounded
/// repetition's many states): the name in `matched[..end]`, which ends
/// with `\s+job\s+family` in any case, where the name starts at `start`
/// or after a "the" there.
///
/// The name ends at the spaces before "job family": it is the shortest
/// that the rest of the match follows. It starts after the "the" when
/// spaces and a capital `A`-`Z` follow the "the", since the pattern tries
/// the name without it first; otherwise at `start`. Nothing else needs
/// checking: the match holds a name of at most 101 characters without
/// `!?;:` or a line break, and the name without the "the" lies inside
/// the name with it.
fn subject_in(matched: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let job_family = matched.get(..end)?;
    let family = job_family.len().checked_sub(6).filter(|&at| {
        job_family
            .get(at..)
            .is_some_and(|w| w.eq_ignore_ascii_case("family"))
    })?;
    let job = job_family[..family].trim_end();
    let job = job
        .len()
        .checked_sub(3)
        .filter(|&at| job.get(at..).is_some_and(|w| w.eq_ignore_ascii_case("job")))?;
    let name_end = job_family[..job].trim_end().len();
    let name = matched.get(start..name_end)?;
    let after_the = name
        .get(..3)
        .filter(|w| w.eq_ignore_ascii_case("the"))
        .map(|_| name[3..].trim_start())
        .filter(|after| {
            after.len() < name.len() - 3 && after.starts_with(|c: char| c.is_ascii_uppercase())
        });
    Some(match after_the {
        Some(after) => name_end - after.len()..name_end,
        None => start..name_end,
    })
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let family = cx.family();
    if !family.is_job_family {
        return;
    }
    let reports = mentions(doc, &subjects, &|_| true);
    let ladders = ladder_spans(doc, family);
    let starts = if ladders.is_empty() {
        Vec::new()
    } else {
        mentions(doc, &family_subjects, &|at| ladders.contains(at))
    };
    if reports.is_empty() && starts.is_empty() {
        return;
    }
    let roles = cx.roles();
    for m in &reports {
        let level = family
            .levels
            .iter()
            .position(|l| !l.is_implicit() && l.span.contains(&m.span.start));
        match level {
            Some(i) => under_level(doc, family, roles, i, m, out),
            None => family_wide(roles, m, "the reports-to sentence names", true, out),
        }
    }
    for m in &starts {
        family_wide(roles, m, "the Career Ladder starts from", false, out);
    }
}

/// The spans of the family's Career Ladder sections, its levels' ones
/// included.
fn ladder_spans(doc: &Document, family: &JobFamily) -> SpanSet {
    let family_wide = family
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::CareerLadder)
        .map(|s| s.heading);
    let in_levels = family
        .levels
        .iter()
        .flat_map(|l| &l.subheadings)
        .filter(|s| s.kind == Some(SectionKind::CareerLadder))
        .map(|s| s.heading);
    SpanSet::new(
        family_wide
            .chain(in_levels)
            .map(|h| doc.sections[h].span.clone()),
    )
}

/// A reports-to sentence under level `i`: its subject must name the
/// level, and may not name another level; a name that is no level's must
/// at least be a role the family knows.
fn under_level(
    doc: &Document,
    family: &JobFamily,
    roles: &Roles,
    i: usize,
    m: &Mention,
    out: &mut Vec<Diagnostic>,
) {
    let level = &family.levels[i];
    let written = RoleName::read(&m.text);
    if written.is_empty() || level.answers_to(&m.text) || roles.names_level(&written, i) {
        return;
    }
    let exact = family.resolve(&m.text).filter(|&j| j != i);
    // Prose may drop the level's seniority ("The Analyst reports to" in
    // the Senior Analyst's description) when no level has that name.
    let unranked = !written.words().iter().any(|w| names::SENIORITY.contains(w));
    let own_role = roles.level(i).map(RoleName::without_seniority);
    if exact.is_none()
        && unranked
        && own_role.is_some_and(|r| names::same_role(&written, &r))
        && roles.other_level(&written, i).is_none()
    {
        return;
    }
    if object_names_level(doc, family, roles, i, m) {
        // "Each Producer reports to the Manager, Production" under the
        // Manager level: the level's own team, not a copied line.
        return;
    }
    let name = family.name_for(i, &m.text);
    let replace = |d: Diagnostic| {
        d.with_fix(Fix::unsafe_(
            format!("write `{name}`"),
            Edit::replace(m.span.clone(), name.clone()),
        ))
    };
    if exact.is_none() {
        if let Some((wrong, right)) = roles.level(i).and_then(|l| names::typo(&written, l)) {
            let mut d = Diagnostic::new(
                &RULE,
                m.span.clone(),
                format!(
                    "the reports-to sentence names `{}`: `{wrong}` looks like a misspelling of `{right}` in the level's name `{}`",
                    m.text, level.name
                ),
            );
            if let Some(at) = word_in(doc, &m.span, &wrong) {
                d = d.with_fix(Fix::unsafe_(
                    format!("write `{right}`"),
                    Edit::replace(at, right.clone()),
                ));
            }
            out.push(d);
            return;
        }
    }
    if let Some(j) = exact.or_else(|| roles.other_level(&written, i)) {
        out.push(replace(
            Diagnostic::new(
                &RULE,
                m.span.clone(),
                format!(
                    "the reports-to sentence names `{}`, but it sits under the level `{}`",
                    m.text, level.name
                ),
            )
            .with_label(format!(
                "`{}` is another level of this family",
                family.levels[j].name
            ))
            .with_help(format!("copied from that level? Name this one: `{name}`")),
        ));
        return;
    }
    if roles.knows(&written) || !written.names_a_person() {
        // The title, another rung of a role, or a role a heading names
        // (a level the page wrote where the family does not read one); or
        // no person at all ("The Quarterly Business Review reports to").
        return;
    }
    out.push(replace(
        Diagnostic::new(
            &RULE,
            m.span.clone(),
            format!(
                "the reports-to sentence names `{}`, a role this family does not know, under the level `{}`",
                m.text, level.name
            ),
        )
        .with_label("no level or heading of this page names this role")
        .with_help(format!("copied from another family? Name the level: `{name}`")),
    ));
}

/// Whether the object of the reports-to sentence whose subject is `m`
/// names level `i` itself: the sentence then tells who reports to the
/// level.
fn object_names_level(
    doc: &Document,
    family: &JobFamily,
    roles: &Roles,
    i: usize,
    m: &Mention,
) -> bool {
    let rest = doc.text(m.span.end..doc.source.len());
    let line = rest.split('\n').next().unwrap_or("");
    let Some(verb) = REPORTS_TO.find(line).filter(|v| v.start() == 0) else {
        return false;
    };
    let object = leading_name(&line[verb.end()..]);
    !object.is_empty()
        && (family.levels[i].answers_to(&object) || roles.names_level(&RoleName::read(&object), i))
}

/// The capitalised name that starts `text` ("the [Manager, Sales](#x) for
/// the region" gives "Manager, Sales"): an article, link brackets and
/// what follows the name left out.
fn leading_name(text: &str) -> String {
    let text = text.trim_start();
    let end = text.find([']', '(', ';', '\n']).unwrap_or(text.len());
    let mut words: Vec<&str> = Vec::new();
    for (n, raw) in text[..end].split_whitespace().enumerate() {
        let word = raw.trim_start_matches('[');
        let lower = word.to_ascii_lowercase();
        if n == 0 && matches!(lower.as_str(), "the" | "a" | "an" | "our") {
            continue;
        }
        let capital = word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !capital && !JOINING.contains(&lower.as_str()) {
            break;
        }
        words.push(word);
        if word.ends_with('.') && !ABBREVIATED.contains(&lower.trim_end_matches('.')) {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| JOINING.contains(&w.to_ascii_lowercase().as_str()))
    {
        words.pop();
    }
    words.join(" ").trim_end_matches(['.', ',']).to_string()
}

/// A name outside the levels (or on a page with a single role): foreign
/// only when it shares no word with anything the family names.
fn family_wide(roles: &Roles, m: &Mention, what: &str, person: bool, out: &mut Vec<Diagnostic>) {
    let written = RoleName::read(&m.text);
    if written.is_empty()
        || (person && !written.names_a_person())
        || roles.knows(&written)
        || roles.shares_a_word(&written)
    {
        return;
    }
    let title = roles
        .title()
        .map(|_| "the page's title, levels and headings")
        .unwrap_or("the page's levels and headings");
    out.push(
        Diagnostic::new(
            &RULE,
            m.span.clone(),
            format!("{what} `{}`, a role foreign to this family", m.text),
        )
        .with_label(format!("shares no word with {title}"))
        .with_help("was it copied from another family's page?"),
    );
}

/// Where `word` is written inside `span`, as a whole word.
fn word_in(doc: &Document, span: &Range<usize>, word: &str) -> Option<Range<usize>> {
    let text = doc.text(span.clone());
    let mut from = 0;
    while let Some(p) = text[from..].find(word) {
        let start = from + p;
        let end = start + word.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(span.start + start..span.start + end);
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn reports_to_matches_as_the_regex_crate_does() {
        let reference = Regex::new(REPORTS_TO_PATTERN).expect("pattern");
        let pieces = [
            " ", "\n", "\u{a0}", "reports", "report", "will", "can", "directly", "in", "to", "x",
            "ſ",
        ];
        let mut random = crate::testing::Lcg(9);
        let mut matched = 0;
        for _ in 0..5000 {
            let text = random.mutate(
                "The Lead reports directly into the VP and will report to",
                &pieces,
                4,
            );
            matched += crate::testing::assert_same_matches(&reference, &REPORTS_TO, &text);
        }
        assert!(matched > 1000, "{matched}");
    }

    fn page(body: &str) -> String {
        format!(
            "---\ntitle: Producer\n---\n\nProducers make our videos.\n\n## Levels\n\n### Producer\n\nThe Producer is a grade 6.\n\n{body}\n\n#### Responsibilities\n\n- Produce\n\n### Senior Producer\n\nThe Senior Producer is a grade 7.\n\n#### Responsibilities\n\n- Extends the Producer responsibilities\n\n## Career Ladder\n\nThe next step in the Producer job family is the Manager, Digital Production job family.\n"
        )
    }

    #[test]
    fn a_subject_naming_a_foreign_role() {
        let s =
            page("The Digital Production Coordinator reports to the Manager, Digital Production.");
        assert_eq!(lines(&RULE, &s), vec![13]);
        let found = run(&RULE, &s);
        let fix = found[0]
            .fix
            .as_ref()
            .map(|f| f.edits[0].replacement.as_str());
        assert_eq!(fix, Some("Producer"));
    }

    #[test]
    fn subjects_that_name_the_level_or_a_known_role() {
        for sentence in [
            "The Producer reports to the Manager, Digital Production.",
            "The Producer role reports to the Manager.",
            "The Producer (Intermediate) will report into the Manager.",
            "The Staff Producer reports to the Manager.",
            "This role reports to the Manager, Digital Production.",
            "The person in this role reports to the Manager.",
            "The Producers and Editors report to the Manager.",
            "Weekly, the Producer reports to the team.",
        ] {
            assert!(lines(&RULE, &page(sentence)).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn a_subject_naming_another_level() {
        let s = page("The Senior Producer reports to the Manager.");
        let found = run(&RULE, &s);
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .label
            .as_deref()
            .is_some_and(|l| l.contains("another level")));
    }

    #[test]
    fn a_sentence_about_the_levels_own_team() {
        // Under the Senior Producer level: its own reports.
        let s = page("").replace(
            "The Senior Producer is a grade 7.",
            "The Senior Producer is a grade 7. Each Producer reports to the [Senior Producer](#senior-producer) of the region.",
        );
        assert!(lines(&RULE, &s).is_empty());
        let copied = s.replace("reports to the [Senior", "reports to the [Staff");
        assert_eq!(lines(&RULE, &copied), vec![21]);
    }

    #[test]
    fn leading_names() {
        assert_eq!(
            leading_name(" the [Manager, FP&A](#manager-fpa)."),
            "Manager, FP&A"
        );
        assert_eq!(
            leading_name(" a Sr. Manager of Sales for the region."),
            "Sr. Manager of Sales"
        );
        assert_eq!(leading_name(" Director, Brand. The"), "Director, Brand");
        assert_eq!(leading_name(" the team."), "");
        assert_eq!(leading_name(""), "");
    }

    #[test]
    fn a_misspelt_subject() {
        let s = page("The Prodcuer reports to the Manager.");
        let found = run(&RULE, &s);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("misspelling"),
            "{}",
            found[0].message
        );
        let fix = found[0]
            .fix
            .as_ref()
            .map(|f| f.edits[0].replacement.as_str());
        assert_eq!(fix, Some("Producer"));
    }

    #[test]
    fn career_ladder_paragraphs() {
        let clean = page("");
        assert!(lines(&RULE, &clean).is_empty());
        let copied = clean.replace(
            "The next step in the Producer job family",
            "The next step in the Technical Writer job family",
        );
        assert_eq!(lines(&RULE, &copied), vec![29]);
        // Naming the family another way is fine.
        let other = clean.replace(
            "The next step in the Producer job family",
            "The Digital Production Job Family would move",
        );
        assert!(lines(&RULE, &other).is_empty());
    }

    #[test]
    fn subjects_start_at_the_sentence() {
        let text = "The Producer is a grade 6. The Sr. Producer, reports to the Manager.";
        let found: Vec<&str> = subjects(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, vec!["Sr. Producer"]);
        assert!(subjects("Producer reports to").is_empty());
        assert!(subjects(". reports to").is_empty());
    }

    #[test]
    fn names_and_sentences() {
        assert!(is_name("Senior Manager, CSA"));
        assert!(is_name("Manager, Channel Sales (people manager)"));
        assert!(is_name("Sr. Director of Customer Success"));
        assert!(!is_name("person in this role"));
        assert!(!is_name("Analyst. The Manager"));
        assert!(!is_name(
            "Product Manager, Engineering Manager, and Designer"
        ));
        assert!(!is_name(""));
    }

    #[test]
    fn the_word_tests_rule_out_only_texts_without_a_subject() {
        const PIECES: &[&str] = &[
            "The",
            "the",
            "next step in",
            "Next steps\tfor",
            "next step is",
            "step",
            "of",
            "members of",
            "Members  in",
            "members",
            "Data",
            "Analyst",
            "Manager,",
            "job family",
            "Job Family would",
            "job family is",
            "family can",
            "will",
            "may",
            "move",
            "\u{a0}",
            ".",
            "ſ",
            "ſteps in",
            "THE",
            "The the",
            "Theory",
            "TheData",
            "\n",
            "!",
            "lower",
            "job",
            "family",
            "İ",
            "K",
            "Abcdefghijklmnopqrstuvwxyz Abc",
        ];
        // The regex crate's own reading of the patterns, on every text.
        let patterns = [NEXT_STEP_PATTERN, FAMILY_FIRST_PATTERN]
            .map(|p| Regex::new(p).expect("constant pattern"));
        let mut rng = crate::testing::Lcg(3);
        let mut found = 0;
        for _ in 0..40_000 {
            let text = rng.phrase(PIECES, 12);
            let every: Vec<Range<usize>> = patterns
                .iter()
                .flat_map(|p| p.captures_iter(&text))
                .filter_map(|c| c.get(1).map(|m| m.range()))
                .collect();
            assert_eq!(family_subjects(&text), every, "{text:?}");
            found += every.len();
        }
        assert!(found > 50, "{found}");
    }
}
