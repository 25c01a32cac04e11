//! `handbook-lint ladder`: each job family's levels in page order, with
//! their grades, what each extends, and the problems the family rules
//! find.

use std::process::ExitCode;

use super::{write_stdout, LadderArgs, ListFormat};
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::document::Document;
use crate::engine::{self, Linter, Selection};
use crate::family::{JobFamily, Layout};
use crate::report;
use crate::report::ladder::{FamilyLadder, LadderExtends, LadderLevel, Problem};
use crate::rules;

/// Runs `ladder` and returns the exit status.
pub(super) fn ladder(args: LadderArgs) -> Result<ExitCode, String> {
    let cwd = std::env::current_dir()
        .map_err(|err| format!("cannot read the working directory: {err}"))?;
    let config = Config::discover(args.config.as_deref(), &cwd).map_err(|err| err.to_string())?;
    let family_rules: Vec<String> = rules::ALL
        .iter()
        .filter(|r| r.group == rules::Group::Family)
        .map(|r| r.id.to_string())
        .collect();
    let selection = Selection {
        select: Some(family_rules),
        ignore: Vec::new(),
    };
    let linter = Linter::new(&config, &selection)?;
    let files = engine::discover(&args.paths, &config).map_err(|err| err.to_string())?;
    let mut ladders = Vec::new();
    let mut errors = false;
    for path in files {
        let source = match engine::read_source(&path) {
            Ok(source) => source,
            Err(failure) => {
                eprintln!("handbook-lint: {}: {}", path.display(), failure.message);
                continue;
            }
        };
        let doc = Document::parse(&path, source);
        let family = JobFamily::build(&doc);
        if !family.is_job_family {
            continue;
        }
        let diagnostics = linter.check(&doc);
        errors |= diagnostics.iter().any(|d| d.severity == Severity::Error);
        ladders.push(ladder_rows(&doc, &family, diagnostics));
    }
    let text = match args.format {
        ListFormat::Text => report::ladder::render_text(&ladders),
        ListFormat::Json => report::ladder::render_json(&ladders) + "\n",
    };
    write_stdout(&text)?;
    Ok(if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The rows `ladder` shows for one page.
fn ladder_rows(
    doc: &Document,
    family: &JobFamily,
    diagnostics: Vec<crate::diagnostic::Diagnostic>,
) -> FamilyLadder {
    let levels = family
        .levels
        .iter()
        .enumerate()
        .map(|(i, level)| LadderLevel {
            name: level.name.clone(),
            line: doc.line_number(family.level_span(doc, i).start),
            grade: level.grade.as_ref().map(|g| g.text.clone()),
            extends: level
                .extends
                .iter()
                .map(|e| LadderExtends {
                    list: e.list.word(),
                    reference: e.reference.clone(),
                    level: e
                        .target
                        .and_then(|t| family.levels.get(t))
                        .map(|l| l.name.clone()),
                    line: doc.line_number(e.reference_span.start),
                })
                .collect(),
        })
        .collect();
    let problems = diagnostics
        .into_iter()
        .map(|d| {
            let at = doc.position(d.span.start);
            Problem {
                line: at.line,
                column: at.column,
                rule: d.rule,
                severity: d.severity,
                message: d.message,
            }
        })
        .collect();
    FamilyLadder {
        path: doc.path.to_string_lossy().into_owned(),
        title: family.title.clone(),
        layout: match family.layout {
            Layout::Nested => "nested",
            Layout::SameDepth => "same-depth",
            Layout::Unlabelled => "unlabelled",
            Layout::SingleRole => "single-role",
        },
        levels,
        problems,
    }
}
