//! Direct quotes and who said them.

// The name table is built on every check of a draft, from short keys, and only looked up:
// FxHash, not SipHash (see `check::memo`).
use rustc_hash::FxHashMap as HashMap;
use std::borrow::{Borrow, Cow};
use super::attribution::{cue_after, cue_before, is_possessive, name_run_forward, names_organisation, opening_phrase_comma, opens_sentence_with_title, Mention, Words};
use super::quote_marks::{scan_paragraph, QuotePiece};
use crate::knowledge::{is_name_title, is_reporting_verb, noun_lemma};
use crate::text::{Segmented, Span};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A proper name ("Ruth Okoye", "Okoye").
    Name,
    /// "he", "she", "they".
    Pronoun,
    /// A description ("the port director", "a senior official").
    Description,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The mention the attribution attaches to. Serialised as `span: [start, end]`, the shape
    /// the quote scorer and JSON consumers read.
    #[serde(rename = "span")]
    pub mention: Span,
    pub text: String,
    pub kind: MentionKind,
    /// The person's name as written at its fullest in the document, when resolved.
    pub name: Option<String>,
    /// True for a description that names nobody ("a senior official said").
    pub anonymous: bool,
    /// True when the speaker was inherited from an earlier paragraph (a "floating" quote).
    /// A quote that runs on over paragraphs keeps its own cue's speaker with this false, and
    /// so does a quote introduced by a previous paragraph ending "Lee said:".
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


/// Every direct quote in the document, in order, up to the default length.
pub fn find_quotes(seg: &Segmented) -> Vec<Quote> {
    find_quotes_within(seg, crate::config::DEFAULT_MAX_QUOTE_CHARS)
}

/// Every direct quote of at most `max_chars` characters. A longer stretch between quotation
/// marks is a stray or unbalanced mark (a pasted page with one `"` in it), and reading it as a
/// quote would put the whole page in the speaker's mouth.
pub fn find_quotes_within(seg: &Segmented, max_chars: usize) -> Vec<Quote> {
    find_quotes_with(
        seg,
        |p, previous_ran_on| read_paragraph(seg, p, previous_ran_on, max_chars),
        || (0..seg.sentences.len()).map(|i| (Cow::Owned(name_runs(seg, i)), 0)).collect(),
    )
}

/// `find_quotes_within` with each paragraph's `read_paragraph` given by `paragraph` (called
/// with the paragraph's index and whether the paragraph before it ran on, in order) and each
/// sentence's `name_runs` by `runs`, each with the offset to add to its positions: an
/// incremental caller remembers both. `runs` is called only if there are quotes.
pub fn find_quotes_with<'r, Q: Borrow<ParagraphQuotes>>(
    seg: &Segmented,
    mut paragraph: impl FnMut(usize, bool) -> Q,
    runs: impl FnOnce() -> Vec<(Cow<'r, [NameRun]>, usize)>,
) -> Vec<Quote> {
    let mut read: Vec<(Q, usize, usize)> = Vec::new();
    let mut previous_ran_on = false;
    for (p, para) in seg.paragraphs.iter().enumerate() {
        let quotes = paragraph(p, previous_ran_on);
        previous_ran_on = quotes.borrow().ran_on;
        if !quotes.borrow().quotes.is_empty() {
            read.push((quotes, p, para.start));
        }
    }
    let placed: Vec<ReadQuote> = read
        .iter()
        .flat_map(|(quotes, p, start)| quotes.borrow().quotes.iter().map(move |q| q.placed(*p, *start)))
        .collect();
    let quoted: Vec<Span> = placed.iter().map(|q| q.piece.inner).collect();
    let runs = if placed.is_empty() { Vec::new() } else { runs() };
    let names = if placed.is_empty() {
        NameTable::empty()
    } else {
        NameTable::build(runs.iter().map(|(r, offset)| (r.as_ref(), *offset)), &quoted)
    };
    let mut out: Vec<Quote> = Vec::with_capacity(placed.len());
    let mut kept: Vec<&QuotePiece> = Vec::with_capacity(placed.len());
    for q in &placed {
        let piece = &q.piece;
        let para = seg.paragraphs.get(piece.paragraph).copied().unwrap_or(piece.outer);
        let mention = q.mention.or_else(|| colon_in_previous_paragraph(seg, piece, para));
        let keep = if mention.is_some() { q.keep_with_cue } else { q.keep_without_cue };
        if !keep {
            continue;
        }
        let speaker = mention.map(|m| speaker_for(seg, m, &names));
        kept.push(piece);
        out.push(Quote {
            span: q.span,
            text: q.span.slice(&seg.text).to_string(),
            paragraph: piece.paragraph,
            partial: q.partial,
            speaker,
        });
    }
    inherit_speakers(seg, &kept, &mut out);
    out
}

/// A paragraph's quotes as the paragraph alone gives them: everything but the speakers' names,
/// which need the whole document's names, and a cue in the paragraph before. Positions are
/// relative to the paragraph's start, so an incremental caller can keep it for the same text
/// anywhere in the draft.
#[derive(Debug, Clone, Default)]
pub struct ParagraphQuotes {
    quotes: Vec<ReadQuote>,
    /// The paragraph ended inside a quote, which runs on into the next paragraph.
    pub ran_on: bool,
}

#[derive(Debug, Clone, Copy)]
struct ReadQuote {
    /// Its `paragraph` is only filled in when the quote is placed in a document.
    piece: QuotePiece,
    /// The quoted words (after a transcript label, if any).
    span: Span,
    partial: bool,
    /// A speaker mention in the paragraph itself: a transcript label, a cue beside the quote
    /// or a short cue sentence after it.
    mention: Option<Mention>,
    /// `worth_keeping` with a cue and without one: a quote with no cue of its own may still
    /// have one at the end of the previous paragraph.
    keep_with_cue: bool,
    keep_without_cue: bool,
}

impl ReadQuote {
    /// Every position in it moved by `by`, written once for both directions.
    fn moved(mut self, by: impl Fn(usize) -> usize) -> ReadQuote {
        let span = |s: Span| Span::new(by(s.start), by(s.end));
        self.piece.inner = span(self.piece.inner);
        self.piece.outer = span(self.piece.outer);
        self.span = span(self.span);
        if let Some(m) = &mut self.mention {
            m.span = span(m.span);
        }
        self
    }

    /// This quote of paragraph `p`, which starts at byte `start`, at its place in the document.
    fn placed(&self, p: usize, start: usize) -> ReadQuote {
        let mut q = self.moved(|b| b + start);
        q.piece.paragraph = p;
        q
    }
}

