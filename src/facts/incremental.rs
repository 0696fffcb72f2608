//! Sentence and paragraph memo for re-analysing a draft as it is typed.
//!
//! The sentence-level extractors (names, delegations, times, counts, event kinds, a stated time
//! zone) read only their own sentence, except for one look back at the previous sentence ("It
//! lasted three hours"). So a sentence's facts are a function of its text, its heading flag and,
//! where it may refer back, the sentence before it; an edit changes one sentence and leaves
//! every other one's facts as they were, only moved. The memo stores each sentence's facts
//! relative to its start and moves them into place, which gives exactly what a fresh extraction
//! would.
//!
//! Two more things are kept per paragraph, keyed by its masked text: its sentences (the splitter
//! reads nothing else) and its quotes as the paragraph alone gives them (`quotes::read_paragraph`,
//! which also reads whether the paragraph before ended inside a quote, and the longest quote).
//! What reaches across paragraphs (speakers' names, a cue ending the paragraph before, a
//! speaker carried over to a quote with none) is worked out afresh in every analysis.

use super::Located;
use crate::extract::delegations::DelegationFact;
use crate::extract::events::EventKinds;
use crate::extract::names::NameMention;
use crate::extract::places::PlaceMention;
use crate::extract::number::CountMention;
use crate::extract::quotes::{read_paragraph, NameRun, ParagraphQuotes};
use crate::extract::time::{TimeMention, Zone};
use crate::text::{split_sentences, Segmented, Span};
// Keys are whole sentences and paragraphs, hashed on every check: FxHash, not SipHash (see
// `check::memo`).
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// The facts of one sentence (or, extracted afresh, of many): spans relative to its start,
/// sentence numbers relative to it, delegation `name`s indexing `names`.
#[derive(Default)]
pub(super) struct SentenceFacts {
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

/// Remembers the facts of the sentences, and the sentences and quotes of the paragraphs, of the
/// last analysis of one document.
#[derive(Default)]
pub struct ParagraphMemo {
    /// What the lexicon the facts were extracted with was (a corpus change resets the memo).
    lexicon: Option<u64>,
    entries: Entries<SentenceFacts>,
    /// A paragraph's masked text → its sentences, relative to its start.
    sentences: Entries<[Span]>,
    /// The longest quote the remembered quotes were read with (a new limit resets them).
    max_quote_chars: Option<usize>,
    /// A paragraph's masked text → its quotes as it alone gives them (`quotes::read_paragraph`),
    /// in the first map if the paragraph before did not run on, in the second if it did.
    quotes: [Entries<ParagraphQuotes>; 2],
    /// Sentences extracted afresh by the last analysis (for tests and tracing).
    pub last_misses: usize,
    /// Paragraphs the last analysis split into sentences afresh, and read quotes from afresh.
    pub last_sentence_misses: usize,
    pub last_quote_misses: usize,
}

/// Remembered values by key, each marked when an analysis uses it. An analysis ends by dropping
/// what it did not use, so the memo holds one document's sentences and paragraphs however long
/// the session.
struct Entries<V: ?Sized>(HashMap<String, (Arc<V>, bool)>);

impl<V: ?Sized> Default for Entries<V> {
    fn default() -> Self {
        Entries(HashMap::default())
    }
}

impl<V: ?Sized> Entries<V> {
    /// The value for `key`, made by `compute` (and counted in `misses`) if none is remembered.
    fn get_or(&mut self, key: &str, misses: &mut usize, compute: impl FnOnce() -> Arc<V>) -> Arc<V> {
        if let Some((value, used)) = self.0.get_mut(key) {
            *used = true;
            return value.clone();
        }
        *misses += 1;
        let value = compute();
        self.0.insert(key.to_string(), (value.clone(), true));
        value
    }

    /// Forget what the analysis that just ended did not use; the rest waits for the next one.
    fn end_analysis(&mut self) {
        self.0.retain(|_, (_, used)| std::mem::take(used));
        // A long draft pasted in and deleted again leaves no large empty table behind.
        if self.0.capacity() > 4 * self.0.len() + 64 {
            self.0.shrink_to_fit();
        }
    }

