//! Places → IANA time zones, for "Moscow time", "12:30 in Kyiv" and "local time" at a venue.
//!
//! City names come from the tz database itself (the last component of "America/New_York"),
//! plus every capital in [`COUNTRIES`] and a few large cities that the tz database files under
//! another city's name.

use super::countries::{country_by_phrase, COUNTRIES};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The zone most of a country's people and its government keep. Countries spanning several
/// zones get the capital's.
const COUNTRY_ZONES: &[(&str, &str)] = &[
    ("Afghanistan", "Asia/Kabul"), ("Albania", "Europe/Tirane"), ("Algeria", "Africa/Algiers"),
    ("Andorra", "Europe/Andorra"), ("Angola", "Africa/Luanda"), ("Antigua and Barbuda", "America/Antigua"),
    ("Argentina", "America/Argentina/Buenos_Aires"), ("Armenia", "Asia/Yerevan"), ("Australia", "Australia/Sydney"),
    ("Austria", "Europe/Vienna"), ("Azerbaijan", "Asia/Baku"), ("Bahamas", "America/Nassau"),
    ("Bahrain", "Asia/Bahrain"), ("Bangladesh", "Asia/Dhaka"), ("Barbados", "America/Barbados"),
    ("Belarus", "Europe/Minsk"), ("Belgium", "Europe/Brussels"), ("Belize", "America/Belize"),
    ("Benin", "Africa/Porto-Novo"), ("Bhutan", "Asia/Thimphu"), ("Bolivia", "America/La_Paz"),
    ("Bosnia and Herzegovina", "Europe/Sarajevo"), ("Botswana", "Africa/Gaborone"), ("Brazil", "America/Sao_Paulo"),
    ("Brunei", "Asia/Brunei"), ("Bulgaria", "Europe/Sofia"), ("Burkina Faso", "Africa/Ouagadougou"),
    ("Burundi", "Africa/Bujumbura"), ("Cabo Verde", "Atlantic/Cape_Verde"), ("Cambodia", "Asia/Phnom_Penh"),
    ("Cameroon", "Africa/Douala"), ("Canada", "America/Toronto"), ("Central African Republic", "Africa/Bangui"),
    ("Chad", "Africa/Ndjamena"), ("Chile", "America/Santiago"), ("China", "Asia/Shanghai"),
    ("Colombia", "America/Bogota"), ("Comoros", "Indian/Comoro"), ("Republic of the Congo", "Africa/Brazzaville"),
    ("Democratic Republic of the Congo", "Africa/Kinshasa"), ("Costa Rica", "America/Costa_Rica"),
    ("Cote d'Ivoire", "Africa/Abidjan"), ("Croatia", "Europe/Zagreb"), ("Cuba", "America/Havana"),
    ("Cyprus", "Asia/Nicosia"), ("Czech Republic", "Europe/Prague"), ("Denmark", "Europe/Copenhagen"),
    ("Djibouti", "Africa/Djibouti"), ("Dominica", "America/Dominica"), ("Dominican Republic", "America/Santo_Domingo"),
    ("Ecuador", "America/Guayaquil"), ("Egypt", "Africa/Cairo"), ("El Salvador", "America/El_Salvador"),
    ("Equatorial Guinea", "Africa/Malabo"), ("Eritrea", "Africa/Asmara"), ("Estonia", "Europe/Tallinn"),
    ("Eswatini", "Africa/Mbabane"), ("Ethiopia", "Africa/Addis_Ababa"), ("Fiji", "Pacific/Fiji"),
    ("Finland", "Europe/Helsinki"), ("France", "Europe/Paris"), ("Gabon", "Africa/Libreville"),
    ("Gambia", "Africa/Banjul"), ("Georgia", "Asia/Tbilisi"), ("Germany", "Europe/Berlin"),
    ("Ghana", "Africa/Accra"), ("Greece", "Europe/Athens"), ("Grenada", "America/Grenada"),
    ("Guatemala", "America/Guatemala"), ("Guinea", "Africa/Conakry"), ("Guinea-Bissau", "Africa/Bissau"),
    ("Guyana", "America/Guyana"), ("Haiti", "America/Port-au-Prince"), ("Honduras", "America/Tegucigalpa"),
    ("Hungary", "Europe/Budapest"), ("Iceland", "Atlantic/Reykjavik"), ("India", "Asia/Kolkata"),
    ("Indonesia", "Asia/Jakarta"), ("Iran", "Asia/Tehran"), ("Iraq", "Asia/Baghdad"),
    ("Ireland", "Europe/Dublin"), ("Israel", "Asia/Jerusalem"), ("Italy", "Europe/Rome"),
    ("Jamaica", "America/Jamaica"), ("Japan", "Asia/Tokyo"), ("Jordan", "Asia/Amman"),
    ("Kazakhstan", "Asia/Almaty"), ("Kenya", "Africa/Nairobi"), ("Kiribati", "Pacific/Tarawa"),
    ("Kuwait", "Asia/Kuwait"), ("Kyrgyzstan", "Asia/Bishkek"), ("Laos", "Asia/Vientiane"),
    ("Latvia", "Europe/Riga"), ("Lebanon", "Asia/Beirut"), ("Lesotho", "Africa/Maseru"),
    ("Liberia", "Africa/Monrovia"), ("Libya", "Africa/Tripoli"), ("Liechtenstein", "Europe/Vaduz"),
    ("Lithuania", "Europe/Vilnius"), ("Luxembourg", "Europe/Luxembourg"), ("Madagascar", "Indian/Antananarivo"),
    ("Malawi", "Africa/Blantyre"), ("Malaysia", "Asia/Kuala_Lumpur"), ("Maldives", "Indian/Maldives"),
    ("Mali", "Africa/Bamako"), ("Malta", "Europe/Malta"), ("Marshall Islands", "Pacific/Majuro"),
    ("Mauritania", "Africa/Nouakchott"), ("Mauritius", "Indian/Mauritius"), ("Mexico", "America/Mexico_City"),
    ("Micronesia", "Pacific/Pohnpei"), ("Moldova", "Europe/Chisinau"), ("Monaco", "Europe/Monaco"),
    ("Mongolia", "Asia/Ulaanbaatar"), ("Montenegro", "Europe/Podgorica"), ("Morocco", "Africa/Casablanca"),
    ("Mozambique", "Africa/Maputo"), ("Myanmar", "Asia/Yangon"), ("Namibia", "Africa/Windhoek"),
    ("Nauru", "Pacific/Nauru"), ("Nepal", "Asia/Kathmandu"), ("Netherlands", "Europe/Amsterdam"),
    ("New Zealand", "Pacific/Auckland"), ("Nicaragua", "America/Managua"), ("Niger", "Africa/Niamey"),
    ("Nigeria", "Africa/Lagos"), ("North Korea", "Asia/Pyongyang"), ("North Macedonia", "Europe/Skopje"),
    ("Norway", "Europe/Oslo"), ("Oman", "Asia/Muscat"), ("Pakistan", "Asia/Karachi"),
    ("Palau", "Pacific/Palau"), ("Palestine", "Asia/Hebron"), ("Panama", "America/Panama"),
    ("Papua New Guinea", "Pacific/Port_Moresby"), ("Paraguay", "America/Asuncion"), ("Peru", "America/Lima"),
    ("Philippines", "Asia/Manila"), ("Poland", "Europe/Warsaw"), ("Portugal", "Europe/Lisbon"),
    ("Qatar", "Asia/Qatar"), ("Romania", "Europe/Bucharest"), ("Russia", "Europe/Moscow"),
    ("Rwanda", "Africa/Kigali"), ("Saint Kitts and Nevis", "America/St_Kitts"), ("Saint Lucia", "America/St_Lucia"),
    ("Saint Vincent and the Grenadines", "America/St_Vincent"), ("Samoa", "Pacific/Apia"),
    ("San Marino", "Europe/San_Marino"), ("Sao Tome and Principe", "Africa/Sao_Tome"), ("Saudi Arabia", "Asia/Riyadh"),
    ("Senegal", "Africa/Dakar"), ("Serbia", "Europe/Belgrade"), ("Seychelles", "Indian/Mahe"),
    ("Sierra Leone", "Africa/Freetown"), ("Singapore", "Asia/Singapore"), ("Slovakia", "Europe/Bratislava"),
    ("Slovenia", "Europe/Ljubljana"), ("Solomon Islands", "Pacific/Guadalcanal"), ("Somalia", "Africa/Mogadishu"),
    ("South Africa", "Africa/Johannesburg"), ("South Korea", "Asia/Seoul"), ("South Sudan", "Africa/Juba"),
    ("Spain", "Europe/Madrid"), ("Sri Lanka", "Asia/Colombo"), ("Sudan", "Africa/Khartoum"),
    ("Suriname", "America/Paramaribo"), ("Sweden", "Europe/Stockholm"), ("Switzerland", "Europe/Zurich"),
    ("Syria", "Asia/Damascus"), ("Tajikistan", "Asia/Dushanbe"), ("Tanzania", "Africa/Dar_es_Salaam"),
    ("Thailand", "Asia/Bangkok"), ("Timor-Leste", "Asia/Dili"), ("Togo", "Africa/Lome"),
    ("Tonga", "Pacific/Tongatapu"), ("Trinidad and Tobago", "America/Port_of_Spain"), ("Tunisia", "Africa/Tunis"),
    ("Turkey", "Europe/Istanbul"), ("Turkmenistan", "Asia/Ashgabat"), ("Tuvalu", "Pacific/Funafuti"),
    ("Uganda", "Africa/Kampala"), ("Ukraine", "Europe/Kyiv"), ("United Arab Emirates", "Asia/Dubai"),
    ("United Kingdom", "Europe/London"), ("United States", "America/New_York"), ("Uruguay", "America/Montevideo"),
    ("Uzbekistan", "Asia/Tashkent"), ("Vanuatu", "Pacific/Efate"), ("Venezuela", "America/Caracas"),
    ("Vietnam", "Asia/Ho_Chi_Minh"), ("Yemen", "Asia/Aden"), ("Zambia", "Africa/Lusaka"),
    ("Zimbabwe", "Africa/Harare"), ("Taiwan", "Asia/Taipei"), ("Kosovo", "Europe/Belgrade"),
    ("Vatican", "Europe/Vatican"),
];