/// The quotes of paragraph `p` of `seg` as the paragraph gives them, positions relative to its
/// start. They depend on the paragraph's masked text (its sentences are split from that alone),
/// on `previous_ran_on` (the paragraph before ended inside a quote) and on `max_chars` (see
/// `find_quotes_within`), and on nothing else.
pub fn read_paragraph(seg: &Segmented, p: usize, previous_ran_on: bool, max_chars: usize) -> ParagraphQuotes {
    let text = seg.masked.as_str();
    let mut pieces = Vec::new();
    let ran_on = scan_paragraph(seg, p, previous_ran_on, &mut pieces);
    pieces.retain(|piece| piece.inner.slice(text).chars().nth(max_chars).is_none());
    let Some(&para) = seg.paragraphs.get(p) else {
        return ParagraphQuotes { quotes: Vec::new(), ran_on };
    };
    let mut quotes = Vec::with_capacity(pieces.len());
    for (k, piece) in pieces.iter().enumerate() {
        let head = head_region(seg, piece, k.checked_sub(1).map(|j| &pieces[j]), para);
        let tail = tail_region(seg, piece, pieces.get(k + 1), para);
        let head_words = Words::new(text, head);
        let tail_words = Words::new(text, tail);
        let partial = is_partial(text, &head_words, piece);
        let label = transcript_label(text, piece.inner);
        // A partial quote belongs to the clause it sits in, so its head cue comes first; a
        // whole quote is usually attributed right after it.
        let mention = if let Some((label, _)) = label {
            Some(label)
        } else if partial {
            cue_before(&head_words).or_else(|| cue_after(&tail_words))
        } else {
            cue_after(&tail_words).or_else(|| cue_before(&head_words))
        };
        let mention = mention.or_else(|| cue_in_next_short_sentence(seg, piece, tail, para));
        let span = label
            .map(|(_, words_start)| Span::new(words_start, piece.inner.end))
            .unwrap_or(piece.inner);
        let word_count = span
            .slice(text)
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let keep = |has_cue| worth_keeping(text, piece, &head_words, word_count, partial, has_cue);
        let read = ReadQuote {
            piece: QuotePiece { paragraph: 0, ..*piece },
            span,
            partial,
            mention,
            keep_with_cue: keep(true),
            keep_without_cue: keep(false),
        };
        quotes.push(read.moved(|b| b.saturating_sub(para.start)));
    }
    ParagraphQuotes { quotes, ran_on }
}

/// A transcript speaker label opening the quoted text (`"MORALES: We will ...`): the label
/// as a name mention and where the spoken words start.
fn transcript_label(text: &str, inner: Span) -> Option<(Mention, usize)> {
    let body = inner.slice(text);
    let colon = body
        .char_indices()
        .take_while(|(i, _)| *i < 40)
        .find(|(_, c)| *c == ':')?
        .0;
    let label = &body[..colon];
    let words: Vec<&str> = label.split_whitespace().collect();
    let all_caps = |w: &&str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
    };
    if words.is_empty()
        || words.len() > 3
        || !words.iter().all(all_caps)
        || label.starts_with(char::is_whitespace)
    {
        return None;
    }
    let after = &body[colon + 1..];
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let spoken = colon + 1 + (after.len() - after.trim_start().len());
    let mention = Mention {
        span: Span::new(inner.start, inner.start + label.trim_end().len()),
        kind: MentionKind::Name,
    };
    Some((mention, inner.start + spoken))
}

/// `“We won.” Lee said.`: a whole quote closed with its own full stop, then a short
/// sentence that is only the cue.
fn cue_in_next_short_sentence(
    seg: &Segmented,
    piece: &QuotePiece,
    tail: Span,
    para: Span,
) -> Option<Mention> {
    if !piece.closed || !tail.slice(&seg.masked).trim().is_empty() {
        return None;
    }
    let after = seg.masked.get(piece.outer.end..para.end)?;
    let next_start = piece.outer.end + (after.len() - after.trim_start().len());
    let sentence = seg.sentences.get(seg.sentence_at(next_start)?)?;
    if sentence.span.start != next_start || sentence.span.end > para.end {
        return None;
    }
    let words = Words::new(&seg.masked, sentence.span);
    if words.tokens.len() > 10
        || words
            .tokens
            .first()
            .is_some_and(|t| is_quote_mark(t.text(&seg.masked)))
    {
        return None;
    }
    cue_after(&words)
}

fn is_quote_mark(s: &str) -> bool {
    matches!(
        s,
        "\"" | "\u{201c}" | "\u{201d}" | "'" | "\u{ab}" | "\u{bb}"
    )
}

/// A quote opening its paragraph after a paragraph that ends "Lee said:" or "He wrote:".
fn colon_in_previous_paragraph(seg: &Segmented, piece: &QuotePiece, para: Span) -> Option<Mention> {
    if piece.outer.start != para.start || piece.paragraph == 0 {
        return None;
    }
    let previous = *seg.paragraphs.get(piece.paragraph - 1)?;
    if !previous.slice(&seg.masked).trim_end().ends_with(':') {
        return None;
    }
    let sentence = seg
        .sentences
        .get(seg.sentence_at(previous.end.saturating_sub(1))?)?;
    let start = sentence.span.start.max(previous.start);
    cue_before(&Words::new(&seg.masked, Span::new(start, previous.end)))
}

/// Sentence text before the opening mark, after any earlier quote in the same paragraph.
fn head_region(seg: &Segmented, piece: &QuotePiece, prev: Option<&QuotePiece>, para: Span) -> Span {
    let sentence_start = seg
        .sentence_at(piece.outer.start)
        .and_then(|i| seg.sentences.get(i))
        .map(|s| s.span.start)
        .unwrap_or(para.start);
    let mut start = sentence_start.max(para.start);
    if let Some(p) = prev {
        start = start.max(p.outer.end);
    }
    Span::new(start.min(piece.outer.start), piece.outer.start)
}

