//! Which event a sentence or clause talks about, so facts about different events are never
//! compared. An event is known by the kind of noun that names it (meeting-like words fold
//! together) and the ordinal that picks one of its kind ("the first round"); where no event noun
//! names it, by the content words around a fact (`Happening`).

use crate::text::{tokenize, Segmented, Span, Token, TokenKind};

/// Every event kind, in the order `EventKinds` numbers them.
const KINDS: [&str; 13] = ["meeting", "vote", "ceremony", "match", "trial", "protest", "visit", "launch", "incident", "verdict", "sentencing", "arrest", "appeal"];

/// The event kinds a clause or sentence names, in order of first mention, without repeats.
/// Packed four bits to a kind in one word: a large corpus carries two of these per fact.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct EventKinds(u64);

/// The top four bits hold the instance mark of the kind named first (see `instance_mark`).
const INSTANCE_SHIFT: u32 = 60;
/// Set when the kind named first was named by a word that often means something else ("an
/// appeal for calm", "his conviction that"): enough to pick the event, not to be sure of it.
const DOUBTFUL_BIT: u64 = 1 << 59;
const KIND_BITS: u64 = (1 << (4 * KINDS.len() as u32)) - 1;
const _: () = assert!(KIND_BITS < DOUBTFUL_BIT);

impl EventKinds {
    pub fn is_empty(self) -> bool {
        self.0 & KIND_BITS == 0
    }

    /// Which one of its kind the first event is: 0 unmarked, else an ordinal or "next",
    /// "previous", "another"… Two clauses name the same event only when their marks agree.
    pub fn instance(self) -> u8 {
        (self.0 >> INSTANCE_SHIFT) as u8
    }

    /// Whether the kind named first was named by a word with other senses: a time or place
    /// compared by it is worth a look, never certain.
    pub fn doubtful(self) -> bool {
        self.0 & DOUBTFUL_BIT != 0
    }

    /// The same first event: the same kind with the same instance mark.
    pub fn same_first(self, other: EventKinds) -> bool {
        self.first().is_some() && self.first() == other.first() && self.instance() == other.instance()
    }

    /// The kind named first: what the clause is about.
    pub fn first(self) -> Option<&'static str> {
        self.iter().next()
    }

    pub fn contains(self, kind: &str) -> bool {
        self.iter().any(|k| k == kind)
    }

    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        let mut rest = self.0 & KIND_BITS;
        std::iter::from_fn(move || {
            let number = (rest & 0xf) as usize;
            rest >>= 4;
            KINDS.get(number.checked_sub(1)?).copied()
        })
    }

    fn push(&mut self, kind: &str) {
        let Some(number) = KINDS.iter().position(|&k| k == kind) else { return };
        let len = self.iter().count();
        if !self.contains(kind) && len < KINDS.len() {
            self.0 |= ((number + 1) as u64) << (4 * len);
        }
    }
}

impl<'a> FromIterator<&'a str> for EventKinds {
    fn from_iter<I: IntoIterator<Item = &'a str>>(kinds: I) -> EventKinds {
        let mut out = EventKinds::default();
        for k in kinds {
            out.push(k);
        }
        out
    }
}

impl std::fmt::Debug for EventKinds {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Event nouns (and a few unambiguous verbs) → the event kind they name.
fn event_kind(word: &str) -> Option<&'static str> {
    Some(match word.to_lowercase().as_str() {
        "talks" | "meeting" | "meetings" | "negotiations" | "negotiation" | "session" | "sessions"
        | "round" | "discussions" | "met" | "convened" | "summit" | "conference" | "hearing"
        | "consultations" | "dialogue" | "parley" => "meeting",
        "vote" | "ballot" | "referendum" | "election" | "poll" | "voted" => "vote",
        "ceremony" | "signing" | "inauguration" | "funeral" | "wedding" => "ceremony",
        "match" | "game" | "final" | "race" | "tournament" => "match",
        "trial" | "trials" => "trial",
        // The judgment ends a trial but is a day of its own: "the trial opened on 11 August"
        // and "the verdict came on Thursday" date two happenings. A sentence may be passed
        // months after the verdict.
        "verdict" | "verdicts" | "convicted" | "acquitted" | "acquittal" | "ruling" | "conviction" | "convictions" => "verdict",
        "sentencing" | "sentenced" => "sentencing",
        "arrest" | "arrests" | "arrested" => "arrest",
        "appeal" | "appeals" | "appealed" => "appeal",
        "strike" | "walkout" | "protest" | "rally" | "demonstration" | "march" => "protest",
        "visit" | "trip" | "tour" => "visit",
        "launch" | "opening" | "unveiling" => "launch",
        "attack" | "strike-off" | "explosion" | "blast" | "raid" | "crash" | "fire" => "incident",
        _ => return None,
    })
}

