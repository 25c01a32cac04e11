//! Bad input gives a finding, never a panic or a hang.
//!
//! Every case checks the same invariants on whatever the rules find: each
//! finding's byte range lies inside the file on character boundaries, and
//! its line and column are those of its offsets. Big inputs are made at
//! test time in temporary folders. The heaviest (a 50 MB page) runs through
//! `target/release/handbook-lint` when it has been built (quicker), and
//! through the test build otherwise.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use handbook_lint::engine::{LintedFile, Linter};

/// A clean, complete job-family page.
/// A bound no linear pass over a megabyte comes near, even unoptimised
/// on a loaded machine (the slowest case takes a few seconds), and that a
/// quadratic one overshoots by far (10^12 steps): these tests catch hangs,
/// they do not measure speed.
const QUADRATIC: Duration = Duration::from_secs(120);

const PAGE: &str = "---
title: Data Analyst
---

The Data Analyst job family turns the company's data into decisions.

## Levels

### Data Analyst (Intermediate)

The Data Analyst (Intermediate) is a [grade 6](/handbook/job-grades/#job-grades).

#### Data Analyst (Intermediate) Responsibilities

- Build reports that answer questions from the finance team
- Keep the data models documented

#### Data Analyst (Intermediate) Requirements

- Two years of experience with SQL
- Ability to use GitLab

## Performance Indicators

- Reports delivered on time

## Career Ladder

The next step is the Manager, Data job family.

## Hiring Process

1. A screening call with a recruiter
2. An interview with the hiring manager
";

fn lint(source: &str) -> LintedFile {
    let file = Linter::with_defaults().lint_source(Path::new("page.md"), Arc::new(source.into()));
    assert_spans(source, &file);
    file
}

/// Line and column of `offset`, computed apart from the library: the
/// line from the newlines before it, the column by counting characters.
fn naive_position(source: &str, newlines: &[usize], offset: usize) -> (usize, usize) {
    let line = newlines.partition_point(|&nl| nl < offset);
    let line_start = if line == 0 { 0 } else { newlines[line - 1] + 1 };
    (line + 1, source[line_start..offset].chars().count() + 1)
}

/// Every finding lies on character boundaries inside `source`, and its
/// positions match its offsets.
fn assert_spans(source: &str, file: &LintedFile) {
    let newlines: Vec<usize> = source
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
        .collect();
    for f in &file.findings {
        let span = &f.diagnostic.span;
        let rule = f.diagnostic.rule;
        assert!(span.start <= span.end, "{rule}: reversed span {span:?}");
        assert!(
            span.end <= source.len(),
            "{rule}: span {span:?} past the end"
        );
        assert!(
            source.is_char_boundary(span.start) && source.is_char_boundary(span.end),
            "{rule}: span {span:?} splits a character"
        );
        assert_eq!(
            (f.start.line, f.start.column),
            naive_position(source, &newlines, span.start),
            "{rule}: start position of {span:?}"
        );
        assert_eq!(
            (f.end.line, f.end.column),
            naive_position(source, &newlines, span.end),
            "{rule}: end position of {span:?}"
        );
        if let Some(fix) = &f.diagnostic.fix {
            for edit in &fix.edits {
                assert!(edit.byte_start <= edit.byte_end && edit.byte_end <= source.len());
                assert!(
                    source.is_char_boundary(edit.byte_start)
                        && source.is_char_boundary(edit.byte_end),
                    "{rule}: fix splits a character"
                );
            }
        }
    }
}

fn rules_of(file: &LintedFile) -> Vec<&'static str> {
    file.findings.iter().map(|f| f.diagnostic.rule).collect()
}

/// The test build of the command.
fn debug_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_handbook-lint"))
}

/// The release build, if it has been built (it may predate the sources,
/// so it is used only for the heavy inputs).
fn release_bin() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/handbook-lint");
    path.is_file().then_some(path)
}

/// Runs `bin check --format json ARGS` in `dir`, killing it after `limit`.
fn run_with_limit(bin: &Path, dir: &Path, args: &[&str], limit: Duration) -> (Output, Duration) {
    let started = Instant::now();
    let mut child = Command::new(bin)
        .arg("check")
        .arg("--format")
        .arg("json")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    // Drain the pipes in threads so a big report cannot block the child.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut v).ok();
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut v).ok();
        v
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("handbook-lint {args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = started.elapsed();
    let output = Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    };
    (output, elapsed)
}

