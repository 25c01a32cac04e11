//! The link rules, and what they share: where the page sits in the content
//! tree and where each of its links leads ([`link_target`], worked out once
//! per page and read through [`Context::links`](super::Context)).

pub mod absolute_internal_link;
pub mod broken_anchor;
pub mod broken_link;
pub mod link_syntax;
pub(crate) mod link_target;