/// Large cities that the tz database does not name, with the zone they keep.
const OTHER_CITIES: &[(&str, &str)] = &[
    ("St Petersburg", "Europe/Moscow"), ("St. Petersburg", "Europe/Moscow"), ("Saint Petersburg", "Europe/Moscow"),
    ("Sochi", "Europe/Moscow"), ("Geneva", "Europe/Zurich"), ("Davos", "Europe/Zurich"), ("Lausanne", "Europe/Zurich"),
    ("Munich", "Europe/Berlin"), ("Frankfurt", "Europe/Berlin"), ("Hamburg", "Europe/Berlin"),
    ("Milan", "Europe/Rome"), ("Naples", "Europe/Rome"), ("Florence", "Europe/Rome"), ("Venice", "Europe/Rome"),
    ("Barcelona", "Europe/Madrid"), ("Marseille", "Europe/Paris"), ("Lyon", "Europe/Paris"), ("Strasbourg", "Europe/Paris"),
    ("Manchester", "Europe/London"), ("Edinburgh", "Europe/London"), ("Glasgow", "Europe/London"),
    ("Rotterdam", "Europe/Amsterdam"), ("Antalya", "Europe/Istanbul"), ("Izmir", "Europe/Istanbul"),
    ("Jeddah", "Asia/Riyadh"), ("Mecca", "Asia/Riyadh"), ("Alexandria", "Africa/Cairo"),
    ("Sharm el-Sheikh", "Africa/Cairo"), ("Mumbai", "Asia/Kolkata"), ("Bombay", "Asia/Kolkata"),
    ("Delhi", "Asia/Kolkata"), ("Bangalore", "Asia/Kolkata"), ("Bengaluru", "Asia/Kolkata"), ("Chennai", "Asia/Kolkata"),
    ("Osaka", "Asia/Tokyo"), ("Kyoto", "Asia/Tokyo"), ("Hiroshima", "Asia/Tokyo"), ("Busan", "Asia/Seoul"),
    ("Guangzhou", "Asia/Shanghai"), ("Shenzhen", "Asia/Shanghai"), ("Wuhan", "Asia/Shanghai"),
    ("Lahore", "Asia/Karachi"), ("San Francisco", "America/Los_Angeles"), ("Seattle", "America/Los_Angeles"),
    ("Las Vegas", "America/Los_Angeles"), ("Boston", "America/New_York"), ("Miami", "America/New_York"),
    ("Atlanta", "America/New_York"), ("Philadelphia", "America/New_York"), ("Houston", "America/Chicago"),
    ("Dallas", "America/Chicago"), ("Rio de Janeiro", "America/Sao_Paulo"), ("Quebec", "America/Toronto"),
    ("Ottawa", "America/Toronto"),
];

