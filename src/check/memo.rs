//! What one document's checks remember for the next check of it, while a writer types.
//!
//! Everything here is a pure function of its key and the fact base, so a check that finds an
//! answer here gives the same findings as one that computes it; a new fact base clears it all.
//! Each store keeps only what the last two checks used, so a long session does not grow it.

use crate::facts::{ParagraphMemo, People, PersonId};
use crate::finding::{Finding, Rule};
use crate::text::Span;
// The keys are whole sentences and quotes, and the word sets are intersected, on every check:
// FxHash, not SipHash, whose resistance to chosen keys buys nothing for text the writer typed
// into their own editor.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::Hash;
use std::sync::{Arc, Mutex};

#[derive(Default)]
pub struct DraftMemo {
    pub(super) paragraphs: ParagraphMemo,
    pub(super) shared: Arc<RuleMemo>,
    /// The last check's analysis of the draft, not freed yet.
    pub(super) spent: Option<crate::facts::Analysis>,
}

impl DraftMemo {
    /// Sentences the last check had to extract afresh.
    pub fn sentences_extracted(&self) -> usize {
        self.paragraphs.last_misses
    }

    /// The last check's analysis of the draft. Freeing its thousands of small strings and
    /// vectors takes as long as a rule; a caller with findings to deliver can take it and free
    /// it after delivering them. Left here, the next check frees it.
    pub fn take_spent(&mut self) -> Option<impl Send> {
        self.spent.take()
    }

    /// Called before each check, with the fact base it runs against.
    pub(super) fn begin(&mut self, fact_base_id: u64) {
        self.spent = None;
        let mut fb = lock(&self.shared.fact_base);
        let stale = *fb != Some(fact_base_id);
        *fb = Some(fact_base_id);
        lock(&self.shared.words).next_round(stale);
        lock(&self.shared.quotes).next_round(stale);
        lock(&self.shared.persons).next_round(stale);
        lock(&self.shared.findings).next_round(stale);
        if stale {
            *lock(&self.shared.known_places) = None;
        }
    }
}

/// What the rules look up while they run (shared with the `Context` they see).
#[derive(Default)]
pub struct RuleMemo {
    fact_base: Mutex<Option<u64>>,
    /// Sentence text → its content words (see `number_mismatch::content_words`).
    words: Mutex<Rounds<String, Arc<HashSet<String>>>>,
    /// A draft quote's text → its words and where the relevant sources have them.
    quotes: Mutex<Rounds<String, Arc<QuoteHits>>>,
    /// A name's words → the corpus person they refer to (`People::resolve`).
    persons: Mutex<Rounds<Vec<String>, Option<PersonId>>>,
    /// A rule and everything its findings about one draft fact depend on, besides the fact base
    /// and the relevant documents → those findings, draft spans relative to an anchor.
    findings: Mutex<Rounds<(Rule, Vec<u8>), Arc<Vec<Finding>>>>,
    /// The relevant documents the remembered quote lookups and findings were worked out from.
    relevant: Mutex<Vec<usize>>,
    /// Every place the relevant documents name, as `places::place_key`s.
    known_places: Mutex<Option<Arc<HashSet<String>>>>,
}

impl RuleMemo {
    pub fn words(&self, text: &str, compute: impl FnOnce(&str) -> HashSet<String>) -> Arc<HashSet<String>> {
        let mut words = lock(&self.words);
        if let Some(w) = words.get(text) {
            return w;
        }
        let w = Arc::new(compute(text));
        words.insert(text.to_string(), w.clone());
        w
    }

    /// The corpus person a draft name's `words` refer to.
    pub fn person(&self, words: &[String], people: &People) -> Option<PersonId> {
        let mut persons = lock(&self.persons);
        if let Some(p) = persons.get(words) {
            return p;
        }
        let p = people.resolve(words);
        persons.insert(words.to_vec(), p);
        p
    }

    /// Called once per check, before any lookup: what is remembered was worked out from the
    /// relevant documents of earlier checks, and holds only while they stay the same.
    pub(super) fn relevant_are(&self, relevant: &[usize]) {
        let mut searched = lock(&self.relevant);
        if searched.as_slice() != relevant {
            *searched = relevant.to_vec();
            lock(&self.quotes).next_round(true);
            lock(&self.findings).next_round(true);
            *lock(&self.known_places) = None;
        }
    }

    /// Every place the relevant documents name (see `relevant_are`), made by `compute`.
    pub fn known_places(&self, compute: impl FnOnce() -> HashSet<String>) -> Arc<HashSet<String>> {
        lock(&self.known_places).get_or_insert_with(|| Arc::new(compute())).clone()
    }