/// The JSON report of a run that finished with status 0 or 1 (never a
/// crash, never 2).
fn json_of(output: &Output) -> serde_json::Value {
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "status {:?}, stderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the report is JSON")
}

fn diagnostics(report: &serde_json::Value) -> Vec<(String, String, String)> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or("").to_string(),
                d["rule"].as_str().unwrap_or("").to_string(),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

// ---------------------------------------------------------------- pages

#[test]
fn empty_and_blank_files() {
    for source in ["", "\n", "\r\n", "   ", "\n\n\n", "\u{feff}"] {
        let file = lint(source);
        assert!(rules_of(&file).contains(&"front-matter"), "{source:?}");
    }
}

#[test]
fn only_front_matter() {
    for source in [
        "---\ntitle: T\n---\n",
        "---\ntitle: T\n---",
        "---\n---\n",
        "---\n...\n",
        "+++\ntitle = \"T\"\n+++",
        "---\r\ntitle: T\r\n---\r\n",
    ] {
        lint(source);
    }
}

#[test]
fn unclosed_front_matter_is_a_finding() {
    for source in [
        "---\ntitle: T\n\n# Heading\n",
        "---",
        "---\n",
        "+++\ntitle = 1\n",
    ] {
        let file = lint(source);
        let messages: Vec<&str> = file
            .findings
            .iter()
            .map(|f| f.diagnostic.message.as_str())
            .collect();
        assert!(
            messages.iter().any(|m| m.contains("never closed")),
            "{source:?}: {messages:?}"
        );
    }
}

