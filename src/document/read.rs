//! Reading a page from disk: its text, or a reason it cannot be linted.
//! The engine reads pages to lint them and the site index reads link
//! targets through the same checks (no FIFO or device is ever opened).

use std::ops::Range;
use std::path::Path;

/// Why a file could not be linted.
#[derive(Debug)]
pub struct ReadFailure {
    /// One sentence.
    pub message: String,
    /// Where in the file (the first bad byte), or an empty span at 0.
    pub span: Range<usize>,
    /// Text to show the span in (the file decoded lossily, or empty).
    pub display_text: String,
}

/// How many leading bytes are searched for NUL to call a file binary.
const BINARY_SNIFF: usize = 8192;

/// The largest file read, in bytes. Real pages are kilobytes; this is
/// far above any of them and keeps a stray dump from exhausting memory.
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Reads `path` as UTF-8 text.
///
/// Only regular files (or links to them) are read: a FIFO or a device
/// (say, a link to `/dev/zero` named `page.md`) would block or never end.
pub fn read_source(path: &Path) -> Result<String, ReadFailure> {
    let failure = |message: String| ReadFailure {
        message,
        span: 0..0,
        display_text: String::new(),
    };
    // Look before opening: opening a FIFO blocks until someone writes.
    let metadata =
        std::fs::metadata(path).map_err(|err| failure(format!("cannot read file: {err}")))?;
    if metadata.is_dir() {
        return Err(failure("cannot read file: it is a folder".into()));
    }
    if !metadata.is_file() {
        return Err(failure(
            "cannot read file: not a regular file (a pipe, socket or device)".into(),
        ));
    }
    if metadata.len() > MAX_FILE_SIZE {
        return Err(failure(format!(
            "file is {} MiB, larger than the {} MiB limit for a page",
            metadata.len() / (1024 * 1024),
            MAX_FILE_SIZE / (1024 * 1024)
        )));
    }
    let file =
        std::fs::File::open(path).map_err(|err| failure(format!("cannot read file: {err}")))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize + 1);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(&file, MAX_FILE_SIZE + 1),
        &mut bytes,
    )
    .map_err(|err| failure(format!("cannot read file: {err}")))?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(failure(format!(
            "file grew past the {} MiB limit for a page while being read",
            MAX_FILE_SIZE / (1024 * 1024)
        )));
    }
    decode(bytes)
}

/// Decodes file contents as UTF-8, refusing binary data.
pub fn decode(bytes: Vec<u8>) -> Result<String, ReadFailure> {
    if let Some(nul) = memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF)]) {
        return Err(ReadFailure {
            message: format!("file is binary (NUL byte at offset {nul}), not a Markdown page"),
            span: 0..0,
            display_text: String::new(),
        });
    }
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let bad_len = err.utf8_error().error_len().unwrap_or(1);
        let bytes = err.into_bytes();
        let bad: Vec<String> = bytes[at..at + bad_len].iter().map(|b| format!("0x{b:02X}")).collect();
        let display_text = String::from_utf8_lossy(&bytes).into_owned();
        let end = display_text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8());
        ReadFailure {
            message: format!(
                "file is not valid UTF-8: byte {} at offset {at} (saved in another encoding? re-save it as UTF-8)",
                bad.join(" ")
            ),
            span: at..end,
            display_text,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_points_at_the_first_bad_byte() {
        let failure = decode(b"ok\nThe Manager\x92s team\n".to_vec()).unwrap_err();
        assert_eq!(failure.span.start, 14);
        assert!(failure.message.contains("0x92"));
        assert_eq!(&failure.display_text[..14], "ok\nThe Manager");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(vec![0x89, b'P', b'N', b'G', 0, 0])
            .unwrap_err()
            .message
            .contains("binary"));
    }

    #[test]
    fn text_is_returned() {
        assert_eq!(decode(b"# A\n".to_vec()).unwrap(), "# A\n");
    }
}