/// Event words with a common other sense: "an appeal for calm", "his conviction that", "the
/// ruling party".
fn is_doubtful_event_word(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "appeal" | "appeals" | "appealed" | "ruling" | "conviction" | "convictions")
}

/// Is the event word at `i` used as a describing word rather than for the event: "the ruling
/// party", "a convicted fraudster" name people, not a judgment.
fn describes_something_else(text: &str, toks: &[Token], i: usize, in_range: &dyn Fn(usize) -> bool) -> bool {
    let word = toks[i].text(text).to_lowercase();
    match word.as_str() {
        // A noun only where nothing but punctuation or a function word follows ("the ruling on
        // Thursday", "a ruling that").
        "ruling" => toks.get(i + 1).filter(|_| in_range(i + 1)).is_some_and(|n| n.kind == TokenKind::Word && !crate::knowledge::is_function_word(n.text(text))),
        "convicted" | "acquitted" | "sentenced" => i > 0 && in_range(i - 1) && toks[i - 1].kind == TokenKind::Word && crate::knowledge::is_determiner(toks[i - 1].text(text)),
        _ => false,
    }
}

/// Words that end a clause, so "hopes were dampened on Thursday when he met X" keeps Thursday
/// away from the meeting.
fn is_clause_break(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "when" | "while" | "whereas" | "although" | "because" | "until" | "after" | "before" | "since" | "but" | "though" | "as")
}

/// Words that may stand between "after"/"before"/"until"/"since" and the number or time that
/// makes it a preposition ("broke up just before 1200 GMT", "collapsed after nearly 40 minutes").
fn is_time_hedge(word: &str) -> bool {
    matches!(word, "just" | "shortly" | "nearly" | "almost" | "about" | "around" | "roughly" | "some" | "more" | "less" | "than" | "over" | "under" | "only" | "barely" | "a" | "an")
}

/// "after 40 minutes", "before 1200 GMT", "until noon", "since 4:40 p.m.": a subordinating word
/// before a number or a time of day is a preposition, and its clause goes on. Only "since" and
/// "until" take a weekday or month as well ("since Monday"); "after Monday's meeting" names
/// another event.
fn introduces_time(text: &str, toks: &[Token], i: usize) -> bool {
    let word = |k: usize| toks.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| t.text(text).to_lowercase());
    let Some(this) = word(i) else { return false };
    if !matches!(this.as_str(), "after" | "before" | "until" | "since") {
        return false;
    }
    let mut k = i + 1;
    while k < i + 4 && word(k).is_some_and(|w| is_time_hedge(&w)) {
        k += 1;
    }
    let Some(next) = toks.get(k) else { return false };
    if next.kind == TokenKind::Number {
        return true;
    }
    let Some(w) = word(k) else { return false };
    if matches!(w.as_str(), "noon" | "midnight" | "midday" | "half" | "quarter" | "dawn" | "dusk") {
        return true;
    }
    if crate::knowledge::number_word(&w).is_some_and(|v| (2.0..100.0).contains(&v)) {
        return true;
    }
    let calendar = crate::knowledge::weekday(w.trim_end_matches("'s").trim_end_matches("’s")).is_some() || crate::knowledge::MONTHS.contains(&w.as_str());
    calendar && matches!(this.as_str(), "since" | "until") && next.is_capitalized(text)
}

/// Verbs whose object is a clause of its own: in "the union said its members would vote on
/// Thursday" the vote is what Thursday dates, whatever the sentence named before.
fn opens_reported_clause(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "said" | "says" | "told" | "tells" | "announced" | "announces" | "stated" | "added" | "confirmed" | "confirms" | "warned" | "warns" | "insisted" | "insists" | "noted" | "wrote"
    )
}

fn breaks_clause(text: &str, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let w = t.text(text);
    matches!(w, ";" | ":" | "—" | "–" | "(" | ")") || (t.kind == TokenKind::Word && (is_clause_break(w) && !introduces_time(text, toks, i) || opens_reported_clause(w)))
}

/// The clause around `at` inside sentence `sentence`: bounded by ; : — – ( ) and
/// subordinating words. Commas do not end a clause (lists are common in news).
pub fn clause_around(seg: &Segmented, sentence: usize, at: Span) -> Span {
    SentenceClauses::new(seg, sentence).clause_around(at)
}

/// `clause_around` for the sentence spanning `sentence` of `text`, a text without its segmentation.
pub fn clause_in(text: &str, sentence: Span, at: Span) -> Span {
    SentenceClauses::in_text(text, sentence).clause_around(at)
}

