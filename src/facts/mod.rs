//! The fact base: what the corpus says, with provenance, and the same analysis for drafts.

mod incremental;
mod people;
mod relevance;
mod unresolved;

pub use incremental::ParagraphMemo;

pub use people::{one_edit_apart as people_one_edit_apart, spelling_variants as people_spelling_variants, People, Person, PersonId};

use crate::corpus::SourceDoc;
use crate::extract::delegations::{find_delegations, DelegationFact, Membership};
use crate::extract::events::{event_kinds, EventKinds, SentenceClauses};
use crate::extract::names::{find_names, Lexicon, NameMention};
use crate::extract::number::{find_counts_beside, CountMention};
use crate::extract::places::{find_places, PlaceMention};
use crate::extract::quotes::{find_quotes_with, find_quotes_within, Quote};
use crate::extract::roles::Role;
use crate::extract::time::{find_times_in, TimeMention};
use crate::text::{tokenize, Segmented, Span, TextKind, TokenKind};
use std::collections::HashSet;

/// Everything extracted from one document (draft or source), before people are resolved.
pub struct Analysis {
    pub seg: Segmented,
    pub names: Vec<NameMention>,
    /// Delegation facts; `name` indexes `names`.
    pub delegations: Vec<DelegationFact>,
    /// With the event kinds of the place's sentence.
    pub places: Vec<(PlaceMention, EventKinds)>,
    pub quotes: Vec<Quote>,
    /// With the sentence index and the event kinds of its clause (`events`) and sentence (`broad`).
    pub times: Vec<Located<TimeMention>>,
    pub counts: Vec<Located<CountMention>>,
}

#[derive(Debug, Clone)]
pub struct Located<T> {
    pub fact: T,
    pub sentence: usize,
    /// Event kinds of the clause the fact is in.
    pub events: EventKinds,
    /// Event kinds anywhere in its sentence.
    pub broad: EventKinds,
}

/// Run every extractor on a document.
pub fn analyze(text: &str, kind: TextKind, lexicon: &dyn Lexicon) -> Analysis {
    analyze_within(text, kind, lexicon, &crate::config::Limits::default())
}

/// As `analyze`, with the writer's limits (the longest quote) instead of the defaults.
pub fn analyze_within(text: &str, kind: TextKind, lexicon: &dyn Lexicon, limits: &crate::config::Limits) -> Analysis {
    analyze_with(text, kind, lexicon, limits, None)
}

/// `analyze_within` for a document analysed again after an edit: paragraphs whose text did not
/// change reuse their facts from `memo` (see `incremental`). `lexicon_id` names the lexicon; a
/// different one starts the memo afresh. The result is the same as `analyze_within`'s.
pub fn analyze_incremental(text: &str, kind: TextKind, lexicon: &dyn Lexicon, limits: &crate::config::Limits, lexicon_id: u64, memo: &mut ParagraphMemo) -> Analysis {
    analyze_with(text, kind, lexicon, limits, Some((memo, lexicon_id)))
}

fn analyze_with(text: &str, kind: TextKind, lexicon: &dyn Lexicon, limits: &crate::config::Limits, memo: Option<(&mut ParagraphMemo, u64)>) -> Analysis {
    let mut round = memo.map(|(m, id)| m.begin(id, limits.max_quote_chars));
    let seg = match &mut round {
        Some(round) => Segmented::with_sentences(text, kind, |para| round.sentences(para)),
        None => Segmented::new(text, kind),
    };
    let mut names = Vec::new();
    let mut delegations = Vec::new();
    let mut times = Vec::new();
    let mut counts = Vec::new();
    let mut places = Vec::new();
    let mut zone = None;
    // Each sentence's remembered name runs and where the sentence starts.
    let mut runs: Vec<(std::sync::Arc<incremental::SentenceFacts>, usize)> = Vec::new();
    match &mut round {
        // Remembered sentence by sentence: an edit re-reads the sentence it is in.
        Some(round) => {
            runs = (0..seg.sentences.len()).map(|i| (round.sentence(&seg, i, || extract_sentences(&seg, i..i + 1, lexicon, true)), seg.sentences[i].span.start)).collect();
            // Growing five vectors sentence by sentence cost a tenth of an analysis.
            names.reserve(runs.iter().map(|(f, _)| f.names.len()).sum());
            delegations.reserve(runs.iter().map(|(f, _)| f.delegations.len()).sum());
            times.reserve(runs.iter().map(|(f, _)| f.times.len()).sum());
            counts.reserve(runs.iter().map(|(f, _)| f.counts.len()).sum());
            places.reserve(runs.iter().map(|(f, _)| f.places.len()).sum());
            for (i, (facts, start)) in runs.iter().enumerate() {
                incremental::place(facts, *start, i, &mut names, &mut delegations, &mut times, &mut counts, &mut places);
                zone = zone.or_else(|| facts.stated_zone.clone());
            }
        }
        None => {
            let facts = extract_sentences(&seg, 0..seg.sentences.len(), lexicon, false);
            names = facts.names;
            delegations = facts.delegations;
            times = facts.times;
            counts = facts.counts;
            places = facts.places;
            zone = facts.stated_zone;
        }
    }
    // "All times GMT": a zone stated once stands for every time given without one.
    if let Some(zone) = zone {
        for t in &mut times {
            if let crate::extract::time::TimeValue::Clock { zone: z @ crate::extract::time::Zone::Unspecified, .. } = &mut t.fact.value {
                *z = zone.clone();
            }
        }
    }
    let quotes = match &mut round {
        Some(round) => find_quotes_with(
            &seg,
            |p, previous_ran_on| round.quotes(&seg, p, previous_ran_on),
            || runs.iter().flat_map(|(f, start)| f.name_runs.iter().map(|r| (std::borrow::Cow::Borrowed(r.as_slice()), *start))).collect(),
        ),
        None => find_quotes_within(&seg, limits.max_quote_chars),
    };
    drop(round);
    Analysis { seg, names, delegations, places, quotes, times, counts }
}

