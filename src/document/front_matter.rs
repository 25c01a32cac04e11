//! Front matter: split off by hand with exact offsets, checked for YAML
//! anchors and aliases, then parsed.
//!
//! gray_matter rebuilds the body line by line and loses offsets, accepts an
//! unclosed block, and lets a YAML alias bomb expand without limit. So the
//! block is found here, anchors and aliases are refused before any YAML
//! parser sees the text, and only then is the YAML handed to gray_matter's
//! YAML engine. Hugo's TOML front matter (`+++`) is parsed with `toml`.

use std::collections::HashMap;
use std::ops::Range;

use gray_matter::engine::{Engine, YAML};
use gray_matter::Pod;

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

type Fields = Vec<(String, Option<String>)>;

fn parse_yaml(text: &str, offset: usize) -> Result<Fields, FrontMatterProblem> {
    if let Some(problem) = find_anchor_or_alias(text, offset) {
        return Err(problem);
    }
    if let Some(problem) = anchor_or_alias_event(text, offset) {
        return Err(problem);
    }
    let pod = match YAML::parse(text) {
        Ok(pod) => pod,
        // A quoted value continued on lines that start at the margin: Hugo
        // (go-yaml) and other common parsers read it as a folded string.
        Err(err) => match indent_quoted_continuations(text).map(|t| YAML::parse(&t)) {
            Some(Ok(pod)) => pod,
            _ => return Err(yaml_problem(text, offset, &err.to_string())),
        },
    };
    match pod {
        Pod::Hash(map) => Ok(map
            .into_iter()
            .map(|(key, value)| (key, scalar_text(&value)))
            .collect()),
        Pod::Null => Ok(Vec::new()),
        _ => Err(FrontMatterProblem {
            message: "front matter is not a mapping of keys to values".into(),
            span: offset..offset + text.len(),
        }),
    }
}

/// `text` with the continuation lines of multi-line quoted values that
/// start at the margin indented by two spaces; `None` when there are none.
fn indent_quoted_continuations(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 16);
    let mut open: Option<char> = None;
    let mut changed = false;
    for line in text.split_inclusive('\n') {
        let rest = match open {
            Some(quote) => {
                if !line.starts_with([' ', '\t', '\n', '\r']) {
                    out.push_str("  ");
                    changed = true;
                }
                out.push_str(line);
                if closes(line, quote) {
                    open = None;
                }
                continue;
            }
            None => line,
        };
        out.push_str(line);
        // `key: "value…` at the margin, not closed on this line.
        if rest.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((_, value)) = rest.split_once(':') else {
            continue;
        };
        let value = value.trim_start_matches([' ', '\t']);
        let Some(quote) = value.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            continue;
        };
        if !closes(&value[1..], quote) {
            open = Some(quote);
        }
    }
    changed.then_some(out)
}

/// Whether `text` holds the closing `quote` of a quoted YAML value
/// (`\"` escapes a double quote, `''` stands for a single one).
fn closes(text: &str, quote: char) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && chars.peek() == Some(&'\'') {
                chars.next();
            } else {
                return true;
            }
        }
    }
    false
}

fn scalar_text(value: &Pod) -> Option<String> {
    match value {
        Pod::String(s) => Some(s.clone()),
        Pod::Integer(i) => Some(i.to_string()),
        Pod::Float(f) => Some(f.to_string()),
        Pod::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

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

/// Maps a YAML error ("… at byte 12 line 2 column 5") to a span in the file.
fn yaml_problem(text: &str, offset: usize, error: &str) -> FrontMatterProblem {
    let detail = error
        .split(" at byte ")
        .next()
        .unwrap_or(error)
        .trim()
        .trim_start_matches("Deserialize error:")
        .trim();
    let position = error.rsplit_once(" line ").and_then(|(_, tail)| {
        let mut parts = tail.split(" column ");
        let line: usize = parts.next()?.trim().parse().ok()?;
        let column: usize = parts.next()?.trim().parse().ok()?;
        Some((line, column))
    });
    let span = match position {
        Some((line, column)) => {
            let line_start = text
                .split_inclusive('\n')
                .take(line.saturating_sub(1))
                .map(str::len)
                .sum::<usize>();
            let line_text = text[line_start.min(text.len())..]
                .lines()
                .next()
                .unwrap_or("");
            let col_byte = line_text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map(|(i, _)| i)
                .unwrap_or(line_text.len());
            let start = offset + line_start.min(text.len()) + col_byte;
            let end = offset + line_start.min(text.len()) + line_text.len();
            start..end.max(start)
        }
        None => offset..offset + text.len(),
    };
    FrontMatterProblem {
        message: format!("front matter is not valid YAML: {detail}"),
        span,
    }
}

/// Finds a YAML anchor (`&name`) or alias (`*name`) in value position.
/// Job-family front matter never needs them, and an alias bomb would make
/// a YAML parser expand it without bound.
fn find_anchor_or_alias(text: &str, offset: usize) -> Option<FrontMatterProblem> {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let bytes = line.as_bytes();
        let mut quote: Option<u8> = None;
        let mut prev = b' ';
        // The last byte before `i` that is not whitespace: what
        // `value_position` looks at, kept as we go so that a long line
        // costs linear time.
        let mut last_solid: Option<u8> = None;
        // Just after a tag (`!!str`, `!local`), where a node starts too.
        let mut after_tag = false;
        for (i, &b) in bytes.iter().enumerate() {
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None => {
                    if b == b'#' && prev.is_ascii_whitespace() {
                        break;
                    }
                    let at_value_start = matches!(prev, b' ' | b'\t' | b'[' | b'{' | b',')
                        && (after_tag || value_position(last_solid));
                    if (b == b'&' || b == b'*') && at_value_start {
                        let name_len = bytes[i + 1..]
                            .iter()
                            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
                            .count();
                        if name_len > 0 {
                            let what = if b == b'&' { "anchor" } else { "alias" };
                            let start = offset + line_start + i;
                            return Some(FrontMatterProblem {
                                message: format!(
                                    "front matter uses a YAML {what} (`{}`); anchors and aliases are refused, write the value out",
                                    &line[i..i + 1 + name_len]
                                ),
                                span: start..start + 1 + name_len,
                            });
                        }
                    }
                    if (b == b'"' || b == b'\'') && matches!(prev, b' ' | b':' | b'[' | b',' | b'-')
                    {
                        quote = Some(b);
                    }
                }
            }
            if !b.is_ascii_whitespace() {
                if quote.is_none()
                    && b == b'!'
                    && value_position(last_solid)
                    && prev.is_ascii_whitespace()
                {
                    after_tag = true;
                } else if quote.is_none() && prev.is_ascii_whitespace() {
                    after_tag = false;
                }
                last_solid = Some(b);
            }
            prev = b;
        }
        line_start += line.len();
    }
    None
}

