//! Every rule's fixtures: `bad*.md` pages give exactly the findings of
//! that rule listed in `expect.toml`; `good*.md` pages give no finding at
//! all, from any rule.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use handbook_lint::config::Config;
use handbook_lint::engine::{LintedFile, Linter, Selection};
use handbook_lint::rules;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expect {
    #[serde(default)]
    finding: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    file: String,
    rule: String,
    line: usize,
    /// The finding's severity, when the fixture pins it.
    severity: Option<String>,
    /// The finding's first suggestion, when the fixture pins it.
    suggestion: Option<String>,
}

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn rule_folders() -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = fs::read_dir(fixtures_root())
        .expect("fixtures folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir() && p.file_name().is_some_and(|n| n != "trees"))
        .collect();
    folders.sort();
    folders
}

/// Every set of fixtures with the rule it is for: each rule folder, and
/// each sub-folder of one that holds an `expect.toml` (a set with a
/// configuration of its own, such as a rule setting).
fn fixture_sets() -> Vec<(String, PathBuf)> {
    let mut sets = Vec::new();
    for folder in rule_folders() {
        let id = folder
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let mut subfolders: Vec<PathBuf> = fs::read_dir(&folder)
            .expect("fixture folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir() && p.join("expect.toml").is_file())
            .collect();
        subfolders.sort();
        sets.push((id.clone(), folder));
        sets.extend(subfolders.into_iter().map(|sub| (id.clone(), sub)));
    }
    sets
}

fn lint(folder: &Path, file: &Path) -> LintedFile {
    let config = Config::discover(None, folder).expect("fixture config");
    let linter = Linter::new(&config, &Selection::default()).expect("linter");
    let report = linter
        .lint_paths(&[file.to_path_buf()], &config)
        .expect("lint");
    report.files.into_iter().next().expect("one file")
}

fn pages(folder: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = fs::read_dir(folder)
        .expect("fixture folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn every_fixture_folder_names_a_rule_and_has_both_twins() {
    for (id, folder) in fixture_sets() {
        let name = folder
            .strip_prefix(fixtures_root())
            .unwrap_or(&folder)
            .display()
            .to_string();
        assert!(rules::find(&id).is_some(), "fixtures/{name} names no rule");
        assert!(
            !pages(&folder, "bad").is_empty(),
            "fixtures/{name} has no bad page"
        );
        assert!(
            !pages(&folder, "good").is_empty(),
            "fixtures/{name} has no clean twin"
        );
    }
}

/// What a finding is compared on: rule, line, and the severity and first
/// suggestion when the expectation pins them.
type Key = (String, usize, Option<String>, Option<String>);

#[test]
fn bad_fixtures_give_exactly_the_expected_findings() {
    let mut failures = Vec::new();
    for (_, folder) in fixture_sets() {
        let set = folder
            .strip_prefix(fixtures_root())
            .unwrap_or(&folder)
            .display()
            .to_string();
        let text = fs::read_to_string(folder.join("expect.toml")).unwrap_or_default();
        let expect: Expect =
            toml::from_str(&text).unwrap_or_else(|e| panic!("fixtures/{set}/expect.toml: {e}"));
        for page in pages(&folder, "bad") {
            let name = page
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let expected: Vec<&Expected> =
                expect.finding.iter().filter(|e| e.file == name).collect();
            assert!(
                !expected.is_empty(),
                "fixtures/{set}/{name} expects nothing"
            );
            let wanted: BTreeSet<Key> = expected
                .iter()
                .map(|e| {
                    (
                        e.rule.clone(),
                        e.line,
                        e.severity.clone(),
                        e.suggestion.clone(),
                    )
                })
                .collect();
            let rules_in_play: BTreeSet<&str> = expected.iter().map(|e| e.rule.as_str()).collect();
            let found: BTreeSet<Key> = lint(&folder, &page)
                .findings
                .iter()
                .filter(|f| rules_in_play.contains(f.diagnostic.rule))
                .map(|f| {
                    let d = &f.diagnostic;
                    // Compared on what the expectation at that line pins.
                    let pinned = expected
                        .iter()
                        .find(|e| e.rule == d.rule && e.line == f.start.line);
                    let severity = pinned
                        .and_then(|e| e.severity.as_ref())
                        .map(|_| d.severity.to_string());
                    let suggestion = pinned
                        .and_then(|e| e.suggestion.as_ref())
                        .and_then(|_| d.suggestions.first().cloned());
                    (d.rule.to_string(), f.start.line, severity, suggestion)
                })
                .collect();
            if found != wanted {
                failures.push(format!(
                    "fixtures/{set}/{name}: expected {wanted:?}, found {found:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn clean_twins_give_no_finding_at_all() {
    let mut failures = Vec::new();
    for (_, folder) in fixture_sets() {
        for page in pages(&folder, "good") {
            let file = lint(&folder, &page);
            for f in &file.findings {
                failures.push(format!(
                    "{}:{}: {} {}",
                    page.strip_prefix(fixtures_root())
                        .unwrap_or(&page)
                        .display(),
                    f.start.line,
                    f.diagnostic.rule,
                    f.diagnostic.message
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "clean twins have findings:\n{}",
        failures.join("\n")
    );
}
