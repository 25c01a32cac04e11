//! `handbook-lint words`: the words the spelling rule does not know, most
//! frequent first, with their pages.

use std::process::ExitCode;

use super::{write_stdout, WordsArgs, WordsFormat};
use crate::config::Config;
use crate::engine;
use crate::report;

/// Runs `words` and returns the exit status.
pub(super) fn words(args: WordsArgs) -> Result<ExitCode, String> {
    let cwd = std::env::current_dir()
        .map_err(|err| format!("cannot read the working directory: {err}"))?;
    let config = Config::discover(args.config.as_deref(), &cwd).map_err(|err| err.to_string())?;
    let words = engine::words::tally(&args.paths, &config).map_err(|err| err.to_string())?;
    let text = match args.format {
        WordsFormat::Text => report::words::render_text(&words),
        WordsFormat::Json => report::words::render_json(&words) + "\n",
        WordsFormat::Words => report::words::render_words(&words),
    };
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}