/// tz-database last components that are regions, compass points, common English words,
/// first names, or cities whose name is more often another place in the news.
const NOT_CITIES: &[&str] = &[
    "north", "south", "east", "west", "act", "nsw", "lhi", "victoria", "queensland", "tasmania",
    "christmas", "easter", "wake", "midway", "virgin", "resolute", "center", "oral", "jersey",
    "reunion", "regina", "stanley", "johnston", "chatham", "darwin", "currie", "dawson", "beulah",
    "lindeman", "creston", "knox", "knox in", "marengo", "monticello", "vevay", "winamac",
    "petersburg", "tell city", "cordoba", "san juan", "la rioja", "san luis", "merida", "samoa",
    "norfolk", "cocos", "comodrivadavia", "yancowinna", "guernsey", "isle of man", "canary",
    "mayotte", "truk",
];

const TZ_AREAS: &[&str] = &["Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/"];

static PLACES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map: HashMap<String, &'static str> = HashMap::new();
    // Links share a city ("Asia/Istanbul" = "Europe/Istanbul"): the ids chosen for countries
    // go first so that a city resolves to the same id as its country.
    let country_ids = COUNTRY_ZONES.iter().map(|(_, z)| *z);
    for id in country_ids.chain(chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())) {
        if !TZ_AREAS.iter().any(|a| id.starts_with(a)) {
            continue;
        }
        let Some(last) = id.rsplit('/').next() else { continue };
        let key = fold(&last.replace('_', " "));
        if NOT_CITIES.contains(&key.as_str()) {
            continue;
        }
        map.entry(key).or_insert(id);
    }
    for (city, zone) in OTHER_CITIES {
        map.entry(fold(city)).or_insert(zone);
    }
    for c in COUNTRIES {
        let Some(zone) = zone_of_country_name(c.name) else { continue };
        for capital in c.capitals {
            map.entry(fold(capital)).or_insert(zone);
        }
    }
    map
});

