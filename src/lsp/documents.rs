//! The pages open in the editor: their text as the editor has it, kept
//! in step with incremental changes.

use std::collections::HashMap;
use std::sync::Arc;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::convert::Text;

/// An open page.
#[derive(Clone, Debug)]
pub struct OpenDocument {
    /// The text, shared with the linting thread without a copy.
    pub text: Arc<String>,
    /// The editor's version of it.
    pub version: i32,
}

/// The open pages, by URI.
#[derive(Debug, Default)]
pub struct Documents {
    open: HashMap<Uri, OpenDocument>,
}

impl Documents {
    /// Records a page the editor opened.
    pub fn open(&mut self, uri: Uri, text: String, version: i32) -> OpenDocument {
        let document = OpenDocument {
            text: Arc::new(text),
            version,
        };
        self.open.insert(uri, document.clone());
        document
    }

    /// Applies the editor's changes, in order, to an open page. `None`
    /// when the page is not open.
    pub fn change(
        &mut self,
        uri: &Uri,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
    ) -> Option<OpenDocument> {
        let document = self.open.get_mut(uri)?;
        let text = Arc::make_mut(&mut document.text);
        for change in changes {
            apply_change(text, change);
        }
        document.version = version;
        Some(document.clone())
    }

    /// Forgets a page the editor closed; whether it was open.
    pub fn close(&mut self, uri: &Uri) -> bool {
        self.open.remove(uri).is_some()
    }

    /// An open page.
    pub fn get(&self, uri: &Uri) -> Option<&OpenDocument> {
        self.open.get(uri)
    }

    /// Every open page.
    pub fn iter(&self) -> impl Iterator<Item = (&Uri, &OpenDocument)> {
        self.open.iter()
    }
}

/// Applies one change: a range replaced, or (without a range) the whole
/// text. Positions past the end are clamped, as the protocol asks.
pub fn apply_change(text: &mut String, change: TextDocumentContentChangeEvent) {
    let Some(range) = change.range else {
        *text = change.text;
        return;
    };
    let (start, end) = {
        let index = Text::new(text);
        let start = index.offset(range.start);
        let end = index.offset(range.end).max(start);
        (start, end)
    };
    text.replace_range(start..end, &change.text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn change(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range {
                start: Position {
                    line: l1,
                    character: c1,
                },
                end: Position {
                    line: l2,
                    character: c2,
                },
            }),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn ranges_are_replaced_in_utf16_columns() {
        let mut text = "a😀b\n職x\n".to_string();
        // After the emoji (two UTF-16 units): insert before `b`.
        apply_change(&mut text, change(0, 3, 0, 3, "+"));
        assert_eq!(text, "a😀+b\n職x\n");
        // Replace `職` (one unit) across to the start of the next line.
        apply_change(&mut text, change(1, 0, 1, 1, "job"));
        assert_eq!(text, "a😀+b\njobx\n");
        // A range over the line break joins the lines.
        apply_change(&mut text, change(0, 5, 1, 0, " "));
        assert_eq!(text, "a😀+b jobx\n");
        // Past the end: clamped to the end.
        apply_change(&mut text, change(9, 0, 9, 0, "end"));
        assert_eq!(text, "a😀+b jobx\nend");
        let whole = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new".into(),
        };
        apply_change(&mut text, whole);
        assert_eq!(text, "new");
    }

    #[test]
    fn changes_apply_in_order_and_set_the_version() {
        let mut documents = Documents::default();
        let uri: Uri = "file:///a.md".parse().expect("a URI");
        documents.open(uri.clone(), "one\n".into(), 1);
        let shared = Arc::clone(&documents.get(&uri).expect("open").text);
        let changed = documents
            .change(
                &uri,
                vec![change(0, 3, 0, 3, " two"), change(0, 0, 0, 3, "1")],
                2,
            )
            .expect("open");
        assert_eq!(*changed.text, "1 two\n");
        assert_eq!(changed.version, 2);
        assert_eq!(*shared, "one\n", "a text handed out is not changed");
        assert!(documents.close(&uri));
        assert!(documents.change(&uri, Vec::new(), 3).is_none());
    }
}
