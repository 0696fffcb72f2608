//! Segments → facts. The same extractors read corpus articles and drafts.

pub mod attribution;
pub mod delegations;
pub mod events;
pub mod names;
pub mod places;
pub mod number;
pub mod quote_marks;
pub mod quotes;
pub mod roles;
pub mod time;

pub use crate::facts::{document_facts, DocumentFacts};