    /// A rule's findings about one draft fact. `key` must name everything `compute` reads
    /// besides the fact base and the relevant documents (the fact with its spans taken relative
    /// to `anchor`, the sentence text, flags), so that the same key anywhere in any version of
    /// the draft gives the same findings, moved with the anchor.
    pub fn findings_about(&self, rule: Rule, key: FactKey, anchor: usize, compute: impl FnOnce() -> Vec<Finding>) -> Vec<Finding> {
        // A key holding a very long sentence is not kept: every fact of a sentence of n facts
        // (a long Markdown table is one sentence) would keep its own copy, n² bytes in all.
        if key.0.len() > MAX_KEPT_KEY {
            return compute();
        }
        let key = (rule, key.0);
        if let Some(hit) = lock(&self.findings).get(&key) {
            return hit.iter().map(|f| moved(f, |b| b + anchor)).collect();
        }
        let found = compute();
        // A finding reaching before its anchor cannot be kept relative to it; it is only not remembered.
        if found.iter().all(|f| draft_spans(f).all(|s| s.start >= anchor)) {
            let relative = found.iter().map(|f| moved(f, |b| b - anchor)).collect();
            lock(&self.findings).insert(key, Arc::new(relative));
        }
        found
    }

    /// Where the sources have the draft quote `text` (the relevant ones, see `relevant_are`).
    pub fn quote_hits(&self, text: &str, compute: impl FnOnce() -> QuoteHits) -> Arc<QuoteHits> {
        if let Some(h) = lock(&self.quotes).get(text) {
            return h;
        }
        let h = Arc::new(compute());
        lock(&self.quotes).insert(text.to_string(), h.clone());
        h
    }
}

/// The longest key `findings_about` remembers findings under, in bytes.
const MAX_KEPT_KEY: usize = 8 * 1024;

/// Everything a rule's findings about one draft fact depend on, as the bytes their `Hash`
/// implementations write: a `Hasher` that keeps every byte instead of mixing them, so two keys
/// are equal only when what was written into them is. (Derived `Hash` writes fixed-width
/// numbers and discriminants, and ends every string with a byte UTF-8 never has, so parts
/// cannot run into each other.)
#[derive(Default)]
pub struct FactKey(Vec<u8>);

impl FactKey {
    /// A key for about `bytes` bytes of text and a few numbers, allocated once.
    pub fn for_text(bytes: usize) -> FactKey {
        FactKey(Vec::with_capacity(bytes + 96))
    }

    pub fn with(mut self, part: impl Hash) -> FactKey {
        part.hash(&mut self);
        self
    }
}

impl std::hash::Hasher for FactKey {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn finish(&self) -> u64 {
        // Never used as a hash: the key is the bytes.
        0
    }
}

/// The spans of a finding that are in the draft (its evidence is in the sources).
fn draft_spans(f: &Finding) -> impl Iterator<Item = Span> + '_ {
    std::iter::once(f.span).chain(f.fixes.iter().map(|x| x.span))
}

fn moved(f: &Finding, by: impl Fn(usize) -> usize) -> Finding {
    let mut f = f.clone();
    f.span = Span::new(by(f.span.start), by(f.span.end));
    for x in &mut f.fixes {
        x.span = Span::new(by(x.span.start), by(x.span.end));
    }
    f
}

/// A draft quote's words and where the sources have them: (document, index into its quotes).
#[derive(Default)]
pub struct QuoteHits {
    pub words: Vec<String>,
    pub verbatim: Vec<(usize, usize)>,
    /// With the share of the draft's words in order, and the words only one side has.
    pub near: Vec<(usize, usize, f64, Vec<String>, Vec<String>)>,
}

/// A map that forgets what the last round did not use. Each entry is marked with the last round
/// that used it, so a round's lookups touch only their own entries, not every one.
struct Rounds<K, V> {
    entries: HashMap<K, (V, u64)>,
    round: u64,
}

impl<K, V> Default for Rounds<K, V> {
    fn default() -> Self {
        Rounds { entries: HashMap::default(), round: 0 }
    }
}

impl<K: Hash + Eq, V: Clone> Rounds<K, V> {
    fn next_round(&mut self, forget_all: bool) {
        if forget_all {
            self.entries.clear();
        } else {
            let ended = self.round;
            self.entries.retain(|_, (_, used)| *used == ended);
        }
        self.round += 1;
    }

    fn get<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let (value, used) = self.entries.get_mut(key)?;
        *used = self.round;
        Some(value.clone())
    }

    fn insert(&mut self, key: K, value: V) {
        self.entries.insert(key, (value, self.round));
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // Poisoned only by a panic in a compute function; the maps themselves stay whole.
    m.lock().unwrap_or_else(|p| p.into_inner())
}
