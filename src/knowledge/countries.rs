//! Countries with their demonyms, capitals and seats of power (general knowledge).

use std::collections::HashMap;
use std::sync::LazyLock;

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

/// All UN member states plus Taiwan, Kosovo, Palestine and the Vatican. A word shared by two
/// countries ("Guinean", "Congolese", "Dominican") is listed under one only, or left out,
/// so that a lookup never guesses. Capitals that are also common English words or first
/// names ("Male", "Victoria") are listed only in a spelling that cannot be mistaken.
pub static COUNTRIES: &[Country] = &[
    c!("Afghanistan", [], ["Afghan"], ["Kabul"], []),
    c!("Albania", [], ["Albanian"], ["Tirana"], []),
    c!("Algeria", [], ["Algerian"], ["Algiers"], []),
    c!("Andorra", [], ["Andorran"], ["Andorra la Vella"], []),
    c!("Angola", [], ["Angolan"], ["Luanda"], []),
    c!("Antigua and Barbuda", ["Antigua"], ["Antiguan"], ["St. John's", "Saint John's"], []),
    c!("Argentina", [], ["Argentine", "Argentinian"], ["Buenos Aires"], ["Casa Rosada"]),
    c!("Armenia", [], ["Armenian"], ["Yerevan"], []),
    c!("Australia", [], ["Australian"], ["Canberra"], []),
    c!("Austria", [], ["Austrian"], ["Vienna"], ["Hofburg"]),
    c!("Azerbaijan", [], ["Azerbaijani", "Azeri"], ["Baku"], []),
    c!("Bahamas", ["The Bahamas"], ["Bahamian"], ["Nassau"], []),
    c!("Bahrain", [], ["Bahraini"], ["Manama"], []),
    c!("Bangladesh", [], ["Bangladeshi"], ["Dhaka"], []),
    c!("Barbados", [], ["Barbadian", "Bajan"], ["Bridgetown"], []),
    c!("Belarus", [], ["Belarusian"], ["Minsk"], []),
    c!("Belgium", [], ["Belgian"], ["Brussels"], []),
    c!("Belize", [], ["Belizean"], ["Belmopan"], []),
    c!("Benin", [], ["Beninese"], ["Porto-Novo"], []),
    c!("Bhutan", [], ["Bhutanese"], ["Thimphu"], []),
    c!("Bolivia", [], ["Bolivian"], ["Sucre", "La Paz"], []),
    c!("Bosnia and Herzegovina", ["Bosnia", "Bosnia-Herzegovina"], ["Bosnian"], ["Sarajevo"], []),
    c!("Botswana", [], ["Motswana", "Batswana"], ["Gaborone"], []),
    c!("Brazil", [], ["Brazilian"], ["Brasilia", "Brasília"], ["Planalto"]),
    c!("Brunei", ["Brunei Darussalam"], ["Bruneian"], ["Bandar Seri Begawan"], []),
    c!("Bulgaria", [], ["Bulgarian"], ["Sofia"], []),
    c!("Burkina Faso", [], ["Burkinabe", "Burkinabè"], ["Ouagadougou"], []),
    c!("Burundi", [], ["Burundian"], ["Gitega", "Bujumbura"], []),
    c!("Cabo Verde", ["Cape Verde"], ["Cape Verdean", "Cabo Verdean"], ["Praia"], []),
    c!("Cambodia", [], ["Cambodian"], ["Phnom Penh"], []),
    c!("Cameroon", [], ["Cameroonian"], ["Yaounde", "Yaoundé"], []),
    c!("Canada", [], ["Canadian"], ["Ottawa"], ["Parliament Hill", "Rideau Hall"]),
    c!("Central African Republic", ["CAR"], ["Central African"], ["Bangui"], []),
    c!("Chad", [], ["Chadian"], ["N'Djamena", "Ndjamena"], []),
    c!("Chile", [], ["Chilean"], ["Santiago"], ["La Moneda"]),
    c!("China", ["PRC", "People's Republic of China", "Mainland China"], ["Chinese"], ["Beijing", "Peking"], ["Zhongnanhai"]),
    c!("Colombia", [], ["Colombian"], ["Bogota", "Bogotá"], ["Casa de Nariño", "Casa de Narino"]),
    c!("Comoros", [], ["Comorian"], ["Moroni"], []),
    c!("Republic of the Congo", ["Congo-Brazzaville", "Congo Republic"], [], ["Brazzaville"], []),
    c!("Democratic Republic of the Congo", ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "DRCongo"], [], ["Kinshasa"], []),
    c!("Costa Rica", [], ["Costa Rican"], ["San Jose", "San José"], []),
    c!("Cote d'Ivoire", ["Côte d'Ivoire", "Ivory Coast", "Côte d’Ivoire", "Cote d’Ivoire"], ["Ivorian"], ["Yamoussoukro", "Abidjan"], []),
    c!("Croatia", [], ["Croatian", "Croat"], ["Zagreb"], []),
    c!("Cuba", [], ["Cuban"], ["Havana"], []),
    c!("Cyprus", [], ["Cypriot"], ["Nicosia"], []),
    c!("Czech Republic", ["Czechia"], ["Czech"], ["Prague"], ["Prague Castle"]),
    c!("Denmark", [], ["Danish", "Dane"], ["Copenhagen"], ["Christiansborg"]),
    c!("Djibouti", [], ["Djiboutian"], ["Djibouti City"], []),
    c!("Dominica", [], [], ["Roseau"], []),
    c!("Dominican Republic", [], ["Dominican"], ["Santo Domingo"], []),
    c!("Ecuador", [], ["Ecuadorian", "Ecuadorean"], ["Quito"], ["Carondelet"]),
    c!("Egypt", [], ["Egyptian"], ["Cairo"], []),
    c!("El Salvador", [], ["Salvadoran", "Salvadorean"], ["San Salvador"], []),
    c!("Equatorial Guinea", [], ["Equatoguinean"], ["Malabo"], []),
    c!("Eritrea", [], ["Eritrean"], ["Asmara"], []),
    c!("Estonia", [], ["Estonian"], ["Tallinn"], []),
    c!("Eswatini", ["Swaziland"], ["Swazi"], ["Mbabane"], []),
    c!("Ethiopia", [], ["Ethiopian"], ["Addis Ababa"], []),
    c!("Fiji", [], ["Fijian"], ["Suva"], []),
    c!("Finland", [], ["Finnish", "Finn"], ["Helsinki"], []),
    c!("France", [], ["French", "Frenchman", "Frenchmen", "Frenchwoman"], ["Paris"], ["Elysee", "Élysée", "Elysée", "Elysee Palace", "Élysée Palace", "Quai d'Orsay"]),
    c!("Gabon", [], ["Gabonese"], ["Libreville"], []),
    c!("Gambia", ["The Gambia"], ["Gambian"], ["Banjul"], []),
    c!("Georgia", [], ["Georgian"], ["Tbilisi"], []),
    c!("Germany", [], ["German"], ["Berlin"], ["Chancellery", "Kanzleramt", "Bundestag"]),
    c!("Ghana", [], ["Ghanaian"], ["Accra"], []),
    c!("Greece", [], ["Greek"], ["Athens"], ["Maximos Mansion"]),
    c!("Grenada", [], ["Grenadian"], ["St. George's", "Saint George's"], []),
    c!("Guatemala", [], ["Guatemalan"], ["Guatemala City"], []),
    c!("Guinea", ["Guinea-Conakry"], [], ["Conakry"], []),
    c!("Guinea-Bissau", [], ["Bissau-Guinean"], ["Bissau"], []),
    c!("Guyana", [], ["Guyanese"], ["Georgetown"], []),
    c!("Haiti", [], ["Haitian"], ["Port-au-Prince"], []),
    c!("Honduras", [], ["Honduran"], ["Tegucigalpa"], []),
    c!("Hungary", [], ["Hungarian"], ["Budapest"], []),
    c!("Iceland", [], ["Icelandic", "Icelander"], ["Reykjavik", "Reykjavík"], []),
    c!("India", [], ["Indian"], ["New Delhi"], ["South Block", "Rashtrapati Bhavan"]),
    c!("Indonesia", [], ["Indonesian"], ["Jakarta"], []),
    c!("Iran", ["Islamic Republic of Iran"], ["Iranian"], ["Tehran"], []),
    c!("Iraq", [], ["Iraqi"], ["Baghdad"], []),
    c!("Ireland", ["Republic of Ireland", "Eire"], ["Irish"], ["Dublin"], []),
    c!("Israel", [], ["Israeli"], ["Jerusalem"], ["Knesset"]),
    c!("Italy", [], ["Italian"], ["Rome"], ["Palazzo Chigi", "Quirinale"]),
    c!("Jamaica", [], ["Jamaican"], ["Kingston"], []),
    c!("Japan", [], ["Japanese"], ["Tokyo"], ["Kantei"]),
    c!("Jordan", [], ["Jordanian"], ["Amman"], []),
    c!("Kazakhstan", [], ["Kazakh", "Kazakhstani"], ["Astana"], ["Akorda"]),
    c!("Kenya", [], ["Kenyan"], ["Nairobi"], []),
    c!("Kiribati", [], ["I-Kiribati"], ["Tarawa", "South Tarawa"], []),
    c!("Kuwait", [], ["Kuwaiti"], ["Kuwait City"], []),
    c!("Kyrgyzstan", ["Kyrgyz Republic"], ["Kyrgyz", "Kyrgyzstani"], ["Bishkek"], []),
    c!("Laos", ["Lao PDR"], ["Laotian", "Lao"], ["Vientiane"], []),
    c!("Latvia", [], ["Latvian"], ["Riga"], []),
    c!("Lebanon", [], ["Lebanese"], ["Beirut"], []),
    c!("Lesotho", [], ["Basotho", "Mosotho"], ["Maseru"], []),
    c!("Liberia", [], ["Liberian"], ["Monrovia"], []),
    c!("Libya", [], ["Libyan"], ["Tripoli"], []),
    c!("Liechtenstein", [], ["Liechtensteiner"], ["Vaduz"], []),
    c!("Lithuania", [], ["Lithuanian"], ["Vilnius"], []),
    c!("Luxembourg", [], ["Luxembourgish", "Luxembourger"], ["Luxembourg City"], []),
    c!("Madagascar", [], ["Malagasy"], ["Antananarivo"], []),
    c!("Malawi", [], ["Malawian"], ["Lilongwe"], []),
    c!("Malaysia", [], ["Malaysian"], ["Kuala Lumpur", "Putrajaya"], []),
    c!("Maldives", ["The Maldives"], ["Maldivian"], ["Malé"], []),
    c!("Mali", [], ["Malian"], ["Bamako"], []),
    c!("Malta", [], ["Maltese"], ["Valletta"], []),
    c!("Marshall Islands", [], ["Marshallese"], ["Majuro"], []),
    c!("Mauritania", [], ["Mauritanian"], ["Nouakchott"], []),
    c!("Mauritius", [], ["Mauritian"], ["Port Louis"], []),
    c!("Mexico", [], ["Mexican"], ["Mexico City"], ["Los Pinos", "Palacio Nacional"]),
    c!("Micronesia", ["Federated States of Micronesia"], ["Micronesian"], ["Palikir"], []),
    c!("Moldova", [], ["Moldovan"], ["Chisinau", "Chișinău"], []),
    c!("Monaco", [], ["Monegasque", "Monégasque"], [], []),
    c!("Mongolia", [], ["Mongolian"], ["Ulaanbaatar", "Ulan Bator"], []),
    c!("Montenegro", [], ["Montenegrin"], ["Podgorica"], []),
    c!("Morocco", [], ["Moroccan"], ["Rabat"], []),
    c!("Mozambique", [], ["Mozambican"], ["Maputo"], []),
    c!("Myanmar", ["Burma"], ["Burmese"], ["Naypyidaw", "Naypyitaw", "Nay Pyi Taw"], []),
    c!("Namibia", [], ["Namibian"], ["Windhoek"], []),
    c!("Nauru", [], ["Nauruan"], ["Yaren"], []),
    c!("Nepal", [], ["Nepali", "Nepalese"], ["Kathmandu"], []),
    c!("Netherlands", ["Holland", "The Netherlands"], ["Dutch", "Dutchman", "Dutchmen"], ["Amsterdam", "The Hague"], []),
    c!("New Zealand", [], ["New Zealander"], ["Wellington"], []),
    c!("Nicaragua", [], ["Nicaraguan"], ["Managua"], []),
    c!("Niger", [], ["Nigerien"], ["Niamey"], []),
    c!("Nigeria", [], ["Nigerian"], ["Abuja"], ["Aso Rock"]),
    c!("North Korea", ["DPRK", "Democratic People's Republic of Korea"], ["North Korean"], ["Pyongyang"], []),
    c!("North Macedonia", ["Macedonia"], ["Macedonian"], ["Skopje"], []),
    c!("Norway", [], ["Norwegian"], ["Oslo"], []),
    c!("Oman", [], ["Omani"], ["Muscat"], []),
    c!("Pakistan", [], ["Pakistani"], ["Islamabad"], []),
    c!("Palau", [], ["Palauan"], ["Ngerulmud"], []),
    c!("Palestine", ["State of Palestine", "Palestinian Territories", "Palestinian Authority"], ["Palestinian"], ["Ramallah"], []),
    c!("Panama", [], ["Panamanian"], ["Panama City"], []),
    c!("Papua New Guinea", [], ["Papua New Guinean"], ["Port Moresby"], []),
    c!("Paraguay", [], ["Paraguayan"], ["Asuncion", "Asunción"], []),
    c!("Peru", [], ["Peruvian"], ["Lima"], []),
    c!("Philippines", ["The Philippines"], ["Filipino", "Philippine", "Filipina"], ["Manila"], ["Malacanang", "Malacañang"]),
    c!("Poland", [], ["Polish", "Pole"], ["Warsaw"], ["Sejm"]),
    c!("Portugal", [], ["Portuguese"], ["Lisbon"], []),
    c!("Qatar", [], ["Qatari"], ["Doha"], []),
    c!("Romania", [], ["Romanian"], ["Bucharest"], ["Cotroceni"]),
    c!("Russia", ["Russian Federation"], ["Russian"], ["Moscow"], ["Kremlin", "Duma", "State Duma"]),
    c!("Rwanda", [], ["Rwandan"], ["Kigali"], []),
    c!("Saint Kitts and Nevis", ["St. Kitts and Nevis", "St Kitts and Nevis"], ["Kittitian"], ["Basseterre"], []),
    c!("Saint Lucia", ["St. Lucia", "St Lucia"], ["Saint Lucian"], ["Castries"], []),
    c!("Saint Vincent and the Grenadines", ["St. Vincent and the Grenadines", "St Vincent and the Grenadines"], ["Vincentian"], ["Kingstown"], []),
    c!("Samoa", [], ["Samoan"], ["Apia"], []),
    c!("San Marino", [], ["Sammarinese"], ["City of San Marino"], []),
    c!("Sao Tome and Principe", ["São Tomé and Príncipe"], ["Santomean"], ["São Tomé", "Sao Tome"], []),
    c!("Saudi Arabia", ["Kingdom of Saudi Arabia"], ["Saudi"], ["Riyadh"], []),
    c!("Senegal", [], ["Senegalese"], ["Dakar"], []),
    c!("Serbia", [], ["Serbian", "Serb"], ["Belgrade"], []),
    c!("Seychelles", ["The Seychelles"], ["Seychellois"], [], []),
    c!("Sierra Leone", [], ["Sierra Leonean"], ["Freetown"], []),
    c!("Singapore", [], ["Singaporean"], [], []),
    c!("Slovakia", [], ["Slovak"], ["Bratislava"], []),
    c!("Slovenia", [], ["Slovenian", "Slovene"], ["Ljubljana"], []),
    c!("Solomon Islands", [], ["Solomon Islander"], ["Honiara"], []),
    c!("Somalia", [], ["Somali"], ["Mogadishu"], ["Villa Somalia"]),
    c!("South Africa", [], ["South African"], ["Pretoria", "Cape Town"], ["Union Buildings"]),
    c!("South Korea", ["Korea", "Republic of Korea", "ROK"], ["South Korean", "Korean"], ["Seoul"], ["Blue House", "Yongsan"]),
    c!("South Sudan", [], ["South Sudanese"], ["Juba"], []),
    c!("Spain", [], ["Spanish", "Spaniard"], ["Madrid"], ["Moncloa"]),
    c!("Sri Lanka", [], ["Sri Lankan"], ["Colombo", "Sri Jayawardenepura Kotte"], []),
    c!("Sudan", [], ["Sudanese"], ["Khartoum"], []),
    c!("Suriname", [], ["Surinamese"], ["Paramaribo"], []),
    c!("Sweden", [], ["Swedish", "Swede"], ["Stockholm"], ["Rosenbad"]),
    c!("Switzerland", [], ["Swiss"], ["Bern", "Berne"], []),
    c!("Syria", [], ["Syrian"], ["Damascus"], []),
    c!("Tajikistan", [], ["Tajik", "Tajikistani"], ["Dushanbe"], []),
    c!("Tanzania", [], ["Tanzanian"], ["Dodoma", "Dar es Salaam"], []),
    c!("Thailand", [], ["Thai"], ["Bangkok"], []),
    c!("Timor-Leste", ["East Timor"], ["Timorese"], ["Dili"], []),
    c!("Togo", [], ["Togolese"], ["Lome", "Lomé"], []),
    c!("Tonga", [], ["Tongan"], ["Nuku'alofa", "Nukualofa"], []),
    c!("Trinidad and Tobago", ["Trinidad"], ["Trinidadian", "Tobagonian"], ["Port of Spain", "Port-of-Spain"], []),
    c!("Tunisia", [], ["Tunisian"], ["Tunis"], []),
    c!("Turkey", ["Turkiye", "Türkiye"], ["Turkish", "Turk"], ["Ankara"], []),
    c!("Turkmenistan", [], ["Turkmen"], ["Ashgabat"], []),
    c!("Tuvalu", [], ["Tuvaluan"], ["Funafuti"], []),
    c!("Uganda", [], ["Ugandan"], ["Kampala"], []),
    c!("Ukraine", [], ["Ukrainian"], ["Kyiv", "Kiev"], ["Bankova", "Verkhovna Rada"]),
    c!("United Arab Emirates", ["UAE", "U.A.E.", "Emirates"], ["Emirati"], ["Abu Dhabi"], []),
    c!("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain"], ["British", "Briton"], ["London"], ["Downing Street", "Whitehall", "Number 10"]),
    c!("United States", ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"], ["American"], ["Washington", "Washington, D.C.", "Washington D.C."], ["White House", "Pentagon", "Capitol Hill", "Foggy Bottom"]),
    c!("Uruguay", [], ["Uruguayan"], ["Montevideo"], []),
    c!("Uzbekistan", [], ["Uzbek", "Uzbekistani"], ["Tashkent"], []),
    c!("Vanuatu", [], ["Ni-Vanuatu"], ["Port Vila"], []),
    c!("Venezuela", [], ["Venezuelan"], ["Caracas"], ["Miraflores"]),
    c!("Vietnam", ["Viet Nam"], ["Vietnamese"], ["Hanoi"], []),
    c!("Yemen", [], ["Yemeni"], ["Sanaa", "Sana'a", "Aden"], []),
    c!("Zambia", [], ["Zambian"], ["Lusaka"], []),
    c!("Zimbabwe", [], ["Zimbabwean"], ["Harare"], []),
    c!("Taiwan", ["Republic of China", "ROC"], ["Taiwanese"], ["Taipei"], []),
    c!("Kosovo", [], ["Kosovar", "Kosovan"], ["Pristina", "Prishtina"], []),
    c!("Vatican", ["Vatican City", "Holy See"], [], [], []),
];

