//! Debouncing: which jobs the linting thread does together.

use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError};

use super::worker::Job;

/// How long the editor must be quiet before a page is linted.
pub const QUIET: Duration = Duration::from_millis(20);

/// The longest an edit waits to be linted while edits keep coming.
pub const MAX_WAIT: Duration = Duration::from_millis(250);

/// The next jobs to do together: waits for one, then, while edits are
/// among them, for the editor to be quiet. A request ends the wait: it
/// is answered once the edits before it are linted.
pub fn next_batch(jobs: &Receiver<Job>) -> Option<Vec<Job>> {
    let first = jobs.recv().ok()?;
    let mut waiting = first.is_edit();
    let mut batch = vec![first];
    let deadline = Instant::now() + MAX_WAIT;
    while waiting {
        let now = Instant::now();
        let wait = QUIET.min(deadline.saturating_duration_since(now));
        match jobs.recv_timeout(wait) {
            Ok(job) => {
                waiting = !matches!(job, Job::Request(_) | Job::Stop) && now < deadline;
                batch.push(job);
            }
            Err(RecvTimeoutError::Timeout) => waiting = false,
            Err(RecvTimeoutError::Disconnected) => waiting = false,
        }
    }
    Some(batch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn edit(version: i32) -> Job {
        Job::Edit {
            uri: "file:///a.md".parse().expect("a URI"),
            version,
            text: Arc::new(String::new()),
        }
    }

    fn request() -> Job {
        Job::Request(lsp_server::Request::new(
            lsp_server::RequestId::from(1),
            "textDocument/hover".to_string(),
            serde_json::Value::Null,
        ))
    }

    fn kinds(batch: &[Job]) -> Vec<String> {
        batch
            .iter()
            .map(|job| match job {
                Job::Edit { version, .. } => format!("edit {version}"),
                Job::Request(_) => "request".to_string(),
                _ => "other".to_string(),
            })
            .collect()
    }

    #[test]
    fn a_burst_of_edits_is_one_batch_and_a_request_ends_it() {
        let (jobs, queue) = crossbeam_channel::unbounded();
        for job in [edit(1), edit(2), edit(3), request(), edit(4)] {
            jobs.send(job).expect("queued");
        }
        let batch = next_batch(&queue).expect("a batch");
        assert_eq!(kinds(&batch), ["edit 1", "edit 2", "edit 3", "request"]);
        let started = Instant::now();
        let batch = next_batch(&queue).expect("a batch");
        assert_eq!(kinds(&batch), ["edit 4"]);
        assert!(started.elapsed() >= QUIET, "an edit waits for quiet");
    }

    #[test]
    fn a_request_alone_does_not_wait() {
        let (jobs, queue) = crossbeam_channel::unbounded();
        jobs.send(request()).expect("queued");
        jobs.send(edit(1)).expect("queued");
        let batch = next_batch(&queue).expect("a batch");
        assert_eq!(kinds(&batch), ["request"]);
        drop(jobs);
        assert_eq!(kinds(&next_batch(&queue).expect("a batch")), ["edit 1"]);
        assert!(next_batch(&queue).is_none(), "the channel is closed");
    }
}
