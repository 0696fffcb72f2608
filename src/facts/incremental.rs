//! Paragraph memo for re-analysing a draft as it is typed.
//!
//! The sentence-level extractors (names, delegations, times, counts, event kinds, a stated time
//! zone) read only their own sentence, except for one look back at the previous sentence ("It
//! lasted three hours"). So a paragraph's facts are a function of its text, its heading flag and
//! the sentence before it; an edit changes one paragraph and leaves every other one's facts as
//! they were, only moved. The memo stores each paragraph's facts relative to its start and moves
//! them into place, which gives exactly what a fresh extraction would.

use super::Located;
use crate::extract::delegations::DelegationFact;
use crate::extract::events::EventKinds;
use crate::extract::names::NameMention;
use crate::extract::places::PlaceMention;
use crate::extract::number::CountMention;
use crate::extract::quotes::NameRun;
use crate::extract::time::{TimeMention, Zone};
use crate::text::{Segmented, Span};
// Keys are whole paragraphs, hashed on every check: FxHash, not SipHash (see `check::memo`).
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// The facts of one paragraph: spans relative to its start, sentence numbers relative to its
/// first sentence, delegation `name`s indexing `names`.
#[derive(Default)]
pub(super) struct ParagraphFacts {
    pub names: Vec<NameMention>,
    pub delegations: Vec<DelegationFact>,
    pub times: Vec<Located<TimeMention>>,
    pub counts: Vec<Located<CountMention>>,
    pub stated_zone: Option<Zone>,
    /// With the event kinds of their sentence.
    pub places: Vec<(PlaceMention, EventKinds)>,
    /// Each sentence's name runs, for quote attribution; filled only for memoised analyses.
    pub name_runs: Vec<Vec<NameRun>>,
}

/// Remembers the facts of the paragraphs of the last analysis of one document.
#[derive(Default)]
pub struct ParagraphMemo {
    /// What the lexicon the facts were extracted with was (a corpus change resets the memo).
    lexicon: Option<u64>,
    entries: HashMap<String, Arc<ParagraphFacts>>,
    /// Paragraphs extracted afresh by the last analysis (for tests and tracing).
    pub last_misses: usize,
}

impl ParagraphMemo {
    /// Start a new analysis with the lexicon identified by `lexicon_id`.
    pub(super) fn begin(&mut self, lexicon_id: u64) -> MemoRound<'_> {
        if self.lexicon != Some(lexicon_id) {
            self.entries.clear();
            self.lexicon = Some(lexicon_id);
        }
        self.last_misses = 0;
        MemoRound { memo: self, used: HashMap::default() }
    }
}

/// One analysis' use of the memo; entries it does not use are dropped at the end, so the memo
/// holds one document's paragraphs however long the session.
pub(super) struct MemoRound<'a> {
    memo: &'a mut ParagraphMemo,
    used: HashMap<String, Arc<ParagraphFacts>>,
}

impl MemoRound<'_> {
    /// The facts of paragraph `p` of `seg`, from the memo or from `extract` (which works on the
    /// whole document and returns absolute spans and sentence numbers).
    pub(super) fn paragraph(&mut self, seg: &Segmented, p: usize, first_sentence: usize, extract: impl FnOnce() -> ParagraphFacts) -> Arc<ParagraphFacts> {
        let start = seg.paragraphs.get(p).map_or(0, |s| s.start);
        let key = memo_key(seg, p, first_sentence);
        if let Some(hit) = self.used.get(&key).or_else(|| self.memo.entries.get(&key)) {
            let hit = hit.clone();
            self.used.insert(key, hit.clone());
            return hit;
        }
        self.memo.last_misses += 1;
        let mut facts = extract();
        relocate(&mut facts, Move::Back { bytes: start, sentences: first_sentence });
        let facts = Arc::new(facts);
        self.used.insert(key, facts.clone());
        facts
    }
}

impl Drop for MemoRound<'_> {
    fn drop(&mut self) {
        self.memo.entries = std::mem::take(&mut self.used);
    }
}