/// The sentence-level facts of sentences `range` of `seg`, with absolute spans.
/// `name_runs` adds each sentence's runs for quote attribution.
fn extract_sentences(seg: &Segmented, range: std::ops::Range<usize>, lexicon: &dyn Lexicon, name_runs: bool) -> incremental::SentenceFacts {
    let mut out = incremental::SentenceFacts::default();
    for i in range {
        let sentence_names = find_names(seg, i, lexicon);
        for mut d in find_delegations(seg, i, &sentence_names) {
            d.name += out.names.len();
            out.delegations.push(d);
        }
        let mut broad = event_kinds(seg, seg.sentences[i].span);
        out.places.extend(find_places(seg, &sentence_names).into_iter().map(|p| (p, broad)));
        out.names.extend(sentence_names);
        // "It lasted three hours": the event is the one the previous sentence named.
        let inherited = if broad.is_empty() && refers_back_to_event(seg, i) && i > 0 && seg.sentences[i - 1].paragraph + 1 >= seg.sentences[i].paragraph {
            event_kinds(seg, seg.sentences[i - 1].span)
        } else {
            EventKinds::default()
        };
        if broad.is_empty() {
            broad = inherited;
        }
        // One clause index per sentence: asking `clause_around` per fact re-read the sentence
        // each time, quadratic in a sentence of many times (a long table is one sentence).
        let clauses = SentenceClauses::new(seg, i);
        let sentence_times = find_times_in(seg, i, &clauses);
        for c in find_counts_beside(seg, i, &sentence_times) {
            let events = clauses.events_around(c.span);
            out.counts.push(Located { fact: c, sentence: i, events, broad });
        }
        for t in sentence_times {
            let mut events = clauses.events_around(t.span);
            if events.is_empty() {
                events = inherited;
            }
            if let Some(own) = clauses.adjective_duration_event(t.span) {
                events = own.into_iter().collect();
            }
            out.times.push(Located { fact: t, sentence: i, events, broad });
        }
        if out.stated_zone.is_none() {
            out.stated_zone = crate::extract::time::stated_zone_in(seg, i);
        }
        if name_runs {
            out.name_runs.push(crate::extract::quotes::name_runs(seg, i));
        }
    }
    out
}

/// The first words of a sentence about the event the one before it named ("It lasted three
/// hours").
const BACK_REFERRING: [&str; 4] = ["it", "they", "this", "that"];

/// Whether sentence `i` may read the sentence before it: `refers_back_to_event` is true only
/// where this is, and this is cheap (no tokens), so the paragraph memo keys on the sentence
/// before only where it can matter. A sentence's first word starts at its first letter, and a
/// word that is one of `BACK_REFERRING` is not followed by a letter or digit.
pub(crate) fn may_refer_back(seg: &Segmented, i: usize) -> bool {
    let Some(text) = seg.sentences.get(i).and_then(|s| seg.masked.get(s.span.start..s.span.end)) else { return false };
    let Some(first) = text.find(char::is_alphabetic) else { return false };
    let rest = &text[first..];
    BACK_REFERRING.iter().any(|w| rest.get(..w.len()).is_some_and(|head| head.eq_ignore_ascii_case(w)) && !rest[w.len()..].starts_with(char::is_alphanumeric))
}

