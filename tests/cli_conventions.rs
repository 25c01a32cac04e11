//! Command-line conventions users bring from other linters: where the
//! configuration and content root come from, exit statuses for bad
//! input, colour, report formats, standard input, rule selection by
//! group, per-file ignores, completions, the man page, and a reader that
//! closes the pipe early.

use std::fs;
use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{bin, tree, CLEAN};

/// A link to a page that does not exist and an anchor that is close to
/// one of the page's headings, after text with non-ASCII letters.
const LINKS: &str = "\nThe Café team’s ladder: see the [hiring steps](#hiring-proces) and the [ladder](/jobs/nowhere/).\n";

/// Runs the binary in `dir`: exit code, stdout, stderr.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = bin().current_dir(dir).args(args).output().expect("run");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn parse(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|err| panic!("not JSON ({err}): {stdout}"))
}

/// (rule, line) of every diagnostic of a JSON report.
fn rules_and_lines(report: &Value) -> Vec<(String, u64)> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn page_with_links() -> String {
    format!("{CLEAN}{LINKS}")
}

// ------------------------------------------------ 1. configuration from the paths

#[test]
fn configuration_and_content_root_come_from_the_linted_path_not_the_working_directory() {
    let site = tree(&[
        (".handbook-lint.toml", "content_dir = \"content\"\n"),
        ("content/jobs/page.md", &page_with_links()),
    ]);
    let elsewhere = TempDir::new().expect("temp dir");
    let (_, inside, _) = run(site.path(), &["check", "--format", "json", "content"]);
    let target = site.path().to_string_lossy().into_owned();
    let (code, outside, stderr) = run(elsewhere.path(), &["check", "--format", "json", &target]);
    assert_eq!(code, 1, "{stderr}");
    let inside = rules_and_lines(&parse(&inside));
    let outside = rules_and_lines(&parse(&outside));
    assert!(
        outside.iter().any(|(rule, _)| rule == "broken-link"),
        "link checks ran: {outside:?}"
    );
    assert_eq!(inside, outside);
}

#[test]
fn without_a_configuration_the_content_root_is_found_from_the_path() {
    let site = tree(&[("content/jobs/page.md", &page_with_links())]);
    fs::create_dir(site.path().join(".git")).expect("mark a repository");
    let elsewhere = TempDir::new().expect("temp dir");
    let page = site.path().join("content/jobs/page.md");
    let (_, stdout, _) = run(
        elsewhere.path(),
        &["check", "--format", "json", &page.to_string_lossy()],
    );
    let found = rules_and_lines(&parse(&stdout));
    assert!(
        found.iter().any(|(rule, _)| rule == "broken-link"),
        "{found:?}"
    );
}

#[test]
fn changed_since_works_from_outside_the_repository() {
    let repo = tree(&[("jobs/page.md", CLEAN)]);
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args(args)
            .current_dir(repo.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .status()
            .expect("run git");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "start"]);
    fs::write(
        repo.path().join("jobs/page.md"),
        CLEAN.replace("## Levels", "## Levels "),
    )
    .expect("edit");
    let elsewhere = TempDir::new().expect("temp dir");
    let target = repo.path().to_string_lossy().into_owned();
    let (code, stdout, stderr) = run(
        elsewhere.path(),
        &[
            "check",
            "--changed-since",
            "main",
            "--format",
            "json",
            &target,
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        rules_and_lines(&parse(&stdout)),
        vec![("trailing-whitespace".to_string(), 7)]
    );
    // Outside any repository, the message says so instead of quoting git.
    let plain = tree(&[("page.md", CLEAN)]);
    let (code, _, stderr) = run(
        plain.path(),
        &["check", "--changed-since", "main", "page.md"],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("needs a git repository"), "{stderr}");
}

// ------------------------------------------------ 2. a content_dir that is not there