/// Everything a paragraph's facts depend on: the sentence before it, its heading flag, and its
/// text as written and as masked (markup blanked).
fn memo_key(seg: &Segmented, p: usize, first_sentence: usize) -> String {
    let span = seg.paragraphs.get(p).copied().unwrap_or_default();
    let before = first_sentence.checked_sub(1).map_or("", |i| seg.sentence_text(i));
    let heading = seg.sentences.get(first_sentence).is_some_and(|s| s.heading);
    let mut key = String::with_capacity(before.len() + 2 * span.len() + 4);
    key.push_str(before);
    key.push('\0');
    key.push(if heading { 'h' } else { 'p' });
    key.push_str(span.slice(&seg.masked));
    key.push('\0');
    key.push_str(span.slice(&seg.text));
    key
}

enum Move {
    /// Absolute → relative to the paragraph.
    Back { bytes: usize, sentences: usize },
    /// Relative → absolute.
    To { bytes: usize, sentences: usize },
}

impl Move {
    fn byte(&self, b: usize) -> usize {
        match *self {
            Move::Back { bytes, .. } => b.saturating_sub(bytes),
            Move::To { bytes, .. } => b + bytes,
        }
    }
    fn span(&self, s: &mut Span) {
        *s = Span::new(self.byte(s.start), self.byte(s.end));
    }
    fn sentence(&self, i: &mut usize) {
        *i = match *self {
            Move::Back { sentences, .. } => i.saturating_sub(sentences),
            Move::To { sentences, .. } => *i + sentences,
        };
    }
    // Which fields of each fact are positions is written once, here, for both directions.
    fn name(&self, n: &mut NameMention) {
        self.span(&mut n.span);
        self.sentence(&mut n.sentence);
        if let Some(t) = &mut n.title {
            self.span(&mut t.span);
        }
    }
    fn delegation(&self, d: &mut DelegationFact) {
        self.span(&mut d.cue);
    }
    fn time(&self, t: &mut Located<TimeMention>) {
        self.span(&mut t.fact.span);
        self.sentence(&mut t.sentence);
    }
    fn place(&self, p: &mut PlaceMention) {
        self.span(&mut p.span);
        self.sentence(&mut p.sentence);
    }
    fn count(&self, c: &mut Located<CountMention>) {
        self.span(&mut c.fact.span);
        self.span(&mut c.fact.number_span);
        self.sentence(&mut c.sentence);
    }
}

fn relocate(facts: &mut ParagraphFacts, m: Move) {
    facts.names.iter_mut().for_each(|n| m.name(n));
    facts.delegations.iter_mut().for_each(|d| m.delegation(d));
    facts.times.iter_mut().for_each(|t| m.time(t));
    facts.counts.iter_mut().for_each(|c| m.count(c));
    facts.places.iter_mut().for_each(|(p, _)| m.place(p));
    for r in facts.name_runs.iter_mut().flatten() {
        r.position = m.byte(r.position);
    }
}

/// Copy a remembered paragraph's facts into a document analysis at their place in it.
#[allow(clippy::too_many_arguments)]
pub(super) fn place(
    facts: &ParagraphFacts,
    start: usize,
    first_sentence: usize,
    names: &mut Vec<NameMention>,
    delegations: &mut Vec<DelegationFact>,
    times: &mut Vec<Located<TimeMention>>,
    counts: &mut Vec<Located<CountMention>>,
    places: &mut Vec<(PlaceMention, EventKinds)>,
) {
    let m = Move::To { bytes: start, sentences: first_sentence };
    let name_base = names.len();
    names.extend(facts.names.iter().cloned().map(|mut n| {
        m.name(&mut n);
        n
    }));
    delegations.extend(facts.delegations.iter().cloned().map(|mut d| {
        m.delegation(&mut d);
        d.name += name_base;
        d
    }));
    times.extend(facts.times.iter().cloned().map(|mut t| {
        m.time(&mut t);
        t
    }));
    counts.extend(facts.counts.iter().cloned().map(|mut c| {
        m.count(&mut c);
        c
    }));
    places.extend(facts.places.iter().cloned().map(|(mut p, events)| {
        m.place(&mut p);
        (p, events)
    }));
}
