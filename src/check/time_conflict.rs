//! time-conflict: a clock time, date, weekday or duration of an event contradicts every source.
//!
//! A draft time is compared with the source times about the same happening and in the same
//! role: the same event kind and instance ("the first round" is not "the talks"), or, where no
//! event noun says which, the same content words around the time (reported at information
//! level); a start with starts, an end with ends, a statement's day with that statement's day.
//! Post stamps, times set against another event and gaps ("the first talks in three years")
//! are compared with nothing.

use super::{Context, FactKey};
use crate::extract::places::local_zone_of;
use crate::extract::time::{utc_minutes, TimeMention, TimeRole, TimeValue, Zone};
use crate::facts::Located;
use crate::finding::{Finding, Rule};
use crate::knowledge::WEEKDAYS;
use crate::text::Span;
use chrono::NaiveDate;

fn same_variant(a: &TimeValue, b: &TimeValue) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

fn fmt_utc(m: i32) -> String {
    let m = m.rem_euclid(24 * 60);
    format!("{:02}{:02} GMT", m / 60, m % 60)
}

/// How a source time in one role bears on a draft time in another.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Meet {
    No,
    /// The day one happening began against the day it ended: the same for a one-day meeting,
    /// not for a strike. Enough for a finding at information level only.
    Weak,
    Yes,
}

/// Can a draft time in role `mine` be contradicted by a source time in role `theirs`? A start
/// and a time of no stated role both date the beginning of a happening; a clock time of its end
/// only meets other ends. A day may be given for the whole happening, so a day of no stated
/// role meets starts and ends alike.
fn roles_meet(value: &TimeValue, mine: TimeRole, theirs: TimeRole) -> Meet {
    use TimeRole::*;
    match (mine, theirs) {
        (Stamp | Relative | Gap, _) | (_, Stamp | Relative | Gap) => Meet::No,
        (Statement, Statement) => Meet::Yes,
        (Statement, _) | (_, Statement) => Meet::No,
        _ => match value {
            TimeValue::Clock { .. } if (mine == End) != (theirs == End) => Meet::No,
            TimeValue::Weekday { .. } | TimeValue::Date { .. } if matches!((mine, theirs), (Start, End) | (End, Start)) => Meet::Weak,
            _ => Meet::Yes,
        },
    }
}

pub fn check(cx: &Context) -> Vec<Finding> {
    let fb = cx.fb;
    let draft_zone = local_zone_of(&cx.draft.places).or_else(|| cx.relevant.iter().find_map(|&d| fb.facts[d].local_zone));
    let dates = story_dates(cx);
    let mut out: Vec<(bool, Finding)> = Vec::new();
    for t in &cx.draft.times {
        if !matches!(t.fact.role, TimeRole::Event | TimeRole::Start | TimeRole::End | TimeRole::Statement) || cx.in_quote(t.fact.span) || cx.is_heading(t.sentence) {
            continue;
        }
        if t.events.is_empty() && t.fact.happening.is_empty() {
            continue;
        }
        // What `about` reads of the draft: the time (its span relative to its start), its text,
        // its clause's events, the draft's local zone and the story's dates.
        // Every field, so that a field added to times cannot be left out of the key.
        let TimeMention { span, value, role, approx, half_day, happening } = &t.fact;
        let other_end_given = gives_the_other_end(&cx.draft.times, t);
        let anchor = span.start;
        let key = with_value(FactKey::for_text(span.len()).with(span.len()), value)
            .with(role)
            .with(approx)
            .with(half_day)
            .with(happening)
            .with(t.events)
            .with(draft_zone)
            .with(&dates)
            .with(other_end_given)
            .with(span.slice(&cx.draft.seg.text));
        let found = cx.memo.findings_about(Rule::TimeConflict, key, anchor, || about(cx, t, draft_zone, &dates, other_end_given).into_iter().collect());
        out.extend(found.into_iter().map(|f| (matches!(value, TimeValue::Weekday { .. }), f)));
    }
    merge_day_and_date(&cx.draft.seg.text, out)
}

