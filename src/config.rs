//! Configuration: `.handbook-lint.toml`, found in the working directory or
//! its nearest ancestor, or named with `--config`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::rules::prose::extra::{ListKind, ListText, ProseLists};
use crate::rules::prose::spelling::{SpellingSettings, Variant};
use crate::rules::{self, Settings};

/// The configuration file's name.
pub const FILE_NAME: &str = ".handbook-lint.toml";

/// A configuration that could not be used. The run exits with status 2.
#[derive(Debug)]
pub struct ConfigError {
    /// The file at fault, if any.
    pub path: Option<PathBuf>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{}: {}", path.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// A rule's configured level: a severity, or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The rule does not run.
    Off,
    /// Findings are informational.
    Info,
    /// Findings are warnings.
    Warning,
    /// Findings are errors.
    Error,
}

impl Level {
    /// The severity, or `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(alias = "content_dir")]
    content_dir: Option<PathBuf>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default, alias = "extra_words")]
    extra_words: Vec<String>,
    #[serde(alias = "words_file")]
    words_file: Option<PathBuf>,
    #[serde(alias = "required_phrases")]
    required_phrases: Option<Vec<String>>,
    #[serde(alias = "internal_hosts")]
    internal_hosts: Option<Vec<String>>,
    #[serde(alias = "c_level_grades")]
    c_level_grades: Option<bool>,
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    #[serde(default, alias = "per_file_ignores")]
    per_file_ignores: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    spelling: RawSpelling,
    #[serde(default)]
    lists: RawLists,
}

/// The `[lists]` table as written: entries added to the prose rules'
/// lists, one sub-table a list.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLists {
    brands: Option<RawList>,
    #[serde(alias = "brand_phrases")]
    brand_phrases: Option<RawList>,
    #[serde(alias = "confused_words")]
    confused_words: Option<RawList>,
    #[serde(alias = "inclusive_language")]
    inclusive_language: Option<RawList>,
    #[serde(alias = "vacancy_language")]
    vacancy_language: Option<RawList>,
    placeholders: Option<RawList>,
}

impl RawLists {
    /// The sub-table of `kind`, if written.
    fn get(&self, kind: ListKind) -> Option<&RawList> {
        match kind {
            ListKind::Brands => self.brands.as_ref(),
            ListKind::BrandPhrases => self.brand_phrases.as_ref(),
            ListKind::ConfusedWords => self.confused_words.as_ref(),
            ListKind::InclusiveLanguage => self.inclusive_language.as_ref(),
            ListKind::VacancyLanguage => self.vacancy_language.as_ref(),
            ListKind::Placeholders => self.placeholders.as_ref(),
        }
    }

    /// Every file the table names, joined to `root`.
    fn files(&self, root: &Path) -> Vec<PathBuf> {
        ListKind::ALL
            .iter()
            .filter_map(|&kind| self.get(kind))
            .flat_map(|list| list.files.iter().map(|file| root.join(file)))
            .collect()
    }
}

/// One list's sub-table: files in the embedded file's format, and
/// entries written inline, one line of that format each.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    #[serde(default)]
    files: Vec<PathBuf>,
    #[serde(default)]
    entries: Vec<toml::Spanned<String>>,
}

/// The `[spelling]` table as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSpelling {
    variant: Option<String>,
    #[serde(alias = "report_unknown")]
    report_unknown: Option<bool>,
}

/// The configuration in force for a run.
#[derive(Debug)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// The project root: the folder holding the file, else the working
    /// directory.
    pub root: PathBuf,
    /// The content folder, if set (relative paths are from the root).
    pub content_dir: Option<PathBuf>,
    /// Glob patterns of paths not to lint.
    pub exclude: Vec<String>,
    exclude_set: GlobSet,
    /// Per-rule levels.
    pub levels: BTreeMap<&'static str, Level>,
    /// Rules not run on the paths a glob matches (`[per-file-ignores]`).
    pub per_file_ignores: Vec<PerFileIgnore>,
    /// Whether files named on the command line obey `exclude` too
    /// (`--force-exclude`).
    pub force_exclude: bool,
    /// The `words_file`, joined to the root, when the configuration names
    /// one (whether or not it exists yet).
    pub words_file: Option<PathBuf>,
    /// The files the `[lists]` table names, joined to the root.
    pub list_files: Vec<PathBuf>,
    /// Settings rules read.
    pub settings: Settings,
}

