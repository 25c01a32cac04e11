//! `handbook-lint check`: lints the pages, applies or shows fixes, and
//! writes the reports (standard output and `--output` files).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

use super::{plural, stdout_result, write_stdout, CheckArgs, Color, Format};
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::engine::changed;
use crate::engine::fix::{FixMode, FixOutcome};
use crate::engine::{
    discover, read_source, write_atomic, write_atomic_with, Linter, RunReport, Selection,
};
use crate::report;

/// Runs `check` and returns the exit status.
pub(super) fn check(args: CheckArgs) -> Result<ExitCode, String> {
    let cwd = std::env::current_dir()
        .map_err(|err| format!("cannot read the working directory: {err}"))?;
    let outputs = parse_outputs(&args.output, args.format)?;
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return Err("--unsafe-fixes needs --fix or --diff".to_string());
    }
    let config = Config::discover(args.config.as_deref(), &cwd).map_err(|err| err.to_string())?;
    let selection = Selection {
        select: args.select,
        ignore: args.ignore,
    };
    let linter = Linter::new(&config, &selection)?;
    let changed = match &args.changed_since {
        Some(reference) => Some(changed::changed_files(reference, &cwd)?),
        None => None,
    };
    let keep = |path: &Path| {
        changed
            .as_ref()
            .is_none_or(|set| changed::is_changed(set, path))
    };
    if args.fix || args.diff {
        let mode = if args.unsafe_fixes {
            FixMode::Unsafe
        } else {
            FixMode::Safe
        };
        let files = discover(&args.paths, &config).map_err(|err| err.to_string())?;
        let selected: Vec<PathBuf> = files.into_iter().filter(|p| keep(p)).collect();
        let fixed = fix_files(&linter, &selected, mode, !args.diff)?;
        if args.diff {
            write_stdout(&fixed.diff)?;
            eprintln!(
                "handbook-lint: would apply {} in {}",
                plural(fixed.applied, "fix", "fixes"),
                plural(fixed.files, "file", "files")
            );
            return Ok(if fixed.files > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            });
        }
        if fixed.applied > 0 {
            eprintln!(
                "handbook-lint: applied {} in {}",
                plural(fixed.applied, "fix", "fixes"),
                plural(fixed.files, "file", "files")
            );
        }
    }
    let report = linter
        .lint_selected(&args.paths, &config, &keep)
        .map_err(|err| err.to_string())?;
    let color = use_color(args.color);
    let mut stdout_format = Some(args.format);
    for (format, file) in &outputs {
        match format {
            Some(format) => write_report(file, *format, &report)?,
            None => {
                write_report(file, args.format, &report)?;
                stdout_format = None;
            }
        }
    }
    if let Some(format) = stdout_format {
        write_report_to_stdout(format, &report, color)?;
    }
    let code = exit_code(&report);
    // The run ends here: the operating system takes the report's memory
    // back at once, faster than freeing each finding.
    std::mem::forget(report);
    Ok(code)
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

/// Writes the report in `format` (without colour) to the file at `path`,
/// atomically, one linted file at a time.
fn write_report(path: &Path, format: Format, report: &RunReport) -> Result<(), String> {
    write_atomic_with(path, |out| format.write(report, false, out))
        .map_err(|err| format!("cannot write report {}: {err}", path.display()))
}

/// What fixing did.
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
) -> Result<Fixed, String> {
    let outcomes: Vec<(&PathBuf, String, FixOutcome)> = files
        .par_iter()
        .filter_map(|path| {
            let source = read_source(path).ok()?;
            let outcome = linter.fix_source(path, &source, mode);
            outcome.changed().then_some((path, source, outcome))
        })
        .collect();
    let mut fixed = Fixed {
        applied: 0,
        files: 0,
        diff: String::new(),
    };
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
    Ok(fixed)
}

fn exit_code(report: &RunReport) -> ExitCode {
    if report.count(Severity::Error) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn use_color(choice: Color) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        Color::Never => false,
        Color::Always => !no_color,
        Color::Auto => !no_color && std::io::stdout().is_terminal(),
    }
}

/// Writes the report in `format` to standard output as it is rendered.
fn write_report_to_stdout(format: Format, report: &RunReport, color: bool) -> Result<(), String> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = format
        .write(report, color, &mut out)
        .and_then(|()| out.flush());
    stdout_result(written)
}
