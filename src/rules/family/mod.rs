//! The job-family rules: levels, grades and "Extends" references. They
//! read the job-family model ([`Context::family`](super::Context::family)).

pub mod extends_kind;
pub mod extends_order;
pub mod extends_redundant;
pub mod extends_run_on;
pub mod extends_unknown;
pub mod grade_order;
pub mod level_name_mismatch;
pub mod missing_grade;
pub mod required_requirement;