/// Does the sentence open with a pronoun and an event verb ("It lasted", "They began")?
fn refers_back_to_event(seg: &Segmented, i: usize) -> bool {
    if !may_refer_back(seg, i) {
        return false;
    }
    let toks = tokenize(&seg.masked, seg.sentences[i].span);
    let words: Vec<String> = toks.iter().filter(|t| t.kind == TokenKind::Word).take(3).map(|t| t.text(&seg.masked).to_lowercase()).collect();
    let pronoun = words.first().is_some_and(|w| BACK_REFERRING.contains(&w.as_str()));
    let verb = words.iter().skip(1).any(|w| {
        matches!(w.as_str(), "lasted" | "began" | "started" | "opened" | "ended" | "finished" | "concluded" | "resumed" | "broke" | "closed" | "continued" | "ran")
    });
    pronoun && verb
}

/// Everything extracted from one document, for `copydesk facts`, hovers and outlines.
/// Spans are byte offsets into the document.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DocumentFacts {
    pub names: Vec<NameMention>,
    pub delegations: Vec<DelegationView>,
    pub places: Vec<PlaceMention>,
    pub quotes: Vec<Quote>,
    pub times: Vec<TimeMention>,
    pub counts: Vec<CountMention>,
}

/// A delegation fact with the person's name spelled out.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DelegationView {
    pub side: String,
    pub person: String,
    pub person_span: Span,
    pub role: Membership,
    pub cue: Span,
}

/// What copydesk understands of a document on its own, without a corpus. `kind` is `Plain` for
/// newswire `.txt` files (one paragraph per line), `Markdown` otherwise.
pub fn document_facts(text: &str, kind: TextKind) -> DocumentFacts {
    let a = analyze(text, kind, &HashSet::new());
    let delegations = a
        .delegations
        .iter()
        .filter_map(|d| {
            let n = a.names.get(d.name)?;
            Some(DelegationView { side: d.side.clone(), person: n.text(), person_span: n.span, role: d.role, cue: d.cue })
        })
        .collect();
    DocumentFacts {
        delegations,
        times: a.times.into_iter().map(|t| t.fact).collect(),
        counts: a.counts.into_iter().map(|c| c.fact).collect(),
        names: a.names,
        places: a.places.into_iter().map(|(p, _)| p).collect(),
        quotes: a.quotes,
    }
}

/// A fact about a person, kept with where it was said.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub fact: T,
    pub doc: usize,
    /// The sentence it was read from (byte span in the document's text).
    pub sentence: Span,
}

#[derive(Debug, Clone)]
pub struct SourceQuote {
    pub quote: Quote,
    pub words: QuoteWords,
    pub speaker: Option<PersonId>,
}

/// A quote's words for comparison (`quote_words`) in one string, each word with a space on
/// either side: one allocation per quote rather than one per word, and a run of words is a
/// substring. Words never hold spaces (they are tokens).
#[derive(Debug, Clone, Default)]
pub struct QuoteWords(Box<str>);