/// "The trial opened on Monday 11 August and closed on Friday 29 August": where the draft's
/// sentence dates both ends of one happening, neither end stands for the other, so a start is
/// no weak match for the draft's end.
fn gives_the_other_end(times: &[Located<TimeMention>], t: &Located<TimeMention>) -> bool {
    let other = match t.fact.role {
        TimeRole::Start => TimeRole::End,
        TimeRole::End => TimeRole::Start,
        _ => return false,
    };
    times.iter().any(|o| o.sentence == t.sentence && o.fact.role == other && same_variant(&o.fact.value, &t.fact.value) && o.events == t.events)
}

/// "Saturday, 15 March" is one fact written twice: a wrong weekday and a wrong date side by side
/// make one finding. `found` holds each finding with whether it is about a weekday, in draft order.
fn merge_day_and_date(text: &str, found: Vec<(bool, Finding)>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(found.len());
    let mut last_was_day = false;
    for (is_day, f) in found {
        let joined = last_was_day && !is_day && out.last().is_some_and(|day| {
            text.get(day.span.end..f.span.start).is_some_and(|gap| gap.len() <= 3 && gap.chars().all(|c| c == ',' || c.is_whitespace()))
        });
        last_was_day = is_day;
        if !joined {
            out.push(f);
            continue;
        }
        let Some(day) = out.pop() else { continue };
        let said = |m: &str| m.strip_prefix("the sources give ").and_then(|r| r.split_once(", not “")).map(|(s, _)| s.to_string());
        let span = Span::new(day.span.start, f.span.end);
        let message = match (said(&day.message), said(&f.message)) {
            (Some(a), Some(b)) => format!("the sources give {a}, {b}, not “{}”", span.slice(text)),
            _ => day.message.clone(),
        };
        let mut evidence = day.evidence.clone();
        for e in f.evidence {
            if !evidence.iter().any(|x| x.doc == e.doc && x.span == e.span) {
                evidence.push(e);
            }
        }
        let mut merged = Finding::new(Rule::TimeConflict, span, message).with_evidence(evidence);
        if day.unsure && f.unsure {
            merged = merged.unsure();
        }
        out.push(merged);
        last_was_day = false;
    }
    out
}

/// `key` with a time value written into it: its variant and every field, floats by their bits.
fn with_value(key: FactKey, value: &TimeValue) -> FactKey {
    match value {
        TimeValue::Clock { minutes, zone } => key.with(0u8).with(minutes).with(zone),
        TimeValue::Weekday { day } => key.with(1u8).with(day),
        TimeValue::Date { year, month, day } => key.with(2u8).with(year).with(month).with(day),
        TimeValue::Duration { min_minutes, max_minutes } => key.with(3u8).with(min_minutes.to_bits()).with(max_minutes.to_bits()),
    }
}

/// The days the story may have happened on, which fix a named zone's offset ("UK time" is
/// GMT+1 in May): the sources' publication dates, else the draft's full dates, else the
/// sources'. Each is widened by a week either way, so a date a little off still finds the
/// offset in force. Empty when nothing is dated.
fn story_dates(cx: &Context) -> Vec<NaiveDate> {
    let fb = cx.fb;
    let published: Vec<NaiveDate> = cx.relevant.iter().filter_map(|&d| fb.docs[d].meta.date.as_deref().and_then(parse_iso_date)).collect();
    let year = published.first().map(chrono::Datelike::year).or_else(|| {
        cx.draft.times.iter().find_map(|t| if let TimeValue::Date { year: Some(y), .. } = t.fact.value { Some(y) } else { None })
    });
    let full = |times: &mut dyn Iterator<Item = &Located<TimeMention>>| -> Vec<NaiveDate> {
        times
            .filter_map(|t| match t.fact.value {
                TimeValue::Date { year: y, month, day: Some(day) } => NaiveDate::from_ymd_opt(y.or(year).unwrap_or(2025), u32::from(month), u32::from(day)),
                _ => None,
            })
            .collect()
    };
    let mut dates = published;
    if dates.is_empty() {
        dates = full(&mut cx.draft.times.iter());
    }
    if dates.is_empty() {
        dates = full(&mut cx.relevant.iter().flat_map(|&d| fb.facts[d].times.iter()));
    }
    let mut seen = Vec::new();
    for d in dates {
        if !seen.contains(&d) && seen.len() < 8 {
            seen.push(d);
        }
    }
    seen
}

fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// The days on which to read named zones: each story date and a week either side; with none,
/// a winter and a summer day, so that a zone with daylight saving may be read either way.
fn reading_days(dates: &[NaiveDate]) -> Vec<NaiveDate> {
    if dates.is_empty() {
        return [(1, 15), (7, 15)].iter().filter_map(|&(m, d)| NaiveDate::from_ymd_opt(2025, m, d)).collect();
    }
    let week = chrono::Duration::days(7);
    dates.iter().flat_map(|&d| [Some(d), d.checked_sub_signed(week), d.checked_add_signed(week)]).flatten().collect()
}

/// A clock time as intervals of minutes on one day's dial, for reading day `date`: in UTC when
/// its zone resolves (`local_zone` stands for "local time" and for no zone), on the local wall
/// clock when `wall` and it gives no zone of its own. Two intervals for a time on a twelve-hour
/// dial.
fn clock_intervals(m: &TimeMention, local_zone: Option<&str>, date: NaiveDate, wall: bool) -> Option<Vec<(i32, i32)>> {
    let TimeValue::Clock { minutes, zone } = &m.value else { return None };
    let readings: &[u32] = if m.half_day { &[0, 12 * 60] } else { &[0] };
    let (before, after) = m.approx.slack();
    readings
        .iter()
        .map(|&extra| {
            let value = TimeValue::Clock { minutes: (minutes + extra) % (24 * 60), zone: zone.clone() };
            let at = if wall {
                matches!(zone, Zone::Local | Zone::Unspecified).then_some((minutes + extra) as i32 % (24 * 60))?
            } else {
                utc_minutes(&value, local_zone, Some(date))?
            };
            Some((at - before, at + after))
        })
        .collect()
}

/// Do two sets of intervals on a 24-hour dial meet?
fn intervals_meet(a: &[(i32, i32)], b: &[(i32, i32)]) -> bool {
    const DAY: i32 = 24 * 60;
    a.iter().any(|&(a0, a1)| b.iter().any(|&(b0, b1)| (-1..=1).any(|k| a0 <= b1 + k * DAY && b0 + k * DAY <= a1)))
}

/// A source time that may contradict the draft's: its document, sentence and zone.
struct Candidate<'a> {
    doc: usize,
    sentence: Span,
    time: &'a TimeMention,
    zone: Option<&'a str>,
    weak: bool,
    /// Its clause names the event by a word with other senses.
    doubtful: bool,
}