/// Whether what precedes a character puts it where a YAML node starts:
/// after `key:`, after a `-` item marker, inside a flow collection, or at
/// the start of the line.
fn value_position(last_solid: Option<u8>) -> bool {
    matches!(
        last_solid,
        None | Some(b':' | b'-' | b'[' | b'{' | b',' | b'?')
    )
}

/// The YAML parser's own view, as a second line of defence: its events
/// name every anchor and alias, and producing events expands nothing.
fn anchor_or_alias_event(text: &str, offset: usize) -> Option<FrontMatterProblem> {
    use yaml_rust2::parser::{Event, Parser};
    if !text.contains(['&', '*']) {
        return None; // every anchor starts with `&`, every alias with `*`
    }
    let mut parser = Parser::new_from_str(text);
    loop {
        let (event, mark) = parser.next_token().ok()?;
        let what = match event {
            Event::StreamEnd => return None,
            Event::Alias(_) => "an alias",
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _)
                if anchor > 0 =>
            {
                "an anchor"
            }
            _ => continue,
        };
        let at = crate::document::line_index::floor_char_boundary(text, mark.index());
        let end = text[at..]
            .find(|c: char| c.is_whitespace() || c == ',' || c == ']' || c == '}')
            .map_or(text.len(), |i| at + i)
            .max(at + text[at..].chars().next().map_or(0, char::len_utf8));
        return Some(FrontMatterProblem {
            message: format!(
                "front matter uses a YAML {} (`{}`); anchors and aliases are refused, write the value out",
                &what[what.find(' ').map_or(0, |i| i + 1)..],
                &text[at..end]
            ),
            span: offset + at..offset + end,
        });
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
    fn aliases_are_refused_before_parsing() {
        let src = "---\na: &a [\"x\",\"x\"]\nb: [*a,*a]\ntitle: T\n---\n";
        let problem = split(src).0.unwrap().problem.unwrap();
        assert!(problem.message.contains("anchor"), "{}", problem.message);
        assert_eq!(&src[problem.span], "&a");
    }

    #[test]
    fn ampersands_in_text_are_not_anchors() {
        let src = "---\ntitle: R&D & Sales\ndescription: \"a *b\"\n---\n";
        let fm = split(src).0.unwrap();
        assert_eq!(fm.problem, None);
        assert_eq!(fm.title(), Some("R&D & Sales"));
    }

    #[test]
    fn quoted_values_continued_at_the_margin() {
        let src = "---\ntitle: \"Data Engineer\"\ndescription: \"As a Data Engineer, you'll\nbuild tools \\\"well\\\"\nand more\"\nweight: 10\n---\n";
        let fm = split(src).0.unwrap();
        assert_eq!(fm.problem, None);
        assert_eq!(fm.title(), Some("Data Engineer"));
        let src = "---\ntitle: 'It''s\nlong'\n---\n";
        assert_eq!(split(src).0.unwrap().title(), Some("It's long"));
        // A value that never closes is still an error.
        let src = "---\ntitle: \"Open\nstill open\n---\n";
        assert!(split(src).0.unwrap().problem.is_some());
    }

    #[test]
    fn yaml_errors_point_into_the_file() {
        let src = "---\ntitle: A\n  bad: : x\n---\n";
        let problem = split(src).0.unwrap().problem.unwrap();
        assert!(problem
            .message
            .starts_with("front matter is not valid YAML"));
        assert!(problem.span.start >= 4 && problem.span.end <= src.len() - 4);
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
