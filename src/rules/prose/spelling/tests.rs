//! Tests of the spelling rule: tiers, variants, coverage and settings.

use super::*;
use crate::rules::testing::{lines, run, run_with};
use crate::rules::Settings;

fn messages(source: &str) -> Vec<String> {
    run(&RULE, source).into_iter().map(|d| d.message).collect()
}

fn with(settings: &Settings, source: &str) -> Vec<Diagnostic> {
    run_with(&RULE, "t.md", source, settings)
}

#[test]
fn known_misspellings_are_errors_with_safe_fixes_in_the_written_case() {
    let found = run(&RULE, "The Enteprise team.\n\nClear criterias.\n");
    assert_eq!(found.len(), 2);
    for (d, right) in found.iter().zip(["Enterprise", "criteria"]) {
        assert_eq!(d.severity, Severity::Error);
        let fix = d.fix.as_ref();
        assert!(
            fix.is_some_and(
                |f| f.applicability == Applicability::Safe && f.edits[0].replacement == right
            ),
            "{d:?}"
        );
    }
}

#[test]
fn likely_typos_are_warnings_with_unsafe_fixes() {
    let found = run(
        &RULE,
        "Run the Customer Satisfaction Servey.\n\nAsk the contorller.\n",
    );
    let firsts: Vec<(&str, Severity)> = found
        .iter()
        .map(|d| (d.suggestions[0].as_str(), d.severity))
        .collect();
    assert_eq!(
        firsts,
        [
            ("Survey", Severity::Warning),
            ("controller", Severity::Warning)
        ]
    );
    assert!(found.iter().all(|d| d
        .fix
        .as_ref()
        .is_some_and(|f| f.applicability == Applicability::Unsafe)));
}

#[test]
fn inflections_english_does_not_make_are_misspellings() {
    let found = run(&RULE, "See the latests plans and run trainings.\n");
    let firsts: Vec<&str> = found.iter().map(|d| d.suggestions[0].as_str()).collect();
    assert_eq!(firsts, ["latest", "training"]);
}

#[test]
fn prefers_words_used_on_the_page() {
    let found = messages("Goals are defined each quarter.\n\nTargets are deined by the team.\n");
    assert_eq!(
        found,
        ["`deined` is not a known word; did you mean `defined`?"]
    );
}

#[test]
fn unknown_words_without_a_clear_correction_are_reported_only_on_request() {
    let source = "We file invoices in Zorbulax every week.\n";
    assert!(messages(source).is_empty());
    let mut settings = Settings::default();
    settings.spelling.report_unknown = true;
    let found = with(&settings, source);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Info);
    assert!(found[0].fix.is_none());
}

#[test]
fn knows_larger_english_names_and_terms() {
    let source = "Sustainability for resellers: transactional, tiered and overarching \
                  ideation; webhooks, endpoints and templating with Zapier and Gmail. \
                  Onboarding, roadmap, stakeholders, SaaS, OKRs and GitLab DevSecOps.\n";
    let found = messages(source);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn accepts_both_variants_unless_one_is_configured() {
    let source = "The behaviour and colour of the organisation; the behavior of the center.\n";
    assert!(messages(source).is_empty());
    let mut settings = Settings::default();
    settings.spelling.variant = Variant::American;
    let fixes: Vec<String> = with(&settings, source)
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .map(|f| f.edits[0].replacement.clone())
        .collect();
    assert_eq!(fixes, ["behavior", "color", "organization"]);
    settings.spelling.variant = Variant::British;
    let found = with(&settings, source);
    let fixes: Vec<&str> = found
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .map(|f| f.edits[0].replacement.as_str())
        .collect();
    assert_eq!(fixes, ["behaviour", "centre"]);
    assert!(found.iter().all(|d| d
        .fix
        .as_ref()
        .is_some_and(|f| f.applicability == Applicability::Safe)));
}

#[test]
fn checks_front_matter_title_and_description() {
    let source = "---\ntitle: Senior Compliance Anaylst\ndescription: \"Owns the Servey\"\nlayout: x\n---\n\nBody.\n";
    assert_eq!(lines(&RULE, source), vec![2, 3]);
}

#[test]
fn stray_capitals_and_words_run_together() {
    let found = run(
        &RULE,
        "Relevant ExperIence with SOCreviews and most ofthe work.\n",
    );
    let firsts: Vec<&str> = found.iter().map(|d| d.suggestions[0].as_str()).collect();
    assert_eq!(firsts, ["Experience", "SOC reviews", "of the"]);
}

#[test]
fn never_splits_or_replaces_a_known_word() {
    let source = "Sustainability, rigour, tiered pricing and Glassdoor scorecarding; \
                  a chargeback in the lockbox; micro and reseller.\n";
    for d in run(&RULE, source) {
        assert!(
            !d.suggestions.iter().any(|s| s.contains(' ')),
            "{}",
            d.message
        );
    }
    let known = "Sustainability, rigour, tiered, micro, reseller.\n";
    assert!(messages(known).is_empty());
}

#[test]
fn skips_code_urls_acronyms_and_digits() {
    let source = "See `Gitlabz` and https://example.com/Servey or [docs](/handbook/Servey/). \
                  KPIs, CSAT, nARR in 30min.\n";
    assert!(messages(source).is_empty());
}

#[test]
fn leaves_mojibake_to_its_rule() {
    assert!(messages("The customerâ€™s view.\n").is_empty());
}

#[test]
fn accepts_configured_words_over_every_tier() {
    let source = "Use Frobnicator daily; the Enteprise plan.\n";
    let mut settings = Settings::default();
    settings.spelling.report_unknown = true;
    assert_eq!(with(&settings, source).len(), 2);
    settings.extra_words = vec!["frobnicator".into(), "Enteprise".into()];
    assert!(with(&settings, source).is_empty());
}

#[test]
fn corpus_keeps_names_used_across_pages() {
    let words = [
        (0, "Frobco"),
        (1, "Frobco"),
        (2, "Frobco"),
        (0, "Enteprise"),
        (1, "Enteprise"),
        (2, "Enteprise"),
        (0, "Zibble"),
        (1, "Zibble"),
    ];
    let vocabulary = corpus_vocabulary(words);
    assert!(vocabulary.contains("frobco"));
    assert!(!vocabulary.contains("enteprise"));
    assert!(!vocabulary.contains("zibble"));
    let lowered = corpus_vocabulary(words.into_iter().chain([(3, "frobco")]));
    assert!(!lowered.contains("frobco"));
}

#[test]
fn candidates_are_the_words_other_pages_could_confirm() {
    let candidates =
        vocabulary_candidates(["Frobco", "Enteprise", "Qorvexa", "Qorvexa", "Wobl", "wobl"]);
    let mut sorted: Vec<&str> = candidates.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    assert_eq!(sorted, ["frobco", "qorvexa"]);
    assert_eq!(vocabulary_key("O\u{2019}Frob"), "o'frob");
}
