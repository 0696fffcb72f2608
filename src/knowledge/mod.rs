//! Built-in general language knowledge. Nothing here may name a person, venue or event of any
//! particular story: all of that is learned from the corpus.

mod attribution;
mod countries;
mod words;
mod zones;

pub use attribution::{
    is_capitalised_non_name, is_cue_filler, is_determiner, is_function_word, is_honorific, is_name_particle,
    is_name_title, is_noun_like_reporting_verb, is_organisation_word, is_party_label, is_reporting_verb, is_speaker_noun, lower,
    subject_pronoun, title_gender,
};
pub use countries::{country_by_phrase, country_by_word, is_country_word, Country, COUNTRIES};
pub use zones::{is_known_city, zone_for_country, zone_for_place};
pub use words::*;
