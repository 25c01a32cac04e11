//! `handbook-lint rules` and `handbook-lint explain`: the rule catalogue
//! as a table or JSON, and one rule's documentation.

use std::path::Path;
use std::process::ExitCode;

use super::{write_stdout, ListFormat};
use crate::config::Config;
use crate::rules;
use crate::rules::prose::data::data_files_of;
use crate::rules::prose::extra::ListSource;

/// The configuration in force for `rules` and `explain`: `explicit`, else
/// the nearest one above the working directory. Only its `[lists]` matter
/// here, but a configuration that cannot be read fails as `check` fails.
fn configuration(explicit: Option<&Path>) -> Result<Config, String> {
    let cwd = std::env::current_dir()
        .map_err(|err| format!("cannot read the working directory: {err}"))?;
    Config::discover(explicit, &cwd).map_err(|err| err.to_string())
}

/// The entries `config` adds to the lists rule `id` reads.
fn added_sources<'c>(config: &'c Config, id: &'c str) -> impl Iterator<Item = &'c ListSource> {
    config
        .settings
        .lists
        .sources()
        .iter()
        .filter(move |source| source.kind.rules().contains(&id))
}

/// What an added source holds, in a sentence.
fn added_holds(source: &ListSource) -> String {
    let entries = match source.entries {
        1 => "1 entry".to_string(),
        n => format!("{n} entries"),
    };
    let written = if source.inline {
        format!(" written inline in `[lists.{}]`", source.kind.key())
    } else {
        String::new()
    };
    format!(
        "{entries}{written} added to `{}`",
        source.kind.embedded_path()
    )
}

/// Prints the rule list in `format`, with the data each rule reads: the
/// embedded files and, in JSON, what the configuration in force adds.
pub(super) fn list_rules(format: ListFormat, config: Option<&Path>) -> Result<ExitCode, String> {
    let text = match format {
        ListFormat::Text => rules_table(),
        ListFormat::Json => {
            let config = configuration(config)?;
            let configuration = config.path.as_ref().map(|p| p.display().to_string());
            let list: Vec<serde_json::Value> = rules::ALL
                .iter()
                .map(|r| {
                    let embedded = data_files_of(r.id).map(|file| {
                        serde_json::json!({
                            "path": file.path,
                            "holds": file.holds,
                            "licence": file.licence,
                            "source": "embedded",
                        })
                    });
                    let added = added_sources(&config, r.id).map(|source| {
                        serde_json::json!({
                            "path": source.name,
                            "holds": added_holds(source),
                            "licence": null,
                            "source": "configuration",
                            "configuration": configuration,
                            "list": source.kind.key(),
                            "adds_to": source.kind.embedded_path(),
                            "inline": source.inline,
                            "entries": source.entries,
                        })
                    });
                    serde_json::json!({
                        "id": r.id,
                        "group": r.group.name(),
                        "severity": r.severity.as_str(),
                        "fix": r.fix.describe(),
                        "summary": r.summary,
                        "data": embedded.chain(added).collect::<Vec<_>>(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).map_err(|e| e.to_string())? + "\n"
        }
    };
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The rule list as a plain-text table (also the README's rule list).
pub fn rules_table() -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{:<24} {:<10} {:<8} {:<18} {}\n",
        "RULE", "GROUP", "SEVERITY", "FIX", "SUMMARY"
    ));
    for r in rules::ALL {
        out.push_str(&format!(
            "{:<24} {:<10} {:<8} {:<18} {}\n",
            r.id,
            r.group.name(),
            r.severity.as_str(),
            r.fix.describe(),
            r.summary
        ));
    }
    out
}

/// Prints the documentation of the rule `id`, and where its data comes
/// from: the embedded files and what the configuration in force adds.
pub(super) fn explain(id: &str, config: Option<&Path>) -> Result<ExitCode, String> {
    let rule = rules::find(id).ok_or_else(|| crate::config::unknown_rule(id))?;
    let config = configuration(config)?;
    let mut data = String::new();
    for file in data_files_of(rule.id) {
        if data.is_empty() {
            data.push_str("Data (embedded in the binary):\n");
        }
        data.push_str(&format!("- {}: {}", file.path, file.holds));
        if let Some(licence) = file.licence {
            data.push_str(&format!(" (licence: {licence})"));
        }
        data.push('\n');
    }
    let mut added = added_sources(&config, rule.id).peekable();
    if added.peek().is_some() {
        let from = config.path.as_ref().map_or_else(
            || "the configuration".to_string(),
            |p| p.display().to_string(),
        );
        data.push_str(&format!("Data added by {from}:\n"));
        for source in added {
            data.push_str(&format!("- {}: {}\n", source.name, added_holds(source)));
        }
    }
    if !data.is_empty() {
        data.push('\n');
    }
    let text = format!(
        "# {}\n\ngroup: {} | default severity: {} | fix: {}\n\n{}\n\n{}\n{}Reference: {}/{}.md in handbook-lint's source\n",
        rule.id,
        rule.group.name(),
        rule.severity.as_str(),
        rule.fix.describe(),
        rule.summary,
        rule.docs,
        data,
        super::REFERENCE_DIR,
        rule.id,
    );
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}
