//! Times, dates, weekdays and durations.

use crate::text::{Segmented, Span};
use serde::Serialize;

/// Which clock a time of day is read on.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Bounds in minutes; an exact duration has min == max.
    Duration { min_minutes: f64, max_minutes: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeMention {
    pub span: Span,
    pub value: TimeValue,
}

/// Time expressions in sentence `sentence` of `seg`.
pub fn find_times(seg: &Segmented, sentence: usize) -> Vec<TimeMention> {
    let _ = (seg, sentence);
    Vec::new()
}

/// A clock time as minutes after midnight UTC. `local_zone` (an IANA id) reads "local time" and
/// times without a zone; `date` picks the offset of zones with summer time.
pub fn utc_minutes(value: &TimeValue, local_zone: Option<&str>, date: Option<chrono::NaiveDate>) -> Option<i32> {
    let TimeValue::Clock { minutes, zone } = value else { return None };
    let m = *minutes as i32;
    let offset_of = |id: &str| -> Option<i32> {
        use chrono::{Offset, TimeZone};
        let tz: chrono_tz::Tz = id.parse().ok()?;
        let day = date.unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2025, 1, 15).unwrap_or_default());
        let noon = day.and_hms_opt(12, 0, 0)?;
        Some(tz.offset_from_utc_datetime(&noon).fix().local_minus_utc() / 60)
    };
    let offset = match zone {
        Zone::Utc => 0,
        Zone::Offset(o) => *o,
        Zone::Named(id) => offset_of(id)?,
        Zone::Local | Zone::Unspecified => offset_of(local_zone?)?,
    };
    Some((m - offset).rem_euclid(24 * 60))
}