/// The finding, if any, about draft time `t`, which the filters in `check` let through.
fn about(cx: &Context, t: &Located<TimeMention>, draft_zone: Option<&str>, dates: &[NaiveDate], other_end_given: bool) -> Option<Finding> {
    let fb = cx.fb;
    let mine = &t.fact;
    // Source facts about the same event: `close` in a clause naming the same event kind and
    // instance, `loose` anywhere in the sentence. Only the close ones can contradict; a loose
    // match makes a finding unsure.
    let mut matches = Vec::new();
    let mut loose = Vec::new();
    let by_event = mine.role != TimeRole::Statement && !t.events.is_empty();
    for &d in &cx.relevant {
        let f = &fb.facts[d];
        let zone = f.local_zone.or(draft_zone);
        for st in &f.times {
            if !same_variant(&st.fact.value, &mine.value) {
                continue;
            }
            let meet = roles_meet(&mine.value, mine.role, st.fact.role);
            if meet == Meet::No || meet == Meet::Weak && other_end_given {
                continue;
            }
            let Some(s) = f.sentences.get(st.sentence) else { continue };
            let candidate = Candidate { doc: d, sentence: *s, time: &st.fact, zone, weak: meet == Meet::Weak, doubtful: st.events.doubtful() };
            if by_event {
                // The first event a clause names is what it is about ("talks to end the strike
                // broke down on Tuesday" dates the talks, not the strike).
                if st.events.same_first(t.events) {
                    matches.push(candidate);
                } else if (st.events.is_empty() && st.broad.iter().any(|e| t.events.first() == Some(e))) || st.events.iter().any(|e| t.events.first() == Some(e)) {
                    loose.push(candidate);
                }
            } else if !matches!(mine.value, TimeValue::Duration { .. }) && !mine.happening.is_empty() && mine.happening.same_as(&st.fact.happening) && !names_another_event(t, st) {
                matches.push(candidate);
            }
        }
    }
    // Without an event noun, two clauses are the same happening only by their words: a match
    // worth a look, never certain.
    let mut unsure = !by_event;
    // A start against an end counts only when nothing better does.
    if matches.iter().any(|c| !c.weak) {
        matches.retain(|c| !c.weak);
    }
    if matches.iter().any(|c| c.weak) {
        unsure = true;
    }
    // "An appeal", "the ruling": an event word with other senses picks the event, but not surely.
    if by_event && (t.events.doubtful() || matches.iter().any(|c| c.doubtful)) {
        unsure = true;
    }
    // The sources that give a value comparable with the draft's, and whether any agrees.
    let (agrees, comparable) = compare(mine, &matches, draft_zone, dates)?;
    if agrees {
        return None;
    }
    let loosely_agrees = loose.iter().any(|c| agrees_with(mine, c, draft_zone, dates));
    // What the sources say instead: of the sentences about the same event, those that also
    // share the draft's words about it when some do ("first reported" among every sentence
    // dating the fire).
    let sharing: Vec<&Candidate> = comparable.iter().copied().filter(|c| mine.happening.same_as(&c.time.happening)).collect();
    let shown = if sharing.is_empty() { comparable } else { sharing };
    let mut said: Vec<String> = shown.iter().filter_map(|c| value_text(fb, c, dates)).collect();
    said.sort();
    said.dedup();
    // Sources that give three or more different values for one happening are about several.
    if said.len() > 2 {
        unsure = true;
    }
    let mut evidence: Vec<(usize, Span, usize)> = shown.iter().map(|c| (c.doc, c.sentence, mine.happening.overlap(&c.time.happening))).collect();
    // The sentences that say most about the same happening first, each once.
    evidence.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.start.cmp(&b.1.start)));
    let mut seen: Vec<(usize, Span)> = Vec::new();
    evidence.retain(|(d, s, _)| {
        let fresh = !seen.contains(&(*d, *s));
        seen.push((*d, *s));
        fresh
    });
    let evidence = evidence.into_iter().map(|(d, s, _)| fb.evidence(d, s)).collect();
    let draft_text = mine.span.slice(&cx.draft.seg.text);
    let message = if said.is_empty() {
        format!("the sources give a different duration than “{draft_text}”")
    } else {
        format!("the sources give {}, not “{draft_text}”", said.join(" or "))
    };
    let mut finding = Finding::new(Rule::TimeConflict, mine.span, message).with_evidence(evidence);
    if loosely_agrees || unsure {
        finding = finding.unsure();
    }
    Some(finding)
}

/// Whether any of `matches` agrees with the draft's time, and which of them give a value
/// comparable with it; `None` when none does.
fn compare<'m, 'a>(mine: &TimeMention, matches: &'m [Candidate<'a>], draft_zone: Option<&str>, dates: &[NaiveDate]) -> Option<(bool, Vec<&'m Candidate<'a>>)> {
    let comparable: Vec<&Candidate> = match &mine.value {
        TimeValue::Clock { .. } => {
            let first_day = *reading_days(dates).first()?;
            matches
                .iter()
                .filter(|c| {
                    let wall = on_the_wall(mine, c, draft_zone, first_day);
                    clock_intervals(mine, draft_zone, first_day, wall).is_some() && clock_intervals(c.time, c.zone, first_day, wall).is_some()
                })
                .collect()
        }
        TimeValue::Date { day: None, .. } => Vec::new(),
        TimeValue::Date { .. } => matches.iter().filter(|m| matches!(m.time.value, TimeValue::Date { day: Some(_), .. })).collect(),
        TimeValue::Weekday { .. } | TimeValue::Duration { .. } => matches.iter().collect(),
    };
    if comparable.is_empty() {
        return None;
    }
    let agrees = comparable.iter().any(|c| agrees_with(mine, c, draft_zone, dates));
    Some((agrees, comparable))
}

