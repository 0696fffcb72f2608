//! Segments → facts. The same extractors read corpus articles and drafts.

pub mod names;
pub mod number;
pub mod quotes;
pub mod time;
