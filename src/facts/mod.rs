//! The fact base: what the corpus says, with provenance.

use crate::corpus::SourceDoc;

pub struct FactBase {
    pub docs: Vec<SourceDoc>,
}

impl FactBase {
    pub fn build(docs: Vec<SourceDoc>) -> FactBase {
        FactBase { docs }
    }
}