/// The event kinds named in a span.
pub fn event_kinds(seg: &Segmented, span: Span) -> EventKinds {
    let toks = tokenize(&seg.masked, span);
    kinds_in(&seg.masked, &toks, 0..toks.len(), None)
}

/// Ordinals and words that pick out one of several events of a kind ("the first round", "the
/// next meeting", "another vote"): facts about differently marked events are never compared.
fn instance_mark(word: &str) -> u8 {
    match word.to_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "next" | "upcoming" => 6,
        "previous" | "prior" | "earlier" => 7,
        "last" => 8,
        "final" => 9,
        "another" | "new" | "again" => 10,
        "latest" => 11,
        _ => 0,
    }
}

/// The instance mark of the event word at `i`: an ordinal up to three words before it, with
/// nothing but words between ("a first round", "their first direct peace talks").
fn instance_before(text: &str, toks: &[Token], from: usize, i: usize) -> u8 {
    let mut k = i;
    while k > from && k + 3 >= i {
        k -= 1;
        let t = &toks[k];
        if t.kind != TokenKind::Word {
            return 0;
        }
        let w = t.text(text);
        let mark = instance_mark(w);
        if mark != 0 && !in_a_name(text, toks, k) {
            return mark;
        }
        if crate::knowledge::is_determiner(w) {
            return 0;
        }
    }
    0
}

/// Is the instance word at `k` part of a name ("the New Year ceremony", "Second Avenue")?
fn in_a_name(text: &str, toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    t.is_capitalized(text) && (t.text(text) == "New" || k > 0 && toks[k - 1].is_capitalized(text) || toks.get(k + 1).is_some_and(|n| n.is_capitalized(text)))
}

/// The event kinds of tokens `range`, skipping those `skip` marks; lookarounds stay in range.
fn kinds_in(text: &str, toks: &[Token], range: std::ops::Range<usize>, skip: Option<&[bool]>) -> EventKinds {
    let mut out = EventKinds::default();
    let in_range = |k: usize| range.contains(&k) && !skip.is_some_and(|s| s.get(k).copied().unwrap_or(false));
    for i in range.clone() {
        if !in_range(i) || toks[i].kind != TokenKind::Word {
            continue;
        }
        let t = &toks[i];
        let Some(k) = event_kind(t.text(text)) else { continue };
        let tok = |j: usize| Some(j).filter(|&j| in_range(j)).and_then(|j| toks.get(j));
        // "March 31" is a month, not a protest.
        let beside_number = |j: Option<&Token>| j.is_some_and(|n| n.kind == TokenKind::Number);
        if t.text(text) == "March" && (beside_number(tok(i + 1)) || i > 0 && beside_number(tok(i - 1)) || tok(i + 1).is_some_and(|n| n.text(text) == ",")) {
            continue;
        }
        if describes_something_else(text, toks, i, &in_range) {
            continue;
        }
        // In "strike talks" the first noun only says which talks.
        let modifier = tok(i + 1).is_some_and(|n| n.kind == TokenKind::Word && event_kind(n.text(text)).is_some());
        if !modifier {
            if out.is_empty() {
                out.0 |= u64::from(instance_before(text, toks, range.start, i)) << INSTANCE_SHIFT;
                if is_doubtful_event_word(t.text(text)) {
                    out.0 |= DOUBTFUL_BIT;
                }
            }
            out.push(k);
        }
    }
    // "… and said both sides would meet again on Friday": a clause that says "again" is about
    // a later one of its events.
    if !out.is_empty() && out.instance() == 0 && range.clone().any(|k| in_range(k) && toks[k].kind == TokenKind::Word && toks[k].text(text).eq_ignore_ascii_case("again")) {
        out.0 |= 10 << INSTANCE_SHIFT;
    }
    out
}

/// Whether each token is inside quotation marks. A closing mark with no opening one means the
/// sentence began inside a quote that an earlier sentence opened.
fn quoted_tokens(text: &str, toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut inside = false;
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Punct {
            out[k] = inside;
            continue;
        }
        match t.text(text) {
            "“" | "«" | "„" => inside = true,
            "”" | "»" => {
                if !inside {
                    out[..k].iter_mut().for_each(|q| *q = true);
                }
                inside = false;
            }
            "\"" => inside = !inside,
            _ => out[k] = inside,
        }
    }
    out
}

