//! Writing files atomically: readers see the old contents or the new,
//! never half a file. A target that is no plain file (a device such as
//! `/dev/null`, a named pipe) is written in place: a rename would replace
//! it with a plain file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Distinguishes temporary files made by one process.
static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Writes `contents` to `path` through a temporary file in the same folder
/// and a rename. An existing file keeps its permissions; a symbolic link
/// keeps pointing where it did (its target is replaced).
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(contents))
}

/// [`write_atomic`] for contents that `write` produces piece by piece
/// (buffered): large reports are never held whole in memory. When `write`
/// fails, `path` is left as it was.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    write(&mut file)?;
    file.commit()
}

/// A file written atomically and piece by piece: the contents go to a
/// temporary file in the same folder, which [`AtomicFile::commit`] puts
/// in place of the target. Dropped without a commit, it is removed and
/// the target is left as it was. A target that exists and is no plain
/// file or folder (a device, a named pipe) is written in place instead.
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    permissions: Option<fs::Permissions>,
    /// The temporary file; `None` when the target is written in place.
    temp_path: Option<PathBuf>,
    /// `None` once committed.
    file: Option<io::BufWriter<File>>,
}

impl AtomicFile {
    /// Starts replacing `path`. An existing file keeps its permissions; a
    /// symbolic link keeps pointing where it did (its target is
    /// replaced).
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let target = match fs::canonicalize(path) {
            Ok(real) => real,
            Err(err) if err.kind() == io::ErrorKind::NotFound => path.to_path_buf(),
            Err(err) => return Err(err),
        };
        let metadata = fs::metadata(&target).ok();
        if metadata
            .as_ref()
            .is_some_and(|m| !m.is_file() && !m.is_dir())
        {
            let file = OpenOptions::new().write(true).open(&target)?;
            return Ok(AtomicFile {
                target,
                permissions: None,
                temp_path: None,
                file: Some(io::BufWriter::new(file)),
            });
        }
        let permissions = metadata.map(|m| m.permissions());
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "file".to_string());
        let (temp_path, file) = create_temp(&folder, &name)?;
        Ok(AtomicFile {
            target,
            permissions,
            temp_path: Some(temp_path),
            file: Some(io::BufWriter::new(file)),
        })
    }

    /// Puts what was written in place of the target.
    pub fn commit(mut self) -> io::Result<()> {
        let Some(buffered) = self.file.take() else {
            return Ok(());
        };
        let Some(temp_path) = self.temp_path.take() else {
            // Written in place.
            return buffered
                .into_inner()
                .map(drop)
                .map_err(|err| err.into_error());
        };
        let result = (|| {
            let file = buffered.into_inner().map_err(|err| err.into_error())?;
            if let Some(permissions) = self.permissions.take() {
                file.set_permissions(permissions)?;
            }
            file.sync_all()?;
            drop(file);
            fs::rename(&temp_path, &self.target)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&temp_path);
        }
        result
    }

    fn writer(&mut self) -> io::Result<&mut io::BufWriter<File>> {
        self.file
            .as_mut()
            .ok_or_else(|| io::Error::other("the file is already committed"))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.writer()?.write(bytes)
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.writer()?.write_all(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer()?.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let (Some(_), Some(temp_path)) = (self.file.take(), &self.temp_path) {
            let _ = fs::remove_file(temp_path);
        }
    }
}

fn create_temp(folder: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let mut last_error = None;
    for _ in 0..100 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let candidate = folder.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => return Ok((candidate, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last_error = Some(err),
            Err(err) => return Err(err),
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other("cannot create a temporary file")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        fs::write(&path, "old").unwrap();
        let result = write_atomic_with(&path, |out| {
            out.write_all(b"[half")?;
            Err(io::Error::other("render failed"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "{names:?}");
        write_atomic_with(&path, |out| out.write_all(b"[]\n")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "[]\n");
    }

    #[test]
    fn a_file_dropped_before_its_commit_leaves_the_target_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.xml");
        fs::write(&path, "old").unwrap();
        let mut file = AtomicFile::create(&path).unwrap();
        file.write_all(b"<half").unwrap();
        drop(file);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        let mut file = AtomicFile::create(&path).unwrap();
        file.write_all(b"<whole/>").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        file.commit().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "<whole/>");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn replaces_contents_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_device_is_written_in_place() {
        let null = Path::new("/dev/null");
        let metadata = fs::metadata(null).expect("/dev/null");
        assert!(!metadata.is_file(), "/dev/null is a plain file here");
        let mut file = AtomicFile::create(null).expect("open /dev/null");
        // Checked before anything is written: a temporary file renamed
        // over the device would replace it.
        assert!(file.temp_path.is_none());
        file.write_all(b"a report").expect("write");
        file.commit().expect("commit");
        assert!(!fs::metadata(null).expect("/dev/null").is_file());
    }

    #[test]
    fn creates_new_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_atomic(&path, b"[]").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "[]");
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_symbolic_links() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }
}