/// Text after the closing mark up to the sentence end or the next quote. A quote ending in
/// "?" or "!" is often followed by a cue the sentence splitter put in a sentence of its own
/// (“Why not?” Lee asked.), so the tail may reach into the next sentence.
fn tail_region(seg: &Segmented, piece: &QuotePiece, next: Option<&QuotePiece>, para: Span) -> Span {
    if !piece.closed {
        return Span::new(piece.outer.end, piece.outer.end);
    }
    let last = piece.outer.end.saturating_sub(1);
    let mut end = seg
        .sentence_at(last)
        .and_then(|i| seg.sentences.get(i))
        .map(|s| s.span.end)
        .unwrap_or(para.end);
    let ends_question = piece
        .inner
        .slice(&seg.masked)
        .trim_end()
        .ends_with(['?', '!', '\u{2014}', '-']);
    if end <= piece.outer.end && ends_question {
        let after = seg.masked.get(piece.outer.end..para.end).unwrap_or("");
        let skipped = after.len() - after.trim_start().len();
        if let Some(i) = seg.sentence_at(piece.outer.end + skipped) {
            if let Some(s) = seg.sentences.get(i) {
                if s.span.start >= piece.outer.end {
                    end = s.span.end;
                }
            }
        }
    }
    end = end.min(para.end);
    if let Some(n) = next {
        end = end.min(n.outer.start);
    }
    Span::new(piece.outer.end, end.max(piece.outer.end))
}

/// A quote is partial when it sits inside the writer's own clause rather than being
/// introduced by a cue ("said:", "said,") or standing alone.
fn is_partial(text: &str, head: &Words, piece: &QuotePiece) -> bool {
    let n = head.tokens.len();
    if n == 0 {
        return false;
    }
    let last = head.tokens[n - 1].text(text);
    if matches!(last, ":" | "," | "\u{2014}" | "\u{2013}") {
        return false;
    }
    let first_quoted = piece.inner.slice(text).chars().next();
    let starts_upper = first_quoted.is_some_and(|c| c.is_uppercase());
    if starts_upper && is_reporting_verb(last) {
        return false;
    }
    true
}

/// Scare quotes, titles and one-word labels are not quotes of anyone.
fn worth_keeping(
    text: &str,
    piece: &QuotePiece,
    head: &Words,
    word_count: usize,
    partial: bool,
    has_cue: bool,
) -> bool {
    if word_count == 0 {
        return false;
    }
    let inner = piece.inner.slice(text);
    let title_like = inner.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty()
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || matches!(
                w,
                "of" | "the" | "a" | "an" | "and" | "in" | "on" | "for" | "to" | "with"
            )
    });
    // "his 2002 book, “Make Your Kid a Millionaire,”": the title of a work, whatever follows.
    let last_head_word = head
        .tokens
        .iter()
        .rev()
        .map(|t| t.text(text))
        .find(|w| *w != ",");
    if title_like && last_head_word.is_some_and(is_work_noun) {
        return false;
    }
    if !partial {
        return word_count > 1 || has_cue;
    }
    if word_count <= 1 {
        return false;
    }
    let named_by_head = head.tokens.last().is_some_and(|t| {
        matches!(
            t.text(text).to_lowercase().as_str(),
            "titled" | "entitled" | "called" | "dubbed" | "named" | "on" | "of" | "in"
        )
    });
    if title_like && (named_by_head || word_count <= 4) {
        return false;
    }
    word_count > 2 || has_cue
}

fn is_work_noun(word: &str) -> bool {
    matches!(
        noun_lemma(word).as_str(),
        "book"
            | "memoir"
            | "novel"
            | "song"
            | "anthem"
            | "hymn"
            | "film"
            | "movie"
            | "documentary"
            | "show"
            | "program"
            | "programme"
            | "series"
            | "episode"
            | "album"
            | "article"
            | "column"
            | "essay"
            | "op-ed"
            | "play"
            | "poem"
            | "musical"
            | "podcast"
            | "newsletter"
            | "headline"
            | "titled"
            | "entitled"
    )
}

/// Quotes with no cue of their own take the speaker of the quote before them: in the same
/// paragraph, or the earlier paragraph's closing quote when this one opens the next paragraph.
fn inherit_speakers(seg: &Segmented, pieces: &[&QuotePiece], quotes: &mut [Quote]) {
    for k in 1..quotes.len() {
        if quotes[k].speaker.is_some() {
            continue;
        }
        let prev = &quotes[k - 1];
        let Some(prev_speaker) = prev.speaker.clone() else {
            continue;
        };
        let piece = pieces[k];
        if prev.paragraph == quotes[k].paragraph {
            quotes[k].speaker = Some(prev_speaker);
            continue;
        }
        if prev.paragraph + 1 != quotes[k].paragraph {
            continue;
        }
        if piece.continues_previous {
            // The same quote running on: as certain as the first paragraph's cue.
            quotes[k].speaker = Some(prev_speaker);
            continue;
        }
        let para_start = seg
            .paragraphs
            .get(piece.paragraph)
            .map(|p| p.start)
            .unwrap_or(0);
        let opens_paragraph = piece.outer.start == para_start;
        if opens_paragraph && previous_paragraph_ends_with(seg, pieces[k - 1]) {
            quotes[k].speaker = Some(Speaker {
                from_earlier_paragraph: true,
                ..prev_speaker
            });
        }
    }
    // A quote that runs on with its cue only in a later paragraph.
    for k in (0..quotes.len().saturating_sub(1)).rev() {
        if quotes[k].speaker.is_none() && !pieces[k].closed && pieces[k + 1].continues_previous {
            quotes[k].speaker = quotes[k + 1].speaker.clone();
        }
    }
}

/// Whether the paragraph's last sentence holds the piece (the paragraph ends with the quote).
fn previous_paragraph_ends_with(seg: &Segmented, piece: &QuotePiece) -> bool {
    let Some(para) = seg.paragraphs.get(piece.paragraph) else {
        return false;
    };
    let last_sentence = seg
        .sentence_at(para.end.saturating_sub(1))
        .and_then(|i| seg.sentences.get(i));
    last_sentence.is_some_and(|s| piece.outer.end >= s.span.start)
}

/// A person named in the document, with the title words written next to the name.
#[derive(Debug, Clone)]
struct NamedPerson<'r> {
    position: usize,
    full: &'r str,
    /// Lower-case name tokens, for matching a surname-only mention.
    tokens: &'r [String],
    /// Lower-case title words around the name ("port", "director").
    titles: &'r [String],
    /// Female (true) or male (false), if a title word says so.
    gender: Option<bool>,
    /// The first name in its sentence: the likeliest subject, so the likeliest "he".
    sentence_subject: bool,
    /// Inside quotation marks.
    quoted: bool,
}

