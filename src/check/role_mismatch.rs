//! role-mismatch: a title given to a person contradicts every source.

use super::Context;
use crate::extract::roles::Clash;
use crate::finding::{Finding, Rule};

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, n) in cx.draft.names.iter().enumerate() {
        let (Some(p), Some(title)) = (cx.persons[i], n.title.as_ref()) else { continue };
        if cx.in_quote(title.span) {
            continue;
        }
        let Some(person) = cx.fb.people.get(p) else { continue };
        let roles: Vec<_> = person.roles.iter().filter(|r| cx.relevant.contains(&r.doc)).collect();
        if roles.iter().any(|r| r.fact.compatible(&title.role)) {
            continue;
        }
        // The sources' titles that the draft's cannot stand beside. People hold several titles
        // and sources describe them differently, so only a title of the same kind contradicts.
        let clashing: Vec<_> = roles.iter().map(|r| (r, r.fact.clash(&title.role))).filter(|(_, c)| *c != Clash::None).collect();
        if clashing.is_empty() {
            continue;
        }
        // Sources that give the person two offices of this kind may each be right: the person
        // may hold both, and then perhaps the draft's too.
        let sources_agree = clashing.iter().all(|(a, _)| clashing.iter().all(|(b, _)| a.fact.clash(&b.fact) == Clash::None));
        if !sources_agree {
            continue;
        }
        let sure = clashing.iter().any(|(_, c)| *c == Clash::Sure);
        let shown: Vec<_> = clashing.iter().filter(|(_, c)| !sure || *c == Clash::Sure).map(|(r, _)| *r).collect();
        let span = crate::text::Span::new(title.span.start.min(n.span.start), title.span.end.max(n.span.end));
        let mut evidence = Vec::new();
        for r in &shown {
            if !evidence.iter().any(|(d, s)| *d == r.doc && *s == r.sentence) {
                evidence.push((r.doc, r.sentence));
            }
        }
        let evidence = evidence.into_iter().map(|(d, s)| cx.fb.evidence(d, s)).collect();
        // One wording per title: "Labour Minister" and "Labor Minister" are one.
        let mut source_titles: Vec<(String, String)> = Vec::new();
        for r in &shown {
            let reading = r.fact.describe();
            if !source_titles.iter().any(|(seen, _)| *seen == reading) {
                source_titles.push((reading, r.fact.as_written()));
            }
        }
        let source_titles: Vec<String> = source_titles.iter().take(2).map(|(_, t)| format!("“{t}”")).collect();
        let mut message = format!("the sources call {} {}, not “{}”", person.name, source_titles.join(" and "), title.role.as_written());
        if !sure {
            message.push_str(", unless the person holds both");
        }
        let mut f = Finding::new(Rule::RoleMismatch, span, message).with_evidence(evidence);
        if !sure {
            f = f.unsure();
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::{Rule, Severity};

    const SRC: &[&str] = &["Norwegian Trade Minister Alma Brekke arrived on Monday.", "Brekke, who chairs the port board, spoke."];

    #[test]
    fn another_office_when_sources_agree() {
        let src = &["Chief executive Lena Moor opened the plant.", "Lena Moor, the firm's chief executive, spoke."];
        assert_eq!(findings_of(Rule::RoleMismatch, src, "Lena Moor, the firm's finance director, spoke.").len(), 1);
        // Sources giving two offices: she may hold both, or either.
        let src = &["Chief executive Lena Moor opened the plant.", "Board chair Lena Moor spoke."];
        assert!(findings_of(Rule::RoleMismatch, src, "Lena Moor, the firm's finance director, spoke.").is_empty());
    }

    #[test]
    fn other_portfolio_is_flagged() {
        let f = findings_of(Rule::RoleMismatch, SRC, "Alma Brekke, Norway's finance minister, arrived.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("“Norwegian Trade Minister”"), "{}", f[0].message);
        assert!(!f[0].evidence.is_empty());
    }

    #[test]
    fn another_portfolio_of_a_ministry_spokesperson() {
        let src = &["Foreign Ministry spokesperson Ivo Marek said talks would go on."];
        let f = findings_of(Rule::RoleMismatch, src, "Ivo Marek, Norway's defence ministry spokesman, said talks would go on.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].message, "the sources call Ivo Marek “Foreign Ministry spokesperson”, not “Norway's defence ministry spokesman”");
        for ok in ["Ivo Marek, the foreign ministry's spokesman, said so.", "Foreign Ministry spokeswoman Ivo Marek said so.", "Ivo Marek, a ministry spokesman, said so."] {
            assert!(findings_of(Rule::RoleMismatch, src, ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn another_post_in_the_same_organisation() {
        let src = &["The union sent its president, Ola Berg, and health and safety officer Mia Lund.", "Mia Lund, the union's health and safety officer, said safety came first."];
        for wrong in ["Mia Lund, the union's general secretary, arrived.", "Mia Lund, the union's president, arrived."] {
            let f = findings_of(Rule::RoleMismatch, src, wrong);
            assert_eq!(f.len(), 1, "{wrong}: {f:?}");
            assert_eq!(f[0].severity, Severity::Warning, "{wrong}");
        }
        assert!(findings_of(Rule::RoleMismatch, src, "Mia Lund, the union's safety officer, arrived.").is_empty());
        assert!(findings_of(Rule::RoleMismatch, src, "Union negotiator Mia Lund arrived.").is_empty());
    }

    #[test]
    fn a_title_of_the_same_kind_among_several() {
        // The sources call him fire chief and incident commander: a sheriff he is not.
        let src = &["Fire Chief Tomas Ruud said crews were ready.", "Tomas Ruud, the incident commander, spoke at noon."];
        let f = findings_of(Rule::RoleMismatch, src, "Sheriff Tomas Ruud said crews were ready.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(findings_of(Rule::RoleMismatch, src, "Incident commander Tomas Ruud said crews were ready.").is_empty());
        assert!(findings_of(Rule::RoleMismatch, src, "County fire chief Tomas Ruud said crews were ready.").is_empty());
        // A rank the sources do not give.
        let src = &["Governor Ines Varga declared an emergency."];
        assert_eq!(findings_of(Rule::RoleMismatch, src, "Lieutenant Governor Ines Varga declared an emergency.").len(), 1);
        assert!(findings_of(Rule::RoleMismatch, src, "Gov. Ines Varga declared an emergency.").is_empty());
    }

    #[test]
    fn offices_of_other_kinds_are_only_information() {
        let src = &["Foreign Ministry spokesperson Ivo Marek said talks would go on."];
        let f = findings_of(Rule::RoleMismatch, src, "Deputy Foreign Minister Ivo Marek said talks would go on.");
        assert!(f.iter().all(|f| f.severity == Severity::Information), "{f:?}");
    }

    #[test]
    fn same_title_other_spelling_or_other_kind_is_fine() {
        assert!(findings_of(Rule::RoleMismatch, SRC, "Trade minister Alma Brekke arrived.").is_empty());
        assert!(findings_of(Rule::RoleMismatch, SRC, "Trade negotiator Alma Brekke arrived.").is_empty());
    }
}
