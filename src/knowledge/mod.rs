//! Built-in general language knowledge. Nothing here may name a person, venue or event of any
//! particular story: all of that is learned from the corpus.

mod countries;
mod words;
mod zones;

pub use countries::{country_by_phrase, country_by_word, is_country_word, Country, COUNTRIES};
pub use zones::{is_known_city, zone_for_country, zone_for_place};
pub use words::*;
