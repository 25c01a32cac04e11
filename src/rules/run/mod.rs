//! The rules of the run itself: findings the engine reports, not a page's
//! models (a file that cannot be read, a suppression comment that
//! suppresses nothing). Their checks are [`Check::Engine`](super::Check).

pub mod read_error;
pub mod unused_suppression;
