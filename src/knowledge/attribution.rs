//! Word lists for attributing quotes: extra reporting verbs, words that may sit between a
//! speaker and the verb, titles written before names, and nouns that describe a speaker.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Reporting verbs news uses that `SPEECH_VERBS` does not list, plus base forms needed after
/// auxiliaries ("has said", "would say").
const EXTRA_SPEECH_VERBS: &[&str] = &[
    "explain",
    "add",
    "write",
    "recall",
    "insist",
    "note",
    "argue",
    "ask",
    "warn",
    "declare",
    "continue",
    "reply",
    "respond",
    "acknowledge",
    "admit",
    "tweet",
    "post",
    "predicted",
    "scoffed",
    "sighed",
    "interjected",
    "interrupted",
    "retorted",
    "chimed",
    "offered",
    "opined",
    "ventured",
    "elaborated",
    "clarified",
    "announced",
    "speculated",
    "pointed",
    "wondered",
    "marveled",
    "marvelled",
    "screamed",
    "chanted",
    "cried",
    "groaned",
    "griped",
    "grumbled",
    "bragged",
    "railed",
    "raged",
    "fumed",
    "bristled",
    "hinted",
    "implored",
    "pressed",
    "recounted",
    "related",
    "reported",
    "reports",
    "shot",
    "summed",
    "told",
    "touted",
    "conceded",
    "suggested",
    "emphasized",
    "concluded",
    "reasoned",
    "advised",
    "assured",
    "alleged",
    "alleges",
    "objected",
    "protested",
    "rejoined",
    "echoed",
    "explaining",
    "adding",
    "saying",
    "telling",
    "writing",
    "noting",
    "arguing",
    "asking",
    "warning",
    "insisting",
    "declaring",
    "calling",
    "stressing",
    "according",
    "likened",
    "dubbed",
    "labeled",
    "labelled",
    "branded",
    "termed",
    "characterized",
    "characterised",
    "blasted",
    "slammed",
    "criticized",
    "criticised",
    "accused",
    "praised",
    "attacked",
    "mocked",
    "derided",
    "dismissed",
    "hailed",
    "decried",
    "condemned",
    "lambasted",
    "ridiculed",
    "scolded",
    "chided",
    "assailed",
    "questioned",
    "wrote",
    "sang",
    "sings",
    "yells",
    "yell",
    "shouts",
    "shout",
    "screams",
    "scream",
    "cries",
    "tweeting",
    "posting",
    "stating",
    "announcing",
    "claiming",
    "quipping",
    "joking",
    "responding",
    "replying",
    "recalling",
    "vowing",
    "promising",
    "urging",
    "suggesting",
    "acknowledging",
    "admitting",
    "boasting",
    "shouting",
    "yelling",
    "chanting",
    "pleading",
    "complaining",
    "emphasizing",
    "emphasising",
    "stressing",
    "predicting",
    "conceding",
    "confessed",
    "confided",
    "confesses",
    "whispers",
    "chants",
    "pleads",
    "begs",
    "beamed",
    "barked",
    "snarled",
    "growled",
    "boomed",
    "quip",
    "quips",
    "joke",
    "reply",
    "answered",
    "answer",
    "shrugged",
    "laughed",
    "smiled",
    "cheered",
    "hollered",
    "bellowed",
    "roared",
    "intoned",
    "mumbled",
    "muttered",
    "stammered",
    "sniffed",
    "huffed",
    "gushed",
    "raved",
    "enthused",
    "read",
    "reads",
    "tweeted",
    "retweeted",
    "captioned",
];

static REPORTING_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::knowledge::SPEECH_VERBS
        .iter()
        .chain(EXTRA_SPEECH_VERBS)
        .copied()
        .filter(|w| *w != "reportedly")
        .collect()
});

static STOPWORD_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::knowledge::STOPWORDS.iter().copied().collect());

/// The word in lower case, without allocating when it already is.
pub fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// `is_speech_verb` plus the extra forms above; a set lookup, since it runs on every token.
pub fn is_reporting_verb(word: &str) -> bool {
    REPORTING_VERBS.contains(lower(word).as_ref())
}

/// `is_stopword` as a set lookup.
pub fn is_function_word(word: &str) -> bool {
    STOPWORD_SET.contains(lower(word).as_ref())
}

/// Verb forms that also work as nouns ("the claims", "his remarks"): only a verb when a
/// speaker comes right before or after them.
pub fn is_noun_like_reporting_verb(word: &str) -> bool {
    matches!(
        lower(word).as_ref(),
        "states"
            | "claims"
            | "notes"
            | "remarks"
            | "comments"
            | "posts"
            | "demands"
            | "charges"
            | "promises"
            | "calls"
            | "reports"
            | "tweets"
            | "shot"
            | "summed"
            | "related"
    )
}

