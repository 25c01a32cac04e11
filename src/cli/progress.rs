//! A progress bar on standard error for long runs: shown only when
//! standard error is a terminal, not with `--quiet`, and only once a run
//! has taken about a second, so short runs print nothing extra.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::engine::Progress;

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// A progress bar that draws itself once the run has lasted [`DELAY`].
pub struct Bar {
    bar: ProgressBar,
    started: Instant,
    shown: AtomicBool,
}

impl Bar {
    /// A bar when standard error is a terminal and `quiet` is off.
    pub fn for_terminal(quiet: bool) -> Option<Bar> {
        (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} pages {msg}") {
                bar.set_style(style);
            }
            Bar {
                bar,
                started: Instant::now(),
                shown: AtomicBool::new(false),
            }
        })
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        self.bar.set_length(total as u64);
    }

    fn advance(&self, done: usize) {
        if self.started.elapsed() >= DELAY && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(done as u64);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }

    fn suspended(&self, write: &mut dyn FnMut()) {
        self.bar.suspend(write);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_runs_have_no_bar() {
        assert!(Bar::for_terminal(true).is_none());
    }

    #[test]
    fn the_bar_stays_hidden_in_the_first_second() {
        let bar = Bar {
            bar: ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
            started: Instant::now(),
            shown: AtomicBool::new(false),
        };
        bar.start(10);
        bar.advance(3);
        assert!(!bar.shown.load(Ordering::Relaxed));
        assert_eq!(bar.bar.position(), 3);
        assert_eq!(bar.bar.length(), Some(10));
    }
}
