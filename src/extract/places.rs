//! Venues and cities where events happen.

use crate::extract::events::EventKinds;
use crate::extract::names::{NameKind, NameMention};
use crate::text::Segmented;
use crate::knowledge::country_by_word;
use crate::text::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Venue,
    /// A city the built-in lists know (capitals, time-zone cities).
    City,
    /// A country, or a locality named after "in" that no list knows.
    Region,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlaceMention {
    pub span: Span,
    pub name: String,
    pub kind: PlaceKind,
    pub sentence: usize,
}

fn is_venue_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "palace" | "hotel" | "hall" | "center" | "centre" | "stadium" | "arena" | "castle" | "embassy"
            | "square" | "park" | "tower" | "museum" | "cathedral" | "mosque" | "church" | "airport"
            | "library" | "theatre" | "theater" | "complex" | "residence" | "villa" | "pavilion"
            | "chateau" | "château" | "manor" | "lodge" | "resort" | "auditorium" | "ballroom"
    )
}

pub use crate::knowledge::is_known_city;

/// The zone "local time" means in a document: that of the first city among its places (each
/// with its sentence's event kinds, as analyses keep them).
pub fn local_zone_of(places: &[(PlaceMention, EventKinds)]) -> Option<&'static str> {
    places.iter().map(|(p, _)| p).filter(|p| p.kind == PlaceKind::City).find_map(|p| crate::knowledge::zone_for_place(&p.name))
}

/// Places among a document's name mentions. Each is read within its own paragraph (a paragraph's
/// places then depend on nothing outside it, which lets a re-check reuse them).
pub fn find_places(seg: &Segmented, names: &[NameMention]) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    for n in names {
        let text = n.text();
        let paragraph_start = seg.sentences.get(n.sentence).and_then(|s| seg.paragraphs.get(s.paragraph)).map_or(0, |p| p.start).min(n.span.start);
        let after_in = seg.masked.get(paragraph_start..n.span.start).is_some_and(|b| {
            let b = b.trim_end();
            b.ends_with(" in") || b.ends_with("\nin") || b == "in" || b.ends_with(" In")
        });
        if n.words.len() >= 2 && n.words.last().is_some_and(|w| is_venue_word(w)) {
            out.push(PlaceMention { span: n.span, name: text, kind: PlaceKind::Venue, sentence: n.sentence });
        } else if is_known_city(&text) && country_by_word(&text).map_or(true, |c| c.capitals.iter().any(|k| k.eq_ignore_ascii_case(&text))) {
            out.push(PlaceMention { span: n.span, name: text, kind: PlaceKind::City, sentence: n.sentence });
        } else if after_in && (country_by_word(&text).is_some() || n.kind != NameKind::Thing) && n.title.is_none() {
            out.push(PlaceMention { span: n.span, name: text, kind: PlaceKind::Region, sentence: n.sentence });
        }
    }
    out
}

/// Accent- and case-insensitive comparison key ("Çırağan Hall" = "Ciragan Hall").
pub fn place_key(name: &str) -> String {
    name.chars()
        .filter_map(|c| {
            let base = match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
                'í' | 'ì' | 'î' | 'ï' | 'İ' | 'ı' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ö' | 'Ó' => 'o',
                'ú' | 'ù' | 'û' | 'ü' | 'Ü' | 'Ú' => 'u',
                'ç' | 'Ç' => 'c',
                'ş' | 'Ş' => 's',
                'ğ' | 'Ğ' => 'g',
                'ñ' | 'Ñ' => 'n',
                c => c,
            };
            if base.is_alphanumeric() { Some(base.to_lowercase().next().unwrap_or(base)) } else { None }
        })
        .collect()
}
