//! The spelling rule against every fixture page of every rule: the
//! handbook vocabulary and brand names are never reported, and clean
//! twins have no spelling finding.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use handbook_lint::config::Config;
use handbook_lint::engine::{Linter, Selection};

fn pages(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            pages(&path, out);
        } else if path.extension().is_some_and(|e| e == "md")
            && path.file_name().is_some_and(|n| n != "README.md")
        {
            out.push(path);
        }
    }
}

fn listed(file: &str) -> HashSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(root.join(file))
        .expect("word list")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn no_spelling_finding_on_handbook_vocabulary_in_any_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut all = Vec::new();
    pages(&root, &mut all);
    all.sort();
    assert!(all.len() >= 8, "fixture pages found: {}", all.len());
    let mut vocabulary = listed("rules/spelling/vocabulary.txt");
    vocabulary.extend(listed("rules/brands.txt"));
    let config = Config::default();
    let selection = Selection {
        select: Some(vec!["spelling".to_string()]),
        ignore: Vec::new(),
    };
    let linter = Linter::new(&config, &selection).expect("linter");
    let mut failures = Vec::new();
    for page in &all {
        let file = linter.lint_file(page);
        let clean_twin = page
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("good"));
        for f in &file.findings {
            let word = file.text(f.diagnostic.span.clone()).unwrap_or("");
            let lower = word.to_lowercase();
            let plural = lower
                .strip_suffix('s')
                .is_some_and(|w| vocabulary.contains(w));
            if clean_twin || vocabulary.contains(&lower) || plural {
                failures.push(format!(
                    "{}:{}: {}",
                    page.display(),
                    f.start.line,
                    f.diagnostic.message
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_name_used_on_three_pages_is_vocabulary_but_a_near_miss_is_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = |extra: &str| {
        format!(
            "---\ntitle: Analyst\n---\n\nThe Analyst keeps Frobcorp records in order. {extra}\n"
        )
    };
    let mut paths = Vec::new();
    for (i, extra) in ["One Enteprise team.", "", "Another Enteprise team."]
        .iter()
        .enumerate()
    {
        let path = dir.path().join(format!("page{i}.md"));
        fs::write(&path, page(extra)).expect("write page");
        paths.push(path);
    }
    // Unknown words are reported (the vocabulary pass is about them).
    let mut config = Config::default();
    config.settings.spelling.report_unknown = true;
    let selection = Selection {
        select: Some(vec!["spelling".to_string()]),
        ignore: Vec::new(),
    };
    let linter = Linter::new(&config, &selection).expect("linter");
    let words = |paths: &[PathBuf]| -> Vec<String> {
        let report = linter.lint_paths(paths, &config).expect("lint");
        report
            .files
            .iter()
            .flat_map(|f| {
                f.findings
                    .iter()
                    .map(|d| f.text(d.diagnostic.span.clone()).unwrap_or("").to_string())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    // Three pages: "Frobcorp" is the run's vocabulary; "Enteprise" is a typo.
    assert_eq!(words(&paths), vec!["Enteprise", "Enteprise"]);
    // Two pages are not enough evidence.
    assert_eq!(
        words(&paths[..2]),
        vec!["Frobcorp", "Enteprise", "Frobcorp"]
    );
}
