//! Built-in general language knowledge. Nothing here may name a person, venue or event of any
//! particular story: all of that is learned from the corpus.

mod attribution;
mod countries;
mod words;

pub use attribution::*;

pub use countries::{country_by_word, is_country_word, Country, COUNTRIES};
pub use words::*;
