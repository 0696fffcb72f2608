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

use crate::text::TextKind;
use serde::Serialize;

/// Everything extracted from one document, for `copydesk facts` and for hovers.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentFacts {
    pub quotes: Vec<quotes::Quote>,
    pub times: Vec<time::TimeMention>,
    pub counts: Vec<number::CountMention>,
}

/// `kind` is `Plain` for newswire `.txt` files (one paragraph per line), `Markdown` otherwise.
pub fn document_facts(text: &str, kind: TextKind) -> DocumentFacts {
    let seg = crate::text::Segmented::new(text, kind);
    let quotes = quotes::find_quotes(&seg);
    let mut times = Vec::new();
    let mut counts = Vec::new();
    for i in 0..seg.sentences.len() {
        times.extend(time::find_times(&seg, i));
        counts.extend(number::find_counts(&seg, i));
    }
    DocumentFacts { quotes, times, counts }
}
