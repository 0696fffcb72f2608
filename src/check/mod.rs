//! Facts → findings. One rule per file; each rule's file holds its tests.

use crate::config::Config;
use crate::facts::FactBase;
use crate::finding::Finding;

/// Run every enabled rule on a draft.
pub fn check_draft(facts: &FactBase, draft: &str, config: &Config) -> Vec<Finding> {
    let _ = (facts, draft, config);
    Vec::new()
}