/// One sentence's tokens with its clause breaks and quotes, found once: the clause and event
/// kinds of every fact in the sentence are then look-ups, where tokenising the sentence again
/// for each fact made a sentence of n times cost n² (a 3,000-row table is one sentence).
pub struct SentenceClauses<'a> {
    text: &'a str,
    sentence: Span,
    toks: Vec<Token>,
    /// Indices of the tokens that end a clause, in order.
    breaks: Vec<usize>,
    /// Those of them that are punctuation: what bounds a statement with what it says.
    stops: Vec<usize>,
    quoted: Vec<bool>,
    /// The clause asked about last, (first token, end token, skips quotes), and its kinds:
    /// facts in one clause come one after another.
    last: std::cell::Cell<Option<(usize, usize, bool, EventKinds)>>,
}

impl<'a> SentenceClauses<'a> {
    pub fn new(seg: &'a Segmented, sentence: usize) -> SentenceClauses<'a> {
        let span = seg.sentences.get(sentence).map_or(Span::new(0, 0), |s| s.span);
        SentenceClauses::in_text(&seg.masked, span)
    }

    /// The clauses of the sentence spanning `sentence` of `text`.
    pub fn in_text(text: &'a str, sentence: Span) -> SentenceClauses<'a> {
        let toks = tokenize(text, sentence);
        let breaks: Vec<usize> = (0..toks.len()).filter(|&i| breaks_clause(text, &toks, i)).collect();
        let stops = breaks.iter().copied().filter(|&i| toks[i].kind == TokenKind::Punct).collect();
        let quoted = quoted_tokens(text, &toks);
        SentenceClauses { text, sentence, toks, breaks, stops, quoted, last: std::cell::Cell::new(None) }
    }

    /// The tokens of the clause around `at`, as a range of token indices. Break tokens inside
    /// `at` do not count.
    pub fn clause_tokens(&self, at: Span) -> std::ops::Range<usize> {
        self.between(&self.breaks, at)
    }

    /// The tokens around `at` up to the nearest of `breaks` on either side.
    fn between(&self, breaks: &[usize], at: Span) -> std::ops::Range<usize> {
        let before = breaks.partition_point(|&k| self.toks[k].span.end <= at.start);
        let start = if before > 0 { breaks[before - 1] + 1 } else { 0 };
        let after = breaks.partition_point(|&k| self.toks[k].span.start < at.end);
        let end = breaks.get(after).copied().unwrap_or(self.toks.len());
        start..end.max(start)
    }

    /// The indices of the tokens that overlap `at`.
    fn overlapping(&self, at: Span) -> std::ops::Range<usize> {
        let first = self.toks.partition_point(|t| t.span.end <= at.start);
        let last = self.toks.partition_point(|t| t.span.start < at.end);
        first..last.max(first)
    }

    pub fn clause_around(&self, at: Span) -> Span {
        let r = self.clause_tokens(at);
        let start = r.start.checked_sub(1).map_or(self.sentence.start, |k| self.toks[k].span.end);
        let end = self.toks.get(r.end).map_or(self.sentence.end, |t| t.span.start);
        Span::new(start, end.max(start))
    }

    /// The event kinds of the clause around `at`. Words in quotation marks count only for a
    /// fact inside the quote: what a speaker says does not name the event a reporter dates.
    pub fn events_around(&self, at: Span) -> EventKinds {
        let r = self.clause_tokens(at);
        let skip_quoted = !self.overlapping(at).any(|k| self.quoted[k]);
        if let Some((a, b, q, kinds)) = self.last.get() {
            if (a, b, q) == (r.start, r.end, skip_quoted) {
                return kinds;
            }
        }
        let skip = skip_quoted.then_some(self.quoted.as_slice());
        let mut kinds = kinds_in(self.text, &self.toks, r.clone(), skip);
        // "Next round: Saturday, 15 March": a clause of nothing but a date after a colon gives
        // the value of the label before it.
        if kinds.is_empty() && r.start > 0 && self.toks[r.start - 1].text(self.text) == ":" && r.clone().all(|k| self.is_calendar_token(k)) {
            let label = self.breaks.partition_point(|&b| b < r.start - 1);
            let from = if label > 0 { self.breaks[label - 1] + 1 } else { 0 };
            kinds = kinds_in(self.text, &self.toks, from..r.start - 1, skip);
        }
        self.last.set(Some((r.start, r.end, skip_quoted, kinds)));
        kinds
    }

    /// A number, a punctuation mark or a calendar word (weekday, month, "a.m.", a zone).
    fn is_calendar_token(&self, k: usize) -> bool {
        let t = &self.toks[k];
        if t.kind != TokenKind::Word {
            return true;
        }
        let w = t.text(self.text).to_lowercase();
        let bare = w.trim_end_matches("'s").trim_end_matches("’s");
        crate::knowledge::weekday(bare).is_some()
            || crate::knowledge::month(bare).is_some()
            || matches!(bare, "a.m" | "a.m." | "p.m" | "p.m." | "am" | "pm" | "gmt" | "utc" | "local" | "time" | "noon" | "midnight" | "morning" | "afternoon" | "evening" | "night")
    }
}

/// Is token `k` inside one of `ranges` (sorted, disjoint token ranges)?
pub fn in_ranges(ranges: &[(usize, usize)], k: usize) -> bool {
    let i = ranges.partition_point(|&(_, end)| end <= k);
    ranges.get(i).is_some_and(|&(start, _)| start <= k)
}

/// Whether a word names an event ("talks", "vote", "strike").
pub fn is_event_word(word: &str) -> bool {
    event_kind(word).is_some()
}

/// What a clause says happened, as a few word stems: its content words near the time, cut to
/// their first six letters after a crude suffix strip ("evacuated", "evacuation" → "evacua"),
/// each marked when written as a name. Two clauses with enough of these in common, and the same
/// instance words ("first", "next", "another"), report the same happening even when no event
/// noun says which ("ordered the town evacuated at 2:15 p.m." / "the evacuation order came at
/// 2:15 p.m.").
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Happening {
    /// Stem hashes, sorted; `NAME_BIT` marks a stem written as a name.
    stems: Box<[u32]>,
    /// Bit `n` for each instance mark `n` in the clause.
    marks: u16,
}

const NAME_BIT: u32 = 1 << 31;
/// Content words looked at on either side of a time.
const HAPPENING_REACH: usize = 12;
const MAX_STEMS: usize = 16;

impl Happening {
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// (stems in common, of which written in lower case on both sides).
    fn common(&self, other: &Happening) -> (usize, usize) {
        let (mut all, mut lower) = (0, 0);
        for a in self.stems.iter() {
            if let Some(b) = other.stems.iter().find(|b| (**b & !NAME_BIT) == (a & !NAME_BIT)) {
                all += 1;
                if a & NAME_BIT == 0 && b & NAME_BIT == 0 {
                    lower += 1;
                }
            }
        }
        (all, lower)
    }

    /// Do the two describe one happening? Two common words in lower case (what was done and to
    /// what: "evacuation order", "brief … fairgrounds"), or three common words of which one is
    /// in lower case; names alone ("Whitcombe … Thursday") never suffice, nor do clauses that
    /// mark different instances ("the next briefing").
    pub fn same_as(&self, other: &Happening) -> bool {
        if self.marks != other.marks {
            return false;
        }
        let (all, lower) = self.common(other);
        lower >= 2 || (all >= 3 && lower >= 1)
    }

    /// How many stems the two share, to rank evidence.
    pub fn overlap(&self, other: &Happening) -> usize {
        self.common(other).0
    }
}

/// Words that say nothing of what happened: times, hedges, and the generic nouns of reporting.
fn is_happening_filler(lower: &str) -> bool {
    crate::knowledge::is_function_word(lower)
        || matches!(lower, "said" | "says" | "say" | "told" | "tells" | "tell" | "added" | "adds" | "stated" | "states" | "noted" | "notes" | "according" | "wrote" | "writes" | "speaking" | "spoke")
        || crate::knowledge::weekday(lower.trim_end_matches("'s").trim_end_matches("’s")).is_some()
        || crate::knowledge::MONTHS.contains(&lower)
        || crate::knowledge::number_word(lower).is_some()
        || matches!(
            lower,
            "morning" | "afternoon" | "evening" | "night" | "tonight" | "today" | "yesterday" | "tomorrow" | "day" | "days" | "week" | "weeks" | "hour"
                | "hours" | "minute" | "minutes" | "time" | "local" | "gmt" | "utc" | "a.m" | "a.m." | "p.m" | "p.m." | "am" | "pm" | "o'clock" | "noon"
                | "midnight" | "midday" | "late" | "early" | "nearly" | "almost" | "shortly" | "roughly" | "approximately" | "past" | "half" | "quarter"
                | "officials" | "official" | "people" | "reporters" | "journalists" | "statement" | "authorities" | "media" | "news" | "sources" | "will"
                | "would" | "had" | "has" | "have" | "was" | "were" | "are"
        )
}

/// Past forms whose stem is not the base's.
fn irregular_base(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "met" => "meet",
        "held" => "hold",
        "began" | "begun" => "begin",
        "broke" | "broken" => "break",
        "spoke" | "spoken" => "speak",
        "left" => "leave",
        "came" => "come",
        "went" | "gone" => "go",
        "took" | "taken" => "take",
        "gave" | "given" => "give",
        "flew" | "flown" => "fly",
        "fought" => "fight",
        "sat" => "sit",
        "ran" => "run",
        "won" => "win",
        "lost" => "lose",
        "brought" => "bring",
        "struck" => "strike",
        "fell" | "fallen" => "fall",
        "rose" | "risen" => "rise",
        "sent" => "send",
        "led" => "lead",
        "shot" => "shoot",
        "made" => "make",
        "found" => "find",
        "kept" => "keep",
        "stood" => "stand",
        "drove" | "driven" => "drive",
        "wrote" | "written" => "write",
        "chose" | "chosen" => "choose",
        "caught" => "catch",
        "sought" => "seek",
        "spent" => "spend",
        "built" => "build",
        "burnt" => "burn",
        "saw" | "seen" => "see",
        "grew" | "grown" => "grow",
        "drew" | "drawn" => "draw",
        "threw" | "thrown" => "throw",
        "woke" => "wake",
        _ => return None,
    })
}