/// Borrows from the name runs it was built from, so building it copies no strings.
struct NameTable<'r> {
    /// In document order.
    people: Vec<NamedPerson<'r>>,
    /// Lower-case last name token → indices into `people`.
    by_surname: HashMap<&'r str, Surname>,
    /// Lower-case surname → female (true) or male (false), when the document says so.
    gender_by_surname: HashMap<&'r str, bool>,
}

/// Indices into `people` of one surname's entries, in document order, each with the index of
/// the longest form among the entries up to it.
type Surname = Vec<(usize, usize)>;

impl<'r> NameTable<'r> {
    /// `quoted` (sorted, disjoint): names inside quotes are someone's words, not the
    /// writer's, so they are not antecedents for "he said". `runs` holds each sentence's
    /// `name_runs`, in order.
    fn build(runs: impl Iterator<Item = (&'r [NameRun], usize)>, quoted: &[Span]) -> NameTable<'r> {
        let mut people = Vec::new();
        let mut known_full: HashMap<&'r str, &'r str> = HashMap::default();
        for (sentence_runs, offset) in runs {
            // The sentence's subject is its first person, unless a name-like modifier came
            // first ("Port aide Ruth Okoye said") and the person does not speak.
            let mut person_seen = false;
            let mut run_seen = false;
            // A person in a phrase opening the sentence ("After meeting Ann Roe, Piotr ...") is
            // its subject only when the rest of the sentence names nobody.
            let mut opening_person = None;
            // "Lorn's chief executive, Ann Roe, said": the possessive names whose executive she
            // is; the person behind the title it opens is what the sentence is about.
            let mut owner_as_subject = None;
            for run in sentence_runs {
                let position = run.position + offset;
                let people_before = people.len();
                let subject = !person_seen && !run.in_opening_phrase && (!run_seen || run.acts_as_person);
                let after_owner = subject && owner_as_subject.is_some() && run.acts_as_person && !run.possessive;
                // A surname alone ("Okoye told reporters") after its full form stands for it.
                let known_surname = (run.real_words == 1 && !run.titled && !run.organisation)
                    .then(|| run.lower_tokens.last().and_then(|t| known_full.get(t.as_str())))
                    .flatten()
                    .copied();
                if let Some(full) = known_surname {
                    people.push(NamedPerson {
                        quoted: inside(quoted, position),
                        position,
                        tokens: &run.lower_tokens,
                        full,
                        titles: &[],
                        gender: None,
                        sentence_subject: subject,
                    });
                } else if !run.organisation
                    && (run.real_words >= 2
                        || run.titled
                        || (run.real_words == 1 && run.acts_as_person))
                    && run.real_words <= 5
                {
                    if let Some(last) = run.lower_tokens.last() {
                        let longer = known_full
                            .get(last.as_str())
                            .is_none_or(|k| k.split_whitespace().count() <= run.lower_tokens.len());
                        if longer {
                            known_full.insert(last, &run.full);
                        }
                    }
                    people.push(NamedPerson {
                        quoted: inside(quoted, position),
                        position,
                        tokens: &run.lower_tokens,
                        full: &run.full,
                        titles: &run.titles,
                        gender: run.gender,
                        sentence_subject: subject,
                    });
                }
                if run.in_opening_phrase {
                    if people.len() > people_before {
                        opening_person = opening_person.or(Some(people_before));
                    }
                    continue;
                }
                let added = people.len() > people_before;
                if added && after_owner {
                    if let Some(owner) = owner_as_subject.take().and_then(|k: usize| people.get_mut(k)) {
                        let owner: &mut NamedPerson = owner;
                        owner.sentence_subject = false;
                    }
                }
                if added && subject && run.possessive && !person_seen && owner_as_subject.is_none() {
                    owner_as_subject = Some(people_before);
                } else {
                    person_seen |= added;
                }
                run_seen = true;
            }
            if let (false, Some(k)) = (person_seen, opening_person) {
                if let Some(p) = people.get_mut(k) {
                    p.sentence_subject = true;
                }
            }
        }
        let mut by_surname: HashMap<&'r str, Surname> = HashMap::default();
        let mut gender_by_surname = HashMap::default();
        for (i, p) in people.iter().enumerate() {
            if let Some(last) = p.tokens.last() {
                let entries = by_surname.entry(last.as_str()).or_default();
                let best = match entries.last() {
                    Some(&(_, b)) if people[b].tokens.len() >= p.tokens.len() => b,
                    _ => i,
                };
                entries.push((i, best));
                if let Some(g) = p.gender {
                    gender_by_surname.entry(last.as_str()).or_insert(g);
                }
            }
        }
        NameTable {
            people,
            by_surname,
            gender_by_surname,
        }
    }

    fn empty() -> NameTable<'r> {
        NameTable {
            people: Vec::new(),
            by_surname: HashMap::default(),
            gender_by_surname: HashMap::default(),
        }
    }

    /// The fullest earlier form of a one- or two-word name ("Okoye" → "Ruth Okoye").
    fn fullest(&self, mention: &str, position: usize) -> Option<String> {
        let parts: Vec<String> = mention
            .split_whitespace()
            .map(|p| p.to_lowercase())
            .collect();
        let last = parts.last()?;
        let same_surname = self.by_surname.get(last.as_str())?;
        // The fullest form up to each mention is precomputed, so a surname that occurs
        // thousands of times in a long document costs one binary search per lookup.
        let upto = same_surname
            .partition_point(|&(i, _)| self.people.get(i).is_some_and(|p| p.position <= position));
        if parts.len() == 1 {
            let best = if upto > 0 {
                same_surname[upto - 1].1
            } else {
                same_surname.last()?.1
            };
            return self.people.get(best).map(|p| p.full.to_string());
        }
        let matches = |p: &&NamedPerson| parts.iter().all(|x| p.tokens.contains(x));
        let window = |range: &[(usize, usize)]| -> Option<String> {
            let start = range.len().saturating_sub(RESOLUTION_WINDOW);
            range[start..]
                .iter()
                .filter_map(|&(i, _)| self.people.get(i))
                .filter(matches)
                .max_by_key(|p| p.tokens.len())
                .map(|p| p.full.to_string())
        };
        window(&same_surname[..upto]).or_else(|| window(same_surname))
    }

    /// People named before `position`, nearest first, within a window: an antecedent further
    /// back than a few hundred names is not one a reader would resolve to.
    fn recent_before(&self, position: usize) -> impl Iterator<Item = &NamedPerson<'r>> {
        let end = self.people.partition_point(|p| p.position < position);
        self.people[end.saturating_sub(RESOLUTION_WINDOW)..end]
            .iter()
            .rev()
    }