/// Lookup keys: lowercased names for ordinary words, exact case for all-capital abbreviations
/// so that "US", "CAR" and "ROK" never match the words "us", "car" or a shouted "rok".
struct CountryIndex {
    folded: HashMap<String, usize>,
    exact: HashMap<&'static str, usize>,
}

fn is_capital_abbreviation(s: &str) -> bool {
    s.len() >= 2 && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_uppercase())
}

static INDEX: LazyLock<CountryIndex> = LazyLock::new(|| {
    let mut folded = HashMap::new();
    let mut exact = HashMap::new();
    for (i, c) in COUNTRIES.iter().enumerate() {
        let plurals: Vec<String> = c.demonyms.iter().map(|d| format!("{d}s")).collect();
        let names = std::iter::once(c.name)
            .chain(c.aliases.iter().copied())
            .chain(c.capitals.iter().copied())
            .chain(c.seats.iter().copied())
            .chain(c.demonyms.iter().copied());
        for key in names {
            if is_capital_abbreviation(key) {
                exact.entry(key).or_insert(i);
            } else {
                folded.entry(normalize(key)).or_insert(i);
            }
        }
        for p in plurals {
            folded.entry(normalize(&p)).or_insert(i);
        }
    }
    CountryIndex { folded, exact }
});

