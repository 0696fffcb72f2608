//! role-mismatch: a title given to a person contradicts every source.

use super::Context;
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
        // Same kind of title with another portfolio, rank or country; or another office while
        // the sources agree on one office (someone who holds two would be given both).
        let sources_agree = roles.iter().all(|a| roles.iter().all(|b| a.fact.compatible(&b.fact)));
        let conflicting: Vec<_> = roles
            .iter()
            .filter(|r| r.fact.conflicts(&title.role) || (sources_agree && r.fact.is_office() && title.role.is_office()))
            .collect();
        if conflicting.is_empty() {
            continue;
        }
        let source_title = conflicting[0].fact.describe();
        let span = crate::text::Span::new(title.span.start.min(n.span.start), title.span.end.max(n.span.end));
        let evidence = conflicting.iter().map(|r| cx.fb.evidence(r.doc, r.sentence)).collect();
        out.push(Finding::new(
            Rule::RoleMismatch,
            span,
            format!("the sources give {} as {}, not {}", person.name, source_title, title.role.describe()),
        ).with_evidence(evidence));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::Rule;

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
        assert!(f[0].message.contains("trade"));
        assert!(!f[0].evidence.is_empty());
    }

    #[test]
    fn same_title_other_spelling_or_other_kind_is_fine() {
        assert!(findings_of(Rule::RoleMismatch, SRC, "Trade minister Alma Brekke arrived.").is_empty());
        assert!(findings_of(Rule::RoleMismatch, SRC, "Trade negotiator Alma Brekke arrived.").is_empty());
    }
}