/// "Billion laughs": nine levels of aliases, each doubling ten times.
fn alias_bomb(header: &str) -> String {
    let mut text = String::from("---\ntitle: Bomb\n");
    text.push_str(&format!(
        "{header}a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    ));
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let (prev, next) = (pair[0], pair[1]);
        let refs = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{next}: &{next} [{refs}]\n"));
    }
    text.push_str("---\n\nBody.\n");
    text
}

#[test]
fn yaml_alias_bomb_is_refused_quickly() {
    let started = Instant::now();
    let file = lint(&alias_bomb(""));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
    let refusal = file
        .findings
        .iter()
        .find(|f| f.diagnostic.rule == "front-matter")
        .expect("a front-matter finding");
    assert!(
        refusal.diagnostic.message.contains("anchor")
            || refusal.diagnostic.message.contains("alias"),
        "{}",
        refusal.diagnostic.message
    );
}

#[test]
fn anchors_and_aliases_in_every_yaml_form_are_refused() {
    let cases = [
        // a tag before the anchor
        "---\ntitle: T\na: !!seq &a [x, x]\nb: [*a, *a]\n---\n",
        "---\ntitle: T\na: !local &a x\n---\n",
        // block sequences and merge keys
        "---\ntitle: T\nbase: &base\n  k: v\nother:\n  <<: *base\n---\n",
        "---\ntitle: T\nlist:\n  - &x one\n  - *x\n---\n",
        // an alias as a key, explicit keys, flow mappings over lines
        "---\ntitle: T\nk: &k key\n*k : v\n---\n",
        "---\ntitle: T\n? &q key\n: v\n---\n",
        "---\ntitle: T\nm: {a: &f 1,\n  b: *f}\n---\n",
    ];
    for source in cases {
        let started = Instant::now();
        let file = lint(source);
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(
            file.findings
                .iter()
                .any(|f| f.diagnostic.rule == "front-matter"
                    && (f.diagnostic.message.contains("anchor")
                        || f.diagnostic.message.contains("alias"))),
            "not refused: {source:?}: {:?}",
            file.findings
        );
    }
    let bomb = alias_bomb("tagged: !!str &t x\n");
    assert!(rules_of(&lint(&bomb)).contains(&"front-matter"));
    // A bomb made only of tagged anchors and aliases as explicit keys,
    // which a scan for `&name` / `*name` after `:` or `[` does not see.
    let mut sneaky = String::from("---\ntitle: T\nl0: !!seq &l0 [x, x]\n");
    for level in 1..30 {
        let prev = level - 1;
        sneaky.push_str(&format!(
            "l{level}: !!seq &l{level} [{{? *l{prev} : 1}}, {{? *l{prev} : 2}}]\n"
        ));
    }
    sneaky.push_str("---\n\nBody.\n");
    let started = Instant::now();
    assert!(rules_of(&lint(&sneaky)).contains(&"front-matter"));
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn ampersands_and_stars_in_values_are_not_anchors() {
    let file = lint(&PAGE.replace(
        "title: Data Analyst\n",
        "title: Data Analyst\ndescription: R&D and *bold* & more\nnote: \"a *b &c\"\n",
    ));
    assert!(
        !rules_of(&file).contains(&"front-matter"),
        "{:?}",
        file.findings
    );
}

#[test]
fn crlf_mixed_endings_bom_and_unicode_keep_spans_exact() {
    let base = PAGE.replace("decisions.", "décisions — naïve “quotes” 😀 ok.  ");
    let variants = [
        base.replace('\n', "\r\n"),
        base.replacen('\n', "\r\n", 7),
        base.replace("\n\n", "\r\n\n"),
        format!("\u{feff}{}", base.replace('\n', "\r\n")),
        base.replace('\n', "\r"),
        base.replace("- ", "-\u{a0}").replace("## ", "##\t"),
        format!("{}\t \r\n \r\n", base.trim_end()),
    ];
    for source in &variants {
        lint(source);
    }
    // A BOM before the front matter still opens it.
    let file = lint(&format!("\u{feff}{PAGE}"));
    assert!(
        !rules_of(&file).contains(&"front-matter"),
        "{:?}",
        file.findings
    );
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let depth = 10_000;
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        ("lists.md", format!("{}deep\n", "- ".repeat(depth))),
        ("quotes.md", format!("{}deep\n", "> ".repeat(depth))),
        ("mixed.md", format!("{}deep\n", "> - 1. ".repeat(depth / 3))),
        (
            "emphasis.md",
            format!("{}x{}\n", "*".repeat(depth), "*".repeat(depth)),
        ),
        (
            "brackets.md",
            format!("{}x{}\n", "[".repeat(depth), "](y)".repeat(depth)),
        ),
        (
            "growing.md",
            (1..2000)
                .map(|n| format!("{}text\n", ">".repeat(n)))
                .collect(),
        ),
    ];
    let mut names = Vec::new();
    for (name, text) in &cases {
        fs::write(dir.path().join(name), text).expect("write");
        names.push(*name);
    }
    // Each file in its own process, so an overflow is a failed status
    // rather than the end of this test binary.
    for name in names {
        let (output, _) =
            run_with_limit(&debug_bin(), dir.path(), &[name], Duration::from_secs(60));
        let report = json_of(&output);
        assert_eq!(report["files_checked"], 1, "{name}");
    }
}

#[test]
fn long_lines_are_linear() {
    let mb = 1 << 20;
    let cases = [
        format!("{PAGE}\n{}\n", "a".repeat(mb)),
        format!("{PAGE}\n{}\n", "word ".repeat(mb / 5)),
        format!("{PAGE}\nx{}\n", " ".repeat(mb)),
        format!("{PAGE}\n{}\n", "é".repeat(mb / 2)),
        format!("{PAGE}\n{}\n", "[a](#b) ".repeat(mb / 8)),
        // long lines inside the front matter
        format!("---\ntitle: T\nk: {}\n---\n\nText.\n", " ".repeat(mb)),
        format!(
            "---\ntitle: T\nk: {}\n---\n\nText.\n",
            "x & ".repeat(mb / 4)
        ),
        format!("---\ntitle: T\n{}---\n\nText.\n", "k: v\n".repeat(mb / 5)),
    ];
    for source in &cases {
        let started = Instant::now();
        lint(source);
        assert!(
            started.elapsed() < QUADRATIC,
            "{} bytes took {:?}",
            source.len(),
            started.elapsed()
        );
    }
}

#[test]
fn many_findings_on_one_line_are_placed_quickly() {
    // 100,000 trailing-space-like findings would be quadratic if every
    // column were counted from the start of the line.
    let line = "x \u{a0}".repeat(100_000);
    let source = format!("{PAGE}\n{line} \n");
    let started = Instant::now();
    lint(&source);
    assert!(started.elapsed() < QUADRATIC);
}

#[test]
fn a_fifty_megabyte_page() {
    let size = 50 << 20;
    let bin = release_bin().unwrap_or_else(|| {
        eprintln!("target/release/handbook-lint not built: the page goes through the test build");
        debug_bin()
    });
    let limit = Duration::from_secs(120);
    let dir = tempfile::tempdir().expect("tempdir");
    let body = PAGE.split_once("\n---\n").map_or(PAGE, |(_, b)| b);
    let mut text = String::from("---\ntitle: Big\n---\n");
    while text.len() < size {
        text.push_str(body);
        text.push_str("Some trailing space \n");
    }
    fs::write(dir.path().join("big.md"), &text).expect("write");
    let (output, elapsed) = run_with_limit(&bin, dir.path(), &["big.md"], limit);
    let report = json_of(&output);
    assert_eq!(report["files_checked"], 1);
    eprintln!("{} MB in {elapsed:?}", text.len() >> 20);
}

// ---------------------------------------------------------------- files

#[test]
fn invalid_utf8_and_binary_files_are_read_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("latin1.md"),
        b"---\ntitle: T\n---\n\nThe Manager\x92s team\n",
    )
    .expect("write");
    fs::write(
        dir.path().join("image.md"),
        [0x89, b'P', b'N', b'G', 0, 0, 1, 2],
    )
    .expect("write");
    fs::write(
        dir.path().join("truncated.md"),
        b"---\ntitle: T\n---\n\n\xe2\x82",
    )
    .expect("write");
    let (output, _) = run_with_limit(&debug_bin(), dir.path(), &["."], Duration::from_secs(30));
    let found = diagnostics(&json_of(&output));
    for name in ["latin1.md", "image.md", "truncated.md"] {
        assert!(
            found
                .iter()
                .any(|(p, r, _)| p.ends_with(name) && r == "read-error"),
            "{name}: {found:?}"
        );
    }
    assert_eq!(output.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_special_files_end() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    fs::create_dir(root.join("docs")).expect("mkdir");
    fs::write(root.join("docs/page.md"), PAGE).expect("write");
    symlink(root.join("docs"), root.join("docs/loop")).expect("symlink");
    symlink("self.md", root.join("docs/self.md")).expect("symlink");
    symlink("b.md", root.join("docs/a.md")).expect("symlink");
    symlink("a.md", root.join("docs/b.md")).expect("symlink");
    symlink("missing.md", root.join("docs/dangling.md")).expect("symlink");
    // Reading these would block or never end.
    symlink("/dev/zero", root.join("docs/zero.md")).expect("symlink");
    let fifo = root.join("docs/pipe.md");
    let made_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    fs::create_dir(root.join("docs/folder.md")).expect("mkdir");

    let (output, elapsed) = run_with_limit(&debug_bin(), root, &["docs"], Duration::from_secs(30));
    let found = diagnostics(&json_of(&output));
    assert!(elapsed < Duration::from_secs(30));
    for name in ["self.md", "a.md", "b.md", "dangling.md", "zero.md"] {
        assert!(
            found
                .iter()
                .any(|(p, r, _)| p.ends_with(name) && r == "read-error"),
            "{name}: {found:?}"
        );
    }
    // Named explicitly, special files are refused rather than read (a
    // folder named like a page is walked, and holds no page).
    let mut named = vec!["docs/zero.md", "docs/folder.md/"];
    if made_fifo {
        named.push("docs/pipe.md");
    }
    let (output, _) = run_with_limit(&debug_bin(), root, &named, Duration::from_secs(30));
    let found = diagnostics(&json_of(&output));
    assert_eq!(
        found.iter().filter(|(_, r, _)| r == "read-error").count(),
        named.len() - 1,
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(p, _, _)| p.contains("folder")),
        "{found:?}"
    );
}

