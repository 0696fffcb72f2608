//! Which event a sentence or clause talks about, so facts about different events are never
//! compared. An event is known by the kind of noun that names it; meeting-like words fold together.

use crate::text::{tokenize, Segmented, Span, TokenKind};

/// Every event kind, in the order `EventKinds` numbers them.
const KINDS: [&str; 9] = ["meeting", "vote", "ceremony", "match", "trial", "protest", "visit", "launch", "incident"];

/// The event kinds a clause or sentence names, in order of first mention, without repeats.
/// Packed four bits to a kind in one word: a large corpus carries two of these per fact.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct EventKinds(u64);

impl EventKinds {
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kind named first: what the clause is about.
    pub fn first(self) -> Option<&'static str> {
        self.iter().next()
    }

    pub fn contains(self, kind: &str) -> bool {
        self.iter().any(|k| k == kind)
    }

    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        let mut rest = self.0;
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
        "trial" | "verdict" | "sentencing" => "trial",
        "strike" | "walkout" | "protest" | "rally" | "demonstration" | "march" => "protest",
        "visit" | "trip" | "tour" => "visit",
        "launch" | "opening" | "unveiling" => "launch",
        "attack" | "strike-off" | "explosion" | "blast" | "raid" | "crash" | "fire" => "incident",
        _ => return None,
    })
}

/// Words that end a clause, so "hopes were dampened on Thursday when he met X" keeps Thursday
/// away from the meeting.
fn is_clause_break(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "when" | "while" | "whereas" | "although" | "because" | "until" | "after" | "before" | "since" | "but" | "though" | "as")
}

/// The clause around `at` inside sentence `sentence`: bounded by ; : — – ( ) and
/// subordinating words. Commas do not end a clause (lists are common in news).
pub fn clause_around(seg: &Segmented, sentence: usize, at: Span) -> Span {
    let Some(s) = seg.sentences.get(sentence) else { return at };
    let toks = tokenize(&seg.masked, s.span);
    let mut start = s.span.start;
    let mut end = s.span.end;
    for t in &toks {
        let w = t.text(&seg.masked);
        let breaks = matches!(w, ";" | ":" | "—" | "–" | "(" | ")") || (t.kind == TokenKind::Word && is_clause_break(w));
        if !breaks {
            continue;
        }
        if t.span.end <= at.start {
            start = start.max(t.span.end);
        } else if t.span.start >= at.end {
            end = end.min(t.span.start);
            break;
        }
    }
    Span::new(start, end)
}

/// The event kinds named in a span.
pub fn event_kinds(seg: &Segmented, span: Span) -> EventKinds {
    let toks = tokenize(&seg.masked, span);
    let mut out = EventKinds::default();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let Some(k) = event_kind(t.text(&seg.masked)) else { continue };
        // "March 31" is a month, not a protest.
        let beside_number = |j: Option<&crate::text::Token>| j.is_some_and(|n| n.kind == TokenKind::Number);
        if t.text(&seg.masked) == "March" && (beside_number(toks.get(i + 1)) || i > 0 && beside_number(toks.get(i - 1)) || toks.get(i + 1).is_some_and(|n| n.text(&seg.masked) == ",")) {
            continue;
        }
        // In "strike talks" the first noun only says which talks.
        let modifier = toks.get(i + 1).is_some_and(|n| n.kind == TokenKind::Word && event_kind(n.text(&seg.masked)).is_some());
        if !modifier {
            out.push(k);
        }
    }
    out
}

/// The event a hyphenated duration describes: "three-week strike" → the strike's kind; `None`
/// for a span that is no such adjective, `Some(None)` when the noun is no event ("30-day ceasefire").
pub fn adjective_duration_event(seg: &Segmented, sentence: usize, span: Span) -> Option<Option<&'static str>> {
    let text = span.slice(&seg.masked);
    let unit = text.rsplit('-').next()?;
    if !text.contains('-') || !matches!(unit.trim_end_matches('s'), "minute" | "hour" | "day" | "week" | "month" | "year") {
        return None;
    }
    let s = seg.sentences.get(sentence)?;
    let next = tokenize(&seg.masked, Span::new(span.end, s.span.end)).into_iter().find(|t| t.kind == TokenKind::Word)?;
    Some(event_kind(next.text(&seg.masked)))
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
    fn hyphenated_durations_belong_to_their_noun() {
        let t = "Talks to end the three-week strike failed, despite a 30-day truce.";
        let seg = Segmented::new(t, TextKind::Plain);
        let at = |w: &str| Span::new(t.find(w).unwrap(), t.find(w).unwrap() + w.len());
        assert_eq!(adjective_duration_event(&seg, 0, at("three-week")), Some(Some("protest")));
        assert_eq!(adjective_duration_event(&seg, 0, at("30-day")), Some(None));
        assert_eq!(adjective_duration_event(&seg, 0, at("Talks")), None);
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
