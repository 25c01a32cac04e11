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
    for folder in rule_folders() {
        let id = folder
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        assert!(rules::find(id).is_some(), "fixtures/{id} names no rule");
        assert!(
            !pages(&folder, "bad").is_empty(),
            "fixtures/{id} has no bad page"
        );
        assert!(
            !pages(&folder, "good").is_empty(),
            "fixtures/{id} has no clean twin"
        );
    }
}

#[test]
fn bad_fixtures_give_exactly_the_expected_findings() {
    let mut failures = Vec::new();
    for folder in rule_folders() {
        let id = folder
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let text = fs::read_to_string(folder.join("expect.toml")).unwrap_or_default();
        let expect: Expect =
            toml::from_str(&text).unwrap_or_else(|e| panic!("fixtures/{id}/expect.toml: {e}"));
        for page in pages(&folder, "bad") {
            let name = page
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let wanted: BTreeSet<(String, usize)> = expect
                .finding
                .iter()
                .filter(|e| e.file == name)
                .map(|e| (e.rule.clone(), e.line))
                .collect();
            assert!(!wanted.is_empty(), "fixtures/{id}/{name} expects nothing");
            let rules_in_play: BTreeSet<&str> = wanted.iter().map(|(r, _)| r.as_str()).collect();
            let found: BTreeSet<(String, usize)> = lint(&folder, &page)
                .findings
                .iter()
                .filter(|f| rules_in_play.contains(f.diagnostic.rule))
                .map(|f| (f.diagnostic.rule.to_string(), f.start.line))
                .collect();
            if found != wanted {
                failures.push(format!(
                    "fixtures/{id}/{name}: expected {wanted:?}, found {found:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn clean_twins_give_no_finding_at_all() {
    let mut failures = Vec::new();
    for folder in rule_folders() {
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