    fn clear(&mut self) {
        self.0.clear();
    }
}

impl ParagraphMemo {
    /// Start a new analysis with the lexicon identified by `lexicon_id` and quotes of at most
    /// `max_quote_chars` characters.
    pub(super) fn begin(&mut self, lexicon_id: u64, max_quote_chars: usize) -> MemoRound<'_> {
        if self.lexicon != Some(lexicon_id) {
            self.entries.clear();
            self.sentences.clear();
            self.quotes.iter_mut().for_each(Entries::clear);
            self.lexicon = Some(lexicon_id);
        }
        if self.max_quote_chars != Some(max_quote_chars) {
            self.quotes.iter_mut().for_each(Entries::clear);
            self.max_quote_chars = Some(max_quote_chars);
        }
        self.last_misses = 0;
        self.last_sentence_misses = 0;
        self.last_quote_misses = 0;
        MemoRound { memo: self, max_quote_chars, key: String::new() }
    }
}

/// One analysis' use of the memo; entries it does not use are dropped at the end.
pub(super) struct MemoRound<'a> {
    memo: &'a mut ParagraphMemo,
    max_quote_chars: usize,
    /// Each sentence's `memo_key`, in turn.
    key: String,
}

impl MemoRound<'_> {
    /// The facts of sentence `i` of `seg`, from the memo or from `extract` (which works on the
    /// whole document and returns absolute spans and sentence numbers).
    pub(super) fn sentence(&mut self, seg: &Segmented, i: usize, extract: impl FnOnce() -> SentenceFacts) -> Arc<SentenceFacts> {
        let start = seg.sentences.get(i).map_or(0, |s| s.span.start);
        memo_key(&mut self.key, seg, i);
        self.memo.entries.get_or(&self.key, &mut self.memo.last_misses, || {
            let mut facts = extract();
            relocate(&mut facts, Move::Back { bytes: start, sentences: i });
            Arc::new(facts)
        })
    }

    /// The sentences of a paragraph whose masked text is `para`, relative to its start.
    pub(super) fn sentences(&mut self, para: &str) -> Arc<[Span]> {
        self.memo.sentences.get_or(para, &mut self.memo.last_sentence_misses, || split_sentences(para, Span::new(0, para.len())).into())
    }

    /// `quotes::read_paragraph` of paragraph `p` of `seg`, from the memo or read. It reads the
    /// paragraph's masked text (its sentences are split from that alone), `previous_ran_on` and
    /// the longest quote, and nothing else.
    pub(super) fn quotes(&mut self, seg: &Segmented, p: usize, previous_ran_on: bool) -> Arc<ParagraphQuotes> {
        let para = seg.paragraphs.get(p).map_or("", |s| s.slice(&seg.masked));
        let max_chars = self.max_quote_chars;
        self.memo.quotes[usize::from(previous_ran_on)].get_or(para, &mut self.memo.last_quote_misses, || Arc::new(read_paragraph(seg, p, previous_ran_on, max_chars)))
    }
}

impl Drop for MemoRound<'_> {
    fn drop(&mut self) {
        self.memo.entries.end_analysis();
        self.memo.sentences.end_analysis();
        self.memo.quotes.iter_mut().for_each(Entries::end_analysis);
    }
}

/// Everything a sentence's facts depend on: the sentence before it where it may refer back to
/// it, and whether that sentence is in the paragraph just before or its own; its heading flag;
/// and its text as written and as masked (markup blanked).
/// Written into `key`, which is reused so that a sentence found in the memo costs no allocation.
fn memo_key(key: &mut String, seg: &Segmented, i: usize) {
    let Some(sentence) = seg.sentences.get(i) else {
        key.clear();
        return;
    };
    // Most sentences do not read the one before them: leaving it out of their key keeps an
    // edit to one sentence from re-reading the next one too.
    let before = i.checked_sub(1).filter(|_| super::may_refer_back(seg, i));
    let adjacent = before.and_then(|b| seg.sentences.get(b)).is_some_and(|s| s.paragraph + 1 >= sentence.paragraph);
    key.clear();
    key.push_str(before.map_or("", |b| seg.sentence_text(b)));
    key.push(if adjacent { 'a' } else { '\0' });
    key.push(if sentence.heading { 'h' } else { 'p' });
    key.push_str(sentence.span.slice(&seg.masked));
    key.push('\0');
    key.push_str(sentence.span.slice(&seg.text));
}

