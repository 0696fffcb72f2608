//! Times, dates, weekdays and durations, with what each is the time of.

use crate::extract::events::{in_ranges, Happening, SentenceClauses};
use crate::extract::number::{parse_number_words, Words};
use crate::knowledge::{month, number_word, weekday, zone_for_country, zone_for_place};
use crate::text::{Segmented, Span};
use chrono::{NaiveDate, Offset, TimeZone};
use serde::Serialize;

/// Which clock a time of day is read on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Zone {
    /// GMT / UTC / Z.
    Utc,
    /// A fixed offset from UTC in minutes ("GMT+3", "+03:00").
    Offset(i32),
    /// A named zone or place ("Moscow time", "EST" resolved to its offset on the event date is the
    /// checker's job): the IANA id, e.g. "Europe/Moscow".
    Named(String),
    /// "local time", or a document-wide "All times are local".
    Local,
    /// No zone given ("at 9:30 a.m.").
    Unspecified,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TimeValue {
    /// A time of day in minutes after midnight on `zone`'s clock.
    Clock { minutes: u32, zone: Zone },
    /// 0 = Monday.
    Weekday { day: u8 },
    Date { year: Option<i32>, month: u8, day: Option<u8> },
    /// Bounds in minutes; an exact duration has min == max. An open upper bound ("more than
    /// two hours") is `f64::INFINITY`, which serializes as `null`.
    Duration { min_minutes: f64, max_minutes: f64 },
}

/// What a time is the time of, read from the words around it. Only times of the same role are
/// compared: a meeting's end is no contradiction of its start, nor a statement's day of the
/// event's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeRole {
    /// The time of the happening its clause names, without saying which end of it.
    #[default]
    Event,
    /// When something began: "began at", "opened at", "from 0930", "since Monday".
    Start,
    /// When something ended: "broke up at", "ended at", "until 1200".
    End,
    /// When something was said: "said on Thursday", "told reporters Thursday night".
    Statement,
    /// A liveblog post's stamp or a dated label: a time alone on its line or in bold at its head.
    Stamp,
    /// Set against another event: "on Thursday, a day before the talks", "ahead of the talks".
    Relative,
    /// A length of time that is not how long something lasted: "the first talks in three
    /// years", "two days ago".
    Gap,
}

impl TimeRole {
    fn is_event(&self) -> bool {
        *self == TimeRole::Event
    }
}

/// How loosely a clock time is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    #[default]
    Exact,
    /// "about", "around", "roughly".
    About,
    /// "just before", "shortly before", "nearly".
    JustBefore,
    /// "just after", "shortly after".
    JustAfter,
    /// "before", "by".
    Before,
    /// "after".
    After,
}

