//! Counts and quantities.

use crate::text::{Segmented, Span};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CountKind {
    Cardinal,
    /// "fourth ballot", "267th".
    Ordinal,
    /// "a fifth of", "half of".
    Fraction,
    /// "twice the size".
    Multiplier,
    Percent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Exact,
    /// "about", "nearly", "some", "roughly".
    Approximate,
    /// "more than", "over", "at least".
    AtLeast,
    /// "less than", "under", "up to", "at most".
    AtMost,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountMention {
    /// The number and its unit phrase.
    pub span: Span,
    /// The number itself.
    pub number_span: Span,
    pub value: f64,
    pub kind: CountKind,
    pub bound: Bound,
    /// The counted thing as written, lowercased ("sanction packages").
    pub unit: String,
    /// Lemma of the unit's head noun ("package"); empty when nothing is counted.
    pub head: String,
}

/// Counts in sentence `sentence` of `seg`. Times, dates, years and numbers inside names are not counts.
pub fn find_counts(seg: &Segmented, sentence: usize) -> Vec<CountMention> {
    let _ = (seg, sentence);
    Vec::new()
}
