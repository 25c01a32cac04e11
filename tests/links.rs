//! The link rules on whole content trees: a Hugo layout and a Middleman
//! layout under `fixtures/trees/`, with pages whose links are all good and
//! pages whose links are broken, checked by rule id and line.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use handbook_lint::config::Config;
use handbook_lint::engine::{LintedFile, Linter, RunReport, Selection};

const LINK_RULES: &[&str] = &[
    "broken-link",
    "broken-anchor",
    "absolute-internal-link",
    "link-syntax",
];

fn tree(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/trees")
        .join(name)
}

fn linter(root: &Path) -> (Config, Linter) {
    let config = Config::discover(None, root).expect("tree config");
    let selection = Selection {
        select: Some(LINK_RULES.iter().map(|s| s.to_string()).collect()),
        ignore: Vec::new(),
    };
    let linter = Linter::new(&config, &selection).expect("linter");
    (config, linter)
}

fn lint(root: &Path, paths: &[PathBuf]) -> RunReport {
    let (config, linter) = linter(root);
    linter.lint_paths(paths, &config).expect("lint")
}

fn findings(file: &LintedFile) -> BTreeSet<(String, usize)> {
    file.findings
        .iter()
        .map(|f| (f.diagnostic.rule.to_string(), f.start.line))
        .collect()
}

fn file<'a>(report: &'a RunReport, name: &str) -> &'a LintedFile {
    report
        .files
        .iter()
        .find(|f| f.path.ends_with(name))
        .unwrap_or_else(|| panic!("{name} was not linted"))
}

fn expected(list: &[(&str, usize)]) -> BTreeSet<(String, usize)> {
    list.iter().map(|(r, l)| (r.to_string(), *l)).collect()
}

#[test]
fn hugo_tree_good_and_broken_links() {
    let root = tree("hugo");
    let report = lint(&root, &[root.join("content")]);
    assert_eq!(report.files_checked, 6);
    for good in [
        "sales/account-executive.md",
        "sales/director.md",
        "sales/_index.md",
        "engineering/Backend-Engineer.md",
        "frontend-engineer/index.md",
    ] {
        let f = file(&report, good);
        assert!(f.findings.is_empty(), "{good}: {:?}", f.findings);
    }
    let broken = file(&report, "sales/broken.md");
    assert_eq!(
        findings(broken),
        expected(&[
            ("broken-link", 9),
            ("broken-anchor", 10),
            ("broken-link", 11),
            ("broken-anchor", 12),
            ("broken-link", 13),
            ("broken-link", 14),
            ("broken-link", 15),
            ("broken-anchor", 17),
            ("broken-link", 19),
            ("broken-anchor", 20),
            ("broken-anchor", 21),
        ])
    );
}

#[test]
fn hugo_hints_name_the_file_and_the_closest_anchor() {
    let root = tree("hugo");
    let report = lint(&root, &[root.join("content")]);
    let broken = file(&report, "sales/broken.md");
    let at = |line: usize| {
        broken
            .findings
            .iter()
            .find(|f| f.start.line == line)
            .unwrap_or_else(|| panic!("no finding on line {line}"))
    };
    let case = at(11).diagnostic.help.clone().unwrap_or_default();
    assert!(
        case.contains("`/job-families/engineering/backend-engineer/`"),
        "{case}"
    );
    let similar = at(19).diagnostic.help.clone().unwrap_or_default();
    assert!(
        similar.contains("/job-families/sales/director/"),
        "{similar}"
    );
    // `#senior-director` is closest to `#senior-director-sales`, the level
    // rather than its sub-sections.
    let anchor = &at(10).diagnostic;
    assert!(
        anchor
            .message
            .ends_with("on `/job-families/sales/director/`"),
        "the target is named by its route: {}",
        anchor.message
    );
    assert_eq!(
        anchor.suggestions.first().map(String::as_str),
        Some("#senior-director-sales")
    );
    let own = &at(12).diagnostic;
    let fix = own.fix.as_ref().expect("one anchor is clearly closest");
    assert_eq!(fix.edits[0].replacement, "levels");
    assert_eq!(
        broken.text(fix.edits[0].byte_start..fix.edits[0].byte_end),
        Some("level")
    );
}