impl Approx {
    /// The minutes the time may lie before and after the one written.
    pub fn slack(self) -> (i32, i32) {
        match self {
            Approx::Exact => (0, 0),
            Approx::About => (15, 15),
            Approx::JustBefore => (20, 0),
            Approx::JustAfter => (0, 20),
            Approx::Before => (240, 0),
            Approx::After => (0, 240),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeMention {
    pub span: Span,
    pub value: TimeValue,
    #[serde(skip_serializing_if = "TimeRole::is_event")]
    pub role: TimeRole,
    #[serde(skip_serializing_if = "is_exact")]
    pub approx: Approx,
    /// A clock time on a twelve-hour dial with no a.m. or p.m. ("half past eleven", "five
    /// o'clock"): `value` holds the morning reading, the evening one is as likely.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub half_day: bool,
    /// What the words around the time say happened, to match a source time to a draft one
    /// when no event noun names the happening.
    #[serde(skip)]
    pub happening: Happening,
}

fn is_exact(a: &Approx) -> bool {
    *a == Approx::Exact
}

impl TimeMention {
    /// A time of no particular role, exactly as written.
    pub fn new(span: Span, value: TimeValue) -> TimeMention {
        TimeMention { span, value, role: TimeRole::Event, approx: Approx::Exact, half_day: false, happening: Happening::default() }
    }
}

/// Time expressions in sentence `sentence` of `seg`.
pub fn find_times(seg: &Segmented, sentence: usize) -> Vec<TimeMention> {
    find_times_in(seg, sentence, &SentenceClauses::new(seg, sentence))
}

/// `find_times` for a caller that has the sentence's clauses already.
pub fn find_times_in(seg: &Segmented, sentence: usize, clauses: &SentenceClauses) -> Vec<TimeMention> {
    let Some(s) = seg.sentences.get(sentence) else { return Vec::new() };
    let w = Words::new(&seg.masked, s.span);
    let mut found = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let hit = clock_at(&w, i)
            .or_else(|| spelled_clock_at(&w, i))
            .or_else(|| date_at(&w, i).map(|(v, e)| (v, e, false)))
            .or_else(|| weekday_at(&w, i).map(|(v, e)| (v, e, false)))
            .or_else(|| duration_at(&w, i).map(|(v, e)| (v, e, false)));
        match hit {
            Some((value, end, half_day)) => {
                found.push((i, end, value, half_day));
                i = end;
            }
            None => i += 1,
        }
    }
    let ranges: Vec<(usize, usize)> = found.iter().map(|(a, b, _, _)| (*a, *b)).collect();
    // "**Tuesday 11 March**", "Friday, 16 May": a line of nothing but times heads what follows.
    let only_times = !ranges.is_empty() && (0..w.len()).all(|k| !w.is_word(k) && !w.is_number(k) || in_ranges(&ranges, k));
    found
        .into_iter()
        .map(|(start, end, value, half_day)| {
            let span = w.span(start, end);
            let role = if only_times { TimeRole::Stamp } else { role_of(seg, &w, clauses, start, end, &value, span, &ranges) };
            let approx = if matches!(value, TimeValue::Clock { .. }) { approx_before(&w, start) } else { Approx::Exact };
            let happening = clauses.happening(span, &ranges, role == TimeRole::Statement);
            TimeMention { span, value, role, approx, half_day, happening }
        })
        .collect()
}

/// The zone a document declares for all its times ("All times are GMT.", "All times local"),
/// which stands for `Zone::Unspecified` in that document.
pub fn stated_zone(seg: &Segmented) -> Option<Zone> {
    (0..seg.sentences.len()).find_map(|i| stated_zone_in(seg, i))
}

/// `stated_zone` for one sentence, so an incremental caller can remember it per paragraph.
pub fn stated_zone_in(seg: &Segmented, sentence: usize) -> Option<Zone> {
    let s = seg.sentences.get(sentence)?;
    // Tokenizing every sentence to look for two words is most of this function's cost.
    if !s.span.slice(&seg.masked).to_ascii_lowercase().contains("times") {
        return None;
    }
    let w = Words::new(&seg.masked, s.span);
    (1..w.len()).find_map(|i| {
        if w.lower(i - 1) != "all" || w.lower(i) != "times" {
            return None;
        }
        let mut k = i + 1;
        while matches!(w.lower(k), "are" | "is" | "in" | "given" | "shown" | "listed" | "quoted" | "expressed" | ":") {
            k += 1;
        }
        zone_after(&w, k).map(|(zone, _)| zone)
    })
}

/// Minutes after midnight UTC of a clock time, or `None` when the zone cannot be resolved or
/// `value` is not a clock time. `local_zone` (an IANA id) stands for "local time" and for
/// times given without a zone; named zones use their offset on `date`.
pub fn utc_minutes(value: &TimeValue, local_zone: Option<&str>, date: Option<NaiveDate>) -> Option<i32> {
    let TimeValue::Clock { minutes, zone } = value else { return None };
    let minutes = i32::try_from(*minutes).ok()?;
    let offset = match zone {
        Zone::Utc => 0,
        Zone::Offset(m) => *m,
        Zone::Named(id) => named_offset(id, minutes, date)?,
        Zone::Local | Zone::Unspecified => named_offset(local_zone?, minutes, date)?,
    };
    Some((minutes - offset).rem_euclid(24 * 60))
}

/// Offset east of UTC, in minutes, of IANA zone `id` at local wall time `minutes` on `date`.
fn named_offset(id: &str, minutes: i32, date: Option<NaiveDate>) -> Option<i32> {
    let tz: chrono_tz::Tz = id.parse().ok()?;
    // Without a date a winter day is as good a guess as any; zones without DST do not care.
    let date = date.or_else(|| NaiveDate::from_ymd_opt(2025, 1, 15))?;
    let hour = u32::try_from(minutes / 60).ok()?;
    let minute = u32::try_from(minutes % 60).ok()?;
    let local = date.and_hms_opt(hour, minute, 0)?;
    let offset = match tz.from_local_datetime(&local).earliest() {
        Some(t) => t.offset().fix(),
        // A wall time skipped by a spring-forward change: the offset in force just before.
        None => tz.offset_from_utc_datetime(&(local - chrono::Duration::hours(3))).fix(),
    };
    Some(offset.local_minus_utc() / 60)
}

// ---------------------------------------------------------------------------------------------
// What a time is the time of

/// The role of the time at tokens `start..end` (see `TimeRole`).
#[allow(clippy::too_many_arguments)]
fn role_of(seg: &Segmented, w: &Words, clauses: &SentenceClauses, start: usize, end: usize, value: &TimeValue, span: Span, times: &[(usize, usize)]) -> TimeRole {
    let duration = matches!(value, TimeValue::Duration { .. });
    if !duration && is_label(seg, span, matches!(value, TimeValue::Clock { .. })) {
        return TimeRole::Stamp;
    }
    if duration && is_gap(w, clauses, start, end, span) {
        return TimeRole::Gap;
    }
    if set_against_an_event(w, start, end) {
        return TimeRole::Relative;
    }
    if duration {
        return TimeRole::Event;
    }
    if dates_a_statement(w, start, end, times) {
        return TimeRole::Statement;
    }
    start_or_end(w, clauses, start, end, span)
}

/// A time alone at the head of its line: a liveblog post's stamp ("**11.20 BST** The US…",
/// "14:20 Next round…", "### 10:05"), a day heading ("**Tuesday 11 March**") or a table cell.
/// It dates the post, not what the post reports.
fn is_label(seg: &Segmented, span: Span, clock: bool) -> bool {
    let text = &seg.text;
    // Only markup back to the line's start; looked at from the time backwards, so a long line
    // of times costs no more per time than a short one.
    let Some(head) = text.get(..span.start) else { return false };
    for c in head.chars().rev() {
        match c {
            '\n' => break,
            c if c.is_whitespace() || matches!(c, '*' | '_' | '#' | '>' | '-' | '+' | '|' | '[') => continue,
            _ => return false,
        }
    }
    let rest = text.get(span.end..).unwrap_or("");
    let after = rest.trim_start_matches([' ', '\t']);
    let Some(c) = after.chars().next() else { return true };
    if matches!(c, '\n' | '\r' | '*' | '_' | ':' | '-' | '–' | '—' | '|' | ')' | ']') {
        return true;
    }
    // "14:20 Next round: …": a clock time and straight on to a new capitalised phrase.
    clock && c.is_uppercase() && !after.starts_with("GMT") && !after.starts_with("UTC")
}

/// A length of time that is not how long anything lasted: "their first talks in more than
/// three years", "the worst fire in 40 years", "two days ago", "three weeks later".
fn is_gap(w: &Words, clauses: &SentenceClauses, start: usize, end: usize, span: Span) -> bool {
    if matches!(w.lower(end), "ago" | "earlier" | "later") {
        return true;
    }
    // "arrested five months after the firm collapsed", "two hours before the vote": the time
    // between two happenings. Not where a verb of lasting owns it ("lasted 40 minutes before
    // breaking up").
    if matches!(w.lower(end), "after" | "before") && !(start > 0 && matches!(w.lower(start - 1), "for" | "lasted" | "lasting" | "lasts" | "last" | "took" | "ran" | "continued")) {
        return true;
    }
    if matches!(w.lower(end), "from") && w.lower(end + 1) == "now" {
        return true;
    }
    if start == 0 || !matches!(w.lower(start - 1), "in" | "for" | "since") {
        return false;
    }
    let clause = clauses.clause_tokens(span);
    let from = clause.start.max(start.saturating_sub(12));
    (from..start).any(|k| matches!(w.lower(k), "first" | "last" | "only" | "time" | "worst" | "best" | "biggest" | "largest" | "highest" | "lowest" | "longest" | "deadliest" | "heaviest" | "strongest" | "most" | "least" | "fewest"))
}

/// Whether the words at `span` of sentence `sentence` are set against another event, as
/// `set_against_an_event` reads a time: "met in Lorn on Thursday, a day before the talks"
/// places a different happening from the talks. For facts other than times (a place).
pub fn set_against_another_event(seg: &Segmented, sentence: usize, span: Span) -> bool {
    let Some(s) = seg.sentences.get(sentence) else { return false };
    let w = Words::new(&seg.masked, s.span);
    let start = (0..w.len()).find(|&k| w.span(k, k + 1).end > span.start).unwrap_or(w.len());
    let end = (start..w.len()).find(|&k| w.span(k, k + 1).start >= span.end).unwrap_or(w.len());
    start < end && set_against_an_event(&w, start, end)
}

/// Words that set a time against an event: "before", "after", "ahead of", "on the eve of"…
/// Returns the index after the anchor phrase.
fn anchor_at(w: &Words, k: usize) -> Option<usize> {
    match w.lower(k) {
        "before" | "after" | "following" | "preceding" => Some(k + 1),
        "ahead" | "prior" if matches!(w.lower(k + 1), "of" | "to") => Some(k + 2),
        "eve" | "run-up" | "lead-up" | "wake" if matches!(w.lower(k + 1), "of" | "to") => Some(k + 2),
        "advance" if w.lower(k + 1) == "of" && k > 0 && w.lower(k - 1) == "in" => Some(k + 2),
        _ => None,
    }
}

/// "on Thursday, a day before the talks", "ahead of Friday's talks on Thursday", "A day before
/// the talks, on Thursday, …": a time near an anchor whose object is an event is another
/// event's time, or the anchor event's time seen from elsewhere; it is compared with neither.
/// A time inside the anchored clause, after its own verb ("after the talks ended on Tuesday"),
/// dates the anchored event as any clause does.
fn set_against_an_event(w: &Words, start: usize, end: usize) -> bool {
    let from = start.saturating_sub(10);
    let to = (end + 8).min(w.len());
    (from..to).filter(|&k| k < start || k >= end).any(|k| {
        let Some(mut n) = anchor_at(w, k) else { return false };
        // The anchor's object: an event word within three words ("the Lorvik talks",
        // "Friday's peace talks").
        for _ in 0..4 {
            if !w.is_word(n) {
                return false;
            }
            if crate::extract::events::is_event_word(w.text(n)) {
                // Before the time, the anchored clause owns it only with its own verb between
                // and no comma ("after the talks ended on Tuesday").
                let own_clause = (n + 1..start).any(|j| is_verb_form(w, j)) && !(n + 1..start).any(|j| w.text(j) == ",");
                return k >= end || !own_clause;
            }
            n += 1;
        }
        false
    })
}

/// A finite verb, roughly: a starting or ending verb, a past form in -ed, or a common
/// irregular past.
fn is_verb_form(w: &Words, k: usize) -> bool {
    let l = w.lower(k);
    w.is_word(k) && (start_end_verb(w, k).is_some() || (l.len() > 4 && l.ends_with("ed")) || matches!(l, "was" | "were" | "took" | "held" | "began" | "met" | "broke" | "is" | "are" | "will"))
}

/// Words a statement's time may stand among between it and the speech verb: "said in a
/// statement on Monday", "told reporters Thursday night", "said late on Friday".
fn is_statement_filler(word: &str) -> bool {
    matches!(
        word,
        "on" | "in" | "at" | "a" | "an" | "the" | "late" | "early" | "this" | "that" | "last" | "by" | "to" | "via" | "reporters" | "journalists" | "statement"
            | "interview" | "conference" | "press" | "news" | "phone" | "telephone" | "television" | "radio" | "post" | "message" | "video" | "address" | "him"
            | "her" | "them" | "us" | "," | "also" | "later" | "again" | "separately" | "publicly"
    )
}

/// Speech verbs that also name an act whose time is the event's own ("agreed on Friday to …",
/// "concluded on Friday", "called a vote for Monday").
fn is_act_verb(word: &str) -> bool {
    matches!(word, "agreed" | "agrees" | "concluded" | "concludes" | "continued" | "continues" | "called" | "calls" | "charged" | "charges" | "described" | "describes" | "demanded" | "demands" | "promised" | "promises" | "vowed" | "vows")
}

fn is_statement_verb(w: &Words, k: usize) -> bool {
    let word = w.lower(k);
    if !w.is_word(k) || !(crate::knowledge::is_reporting_verb(word) || matches!(word, "speaking" | "writing")) || is_act_verb(word) || word == "according" {
        return false;
    }
    // "The fire was first reported at 3:40 p.m.": a passive dates the act itself.
    // "The fire, first reported Monday": the first report of something is its own event.
    if k > 0 && matches!(w.lower(k - 1), "first" | "initially") {
        return false;
    }
    let mut j = k;
    while j > 0 && matches!(w.lower(j - 1), "also" | "later" | "officially" | "formally") {
        j -= 1;
    }
    !(j > 0 && matches!(w.lower(j - 1), "was" | "were" | "been" | "is" | "are" | "be" | "being"))
}

/// "said on Thursday", "told reporters Thursday night", "said in a statement on Monday",
/// "On Thursday, Trump said …": the time dates the statement, not what it reports.
fn dates_a_statement(w: &Words, start: usize, end: usize, times: &[(usize, usize)]) -> bool {
    let in_time = |k: usize| in_ranges(times, k);
    // The verb before the time.
    let mut k = start;
    let mut steps = 0;
    while k > 0 && steps < 7 {
        k -= 1;
        steps += 1;
        if in_time(k) {
            continue;
        }
        if is_statement_verb(w, k) {
            return true;
        }
        // Capitalised words between are names ("told Putin on Friday", "said on X").
        if !(is_statement_filler(w.lower(k)) || (w.is_capitalized(k) && k > 0)) {
            break;
        }
    }
    // The verb after a time that opens the sentence: "On Thursday, Trump said".
    if !(0..start).all(|k| matches!(w.lower(k), "on" | "late" | "early" | "and" | "but" | "then" | "by" | "later" | "earlier" | "\"" | "“")) {
        return false;
    }
    let mut k = end;
    while k < w.len() && k < end + 8 {
        if is_statement_verb(w, k) {
            return true;
        }
        let l = w.lower(k);
        // The subject: names, titles, determiners, and nouns that name no event and are no
        // verb ("On Monday, the union said"; not "On Monday, the talks collapsed").
        let subject_word = w.is_word(k) && !is_verb_form(w, k) && !crate::extract::events::is_event_word(w.text(k)) && !crate::knowledge::is_function_word(l);
        let filler = in_time(k)
            || matches!(l, "," | "night" | "morning" | "afternoon" | "evening" | "he" | "she" | "they" | "it" | "also" | "later" | "again" | "then" | "the" | "a" | "an")
            || w.is_capitalized(k)
            || crate::knowledge::is_determiner(l)
            || subject_word;
        if !filler {
            return false;
        }
        k += 1;
    }
    false
}

/// A verb (or two-word verb) that starts or ends something, at token `k`.
fn start_end_verb(w: &Words, k: usize) -> Option<TimeRole> {
    let next = w.lower(k + 1);
    match w.lower(k) {
        "began" | "begin" | "begins" | "beginning" | "begun" | "started" | "start" | "starts" | "starting" | "opened" | "opens" | "convened" | "convenes"
        | "resumed" | "resume" | "resumes" => Some(TimeRole::Start),
        "kicked" | "kicks" | "kick" if next == "off" => Some(TimeRole::Start),
        "got" | "get" | "gets" | "getting" if matches!(next, "under" | "underway") => Some(TimeRole::Start),
        "sat" | "sit" if next == "down" => Some(TimeRole::Start),
        "ended" | "end" | "ends" | "ending" | "finished" | "finish" | "finishes" | "concluded" | "conclude" | "concludes" | "adjourned" | "adjourn"
        | "adjourns" | "closed" | "closes" | "collapsed" | "over" | "done" => Some(TimeRole::End),
        "broke" | "break" | "breaks" if matches!(next, "up" | "off" | "down") => Some(TimeRole::End),
        "wrapped" | "wraps" | "wrap" if next == "up" => Some(TimeRole::End),
        "walked" | "walk" | "walks" if next == "out" => Some(TimeRole::End),
        _ => None,
    }
}

/// Start or end from the words that govern the time: "from 0930" / "until 1200", else the
/// nearest starting or ending verb in its clause, before it ("began at 0900 GMT and broke up
/// just before 1200 GMT") or, failing that, after it ("At 1115 GMT the session broke up").
fn start_or_end(w: &Words, clauses: &SentenceClauses, start: usize, end: usize, span: Span) -> TimeRole {
    let mut before = start;
    while before > 0 && matches!(w.lower(before - 1), "at" | "about" | "around" | "approximately" | "roughly" | "just" | "shortly" | "on" | "nearly" | "almost") {
        before -= 1;
    }
    if before > 0 {
        match w.lower(before - 1) {
            "from" | "since" => return TimeRole::Start,
            "until" | "till" | "through" => return TimeRole::End,
            "to" | "and" | "-" | "\u{2013}" if before >= 2 && range_opened_before(w, before - 1) => return TimeRole::End,
            _ => {}
        }
    }
    let clause = clauses.clause_tokens(span);
    let mut k = start;
    while k > clause.start && k + 12 > start {
        k -= 1;
        if let Some(role) = start_end_verb(w, k) {
            return role;
        }
    }
    (end..clause.end.min(end + 8)).find_map(|k| start_end_verb(w, k)).unwrap_or(TimeRole::Event)
}

/// Is the "to"/"and" at `k` the middle of "from X to Y" / "between X and Y"?
fn range_opened_before(w: &Words, k: usize) -> bool {
    let from = k.saturating_sub(6);
    (from..k).any(|j| match w.lower(j) {
        "from" => w.lower(k) != "and",
        "between" => w.lower(k) == "and",
        _ => false,
    })
}

/// The hedge on a clock time: "at about 1115 GMT", "just before 1200 GMT", "shortly after".
fn approx_before(w: &Words, start: usize) -> Approx {
    let at = |k: usize| start.checked_sub(k).map(|j| w.lower(j)).unwrap_or("");
    let (one, two) = (at(1), at(2));
    match one {
        "about" | "around" | "approximately" | "roughly" | "circa" | "some" | "approx" => Approx::About,
        "before" if matches!(two, "just" | "shortly" | "right" | "immediately" | "soon") => Approx::JustBefore,
        "after" | "past" if matches!(two, "just" | "shortly" | "right" | "immediately" | "soon") => Approx::JustAfter,
        "nearly" | "almost" => Approx::JustBefore,
        "before" | "by" => Approx::Before,
        "after" => Approx::After,
        _ => Approx::Exact,
    }
}

// ---------------------------------------------------------------------------------------------
// Clock times

/// A clock time at `i`: its value, the index after it, and whether it is on a twelve-hour dial
/// with no half of the day given.
fn clock_at(w: &Words, i: usize) -> Option<(TimeValue, usize, bool)> {
    let lower = w.lower(i);
    if w.is_word(i) && matches!(lower, "noon" | "midday" | "midnight") {
        let minutes = if lower == "midnight" { 0 } else { 12 * 60 };
        let (zone, end) = zone_after(w, i + 1).or_else(|| comma_zone_after(w, i + 1)).unwrap_or((Zone::Unspecified, i + 1));
        return Some((TimeValue::Clock { minutes, zone }, end, false));
    }
    if !w.is_number(i) {
        return None;
    }
    let text = w.text(i);
    let (hour, minute, form) = split_clock_digits(text)?;
    let meridiem = meridiem_at(w, i + 1);
    let mut end = i + 1;
    let mut hour = hour;
    if let Some((pm, after)) = meridiem {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        end = after;
    }
    let mut half_day = false;
    // "from 0930 to 1130 GMT", "between 10:00 and 12:00 local time": the zone written once
    // serves both ends.
    let zone = zone_after(w, end).or_else(|| range_zone_after(w, end)).or_else(|| comma_zone_after(w, end));
    let accepted = match form {
        // "09:30", "21:30": unmistakable with a zone, a leading zero or an afternoon hour;
        // "10:30" alone may be morning or evening, so it needs a.m./p.m. or a zone.
        ClockForm::Colon { leading_zero } => meridiem.is_some() || zone.is_some() || leading_zero || hour >= 13 || hour == 0,
        // "9.30" is a decimal unless a.m./p.m. or a zone word says otherwise ("rose 3.25 in
        // Paris" is not a time).
        ClockForm::Dot => meridiem.is_some() || (zone.is_some() && w.lower(end) != "in"),
        // "0930" is a number or a year unless a zone word follows; "in 2022 in Paris" is a year.
        ClockForm::FourDigits => meridiem.is_none() && ((zone.is_some() && w.lower(end) != "in") || military_hours_at(w, i)),
        ClockForm::Hour => {
            if meridiem.is_some() {
                true
            } else if matches!(w.lower(i + 1), "o'clock" | "o’clock") && (1..=12).contains(&hour) {
                end = i + 2;
                half_day = true;
                hour %= 12;
                true
            } else {
                false
            }
        }
    };
    if !accepted {
        return None;
    }
    if let Some((zone, _)) = zone.as_ref().filter(|(_, e)| *e == end) {
        // The zone came from the other end of a range; this mention stops here.
        return Some((TimeValue::Clock { minutes: hour * 60 + minute, zone: zone.clone() }, end, half_day));
    }
    if matches!(form, ClockForm::FourDigits) && zone.is_none() {
        // "at 1500 hours": a 24-hour clock on an unstated zone.
        return Some((TimeValue::Clock { minutes: hour * 60 + minute, zone: Zone::Unspecified }, i + 2, false));
    }
    let (zone, end) = match zone {
        Some(z) => z,
        None => zone_after(w, end).or_else(|| comma_zone_after(w, end)).unwrap_or((Zone::Unspecified, end)),
    };
    Some((TimeValue::Clock { minutes: hour * 60 + minute, zone }, end, half_day))
}

/// A zone set off by a comma: "at half past twelve, Lisbon time", "10:30, local time". Only
/// a phrase ending in "time" counts ("at 10:30, local officials said" has no zone).
fn comma_zone_after(w: &Words, i: usize) -> Option<(Zone, usize)> {
    if w.text(i) != "," {
        return None;
    }
    if w.lower(i + 1) == "local" && w.lower(i + 2) == "time" {
        return Some((Zone::Local, i + 3));
    }
    named_zone_phrase(w, i + 1)
}

/// An hour from one to twelve, in words or digits.
fn dial_hour_at(w: &Words, i: usize) -> Option<u32> {
    let h = if w.is_number(i) {
        let t = w.text(i);
        if !all_digits(t) || t.len() > 2 {
            return None;
        }
        t.parse::<u32>().ok()?
    } else if w.is_word(i) {
        let v = number_word(w.lower(i))?;
        if v.fract() != 0.0 || !(1.0..=12.0).contains(&v) {
            return None;
        }
        v as u32
    } else {
        return None;
    };
    (1..=12).contains(&h).then_some(h)
}

/// Minutes before or after the hour in words: "five", "ten", "twenty", "twenty-five", "quarter",
/// "a quarter", "half". Returns the minutes and the next index.
fn spelled_minutes_at(w: &Words, i: usize) -> Option<(u32, usize)> {
    let (next, minutes) = match w.lower(i) {
        "a" if w.lower(i + 1) == "quarter" => (i + 2, 15),
        "quarter" => (i + 1, 15),
        "half" => (i + 1, 30),
        "five" => (i + 1, 5),
        "ten" => (i + 1, 10),
        "twenty" if w.lower(i + 1) == "five" => (i + 2, 25),
        "twenty" => (i + 1, 20),
        "twenty-five" => (i + 1, 25),
        _ => return None,
    };
    // "ten minutes past six".
    let next = if minutes % 15 != 0 && matches!(w.lower(next), "minutes" | "minute") { next + 1 } else { next };
    Some((minutes, next))
}

/// Words that may follow a spelled-out hour: after anything else ("five to ten people") the
/// words are no time.
fn may_follow_spelled_hour(w: &Words, i: usize) -> bool {
    if i >= w.len() || !w.is_word(i) {
        return !w.is_number(i);
    }
    w.is_capitalized(i)
        || matches!(
            w.lower(i),
            "a.m" | "a.m." | "am" | "p.m" | "p.m." | "pm" | "local" | "in" | "on" | "at" | "and" | "when" | "that" | "this" | "as" | "before"
                | "after" | "with" | "sharp" | "precisely" | "exactly" | "by" | "the" | "tonight" | "today" | "tomorrow" | "yesterday"
        )
}

/// "half past eleven", "a quarter to three", "ten past nine", "eleven o'clock": clock times in
/// words, on a twelve-hour dial unless a.m., p.m. or "in the morning" says which half.
fn spelled_clock_at(w: &Words, i: usize) -> Option<(TimeValue, usize, bool)> {
    let (mut hour, minute, mut end) = if let Some((m, next)) = spelled_minutes_at(w, i) {
        let past = match w.lower(next) {
            "past" => true,
            "after" if m % 15 == 0 => true,
            "to" if m != 30 => false,
            _ => return None,
        };
        // "from five to ten" is a range of numbers; "at ten to three" a time.
        let preposition = i > 0 && matches!(w.lower(i - 1), "at" | "about" | "around" | "by" | "until" | "till" | "before" | "after" | "approximately" | "roughly" | "nearly" | "almost");
        if !past && m % 15 != 0 && !preposition {
            return None;
        }
        let h = dial_hour_at(w, next + 1)?;
        if !may_follow_spelled_hour(w, next + 2) {
            return None;
        }
        if past {
            (h % 12, m, next + 2)
        } else {
            ((h + 11) % 12, 60 - m, next + 2)
        }
    } else if w.is_word(i) && matches!(w.lower(i + 1), "o'clock" | "o’clock") {
        let h = dial_hour_at(w, i)?;
        (h % 12, 0, i + 2)
    } else {
        return None;
    };
    let mut half_day = true;
    if let Some((pm, after)) = meridiem_at(w, end) {
        hour += if pm { 12 } else { 0 };
        end = after;
        half_day = false;
    } else if w.lower(end) == "in" && w.lower(end + 1) == "the" && matches!(w.lower(end + 2), "morning" | "afternoon" | "evening") {
        hour += if w.lower(end + 2) == "morning" { 0 } else { 12 };
        end += 3;
        half_day = false;
    }
    let (zone, end) = zone_after(w, end).or_else(|| comma_zone_after(w, end)).unwrap_or((Zone::Unspecified, end));
    Some((TimeValue::Clock { minutes: hour * 60 + minute, zone }, end, half_day))
}

/// The zone of the clock time that closes a range opened at `i` ("to 1130 GMT"). The
/// returned index is `i` itself: the range's far end is a mention of its own.
fn range_zone_after(w: &Words, i: usize) -> Option<(Zone, usize)> {
    if !matches!(w.lower(i), "to" | "and" | "until" | "till" | "-" | "\u{2013}") {
        return None;
    }
    match clock_at(w, i + 1)? {
        (TimeValue::Clock { zone, .. }, _, _) if zone != Zone::Unspecified => Some((zone, i)),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy)]
enum ClockForm {
    Colon { leading_zero: bool },
    Dot,
    FourDigits,
    Hour,
}

fn split_clock_digits(text: &str) -> Option<(u32, u32, ClockForm)> {
    let valid = |h: u32, m: u32| h <= 23 && m <= 59;
    for (sep, form) in [(':', ClockForm::Colon { leading_zero: text.starts_with('0') }), ('.', ClockForm::Dot)] {
        if let Some((h, m)) = text.split_once(sep) {
            if h.is_empty() || h.len() > 2 || m.len() != 2 || !all_digits(h) || !all_digits(m) {
                return None;
            }
            let (h, m) = (h.parse().ok()?, m.parse().ok()?);
            return valid(h, m).then_some((h, m, form));
        }
    }
    if !all_digits(text) {
        return None;
    }
    match text.len() {
        4 => {
            let (h, m) = (text[..2].parse().ok()?, text[2..].parse().ok()?);
            valid(h, m).then_some((h, m, ClockForm::FourDigits))
        }
        1 | 2 => {
            let h: u32 = text.parse().ok()?;
            (h <= 23).then_some((h, 0, ClockForm::Hour))
        }
        _ => None,
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// "a.m." / "pm" / "AM" after a number: `Some((is_pm, next index))`.
fn meridiem_at(w: &Words, i: usize) -> Option<(bool, usize)> {
    if !w.is_word(i) {
        return None;
    }
    let l = w.lower(i);
    let pm = match l.trim_end_matches('.') {
        "am" | "a.m" => false,
        "pm" | "p.m" => true,
        _ => return None,
    };
    // "a.m" without its final dot: the dot became its own token.
    let end = if !l.ends_with('.') && l.contains('.') && w.text(i + 1) == "." && w.adjacent(i, i + 1) { i + 2 } else { i + 1 };
    Some((pm, end))
}

/// "1500 hours", "1500h", "1500 hrs" after "at"/"from"/"until"…, and not "1500 hours of footage".
fn military_hours_at(w: &Words, i: usize) -> bool {
    let unit = w.lower(i + 1);
    if !matches!(unit, "hours" | "hrs" | "h") || w.lower(i + 2) == "of" {
        return false;
    }
    i > 0 && matches!(w.lower(i - 1), "at" | "from" | "until" | "till" | "by" | "before" | "after" | "since" | "to" | "and")
}

/// Common zone abbreviations with one meaning in English-language news. Ambiguous ones
/// (CST, IST, AST, GST) are left out on purpose.
const ZONE_ABBREVIATIONS: &[(&str, i32)] = &[
    ("EST", -300), ("EDT", -240), ("CDT", -300), ("MST", -420), ("MDT", -360), ("PST", -480),
    ("PDT", -420), ("AKST", -540), ("AKDT", -480), ("HST", -600), ("BST", 60), ("WET", 0),
    ("WEST", 60), ("CET", 60), ("CEST", 120), ("EET", 120), ("EEST", 180), ("MSK", 180),
    ("TRT", 180), ("SAST", 120), ("CAT", 120), ("EAT", 180), ("WAT", 60), ("PKT", 300),
    ("WIB", 420), ("SGT", 480), ("HKT", 480), ("AWST", 480), ("JST", 540), ("KST", 540),
    ("ACST", 570), ("AEST", 600), ("AEDT", 660), ("NZST", 720), ("NZDT", 780),
];

/// US zones named by region and written without a season, which follow daylight saving.
const REGION_ZONES: &[(&str, &str)] = &[
    ("ET", "America/New_York"), ("CT", "America/Chicago"), ("MT", "America/Denver"), ("PT", "America/Los_Angeles"),
    ("eastern", "America/New_York"), ("central", "America/Chicago"), ("mountain", "America/Denver"),
    ("pacific", "America/Los_Angeles"),
];

/// A zone written after a time, starting at token `i`.
fn zone_after(w: &Words, i: usize) -> Option<(Zone, usize)> {
    if i >= w.len() {
        return None;
    }
    let text = w.text(i);
    let lower = w.lower(i);
    if w.is_word(i) && (matches!(text, "GMT" | "UTC" | "Z") || lower == "gmt" || lower == "utc") {
        if let Some((offset, end)) = signed_offset_at(w, i + 1, true) {
            let zone = if offset == 0 { Zone::Utc } else { Zone::Offset(offset) };
            return Some((zone, end));
        }
        return Some((Zone::Utc, i + 1));
    }
    if text == "+" && i > 0 && w.adjacent(i - 1, i) {
        if let Some((offset, end)) = signed_offset_at(w, i, false) {
            return Some((Zone::Offset(offset), end));
        }
    }
    if lower == "local" {
        let end = if w.lower(i + 1) == "time" { i + 2 } else { i + 1 };
        return Some((Zone::Local, end));
    }
    if let Some((_, offset)) = ZONE_ABBREVIATIONS.iter().find(|(a, _)| *a == text) {
        return Some((Zone::Offset(*offset), i + 1));
    }
    if let Some((_, id)) = REGION_ZONES.iter().find(|(a, _)| *a == text && a.len() == 2) {
        return Some((Zone::Named(id.to_string()), i + 1));
    }
    if w.lower(i) == "in" && w.is_capitalized(i + 1) {
        // "at 10:30 in Geneva": the clock of the place named.
        for n in (1..=3).rev() {
            if (i + 1..i + 1 + n).all(|k| w.is_capitalized(k)) {
                let place = w.text_between(i + 1, i + n);
                if let Some(id) = zone_for_place(place.trim_end_matches("'s").trim_end_matches("’s")) {
                    return Some((Zone::Named(id.to_string()), i + 1 + n));
                }
            }
        }
        return None;
    }
    named_zone_phrase(w, i)
}

/// "Moscow time", "New York time", "Turkish time", "Eastern Standard Time", "(Pacific time)".
fn named_zone_phrase(w: &Words, i: usize) -> Option<(Zone, usize)> {
    for n in 1..=3 {
        if w.lower(i + n) != "time" {
            continue;
        }
        if !(i..i + n).all(|k| w.is_capitalized(k)) {
            return None;
        }
        let phrase = w.text_between(i, i + n - 1);
        let first = w.lower(i);
        if let Some((_, id)) = REGION_ZONES.iter().find(|(a, _)| *a == first) {
            let rest_ok = (i + 1..i + n).all(|k| matches!(w.lower(k), "standard" | "daylight"));
            return rest_ok.then(|| (Zone::Named(id.to_string()), i + n + 1));
        }
        let id = zone_for_place(phrase).or_else(|| zone_for_country(phrase))?;
        return Some((Zone::Named(id.to_string()), i + n + 1));
    }
    None
}

/// "+3", "-05:00", "+0300", "+5:30" starting at the sign token `i`. `loose` (after GMT/UTC)
/// also allows a space before the sign's digits and a bare hour.
fn signed_offset_at(w: &Words, i: usize, loose: bool) -> Option<(i32, usize)> {
    let sign = match w.text(i) {
        "+" => 1,
        "-" | "\u{2212}" | "\u{2013}" => -1,
        _ => return None,
    };
    if !w.is_number(i + 1) || !w.adjacent(i, i + 1) || (!loose && !w.adjacent(i - 1, i)) {
        return None;
    }
    let digits = w.text(i + 1);
    let (h, m): (i32, i32) = if let Some((h, m)) = digits.split_once(':') {
        (h.parse().ok()?, m.parse().ok()?)
    } else if digits.len() == 4 && all_digits(digits) {
        (digits[..2].parse().ok()?, digits[2..].parse().ok()?)
    } else if loose && digits.len() <= 2 && all_digits(digits) {
        (digits.parse().ok()?, 0)
    } else {
        return None;
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some((sign * (h * 60 + m), i + 2))
}

// ---------------------------------------------------------------------------------------------
// Dates and weekdays

fn date_at(w: &Words, i: usize) -> Option<(TimeValue, usize)> {
    iso_date_at(w, i).or_else(|| month_first_date_at(w, i)).or_else(|| day_first_date_at(w, i))
}

/// "2025-05-16".
fn iso_date_at(w: &Words, i: usize) -> Option<(TimeValue, usize)> {
    let year = w.text(i);
    if year.len() != 4 || !all_digits(year) || w.text(i + 1) != "-" || w.text(i + 3) != "-" {
        return None;
    }
    if !(i..i + 4).all(|k| w.adjacent(k, k + 1)) {
        return None;
    }
    let (m, d) = (w.text(i + 2), w.text(i + 4));
    if m.len() != 2 || d.len() != 2 || !all_digits(m) || !all_digits(d) {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (year.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    NaiveDate::from_ymd_opt(y, m, d)?;
    Some((TimeValue::Date { year: Some(y), month: m as u8, day: Some(d as u8) }, i + 5))
}

/// A capitalised month name: full, or abbreviated with its dot ("Sept.", "Jan."), so that
/// "Jan" the name is not a month. Returns the month and the next index.
fn month_word_at(w: &Words, i: usize) -> Option<(u8, usize)> {
    if !w.is_capitalized(i) {
        return None;
    }
    let text = w.text(i);
    let m = month(text)?;
    let full = crate::knowledge::MONTHS.iter().any(|name| name.eq_ignore_ascii_case(text));
    if full {
        Some((m, i + 1))
    } else if w.text(i + 1) == "." && w.adjacent(i, i + 1) {
        Some((m, i + 2))
    } else if dateline_day_follows(w, i + 1) {
        // "OSLO, Jan 14 -", "Aug 14 (Wire)": a wire dateline's month, written without its dot.
        Some((m, i + 1))
    } else {
        None
    }
}

/// A day of the month at `i` that closes the phrase: followed by punctuation, a year or the end.
fn dateline_day_follows(w: &Words, i: usize) -> bool {
    let t = w.text(i);
    let day = w.is_number(i) && t.len() <= 2 && all_digits(t) && t.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    day && (i + 1 >= w.len() || (!w.is_word(i + 1) && !w.is_number(i + 1) && !matches!(w.text(i + 1), ":" | "%")) || year_at(w, i + 1).is_some())
}

/// A day of the month: "16", "16th". Returns the day and the next index.
fn day_number_at(w: &Words, i: usize) -> Option<(u8, usize)> {
    let text = w.text(i);
    if !w.is_number(i) || text.len() > 2 || !all_digits(text) {
        return None;
    }
    let d: u8 = text.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let suffix = w.lower(i + 1);
    if w.is_word(i + 1) && w.adjacent(i, i + 1) {
        return matches!(suffix, "st" | "nd" | "rd" | "th").then_some((d, i + 2));
    }
    // "May 16:30", "May 16.5": not a day.
    if matches!(w.text(i + 1), ":" | "%") || (w.text(i + 1) == "-" && w.adjacent(i, i + 1)) {
        return None;
    }
    Some((d, i + 1))
}

fn year_at(w: &Words, i: usize) -> Option<i32> {
    let text = w.text(i);
    if !w.is_number(i) || text.len() != 4 || !all_digits(text) {
        return None;
    }
    let y: i32 = text.parse().ok()?;
    (1000..=2999).contains(&y).then_some(y)
}

fn valid_day(year: Option<i32>, month: u8, day: u8) -> bool {
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), month as u32, day as u32).is_some()
}

/// "May 16", "May 16, 2025", "Sept. 3rd", "March 2022".
fn month_first_date_at(w: &Words, i: usize) -> Option<(TimeValue, usize)> {
    let (month, next) = month_word_at(w, i)?;
    if let Some(year) = year_at(w, next) {
        // "in May 2025"; "May 1990 people" does not happen in prose.
        return Some((TimeValue::Date { year: Some(year), month, day: None }, next + 1));
    }
    let (day, mut end) = day_number_at(w, next)?;
    let mut year = None;
    if w.text(end) == "," {
        if let Some(y) = year_at(w, end + 1) {
            year = Some(y);
            end += 2;
        }
    } else if let Some(y) = year_at(w, end) {
        year = Some(y);
        end += 1;
    }
    valid_day(year, month, day).then_some((TimeValue::Date { year, month, day: Some(day) }, end))
}

/// "16 May", "16th of May 2025".
fn day_first_date_at(w: &Words, i: usize) -> Option<(TimeValue, usize)> {
    let (day, next) = day_number_at(w, i)?;
    let month_at = if w.lower(next) == "of" { next + 1 } else { next };
    let (month, mut end) = month_word_at(w, month_at)?;
    let year = year_at(w, end);
    if year.is_some() {
        end += 1;
    }
    valid_day(year, month, day).then_some((TimeValue::Date { year, month, day: Some(day) }, end))
}

/// Named days that are not read as the weekday they fall on in a news sentence.
const WEEKDAY_NAME_PREFIXES: &[&str] = &["good", "black", "ash", "super", "holy", "maundy", "cyber", "bloody", "easter", "palm", "giving"];

/// "Thursday", "Friday's talks"; not "Fridays" (a habit) nor "Good Friday".
fn weekday_at(w: &Words, i: usize) -> Option<(TimeValue, usize)> {
    if !w.is_capitalized(i) {
        return None;
    }
    let text = w.text(i);
    let bare = text.trim_end_matches("'s").trim_end_matches("’s");
    if !crate::knowledge::WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(bare)) {
        return None;
    }
    if i > 0 && w.is_capitalized(i - 1) && WEEKDAY_NAME_PREFIXES.contains(&w.lower(i - 1)) {
        return None;
    }
    Some((TimeValue::Weekday { day: weekday(bare)? }, i + 1))
}

// ---------------------------------------------------------------------------------------------
// Durations

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Hedge {
    Exact,
    AtMost,
    AtLeast,
    JustOver,
    JustUnder,
    About,
}

const HEDGES: &[(&[&str], Hedge)] = &[
    (&["just", "over"], Hedge::JustOver),
    (&["just", "more", "than"], Hedge::JustOver),
    (&["a", "little", "over"], Hedge::JustOver),
    (&["a", "little", "more", "than"], Hedge::JustOver),
    (&["slightly", "more", "than"], Hedge::JustOver),
    (&["slightly", "over"], Hedge::JustOver),
    (&["just", "under"], Hedge::JustUnder),
    (&["just", "less", "than"], Hedge::JustUnder),
    (&["just", "shy", "of"], Hedge::JustUnder),
    (&["slightly", "less", "than"], Hedge::JustUnder),
    (&["a", "little", "under"], Hedge::JustUnder),
    (&["a", "little", "less", "than"], Hedge::JustUnder),
    (&["close", "to"], Hedge::JustUnder),
    (&["nearly"], Hedge::JustUnder),
    (&["almost"], Hedge::JustUnder),
    (&["not", "quite"], Hedge::JustUnder),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["not", "more", "than"], Hedge::AtMost),
    (&["less", "than"], Hedge::AtMost),
    (&["fewer", "than"], Hedge::AtMost),
    (&["under"], Hedge::AtMost),
    (&["up", "to"], Hedge::AtMost),
    (&["at", "most"], Hedge::AtMost),
    (&["within"], Hedge::AtMost),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["not", "less", "than"], Hedge::AtLeast),
    (&["more", "than"], Hedge::AtLeast),
    (&["well", "over"], Hedge::AtLeast),
    (&["over"], Hedge::AtLeast),
    (&["at", "least"], Hedge::AtLeast),
    (&["upwards", "of"], Hedge::AtLeast),
    (&["in", "excess", "of"], Hedge::AtLeast),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["some"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["an", "estimated"], Hedge::About),
    (&["circa"], Hedge::About),
];

/// The hedge phrase starting at `i`, if any, and the index after it.
pub(crate) fn hedge_at(w: &Words, i: usize) -> Option<(Hedge, usize)> {
    HEDGES.iter().find_map(|(phrase, hedge)| {
        let matches = phrase.iter().enumerate().all(|(k, p)| w.is_word(i + k) && w.lower(i + k) == *p);
        matches.then_some((*hedge, i + phrase.len()))
    })
}

pub(crate) fn unit_minutes(word: &str) -> Option<f64> {
    let m = match word.to_ascii_lowercase().as_str() {
        "second" | "seconds" | "sec" | "secs" => 1.0 / 60.0,
        "minute" | "minutes" | "min" | "mins" => 1.0,
        "hour" | "hours" | "hr" | "hrs" => 60.0,
        "day" | "days" => 24.0 * 60.0,
        "week" | "weeks" => 7.0 * 24.0 * 60.0,
        "fortnight" | "fortnights" => 14.0 * 24.0 * 60.0,
        "month" | "months" => 30.0 * 24.0 * 60.0,
        "year" | "years" => 365.0 * 24.0 * 60.0,
        "decade" | "decades" => 3650.0 * 24.0 * 60.0,
        _ => return None,
    };
    Some(m)
}

fn duration_at(w: &Words, i: usize) -> Option<(TimeValue, usize)> {
    let (hedge, start) = hedge_at(w, i).unwrap_or((Hedge::Exact, i));
    if matches!(w.lower(start), "a" | "an") && matches!(w.lower(start + 1), "second" | "sec") {
        // "wait a second", "a second round".
        return None;
    }
    if start == i && matches!(w.lower(i), "a" | "an" | "one") && !(i > 0 && introduces_length(w.lower(i - 1))) {
        // "a day" alone is as often a rate ("twice a day", "$5m a year") or a vague "a year
        // ago" as a length of time; only read it after a word that introduces a length.
        return None;
    }
    let (low, high, end) = quantity_with_unit(w, start)?;
    let (min, max) = match hedge {
        Hedge::Exact => (low, high),
        Hedge::AtMost => (0.0, high),
        Hedge::AtLeast => (low, f64::INFINITY),
        Hedge::JustOver => (low, high * 1.15),
        Hedge::JustUnder => (low * 0.85, high),
        Hedge::About => (low * 0.85, high * 1.15),
    };
    Some((TimeValue::Duration { min_minutes: min, max_minutes: max }, end))
}

fn introduces_length(w: &str) -> bool {
    matches!(
        w,
        "for" | "in" | "within" | "after" | "than" | "lasted" | "lasting" | "last" | "lasts" | "took" | "take" | "takes"
            | "spent" | "spend" | "waited" | "wait" | "only" | "just" | "barely" | "nearly" | "almost" | "about" | "around"
    )
}

/// A number (or range) and a time unit from `i`: (low, high) in minutes and the next index.
fn quantity_with_unit(w: &Words, i: usize) -> Option<(f64, f64, usize)> {
    // "half an hour", "half a day".
    if w.lower(i) == "half" && matches!(w.lower(i + 1), "a" | "an") {
        let unit = unit_minutes(w.lower(i + 2))?;
        return Some((unit / 2.0, unit / 2.0, i + 3));
    }
    // "two-hour", "90-minute" as one word, "an hour-long".
    if let Some((n, unit, end)) = hyphenated_unit(w, i) {
        let v = n * unit;
        return Some((v, v, end));
    }
    let (low, mut next) = quantity_at(w, i)?;
    let mut high = low;
    // "two to three hours", "2-3 days".
    if matches!(w.lower(next), "to" | "-" | "\u{2013}") {
        if let Some((h, after)) = quantity_at(w, next + 1) {
            if h > low && unit_minutes(w.lower(after)).is_some() {
                high = h;
                next = after;
            }
        }
    }
    let (low, high) = with_half(w, &mut next, low, high);
    let unit = unit_minutes(w.lower(next))?;
    if !w.is_word(next) {
        return None;
    }
    let mut end = next + 1;
    // "an hour and a half".
    let (mut low, mut high) = (low * unit, high * unit);
    if w.lower(end) == "and" && w.lower(end + 1) == "a" && w.lower(end + 2) == "half" {
        low += unit / 2.0;
        high += unit / 2.0;
        end += 3;
    }
    // "45 years old": an age, not a length of time.
    if w.lower(end) == "old" {
        return None;
    }
    // "an hour and 15 minutes", "two days and six hours".
    if w.lower(end) == "and" {
        if let Some((l2, h2, e2)) = quantity_with_unit(w, end + 1) {
            if h2 < unit {
                return Some((low + l2, high + h2, e2));
            }
        }
    }
    Some((low, high, end))
}

/// "two and a half hours": adds the half and moves `next` past it.
fn with_half(w: &Words, next: &mut usize, low: f64, high: f64) -> (f64, f64) {
    let n = *next;
    if w.lower(n) == "and" && w.lower(n + 1) == "a" && w.lower(n + 2) == "half" && unit_minutes(w.lower(n + 3)).is_some() {
        *next = n + 3;
        return (low + 0.5, high + 0.5);
    }
    (low, high)
}

/// A count from `i`: digits, number words, or "a"/"an" standing for one.
fn quantity_at(w: &Words, i: usize) -> Option<(f64, usize)> {
    if w.is_number(i) {
        let text = w.text(i);
        if text.contains(':') || text.matches('.').count() > 1 {
            return None;
        }
        let v: f64 = text.replace(',', "").parse().ok()?;
        return Some((v, i + 1));
    }
    if matches!(w.lower(i), "a" | "an") && unit_minutes(w.lower(i + 1)).is_some() {
        return Some((1.0, i + 1));
    }
    let words: Vec<&str> = (i..w.len().min(i + 6)).map(|k| w.lower(k)).collect();
    let (v, n) = parse_number_words(&words)?;
    Some((v, i + n))
}

/// "two-hour", "30-day", "90-minute", "hour-long" (after "an"), "two-hour-long".
fn hyphenated_unit(w: &Words, i: usize) -> Option<(f64, f64, usize)> {
    // Digits, a hyphen and the unit: "30-day".
    if w.is_number(i) && w.text(i + 1) == "-" && w.adjacent(i, i + 1) && w.adjacent(i + 1, i + 2) && w.is_word(i + 2) {
        let n: f64 = w.text(i).replace(',', "").parse().ok()?;
        let unit_word = w.lower(i + 2);
        let (unit, rest) = unit_word.split_once('-').map_or((unit_word, None), |(u, r)| (u, Some(r)));
        if rest.is_some_and(|r| r != "long") || unit.ends_with('s') {
            return None;
        }
        return Some((n, unit_minutes(unit)?, i + 3));
    }
    if !w.is_word(i) {
        return None;
    }
    let lower = w.lower(i);
    let parts: Vec<&str> = lower.split(['-', '\u{2010}', '\u{2011}']).collect();
    if parts.len() < 2 {
        return None;
    }
    let (number_parts, unit) = match parts.as_slice() {
        [n @ .., u, "long"] => (n, *u),
        [n @ .., u] => (n, *u),
        [] => return None,
    };
    if unit.ends_with('s') {
        return None;
    }
    let unit = unit_minutes(unit)?;
    let n = if number_parts.is_empty() {
        // "an hour-long meeting": the article is the count.
        (i > 0 && matches!(w.lower(i - 1), "a" | "an")).then_some(1.0)
    } else {
        parse_number_words(number_parts).filter(|(_, used)| *used == number_parts.len()).map(|(v, _)| v)
    }?;
    Some((n, unit, i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextKind;

    fn times(text: &str) -> Vec<(String, TimeValue)> {
        let seg = Segmented::new(text, TextKind::Markdown);
        (0..seg.sentences.len())
            .flat_map(|i| find_times(&seg, i))
            .map(|m| (m.span.slice(&seg.text).to_string(), m.value))
            .collect()
    }

    fn clock(minutes: u32, zone: Zone) -> TimeValue {
        TimeValue::Clock { minutes, zone }
    }

    fn only(text: &str) -> (String, TimeValue) {
        let all = times(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    fn duration(text: &str) -> (f64, f64) {
        match only(text).1 {
            TimeValue::Duration { min_minutes, max_minutes } => (min_minutes, max_minutes),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn four_digit_clock_needs_a_zone_word() {
        assert_eq!(only("The vote opened at 0715 GMT on schedule."), ("0715 GMT".into(), clock(435, Zone::Utc)));
        assert_eq!(only("Flights resumed at 1840 UTC."), ("1840 UTC".into(), clock(1120, Zone::Utc)));
        assert_eq!(only("Sirens sounded at 2210Z."), ("2210Z".into(), clock(1330, Zone::Utc)));
        assert_eq!(only("Fighting stopped at 1500 hours."), ("1500 hours".into(), clock(900, Zone::Unspecified)));
        assert!(times("The plant employs 1500 workers.").is_empty());
        assert!(times("Archives hold 1500 hours of footage.").iter().all(|(_, v)| matches!(v, TimeValue::Duration { .. })));
        assert!(times("The bridge was built in 1930 by engineers.").is_empty());
        assert!(times("Both sides met in 2019 in Minsk.").is_empty());
    }

    #[test]
    fn colon_and_meridiem_clocks() {
        assert_eq!(only("Polls close at 19:45 UTC."), ("19:45 UTC".into(), clock(1185, Zone::Utc)));
        assert_eq!(only("Doors open at 8:15 a.m. sharp."), ("8:15 a.m.".into(), clock(495, Zone::Unspecified)));
        assert_eq!(only("The ferry left at 7.40pm."), ("7.40pm".into(), clock(1180, Zone::Unspecified)));
        assert_eq!(only("He landed at 11 PM."), ("11 PM".into(), clock(1380, Zone::Unspecified)));
        assert_eq!(only("It ended at 12:20 a.m. there."), ("12:20 a.m.".into(), clock(20, Zone::Unspecified)));
        assert_eq!(only("The briefing began at 14:05."), ("14:05".into(), clock(845, Zone::Unspecified)));
        assert_eq!(only("Talks resumed at 16:10 local time."), ("16:10 local time".into(), clock(970, Zone::Local)));
        assert_eq!(only("The bells rang at 5 o'clock."), ("5 o'clock".into(), clock(300, Zone::Unspecified)));
    }

    #[test]
    fn ambiguous_numbers_are_not_clocks() {
        assert!(times("Inflation rose to 3.25 last month.").iter().all(|(_, v)| !matches!(v, TimeValue::Clock { .. })));
        assert!(times("They met at 10:30 and left.").is_empty());
        assert!(times("The score was 3 to 1.").is_empty());
        assert!(times("Shares rose 3.25 in Tokyo.").is_empty());
    }

    #[test]
    fn a_zone_written_once_serves_a_range() {
        let all = times("Polls ran from 0700 to 1900 GMT.");
        assert_eq!(all, vec![("0700".into(), clock(420, Zone::Utc)), ("1900 GMT".into(), clock(1140, Zone::Utc))]);
        let all = times("The window is between 10:15 and 11:45 local time.");
        assert_eq!(all, vec![("10:15".into(), clock(615, Zone::Local)), ("11:45 local time".into(), clock(705, Zone::Local))]);
        assert!(times("Scores went from 10 to 12.").is_empty());
    }

    #[test]
    fn document_wide_zone() {
        let stated = |t: &str| stated_zone(&Segmented::new(t, TextKind::Markdown));
        assert_eq!(stated("Talks begin at 9:00.\n\n*All times are local.*"), Some(Zone::Local));
        assert_eq!(stated("All times GMT. Polls open at 07:00."), Some(Zone::Utc));
        assert_eq!(stated("All times in Moscow time."), Some(Zone::Named("Europe/Moscow".into())));
        assert_eq!(stated("At all times they were calm."), None);
    }

    #[test]
    fn noon_and_midnight() {
        assert_eq!(only("The deadline passed at midnight."), ("midnight".into(), clock(0, Zone::Unspecified)));
        assert_eq!(only("They meet at noon local time."), ("noon local time".into(), clock(720, Zone::Local)));
    }

    #[test]
    fn offsets_abbreviations_and_places() {
        assert_eq!(only("Shelling began at 0400 GMT+2."), ("0400 GMT+2".into(), clock(240, Zone::Offset(120))));
        assert_eq!(only("The launch is at 06:00+05:30."), ("06:00+05:30".into(), clock(360, Zone::Offset(330))));
        assert_eq!(only("Markets open at 9:30 a.m. EST."), ("9:30 a.m. EST".into(), clock(570, Zone::Offset(-300))));
        assert_eq!(only("The call is at 3 p.m. ET."), ("3 p.m. ET".into(), clock(900, Zone::Named("America/New_York".into()))));
        assert_eq!(only("Voting ended at 20:00 Moscow time."), ("20:00 Moscow time".into(), clock(1200, Zone::Named("Europe/Moscow".into()))));
        assert_eq!(only("It began at 18:00 New York time."), ("18:00 New York time".into(), clock(1080, Zone::Named("America/New_York".into()))));
        assert_eq!(only("It began at 11 a.m. Eastern Time."), ("11 a.m. Eastern Time".into(), clock(660, Zone::Named("America/New_York".into()))));
        assert_eq!(only("Talks opened at 10:30 a.m. in Geneva."), ("10:30 a.m. in Geneva".into(), clock(630, Zone::Named("Europe/Zurich".into()))));
        assert_eq!(only("Kickoff is at 19:00 Turkish time."), ("19:00 Turkish time".into(), clock(1140, Zone::Named("Europe/Istanbul".into()))));
    }

    #[test]
    fn weekdays() {
        assert_eq!(only("Negotiators return on Tuesday."), ("Tuesday".into(), TimeValue::Weekday { day: 1 }));
        assert_eq!(only("Saturday's summit drew crowds."), ("Saturday's".into(), TimeValue::Weekday { day: 5 }));
        assert!(times("Shops were busy on Black Friday.").is_empty());
        assert!(times("The markets open on Sundays.").is_empty());
        assert!(times("A wed couple sat in the sun.").is_empty());
    }

    #[test]
    fn dates() {
        let date = |y: Option<i32>, m: u8, d: Option<u8>| TimeValue::Date { year: y, month: m, day: d };
        assert_eq!(only("The pact was signed on June 3."), ("June 3".into(), date(None, 6, Some(3))));
        assert_eq!(only("It expires on 21 October 2026."), ("21 October 2026".into(), date(Some(2026), 10, Some(21))));
        assert_eq!(only("Filed on August 9, 2019 in court."), ("August 9, 2019".into(), date(Some(2019), 8, Some(9))));
        assert_eq!(only("The law changed on 2024-02-29."), ("2024-02-29".into(), date(Some(2024), 2, Some(29))));
        assert_eq!(only("The census of April 2011 was late."), ("April 2011".into(), date(Some(2011), 4, None)));
        assert_eq!(only("Due on Sept. 30th, they said."), ("Sept. 30th".into(), date(None, 9, Some(30))));
        assert_eq!(only("By the 4th of July they left."), ("4th of July".into(), date(None, 7, Some(4))));
        assert!(times("Officials may decide soon.").is_empty());
        assert!(times("They may 2 weeks ago have left.").iter().all(|(_, v)| !matches!(v, TimeValue::Date { .. })));
        assert!(times("Protesters march in the square.").is_empty());
        assert!(times("Jan said nothing.").is_empty());
        assert!(times("The vote is on February 30.").is_empty());
    }

    #[test]
    fn durations_and_bounds() {
        assert_eq!(duration("The hearing lasted less than three hours."), (0.0, 180.0));
        let (lo, hi) = duration("He spoke for just over 40 minutes.");
        assert!(lo == 40.0 && hi > 44.0 && hi < 50.0, "{lo} {hi}");
        let (lo, hi) = duration("The flight took nearly five hours.");
        assert!(lo > 240.0 && lo < 290.0 && hi == 300.0, "{lo} {hi}");
        let (lo, hi) = duration("They waited about an hour outside.");
        assert!(lo > 45.0 && lo < 55.0 && hi > 65.0 && hi < 75.0, "{lo} {hi}");
        assert_eq!(duration("The strike lasted two days."), (2880.0, 2880.0));
        assert_eq!(duration("Rain fell for more than six hours."), (360.0, f64::INFINITY));
        assert_eq!(duration("A 45-day truce began."), (45.0 * 1440.0, 45.0 * 1440.0));
        assert_eq!(duration("A three-week pause followed."), (3.0 * 7.0 * 1440.0, 3.0 * 7.0 * 1440.0));
        assert_eq!(duration("Their first meeting in five years was brief."), (5.0 * 365.0 * 1440.0, 5.0 * 365.0 * 1440.0));
        assert_eq!(duration("The queue took half an hour."), (30.0, 30.0));
        assert_eq!(duration("The speech ran two and a half hours."), (150.0, 150.0));
        assert_eq!(duration("The drive takes an hour and a half."), (90.0, 90.0));
        assert_eq!(duration("Repairs need two to three weeks."), (14.0 * 1440.0, 21.0 * 1440.0));
        assert_eq!(duration("An hour-long call ended it."), (60.0, 60.0));
        assert_eq!(duration("The vote took an hour and 20 minutes."), (80.0, 80.0));
        assert_eq!(duration("It was over in a day."), (1440.0, 1440.0));
    }

    #[test]
    fn not_durations() {
        assert!(times("The 45-year-old mayor resigned.").is_empty());
        assert!(times("She is 45 years old.").is_empty());
        assert!(times("Guards patrol 24 hours a day.").len() == 1);
        assert!(times("Buses run three times a day.").is_empty());
        assert!(times("Many hours passed.").is_empty());
        assert!(times("She earns $3m a year.").is_empty());
        assert!(times("A week later they left.").is_empty());
        assert!(times("It rained one day in spring.").is_empty());
        assert!(times("Hold on a second.").is_empty());
    }

    #[test]
    fn utc_conversion() {
        let may16 = NaiveDate::from_ymd_opt(2025, 5, 16);
        assert_eq!(utc_minutes(&clock(750, Zone::Local), Some("Europe/Istanbul"), may16), Some(570));
        assert_eq!(utc_minutes(&clock(570, Zone::Utc), None, None), Some(570));
        assert_eq!(utc_minutes(&clock(60, Zone::Offset(180)), None, None), Some(22 * 60));
        assert_eq!(utc_minutes(&clock(600, Zone::Named("Europe/London".into())), None, may16), Some(540));
        assert_eq!(utc_minutes(&clock(600, Zone::Named("Europe/London".into())), None, NaiveDate::from_ymd_opt(2025, 1, 10)), Some(600));
        assert_eq!(utc_minutes(&clock(600, Zone::Unspecified), None, may16), None);
        assert_eq!(utc_minutes(&clock(600, Zone::Named("Nowhere/Atlantis".into())), None, may16), None);
        assert_eq!(utc_minutes(&TimeValue::Weekday { day: 2 }, None, None), None);
        // 02:30 did not exist in London on 30 March 2025: either offset is an honest reading.
        let gap = utc_minutes(&clock(150, Zone::Named("Europe/London".into())), None, NaiveDate::from_ymd_opt(2025, 3, 30));
        assert!(matches!(gap, Some(90) | Some(150)), "{gap:?}");
    }

    /// Each time in `text` with its role.
    fn roles(text: &str) -> Vec<(String, TimeRole)> {
        let seg = Segmented::new(text, TextKind::Markdown);
        (0..seg.sentences.len()).flat_map(|i| find_times(&seg, i)).map(|m| (m.span.slice(&seg.text).to_string(), m.role)).collect()
    }

    fn role(text: &str, time: &str) -> TimeRole {
        roles(text).into_iter().find(|(t, _)| t == time).unwrap_or_else(|| panic!("no {time:?} in {:?}", roles(text))).1
    }

    #[test]
    fn a_time_beside_a_speech_verb_dates_the_statement() {
        assert_eq!(role("Moor told reporters Thursday night that a deal was unlikely.", "Thursday"), TimeRole::Statement);
        assert_eq!(role("The ministry said in a statement on Monday that the port would reopen.", "Monday"), TimeRole::Statement);
        assert_eq!(role("On Thursday, Lena Moor said she would attend.", "Thursday"), TimeRole::Statement);
        assert_eq!(role("“We want serious negotiations,” Moor told reporters on Thursday.", "Thursday"), TimeRole::Statement);
        // The time of what was reported stays the event's.
        assert_eq!(role("The talks began on Friday, Moor said.", "Friday"), TimeRole::Start);
        assert_eq!(role("Moor said the talks would resume on Monday.", "Monday"), TimeRole::Start);
        assert_eq!(role("The fire was first reported at 3:40 p.m. Tuesday.", "Tuesday"), TimeRole::Event);
        assert_eq!(role("The fire, first reported Monday afternoon, grew.", "Monday"), TimeRole::Event);
        assert_eq!(role("Both sides agreed on Friday to a truce.", "Friday"), TimeRole::Event);
        assert_eq!(role("The governor declared an emergency on Thursday.", "Thursday"), TimeRole::Event);
    }

    #[test]
    fn a_time_alone_at_the_head_of_a_line_is_a_stamp() {
        assert_eq!(role("**11.20 BST** The delegates are in the room for the talks.", "11.20 BST"), TimeRole::Stamp);
        assert_eq!(role("**14:20** Next round: Friday.", "14:20"), TimeRole::Stamp);
        assert_eq!(role("14:20 Next round of talks is on Friday.", "14:20"), TimeRole::Stamp);
        assert_eq!(role("### 09:05 GMT\n\nTalks began.", "09:05 GMT"), TimeRole::Stamp);
        assert_eq!(role("| 09:00 GMT | talks open |", "09:00 GMT"), TimeRole::Stamp);
        assert!(roles("**Tuesday 11 March**\n\nTalks resumed.").iter().all(|(_, r)| *r == TimeRole::Stamp));
        assert_eq!(role("Talks began at 14:20 in the hall.", "14:20"), TimeRole::Start);
        assert_eq!(role("**Update:** talks began at 0930 GMT.", "0930 GMT"), TimeRole::Start);
    }

    #[test]
    fn a_time_set_against_another_event_is_relative() {
        assert_eq!(role("Moor met Vance in Lorn on Thursday, a day before the talks.", "Thursday"), TimeRole::Relative);
        assert_eq!(role("Ahead of Friday's summit, the envoys met on Thursday.", "Thursday"), TimeRole::Relative);
        assert_eq!(role("On the eve of the talks, on Thursday, the envoys dined.", "Thursday"), TimeRole::Relative);
        // Inside the anchored clause, after its own verb, the time is that event's.
        assert_eq!(role("The strike goes on after a second round of talks ended on Tuesday.", "Tuesday"), TimeRole::End);
        assert_eq!(role("The talks broke up just before 1200 GMT.", "1200 GMT"), TimeRole::End);
        assert_eq!(role("The talks began on Friday, a day after the ceasefire was signed.", "Friday"), TimeRole::Start);
    }

    #[test]
    fn starts_and_ends() {
        let t = "The session began at 0900 GMT and broke up just before 1200 GMT.";
        assert_eq!(role(t, "0900 GMT"), TimeRole::Start);
        assert_eq!(role(t, "1200 GMT"), TimeRole::End);
        let t = "The talks ran from 0930 to 1130 GMT.";
        assert_eq!(roles(t), vec![("0930".into(), TimeRole::Start), ("1130 GMT".into(), TimeRole::End)]);
        assert_eq!(role("At 1115 GMT the session broke up.", "1115 GMT"), TimeRole::End);
        assert_eq!(role("They talked until 1400 GMT.", "1400 GMT"), TimeRole::End);
        assert_eq!(role("The talks ended at about 1:50 p.m. local time.", "1:50 p.m. local time"), TimeRole::End);
        assert_eq!(role("The fire had been burning since 4:40 p.m. Tuesday.", "4:40 p.m."), TimeRole::Start);
        assert_eq!(role("The talks got under way at 1030 BST.", "1030 BST"), TimeRole::Start);
        assert_eq!(role("The delegations met at 0930 GMT.", "0930 GMT"), TimeRole::Event);
    }

    /// The first clock time of a one-sentence text.
    fn first_clock(text: &str) -> Option<TimeMention> {
        let seg = Segmented::new(text, TextKind::Markdown);
        find_times(&seg, 0).into_iter().find(|m| matches!(m.value, TimeValue::Clock { .. }))
    }

    #[test]
    fn hedged_clock_times() {
        let approx = |text: &str| first_clock(text).map(|m| m.approx);
        assert_eq!(approx("It ended at about 1150 GMT."), Some(Approx::About));
        assert_eq!(approx("It broke up just before 1200 GMT."), Some(Approx::JustBefore));
        assert_eq!(approx("It ended shortly after 1115 GMT."), Some(Approx::JustAfter));
        assert_eq!(approx("It ended by 1200 GMT."), Some(Approx::Before));
        assert_eq!(approx("It ended at 1200 GMT."), Some(Approx::Exact));
    }

    #[test]
    fn lengths_that_are_not_how_long_something_lasted() {
        assert_eq!(role("It was their first direct talks in more than three years.", "more than three years"), TimeRole::Gap);
        assert_eq!(role("It is the worst fire in 40 years.", "40 years"), TimeRole::Gap);
        assert_eq!(role("They met for the first time in five years.", "five years"), TimeRole::Gap);
        assert_eq!(role("The strike began two weeks ago.", "two weeks"), TimeRole::Gap);
        assert_eq!(role("The talks lasted more than three hours.", "more than three hours"), TimeRole::Event);
        assert_eq!(role("The first round collapsed after 40 minutes.", "40 minutes"), TimeRole::Event);
        assert_eq!(role("Dale Orrin was arrested five months after the firm collapsed.", "five months"), TimeRole::Gap);
        assert_eq!(role("The blast came two hours before the vote.", "two hours"), TimeRole::Gap);
        assert_eq!(role("The first round lasted 40 minutes before it broke up.", "40 minutes"), TimeRole::Event);
    }

    #[test]
    fn spelled_out_clock_times() {
        let spelled = |text: &str| first_clock(text).map(|m| (m.span.slice(text).to_string(), m.value, m.half_day));
        assert_eq!(spelled("It opened at half past twelve, Oslo time."), Some(("half past twelve, Oslo time".into(), clock(30, Zone::Named("Europe/Oslo".into())), true)));
        assert_eq!(spelled("It began at a quarter to eleven local time."), Some(("a quarter to eleven local time".into(), clock(645, Zone::Local), true)));
        assert_eq!(spelled("It began at ten past nine in the morning."), Some(("ten past nine in the morning".into(), clock(550, Zone::Unspecified), false)));
        assert_eq!(spelled("The session opened at eleven o'clock local time."), Some(("eleven o'clock local time".into(), clock(660, Zone::Local), true)));
        assert_eq!(spelled("They left at ten to three."), Some(("ten to three".into(), clock(170, Zone::Unspecified), true)));
        assert_eq!(spelled("Bells rang at 5 o'clock."), Some(("5 o'clock".into(), clock(300, Zone::Unspecified), true)));
        assert_eq!(spelled("The score went from five to ten."), None);
        assert_eq!(spelled("They hired five to ten people."), None);
        assert_eq!(spelled("Half past the gate stood a tree."), None);
        // A comma before the zone only with a zone phrase that ends in "time".
        assert_eq!(spelled("It began at 10:30, local time."), Some(("10:30, local time".into(), clock(630, Zone::Local), false)));
        assert_eq!(spelled("At 10:30, local officials left."), None);
    }

    #[test]
    fn dateline_months_without_their_dot() {
        assert_eq!(only("OSLO, Jan 14 - The talks went on."), ("Jan 14".into(), TimeValue::Date { year: None, month: 1, day: Some(14) }));
        assert_eq!(only("MARLOW, Aug 14 (Wire) - Fire spread."), ("Aug 14".into(), TimeValue::Date { year: None, month: 8, day: Some(14) }));
        assert!(times("Jan 14 people came.").is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in ["", "at", "0930", "GMT+", "+03:", "99:99 GMT", "May", "12 a.m", "２０:００ GMT", "— 😀 0930 Z «»", "half an", "a 3-", "half past", "a quarter to", "at ten to", "**", "**09:00", "| 1 |", "“ said on", "Jan 1", "before the", "ahead of"] {
            let _ = times(t);
        }
    }
}

