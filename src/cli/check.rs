//! `handbook-lint check`: lints the pages, applies or shows fixes, and
//! writes the reports (standard output and `--output` files).

use std::collections::BTreeSet;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::ValueEnum;
use rayon::prelude::*;

use super::reports::Reports;
use super::{baseline, plural, progress, write_stdout, CheckArgs, Color, Format};
use crate::config::{self, Config};
use crate::engine::changed;
use crate::engine::fix::{FixMode, FixOutcome};
use crate::engine::{
    discover, read_source, write_atomic, Linter, Progress, RunReport, Selection, VocabularyPass,
};
use crate::report;

/// One linter run: a configuration and the paths it applies to.
struct Run {
    config: Config,
    paths: Vec<PathBuf>,
    linter: Linter,
}

/// Runs `check` and returns the exit status.
pub(super) fn check(args: CheckArgs) -> Result<ExitCode, String> {
    let cwd = std::env::current_dir()
        .map_err(|err| format!("cannot read the working directory: {err}"))?;
    let outputs = parse_outputs(&args.output, args.format)?;
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return Err("--unsafe-fixes needs --fix or --diff".to_string());
    }
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin {
        return check_stdin(&args, &outputs, &cwd);
    }
    if args.stdin_filename.is_some() {
        return Err("--stdin-filename needs `-` among the paths".to_string());
    }
    for path in &args.paths {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(format!("{}: no such file or folder", path.display()));
        }
    }
    // Everything that can fail is checked before any page is written.
    let baseline = args.baseline.as_deref().map(baseline::load).transpose()?;
    let runs = plan_runs(&args, &cwd)?;
    let progress = progress::Bar::for_terminal(args.quiet || args.fix || args.diff)
        .map(|bar| Arc::new(bar) as Arc<dyn Progress>);
    let mut planned = Vec::new();
    for run in runs {
        let changed = match &args.changed_since {
            Some(reference) => Some(changed::changed_files(reference, &run.config.root)?),
            None => None,
        };
        planned.push((run, changed));
    }
    if planned.len() != 1 || args.diff || args.write_baseline.is_some() {
        return finish_held(&args, &outputs, baseline.as_ref(), planned, progress);
    }
    // One run, the common case: each file is reported as soon as it is
    // linted.
    let Some((run, changed)) = planned.pop() else {
        return Ok(ExitCode::SUCCESS);
    };
    let keep = keep_changed(changed.as_ref());
    if args.fix {
        let mut fixed = Fixed::default();
        fix_run(&run, &keep, &args, &mut fixed)?;
        report_fixes(&args, &fixed);
    }
    let linter = with_bar(run.linter, &progress);
    let mut reports = Reports::new(&args, &outputs, baseline.as_ref(), use_color(args.color))?;
    linter
        .lint_streamed(
            &run.paths,
            &run.config,
            &keep,
            VocabularyPass::Auto,
            &mut reports,
        )
        .map_err(|err| err.to_string())?;
    reports.finish(&args)
}

/// A run's filter of changed files (`--changed-since`): all files when
/// `changed` is `None`.
fn keep_changed(changed: Option<&BTreeSet<PathBuf>>) -> impl Fn(&Path) -> bool + Sync + '_ {
    move |path: &Path| changed.is_none_or(|set| changed::is_changed(set, path))
}

/// `linter` with the progress bar, when there is one.
fn with_bar(linter: Linter, progress: &Option<Arc<dyn Progress>>) -> Linter {
    match progress {
        Some(bar) => linter.with_progress(bar.clone()),
        None => linter,
    }
}

