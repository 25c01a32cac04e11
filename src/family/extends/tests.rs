//! Tests of parsing and splitting "Extends …" items.

use super::parse::parse_words;
use super::*;
use crate::family::names;
use crate::family::ListKind;

#[test]
fn the_first_letter_shortcut_changes_no_parse() {
    let starts = [
        "", " ", "\t", "**", "“", "\u{a0}", "- ", "e", "E", "x", "1", "é", "** ", "_",
    ];
    let words = [
        "Extends",
        "extends",
        "EXTENDS",
        "Extend",
        "extends:",
        "Extends.",
        "Expands",
        "Extendsx",
        "Other",
        "the",
        "Analyst",
        "requirements",
        "of",
    ];
    for start in starts {
        for first in words {
            for rest in ["", " the Analyst requirements", " responsibilities of X."] {
                let text = format!("{start}{first}{rest}");
                assert_eq!(parse(&text), parse_words(&text), "{text:?}");
            }
        }
    }
}

struct Names(Vec<&'static str>);

impl Levels for Names {
    fn resolves(&self, name: &str) -> bool {
        let key = names::key(name);
        self.0.iter().any(|n| names::key(n) == key)
    }
    fn ends_a_name(&self, word: &str) -> bool {
        self.0
            .iter()
            .any(|n| names::tokens(n).last().is_some_and(|w| w == word))
    }
}

fn family() -> Names {
    Names(vec![
        "Data Analyst (Intermediate)",
        "Senior Data Analyst",
        "Manager, Data",
    ])
}

/// (reference, stated kind, fused) for an item's text.
fn read(text: &str) -> Option<(String, Option<ListKind>, Option<String>)> {
    let p = parse(text)?;
    let s = split(text, p.body.clone(), &family());
    let stated = p.stated.map(|(k, _)| k).or(s.stated.map(|(k, _)| k));
    Some((
        text[s.reference].to_string(),
        stated,
        s.fused.map(|f| text[f].to_string()),
    ))
}

#[test]
fn the_five_forms() {
    use ListKind::*;
    assert_eq!(
        read("Extends the Senior Data Analyst responsibilities"),
        Some(("Senior Data Analyst".into(), Some(Responsibilities), None))
    );
    assert_eq!(
        read("Extends that of the Data Analyst (Intermediate) requirements"),
        Some((
            "Data Analyst (Intermediate)".into(),
            Some(Requirements),
            None
        ))
    );
    assert_eq!(
        read("Extends to that of an Associate Data Analyst"),
        Some(("Associate Data Analyst".into(), None, None))
    );
    assert_eq!(
        read("Extends responsibilities of Senior Data Analysts"),
        Some(("Senior Data Analysts".into(), Some(Responsibilities), None))
    );
    assert_eq!(
        read("Extends: Manager, Data"),
        Some(("Manager, Data".into(), None, None))
    );
    assert_eq!(
        read("Extends Senior Data Analyst."),
        Some(("Senior Data Analyst".into(), None, None))
    );
    assert_eq!(
        read("Extends the Senior level"),
        Some(("Senior".into(), None, None))
    );
    assert_eq!(
        read("Extends the Manager, Data job family requirements. See below."),
        Some((
            "Manager, Data".into(),
            Some(Requirements),
            Some("See below".into())
        ))
    );
    assert_eq!(
        read("Extends the Senior Data Analyst's responsibilities, plus:"),
        Some(("Senior Data Analyst's".into(), Some(Responsibilities), None))
    );
    assert_eq!(
        read("Extends the Manager, Data requirements. Also:").map(|r| r.2),
        Some(None)
    );
}

#[test]
fn other_items_are_not_extends() {
    assert_eq!(read("Extensive experience with SQL"), None);
    assert_eq!(read("Extend the reach of the team"), None);
    assert_eq!(read(""), None);
}

#[test]
fn fused_text_after_a_resolving_name() {
    assert_eq!(
        read("Extends: Senior Data Analyst Experience working with executives"),
        Some((
            "Senior Data Analyst".into(),
            None,
            Some("Experience working with executives".into())
        ))
    );
}

#[test]
fn fused_text_after_a_list_word() {
    assert_eq!(
        read("Extends the Senior Data Analyst requirements Own the roadmap"),
        Some((
            "Senior Data Analyst".into(),
            Some(ListKind::Requirements),
            Some("Own the roadmap".into())
        ))
    );
    // Lower case after the list word reads as one sentence.
    assert_eq!(
        read("Extends the Senior Data Analyst requirements and more").map(|r| r.2),
        Some(None)
    );
}

#[test]
fn fused_text_after_an_unknown_name() {
    assert_eq!(
        read("Extends responsibilities of Sr Analysts own the data roadmap for finance"),
        Some((
            "Sr Analysts".into(),
            Some(ListKind::Responsibilities),
            Some("own the data roadmap for finance".into())
        ))
    );
    // Too short to be a sentence of its own.
    assert_eq!(
        read("Extends Principal Analyst Data").map(|r| r.2),
        Some(None)
    );
    // A comma carries the name on.
    assert_eq!(
        read("Extends Lead Analyst, Data Platform Team Europe").map(|r| r.2),
        Some(None)
    );
}

#[test]
fn stated_kind_spans_point_at_the_word() {
    let text = "Extends responsibilities of X";
    let p = parse(text).map(|p| p.stated.map(|(_, r)| &text[r]));
    assert_eq!(p, Some(Some("responsibilities")));
}