/// One entry of `[per-file-ignores]`: a glob and the rules it turns off.
#[derive(Debug, Clone)]
pub struct PerFileIgnore {
    /// The glob as written.
    pub pattern: String,
    matcher: GlobSet,
    /// The ids of the rules not run on matching paths.
    pub rules: Vec<&'static str>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            root: PathBuf::from("."),
            content_dir: None,
            exclude: Vec::new(),
            exclude_set: GlobSet::empty(),
            levels: BTreeMap::new(),
            per_file_ignores: Vec::new(),
            force_exclude: false,
            words_file: None,
            list_files: Vec::new(),
            settings: Settings::default(),
        }
    }
}

impl Config {
    /// Loads `explicit` if given, else the nearest `.handbook-lint.toml`
    /// from `cwd` upwards, else the defaults.
    pub fn discover(explicit: Option<&Path>, cwd: &Path) -> Result<Config, ConfigError> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        if let Some(file) = find_file(cwd) {
            return Config::load(&file);
        }
        Ok(Config::with_root(cwd.to_path_buf()))
    }

    /// The defaults, with `root` as the project root.
    pub fn with_root(root: PathBuf) -> Config {
        Config {
            root,
            ..Config::default()
        }
    }

    /// The configuration for a linted `path`, found as for
    /// [`Config::discover`] but from the path's folder (a file's parent)
    /// rather than the working directory: a run on a tree elsewhere uses
    /// that tree's configuration and content root.
    pub fn for_path(explicit: Option<&Path>, path: &Path) -> Result<Config, ConfigError> {
        Config::discover(explicit, &start_folder(path))
    }

    /// Loads one configuration file. A `content_dir` that is not a
    /// folder is an error: link checks would silently find nothing.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|err| ConfigError {
            path: Some(path.to_path_buf()),
            message: format!("cannot read configuration: {err}"),
        })?;
        let root = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let config = Config::from_toml(&text, Some(path.to_path_buf()), root)?;
        if let Some(dir) = &config.content_dir {
            let resolved = config.root.join(dir);
            if !resolved.is_dir() {
                return Err(ConfigError {
                    path: Some(path.to_path_buf()),
                    message: format!(
                        "content_dir `{}` is not a folder (looked for {}; paths are relative to the configuration file)",
                        dir.display(),
                        resolved.display()
                    ),
                });
            }
        }
        Ok(config)
    }

    /// Parses configuration text; `path` names it in errors and `root`
    /// anchors relative paths.
    pub fn from_toml(
        text: &str,
        path: Option<PathBuf>,
        root: PathBuf,
    ) -> Result<Config, ConfigError> {
        let error = |message: String| ConfigError {
            path: path.clone(),
            message,
        };
        let raw: RawConfig = toml::from_str(text).map_err(|err| error(toml_error(text, &err)))?;
        let mut levels = BTreeMap::new();
        for (id, level) in raw.rules {
            let rule = rules::find(&id).ok_or_else(|| error(unknown_rule(&id)))?;
            levels.insert(rule.id, level);
        }
        let exclude_set = build_globs(&raw.exclude).map_err(error)?;
        let per_file_ignores = raw
            .per_file_ignores
            .iter()
            .map(|(pattern, ids)| per_file_ignore(pattern, ids))
            .collect::<Result<Vec<_>, _>>()
            .map_err(error)?;
        let mut settings = Settings {
            extra_words: raw.extra_words,
            ..Settings::default()
        };
        for (i, word) in settings.extra_words.iter().enumerate() {
            check_word(word).map_err(|why| error(format!("extra_words[{i}]: {why}")))?;
        }
        let words_file = raw.words_file.map(|file| root.join(file));
        if let Some(file) = &words_file {
            settings.extra_words.extend(read_words_file(file)?);
        }
        settings.spelling = spelling_settings(&raw.spelling).map_err(error)?;
        let list_files = raw.lists.files(&root);
        let texts = list_texts(&raw.lists, text, path.as_deref(), &root)?;
        settings.lists = ProseLists::with_extra(texts).map_err(|err| ConfigError {
            path: None,
            message: err.to_string(),
        })?;
        // The spelling rule accepts the added brand names, as it accepts
        // those of `rules/brands.txt`.
        let brands = settings.lists.added_brands();
        let words: Vec<String> = brands
            .filter(|name| check_word(name).is_ok())
            .map(str::to_string)
            .collect();
        settings.extra_words.extend(words);
        if let Some(phrases) = raw.required_phrases {
            settings.required_phrases = phrases;
        }
        if let Some(hosts) = raw.internal_hosts {
            settings.internal_hosts = hosts;
        }
        if let Some(required) = raw.c_level_grades {
            settings.c_level_grades = required;
        }
        Ok(Config {
            path,
            root,
            content_dir: raw.content_dir,
            exclude: raw.exclude,
            exclude_set,
            levels,
            per_file_ignores,
            force_exclude: false,
            words_file,
            list_files,
            settings,
        })
    }

    /// Whether `path` (relative to the project root or to a linted
    /// folder) matches an `exclude` pattern.
    pub fn is_excluded(&self, path: &Path) -> bool {
        if self.exclude_set.is_empty() {
            return false;
        }
        let relative = relative_to(&self.root, path);
        self.exclude_set.is_match(&relative) || self.exclude_set.is_match(path)
    }
}

