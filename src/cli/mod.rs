//! The command line: `copydesk check`, `copydesk facts`. The only module that knows about terminals.

mod json;

use crate::config::Config;
use crate::corpus::load;
use crate::facts::FactBase;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "copydesk", version, about = "Fact-check a news draft against its source articles")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
}

#[derive(Subcommand)]
enum Command {
    /// Check drafts against the corpus.
    Check {
        #[arg(long)]
        corpus: Vec<PathBuf>,
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Run the language server on stdin/stdout.
    Serve {
        /// Accepted and ignored: editors pass it, stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Print the facts extracted from a file as JSON.
    Facts {
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        file: PathBuf,
    },
}

/// Runs the CLI and returns the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Check { corpus, config: _, format: _, files } => {
            let loaded = match load::load_paths(&corpus) {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("copydesk: {e}");
                    return 2;
                }
            };
            let facts = FactBase::build(loaded.docs);
            let config = Config::default();
            let mut out = Vec::new();
            for f in &files {
                let Ok(text) = std::fs::read_to_string(f) else {
                    eprintln!("copydesk: cannot read draft {}", f.display());
                    return 2;
                };
                let findings = crate::check::check_draft(&facts, &text, &config);
                out.push(json::file_entry(f, &text, &findings, &facts));
            }
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
            0
        }
        Command::Serve { stdio: _ } => crate::lsp::serve(),
        Command::Facts { format: _, file } => {
            let Ok(text) = std::fs::read_to_string(&file) else {
                eprintln!("copydesk: cannot read {}", file.display());
                return 2;
            };
            let kind = if file.extension().is_some_and(|e| e == "txt") { crate::text::TextKind::Plain } else { crate::text::TextKind::Markdown };
            let facts = crate::extract::document_facts(&text, kind);
            println!("{}", serde_json::to_string_pretty(&facts).unwrap_or_default());
            0
        }
    }
}