/// `check` over several runs, with `--diff`, or with `--write-baseline`:
/// every run's files are held, then sorted by path across the runs, and
/// reported (or their fixes shown, or recorded as the baseline).
fn finish_held(
    args: &CheckArgs,
    outputs: &[(Option<Format>, PathBuf)],
    baseline: Option<&baseline::Baseline>,
    planned: Vec<(Run, Option<BTreeSet<PathBuf>>)>,
    progress: Option<Arc<dyn Progress>>,
) -> Result<ExitCode, String> {
    let mut report = RunReport::default();
    let mut fixed = Fixed::default();
    for (run, changed) in planned {
        let keep = keep_changed(changed.as_ref());
        if args.fix || args.diff {
            fix_run(&run, &keep, args, &mut fixed)?;
            if args.diff {
                continue;
            }
        }
        let part = with_bar(run.linter, &progress)
            .lint_selected(&run.paths, &run.config, &keep)
            .map_err(|err| err.to_string())?;
        merge(&mut report, part);
    }
    if args.diff {
        write_stdout(&fixed.diff)?;
        if !args.quiet {
            eprintln!(
                "handbook-lint: would apply {} in {}",
                plural(fixed.applied, "fix", "fixes"),
                plural(fixed.files, "file", "files")
            );
        }
        return Ok(if fixed.files > 0 && !args.exit_zero {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    report_fixes(args, &fixed);
    if let Some(file) = &args.write_baseline {
        let count = baseline::write(file, &report)?;
        if !args.quiet {
            eprintln!(
                "handbook-lint: recorded {} in {}",
                plural(count, "finding", "findings"),
                file.display()
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut reports = Reports::new(args, outputs, baseline, use_color(args.color))?;
    reports.write_whole(report);
    reports.finish(args)
}

/// Applies (or, with `--diff`, gathers) the fixes of `run`'s files that
/// `keep` accepts.
fn fix_run(
    run: &Run,
    keep: &(dyn Fn(&Path) -> bool + Sync),
    args: &CheckArgs,
    fixed: &mut Fixed,
) -> Result<(), String> {
    let files = discover(&run.paths, &run.config).map_err(|err| err.to_string())?;
    let selected: Vec<PathBuf> = files.into_iter().filter(|p| keep(p)).collect();
    fix_files(&run.linter, &selected, fix_mode(args), !args.diff, fixed)
}

/// "applied N fixes in M files", unless quiet or none.
fn report_fixes(args: &CheckArgs, fixed: &Fixed) {
    if fixed.applied > 0 && !args.quiet {
        eprintln!(
            "handbook-lint: applied {} in {}",
            plural(fixed.applied, "fix", "fixes"),
            plural(fixed.files, "file", "files")
        );
    }
}

fn fix_mode(args: &CheckArgs) -> FixMode {
    if args.unsafe_fixes {
        FixMode::Unsafe
    } else {
        FixMode::Safe
    }
}

/// Adds the files of `part` to `report`, keeping files sorted by path.
fn merge(report: &mut RunReport, part: RunReport) {
    report.files_checked += part.files_checked;
    report.catalogue = part.catalogue;
    if report.files.is_empty() {
        report.files = part.files;
    } else {
        report.files.extend(part.files);
        report.files.sort_by(|a, b| a.path.cmp(&b.path));
    }
}

/// The runs of a `check`: the paths grouped by the configuration that
/// applies to them. With `--config`, one run. Otherwise each path takes
/// the nearest `.handbook-lint.toml` above it; paths with none are
/// grouped by git repository, rooted at their common folder, so the
/// content root is found from the paths, not the working directory.
/// Without paths: the content folders under the working directory, or
/// the working directory itself.
fn plan_runs(args: &CheckArgs, cwd: &Path) -> Result<Vec<Run>, String> {
    let explicit = args.config.as_deref();
    if args.paths.is_empty() {
        let mut config = Config::discover(explicit, cwd).map_err(|err| err.to_string())?;
        config.force_exclude = args.force_exclude;
        let linter = new_linter(&config, args)?;
        let paths = default_paths(&linter, cwd);
        return Ok(vec![Run {
            config,
            paths,
            linter,
        }]);
    }
    let mut groups: Vec<(GroupKey, Vec<PathBuf>)> = Vec::new();
    for path in &args.paths {
        let key = group_key(explicit, path);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, paths)) => paths.push(path.clone()),
            None => groups.push((key, vec![path.clone()])),
        }
    }
    let mut runs = Vec::new();
    for (key, paths) in groups {
        let mut config = match key {
            GroupKey::File(file) => Config::load(&file),
            GroupKey::Repository(_) => Ok(Config::with_root(common_folder(&paths))),
        }
        .map_err(|err| err.to_string())?;
        config.force_exclude = args.force_exclude;
        let linter = new_linter(&config, args)?;
        runs.push(Run {
            config,
            paths,
            linter,
        });
    }
    Ok(runs)
}

/// What puts paths in the same run.
#[derive(Debug, PartialEq, Eq)]
enum GroupKey {
    /// The configuration file that applies.
    File(PathBuf),
    /// No configuration: the git repository (or the folder) of the path.
    Repository(PathBuf),
}

fn group_key(explicit: Option<&Path>, path: &Path) -> GroupKey {
    if let Some(file) = explicit {
        return GroupKey::File(file.to_path_buf());
    }
    let start = config::start_folder(path);
    if let Some(file) = config::find_file(&start) {
        return GroupKey::File(file);
    }
    let repository = start
        .ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(&start)
        .to_path_buf();
    GroupKey::Repository(repository)
}

/// The deepest folder holding every path's start folder.
fn common_folder(paths: &[PathBuf]) -> PathBuf {
    let mut folders = paths.iter().map(|p| config::start_folder(p));
    let Some(mut common) = folders.next() else {
        return PathBuf::from(".");
    };
    for folder in folders {
        while !folder.starts_with(&common) {
            match common.parent() {
                Some(parent) => common = parent.to_path_buf(),
                None => break,
            }
        }
    }
    common
}

/// The paths `check` lints when none are given: the content folders
/// under the working directory (not the site's README or archetypes),
/// else the working directory.
fn default_paths(linter: &Linter, cwd: &Path) -> Vec<PathBuf> {
    let roots: Vec<PathBuf> = linter
        .content_roots()
        .into_iter()
        .filter_map(|root| {
            let absolute = std::path::absolute(&root).unwrap_or(root);
            let relative = absolute.strip_prefix(cwd).ok()?.to_path_buf();
            Some(if relative.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                relative
            })
        })
        .collect();
    if roots.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        roots
    }
}

fn new_linter(config: &Config, args: &CheckArgs) -> Result<Linter, String> {
    let selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    Linter::new(config, &selection)
}

/// `check -`: lints one page read from standard input, placed in the
/// handbook at `--stdin-filename`. With `--fix`, prints the fixed page
/// instead of a report.
fn check_stdin(
    args: &CheckArgs,
    outputs: &[(Option<Format>, PathBuf)],
    cwd: &Path,
) -> Result<ExitCode, String> {
    if args.paths.len() > 1 {
        return Err("`-` (standard input) cannot be combined with other paths".to_string());
    }
    if args.diff || args.changed_since.is_some() {
        return Err("--diff and --changed-since do not apply to standard input".to_string());
    }
    let path = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("-"));
    let start = match &args.stdin_filename {
        Some(name) => config::start_folder(name),
        None => cwd.to_path_buf(),
    };
    let mut config =
        Config::discover(args.config.as_deref(), &start).map_err(|err| err.to_string())?;
    config.force_exclude = args.force_exclude;
    let linter = new_linter(&config, args)?;
    let mut source = String::new();
    std::io::stdin()
        .read_to_string(&mut source)
        .map_err(|err| format!("cannot read standard input: {err}"))?;
    if args.force_exclude && config.is_excluded(&path) {
        if args.fix {
            write_stdout(&source)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if args.fix {
        let outcome = linter.fix_source(&path, &source, fix_mode(args));
        write_stdout(&outcome.text)?;
        return Ok(ExitCode::SUCCESS);
    }
    let file = linter.lint_in_handbook(&path, Arc::new(source), &config);
    let report = RunReport {
        files_checked: 1,
        files: vec![file],
        catalogue: crate::engine::catalogue(),
    };
    let mut reports = Reports::new(args, outputs, None, use_color(args.color))?;
    reports.write_whole(report);
    reports.finish(args)
}

/// `--output` values: a format (or `None` for the --format report) and a
/// file.
fn parse_outputs(
    values: &[String],
    default: Format,
) -> Result<Vec<(Option<Format>, PathBuf)>, String> {
    let mut outputs = Vec::new();
    for value in values {
        let (format, file) = match value.split_once('=') {
            Some((name, file)) if Format::parse_name(name).is_some() => {
                (Format::parse_name(name), file)
            }
            // A word before `=` is a format name, misspelt.
            Some((name, _))
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                return Err(format!(
                    "--output {value}: unknown report format `{name}` (expected one of: {})",
                    format_names()
                ));
            }
            _ => (None, value.as_str()),
        };
        if file.is_empty() {
            return Err(format!("--output {value}: no file name"));
        }
        if format.is_none()
            && outputs
                .iter()
                .any(|(f, _): &(Option<Format>, PathBuf)| f.is_none())
        {
            return Err(format!(
                "--output {value}: only one bare FILE (for the {default:?} report) is allowed; name the format of the others (FORMAT=FILE)"
            ));
        }
        outputs.push((format, PathBuf::from(file)));
    }
    Ok(outputs)
}

/// The report formats' names, for messages.
fn format_names() -> String {
    Format::value_variants()
        .iter()
        .filter_map(|f| f.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What fixing did.
#[derive(Default)]
struct Fixed {
    applied: usize,
    files: usize,
    diff: String,
}

fn fix_files(
    linter: &Linter,
    files: &[PathBuf],
    mode: FixMode,
    write: bool,
    fixed: &mut Fixed,
) -> Result<(), String> {
    let outcomes: Vec<(&PathBuf, String, FixOutcome)> = files
        .par_iter()
        .filter_map(|path| {
            let source = read_source(path).ok()?;
            let outcome = linter.fix_source(path, &source, mode);
            outcome.changed().then_some((path, source, outcome))
        })
        .collect();
    for (path, source, outcome) in outcomes {
        fixed.applied += outcome.applied;
        fixed.files += 1;
        if write {
            write_atomic(path, outcome.text.as_bytes())
                .map_err(|err| format!("cannot write {}: {err}", path.display()))?;
        } else {
            let name = report::portable_path(path);
            let diff = similar::TextDiff::from_lines(&source, &outcome.text);
            fixed.diff.push_str(
                &diff
                    .unified_diff()
                    .context_radius(3)
                    .header(&format!("a/{name}"), &format!("b/{name}"))
                    .to_string(),
            );
        }
    }
    Ok(())
}

/// 1 when a finding reaches the `--fail-on` severity (and not
/// `--exit-zero`), else 0.
/// Whether the human report is coloured: `--color always` and `never`
/// win; `auto` is off with NO_COLOR, on with FORCE_COLOR or
/// CLICOLOR_FORCE (set to anything but `0`), else on for a terminal.
fn use_color(choice: Color) -> bool {
    color_choice(choice, &|name| std::env::var_os(name), || {
        std::io::stdout().is_terminal()
    })
}

fn color_choice(
    choice: Color,
    env: &dyn Fn(&str) -> Option<std::ffi::OsString>,
    terminal: impl Fn() -> bool,
) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        Color::Never => false,
        Color::Always => true,
        Color::Auto if set("NO_COLOR") => false,
        Color::Auto if set("FORCE_COLOR") || set("CLICOLOR_FORCE") => true,
        Color::Auto => terminal(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<std::ffi::OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| std::ffi::OsString::from(v))
        }
    }

    #[test]
    fn explicit_colour_wins_over_the_environment() {
        let no_color = env(&[("NO_COLOR", "1")]);
        assert!(color_choice(Color::Always, &no_color, || false));
        assert!(!color_choice(Color::Auto, &no_color, || true));
        let forced = env(&[("FORCE_COLOR", "1")]);
        assert!(!color_choice(Color::Never, &forced, || true));
        assert!(color_choice(Color::Auto, &forced, || false));
        assert!(color_choice(
            Color::Auto,
            &env(&[("CLICOLOR_FORCE", "1")]),
            || false
        ));
        assert!(!color_choice(
            Color::Auto,
            &env(&[("FORCE_COLOR", "0")]),
            || false
        ));
    }
}