/// Both clock times read on the local wall clock: neither zone resolves, so they are two local
/// times of one place.
fn on_the_wall(mine: &TimeMention, theirs: &Candidate, draft_zone: Option<&str>, day: NaiveDate) -> bool {
    clock_intervals(mine, draft_zone, day, false).is_none() && clock_intervals(theirs.time, theirs.zone, day, false).is_none()
}

/// A source value as the message gives it: clock times in GMT when their zone resolves, else
/// as written.
fn value_text(fb: &crate::facts::FactBase, c: &Candidate, dates: &[NaiveDate]) -> Option<String> {
    Some(match &c.time.value {
        TimeValue::Clock { .. } => match utc_minutes(&c.time.value, c.zone, dates.first().copied()) {
            Some(m) if !c.time.half_day => fmt_utc(m),
            _ => crate::text::single_spaced(c.time.span.slice(&fb.docs.get(c.doc)?.text)),
        },
        TimeValue::Weekday { day } => capitalize(WEEKDAYS[*day as usize % 7]),
        TimeValue::Date { month, day: Some(d), .. } => format!("{} {d}", capitalize(crate::knowledge::MONTHS[(*month as usize).saturating_sub(1) % 12])),
        TimeValue::Date { .. } | TimeValue::Duration { .. } => return None,
    })
}

/// A source clause that names an event when the draft's names another is about that event,
/// whatever words they share.
fn names_another_event(t: &Located<TimeMention>, st: &Located<TimeMention>) -> bool {
    !t.events.is_empty() && !st.events.is_empty() && !st.events.same_first(t.events)
}