#[test]
fn middleman_tree_uses_kramdown_anchors_across_sites() {
    let root = tree("middleman");
    let report = lint(&root, &[root.join("sites")]);
    assert_eq!(report.files_checked, 4);
    for good in [
        "content-manager.html.md",
        "hiring/index.html.md",
        "field-marketing/index.html.md",
    ] {
        let f = file(&report, good);
        assert!(f.findings.is_empty(), "{good}: {:?}", f.findings);
    }
    let broken = file(&report, "broken.html.md");
    assert_eq!(
        findings(broken),
        expected(&[
            ("broken-anchor", 9),
            ("broken-anchor", 10),
            ("broken-link", 11),
            ("broken-link", 12),
            ("broken-anchor", 14),
            ("broken-link", 15),
        ])
    );
    let hugo_style = broken
        .findings
        .iter()
        .find(|f| f.start.line == 9)
        .and_then(|f| f.diagnostic.fix.as_ref())
        .expect("a fix for the Hugo-style anchor");
    assert_eq!(hugo_style.edits[0].replacement, "screening-call");
}

#[test]
fn a_subset_of_files_gets_the_same_link_findings_as_the_whole_tree() {
    for (name, top, page) in [
        ("hugo", "content", "content/job-families/sales/broken.md"),
        (
            "middleman",
            "sites",
            "sites/uncategorized/source/job-families/marketing/broken.html.md",
        ),
    ] {
        let root = tree(name);
        let whole = lint(&root, &[root.join(top)]);
        let one = lint(&root, &[root.join(page)]);
        assert_eq!(one.files_checked, 1);
        let from_whole = findings(file(&whole, page));
        assert!(!from_whole.is_empty());
        assert_eq!(findings(&one.files[0]), from_whole, "{name}");
    }
}

/// A run reads each page once: link targets linted in the same run give
/// their anchors from that read. One linter running twice over the tree
/// (its index kept) must find the same as a fresh one.
#[test]
fn a_linter_run_twice_finds_the_same() {
    for (name, top) in [("hugo", "content"), ("middleman", "sites")] {
        let root = tree(name);
        let (config, linter) = linter(&root);
        let first = linter.lint_paths(&[root.join(top)], &config).expect("lint");
        let second = linter.lint_paths(&[root.join(top)], &config).expect("lint");
        let all = |report: &RunReport| -> Vec<BTreeSet<(String, usize)>> {
            report.files.iter().map(findings).collect()
        };
        assert!(
            first.count(handbook_lint::diagnostic::Severity::Error) > 0,
            "{name}"
        );
        assert_eq!(all(&first), all(&second), "{name}");
    }
}

#[test]
fn lint_source_uses_the_index_for_unsaved_text() {
    let root = tree("hugo");
    let (_, linter) = linter(&root);
    let path = root.join("content/job-families/sales/new-page.md");
    let text = "---\ntitle: New\n---\n\nNew page.\n\n[a](/job-families/sales/director/#pay)\n[b](/job-families/sales/nobody/)\n[c](../director/#nope)\n";
    let linted = linter.lint_source(&path, Arc::new(text.to_string()));
    assert_eq!(
        findings(&linted),
        expected(&[("broken-link", 8), ("broken-anchor", 9)])
    );
}

#[test]
fn without_a_tree_only_the_page_itself_is_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, linter) = linter(dir.path());
    let text = "## Levels\n\n[a](#levels) [b](#nope) [c](/job-families/x/#y)\n";
    let linted = linter.lint_source(&dir.path().join("page.md"), Arc::new(text.to_string()));
    assert_eq!(findings(&linted), expected(&[("broken-anchor", 3)]));
}

#[test]
fn an_editor_can_hand_the_linter_a_prebuilt_index() {
    use handbook_lint::site::SiteIndex;
    let root = tree("hugo");
    let index = SiteIndex::build(&[root.join("content")]);
    assert_eq!(index.file_count(), 7, "six pages and the static image");
    let linter = Linter::with_defaults().with_site(Some(Arc::new(index)));
    let path = root.join("content/job-families/sales/draft.md");
    let text = "## Draft\n\n[a](/job-families/sales/director/#pay) [b](/job-families/sales/director/#pays)\n";
    let linted = linter.lint_source(&path, Arc::new(text.to_string()));
    let links: BTreeSet<(String, usize)> = findings(&linted)
        .into_iter()
        .filter(|(rule, _)| LINK_RULES.contains(&rule.as_str()))
        .collect();
    assert_eq!(links, expected(&[("broken-anchor", 3)]));
}
