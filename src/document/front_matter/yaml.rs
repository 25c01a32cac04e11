//! YAML front matter, parsed safely: anchors and aliases are refused
//! before any YAML parser sees the text (a job family never needs them,
//! and an alias bomb would expand without limit), quoted values continued
//! at the left margin are indented so the parser accepts them, and the
//! parser's errors are mapped back to spans in the file.

use gray_matter::engine::{Engine, YAML};
use gray_matter::Pod;

use super::{Fields, FrontMatterProblem};

pub(super) fn parse_yaml(text: &str, offset: usize) -> Result<Fields, FrontMatterProblem> {
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

#[cfg(test)]
mod tests {
    use crate::document::front_matter::split;

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
}