/// Lowercase, curly apostrophes straightened, runs of whitespace collapsed.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }).flat_map(char::to_lowercase));
    }
    out
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

fn lookup(key: &str) -> Option<&'static Country> {
    if key.is_empty() {
        return None;
    }
    let index = &*INDEX;
    let i = index.exact.get(key).or_else(|| index.folded.get(&normalize(key)))?;
    COUNTRIES.get(*i)
}

/// The country a word or phrase names: its name, an alias, a demonym, its capital or its seat
/// of power. Possessives ("Ukraine's") are accepted.
pub fn country_by_word(word: &str) -> Option<&'static Country> {
    lookup(strip_possessive(word.trim()))
}

/// Like [`country_by_word`] for a multi-word phrase ("New Zealand", "the White House",
/// "Downing Street's"): whitespace is collapsed and a leading "the" is ignored unless it is
/// part of the name ("The Hague").
pub fn country_by_phrase(phrase: &str) -> Option<&'static Country> {
    let p = strip_possessive(phrase.trim());
    lookup(p).or_else(|| {
        let rest = p.strip_prefix("the ").or_else(|| p.strip_prefix("The "))?;
        lookup(rest.trim_start())
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

    #[test]
    fn every_un_member_and_the_observers_are_listed() {
        assert_eq!(COUNTRIES.len(), 197);
        for w in ["Eswatini", "Tuvalu", "Bhutanese", "Ouagadougou", "Kosovar", "Holy See", "Taipei", "Ramallah"] {
            assert!(country_by_phrase(w).is_some(), "{w}");
        }
    }

    #[test]
    fn multi_word_names_and_seats() {
        assert_eq!(country_by_phrase("New Zealand").map(|c| c.name), Some("New Zealand"));
        assert_eq!(country_by_phrase("United  States").map(|c| c.name), Some("United States"));
        assert_eq!(country_by_phrase("the White House").map(|c| c.name), Some("United States"));
        assert_eq!(country_by_phrase("Downing Street’s").map(|c| c.name), Some("United Kingdom"));
        assert_eq!(country_by_phrase("The Hague").map(|c| c.name), Some("Netherlands"));
        assert_eq!(country_by_phrase("Zhongnanhai").map(|c| c.name), Some("China"));
        assert_eq!(country_by_phrase("Elysée").map(|c| c.name), Some("France"));
        assert!(country_by_phrase("the Palace").is_none());
    }

    #[test]
    fn abbreviations_match_only_in_capitals() {
        assert_eq!(country_by_word("US").map(|c| c.name), Some("United States"));
        assert!(country_by_word("us").is_none());
        assert!(country_by_word("car").is_none());
        assert_eq!(country_by_word("CAR").map(|c| c.name), Some("Central African Republic"));
    }

    #[test]
    fn common_words_are_not_capitals() {
        for w in ["male", "Male", "victoria", "Chancellor", "congo"] {
            assert!(country_by_word(w).is_none(), "{w}");
        }
    }

    #[test]
    fn no_key_names_two_countries() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for c in COUNTRIES {
            let keys = std::iter::once(c.name).chain(c.aliases.iter().copied()).chain(c.demonyms.iter().copied())
                .chain(c.capitals.iter().copied()).chain(c.seats.iter().copied());
            for k in keys {
                if let Some(other) = seen.insert(normalize(k), c.name) {
                    assert_eq!(other, c.name, "{k} is listed under two countries");
                }
            }
        }
    }
}