#[test]
fn a_content_dir_that_does_not_exist_exits_two_naming_it() {
    let site = tree(&[
        (".handbook-lint.toml", "content_dir = \"contnet\"\n"),
        ("content/jobs/page.md", &page_with_links()),
    ]);
    let (code, stdout, stderr) = run(site.path(), &["check", "content"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("content_dir") && stderr.contains("contnet"),
        "{stderr}"
    );
    assert!(stdout.is_empty(), "{stdout}");
}

// ------------------------------------------------ 3. SARIF offsets in code points

#[test]
fn sarif_offsets_select_the_finding_text_as_code_points() {
    let page = format!(
        "{}\nÜber-naïve “quotes” — and emoji 🎉 before a TODO here. \n{LINKS}",
        CLEAN.replace("## Levels", "## Levels ")
    );
    let site = tree(&[("content/jobs/page.md", &page)]);
    let (_, json, _) = run(site.path(), &["check", "--format", "json", "content"]);
    let (_, sarif, _) = run(site.path(), &["check", "--format", "sarif", "content"]);
    let json = parse(&json);
    let sarif = parse(&sarif);
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert_eq!(diagnostics.len(), results.len());
    assert!(diagnostics.len() >= 4, "{diagnostics:?}");
    let chars: Vec<char> = page.chars().collect();
    let mut after_non_ascii = 0;
    for (diagnostic, result) in diagnostics.iter().zip(results) {
        let start = diagnostic["byte_start"].as_u64().expect("start") as usize;
        let end = diagnostic["byte_end"].as_u64().expect("end") as usize;
        let expected = &page[start..end];
        let region = &result["locations"][0]["physicalLocation"]["region"];
        let offset = region["charOffset"].as_u64().expect("charOffset") as usize;
        let length = region["charLength"].as_u64().expect("charLength") as usize;
        let selected: String = chars[offset..offset + length].iter().collect();
        assert_eq!(selected, expected, "{result}");
        if !page[..start].is_ascii() {
            after_non_ascii += 1;
        }
    }
    assert!(after_non_ascii >= 2, "findings after non-ASCII text");
}

// ------------------------------------------------ 4. default paths at a site root

#[test]
fn check_without_paths_at_a_site_root_lints_only_the_content_root() {
    let site = tree(&[
        ("content/jobs/page.md", CLEAN),
        ("README.md", "# The site\n\nTODO: write this.\n"),
        ("archetypes/default.md", "---\ntitle: {add title}\n---\n"),
    ]);
    let (code, stdout, stderr) = run(site.path(), &["check", "--format", "json"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let report = parse(&stdout);
    assert_eq!(report["files_checked"], 1);
    assert_eq!(rules_and_lines(&report), vec![]);
    // A folder without a content root is linted whole, as before.
    let plain = tree(&[("page.md", CLEAN), ("other.md", CLEAN)]);
    let (_, stdout, _) = run(plain.path(), &["check", "--format", "json"]);
    assert_eq!(parse(&stdout)["files_checked"], 2);
}

// ------------------------------------------------ 5. the human report

#[test]
fn human_report_tells_safe_from_unsafe_fixes_and_counts_them() {
    let page = format!("{}{LINKS}", CLEAN.replace("## Levels", "## Levels "));
    let site = tree(&[("page.md", &page)]);
    let (_, stdout, _) = run(site.path(), &["check", "--color", "never", "page.md"]);
    assert!(stdout.contains("warning[trailing-whitespace]"), "{stdout}");
    assert!(stdout.contains("error[broken-anchor]"), "{stdout}");
    assert!(stdout.contains("safe fix (`--fix`)"), "{stdout}");
    assert!(stdout.contains("unsafe fix"), "{stdout}");
    assert!(
        stdout
            .trim_end()
            .ends_with("1 fixable with `--fix` (1 more with `--unsafe-fixes`)"),
        "{stdout}"
    );
    // A blank line after every finding: each one's box ends, then a
    // blank line, then the next one or the summary.
    let boxes = stdout.matches("╰────").count();
    assert_eq!(stdout.matches("╰────\n").count(), boxes);
    let separated = stdout
        .split("╰────\n")
        .skip(1)
        .filter(|rest| {
            let after_help = rest.split_once("\n\n").map(|(help, _)| help);
            after_help.is_some_and(|help| {
                help.lines()
                    .all(|l| l.trim_start().starts_with("help:") || l.starts_with("        "))
            })
        })
        .count();
    assert_eq!(separated, boxes, "{stdout}");
}

// ------------------------------------------------ 6. a path that does not exist

#[test]
fn a_path_that_does_not_exist_exits_two_and_names_it() {
    let site = tree(&[("page.md", CLEAN)]);
    let (code, stdout, stderr) = run(site.path(), &["check", "page.md", "gone.md"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("gone.md"), "{stderr}");
}

// ------------------------------------------------ 7. colour

#[test]
fn colour_flags_beat_the_environment_and_force_variables_colour_ci_logs() {
    let site = tree(&[("page.md", &CLEAN.replace("## Levels", "## Levels "))]);
    let coloured = |envs: &[(&str, &str)], args: &[&str]| {
        let mut cmd = bin();
        cmd.current_dir(site.path())
            .arg("check")
            .args(args)
            .arg("page.md");
        for (name, value) in envs {
            cmd.env(name, value);
        }
        let output = cmd.output().expect("run");
        String::from_utf8_lossy(&output.stdout).contains('\u{1b}')
    };
    assert!(coloured(&[("NO_COLOR", "1")], &["--color", "always"]));
    assert!(!coloured(&[("FORCE_COLOR", "1")], &["--color", "never"]));
    assert!(coloured(&[("FORCE_COLOR", "1")], &[]));
    assert!(coloured(&[("CLICOLOR_FORCE", "1")], &[]));
    assert!(!coloured(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")], &[]));
    // Piped, with nothing set: no colour.
    assert!(!coloured(&[], &[]));
}

// ------------------------------------------------ report formats and exit flags

/// A page with one warning (trailing whitespace on line 7) and one
/// error (a misspelt anchor).
fn warned_and_failed() -> String {
    format!("{}{LINKS}", CLEAN.replace("## Levels", "## Levels "))
}

#[test]
fn concise_lines_parse_back_to_the_json_findings() {
    let site = tree(&[("jobs/page.md", &warned_and_failed())]);
    let (_, concise, _) = run(site.path(), &["check", "--format", "concise", "jobs"]);
    let (_, json, _) = run(site.path(), &["check", "--format", "json", "jobs"]);
    let mut lines: Vec<&str> = concise.lines().collect();
    let summary = lines.pop().expect("summary line");
    assert!(summary.contains("in 1 of 1 file"), "{summary}");
    let parsed: Vec<(String, u64, u64, String, String, String)> = lines
        .iter()
        .map(|line| {
            let mut parts = line.splitn(4, ':');
            let path = parts.next().expect("path").to_string();
            let row = parts.next().expect("line").parse().expect("line number");
            let col = parts
                .next()
                .expect("column")
                .parse()
                .expect("column number");
            let rest = parts.next().expect("rest").trim_start();
            let (severity, rest) = rest.split_once(" [").expect("severity");
            let (rule, message) = rest.split_once("] ").expect("rule");
            (path, row, col, severity.into(), rule.into(), message.into())
        })
        .collect();
    let expected: Vec<(String, u64, u64, String, String, String)> = parse(&json)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                d["severity"].as_str().unwrap_or_default().to_string(),
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(parsed, expected);
    assert!(parsed.len() >= 2);
}

#[test]
fn github_annotations_follow_the_workflow_command_syntax() {
    let site = tree(&[("jobs/page.md", &warned_and_failed())]);
    let (code, stdout, _) = run(site.path(), &["check", "--format", "github", "jobs"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.len() >= 2, "{stdout}");
    for line in &lines {
        let rest = line.strip_prefix("::").expect("a workflow command");
        let (command, rest) = rest.split_once(' ').expect("command and properties");
        assert!(["error", "warning", "notice"].contains(&command), "{line}");
        let (properties, message) = rest.split_once("::").expect("properties::message");
        assert!(!message.is_empty() && !message.contains('\n'), "{line}");
        let keys: Vec<&str> = properties
            .split(',')
            .map(|p| p.split_once('=').expect("key=value").0)
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"],
            "{line}"
        );
        assert!(properties.starts_with("file=jobs/page.md,line="), "{line}");
    }
    assert!(lines.iter().any(|l| l.starts_with("::warning ")));
    assert!(lines.iter().any(|l| l.starts_with("::error ")));
}

#[test]
fn quiet_prints_findings_only() {
    let site = tree(&[("clean.md", CLEAN), ("warned.md", &warned_and_failed())]);
    let (_, stdout, stderr) = run(
        site.path(),
        &["check", "-q", "--format", "concise", "clean.md"],
    );
    assert!(stdout.is_empty() && stderr.is_empty(), "{stdout}{stderr}");
    let (_, stdout, _) = run(
        site.path(),
        &["check", "--quiet", "--format", "concise", "warned.md"],
    );
    assert!(
        stdout.lines().all(|l| l.starts_with("warned.md:")),
        "{stdout}"
    );
    assert!(!stdout.is_empty());
    let (_, stdout, _) = run(
        site.path(),
        &["check", "--quiet", "--color", "never", "warned.md"],
    );
    assert!(
        stdout.contains("trailing-whitespace") && !stdout.contains(" in 1 of 1 file"),
        "{stdout}"
    );
}

#[test]
fn statistics_count_findings_per_rule() {
    let page = format!(
        "{}{LINKS}",
        CLEAN
            .replace("## Levels", "## Levels ")
            .replace("## Career Ladder", "## Career Ladder ")
    );
    let site = tree(&[("page.md", &page)]);
    let (code, stdout, _) = run(site.path(), &["check", "--statistics", "page.md"]);
    assert_eq!(code, 1);
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows[0][..3],
        ["2", "trailing-whitespace", "warning"],
        "{stdout}"
    );
    assert!(stdout.contains("(2 fixable)"), "{stdout}");
    assert!(
        rows.iter()
            .any(|r| r[..3] == ["1", "broken-anchor", "error"]),
        "{stdout}"
    );
    assert!(stdout.trim_end().ends_with("in 1 of 1 file"), "{stdout}");
}

#[test]
fn exit_zero_and_fail_on_set_the_exit_status() {
    let site = tree(&[
        ("warned.md", &CLEAN.replace("## Levels", "## Levels ")),
        ("failed.md", &warned_and_failed()),
    ]);
    let code = |args: &[&str]| run(site.path(), args).0;
    assert_eq!(code(&["check", "warned.md"]), 0);
    assert_eq!(code(&["check", "--fail-on", "warning", "warned.md"]), 1);
    assert_eq!(code(&["check", "--fail-on", "info", "warned.md"]), 1);
    assert_eq!(code(&["check", "failed.md"]), 1);
    assert_eq!(code(&["check", "--exit-zero", "failed.md"]), 0);
    assert_eq!(
        code(&["check", "--exit-zero", "--fail-on", "warning", "warned.md"]),
        0
    );
    assert_eq!(code(&["check", "--exit-zero", "gone.md"]), 2);
}

// ------------------------------------------------ standard input, excludes, selection

#[test]
fn standard_input_is_linted_as_the_named_page() {
    let site = tree(&[
        (".handbook-lint.toml", "content_dir = \"content\"\n"),
        ("content/jobs/other.md", CLEAN),
    ]);
    let output = bin()
        .current_dir(site.path())
        .args([
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "content/jobs/page.md",
            "-",
        ])
        .write_stdin(page_with_links())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let report = parse(&String::from_utf8_lossy(&output.stdout));
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    assert!(
        diagnostics
            .iter()
            .all(|d| d["path"] == "content/jobs/page.md"),
        "{report}"
    );
    let rules: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert!(
        rules.contains(&"broken-link") && rules.contains(&"broken-anchor"),
        "{rules:?}"
    );
    // --fix prints the fixed page.
    let fixed = bin()
        .current_dir(site.path())
        .args([
            "check",
            "--fix",
            "--stdin-filename",
            "content/jobs/page.md",
            "-",
        ])
        .write_stdin(CLEAN.replace("## Levels", "## Levels "))
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&fixed.stdout), CLEAN);
}

#[test]
fn force_exclude_applies_exclude_to_named_files() {
    let site = tree(&[
        (".handbook-lint.toml", "exclude = [\"drafts\"]\n"),
        ("drafts/wip.md", &warned_and_failed()),
    ]);
    let (code, stdout, _) = run(site.path(), &["check", "--format", "json", "drafts/wip.md"]);
    assert_eq!(
        (code, parse(&stdout)["files_checked"].clone()),
        (1, 1.into())
    );
    let (code, stdout, _) = run(
        site.path(),
        &[
            "check",
            "--force-exclude",
            "--format",
            "json",
            "drafts/wip.md",
        ],
    );
    assert_eq!(
        (code, parse(&stdout)["files_checked"].clone()),
        (0, 0.into())
    );
    let output = bin()
        .current_dir(site.path())
        .args([
            "check",
            "--force-exclude",
            "--stdin-filename",
            "drafts/wip.md",
            "-",
        ])
        .write_stdin(warned_and_failed())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
}

#[test]
fn select_and_ignore_take_group_names() {
    let site = tree(&[("page.md", &warned_and_failed())]);
    let rules_for = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        all.push("page.md");
        let (_, stdout, _) = run(site.path(), &all);
        let mut rules: Vec<String> = rules_and_lines(&parse(&stdout))
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        rules.dedup();
        rules
    };
    assert_eq!(rules_for(&["--select", "links"]), ["broken-anchor"]);
    assert_eq!(rules_for(&["--select", "layout"]), ["trailing-whitespace"]);
    assert_eq!(
        rules_for(&["--ignore", "links,layout"]),
        Vec::<String>::new()
    );
    let (code, _, stderr) = run(site.path(), &["check", "--select", "link", "page.md"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`link`") && stderr.contains("links"),
        "{stderr}"
    );
}

#[test]
fn per_file_ignores_turn_rules_off_for_matching_pages() {
    let site = tree(&[
        (
            ".handbook-lint.toml",
            "[per-file-ignores]\n\"legacy/**\" = [\"layout\", \"broken-anchor\"]\n",
        ),
        ("legacy/old.md", &warned_and_failed()),
        ("jobs/new.md", &warned_and_failed()),
    ]);
    let (_, stdout, _) = run(
        site.path(),
        &["check", "--format", "json", "legacy", "jobs"],
    );
    let report = parse(&stdout);
    let paths: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert!(paths.iter().all(|p| *p == "jobs/new.md"), "{paths:?}");
    assert!(paths.len() >= 2);
    fs::write(
        site.path().join(".handbook-lint.toml"),
        "[per-file-ignores]\n\"legacy/**\" = [\"layuot\"]\n",
    )
    .expect("write");
    let (code, _, stderr) = run(site.path(), &["check", "legacy"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(".handbook-lint.toml") && stderr.contains("layuot"),
        "{stderr}"
    );
}

// ------------------------------------------------ completions and the man page

#[test]
fn completions_and_man_page_are_generated() {
    let dir = TempDir::new().expect("temp dir");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, stdout, _) = run(dir.path(), &["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(
            stdout.contains("handbook-lint") && stdout.contains("stdin-filename"),
            "{shell}"
        );
    }
    let (code, _, stderr) = run(dir.path(), &["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("tcsh"), "{stderr}");
    let (code, stdout, _) = run(dir.path(), &["man"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with(".ie") || stdout.contains(".TH"),
        "{stdout}"
    );
    assert!(stdout.contains("handbook\\-lint"), "{stdout}");
}

// ------------------------------------------------ bad input

#[test]
fn bad_flags_values_and_names_exit_two_and_leave_pages_alone() {
    let broken = CLEAN.replace("## Levels", "## Levels ");
    let site = tree(&[("page.md", &broken)]);
    let cases: &[(&[&str], &str)] = &[
        (&["check", "--colr", "never", "page.md"], "--colr"),
        (&["check", "--fail-on", "severe", "page.md"], "severe"),
        (&["check", "--format", "xml", "page.md"], "xml"),
        (
            &["check", "--fix", "--select", "layout,prse", "page.md"],
            "prse",
        ),
        (&["check", "--fix", "page.md", "missing.md"], "missing.md"),
        (
            &["check", "--fix", "--config", "nowhere.toml", "page.md"],
            "nowhere.toml",
        ),
        (
            &["check", "--stdin-filename", "page.md", "page.md"],
            "--stdin-filename",
        ),
    ];
    for (args, named) in cases {
        let (code, stdout, stderr) = run(site.path(), args);
        assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
        assert_eq!(
            fs::read_to_string(site.path().join("page.md")).expect("read"),
            broken,
            "{args:?} changed the page"
        );
        assert!(
            !site.path().join("cq.json").exists(),
            "{args:?} wrote a report"
        );
    }
}

// ------------------------------------------------ baseline

#[test]
fn a_baseline_hides_recorded_findings_even_when_they_move_and_shows_new_ones() {
    let site = tree(&[("jobs/page.md", &warned_and_failed())]);
    let (code, _, stderr) = run(
        site.path(),
        &["check", "--write-baseline", "baseline.json", "jobs"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("recorded 2 findings"), "{stderr}");
    let recorded = parse(&fs::read_to_string(site.path().join("baseline.json")).expect("baseline"));
    assert_eq!(recorded["findings"].as_array().map(Vec::len), Some(2));
    // Round trip: nothing new.
    let (code, stdout, stderr) = run(
        site.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            "jobs",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(rules_and_lines(&parse(&stdout)), vec![]);
    assert!(stderr.contains("2 findings in the baseline"), "{stderr}");
    // Lines added above move the old findings; one new finding appears.
    let edited = warned_and_failed().replace(
        "The Support Engineer job family helps",
        "A new paragraph.\n\nAnother one with a trailing space. \n\nThe Support Engineer job family helps",
    );
    fs::write(site.path().join("jobs/page.md"), edited).expect("edit");
    let (code, stdout, _) = run(
        site.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            "jobs",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        rules_and_lines(&parse(&stdout)),
        vec![("trailing-whitespace".to_string(), 7)]
    );
    // Rewriting drops what is gone: fix the anchor and record again.
    let fixed = fs::read_to_string(site.path().join("jobs/page.md"))
        .expect("read")
        .replace("#hiring-proces", "#hiring-process");
    fs::write(site.path().join("jobs/page.md"), fixed).expect("edit");
    run(
        site.path(),
        &["check", "--write-baseline", "baseline.json", "jobs"],
    );
    let recorded = parse(&fs::read_to_string(site.path().join("baseline.json")).expect("baseline"));
    let rules: Vec<&str> = recorded["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert_eq!(rules, ["trailing-whitespace", "trailing-whitespace"]);
    // A file that is not a baseline fails the run, naming it.
    fs::write(site.path().join("bad.json"), "{\"findings\": 3}").expect("write");
    let (code, _, stderr) = run(site.path(), &["check", "--baseline", "bad.json", "jobs"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("bad.json"), "{stderr}");
}

// ------------------------------------------------ where rules' data comes from

#[test]
fn rules_and_explain_name_the_lists_a_rule_reads() {
    let dir = TempDir::new().expect("temp dir");
    let (code, stdout, _) = run(dir.path(), &["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let rules = parse(&stdout);
    let brand = rules
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["id"] == "brand-name")
        .expect("brand-name");
    let paths: Vec<&str> = brand["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert!(paths.contains(&"rules/brands.txt"), "{paths:?}");
    let (_, stdout, _) = run(dir.path(), &["explain", "placeholder"]);
    assert!(stdout.contains("rules/placeholders.txt"), "{stdout}");
}

/// A reader that stops early (`| head`) closes the pipe: the run ends as
/// it would have, without an error, whether the report goes to standard
/// output or to `--output /dev/stdout`.
#[cfg(target_os = "linux")]
#[test]
fn a_reader_that_closes_the_pipe_early_is_not_an_error() {
    use std::process::{Command, Stdio};
    // Far more report than a pipe holds, so the run writes after the
    // reader has gone.
    let dir = TempDir::new().expect("temp dir");
    let page = format!("{CLEAN}\nTrailing spaces here.   \n");
    for i in 0..400 {
        common::write(
            dir.path(),
            &format!("content/job-families/p{i}/index.md"),
            page.as_bytes(),
        );
    }
    let binary = assert_cmd::cargo::cargo_bin("handbook-lint");
    for extra in [&[][..], &["--output", "/dev/stdout"][..]] {
        let mut child = Command::new(&binary)
            .args(["check", "--format", "json", "--color", "never", "."])
            .args(extra)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the command starts");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("the command ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("error"), "{extra:?}: {stderr}");
        // Warnings only: the exit status of a run that was read to the end.
        assert_eq!(output.status.code(), Some(0), "{extra:?}: {stderr}");
    }
}