enum Move {
    /// Absolute → relative to the sentence.
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

fn relocate(facts: &mut SentenceFacts, m: Move) {
    facts.names.iter_mut().for_each(|n| m.name(n));
    facts.delegations.iter_mut().for_each(|d| m.delegation(d));
    facts.times.iter_mut().for_each(|t| m.time(t));
    facts.counts.iter_mut().for_each(|c| m.count(c));
    facts.places.iter_mut().for_each(|(p, _)| m.place(p));
    for r in facts.name_runs.iter_mut().flatten() {
        r.position = m.byte(r.position);
    }
}

/// Copy a remembered sentence's facts into a document analysis at their place in it.
#[allow(clippy::too_many_arguments)]
pub(super) fn place(
    facts: &SentenceFacts,
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

#[cfg(test)]
mod tests {
    use crate::config::Limits;
    use crate::facts::{analyze_incremental, analyze_within, ParagraphMemo};
    use crate::text::TextKind;
    use std::collections::HashSet;

    fn analyse(text: &str, memo: &mut ParagraphMemo) -> Vec<crate::extract::quotes::Quote> {
        analyze_incremental(text, TextKind::Markdown, &HashSet::new(), &Limits::default(), 1, memo).quotes
    }

    fn remembered(memo: &ParagraphMemo) -> [usize; 4] {
        [memo.entries.0.len(), memo.sentences.0.len(), memo.quotes[0].0.len(), memo.quotes[1].0.len()]
    }

    #[test]
    fn a_paragraph_is_read_again_only_when_what_it_reads_changes() {
        let text = "Mayor Ruth Okoye said: “The flood took the lower town.\n\n“We rebuild from the hill down.”\n\nThe port director answered:\n\n“Funding is tight this year.”";
        let mut memo = ParagraphMemo::default();
        analyse(text, &mut memo);
        assert_eq!((memo.last_sentence_misses, memo.last_quote_misses), (4, 4));
        analyse(text, &mut memo);
        assert_eq!((memo.last_sentence_misses, memo.last_quote_misses), (0, 0));
        // The first paragraph's quote now closes: the second paragraph no longer continues it,
        // so its quotes are read again, though its text is the same.
        let closed = text.replacen("town.", "town.”", 1);
        let quotes = analyse(&closed, &mut memo);
        assert_eq!((memo.last_sentence_misses, memo.last_quote_misses), (1, 2));
        assert_eq!(quotes, analyze_within(&closed, TextKind::Markdown, &HashSet::new(), &Limits::default()).quotes);
        assert_eq!(quotes[2].speaker.as_ref().map(|s| s.text.as_str()), Some("The port director"));
        // The colon ending the third paragraph goes: the fourth is not read again (its cue from
        // the paragraph before is looked up afresh every time), and loses that speaker.
        let no_colon = closed.replacen("answered:", "answered.", 1);
        let quotes = analyse(&no_colon, &mut memo);
        assert_eq!((memo.last_sentence_misses, memo.last_quote_misses), (1, 1));
        assert_eq!(quotes, analyze_within(&no_colon, TextKind::Markdown, &HashSet::new(), &Limits::default()).quotes);
        assert_eq!(quotes[2].speaker, None);
    }

    #[test]
    fn what_an_analysis_does_not_use_is_forgotten() {
        let mut memo = ParagraphMemo::default();
        analyse("“One paragraph,” Lee said.\n\nTwo.\n\n“Three paragraphs,” she said.", &mut memo);
        assert_eq!(remembered(&memo), [3, 3, 3, 0]);
        analyse("Another paragraph entirely.", &mut memo);
        assert_eq!(remembered(&memo), [1, 1, 1, 0]);
        // A new quote limit forgets the quotes, a new lexicon everything.
        let limits = Limits { max_quote_chars: 5, ..Limits::default() };
        analyze_incremental("Another paragraph entirely.", TextKind::Markdown, &HashSet::new(), &limits, 1, &mut memo);
        assert_eq!((memo.last_misses, memo.last_sentence_misses, memo.last_quote_misses), (0, 0, 1));
        analyze_incremental("Another paragraph entirely.", TextKind::Markdown, &HashSet::new(), &limits, 2, &mut memo);
        assert_eq!((memo.last_misses, memo.last_sentence_misses, memo.last_quote_misses), (1, 1, 1));
    }
}
