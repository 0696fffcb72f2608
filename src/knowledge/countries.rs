//! Countries with their demonyms, capitals and seats of power (general knowledge).

#[derive(Debug)]
pub struct Country {
    /// Canonical short name.
    pub name: &'static str,
    /// Other names and abbreviations ("U.S.", "United States", "America").
    pub aliases: &'static [&'static str],
    pub demonyms: &'static [&'static str],
    pub capitals: &'static [&'static str],
    /// Buildings or institutions that stand for the government in news style ("the Kremlin").
    pub seats: &'static [&'static str],
}

macro_rules! c {
    ($name:expr, [$($a:expr),*], [$($d:expr),*], [$($c:expr),*], [$($s:expr),*]) => {
        Country { name: $name, aliases: &[$($a),*], demonyms: &[$($d),*], capitals: &[$($c),*], seats: &[$($s),*] }
    };
}

pub static COUNTRIES: &[Country] = &[
    c!("Afghanistan", [], ["Afghan"], ["Kabul"], []),
    c!("Albania", [], ["Albanian"], ["Tirana"], []),
    c!("Algeria", [], ["Algerian"], ["Algiers"], []),
    c!("Argentina", [], ["Argentine", "Argentinian"], ["Buenos Aires"], ["Casa Rosada"]),
    c!("Armenia", [], ["Armenian"], ["Yerevan"], []),
    c!("Australia", [], ["Australian"], ["Canberra"], []),
    c!("Austria", [], ["Austrian"], ["Vienna"], []),
    c!("Azerbaijan", [], ["Azerbaijani", "Azeri"], ["Baku"], []),
    c!("Belarus", [], ["Belarusian"], ["Minsk"], []),
    c!("Belgium", [], ["Belgian"], ["Brussels"], []),
    c!("Brazil", [], ["Brazilian"], ["Brasilia", "Brasília"], ["Planalto"]),
    c!("Bulgaria", [], ["Bulgarian"], ["Sofia"], []),
    c!("Canada", [], ["Canadian"], ["Ottawa"], []),
    c!("Chile", [], ["Chilean"], ["Santiago"], []),
    c!("China", ["PRC"], ["Chinese"], ["Beijing"], ["Zhongnanhai"]),
    c!("Colombia", [], ["Colombian"], ["Bogota", "Bogotá"], []),
    c!("Croatia", [], ["Croatian", "Croat"], ["Zagreb"], []),
    c!("Cuba", [], ["Cuban"], ["Havana"], []),
    c!("Czech Republic", ["Czechia"], ["Czech"], ["Prague"], []),
    c!("Denmark", [], ["Danish", "Dane"], ["Copenhagen"], []),
    c!("Egypt", [], ["Egyptian"], ["Cairo"], []),
    c!("Estonia", [], ["Estonian"], ["Tallinn"], []),
    c!("Finland", [], ["Finnish", "Finn"], ["Helsinki"], []),
    c!("France", [], ["French"], ["Paris"], ["Elysee", "Élysée"]),
    c!("Georgia", [], ["Georgian"], ["Tbilisi"], []),
    c!("Germany", [], ["German"], ["Berlin"], []),
    c!("Greece", [], ["Greek"], ["Athens"], []),
    c!("Hungary", [], ["Hungarian"], ["Budapest"], []),
    c!("India", [], ["Indian"], ["New Delhi"], []),
    c!("Indonesia", [], ["Indonesian"], ["Jakarta"], []),
    c!("Iran", [], ["Iranian"], ["Tehran"], []),
    c!("Iraq", [], ["Iraqi"], ["Baghdad"], []),
    c!("Ireland", [], ["Irish"], ["Dublin"], []),
    c!("Israel", [], ["Israeli"], ["Jerusalem"], []),
    c!("Italy", [], ["Italian"], ["Rome"], ["Palazzo Chigi"]),
    c!("Japan", [], ["Japanese"], ["Tokyo"], []),
    c!("Kazakhstan", [], ["Kazakh"], ["Astana"], []),
    c!("Kenya", [], ["Kenyan"], ["Nairobi"], []),
    c!("Latvia", [], ["Latvian"], ["Riga"], []),
    c!("Lebanon", [], ["Lebanese"], ["Beirut"], []),
    c!("Lithuania", [], ["Lithuanian"], ["Vilnius"], []),
    c!("Mexico", [], ["Mexican"], ["Mexico City"], []),
    c!("Moldova", [], ["Moldovan"], ["Chisinau"], []),
    c!("Netherlands", ["Holland"], ["Dutch"], ["Amsterdam", "The Hague"], []),
    c!("New Zealand", [], ["New Zealander"], ["Wellington"], []),
    c!("Nigeria", [], ["Nigerian"], ["Abuja"], []),
    c!("North Korea", ["DPRK"], ["North Korean"], ["Pyongyang"], []),
    c!("Norway", [], ["Norwegian"], ["Oslo"], []),
    c!("Pakistan", [], ["Pakistani"], ["Islamabad"], []),
    c!("Poland", [], ["Polish", "Pole"], ["Warsaw"], []),
    c!("Portugal", [], ["Portuguese"], ["Lisbon"], []),
    c!("Qatar", [], ["Qatari"], ["Doha"], []),
    c!("Romania", [], ["Romanian"], ["Bucharest"], []),
    c!("Russia", ["Russian Federation"], ["Russian"], ["Moscow"], ["Kremlin"]),
    c!("Saudi Arabia", [], ["Saudi"], ["Riyadh"], []),
    c!("Serbia", [], ["Serbian", "Serb"], ["Belgrade"], []),
    c!("Slovakia", [], ["Slovak"], ["Bratislava"], []),
    c!("South Africa", [], ["South African"], ["Pretoria"], []),
    c!("South Korea", ["Korea"], ["South Korean", "Korean"], ["Seoul"], ["Blue House"]),
    c!("Spain", [], ["Spanish", "Spaniard"], ["Madrid"], ["Moncloa"]),
    c!("Sweden", [], ["Swedish", "Swede"], ["Stockholm"], []),
    c!("Switzerland", [], ["Swiss"], ["Bern"], []),
    c!("Syria", [], ["Syrian"], ["Damascus"], []),
    c!("Turkey", ["Turkiye", "Türkiye"], ["Turkish", "Turk"], ["Ankara"], []),
    c!("Ukraine", [], ["Ukrainian"], ["Kyiv", "Kiev"], ["Bankova"]),
    c!("United Arab Emirates", ["UAE"], ["Emirati"], ["Abu Dhabi"], []),
    c!("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain"], ["British", "Briton"], ["London"], ["Downing Street", "Whitehall"]),
    c!("United States", ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"], ["American"], ["Washington"], ["White House", "Pentagon"]),
    c!("Venezuela", [], ["Venezuelan"], ["Caracas"], ["Miraflores"]),
    c!("Vietnam", [], ["Vietnamese"], ["Hanoi"], []),
];