/// Lowercase with accents on Latin letters dropped, so "Brasília" = "Brasilia".
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars().flat_map(char::to_lowercase) {
            out.push(match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'ñ' => 'n',
                'ș' | 'ş' => 's',
                'ț' | 'ţ' => 't',
                '\u{2019}' => '\'',
                other => other,
            });
        }
    }
    out
}

fn zone_of_country_name(name: &str) -> Option<&'static str> {
    COUNTRY_ZONES.iter().find(|(n, _)| *n == name).map(|(_, z)| *z)
}

/// The IANA zone of a city or capital ("Istanbul" → "Europe/Istanbul", "new york" →
/// "America/New_York", "Ankara" → "Europe/Istanbul"). Case-insensitive.
pub fn zone_for_place(name: &str) -> Option<&'static str> {
    let key = fold(name.trim());
    if key.is_empty() {
        return None;
    }
    PLACES.get(&key).copied()
}

/// The main zone of a country named by any of its names or demonyms ("Turkish" →
/// "Europe/Istanbul").
pub fn zone_for_country(name: &str) -> Option<&'static str> {
    zone_of_country_name(country_by_phrase(name)?.name)
}

/// A city the tz database or the capitals list knows.
pub fn is_known_city(name: &str) -> bool {
    zone_for_place(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tz_cities_resolve() {
        assert_eq!(zone_for_place("Istanbul"), Some("Europe/Istanbul"));
        assert_eq!(zone_for_place("new york"), Some("America/New_York"));
        assert_eq!(zone_for_place("Buenos Aires"), Some("America/Argentina/Buenos_Aires"));
        assert_eq!(zone_for_place("Kyiv"), Some("Europe/Kyiv"));
    }

    #[test]
    fn capitals_outside_the_tz_list_use_their_country() {
        assert_eq!(zone_for_place("Ankara"), Some("Europe/Istanbul"));
        assert_eq!(zone_for_place("Washington"), Some("America/New_York"));
        assert_eq!(zone_for_place("Brasília"), Some("America/Sao_Paulo"));
        assert_eq!(zone_for_place("New Delhi"), Some("Asia/Kolkata"));
        assert!(is_known_city("Abu Dhabi"));
    }

    #[test]
    fn words_that_are_not_places() {
        for w in ["Christmas", "Easter", "Center", "Regina", "Victoria", "Eastern", "Pacific", "North", "", "time"] {
            assert!(zone_for_place(w).is_none(), "{w}");
        }
    }

    #[test]
    fn every_country_has_a_valid_zone() {
        for c in COUNTRIES {
            let zone = zone_of_country_name(c.name).unwrap_or_else(|| panic!("no zone for {}", c.name));
            assert!(zone.parse::<chrono_tz::Tz>().is_ok(), "{zone}");
        }
        for (_, zone) in OTHER_CITIES {
            assert!(zone.parse::<chrono_tz::Tz>().is_ok(), "{zone}");
        }
        assert_eq!(zone_for_country("Turkish"), Some("Europe/Istanbul"));
    }
}