impl PerFileIgnore {
    /// Whether the glob matches `path`, relative to the configuration's
    /// `root` (or as given).
    pub fn matches(&self, root: &Path, path: &Path) -> bool {
        self.matcher.is_match(relative_to(root, path)) || self.matcher.is_match(path)
    }
}

/// `path` relative to `root` when under it, else as given.
fn relative_to(root: &Path, path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let relative = absolute.strip_prefix(&root).unwrap_or(path);
    relative.strip_prefix(".").unwrap_or(relative).to_path_buf()
}

/// The nearest `.handbook-lint.toml` in `folder` or above it.
pub fn find_file(folder: &Path) -> Option<PathBuf> {
    folder
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The folder configuration and content roots are looked up from for a
/// linted path: the path itself if it is a folder, else its parent.
pub fn start_folder(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if absolute.is_dir() {
        return absolute;
    }
    absolute.parent().map(Path::to_path_buf).unwrap_or(absolute)
}

/// One `[per-file-ignores]` entry, checked: the glob parses and every
/// name is a rule id or a group name.
fn per_file_ignore(pattern: &str, names: &[String]) -> Result<PerFileIgnore, String> {
    let matcher = build_globs(std::slice::from_ref(&pattern.to_string()))
        .map_err(|err| format!("per-file-ignores: {err}"))?;
    let mut ids = Vec::new();
    for name in names {
        let found =
            resolve_rules(name).map_err(|err| format!("per-file-ignores.\"{pattern}\": {err}"))?;
        ids.extend(found.iter().map(|rule| rule.id));
    }
    Ok(PerFileIgnore {
        pattern: pattern.to_string(),
        matcher,
        rules: ids,
    })
}

/// The `[spelling]` settings, checked.
fn spelling_settings(raw: &RawSpelling) -> Result<SpellingSettings, String> {
    let variant = match raw.variant.as_deref() {
        None => Variant::Both,
        Some("en-US") => Variant::American,
        Some("en-GB") => Variant::British,
        Some(other) => {
            return Err(format!(
                "spelling.variant: unknown variant `{other}` (expected \"en-US\" or \"en-GB\")"
            ))
        }
    };
    Ok(SpellingSettings {
        variant,
        report_unknown: raw.report_unknown.unwrap_or(false),
    })
}

/// The texts the `[lists]` table adds, in the order of the lists and,
/// for each, its files then its inline entries. `config_text` is the
/// configuration's text, for the lines of inline entries; `config_path`
/// names it.
fn list_texts(
    lists: &RawLists,
    config_text: &str,
    config_path: Option<&Path>,
    root: &Path,
) -> Result<Vec<ListText>, ConfigError> {
    let mut texts = Vec::new();
    for kind in ListKind::ALL {
        let Some(list) = lists.get(kind) else {
            continue;
        };
        for file in &list.files {
            let file = root.join(file);
            let what = format!("lists.{} file", kind.key());
            texts.push(ListText {
                kind,
                name: file.display().to_string(),
                lines: None,
                text: read_text(&file, &what)?,
            });
        }
        if list.entries.is_empty() {
            continue;
        }
        let line_of = |offset: usize| {
            let before = config_text.as_bytes().get(..offset).unwrap_or_default();
            before.iter().filter(|&&b| b == b'\n').count() + 1
        };
        let mut text = String::new();
        let mut lines = Vec::new();
        for entry in &list.entries {
            // One entry is one line: a line break would shift the lines
            // errors name.
            for line in entry.get_ref().split('\n') {
                text.push_str(line);
                text.push('\n');
                lines.push(line_of(entry.span().start));
            }
        }
        texts.push(ListText {
            kind,
            name: config_path
                .map_or_else(|| "configuration".to_string(), |p| p.display().to_string()),
            lines: Some(lines),
            text,
        });
    }
    Ok(texts)
}

/// The text of a file the configuration names as `what`: an error naming
/// the file when it cannot be read or is not UTF-8 (with the line of the
/// first bad byte).
fn read_text(file: &Path, what: &str) -> Result<String, ConfigError> {
    let error = |message: String| ConfigError {
        path: Some(file.to_path_buf()),
        message,
    };
    let bytes = std::fs::read(file).map_err(|err| error(format!("cannot read {what}: {err}")))?;
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        error(format!("line {line}: {what} is not valid UTF-8"))
    })
}

