//! copydesk: checks the facts of a news draft against a corpus of source articles.
//!
//! One pipeline, one direction: text → segments → facts → findings. See ARCHITECTURE.md.

pub mod check;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod extract;
pub mod facts;
pub mod finding;
pub mod knowledge;
pub mod lsp;
pub mod text;

pub use check::check_draft;
pub use config::Config;
pub use facts::FactBase;
pub use finding::{Evidence, Finding, Rule, Severity};