impl QuoteWords {
    pub fn new(words: &[String]) -> QuoteWords {
        if words.is_empty() {
            return QuoteWords::default();
        }
        QuoteWords(format!(" {} ", words.join(" ")).into_boxed_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let inner = self.0.get(1..self.0.len().saturating_sub(1)).unwrap_or("");
        inner.split(' ').filter(move |_| !inner.is_empty())
    }

    /// Do `run`'s words appear here, in order and next to each other?
    pub fn contains_run(&self, run: &QuoteWords) -> bool {
        !run.0.is_empty() && self.0.contains(&*run.0)
    }
}

/// What one source document says.
pub struct DocFacts {
    pub sentences: Vec<Span>,
    pub places: Vec<(PlaceMention, EventKinds)>,
    pub times: Vec<Located<TimeMention>>,
    pub counts: Vec<Located<CountMention>>,
    pub quotes: Vec<SourceQuote>,
    /// (side, person, role, sentence index)
    pub delegations: Vec<(String, PersonId, Membership, usize)>,
    /// Every resolved person mention: (person, span).
    pub mentions: Vec<(PersonId, Span)>,
    /// The time zone of the first city the document names: what its "local time" means.
    pub local_zone: Option<&'static str>,
}

impl DocFacts {
    /// Vecs grown by pushing keep up to twice their length; a corpus keeps them for good.
    fn shrink_to_fit(&mut self) {
        let DocFacts { sentences, places, times, counts, quotes, delegations, mentions, local_zone: _ } = self;
        sentences.shrink_to_fit();
        places.shrink_to_fit();
        times.shrink_to_fit();
        counts.shrink_to_fit();
        quotes.shrink_to_fit();
        delegations.shrink_to_fit();
        mentions.shrink_to_fit();
    }
}

/// Documents analysed together on every core in pass 1 of `FactBase::build`.
const ANALYSIS_BATCH: usize = 256;

pub struct FactBase {
    pub docs: Vec<SourceDoc>,
    pub facts: Vec<DocFacts>,
    pub people: People,
    /// Words the corpus writes in lower case.
    pub lexicon: HashSet<String>,
    /// Every word form in the corpus, as written (possessives stripped).
    pub vocabulary: HashSet<String>,
    relevance: relevance::Index,
    /// Unique per build, so what was remembered under one fact base is not used with another.
    pub id: u64,
}

impl FactBase {
    pub fn build(mut docs: Vec<SourceDoc>) -> FactBase {
        docs.shrink_to_fit();
        let lexicon = word_forms(&docs, |w| w.chars().next().is_some_and(char::is_lowercase));
        // Pass 1: analyse the documents a batch at a time and learn the people. Each analysis is
        // cut down to the document's facts at once: a large corpus's analyses together would take
        // several times the memory of its fact base.
        let mut people = People::default();
        let mut spellings = unresolved::Spellings::default();
        let mut pending = Vec::with_capacity(docs.len());
        for batch in docs.chunks(ANALYSIS_BATCH) {
            for a in par_map(batch, |d| analyze(&d.text, TextKind::Plain, &lexicon)) {
                people.learn(pending.len(), &a);
                pending.push(unresolved::Unresolved::new(pending.len(), a, &mut spellings));
            }
        }
        people.merge_variants();
        // Pass 2: resolve mentions, quotes and delegations to people.
        let person_of = spellings.resolve_all(&people);
        let facts = pending.into_iter().map(|u| u.resolve(&person_of, &mut people)).collect();
        // Built last: analysing does not need it, and by now pass 1's memory is free to reuse.
        let vocabulary = word_forms(&docs, |_| true);
        let relevance = relevance::Index::build(&docs, &lexicon);
        static BUILDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let id = BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        FactBase { docs, facts, people, lexicon, vocabulary, relevance, id }
    }

    /// How many facts the corpus gave: person mentions, delegations, places, quotes, times, counts.
    pub fn fact_count(&self) -> usize {
        self.facts.iter().map(|f| f.mentions.len() + f.delegations.len() + f.places.len() + f.quotes.len() + f.times.len() + f.counts.len()).sum()
    }

    /// Documents that are about the same story as `draft` (all of them for a small, focused corpus).
    pub fn relevant_docs(&self, draft: &Analysis) -> Vec<usize> {
        self.relevance.relevant(draft, &self.lexicon, self.docs.len())
    }

    /// The sentence with its whitespace runs made single spaces (wrapped wire copy has line breaks).
    pub fn sentence_text(&self, doc: usize, span: Span) -> String {
        self.docs.get(doc).map(|d| crate::text::single_spaced(span.slice(&d.text))).unwrap_or_default()
    }

    pub fn evidence(&self, doc: usize, sentence: Span) -> crate::finding::Evidence {
        crate::finding::Evidence { doc, span: sentence, sentence: self.sentence_text(doc, sentence) }
    }
}

/// Every word form in the documents that `keep` accepts, as written (possessives stripped).
fn word_forms(docs: &[SourceDoc], keep: impl Fn(&str) -> bool) -> HashSet<String> {
    let mut out = HashSet::new();
    for d in docs {
        for t in tokenize(&d.text, Span::new(0, d.text.len())) {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = crate::extract::roles::strip_possessive(t.text(&d.text)).0;
            if keep(w) && !out.contains(w) {
                out.insert(w.to_string());
            }
        }
    }
    out
}

/// `items.iter().map(f)` on every core, order kept. Large corpora take seconds to analyse.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads <= 1 || items.len() < 64 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items.chunks(chunk).map(|c| scope.spawn(move || c.iter().map(f).collect::<Vec<R>>())).collect();
        // A panicking extractor is a bug; re-raise it rather than lose documents silently.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// Words of a quote for comparison: lower case, one apostrophe, dashes and punctuation dropped.
pub fn quote_words(text: &str) -> Vec<String> {
    let norm: String = text
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            '\u{2014}' | '\u{2013}' | '\u{2012}' | '\u{2010}' | '\u{2011}' => ' ',
            c => c,
        })
        .collect();
    tokenize(&norm, Span::new(0, norm.len()))
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.text(&norm).to_lowercase().replace(',', ""))
        .collect()
}

/// The roles a person is given in the draft, with where.
pub fn role_of(n: &NameMention) -> Option<&Role> {
    n.title.as_ref().map(|t| &t.role)
}