/// The words of a `words_file`: one a line, `#` starts a comment line.
/// A file that does not exist yet has no words (an editor's "add word"
/// action creates it). A file that cannot be read, is not UTF-8 or has a
/// line that is not one word is an error naming the file (and the line).
fn read_words_file(file: &Path) -> Result<Vec<String>, ConfigError> {
    let error = |message: String| ConfigError {
        path: Some(file.to_path_buf()),
        message,
    };
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(error(format!("cannot read words_file: {err}"))),
    };
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        error(format!("line {line}: words_file is not valid UTF-8"))
    })?;
    let mut words = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let word = line.trim();
        if word.is_empty() || word.starts_with('#') {
            continue;
        }
        check_word(word).map_err(|why| error(format!("line {}: {why}", number + 1)))?;
        words.push(word.to_string());
    }
    Ok(words)
}

/// Whether a configured word is one word as the spelling rule reads
/// words: letters and digits, with apostrophes inside.
fn check_word(word: &str) -> Result<(), String> {
    let word = word.trim();
    let inner_apostrophes =
        !word.starts_with(['\'', '\u{2019}']) && !word.ends_with(['\'', '\u{2019}']);
    let word_chars = word
        .chars()
        .all(|c| c.is_alphanumeric() || c == '\'' || c == '\u{2019}');
    if !word.is_empty() && word_chars && inner_apostrophes {
        return Ok(());
    }
    Err(format!(
        "`{word}` is not one word: the spelling rule reads letters and digits (with apostrophes inside); \
         list each part of a hyphenated or spaced term on its own line"
    ))
}

/// The error for a rule id that does not exist, with the closest ids.
pub fn unknown_rule(id: &str) -> String {
    match closest(id, rules::ALL.iter().map(|r| r.id)) {
        Some(best) => format!("unknown rule `{id}` (did you mean `{best}`?)"),
        None => format!("unknown rule `{id}` (see `handbook-lint rules`)"),
    }
}

/// The rules a name stands for: a rule id (`spelling`) or a group name
/// (`prose`, `links`, as `handbook-lint rules` lists them). Anything else
/// is an error naming it, with the closest id or group.
pub fn resolve_rules(name: &str) -> Result<Vec<&'static rules::Rule>, String> {
    if let Some(rule) = rules::find(name) {
        return Ok(vec![rule]);
    }
    let group: Vec<&'static rules::Rule> = rules::ALL
        .iter()
        .copied()
        .filter(|r| r.group.name() == name)
        .collect();
    if !group.is_empty() {
        return Ok(group);
    }
    let names = rules::ALL.iter().flat_map(|r| [r.id, r.group.name()]);
    Err(match closest(name, names) {
        Some(best) => format!("unknown rule or group `{name}` (did you mean `{best}`?)"),
        None => format!("unknown rule or group `{name}` (see `handbook-lint rules`)"),
    })
}

/// The candidate most like `name`, if one is close.
fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut close: Vec<(f64, &str)> = candidates
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score > 0.8)
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0));
    close.first().map(|(_, best)| *best)
}

fn build_globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob =
            Glob::new(pattern).map_err(|err| format!("bad exclude pattern `{pattern}`: {err}"))?;
        builder.add(glob);
        // "drafts" also excludes everything under it.
        if !pattern.ends_with("/**") {
            if let Ok(glob) = Glob::new(&format!("{}/**", pattern.trim_end_matches('/'))) {
                builder.add(glob);
            }
        }
    }
    builder
        .build()
        .map_err(|err| format!("bad exclude patterns: {err}"))
}

