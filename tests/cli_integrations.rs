//! The command line as CI jobs, hooks and scripts use it: report files,
//! `--changed-since`, `--fix` and `--diff`.

use std::fs;
use std::path::Path;
use std::process::Command;

use assert_cmd::prelude::*;
use serde_json::Value;

/// A complete job-family page that gives no finding.
const CLEAN: &str = include_str!("../fixtures/trailing-whitespace/good.md");

fn bin() -> Command {
    Command::cargo_bin("handbook-lint").expect("binary")
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = bin()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run handbook-lint");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .status()
        .expect("run git");
    assert!(status.success(), "git {args:?} failed");
}

fn json_paths(stdout: &str) -> Vec<String> {
    let report: Value = serde_json::from_str(stdout).expect("JSON report");
    let mut paths: Vec<String> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["path"].as_str().unwrap_or_default().to_string())
        .collect();
    paths.dedup();
    paths
}

#[test]
fn one_run_writes_the_terminal_report_and_several_report_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("page.md"),
        CLEAN.replace("decisions.", "decisions. "),
    )
    .unwrap();
    let (code, stdout, _) = run(
        dir.path(),
        &[
            "check",
            "--output",
            "codequality=cq.json",
            "-o",
            "junit=junit.xml",
            "--output",
            "SARIF=out.sarif",
            ".",
        ],
    );
    assert_eq!(code, 0, "warnings do not fail the run");
    assert!(stdout.contains("trailing-whitespace") && stdout.contains("1 warning"));
    let cq: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("cq.json")).unwrap()).unwrap();
    let issue = &cq[0];
    for field in ["description", "check_name", "fingerprint", "severity"] {
        assert!(issue[field].is_string(), "{field} missing");
    }
    assert_eq!(issue["location"]["path"], "page.md");
    assert_eq!(issue["location"]["lines"]["begin"], 5);
    let junit = fs::read_to_string(dir.path().join("junit.xml")).unwrap();
    assert!(junit.contains("<failure message=\"line ends with a trailing space\""));
    let sarif: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("out.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        sarif["runs"][0]["results"][0]["ruleId"],
        "trailing-whitespace"
    );
}

#[test]
fn a_missing_report_folder_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("page.md"), CLEAN).unwrap();
    let (code, _, stderr) = run(
        dir.path(),
        &["check", "--output", "codequality=missing/cq.json", "."],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot write report"), "{stderr}");
}

#[test]
fn a_bare_output_file_takes_the_format_report_instead_of_stdout() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("page.md"), CLEAN).unwrap();
    let (code, stdout, _) = run(
        dir.path(),
        &[
            "check",
            "--format",
            "codequality",
            "--output",
            "gl.json",
            ".",
        ],
    );
    assert_eq!(code, 0);
    assert!(stdout.is_empty(), "{stdout}");
    let cq: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("gl.json")).unwrap()).unwrap();
    assert_eq!(cq, Value::Array(Vec::new()));
    let (code, _, stderr) = run(dir.path(), &["check", "-o", "a.json", "-o", "b.json", "."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("only one bare FILE"), "{stderr}");
}

#[test]
fn changed_since_lints_only_the_pages_a_branch_changed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("jobs")).unwrap();
    // Findings already on main are not the branch's business.
    fs::write(
        root.join("jobs/old.md"),
        CLEAN.replace("documented\n", "documented \n"),
    )
    .unwrap();
    fs::write(root.join("jobs/edited.md"), CLEAN).unwrap();
    fs::write(root.join("jobs/deleted.md"), CLEAN).unwrap();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "main"]);
    git(root, &["checkout", "-q", "-b", "feature"]);
    fs::write(
        root.join("jobs/edited.md"),
        CLEAN.replace("decisions.\n", "decisions. \t\n"),
    )
    .unwrap();
    fs::remove_file(root.join("jobs/deleted.md")).unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "feature"]);
    // Main moves on after the branch point: its changes are not ours.
    git(root, &["checkout", "-q", "main"]);
    fs::write(root.join("jobs/main-only.md"), "no front matter \n").unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "main moves"]);
    git(root, &["checkout", "-q", "feature"]);
    // Untracked pages are linted too.
    fs::write(root.join("jobs/new.md"), "no front matter\n").unwrap();

    let (code, stdout, stderr) = run(
        root,
        &["check", "--changed-since", "main", "--format", "json", "."],
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(json_paths(&stdout), vec!["jobs/edited.md", "jobs/new.md"]);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["files_checked"], 2);

    // From a subfolder, with the path given, the same selection applies.
    let (_, stdout, _) = run(
        &root.join("jobs"),
        &["check", "--changed-since", "main", "--format", "json", "."],
    );
    assert_eq!(json_paths(&stdout), vec!["edited.md", "new.md"]);

    let (code, _, stderr) = run(root, &["check", "--changed-since", "no-such-branch", "."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no-such-branch"), "{stderr}");
}

/// A name used on three pages of the tree is vocabulary for the spelling
/// rule; the merge-request job, which lints only the changed page, must
/// not report it either.
#[test]
fn changed_since_judges_spelling_as_the_whole_tree_does() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join(".handbook-lint.toml"),
        "content_dir = \"content\"\n",
    )
    .unwrap();
    fs::create_dir_all(root.join("content/jobs")).unwrap();
    let page = |body: &str| format!("---\ntitle: A page\n---\n\n{body}\n");
    for name in ["a.md", "b.md", "c.md"] {
        let text = page("The team runs Frobzilla every day.");
        fs::write(root.join("content/jobs").join(name), text).unwrap();
    }
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "main"]);
    fs::write(
        root.join("content/jobs/a.md"),
        page("The team runs Frobzilla every day.\n\nAnd Frobzilla again."),
    )
    .unwrap();
    let args = [
        "check",
        "--select",
        "spelling",
        "--changed-since",
        "main",
        ".",
    ];
    let (code, stdout, stderr) = run(root, &args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("no problems in 1 file"), "{stdout}");
}

