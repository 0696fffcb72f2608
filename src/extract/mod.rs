//! Segments → facts. The same extractors read corpus articles and drafts.

pub mod delegations;
pub mod events;
pub mod names;
pub mod places;
pub mod number;
pub mod quotes;
pub mod roles;
pub mod time;

use crate::text::{Segmented, TextKind};
use serde::Serialize;

/// Everything extracted from one document, for `copydesk facts` and for hovers.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentFacts {
    pub quotes: Vec<quotes::Quote>,
    pub times: Vec<time::TimeMention>,
    pub counts: Vec<number::CountMention>,
}

pub fn document_facts(text: &str) -> DocumentFacts {
    let seg = Segmented::new(text, TextKind::Markdown);
    let quotes = quotes::find_quotes(&seg);
    let mut times = Vec::new();
    let mut counts = Vec::new();
    for i in 0..seg.sentences.len() {
        times.extend(time::find_times(&seg, i));
        counts.extend(number::find_counts(&seg, i));
    }
    DocumentFacts { quotes, times, counts }
}