/// Link targets are read for their anchors, and every page's front matter
/// for its routes: a FIFO or a device in the content tree must not block
/// those reads either.
#[cfg(unix)]
#[test]
fn special_files_as_link_targets_end() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let jobs = dir.path().join("content/jobs");
    fs::create_dir_all(&jobs).expect("mkdir");
    symlink("/dev/zero", jobs.join("zero.md")).expect("symlink");
    let made_fifo = Command::new("mkfifo")
        .arg(jobs.join("pipe.md"))
        .status()
        .is_ok_and(|s| s.success());
    // The missing page makes the index read every page's front matter
    // for routes they declare.
    fs::write(
        jobs.join("page.md"),
        "---\ntitle: Page\n---\n\nSee [zero](zero.md#levels), [pipe](pipe.md#levels) and [gone](/jobs/gone/).\n",
    )
    .expect("write");
    let (output, elapsed) = run_with_limit(
        &debug_bin(),
        dir.path(),
        &[
            "--select",
            "broken-anchor,broken-link",
            "content/jobs/page.md",
        ],
        Duration::from_secs(30),
    );
    assert!(elapsed < Duration::from_secs(30));
    let found = diagnostics(&json_of(&output));
    let anchors = found
        .iter()
        .filter(|(_, r, _)| r == "broken-anchor")
        .count();
    assert_eq!(anchors, if made_fifo { 2 } else { 1 }, "{found:?}");
    assert!(
        found
            .iter()
            .any(|(_, r, m)| r == "broken-link" && m.contains("gone")),
        "{found:?}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    fs::write(root.join("page.md"), PAGE).expect("write");
    fs::write(root.join("secret.md"), PAGE).expect("write");
    fs::create_dir(root.join("locked")).expect("mkdir");
    fs::write(root.join("locked/inside.md"), PAGE).expect("write");
    let lock = |path: &Path, mode: u32| {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
    };
    lock(&root.join("secret.md"), 0o000);
    lock(&root.join("locked"), 0o000);
    let privileged = fs::read(root.join("secret.md")).is_ok();
    if privileged {
        // Root (as in CI containers) reads through any permission bits.
        lock(&root.join("locked"), 0o755);
        eprintln!("skipped: running as root, so mode 000 does not stop reads");
        return;
    }
    let (output, _) = run_with_limit(&debug_bin(), root, &["."], Duration::from_secs(30));
    lock(&root.join("locked"), 0o755);
    let found = diagnostics(&json_of(&output));
    assert!(
        found
            .iter()
            .any(|(p, r, _)| p.ends_with("secret.md") && r == "read-error"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(p, r, _)| p.contains("locked") && r == "read-error"),
        "{found:?}"
    );
    assert!(!found.iter().any(|(p, _, _)| p.ends_with("page.md")));
}