    /// The antecedent of "he"/"she": the latest narrated sentence subject whose known gender
    /// (from an honorific or a gendered title anywhere in the document) does not clash.
    fn latest_subject_before(&self, position: usize, female: Option<bool>) -> Option<&NamedPerson<'r>> {
        let compatible = |p: &&NamedPerson| {
            let known = p
                .tokens
                .last()
                .and_then(|s| self.gender_by_surname.get(s.as_str()))
                .copied();
            !p.quoted && (female.is_none() || known.is_none() || known == female)
        };
        let mut narrated = self.recent_before(position).filter(compatible);
        self.recent_before(position)
            .filter(compatible)
            .find(|p| p.sentence_subject)
            .or_else(|| narrated.next())
    }

    /// The latest person introduced with the description's head word ("the port director").
    fn by_title(&self, description: &[String], position: usize) -> Option<&NamedPerson<'r>> {
        let head = description.last()?;
        // Nearest first, so among equal matches the latest person wins.
        self.recent_before(position)
            .filter(|p| p.titles.contains(head))
            .enumerate()
            .max_by_key(|(rank, p)| {
                (
                    description.iter().filter(|d| p.titles.contains(d)).count(),
                    std::cmp::Reverse(*rank),
                )
            })
            .map(|(_, p)| p)
    }
}

const RESOLUTION_WINDOW: usize = 300;

/// The name run ending before token `b` behaves like a person: it speaks ("Okoye said",
/// "Okoye, the port director, told") or takes a "who" clause ("Okoye, who led the team").
fn acts_as_person(words: &Words, b: usize) -> bool {
    let toks = &words.tokens;
    let at = |k: usize| toks.get(k).map(|t| t.text(words.text)).unwrap_or("");
    let mut j = b;
    if at(j) == "," {
        if at(j + 1).eq_ignore_ascii_case("who") {
            return true;
        }
        match (j + 1..(j + 16).min(toks.len())).find(|&k| at(k) == ",") {
            Some(k) => j = k + 1,
            None => return false,
        }
    }
    let mut fillers = 0;
    while fillers < 3 && crate::knowledge::is_cue_filler(at(j)) && !is_reporting_verb(at(j)) {
        j += 1;
        fillers += 1;
    }
    is_reporting_verb(at(j)) && !crate::knowledge::is_noun_like_reporting_verb(at(j))
}

/// A capitalised run in a sentence that may name a person, with what `NameTable` needs to
/// decide whether it does. It depends on the sentence alone, so incremental callers keep it.
#[derive(Debug, Clone)]
pub struct NameRun {
    /// Byte offset of the run's first token.
    pub position: usize,
    /// Lower case, possessives and initials' dots dropped.
    lower_tokens: Vec<String>,
    /// A title word precedes it ("Mayor Alma Brekke").
    titled: bool,
    organisation: bool,
    /// Tokens longer than one letter, or all capitals.
    real_words: usize,
    /// It speaks, takes a "who" clause, or stands behind the title that opens its sentence.
    acts_as_person: bool,
    /// It sits in an adverbial phrase opening the sentence ("In Lorn, ...").
    in_opening_phrase: bool,
    /// Lemmas of the title words around it ("port", "director").
    titles: Vec<String>,
    /// What the first gendered title word says (true for female), worked out with the run
    /// because an incremental caller keeps the run.
    gender: Option<bool>,
    /// The name as written ("John F. Kennedy").
    full: String,
    /// Written with a possessive ending ("Lorn's").
    possessive: bool,
}

/// The name runs of sentence `sentence` of `seg`, in order.
pub fn name_runs(seg: &Segmented, sentence: usize) -> Vec<NameRun> {
    let Some(sentence) = seg.sentences.get(sentence) else {
        return Vec::new();
    };
    let text = seg.masked.as_str();
    let words = Words::new(text, sentence.span);
    let toks = &words.tokens;
    let opening_comma = opening_phrase_comma(&words);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].text(text);
        if !toks[i].is_capitalized(text) || w.is_empty() {
            i += 1;
            continue;
        }
        let Some((a, b)) = name_run_forward(&words, i) else {
            i += 1;
            continue;
        };
        let name_tokens: Vec<&str> = (a..b)
            .map(|k| toks[k].text(text))
            .filter(|t| *t != ".")
            .map(|t| t.trim_end_matches("'s").trim_end_matches("’s"))
            .collect();
        let mut titles: Vec<String> = Vec::new();
        // Title words before the run ("port director", "Foreign Minister").
        let mut k = i;
        while k > 0 && i - k < 4 {
            let t = toks[k - 1].text(text);
            if toks[k - 1].kind != crate::text::TokenKind::Word
                || is_reporting_verb(t)
                || crate::knowledge::is_function_word(t)
            {
                break;
            }
            titles.push(t.to_lowercase());
            k -= 1;
        }
        titles.extend(toks[i..a].iter().map(|t| t.text(text).to_lowercase()));
        // An appositive after it: "Jane Roe, the port director,".
        if toks.get(b).is_some_and(|t| t.text(text) == ",") {
            for t in toks.iter().skip(b + 1).take(8) {
                let tw = t.text(text);
                if matches!(tw, "," | "." | ";") {
                    break;
                }
                titles.push(tw.to_lowercase());
            }
        }
        let lemmas: Vec<String> = titles.iter().map(|t| noun_lemma(t)).collect();
        out.push(NameRun {
            position: toks[a].span.start,
            // Words skipped before the name are titles only if they are ("In Lorn" is no title).
            titled: (i..a).chain(i.checked_sub(1)).any(|k| is_name_title(toks[k].text(text))),
            organisation: names_organisation(&words, a, b),
            real_words: name_tokens
                .iter()
                .filter(|t| t.chars().count() > 1 || t.chars().all(char::is_uppercase))
                .count(),
            acts_as_person: acts_as_person(&words, b) || opens_sentence_with_title(&words, i, b),
            in_opening_phrase: opening_comma.is_some_and(|c| b <= c),
            gender: lemmas.iter().find_map(|t| crate::knowledge::title_gender(t)),
            titles: lemmas,
            full: join_name(&name_tokens, text, &words, a, b),
            possessive: is_possessive(toks[b - 1].text(text)),
            lower_tokens: name_tokens.iter().map(|t| t.to_lowercase()).collect(),
        });
        i = b.max(i + 1);
    }
    out
}

