//! time-conflict: a clock time, date, weekday or duration of an event contradicts every source.

use super::{Context, FactKey};
use crate::extract::time::{utc_minutes, TimeMention, TimeValue};
use crate::facts::Located;
use crate::finding::{Finding, Rule};
use crate::extract::places::local_zone_of;
use crate::knowledge::WEEKDAYS;

fn same_variant(a: &TimeValue, b: &TimeValue) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

fn fmt_utc(m: i32) -> String {
    format!("{:02}{:02} GMT", m / 60, m % 60)
}

pub fn check(cx: &Context) -> Vec<Finding> {
    let fb = cx.fb;
    let draft_zone = local_zone_of(&cx.draft.places).or_else(|| cx.relevant.iter().find_map(|&d| fb.facts[d].local_zone));
    let mut out = Vec::new();
    for t in &cx.draft.times {
        if t.events.is_empty() || cx.in_quote(t.fact.span) || cx.is_heading(t.sentence) {
            continue;
        }
        // What `about` reads of the draft: the time (its span relative to its start), its text,
        // its clause's events and the draft's local zone.
        // Every field, so that a field added to times cannot be left out of the key.
        let TimeMention { span, value } = &t.fact;
        let anchor = span.start;
        let key = with_value(FactKey::for_text(span.len()).with(span.len()), value).with(t.events).with(draft_zone).with(span.slice(&cx.draft.seg.text));
        out.extend(cx.memo.findings_about(Rule::TimeConflict, key, anchor, || about(cx, t, draft_zone).into_iter().collect()));
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

/// The finding, if any, about draft time `t`, which the filters in `check` let through.
fn about(cx: &Context, t: &Located<TimeMention>, draft_zone: Option<&str>) -> Option<Finding> {
    let fb = cx.fb;
    // Source facts about the same kind of event: `close` in the same clause, `loose` anywhere in
    // the sentence. Only the close ones can contradict; a loose match makes a finding unsure.
    let mut matches = Vec::new();
    let mut loose = Vec::new();
    for &d in &cx.relevant {
        let f = &fb.facts[d];
        let zone = f.local_zone.or(draft_zone);
        for st in &f.times {
            if !same_variant(&st.fact.value, &t.fact.value) {
                continue;
            }
            let Some(s) = f.sentences.get(st.sentence) else { continue };
            // The first event a clause names is what it is about ("talks to end the strike
            // broke down on Tuesday" dates the talks, not the strike).
            if st.events.first() == t.events.first() {
                matches.push((d, *s, &st.fact.value, zone));
            } else if st.broad.iter().chain(st.events.iter()).any(|e| t.events.first() == Some(e)) {
                loose.push((d, *s, &st.fact.value, zone));
            }
        }
    }
    if matches.is_empty() {
        return None;
    }
    let draft_text = t.fact.span.slice(&cx.draft.seg.text);
    let (agrees, said): (bool, Vec<String>) = match &t.fact.value {
        TimeValue::Clock { .. } => {
            let Some(mine) = utc_minutes(&t.fact.value, draft_zone, None) else { return None };
            let theirs: Vec<i32> = matches.iter().filter_map(|m| utc_minutes(m.2, m.3, None)).collect();
            if theirs.is_empty() {
                return None;
            }
            (theirs.contains(&mine), theirs.iter().map(|&m| fmt_utc(m)).collect())
        }
        TimeValue::Weekday { day } => {
            let theirs: Vec<u8> = matches.iter().filter_map(|m| if let TimeValue::Weekday { day } = m.2 { Some(*day) } else { None }).collect();
            (theirs.contains(day), theirs.iter().map(|&d| capitalize(WEEKDAYS[d as usize % 7])).collect())
        }
        TimeValue::Date { year, month, day } => {
            let Some(day) = day else { return None };
            let theirs: Vec<(Option<i32>, u8, u8)> = matches
                .iter()
                .filter_map(|m| if let TimeValue::Date { year, month, day: Some(d) } = m.2 { Some((*year, *month, *d)) } else { None })
                .collect();
            if theirs.is_empty() {
                return None;
            }
            let ok = theirs.iter().any(|(y, m, d)| m == month && d == day && (y.is_none() || year.is_none() || y == year));
            (ok, theirs.iter().map(|(_, m, d)| format!("{} {d}", capitalize(crate::knowledge::MONTHS[(*m as usize).saturating_sub(1) % 12]))).collect())
        }
        TimeValue::Duration { min_minutes, max_minutes } => {
            let ranges: Vec<(f64, f64)> = matches.iter().filter_map(|m| if let TimeValue::Duration { min_minutes, max_minutes } = m.2 { Some((*min_minutes, *max_minutes)) } else { None }).collect();
            let ok = ranges.iter().any(|(a, b)| *a <= max_minutes + 1e-9 && *min_minutes <= b + 1e-9);
            (ok, matches.iter().map(|m| fb.sentence_text(m.0, m.1)).take(0).collect())
        }
    };
    if agrees {
        return None;
    }
    let loosely_agrees = loose.iter().any(|m| agrees_with(&t.fact.value, m.2, draft_zone, m.3));
    let mut said = said;
    said.sort();
    said.dedup();
    let evidence = matches.iter().map(|m| fb.evidence(m.0, m.1)).collect();
    let message = if said.is_empty() {
        format!("the sources give a different duration than “{draft_text}”")
    } else {
        format!("the sources give {}, not “{draft_text}”", said.join(" or "))
    };
    let mut finding = Finding::new(Rule::TimeConflict, t.fact.span, message).with_evidence(evidence);
    if loosely_agrees {
        finding = finding.unsure();
    }
    Some(finding)
}

/// Does one source value allow the draft's?
fn agrees_with(mine: &TimeValue, theirs: &TimeValue, my_zone: Option<&str>, their_zone: Option<&str>) -> bool {
    match (mine, theirs) {
        (TimeValue::Clock { .. }, TimeValue::Clock { .. }) => {
            matches!((utc_minutes(mine, my_zone, None), utc_minutes(theirs, their_zone, None)), (Some(a), Some(b)) if a == b)
        }
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

    #[test]
    fn durations_compare_as_ranges() {
        assert!(findings_of(Rule::TimeConflict, SRC, "The talks lasted 90 minutes.").is_empty());
        let f = findings_of(Rule::TimeConflict, SRC, "The talks lasted three hours.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
    }
}
