//! Front matter: split off by hand with exact offsets, checked for YAML
//! anchors and aliases, then parsed.
//!
//! gray_matter rebuilds the body line by line and loses offsets, accepts an
//! unclosed block, and lets a YAML alias bomb expand without limit. So the
//! block is found here, anchors and aliases are refused before any YAML
//! parser sees the text, and only then is the YAML handed to gray_matter's
//! YAML engine. Hugo's TOML front matter (`+++`) is parsed with `toml`.
//!
//! This module finds the block and reads its fields; [`yaml`] parses YAML
//! front matter safely and maps its errors back into the file.

mod yaml;

use std::collections::HashMap;
use std::ops::Range;

use yaml::parse_yaml;

/// The syntax of a front-matter block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontMatterFormat {
    /// `---` … `---` (or `...`).
    Yaml,
    /// `+++` … `+++`, as Hugo writes TOML.
    Toml,
}

/// Why the front matter could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatterProblem {
    /// One sentence, for a `front-matter` finding.
    pub message: String,
    /// Where in the file.
    pub span: Range<usize>,
}

/// A front-matter value we keep: the key, its value as text, and the
/// span of the whole `key: value` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatterField {
    /// The key.
    pub key: String,
    /// The value as a string, when it is a scalar.
    pub value: Option<String>,
    /// Byte range of the line that sets it.
    pub span: Range<usize>,
}

/// The front matter of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatter {
    /// Its syntax.
    pub format: FrontMatterFormat,
    /// The whole block, delimiters included (up to the closing line's end).
    pub span: Range<usize>,
    /// The text between the delimiters.
    pub content: Range<usize>,
    /// Whether a closing delimiter was found.
    pub closed: bool,
    /// Top-level fields, in file order (empty when parsing failed).
    pub fields: Vec<FrontMatterField>,
    /// What is wrong with it, if anything.
    pub problem: Option<FrontMatterProblem>,
}

impl FrontMatter {
    /// The top-level field `key`.
    pub fn field(&self, key: &str) -> Option<&FrontMatterField> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The page title, if set to a non-empty string.
    pub fn title(&self) -> Option<&str> {
        self.field("title")
            .and_then(|f| f.value.as_deref())
            .map(str::trim)
            .filter(|t| !t.is_empty())
    }
}

/// Splits the front matter off `source`. Returns it (if the file starts
/// with a delimiter) and the byte offset where the Markdown body starts.
pub fn split(source: &str) -> (Option<FrontMatter>, usize) {
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &source[start..];
    let (format, delimiter) = if rest.starts_with("---") {
        (FrontMatterFormat::Yaml, "---")
    } else if rest.starts_with("+++") {
        (FrontMatterFormat::Toml, "+++")
    } else {
        return (None, 0);
    };
    let first_line_end = line_end(source, start);
    if source[start + 3..first_line_end.content_end].trim() != "" {
        // "---- " or "--- text" is a thematic break or prose, not front matter.
        return (None, 0);
    }
    let content_start = first_line_end.next;
    let mut pos = content_start;
    while pos < source.len() {
        let end = line_end(source, pos);
        let line = source[pos..end.content_end].trim_end();
        let closes = line == delimiter || (format == FrontMatterFormat::Yaml && line == "...");
        if closes {
            let mut fm = FrontMatter {
                format,
                span: start..end.next,
                content: content_start..pos,
                closed: true,
                fields: Vec::new(),
                problem: None,
            };
            parse_fields(source, &mut fm);
            return (Some(fm), end.next);
        }
        pos = end.next;
    }
    let opening = start..first_line_end.content_end;
    let fm = FrontMatter {
        format,
        span: start..source.len(),
        content: content_start..source.len(),
        closed: false,
        fields: Vec::new(),
        problem: Some(FrontMatterProblem {
            message: format!("front matter opened with `{delimiter}` is never closed"),
            span: opening,
        }),
    };
    (Some(fm), 0)
}

struct LineEnd {
    content_end: usize,
    next: usize,
}