fn toml_error(text: &str, err: &toml::de::Error) -> String {
    let message = err.message().trim();
    match err.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml(text, Some(PathBuf::from("cfg.toml")), PathBuf::from("."))
    }

    #[test]
    fn rule_levels_and_settings() {
        let config = parse(
            "extra_words = [\"Xyzzo\"]\nrequired_phrases = [\"Uses GitLab\"]\nc-level-grades = true\n[rules]\ntrailing-whitespace = \"off\"\nfront-matter = \"warning\"\n",
        )
        .expect("valid config");
        assert_eq!(config.levels["trailing-whitespace"], Level::Off);
        assert_eq!(config.levels["front-matter"], Level::Warning);
        assert_eq!(config.settings.extra_words, vec!["Xyzzo"]);
        assert_eq!(config.settings.required_phrases, vec!["Uses GitLab"]);
        assert!(config.settings.c_level_grades);
    }

    #[test]
    fn unknown_keys_and_rules_are_errors_naming_them() {
        let err = parse("colour = 1\n").unwrap_err().to_string();
        assert!(
            err.starts_with("cfg.toml: line 1:") && err.contains("colour"),
            "{err}"
        );
        let err = parse("[rules]\ntrailing-whitespaces = \"off\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown rule `trailing-whitespaces`"), "{err}");
        assert!(err.contains("did you mean `trailing-whitespace`"), "{err}");
    }

    #[test]
    fn spelling_table_sets_variant_and_unknown_words() {
        let config =
            parse("[spelling]\nvariant = \"en-GB\"\nreport-unknown = true\n").expect("valid");
        assert_eq!(config.settings.spelling.variant, Variant::British);
        assert!(config.settings.spelling.report_unknown);
        let err = parse("[spelling]\nvariant = \"en-AU\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("spelling.variant") && err.contains("en-AU"),
            "{err}"
        );
        let err = parse("extra_words = [\"two words\"]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("extra_words[0]"), "{err}");
    }

    #[test]
    fn words_file_errors_name_the_file_and_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let named = |file: &str| {
            Config::from_toml(
                &format!("words_file = \"{file}\"\n"),
                Some(PathBuf::from("cfg.toml")),
                dir.path().to_path_buf(),
            )
        };
        let missing = named("nowhere.txt").expect("a words file not created yet");
        assert!(missing.settings.extra_words.is_empty());
        assert_eq!(missing.words_file, Some(dir.path().join("nowhere.txt")));
        std::fs::create_dir(dir.path().join("folder")).expect("folder");
        let unreadable = named("folder").unwrap_err().to_string();
        assert!(
            unreadable.contains("folder") && unreadable.contains("cannot read"),
            "{unreadable}"
        );
        let write = |text: &[u8]| {
            std::fs::write(dir.path().join("words.txt"), text).expect("write");
            Config::from_toml(
                "words_file = \"words.txt\"\n",
                Some(PathBuf::from("cfg.toml")),
                dir.path().to_path_buf(),
            )
        };
        let ok = write(b"# names\nZuora\n\nO'Frob\n").expect("valid words");
        assert_eq!(ok.settings.extra_words, ["Zuora", "O'Frob"]);
        let bad = write(b"Zuora\nself-service\n").unwrap_err().to_string();
        assert!(
            bad.contains("words.txt: line 2:") && bad.contains("self-service"),
            "{bad}"
        );
        let binary = write(b"Zuora\nbad \xff byte\n").unwrap_err().to_string();
        assert!(
            binary.contains("words.txt: line 2:") && binary.contains("UTF-8"),
            "{binary}"
        );
    }

    #[test]
    fn lists_are_read_relative_to_the_file_with_inline_entries_by_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("lists")).expect("folder");
        std::fs::write(dir.path().join("lists/brands.txt"), "# ours\nFrobCo\n").expect("write");
        let load = |text: &str| {
            Config::from_toml(
                text,
                Some(PathBuf::from("cfg.toml")),
                dir.path().to_path_buf(),
            )
        };
        let config = load(
            "[lists.brands]\nfiles = [\"lists/brands.txt\"]\nentries = [\"Quuxly\", \"Acme.io\"]\n",
        )
        .expect("valid lists");
        let lists = &config.settings.lists;
        assert_eq!(lists.brand("frobco"), Some("FrobCo"));
        assert_eq!(lists.brand("quuxly"), Some("Quuxly"));
        assert_eq!(config.list_files, [dir.path().join("lists/brands.txt")]);
        // One-word names are words the spelling rule accepts.
        let mut words = config.settings.extra_words.clone();
        words.sort();
        assert_eq!(words, ["FrobCo", "Quuxly"]);
        let err = load("[lists.placeholders]\nentries = [\n  'TBD',\n\n  '(open',\n]\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("cfg.toml: line 5: "), "{err}");
        let err = load("[lists.brands]\nfiles = [\"nowhere.txt\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("nowhere.txt") && err.contains("cannot read lists.brands file"),
            "{err}"
        );
        let err = load("[lists.brandz]\n").unwrap_err().to_string();
        assert!(err.contains("line 1") && err.contains("brandz"), "{err}");
    }

    #[test]
    fn excludes_match_relative_paths() {
        let config = parse("exclude = [\"content/drafts\"]\n").expect("valid");
        assert!(config.is_excluded(Path::new("./content/drafts/a.md")));
        assert!(!config.is_excluded(Path::new("content/jobs/a.md")));
    }
}