/// The country a word or phrase names: its name, an alias, a demonym, its capital or its seat
/// of power. Possessives ("Ukraine's") are accepted.
pub fn country_by_word(word: &str) -> Option<&'static Country> {
    let w = word.trim_end_matches("'s").trim_end_matches("’s").trim_end_matches('\'').trim_end_matches('’');
    let eq = |s: &&str| s.eq_ignore_ascii_case(w);
    COUNTRIES.iter().find(|c| {
        c.name.eq_ignore_ascii_case(w)
            || c.aliases.iter().any(eq)
            || c.demonyms.iter().any(eq)
            || c.demonyms.iter().any(|d| format!("{d}s").eq_ignore_ascii_case(w))
            || c.capitals.iter().any(eq)
            || c.seats.iter().any(eq)
    })
}

pub fn is_country_word(word: &str) -> bool {
    country_by_word(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_by_any_name() {
        for w in ["Ukraine's", "Ukrainian", "Kyiv", "Ukrainians"] {
            assert_eq!(country_by_word(w).map(|c| c.name), Some("Ukraine"), "{w}");
        }
        assert_eq!(country_by_word("Kremlin").map(|c| c.name), Some("Russia"));
        assert_eq!(country_by_word("U.S.").map(|c| c.name), Some("United States"));
        assert!(country_by_word("Palace").is_none());
    }
}
