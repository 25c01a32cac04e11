//! The rule reference under `docs/rules/` is generated from the registry:
//! this test fails when a page is missing, stale, or left over from a rule
//! that no longer exists. `UPDATE_RULE_DOCS=1 cargo test --test rule_docs`
//! rewrites the pages.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use handbook_lint::cli::{rule_reference_pages, REFERENCE_DIR};

#[test]
fn rule_reference_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join(REFERENCE_DIR);
    let update = std::env::var_os("UPDATE_RULE_DOCS").is_some_and(|v| !v.is_empty());
    if update {
        fs::create_dir_all(&dir).expect("create the reference folder");
    }
    let pages = rule_reference_pages();
    let mut stale = Vec::new();
    for (name, text) in &pages {
        let path = dir.join(name);
        if fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if update {
            fs::write(&path, text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        } else {
            stale.push(name.clone());
        }
    }
    let expected: BTreeSet<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
    for entry in fs::read_dir(&dir).expect("the reference folder") {
        let path = entry.expect("a folder entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if expected.contains(name) {
            continue;
        }
        if update {
            fs::remove_file(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        } else {
            stale.push(format!("{name} (no such rule)"));
        }
    }
    assert!(
        stale.is_empty(),
        "the rule reference in {REFERENCE_DIR}/ is stale: {}; run `UPDATE_RULE_DOCS=1 cargo test --test rule_docs`",
        stale.join(", ")
    );
}

#[test]
fn the_fixtures_a_page_names_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, text) in rule_reference_pages() {
        for part in text.split("`fixtures/").skip(1) {
            let folder = part.split('`').next().unwrap_or_default();
            assert!(
                root.join("fixtures").join(folder).is_dir(),
                "{name} names fixtures/{folder}, which does not exist"
            );
        }
    }
}