#[test]
fn paths_with_spaces_and_non_ascii_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("job families/Équipe données");
    fs::create_dir_all(&folder).expect("mkdir");
    fs::write(
        folder.join("analyste de données.md"),
        format!("{PAGE}trailing \n"),
    )
    .expect("write");
    fs::write(folder.join("日本語.md"), PAGE).expect("write");
    let (output, _) = run_with_limit(
        &debug_bin(),
        dir.path(),
        &["job families"],
        Duration::from_secs(30),
    );
    let report = json_of(&output);
    assert_eq!(report["files_checked"], 2);
    let found = diagnostics(&report);
    assert!(
        found
            .iter()
            .any(|(p, _, _)| p == "job families/Équipe données/analyste de données.md"),
        "{found:?}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    if fs::write(dir.path().join(name), "trailing \n").is_err() {
        eprintln!("skipped: the file system refuses non-UTF-8 names");
        return;
    }
    let (output, _) = run_with_limit(&debug_bin(), dir.path(), &["."], Duration::from_secs(30));
    let report = json_of(&output);
    assert_eq!(report["files_checked"], 1);
    let found = diagnostics(&report);
    assert!(
        found.iter().any(|(p, _, _)| p.starts_with("caf")),
        "{found:?}"
    );
}

#[test]
fn human_report_survives_odd_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("crlf.md"), "x \r\ny\t\r\n\u{feff}z \n").expect("write");
    fs::write(dir.path().join("bad.md"), b"ok\n\xff\xfe\n").expect("write");
    fs::write(dir.path().join("empty.md"), "").expect("write");
    let output = Command::new(debug_bin())
        .args(["check", "--color", "never", "."])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("read-error") && text.contains("trailing-whitespace"),
        "{text}"
    );
    assert!(
        text.lines().any(|line| line.ends_with("of 3 files")),
        "{text}"
    );
}

#[test]
fn many_suppressions_references_and_headings_are_linear() {
    let n = 30_000;
    let cases = [
        // a suppression for every finding
        format!(
            "{PAGE}\n{}",
            "<!-- handbook-lint-disable-next-line trailing-whitespace -->\nx \n\n".repeat(n)
        ),
        format!(
            "{PAGE}\n<!-- handbook-lint-disable trailing-whitespace -->\n{}",
            "<!-- handbook-lint-enable spelling -->\nx \n\n".repeat(n)
        ),
        // reference links and their definitions
        format!(
            "{PAGE}\n{}\n{}",
            (0..n)
                .map(|i| format!("[link {i}][r{i}] "))
                .collect::<String>(),
            (0..n)
                .map(|i| format!("[r{i}]: /a/{i}/\n"))
                .collect::<String>()
        ),
        // headings with the same anchor
        format!("{PAGE}\n{}", "## Levels\n\n".repeat(n)),
    ];
    for source in &cases {
        let started = Instant::now();
        lint(source);
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "{} bytes took {:?}",
            source.len(),
            started.elapsed()
        );
    }
}
