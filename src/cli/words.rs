//! `handbook-lint words`: the words the spelling rule does not know, most
//! frequent first, with their pages.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{write_stdout, WordsArgs, WordsFormat};
use crate::config::Config;
use crate::engine;
use crate::report;

/// Runs `words` and returns the exit status.
pub(super) fn words(args: WordsArgs) -> Result<ExitCode, String> {
    // The configuration is the one of the first path, as for `check`.
    for path in &args.paths {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(format!("{}: no such file or folder", path.display()));
        }
    }
    let first = args.paths.first().map_or(Path::new("."), PathBuf::as_path);
    let config = Config::for_path(args.config.as_deref(), first).map_err(|err| err.to_string())?;
    let words = engine::words::tally(&args.paths, &config).map_err(|err| err.to_string())?;
    let text = match args.format {
        WordsFormat::Text => report::words::render_text(&words),
        WordsFormat::Json => report::words::render_json(&words) + "\n",
        WordsFormat::Words => report::words::render_words(&words),
    };
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}