/// Does one loosely matched source value allow the draft's?
fn agrees_with(mine: &TimeMention, theirs: &Candidate, my_zone: Option<&str>, dates: &[NaiveDate]) -> bool {
    match (&mine.value, &theirs.time.value) {
        (TimeValue::Clock { .. }, TimeValue::Clock { .. }) => reading_days(dates).iter().any(|&day| {
            let wall = on_the_wall(mine, theirs, my_zone, day);
            matches!((clock_intervals(mine, my_zone, day, wall), clock_intervals(theirs.time, theirs.zone, day, wall)), (Some(a), Some(b)) if intervals_meet(&a, &b))
        }),
        (TimeValue::Weekday { day: a }, TimeValue::Weekday { day: b }) => a == b,
        (TimeValue::Date { year: y1, month: m1, day: d1 }, TimeValue::Date { year: y2, month: m2, day: d2 }) => {
            m1 == m2 && d1 == d2 && (y1.is_none() || y2.is_none() || y1 == y2)
        }
        (TimeValue::Duration { min_minutes: a0, max_minutes: a1 }, TimeValue::Duration { min_minutes: b0, max_minutes: b1 }) => {
            *a0 <= b1 + 1e-9 && *b0 <= a1 + 1e-9
        }
        _ => false,
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::{Rule, Severity};

    const SRC: &[&str] = &[
        "OSLO, Jan 14 - The harbour talks began at 0900 GMT on Tuesday and lasted less than two hours.",
        "Hopes had faded on Monday when the mayor met the union.",
    ];

    #[test]
    fn clock_times_compare_as_instants() {
        // Oslo is UTC+1 in January: 10:00 local is 0900 GMT.
        assert!(findings_of(Rule::TimeConflict, SRC, "OSLO — The harbour talks began at 10:00 local time.").is_empty());
        let f = findings_of(Rule::TimeConflict, SRC, "OSLO — The harbour talks began at 11:00 local time.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("0900 GMT"), "{}", f[0].message);
        assert!(!f[0].evidence.is_empty());
        // A zone stated once covers the times given without one; without it they are local.
        assert!(findings_of(Rule::TimeConflict, SRC, "All times GMT.\n\nOSLO — The harbour talks began at 09:00.").is_empty());
        assert_eq!(findings_of(Rule::TimeConflict, SRC, "OSLO — The harbour talks began at 09:00.").len(), 1);
    }

    #[test]
    fn weekdays_of_the_same_event_only() {
        assert_eq!(findings_of(Rule::TimeConflict, SRC, "The harbour talks took place on Wednesday.").len(), 1);
        assert!(findings_of(Rule::TimeConflict, SRC, "The harbour talks took place on Tuesday.").is_empty());
        // Monday belongs to another clause's event in the source; a draft about a rally is not compared.
        assert!(findings_of(Rule::TimeConflict, SRC, "Dockers held a rally on Friday.").is_empty());
    }

    /// A court story: the trial's days, the verdict's day and the sentencing's day are three
    /// happenings.
    const COURT: &[&str] = &[
        "The trial of Brannock Hale opened on Monday, March 3, and ran for nine hearing days.",
        "The verdict was handed down on Thursday, March 20.",
        "A Lorn court on Thursday convicted Hale of fraud.",
        "He will be sentenced on Friday, the court said.",
    ];

    #[test]
    fn a_verdict_day_is_not_the_trial_day() {
        // The end of the trial is a day the sources never give: no finding at all, though its
        // clause names the trial and the sources date the trial's start and its verdict.
        let last_words = "His last words to the court came on Friday, March 14, at the end of a trial that opened on Monday, March 3.";
        assert!(findings_of(Rule::TimeConflict, COURT, last_words).is_empty(), "{:?}", findings_of(Rule::TimeConflict, COURT, last_words));
        for ok in [
            "The verdict came on Thursday, more than a week after the trial closed.",
            "The trial opened on Monday and ended on Friday.",
            "Hale, who was arrested on Tuesday, denied the charges.",
        ] {
            assert!(warnings(COURT, ok).is_empty(), "{ok}: {:?}", warnings(COURT, ok));
        }
        // The same happening on another day is still wrong.
        assert_eq!(warnings(COURT, "The verdict was handed down on Wednesday.").len(), 1);
        assert_eq!(warnings(COURT, "The trial opened on Tuesday.").len(), 1);
        assert_eq!(warnings(COURT, "Hale will be sentenced on Monday.").len(), 1);
    }

    #[test]
    fn an_event_word_of_several_senses_is_never_sure() {
        let src: &[&str] = &["Police appealed for witnesses on Tuesday."];
        let f = findings_of(Rule::TimeConflict, src, "Police appealed for witnesses on Wednesday.");
        assert!(f.iter().all(|f| f.severity == Severity::Information), "{f:?}");
        assert!(warnings(src, "Police appealed for witnesses on Wednesday.").is_empty());
    }

    #[test]
    fn durations_compare_as_ranges() {
        assert!(findings_of(Rule::TimeConflict, SRC, "The talks lasted 90 minutes.").is_empty());
        let f = findings_of(Rule::TimeConflict, SRC, "The talks lasted three hours.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
    }

    fn warnings(sources: &[&str], draft: &str) -> Vec<crate::finding::Finding> {
        findings_of(Rule::TimeConflict, sources, draft).into_iter().filter(|f| f.severity == Severity::Warning).collect()
    }

    #[test]
    fn named_zones_keep_daylight_saving_on_the_story_date() {
        // London keeps BST (GMT+1) in June: 10.30am UK time is 0930 GMT.
        let june: &[&str] = &["LONDON, June 3 - The harbour talks began at 0930 GMT."];
        for ok in ["The harbour talks began at 10.30am UK time.", "The harbour talks began at 10:30 a.m. British time.", "The harbour talks began at 10.30am BST.", "LONDON — The harbour talks began at 10:30 local time."] {
            assert!(findings_of(Rule::TimeConflict, june, ok).is_empty(), "{ok}");
        }
        for wrong in ["The harbour talks began at 9.30am UK time.", "The harbour talks began at 11:30 a.m. British time."] {
            assert_eq!(warnings(june, wrong).len(), 1, "{wrong}");
        }
        // Kyiv keeps GMT+3, Paris GMT+2 and New York GMT-4 in July.
        let july: &[&str] = &["KYIV, July 10 - The summit opened at 0700 GMT."];
        for ok in ["The summit opened at 10:00 Kyiv time.", "The summit opened at 9 a.m. Paris time.", "The summit opened at 3 a.m. Eastern time."] {
            assert!(findings_of(Rule::TimeConflict, july, ok).is_empty(), "{ok}");
        }
        assert_eq!(warnings(july, "The summit opened at 9:00 Kyiv time.").len(), 1);
        // With no date anywhere, either reading of a zone with daylight saving is honest.
        let undated: &[&str] = &["The harbour talks began at 0930 GMT."];
        assert!(findings_of(Rule::TimeConflict, undated, "The harbour talks began at 10.30am UK time.").is_empty());
        assert!(findings_of(Rule::TimeConflict, undated, "The harbour talks began at 9.30am UK time.").is_empty());
        assert_eq!(warnings(undated, "The harbour talks began at 11.30am UK time.").len(), 1);
    }

    #[test]
    fn liveblog_stamps_are_not_event_times() {
        let src: &[&str] = &["The harbour talks began at 0900 GMT on Tuesday."];
        let blog = "# Live: harbour talks\n\n**11.20 BST** The delegates are in the room for the talks.\n\n**14:20** Next round of talks: Friday.\n\n14:50 The talks are still going.";
        assert!(findings_of(Rule::TimeConflict, src, blog).is_empty());
        assert_eq!(warnings(src, "**11.20 BST** The talks began at 1000 GMT.").len(), 1);
    }

    #[test]
    fn a_statement_day_is_not_the_event_day() {
        let src: &[&str] = &["The harbour talks began at 0900 GMT on Tuesday.", "Mayor Lena Moor told reporters on Thursday that a breakthrough was unlikely."];
        for ok in [
            "“We want serious negotiations,” Moor told reporters on Monday night.",
            "Moor said on Monday that the harbour talks would go on.",
            "On Monday, the union said the talks had failed.",
            "The union said in a statement on Monday that the talks had failed.",
            "Lena Moor told reporters on Thursday that a breakthrough was unlikely.",
            "Lena Moor told reporters on Wednesday that the port would reopen.",
        ] {
            assert!(findings_of(Rule::TimeConflict, src, ok).is_empty(), "{ok}");
        }
        assert_eq!(warnings(src, "The harbour talks began on Wednesday, the mayor said.").len(), 1);
        // The same statement on another day: worth a look, at information level.
        let f = findings_of(Rule::TimeConflict, src, "Lena Moor told reporters on Wednesday that a breakthrough was unlikely.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Information);
        assert!(f[0].message.contains("Thursday"), "{}", f[0].message);
    }

    #[test]
    fn a_clause_set_against_the_event_is_about_another() {
        let src: &[&str] = &["The harbour talks began on Tuesday."];
        for ok in [
            "The mayor met the union leader on Monday, a day before the talks.",
            "Ahead of the talks, on Monday, the mayor met dockers.",
            "The envoys met on Monday, on the eve of the harbour talks.",
            "The mayor met dockers on Wednesday after the talks ended.",
        ] {
            assert!(findings_of(Rule::TimeConflict, src, ok).is_empty(), "{ok}");
        }
        assert_eq!(warnings(src, "The harbour talks began on Monday.").len(), 1);
    }

    #[test]
    fn ends_are_compared_with_ends_only() {
        let src: &[&str] = &["The harbour talks began at 0900 GMT and broke up just before 1200 GMT."];
        for ok in ["The talks broke up at about 1150 GMT.", "The talks ended at 1200 GMT.", "The talks began at 0900 GMT and ended just before noon GMT."] {
            assert!(findings_of(Rule::TimeConflict, src, ok).is_empty(), "{ok}");
        }
        let f = warnings(src, "The talks ended at 1400 GMT.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("1200 GMT") && !f[0].message.contains("0900"), "{}", f[0].message);
        // With no end in the sources, an end time is not checked against the start.
        let starts_only: &[&str] = &["The harbour talks began at 0900 GMT."];
        for ok in ["The harbour talks ended at 1115 GMT.", "The session broke up at about 1115 GMT.", "At 1115 GMT the talks broke up."] {
            assert!(findings_of(Rule::TimeConflict, starts_only, ok).is_empty(), "{ok}");
        }
        assert_eq!(warnings(starts_only, "The harbour talks began at 1000 GMT.").len(), 1);
    }

    #[test]
    fn evidence_is_each_sentence_once() {
        let src: &[&str] = &["The harbour talks began at 0900 GMT and resumed at 1400 GMT.", "The harbour talks began at 0900 GMT."];
        let f = warnings(src, "The harbour talks began at 1000 GMT.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].evidence.len(), 2, "{:?}", f[0].evidence);
        assert_eq!(f[0].message, "the sources give 0900 GMT or 1400 GMT, not “1000 GMT”");
    }

    #[test]
    fn one_round_is_not_another() {
        let src: &[&str] = &["The harbour talks lasted nearly three hours on Tuesday.", "A first round of talks on Friday collapsed after 40 minutes."];
        for ok in ["The first round of talks lasted just 40 minutes before the union walked out.", "The first round, on Friday, broke down after 40 minutes."] {
            assert!(findings_of(Rule::TimeConflict, src, ok).is_empty(), "{ok}");
        }
        assert_eq!(warnings(src, "The first round collapsed after 45 minutes.").len(), 1);
        assert_eq!(warnings(src, "The harbour talks lasted two hours.").len(), 1);
        // The main talks said to last as long as the first round: perhaps a mix-up, not sure.
        let f = findings_of(Rule::TimeConflict, src, "The harbour talks lasted 40 minutes.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Information);
    }

    #[test]
    fn bounded_durations() {
        let src: &[&str] = &["The harbour talks lasted less than two hours.", "They were the first harbour talks in more than three years."];
        assert_eq!(warnings(src, "The harbour talks lasted more than three hours.").len(), 1);
        assert!(findings_of(Rule::TimeConflict, src, "The harbour talks lasted about 90 minutes.").is_empty());
        assert!(findings_of(Rule::TimeConflict, src, "They were the first talks in over three years.").is_empty());
    }

    #[test]
    fn other_happenings_by_their_words() {
        let src: &[&str] = &["The sheriff ordered the town evacuated at 2:15 p.m. Wednesday.", "The fire was first reported at 3:40 p.m. Tuesday."];
        let f = findings_of(Rule::TimeConflict, src, "Deputies ordered the town evacuated at 3:15 p.m.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Information);
        assert!(f[0].message.contains("2:15 p.m."), "{}", f[0].message);
        for ok in [
            "The sheriff ordered the town evacuated on Wednesday.",
            "Deputies ordered the town evacuated at 2:15 p.m.",
            "The mayor visited the shelter on Thursday.",
            "The governor flew over the town on Tuesday.",
            "Crews ordered more water on Monday.",
        ] {
            assert!(findings_of(Rule::TimeConflict, src, ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn spelled_out_times_are_checked() {
        let src: &[&str] = &["OSLO, Jan 14 - The harbour talks began at 0900 GMT."];
        for ok in ["OSLO — The harbour talks began at ten o'clock local time.", "The harbour talks began at ten o'clock, Oslo time."] {
            assert!(findings_of(Rule::TimeConflict, src, ok).is_empty(), "{ok}");
        }
        assert_eq!(warnings(src, "The harbour talks began at half past eleven, Oslo time.").len(), 1);
    }

    #[test]
    fn a_day_and_its_date_side_by_side_are_one_finding() {
        let src: &[&str] = &["The harbour talks ended on Tuesday. The next round of talks is set for Friday, March 14."];
        let f = findings_of(Rule::TimeConflict, src, "**14:20** Next round of talks: Saturday, 15 March.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].message, "the sources give Friday, March 14, not “Saturday, 15 March”");
        assert!(findings_of(Rule::TimeConflict, src, "**14:20** Next round of talks: Friday, 14 March.").is_empty());
        let f = findings_of(Rule::TimeConflict, src, "The next round of talks is on Saturday, March 14.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].message, "the sources give Friday, not “Saturday”");
    }
}