/// Words that can stand between a speaker and the reporting verb ("he later said",
/// "she has repeatedly told").
pub fn is_cue_filler(word: &str) -> bool {
    matches!(
        lower(word).as_ref(),
        "also"
            | "later"
            | "then"
            | "has"
            | "had"
            | "have"
            | "once"
            | "previously"
            | "recently"
            | "again"
            | "would"
            | "will"
            | "reportedly"
            | "further"
            | "repeatedly"
            | "simply"
            | "finally"
            | "quickly"
            | "flatly"
            | "publicly"
            | "privately"
            | "bluntly"
            | "frankly"
            | "earlier"
            | "often"
            | "frequently"
            | "once told"
            | "just"
            | "even"
            | "first"
            | "angrily"
            | "jokingly"
            | "softly"
            | "quietly"
            | "loudly"
            | "proudly"
            | "calmly"
            | "sarcastically"
            | "candidly"
            | "defiantly"
            | "immediately"
            | "subsequently"
            | "similarly"
            | "separately"
            | "explicitly"
            | "famously"
            | "memorably"
            | "still"
            | "always"
            | "never"
            | "did"
            | "does"
            | "do"
            | "was"
            | "is"
            | "went"
            | "on"
    )
}

/// Titles and honorifics written before a name; stripped from the name ("Sen.", "Mr.",
/// "Foreign Minister"). Lower-case, without the dot.
pub fn is_name_title(word: &str) -> bool {
    let w = lower(word.trim_end_matches('.'));
    is_honorific(word)
        || matches!(
        w.as_ref(),
        "pres"
            | "lord"
            | "lady"
            | "senator"
            | "congressman"
            | "congresswoman"
            | "governor"
            | "mayor"
            | "judge"
            | "justice"
            | "pastor"
            | "father"
            | "rabbi"
            | "imam"
            | "st"
            | "reverend"
            | "professor"
            | "doctor"
            | "madam"
            | "madame"
            | "monsieur"
            | "herr"
            | "frau"
            | "ambassador"
            | "councilman"
            | "councilwoman"
            | "attorney"
            | "commissioner"
            | "chairman"
            | "chairwoman"
            | "speaker"
            | "leader"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "candidate"
            | "nominee"
            | "treasurer"
            | "former"
            | "then"
            | "acting"
            | "interim"
            | "deputy"
            | "vice"
            | "assistant"
            | "chief"
            | "minority"
            | "majority"
            | "house"
            | "senate"
            | "sheriff"
            | "officer"
            | "detective"
            | "sergeant"
            | "captain"
            | "colonel"
            | "general"
            | "admiral"
            | "lieutenant"
            | "coach"
            | "president-elect"
            | "vice-president"
    ) || TITLE_WORDS.contains(w.as_ref())
        || w.strip_suffix('s')
            .is_some_and(|singular| crate::knowledge::TITLE_HEADS.contains(&singular))
}

/// Title heads and qualifiers as one set (`is_title_head` scans lists; this runs per token).
static TITLE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::knowledge::TITLE_HEADS
        .iter()
        .chain(crate::knowledge::TITLE_QUALIFIERS)
        .copied()
        .collect()
});

/// Short honorifics that only ever stand before a name ("Mr. King", where "King" is also a
/// title word).
pub fn is_honorific(word: &str) -> bool {
    matches!(
        lower(word.trim_end_matches('.')).as_ref(),
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "prof"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "capt"
            | "sgt"
            | "adm"
            | "maj"
            | "cmdr"
            | "rev"
            | "hon"
            | "sir"
            | "dame"
            | "del"
    )
}

/// Female (true) or male (false) for honorifics and gendered titles; `None` for the rest.
/// Only words that settle it: "chairman" and "spokesman" are used for women too.
pub fn title_gender(word: &str) -> Option<bool> {
    match lower(word.trim_end_matches('.')).as_ref() {
        "mrs" | "ms" | "miss" | "madam" | "madame" | "mme" | "lady" | "dame" | "queen"
        | "princess" | "duchess" | "empress" | "congresswoman" | "spokeswoman" | "chairwoman"
        | "businesswoman" | "councilwoman" | "congresswomen" | "mother" | "wife" | "daughter"
        | "sister" | "grandmother" | "actress" | "frau" | "señora" | "sra" => Some(true),
        "mr" | "sir" | "lord" | "king" | "prince" | "duke" | "emperor" | "husband" | "father"
        | "son" | "brother" | "grandfather" | "herr" | "señor" | "sr" => Some(false),
        _ => None,
    }
}