/// A word's stem for `Happening`: lower case, possessive and one inflectional suffix off,
/// first six letters.
fn happening_stem(lower: &str) -> String {
    let w = lower.trim_end_matches("'s").trim_end_matches("’s");
    let w = irregular_base(w).unwrap_or(w);
    let mut stem = w;
    for suffix in ["ions", "ion", "ings", "ing", "ied", "ies", "ed", "es", "s", "e"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.chars().count() >= 3 {
                stem = s;
                break;
            }
        }
    }
    stem.chars().take(6).collect()
}

fn stem_hash(stem: &str) -> u32 {
    // FNV-1a: stable across runs, and the set is compared by value only.
    let mut h: u32 = 0x811c_9dc5;
    for b in stem.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h & !NAME_BIT
}

impl SentenceClauses<'_> {
    /// The happening around the fact at `at`: content words of its clause within reach,
    /// leaving out the tokens of `times` (token ranges of the sentence's time expressions).
    /// A statement's time (`statement`) reaches across the speech verb, and its quoted words
    /// count: what was said is what tells one statement from another.
    pub fn happening(&self, at: Span, times: &[(usize, usize)], statement: bool) -> Happening {
        let with_quotes = statement;
        let clause = if statement { self.between(&self.stops, at) } else { self.clause_tokens(at) };
        let own = self.overlapping(at);
        let from = clause.start.max(own.start.saturating_sub(HAPPENING_REACH));
        let to = clause.end.min(own.end + HAPPENING_REACH);
        let in_time = |k: usize| in_ranges(times, k);
        let mut stems: Vec<u32> = Vec::new();
        let mut marks = 0u16;
        for k in from..to {
            let t = &self.toks[k];
            if t.kind != TokenKind::Word || in_time(k) || (self.quoted[k] && !with_quotes) {
                continue;
            }
            let word = t.text(self.text);
            let lower = word.to_lowercase();
            // A capital at the head of the sentence or a quote says nothing about names.
            let head = k == 0 || self.toks[k - 1].kind == TokenKind::Punct && matches!(self.toks[k - 1].text(self.text), "“" | "\"" | ":" | "—");
            let name = t.is_capitalized(self.text) && !head;
            // Ordinals and "another", "again": not "earlier", "last" or "latest", which more
            // often date than pick out ("last week"), nor "New" in a name.
            let mark = instance_mark(&lower);
            if mark != 0 && !in_a_name(self.text, &self.toks, k) && !matches!(mark, 7 | 8 | 11) {
                marks |= 1 << mark;
                continue;
            }
            if lower.chars().count() < 3 || is_happening_filler(&lower) {
                continue;
            }
            let h = stem_hash(&happening_stem(&lower)) | if name { NAME_BIT } else { 0 };
            if !stems.iter().any(|s| (s & !NAME_BIT) == (h & !NAME_BIT)) && stems.len() < MAX_STEMS {
                stems.push(h);
            }
        }
        stems.sort_unstable();
        Happening { stems: stems.into_boxed_slice(), marks }
    }
}