fn line_end(source: &str, from: usize) -> LineEnd {
    match source[from..].find('\n') {
        Some(i) => {
            let nl = from + i;
            let content_end = if nl > from && source.as_bytes()[nl - 1] == b'\r' {
                nl - 1
            } else {
                nl
            };
            LineEnd {
                content_end,
                next: nl + 1,
            }
        }
        None => LineEnd {
            content_end: source.len(),
            next: source.len(),
        },
    }
}

fn parse_fields(source: &str, fm: &mut FrontMatter) {
    let text = &source[fm.content.clone()];
    let parsed = match fm.format {
        FrontMatterFormat::Yaml => parse_yaml(text, fm.content.start),
        FrontMatterFormat::Toml => parse_toml(text, fm.content.start),
    };
    match parsed {
        Ok(values) => {
            let lines = key_lines(source, fm.content.clone());
            fm.fields = values
                .into_iter()
                .map(|(key, value)| {
                    let span = lines
                        .get(key.as_str())
                        .cloned()
                        .unwrap_or_else(|| fm.content.clone());
                    FrontMatterField { key, value, span }
                })
                .collect();
            fm.fields.sort_by_key(|f| f.span.start);
        }
        Err(problem) => fm.problem = Some(problem),
    }
}

/// Top-level keys and their values as text (`None` for a value that is
/// not a scalar).
type Fields = Vec<(String, Option<String>)>;

fn parse_toml(text: &str, offset: usize) -> Result<Fields, FrontMatterProblem> {
    match text.parse::<toml::Table>() {
        Ok(table) => Ok(table
            .into_iter()
            .map(|(key, value)| {
                let text = match value {
                    toml::Value::String(s) => Some(s),
                    toml::Value::Integer(i) => Some(i.to_string()),
                    toml::Value::Float(f) => Some(f.to_string()),
                    toml::Value::Boolean(b) => Some(b.to_string()),
                    _ => None,
                };
                (key, text)
            })
            .collect()),
        Err(err) => {
            let span = err
                .span()
                .map(|s| offset + s.start..offset + s.end.max(s.start + 1).min(text.len()))
                .unwrap_or(offset..offset + text.len());
            Err(FrontMatterProblem {
                message: format!("front matter is not valid TOML: {}", err.message()),
                span,
            })
        }
    }
}

/// The span of the line where each top-level key is set (the first such
/// line), found in one pass over the block.
fn key_lines(source: &str, content: Range<usize>) -> HashMap<&str, Range<usize>> {
    let mut lines = HashMap::new();
    let mut pos = content.start;
    for line in source[content].split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let Some(end) = line.find([':', '=']) else {
            continue;
        };
        let key = line[..end].trim_end();
        let key = key
            .strip_prefix('"')
            .and_then(|k| k.strip_suffix('"'))
            .unwrap_or(key);
        if key.is_empty() || line.starts_with(char::is_whitespace) {
            continue;
        }
        lines
            .entry(key)
            .or_insert(start..start + line.trim_end().len());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_exact_offsets() {
        let src = "---\ntitle: \"A\"\n---\n\nBody\n";
        let (fm, body) = split(src);
        let fm = fm.expect("front matter");
        assert_eq!(&src[body..], "\nBody\n");
        assert_eq!(fm.title(), Some("A"));
        assert_eq!(
            &src[fm.field("title").unwrap().span.clone()],
            "title: \"A\""
        );
    }

    #[test]
    fn crlf_and_bom_are_handled() {
        let src = "\u{feff}---\r\ntitle: A\r\n---\r\nBody";
        let (fm, body) = split(src);
        assert_eq!(fm.unwrap().title(), Some("A"));
        assert_eq!(&src[body..], "Body");
    }

    #[test]
    fn unclosed_front_matter_is_a_problem() {
        let (fm, body) = split("---\ntitle: A\n\n# Heading\n");
        assert_eq!(body, 0);
        assert!(fm
            .unwrap()
            .problem
            .unwrap()
            .message
            .contains("never closed"));
    }

    #[test]
    fn toml_front_matter() {
        let src = "+++\ntitle = \"T\"\n+++\nBody";
        assert_eq!(split(src).0.unwrap().title(), Some("T"));
    }

    #[test]
    fn a_thematic_break_is_not_front_matter() {
        assert!(split("--- not\n").0.is_none());
        assert!(split("Text\n---\n").0.is_none());
    }
}
