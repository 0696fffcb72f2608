//! Direct quotes and who said them.

use crate::text::{Segmented, Span};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A proper name ("Marco Rubio", "Rubio").
    Name,
    /// "he", "she", "they".
    Pronoun,
    /// A description ("the Kremlin aide", "a Ukrainian official").
    Description,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The mention the attribution attaches to.
    pub mention: Span,
    pub text: String,
    pub kind: MentionKind,
    /// The person's name as written at its fullest in the document, when resolved.
    pub name: Option<String>,
    /// True for a description that names nobody ("a Ukrainian official said").
    pub anonymous: bool,
    /// True when the speaker was inherited from an earlier paragraph (a "floating" quote).
    pub from_earlier_paragraph: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    pub text: String,
    /// Index of the paragraph the quote starts in.
    pub paragraph: usize,
    /// A fragment quoted inside the writer's own sentence ("called it a “terrible situation”").
    pub partial: bool,
    pub speaker: Option<Speaker>,
}

/// Every direct quote in the document, in order.
pub fn find_quotes(seg: &Segmented) -> Vec<Quote> {
    let _ = seg;
    Vec::new()
}