fn inside(sorted_spans: &[Span], position: usize) -> bool {
    let q = sorted_spans.partition_point(|span| span.end <= position);
    sorted_spans
        .get(q)
        .is_some_and(|span| span.start <= position)
}

/// Name tokens joined as written, keeping initials' dots ("John F. Kennedy").
fn join_name(tokens: &[&str], text: &str, words: &Words, a: usize, b: usize) -> String {
    let start = words.tokens[a].span.start;
    let end = words.tokens[b - 1].span.end;
    let raw = text.get(start..end).unwrap_or("");
    let raw = raw.trim_end_matches("'s").trim_end_matches("’s");
    if raw.is_empty() {
        tokens.join(" ")
    } else {
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn speaker_for(seg: &Segmented, m: Mention, names: &NameTable) -> Speaker {
    let text = m.span.slice(&seg.text).to_string();
    let (name, anonymous) = match m.kind {
        MentionKind::Name => {
            let clean = text.trim_end_matches("'s").trim_end_matches("’s");
            (
                names
                    .fullest(clean, m.span.start)
                    .or_else(|| Some(clean.split_whitespace().collect::<Vec<_>>().join(" "))),
                false,
            )
        }
        MentionKind::Pronoun => {
            let singular = crate::knowledge::subject_pronoun(&text) == Some(true);
            let female = Some(text.eq_ignore_ascii_case("she"));
            let name = if singular {
                names
                    .latest_subject_before(m.span.start, female)
                    .map(|p| p.full.to_string())
            } else {
                None
            };
            (name, false)
        }
        MentionKind::Description => {
            let words: Vec<String> = text
                .split_whitespace()
                .map(|w| noun_lemma(w.trim_matches(|c: char| !c.is_alphanumeric())))
                .collect();
            let definite = words
                .first()
                .is_some_and(|w| matches!(w.as_str(), "the" | "his" | "her" | "their" | "its"))
                || text.contains("'s ")
                || text.contains("’s ");
            let content: Vec<String> = words
                .into_iter()
                .filter(|w| !crate::knowledge::is_determiner(w))
                .collect();
            let name = if definite {
                names
                    .by_title(&content, m.span.start)
                    .map(|p| p.full.to_string())
            } else {
                None
            };
            let anonymous = name.is_none();
            (name, anonymous)
        }
    };
    Speaker {
        mention: m.span,
        text,
        kind: m.kind,
        name,
        anonymous,
        from_earlier_paragraph: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextKind;

    fn quotes(t: &str) -> Vec<Quote> {
        find_quotes(&crate::text::Segmented::new(t, TextKind::Markdown))
    }

    /// (quote text, speaker mention text, resolved name)
    fn summary(t: &str) -> Vec<(String, Option<String>, Option<String>)> {
        quotes(t)
            .into_iter()
            .map(|q| {
                let mention = q.speaker.as_ref().map(|s| s.text.clone());
                let name = q.speaker.and_then(|s| s.name);
                (q.text, mention, name)
            })
            .collect()
    }

    fn speaker_of(t: &str) -> Option<String> {
        quotes(t)
            .first()
            .and_then(|q| q.speaker.as_ref().map(|s| s.text.clone()))
    }

    #[test]
    fn every_cue_order_finds_the_speaker() {
        assert_eq!(
            speaker_of("“The bridge opens in May,” Tomas Erikson said."),
            Some("Tomas Erikson".into())
        );
        assert_eq!(
            speaker_of("\"The bridge opens in May,\" said Tomas Erikson."),
            Some("Tomas Erikson".into())
        );
        assert_eq!(
            speaker_of("Tomas Erikson said: “The bridge opens in May.”"),
            Some("Tomas Erikson".into())
        );
        assert_eq!(
            speaker_of(
                "Erikson, the transport minister, said “the bridge opens in May and not before.”"
            ),
            Some("Erikson".into())
        );
        assert_eq!(
            speaker_of("According to Tomas Erikson, “the bridge opens in May.”"),
            Some("Tomas Erikson".into())
        );
        assert_eq!(
            speaker_of("Erikson told reporters: “The bridge opens in May.”"),
            Some("Erikson".into())
        );
        assert_eq!(
            speaker_of("Erikson wrote on social media: “The bridge opens in May.”"),
            Some("Erikson".into())
        );
        assert_eq!(
            speaker_of("Erikson: “The bridge opens in May.”"),
            Some("Erikson".into())
        );
        assert_eq!(
            speaker_of("“And it will carry trains,” Erikson added."),
            Some("Erikson".into())
        );
        assert_eq!(
            speaker_of("“Why now?” Erikson asked."),
            Some("Erikson".into())
        );
        assert_eq!(
            speaker_of("“The bridge opens in May,” a senior ministry official said."),
            Some("a senior ministry official".into())
        );
    }

    #[test]
    fn split_quote_gives_both_pieces_the_speaker() {
        let s = summary("“The first span is done,” she said, “and the second follows in June.”");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].1.as_deref(), Some("she"));
        assert_eq!(s[1].1.as_deref(), Some("she"));
        assert_eq!(s[1].0, "and the second follows in June.");
    }

    #[test]
    fn transcript_labels_name_the_speaker() {
        let q = quotes("\"MORALES: We will open the border crossing on Monday.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "We will open the border crossing on Monday.");
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("MORALES")
        );
        // A time is not a label.
        assert!(transcript_label("10:30 is late", Span::new(0, 13)).is_none());
    }

    #[test]
    fn nyt_doubled_apostrophes() {
        let s = summary("''We will not sell the farm,'' Mrs. Aldana said.");
        assert_eq!(
            s,
            vec![(
                "We will not sell the farm".into(),
                Some("Aldana".into()),
                Some("Aldana".into())
            )]
        );
    }

    #[test]
    fn quote_over_several_paragraphs() {
        let t = "Mayor Ruth Okoye said: “The flood took the lower town.\n\n“We rebuild from the hill down.”";
        let q = quotes(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "The flood took the lower town.");
        assert_eq!(q[1].text, "We rebuild from the hill down.");
        assert_eq!(q[1].paragraph, 1);
        let s = q[1]
            .speaker
            .as_ref()
            .expect("continuation keeps the speaker");
        assert_eq!(s.text, "Ruth Okoye");
        assert!(!s.from_earlier_paragraph);
        // Spans are byte offsets into the original text.
        assert_eq!(&t[q[1].span.start..q[1].span.end], q[1].text);
    }

    #[test]
    fn partial_quotes_and_scare_quotes() {
        let q =
            quotes("The governor called the plan “a slow-motion disaster for farmers” on Tuesday.");
        assert_eq!(q.len(), 1);
        assert!(q[0].partial);
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("The governor")
        );
        // One-word scare quotes and titles of works are not quotes.
        assert!(quotes("The so-called “reform” passed.").is_empty());
        assert!(quotes("She starred in “The Long Harbour Road” last year.").is_empty());
        assert!(
            quotes("In her 2019 book, “Rivers of the North,” Lind argued for dams.").is_empty()
        );
        let whole = quotes("“We will rebuild the school,” Okoye said.");
        assert!(!whole[0].partial);
    }

    #[test]
    fn pronouns_surnames_and_descriptions_resolve() {
        let t = "Harbour Minister Ruth Okoye visited the port. “The cranes are old,” she said.\n\n\
                 “We need new ones,” Okoye said.\n\n\
                 Port director Anton Weiss met her later. “Funding is tight,” the port director said.";
        let s = summary(t);
        assert_eq!(s[0].1.as_deref(), Some("she"));
        assert_eq!(s[0].2.as_deref(), Some("Ruth Okoye"));
        assert_eq!(s[1].2.as_deref(), Some("Ruth Okoye"));
        assert_eq!(s[2].1.as_deref(), Some("the port director"));
        assert_eq!(s[2].2.as_deref(), Some("Anton Weiss"));
        let q = quotes(t);
        assert!(!q[2].speaker.as_ref().is_some_and(|x| x.anonymous));
        let anon = quotes("“The ships are late,” a dock worker said.");
        let sp = anon[0].speaker.as_ref().expect("speaker");
        assert_eq!(sp.kind, MentionKind::Description);
        assert!(sp.anonymous);
        assert_eq!(sp.name, None);
    }

    #[test]
    fn names_inside_quotes_are_not_antecedents() {
        let t = "Senator Paul Ferrante spoke first.\n\n“Nobody believes Maria Castell will win,” he said.";
        let q = quotes(t);
        assert_eq!(
            q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Paul Ferrante")
        );
    }

    #[test]
    fn surname_subject_is_the_pronoun_antecedent() {
        let t = "Trade Secretary Nadia Berg and envoy Omar Haddad met in Oslo.\n\n\
                 Berg told reporters the gap was wide.\n\n“I hope I am wrong,” she said.";
        let q = quotes(t);
        assert_eq!(
            q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Nadia Berg")
        );
    }

    #[test]
    fn the_person_behind_a_possessive_title_is_the_antecedent() {
        let t = "Velmora's chief executive, Ilse Brandvik, told staff the name would stay. “This was the hardest call,” she said.";
        assert_eq!(pronoun_speaker(t).as_deref(), Some("Ilse Brandvik"));
        let t = "Ruth Okoye spoke first.\n\nOkoye's agent, Piet Harmsen, asked for a recount. “We owe every voter certainty,” he said.";
        assert_eq!(pronoun_speaker(t).as_deref(), Some("Piet Harmsen"));
        let t = "Ruth Farr-Okoye spoke first.\n\nFarr-Okoye's election agent, Piet Harmsen, asked for a recount. “We owe every voter certainty,” he said.";
        assert_eq!(pronoun_speaker(t).as_deref(), Some("Piet Harmsen"));
        // With nobody behind the possessive, its owner is still the one a reader means.
        let t = "Ruth Okoye spoke first. Anton Weiss arrived late.\n\nOkoye's voice was steady. “We owe every voter certainty,” she said.";
        assert_eq!(pronoun_speaker(t).as_deref(), Some("Ruth Okoye"));
    }

    fn pronoun_speaker(t: &str) -> Option<String> {
        quotes(t).first().and_then(|q| q.speaker.as_ref().and_then(|s| s.name.clone()))
    }

    #[test]
    fn a_place_in_an_opening_phrase_is_no_antecedent() {
        let t = "Ana Brisk chaired the meeting.\n\nIn Lorvik, Mayor Piotr Wadowski stood by the pier. “We rebuild from the hill down,” he said.";
        assert_eq!(pronoun_speaker(t).as_deref(), Some("Piotr Wadowski"));
        let t = "In Lorvik, Mayor Piotr Wadowski stood by the pier. “We rebuild from the hill down,” he said.";
        assert_eq!(pronoun_speaker(t).as_deref(), Some("Piotr Wadowski"));
        // A person in the opening phrase gives way to the subject after it.
        let t = "Ana Brisk chaired the meeting.\n\nAfter meeting Ana Brisk, Piotr Wadowski spoke to reporters. “We rebuild from the hill down,” he said.";
        assert_eq!(pronoun_speaker(t).as_deref(), Some("Piotr Wadowski"));
        // But stays the subject when the rest of the sentence names nobody.
        let t = "Piotr Wadowski chaired the meeting.\n\nWhen Mayor Ana Brisk arrived, the crowd cheered. “We rebuild from the hill down,” she said.";
        assert_eq!(pronoun_speaker(t).as_deref(), Some("Ana Brisk"));
        // A place opening the sentence without a preposition is no person either.
        let t = "Lorvik Mayor Piotr Wadowski stood by the pier. “We rebuild from the hill down,” he said.";
        assert_eq!(pronoun_speaker(t).as_deref(), Some("Piotr Wadowski"));
    }

    #[test]
    fn a_live_blog_time_stamp_does_not_hide_the_title_opening_the_entry() {
        let t = "**11:00** Prime Minister Ana Brisk lands in Lorvik.\n\n**12:00** Port chief Piotr Wadowski arrives in Lorvik. “We rebuild from the hill down,” he says.";
        assert_eq!(pronoun_speaker(t).as_deref(), Some("Piotr Wadowski"));
        let t = "**11:00** Piotr Wadowski lands in Lorvik.\n\n**12:00** Harbour director Ana Brisk arrives in Lorvik. “We rebuild from the hill down,” she says.";
        assert_eq!(pronoun_speaker(t).as_deref(), Some("Ana Brisk"));
    }

    #[test]
    fn cue_in_neighbouring_sentence_or_paragraph() {
        let q = quotes("“We rebuild from the hill down.” Okoye said.");
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Okoye")
        );
        let q = quotes("The minister answered at length:\n\n“We rebuild from the hill down.”");
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("The minister")
        );
        assert!(!q[0]
            .speaker
            .as_ref()
            .is_some_and(|s| s.from_earlier_paragraph));
        // A following sentence that is not a bare cue does not attribute.
        let q = quotes("“We rebuild from the hill down.” The hill is steep.");
        assert!(q[0].speaker.is_none());
    }

    #[test]
    fn pronoun_gender_follows_honorifics() {
        let t = "Mrs. Alma Reyes chaired the hearing.\n\nMr. Tomas Lind opened the session.\n\n“We are behind schedule,” she said.";
        let q = quotes(t);
        assert_eq!(
            q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Alma Reyes")
        );
    }

    #[test]
    fn single_names_that_speak_are_antecedents() {
        let t = "Okafor, who led the northern team, struck a defiant tone. “We stay,” he reportedly said.";
        let q = quotes(t);
        assert_eq!(
            q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Okafor")
        );
        // A name-like modifier before the person does not steal the subject.
        let t = "Ruth Okoye spoke first.\n\nPort aide Anton Weiss said the cranes were old. “We need more,” he told reporters.";
        let q = quotes(t);
        assert_eq!(
            q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Anton Weiss")
        );
    }

    #[test]
    fn floating_quotes_inherit() {
        let t = "“The vote is close,” Ines Varga said. “We count every ballot.”\n\n“Nobody leaves before midnight.”\n\nThe hall was quiet.";
        let q = quotes(t);
        assert_eq!(q.len(), 3);
        let second = q[1].speaker.as_ref().expect("same paragraph");
        assert_eq!(second.text, "Ines Varga");
        assert!(!second.from_earlier_paragraph);
        let third = q[2].speaker.as_ref().expect("earlier paragraph");
        assert_eq!(third.text, "Ines Varga");
        assert!(third.from_earlier_paragraph);
        // A quote after a paragraph that did not end with an attributed quote stays unattributed.
        let q = quotes("“The vote is close,” Ines Varga said. Then the lights failed.\n\n“Nobody leaves before midnight.”");
        assert!(q[1].speaker.is_none());
    }

    #[test]
    fn edge_inputs_do_not_panic() {
        assert!(quotes("").is_empty());
        assert!(quotes("“").is_empty());
        assert!(quotes("\"").is_empty());
        let q = quotes("Şükrü Öztürk said: “Çok güzel, gerçekten çok güzel”");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "Çok güzel, gerçekten çok güzel");
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Şükrü Öztürk")
        );
        // Unterminated at the end of input: the quote runs to the end.
        let q = quotes("Öztürk said: “We stay here until the end");
        assert_eq!(q[0].text, "We stay here until the end");
        // No-break spaces and a curly quote after an abbreviation (a splitter hazard).
        let q = quotes("Sen.\u{a0}Lena Park said: “Mr. Holt is wrong about the tax.”");
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Lena Park")
        );
    }

    #[test]
    fn every_prefix_of_tricky_text_is_safe() {
        let sample = "“Ça va,” dit M.\u{a0}Dupont — ''Oui,'' said Mr. O’Neill: \"«Sí» ‘no’\"\u{2003}„Ja“ \
                      \"A,\" she said, \"B\n\n\"C.\" \"\"'''' “” ” “x Şükrü: “日本語の引用です,” 田中 said.";
        for (i, _) in sample.char_indices() {
            for kind in [TextKind::Markdown, TextKind::Plain] {
                let seg = crate::text::Segmented::new(&sample[..i], kind);
                for q in find_quotes(&seg) {
                    assert!(seg.text.get(q.span.start..q.span.end).is_some());
                    if let Some(sp) = q.speaker {
                        assert!(seg.text.get(sp.mention.start..sp.mention.end).is_some());
                    }
                }
            }
        }
    }

    #[test]
    fn a_stray_mark_swallowing_a_page_is_not_a_quote() {
        let page = "word ".repeat(2000);
        let t = format!("The mayor said \"{page}and so on. \"We will rebuild,\" the mayor said.");
        let seg = crate::text::Segmented::new(&t, TextKind::Markdown);
        let short = find_quotes_within(&seg, 100);
        assert_eq!(short.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(), vec!["We will rebuild"]);
        let all = find_quotes_within(&seg, usize::MAX);
        assert!(all.iter().any(|q| q.text.len() > 9000), "without a limit the stray mark opens a page-long quote");
        assert_eq!(find_quotes(&seg).len(), 1, "the default limit drops it too");
    }

    #[test]
    fn markdown_markup_is_ignored() {
        let t = "## Port talks\n\n**“The cranes are old,”** said [Ruth Okoye](https://example.org/okoye).";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "The cranes are old");
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Ruth Okoye")
        );
        assert!(quotes("```\nlet s = \"not a quote at all\";\n```").is_empty());
    }
}
#[cfg(test)]
mod random_input_tests {
    /// Random mixes of quote marks, cue words, markup and multi-byte text: no panic, and
    /// every span is a valid slice of the input.
    #[test]
    fn random_inputs_give_valid_spans() {
        let alphabet: Vec<&str> = vec![
            "“",
            "”",
            "\"",
            "''",
            "'",
            "’",
            " ",
            " ",
            " ",
            "\n",
            "\n\n",
            "Mr.",
            "Sen.",
            "he",
            "said",
            "Lee",
            "Ann",
            "von",
            "der",
            ",",
            ".",
            ":",
            "—",
            "-",
            "(",
            ")",
            "according",
            "to",
            "the",
            "official",
            "ş",
            "日本",
            "\u{a0}",
            "\u{2003}",
            "told",
            "reporters",
            "?",
            "!",
            "*",
            "_",
            "[",
            "](x)",
            "#",
            "> ",
            "`",
            "DOE:",
            "it",
            "who",
            "and",
            "saying",
            "by",
            "In",
            "When",
            "9",
            "/",
            "11",
            "year-old",
            "'s",
            "’s",
            "«",
            "»",
            "„",
        ];
        let mut state: u64 = 0x2545F4914F6CDD1D;
        for round in 0..1500 {
            let mut t = String::new();
            let len = 1 + (round % 60);
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                t.push_str(alphabet[(state % alphabet.len() as u64) as usize]);
                if state % 3 == 0 {
                    t.push(' ');
                }
            }
            for kind in [
                crate::text::TextKind::Markdown,
                crate::text::TextKind::Plain,
            ] {
                let seg = crate::text::Segmented::new(&t, kind);
                for q in super::find_quotes(&seg) {
                    assert!(t.get(q.span.start..q.span.end).is_some(), "{t:?}");
                    if let Some(sp) = q.speaker {
                        assert!(t.get(sp.mention.start..sp.mention.end).is_some(), "{t:?}");
                    }
                }
            }
        }
    }
}
