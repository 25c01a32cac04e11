//! Conversions between the engine's byte offsets and paths and the
//! protocol's UTF-16 positions and URIs.

use std::path::{Path, PathBuf};

use lsp_types::{Position, Range, Uri};

use crate::document::LineIndex;

/// A text with its line index, for converting positions both ways.
pub struct Text<'a> {
    /// The text.
    pub text: &'a str,
    /// Its line starts.
    pub lines: LineIndex,
}

impl<'a> Text<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        Text {
            text,
            lines: LineIndex::new(text),
        }
    }

    /// `text` with its line index already built.
    pub fn with_lines(text: &'a str, lines: LineIndex) -> Self {
        Text { text, lines }
    }

    /// The protocol position (0-based line, UTF-16 column) of a byte
    /// offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.lines.line_of(offset);
        let character = self.lines.utf16_column(self.text, offset);
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }

    /// The protocol range of a byte range.
    pub fn range(&self, span: std::ops::Range<usize>) -> Range {
        Range {
            start: self.position(span.start),
            end: self.position(span.end.max(span.start)),
        }
    }

    /// The byte offset of a protocol position. A line past the end gives
    /// the end of the text; a column past the end of its line gives the
    /// end of the line; a column inside a surrogate pair gives the start
    /// of that character.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        let start = self.lines.line_start(line);
        if start >= self.text.len() {
            return self.text.len();
        }
        let line_range = self.lines.line_range(self.text, line);
        let mut units = 0usize;
        let wanted = position.character as usize;
        for (i, c) in self.text[line_range.clone()].char_indices() {
            let next = units + c.len_utf16();
            if next > wanted {
                return line_range.start + i;
            }
            units = next;
        }
        line_range.end
    }
}

/// The file a `file:` URI names, percent-decoding it.
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // `file:///p` has an empty host, `file://localhost/p` names this one.
    let path = if let Some(p) = rest.strip_prefix("localhost/") {
        format!("/{p}")
    } else if rest.starts_with('/') {
        rest.to_string()
    } else {
        return None;
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let bytes = percent_decode(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        let text = String::from_utf8(bytes).ok()?;
        // `/C:/x` on Windows.
        let text = text
            .strip_prefix('/')
            .filter(|t| t.as_bytes().get(1) == Some(&b':'))
            .map(str::to_string)
            .unwrap_or(text);
        Some(PathBuf::from(text))
    }
}

/// The `file:` URI of an absolute path, percent-encoding what a URI
/// path may not hold.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let absolute = std::path::absolute(path).ok()?;
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        absolute.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = {
        let text = absolute.to_str()?.replace('\\', "/");
        if text.starts_with('/') {
            text.into_bytes()
        } else {
            format!("/{text}").into_bytes()
        }
    };
    let mut uri = String::from("file://");
    for &b in &bytes {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.parse().ok()
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn utf16_positions_round_trip() {
        // '😀' is 4 bytes and 2 UTF-16 units; '職' is 3 bytes and 1 unit.
        let text = "a😀b\r\n職x\n";
        let t = Text::new(text);
        assert_eq!(t.position(5), pos(0, 3)); // 'b'
        assert_eq!(t.position(8), pos(1, 0));
        assert_eq!(t.position(11), pos(1, 1)); // 'x'
        for offset in [0, 1, 5, 6, 8, 11, 12, 13] {
            assert_eq!(t.offset(t.position(offset)), offset, "offset {offset}");
        }
        // Inside the surrogate pair: the start of the emoji.
        assert_eq!(t.offset(pos(0, 2)), 1);
        // Past the end of a line: its end, before the CRLF.
        assert_eq!(t.offset(pos(0, 99)), 6);
        // Past the last line: the end of the text.
        assert_eq!(t.offset(pos(9, 0)), text.len());
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            uri_to_path("file:///home/a%20b/%E8%81%B7.md"),
            Some(PathBuf::from("/home/a b/職.md"))
        );
        assert_eq!(
            uri_to_path("file://localhost/x.md"),
            Some(PathBuf::from("/x.md"))
        );
        assert_eq!(uri_to_path("untitled:Untitled-1"), None);
        let uri = path_to_uri(Path::new("/home/a b/職#1.md")).expect("a URI");
        assert_eq!(uri.as_str(), "file:///home/a%20b/%E8%81%B7%231.md");
        assert_eq!(
            uri_to_path(uri.as_str()),
            Some(PathBuf::from("/home/a b/職#1.md"))
        );
        assert_eq!(uri_to_path("file:///bad%zz"), None);
    }
}