/// A run over more pages than it holds (`HOLD_AT_MOST`) decides the
/// spelling vocabulary first and writes each page's findings as it goes:
/// the reports are whole, and a name used on three of the pages is still
/// vocabulary, and one used on two is not.
#[test]
fn a_large_run_writes_complete_reports_and_keeps_the_vocabulary() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join(".handbook-lint.toml"),
        "content_dir = \"content\"\n[spelling]\nreport-unknown = true\n",
    )
    .unwrap();
    let pages = handbook_lint::engine::HOLD_AT_MOST + 10;
    for i in 0..pages {
        let folder = root.join(format!("content/group-{}", i / 500));
        fs::create_dir_all(&folder).unwrap();
        let body = match i {
            7 | 2000 | 4100 => "The team runs Frobzilla every day.",
            10 | 3500 => "The team runs Quorvex every day.",
            3000 => "A line that ends in a space. ",
            _ => "A short page.",
        };
        let text = format!("---\ntitle: Page {i}\n---\n\n{body}\n");
        fs::write(folder.join(format!("page-{i:05}.md")), text).unwrap();
    }
    let args = ["check", "--format", "json", "-o", "junit=report.xml", "."];
    let (code, stdout, stderr) = run(root, &args);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("JSON report");
    assert_eq!(report["files_checked"], pages);
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["rule"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(rules, ["spelling", "trailing-whitespace", "spelling"]);
    assert_eq!(
        json_paths(&stdout),
        [
            "content/group-0/page-00010.md",
            "content/group-6/page-03000.md",
            "content/group-7/page-03500.md"
        ]
    );
    let junit = fs::read_to_string(root.join("report.xml")).unwrap();
    assert!(
        junit.contains(&format!("tests=\"{pages}\" failures=\"3\"")),
        "{}",
        &junit[..200]
    );
    assert!(junit.ends_with("</testsuites>\n"));
}

#[test]
fn fix_writes_atomically_and_a_second_fix_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    let original = "---\ntitle: Analyst \n---\n\nThe Analyst  \t\n\n<!-- handbook-lint-disable-next-line trailing-whitespace -->\nKept as is.\n\n## Levels \n\nText.\n";
    fs::write(&page, original).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&page, fs::Permissions::from_mode(0o600)).unwrap();
    }

    // The page is a fragment: only the rules whose fixes are tested run.
    let only = "--select=trailing-whitespace,unused-suppression";
    let (code, stdout, _) = run(dir.path(), &["check", only, "--diff", "."]);
    assert_eq!(code, 1, "--diff exits 1 when there are changes");
    assert!(
        stdout.contains("--- a/page.md\n+++ b/page.md\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("-title: Analyst \n+title: Analyst\n"),
        "{stdout}"
    );
    assert_eq!(
        fs::read_to_string(&page).unwrap(),
        original,
        "--diff writes nothing"
    );

    let (code, stdout, stderr) = run(
        dir.path(),
        &["check", only, "--fix", "--format", "json", "."],
    );
    assert_eq!(code, 0, "{stdout}");
    assert!(stderr.contains("applied 4 fixes in 1 file"), "{stderr}");
    let fixed = fs::read_to_string(&page).unwrap();
    assert_eq!(
        fixed,
        "---\ntitle: Analyst\n---\n\nThe Analyst\n\nKept as is.\n\n## Levels\n\nText.\n"
    );
    // What is left is reported: nothing.
    assert!(json_paths(&stdout).is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&page).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "permissions are kept");
    }
    let entries = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(entries, 1, "no temporary file is left behind");

    let (code, stdout, stderr) = run(dir.path(), &["check", only, "--fix", "."]);
    assert_eq!(code, 0);
    assert!(!stderr.contains("applied"), "{stderr}");
    assert!(stdout.contains("no problems"));
    assert_eq!(fs::read_to_string(&page).unwrap(), fixed);
    let (code, stdout, _) = run(dir.path(), &["check", only, "--diff", "."]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty());
}

#[test]
fn fix_reports_what_it_cannot_fix_and_exits_accordingly() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("page.md"), "No front matter here. \n").unwrap();
    let (code, stdout, _) = run(dir.path(), &["check", "--fix", "--format", "json", "."]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert!(rules.contains(&"front-matter"));
    assert!(!rules.contains(&"trailing-whitespace"));
    assert_eq!(
        fs::read_to_string(dir.path().join("page.md")).unwrap(),
        "No front matter here.\n"
    );
    let (code, _, stderr) = run(dir.path(), &["check", "--unsafe-fixes", "."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--unsafe-fixes needs --fix or --diff"));
}
