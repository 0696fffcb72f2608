//! Findings: what a rule reports, before any output format is chosen.

use crate::text::Span;
use serde::{Deserialize, Serialize};

/// The twelve checks. A rule's code is its diagnostic code, its config key and its README anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    DelegationMismatch,
    RoleMismatch,
    TimeConflict,
    NumberMismatch,
    PlaceMismatch,
    QuoteUnattributed,
    QuoteMisattributed,
    QuoteAltered,
    QuoteUnsourced,
    NameMisspelled,
    NameInconsistent,
    SourceConflict,
}

/// The project's home page. Each rule is documented in the README under the anchor named by
/// its code.
pub const HOMEPAGE: &str = "https://github.com/copydesk/copydesk";

impl Rule {
    /// Where the rule is explained: its README section.
    pub fn docs_url(self) -> String {
        format!("{HOMEPAGE}#{}", self.code())
    }

    pub const ALL: [Rule; 12] = [
        Rule::DelegationMismatch,
        Rule::RoleMismatch,
        Rule::TimeConflict,
        Rule::NumberMismatch,
        Rule::PlaceMismatch,
        Rule::QuoteUnattributed,
        Rule::QuoteMisattributed,
        Rule::QuoteAltered,
        Rule::QuoteUnsourced,
        Rule::NameMisspelled,
        Rule::NameInconsistent,
        Rule::SourceConflict,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rule::DelegationMismatch => "delegation-mismatch",
            Rule::RoleMismatch => "role-mismatch",
            Rule::TimeConflict => "time-conflict",
            Rule::NumberMismatch => "number-mismatch",
            Rule::PlaceMismatch => "place-mismatch",
            Rule::QuoteUnattributed => "quote-unattributed",
            Rule::QuoteMisattributed => "quote-misattributed",
            Rule::QuoteAltered => "quote-altered",
            Rule::QuoteUnsourced => "quote-unsourced",
            Rule::NameMisspelled => "name-misspelled",
            Rule::NameInconsistent => "name-inconsistent",
            Rule::SourceConflict => "source-conflict",
        }
    }

    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Rule::QuoteUnsourced | Rule::NameInconsistent | Rule::SourceConflict => Severity::Information,
            _ => Severity::Warning,
        }
    }

    /// One line for docs, `--help` and editor settings.
    pub fn summary(self) -> &'static str {
        match self {
            Rule::DelegationMismatch => "the draft puts a person at the head of, or in, a delegation that the sources give to another person or side",
            Rule::RoleMismatch => "a title or role attached to a person contradicts every source",
            Rule::TimeConflict => "a clock time, date, weekday or duration of an event contradicts every source",
            Rule::NumberMismatch => "a count or quantity contradicts every source",
            Rule::PlaceMismatch => "a venue or city of an event contradicts every source",
            Rule::QuoteUnattributed => "a direct quote has no speaker in the draft",
            Rule::QuoteMisattributed => "the quote is in the sources, said by someone else",
            Rule::QuoteAltered => "the speaker matches but the wording differs from every source version",
            Rule::QuoteUnsourced => "the quote is in no source",
            Rule::NameMisspelled => "a name is close to, but not, a name or known variant in the sources",
            Rule::NameInconsistent => "the draft spells one person two ways",
            Rule::SourceConflict => "the sources disagree on the fact the draft states",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    /// The LSP `DiagnosticSeverity` number.
    pub fn lsp_number(self) -> u8 {
        match self {
            Severity::Error => 1,
            Severity::Warning => 2,
            Severity::Information => 3,
            Severity::Hint => 4,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

/// A source sentence that bears on a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Index of the source document in the corpus.
    pub doc: usize,
    /// Byte span of the sentence in the document's cleaned text.
    pub span: Span,
    pub sentence: String,
}

/// A replacement a quick fix can apply to the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub span: Span,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// Byte span in the draft.
    pub span: Span,
    pub message: String,
    pub evidence: Vec<Evidence>,
    pub fixes: Vec<Fix>,
    /// The rule could not fully confirm the finding; it is reported at information level at most.
    pub unsure: bool,
}

impl Finding {
    pub fn new(rule: Rule, span: Span, message: impl Into<String>) -> Finding {
        Finding { rule, severity: rule.default_severity(), span, message: message.into(), evidence: Vec::new(), fixes: Vec::new(), unsure: false }
    }
    /// Say it, but at information level: the evidence is suggestive, not conclusive.
    pub fn unsure(mut self) -> Finding {
        self.unsure = true;
        self
    }
    pub fn with_evidence(mut self, evidence: Vec<Evidence>) -> Finding {
        self.evidence = evidence;
        self
    }
    pub fn with_fix(mut self, title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Finding {
        self.fixes.push(Fix { title: title.into(), span, replacement: replacement.into() });
        self
    }
}
