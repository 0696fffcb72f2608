//! Word lists: speech verbs, titles, calendar words, number words, spelling variants.

/// Verbs that report speech or writing, in the forms news uses.
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "tell", "stated", "states", "added", "adds", "wrote",
    "writes", "tweeted", "tweets", "posted", "posts", "remarked", "remarks", "declared", "declares",
    "noted", "notes", "insisted", "insists", "argued", "argues", "asked", "asks", "warned", "warns",
    "explained", "explains", "claimed", "claims", "announced", "announces", "stressed", "stresses",
    "emphasized", "emphasised", "emphasizes", "emphasises", "continued", "continues", "replied",
    "replies", "responded", "responds", "recalled", "recalls", "acknowledged", "acknowledges",
    "admitted", "admits", "conceded", "concedes", "suggested", "suggests", "predicted", "predicts",
    "promised", "promises", "vowed", "vows", "urged", "urges", "countered", "counters", "quipped",
    "joked", "jokes", "observed", "observes", "commented", "comments", "complained", "complains",
    "confirmed", "confirms", "denied", "denies", "described", "describes", "called", "calls",
    "shouted", "yelled", "whispered", "pleaded", "boasted", "boasts", "reiterated", "reiterates",
    "testified", "testifies", "wrote", "texted", "emailed", "mused", "muses", "cautioned", "cautions",
    "lamented", "laments", "exclaimed", "concluded", "concludes", "agreed", "agrees", "thundered",
    "snapped", "begged", "demanded", "demands", "charged", "charges", "maintained", "maintains",
    "contended", "contends", "asserted", "asserts", "proclaimed", "proclaims", "announced",
    "reportedly", "told",
];

pub fn is_speech_verb(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w != "reportedly" && SPEECH_VERBS.contains(&w.as_str())
}

/// Head words of job titles and roles.
pub const TITLE_HEADS: &[&str] = &[
    "president", "minister", "secretary", "aide", "adviser", "advisor", "spokesperson", "spokesman",
    "spokeswoman", "envoy", "ambassador", "director", "chief", "head", "chairman", "chairwoman",
    "chair", "governor", "senator", "congressman", "congresswoman", "representative", "mayor",
    "premier", "chancellor", "king", "queen", "prince", "princess", "general", "commander",
    "admiral", "colonel", "officer", "official", "negotiator", "leader", "speaker", "deputy",
    "executive", "ceo", "cfo", "coo", "chairperson", "manager", "coach", "captain", "judge",
    "justice", "attorney", "prosecutor", "lawyer", "counsel", "economist", "analyst", "professor",
    "spokesperson", "commissioner", "councillor", "councilor", "councilman", "councilwoman",
    "mp", "lawmaker", "legislator", "diplomat", "emissary", "delegate", "founder", "owner",
    "editor", "correspondent", "reporter", "administrator", "superintendent", "treasurer",
    "vice-president", "vice-chairman", "pope", "bishop", "archbishop", "cardinal", "sheikh",
    "emir", "sultan", "tsar", "czar", "marshal", "lieutenant", "sergeant", "major", "inspector",
    "sheriff", "principal", "dean", "provost", "rector", "president-elect", "strategist",
    "pollster", "candidate", "nominee", "chief-of-staff", "undersecretary", "under-secretary",
    "singer", "rapper", "actor", "actress", "writer", "author", "novelist", "comedian", "presenter",
    "host", "star", "striker", "midfielder", "defender", "goalkeeper", "winger", "player", "boss",
    "musician", "artist", "designer", "producer", "chef", "scientist", "researcher", "doctor",
    "singer-songwriter", "filmmaker", "broadcaster", "journalist", "columnist", "activist",
];

pub fn is_title_head(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_end_matches("'s").trim_end_matches("’s");
    TITLE_HEADS.contains(&w) || TITLE_HEADS.contains(&w.trim_end_matches('s'))
}

/// Words that qualify a title's rank or portfolio without being a name.
pub const TITLE_QUALIFIERS: &[&str] = &[
    "deputy", "vice", "acting", "interim", "former", "senior", "junior", "chief", "first", "second",
    "prime", "foreign", "defense", "defence", "interior", "finance", "economy", "trade", "health",
    "justice", "education", "energy", "agriculture", "transport", "labour", "labor", "culture",
    "state", "home", "general", "executive", "assistant", "associate", "principal", "lead",
    "special", "presidential", "national", "security", "intelligence", "military", "press",
    "communications", "policy", "planning", "foreign-policy", "top", "chief", "managing",
    "shipping", "maritime", "fisheries", "environment", "industry", "tourism", "sports", "sport",
    "youth", "digital", "housing", "infrastructure", "affairs", "development", "social", "welfare",
    "employment", "science", "technology", "research", "budget", "treasury", "commerce", "economic",
    "veterans", "homeland", "transportation", "water", "mines", "mining", "oil", "petroleum", "land",
    "public", "works", "family", "women", "equality", "immigration", "migration", "heritage",
    "information", "media", "telecommunications", "climate", "natural", "resources", "operations",
    "marketing", "sales", "financial", "technical", "legal", "human", "regional", "local", "urban",
    "rural", "food", "aviation", "railways", "ports", "labour", "labor", "pensions",
];