/// Lower-case particles inside personal names ("Ursula von der Leyen", "Charles de Gaulle").
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "von"
            | "van"
            | "der"
            | "den"
            | "de"
            | "la"
            | "le"
            | "du"
            | "da"
            | "di"
            | "dos"
            | "das"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "ter"
            | "del"
            | "y"
    )
}

/// A party member's label written before a name ("Conservative Ann Roe", "Liberal Democrat
/// Ann Roe"): a description of the person, not part of the name.
pub fn is_party_label(word: &str) -> bool {
    matches!(
        lower(word).as_ref(),
        "conservative" | "liberal" | "democrat" | "republican" | "labour" | "tory" | "socialist" | "libertarian"
    )
}

/// Capitalised words that begin a sentence or clause without being a name.
pub fn is_capitalised_non_name(word: &str) -> bool {
    let w = lower(word);
    // Contractions: "I'm", "It's", "Don't".
    let w_plain = w.replace('\u{2019}', "'");
    if ["'m", "'ve", "'ll", "'re", "'d", "n't"]
        .iter()
        .any(|e| w_plain.ends_with(e))
        || matches!(
            w_plain.as_str(),
            "it's" | "that's" | "there's" | "here's" | "what's" | "let's"
        )
    {
        return true;
    }
    is_function_word(&w)
        || crate::knowledge::weekday(&w).is_some()
        || crate::knowledge::month(&w).is_some()
        || matches!(
            w.as_ref(),
            "in" | "on"
                | "at"
                | "but"
                | "and"
                | "asked"
                | "when"
                | "yes"
                | "no"
                | "well"
                | "oh"
                | "still"
                | "speaking"
                | "writing"
                | "today"
                | "yesterday"
                | "tonight"
                | "tomorrow"
                | "last"
                | "next"
                | "this"
                | "that"
                | "i"
                | "we"
                | "you"
                | "it"
                | "as"
                | "like"
                | "unlike"
                | "despite"
                | "according"
                | "mostly"
                | "however"
                | "thus"
                | "indeed"
                | "instead"
                | "again"
                | "sources"
                | "officials"
                | "likewise"
                | "otherwise"
                | "similarly"
                | "additionally"
                | "furthermore"
                | "moreover"
                | "nevertheless"
                | "nonetheless"
                | "consequently"
                | "finally"
                | "meanwhile"
                | "besides"
                | "then"
                | "now"
                | "here"
                | "there"
                | "so"
                | "yet"
                | "also"
        )
}

/// Pronouns that report speech as a subject, with whether they stand for one person.
pub fn subject_pronoun(word: &str) -> Option<bool> {
    match lower(word).as_ref() {
        "he" | "she" => Some(true),
        // "it" speaks for a statement, a report or an organisation ("“…,” it said").
        "they" | "we" | "i" | "it" => Some(false),
        _ => None,
    }
}

/// Words that open a descriptive noun phrase ("the official", "a spokeswoman", "his aide").
pub fn is_determiner(word: &str) -> bool {
    matches!(
        lower(word).as_ref(),
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "one"
            | "another"
            | "two"
            | "three"
            | "several"
            | "some"
            | "many"
            | "other"
            | "both"
            | "most"
            | "few"
            | "our"
            | "this"
            | "these"
            | "those"
            | "each"
            | "every"
            | "no"
            | "my"
            | "your"
    )
}