/// The event a hyphenated duration describes: "three-week strike" → the strike's kind; `None`
/// for a span that is no such adjective, `Some(None)` when the noun is no event ("30-day ceasefire").
pub fn adjective_duration_event(seg: &Segmented, sentence: usize, span: Span) -> Option<Option<&'static str>> {
    SentenceClauses::new(seg, sentence).adjective_duration_event(span)
}

impl SentenceClauses<'_> {
    /// `adjective_duration_event` for a sentence whose clauses are known: the noun is found
    /// without reading the rest of the sentence again.
    pub fn adjective_duration_event(&self, span: Span) -> Option<Option<&'static str>> {
        let text = span.slice(self.text);
        let unit = text.rsplit('-').next()?;
        if !text.contains('-') || !matches!(unit.trim_end_matches('s'), "minute" | "hour" | "day" | "week" | "month" | "year") {
            return None;
        }
        let after = self.toks.partition_point(|t| t.span.start < span.end);
        let next = self.toks[after..].iter().find(|t| t.kind == TokenKind::Word)?;
        Some(event_kind(next.text(self.text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextKind;

    #[test]
    fn compound_nouns_name_the_last_event() {
        let t = "Strike talks resume on Tuesday.";
        let seg = Segmented::new(t, TextKind::Plain);
        assert_eq!(event_kinds(&seg, seg.sentences[0].span).iter().collect::<Vec<_>>(), vec!["meeting"]);
    }

    #[test]
    fn kinds_keep_their_order_and_no_repeats() {
        let t = "The vote after the strike talks and a second vote ended the protest.";
        let seg = Segmented::new(t, TextKind::Plain);
        let kinds = event_kinds(&seg, seg.sentences[0].span);
        assert_eq!(kinds.iter().collect::<Vec<_>>(), vec!["vote", "meeting", "protest"]);
        assert_eq!(kinds.first(), Some("vote"));
        assert!(kinds.contains("protest") && !kinds.contains("trial"));
        let all: EventKinds = KINDS.iter().rev().copied().chain(["vote", "unknown"]).collect();
        assert_eq!(all.iter().collect::<Vec<_>>(), KINDS.iter().rev().copied().collect::<Vec<_>>());
    }

    #[test]
    fn court_words_name_their_own_happenings() {
        let first = |t: &str| {
            let seg = Segmented::new(t, TextKind::Plain);
            event_kinds(&seg, seg.sentences[0].span)
        };
        assert_eq!(first("The trial of Ada Fenn opened on Monday.").first(), Some("trial"));
        assert_eq!(first("The verdict came on Thursday.").first(), Some("verdict"));
        assert_eq!(first("A court convicted Fenn on Thursday.").first(), Some("verdict"));
        assert_eq!(first("Fenn will be sentenced on Friday.").first(), Some("sentencing"));
        assert_eq!(first("Fenn was arrested in Lorn in 2022.").first(), Some("arrest"));
        // Describing words name no judgment.
        assert!(first("The ruling party met on Monday.").first() != Some("verdict"));
        assert!(first("The convicted banker left on Monday.").is_empty());
        assert_eq!(first("The ruling on Thursday surprised them.").first(), Some("verdict"));
        // Words of several senses pick the event, doubtfully.
        assert!(first("Police made an appeal for calm on Monday.").doubtful());
        assert!(first("The ruling on Thursday surprised them.").doubtful());
        assert!(!first("The verdict came on Thursday.").doubtful());
    }

    #[test]
    fn hyphenated_durations_belong_to_their_noun() {
        let t = "Talks to end the three-week strike failed, despite a 30-day truce.";
        let seg = Segmented::new(t, TextKind::Plain);
        let at = |w: &str| Span::new(t.find(w).unwrap(), t.find(w).unwrap() + w.len());
        assert_eq!(adjective_duration_event(&seg, 0, at("three-week")), Some(Some("protest")));
        assert_eq!(adjective_duration_event(&seg, 0, at("30-day")), Some(None));
        assert_eq!(adjective_duration_event(&seg, 0, at("Talks")), None);
    }

    fn span_of(t: &str, w: &str) -> Span {
        let p = t.find(w).unwrap();
        Span::new(p, p + w.len())
    }

    #[test]
    fn after_a_number_the_clause_goes_on() {
        let t = "A first round collapsed after 40 minutes when the union walked out.";
        let seg = Segmented::new(t, TextKind::Plain);
        let c = SentenceClauses::new(&seg, 0);
        assert_eq!(c.clause_around(span_of(t, "40 minutes")).slice(t).trim(), "A first round collapsed after 40 minutes");
        assert_eq!(c.events_around(span_of(t, "40 minutes")).first(), Some("meeting"));
        let t = "The talks broke up just before 1200 GMT.";
        let seg = Segmented::new(t, TextKind::Plain);
        assert_eq!(event_kinds(&seg, clause_around(&seg, 0, span_of(t, "1200"))).first(), Some("meeting"));
        // Before another event it still ends the clause.
        let t = "Hopes rose on Monday after the vote passed.";
        let seg = Segmented::new(t, TextKind::Plain);
        assert!(event_kinds(&seg, clause_around(&seg, 0, span_of(t, "Monday"))).is_empty());
    }

    #[test]
    fn instance_marks_tell_one_meeting_from_another() {
        let kinds = |t: &str, at: &str| {
            let seg = Segmented::new(t, TextKind::Plain);
            SentenceClauses::new(&seg, 0).events_around(span_of(t, at))
        };
        let first = kinds("The first round of talks lasted 40 minutes.", "40");
        let next = kinds("The next round of talks is set for Friday.", "Friday");
        let plain = kinds("The talks lasted three hours.", "three");
        let again = kinds("Moor chaired the talks, and both sides will hold talks again on Friday.", "Friday");
        let direct = kinds("It was their first direct peace talks on Friday.", "Friday");
        assert_eq!((first.instance(), next.instance(), plain.instance(), direct.instance()), (1, 6, 0, 1));
        assert!(again.instance() != 0);
        assert!(first.same_first(kinds("A first round on Friday collapsed after 45 minutes.", "45")));
        assert!(!first.same_first(plain) && !plain.same_first(next) && !plain.same_first(again));
        assert!(plain.same_first(kinds("The meeting began at 0900 GMT.", "0900")));
        assert!(!kinds("The New Year ceremony began at noon.", "noon").is_empty());
        assert_eq!(kinds("The New Year ceremony began at noon.", "noon").instance(), 0);
    }

    #[test]
    fn quoted_words_name_no_event_for_a_time_outside_the_quote() {
        let t = "“We want serious negotiations,” Moor told reporters on Thursday.";
        let seg = Segmented::new(t, TextKind::Plain);
        assert!(SentenceClauses::new(&seg, 0).events_around(span_of(t, "Thursday")).is_empty());
        let t = "“The talks ended on Friday,” Moor said.";
        let seg = Segmented::new(t, TextKind::Plain);
        assert_eq!(SentenceClauses::new(&seg, 0).events_around(span_of(t, "Friday")).first(), Some("meeting"));
        // A sentence that opens inside a quote from the sentence before.
        let t = "and then the talks stop,” Moor said on Friday.";
        let seg = Segmented::new(t, TextKind::Plain);
        assert!(SentenceClauses::new(&seg, 0).events_around(span_of(t, "Friday")).is_empty());
        assert_eq!(event_kinds(&seg, seg.sentences[0].span).first(), Some("meeting"));
    }

    fn happening(t: &str, at: &str) -> Happening {
        let seg = Segmented::new(t, TextKind::Plain);
        let times = crate::extract::time::find_times(&seg, 0);
        let m = times.into_iter().find(|m| m.span.slice(t).starts_with(at)).unwrap_or_else(|| panic!("{at} in {t}"));
        m.happening
    }

    #[test]
    fn one_happening_in_other_words() {
        let order = happening("Deputies ordered the town of Pine Vale evacuated at 3:15 p.m. Wednesday.", "3:15");
        assert!(order.same_as(&happening("The evacuation order came at 2:15 p.m. Wednesday.", "2:15")));
        assert!(order.same_as(&happening("Sheriff Ada Roe ordered the town evacuated at 2:15 p.m. that day.", "2:15")));
        let brief = happening("Officials will brief reporters at 10 a.m. at the county fairgrounds.", "10 a.m.");
        assert!(brief.same_as(&happening("Officials held a briefing at 9 a.m. Thursday at the Lone County Fairgrounds.", "9 a.m.")));
        // Another instance, other words, or names alone are other happenings.
        assert!(!brief.same_as(&happening("Officials will give the next update at a briefing at 9 a.m. at the county fairgrounds.", "9 a.m.")));
        assert!(!order.same_as(&happening("The mayor visited the shelter on Wednesday.", "Wednesday")));
        let flew = happening("Governor Ada Whit flew over the fire on Thursday.", "Thursday");
        assert!(!flew.same_as(&happening("Ada Whit declared an emergency on Friday.", "Friday")));
        assert!(!happening("The governor toured the town on Tuesday.", "Tuesday").same_as(&order));
    }

    #[test]
    fn a_long_sentence_is_read_once() {
        let t = format!("The talks began at {}.", vec!["1000 GMT"; 5_000].join(", "));
        let seg = Segmented::new(&t, TextKind::Plain);
        let c = SentenceClauses::new(&seg, 0);
        let at = span_of(&t, "began");
        assert_eq!(c.events_around(at).first(), Some("meeting"));
        assert_eq!(c.clause_around(at), clause_around(&seg, 0, at));
    }

    #[test]
    fn subordinate_clause_is_another_event() {
        let t = "Hopes were dampened on Thursday when the mayor met the union.";
        let seg = Segmented::new(t, TextKind::Plain);
        let at = Span::new(t.find("Thursday").unwrap(), t.find("Thursday").unwrap() + 8);
        let clause = clause_around(&seg, 0, at);
        assert!(event_kinds(&seg, clause).is_empty());
        assert_eq!(event_kinds(&seg, seg.sentences[0].span).first(), Some("meeting"));
    }
}