/// Lower-case words that name the service or function of a title ("fire chief", "health and
/// safety officer") and are not in `TITLE_QUALIFIERS`, whose words also mark the titles quote
/// attribution strips from speakers' names.
pub fn is_portfolio_word(word: &str) -> bool {
    matches!(
        word,
        "fire" | "police" | "safety" | "rescue" | "emergency" | "election" | "elections" | "customs" | "border" | "prisons"
            | "corrections" | "parks" | "sanitation" | "procurement" | "compliance" | "risk" | "audit" | "personnel"
            | "engineering" | "production" | "logistics" | "supply" | "strategy" | "investment" | "relations"
            | "membership" | "organising" | "organizing" | "campaigns" | "training" | "recruitment" | "fundraising"
            | "safeguarding" | "accessibility" | "diversity" | "sustainability" | "investigations" | "litigation"
    )
}

/// Words of armed services: an "army officer" holds a rank, not a post in an organisation.
pub fn is_military_word(word: &str) -> bool {
    matches!(word, "army" | "military" | "naval" | "navy" | "air" | "marine" | "marines" | "infantry" | "police" | "intelligence")
}

/// The American spelling of a British title word, so "defence minister" = "defense minister".
pub fn american_spelling(word: &str) -> &str {
    match word {
        "defence" => "defense",
        "labour" => "labor",
        "organisation" => "organization",
        "programme" => "program",
        "advisor" => "adviser",
        "councillor" => "councilor",
        "centre" => "center",
        "theatre" => "theater",
        "honour" => "honor",
        "favour" => "favor",
        _ => word,
    }
}

pub const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
pub const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// 0 = Monday.
pub fn weekday(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    WEEKDAYS.iter().position(|d| *d == w || (w.len() >= 3 && d.starts_with(w) && matches!(w.len(), 3 | 4))).map(|i| i as u8)
}

/// 1 = January. Accepts "Sept." and three-letter forms.
pub fn month(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if w == "sept" {
        return Some(9);
    }
    MONTHS.iter().position(|m| *m == w || (w.len() == 3 && m.starts_with(w))).map(|i| i as u8 + 1)
}

/// Cardinal number words.
pub fn number_word(word: &str) -> Option<f64> {
    let w = word.to_ascii_lowercase();
    let v = match w.as_str() {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        "thousand" => 1_000.0,
        "million" => 1_000_000.0,
        "billion" => 1_000_000_000.0,
        "trillion" => 1_000_000_000_000.0,
        "dozen" => 12.0,
        _ => return None,
    };
    Some(v)
}

/// Function words: never names, never content for topical overlap.
pub const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "if", "then", "of", "in", "on", "at", "to", "for", "from",
    "by", "with", "without", "about", "as", "into", "onto", "over", "under", "after", "before",
    "between", "among", "during", "since", "until", "while", "when", "where", "who", "whom", "whose",
    "which", "that", "this", "these", "those", "it", "its", "he", "she", "they", "them", "their",
    "his", "her", "him", "we", "us", "our", "you", "your", "i", "me", "my", "is", "are", "was",
    "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "not", "no", "so", "than", "too",
    "very", "also", "just", "only", "even", "still", "yet", "there", "here", "what", "how", "why",
    "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "own", "same",
    "up", "down", "out", "off", "again", "further", "once", "per", "via", "against", "through",
    "though", "although", "because", "however", "meanwhile", "instead", "later", "earlier", "now",
    "said", "says", "say", "told", "according", "mr", "mrs", "ms", "dr", "across", "around", "along",
    "alongside", "beyond", "within", "throughout", "toward", "towards", "upon", "near", "behind",
    "beside", "inside", "outside", "above", "below", "beneath", "underneath", "amid", "amidst",
    "amongst", "despite", "unlike",
];

pub fn is_stopword(word: &str) -> bool {
    let w = word.to_lowercase();
    STOPWORDS.contains(&w.as_str())
}

/// Pronouns that can stand for a person who speaks.
pub fn is_person_pronoun(word: &str) -> bool {
    matches!(word.to_ascii_lowercase().as_str(), "he" | "she" | "they")
}

/// Crude English lemma for nouns: "prisoners" → "prisoner", "packages" → "package".
pub fn noun_lemma(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w.trim_end_matches("'s").trim_end_matches("’s");
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if w.len() > 3 && (w.ends_with("ches") || w.ends_with("shes") || w.ends_with("sses") || w.ends_with("xes")) {
        return w[..w.len() - 2].to_string();
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}