/// Nouns that can head a description of a speaker besides job titles.
pub fn is_speaker_noun(word: &str) -> bool {
    let w = crate::knowledge::noun_lemma(word);
    // "the 46-year-old", "a 30-something".
    if w.ends_with("-old") || w.ends_with("-something") {
        return true;
    }
    crate::knowledge::is_title_head(&w)
        || matches!(
            w.as_str(),
            "source"
                | "person"
                | "people"
                | "man"
                | "woman"
                | "voter"
                | "supporter"
                | "resident"
                | "witness"
                | "expert"
                | "critic"
                | "member"
                | "staffer"
                | "activist"
                | "worker"
                | "student"
                | "teacher"
                | "doctor"
                | "nurse"
                | "soldier"
                | "veteran"
                | "parent"
                | "mother"
                | "father"
                | "friend"
                | "neighbor"
                | "neighbour"
                | "organizer"
                | "campaign"
                | "statement"
                | "report"
                | "letter"
                | "memo"
                | "release"
                | "post"
                | "tweet"
                | "message"
                | "ad"
                | "advertisement"
                | "poll"
                | "survey"
                | "study"
                | "document"
                | "website"
                | "newspaper"
                | "network"
                | "agency"
                | "ministry"
                | "department"
                | "office"
                | "government"
                | "administration"
                | "committee"
                | "group"
                | "organization"
                | "organisation"
                | "company"
                | "spokesperson"
                | "aide"
                | "agent"
                | "consultant"
                | "operative"
                | "strategist"
                | "donor"
                | "fan"
                | "protester"
                | "protestor"
                | "attendee"
                | "candidate"
                | "host"
                | "moderator"
                | "anchor"
                | "writer"
                | "author"
                | "columnist"
                | "commentator"
                | "pundit"
                | "historian"
                | "scholar"
                | "researcher"
                | "scientist"
                | "economist"
                | "republican"
                | "democrat"
                | "conservative"
                | "liberal"
                | "insider"
                | "observer"
                | "employee"
                | "owner"
                | "victim"
                | "relative"
                | "husband"
                | "wife"
                | "son"
                | "daughter"
                | "brother"
                | "sister"
                | "colleague"
                | "ally"
                | "opponent"
                | "rival"
                | "challenger"
                | "incumbent"
                | "nominee"
                | "lawyer"
                | "aides"
                | "officials"
                | "sources"
                | "individual"
                | "citizen"
                | "immigrant"
                | "official"
                | "spokesman"
                | "spokeswoman"
                | "representative"
                | "businessman"
                | "businesswoman"
                | "billionaire"
                | "mogul"
                | "magnate"
                | "entrepreneur"
                | "announcer"
                | "narrator"
                | "senator"
                | "mayor"
                | "ruling"
                | "opinion"
                | "filing"
                | "lawsuit"
                | "complaint"
                | "indictment"
                | "verdict"
                | "guidance"
                | "rule"
                | "bill"
                | "law"
                | "book"
                | "article"
                | "piece"
                | "editorial"
                | "column"
                | "essay"
                | "video"
                | "commercial"
                | "spot"
                | "sign"
                | "banner"
                | "caption"
                | "headline"
                | "transcript"
                | "email"
                | "e-mail"
                | "note"
                | "ticket"
        )
}

/// Words that end a name-like capitalised run as an organisation, not a person.
pub fn is_organisation_word(word: &str) -> bool {
    matches!(
        lower(word).as_ref(),
        "party"
            | "authority"
            | "authorities"
            | "corporation"
            | "ltd"
            | "plc"
            | "coalition"
            | "alliance"
            | "federation"
            | "airport"
            | "railway"
            | "railways"
            | "directorate"
            | "secretariat"
            | "house"
            | "times"
            | "post"
            | "news"
            | "department"
            | "ministry"
            | "committee"
            | "council"
            | "agency"
            | "office"
            | "university"
            | "institute"
            | "center"
            | "centre"
            | "foundation"
            | "association"
            | "union"
            | "court"
            | "congress"
            | "senate"
            | "parliament"
            | "campaign"
            | "journal"
            | "network"
            | "press"
            | "company"
            | "group"
            | "inc"
            | "corp"
            | "bank"
            | "securities"
            | "holdings"
            | "investments"
            | "fund"
            | "organization"
            | "organisation"
            | "commission"
            | "administration"
            | "government"
            | "magazine"
            | "tribune"
            | "herald"
            | "globe"
            | "daily"
            | "weekly"
            | "review"
            | "service"
            | "services"
            | "board"
            | "bureau"
            | "police"
            | "army"
            | "navy"
            | "force"
            | "forces"
            | "club"
            | "league"
            | "network's"
            | "club's"
            | "school"
            | "college"
            | "hospital"
            | "church"
            | "airlines"
            | "media"
            | "tv"
            | "radio"
            | "channel"
            | "show"
            | "program"
            | "programme"
            | "website"
            | "blog"
            | "state"
            | "states"
            | "city"
            | "county"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_verbs_include_base_forms_and_extra_words() {
        assert!(is_reporting_verb("said"));
        assert!(is_reporting_verb("Explained"));
        assert!(is_reporting_verb("retorted"));
        assert!(!is_reporting_verb("walked"));
    }

    #[test]
    fn gender_words_and_contractions() {
        assert_eq!(title_gender("Mrs."), Some(true));
        assert_eq!(title_gender("Mr"), Some(false));
        assert_eq!(title_gender("chairman"), None);
        assert!(is_capitalised_non_name("I’m"));
        assert!(is_capitalised_non_name("Likewise"));
        assert!(!is_capitalised_non_name("O’Neill"));
    }

    #[test]
    fn titles_and_particles() {
        assert!(is_name_title("Sen."));
        assert!(is_name_title("Minister"));
        assert!(!is_name_title("Walter"));
        assert!(is_name_particle("von"));
        assert!(!is_name_particle("Von"));
    }

    #[test]
    fn pronoun_number() {
        assert_eq!(subject_pronoun("She"), Some(true));
        assert_eq!(subject_pronoun("they"), Some(false));
        assert_eq!(subject_pronoun("it"), Some(false));
        assert_eq!(subject_pronoun("him"), None);
    }
}
