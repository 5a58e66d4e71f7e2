//! Tafukt's language: one small program language with four keyword tables, parsed into an
//! AST that both editors share, compiled to bytecode and run by a resumable VM.
//!
//! Pipeline: [`lexer`] → [`parser`] → [`ast`] → [`compiler`] → [`chunk`] → [`vm`]; the
//! last two come from the `tafukt-vm` crate. The VM reaches the world only through the
//! [`host::Host`] trait.

pub mod ast;
pub mod blocks;
pub mod compiler;
pub mod lexer;
pub mod lexicon;
#[cfg(feature = "ai")]
mod lexicon_ai;
#[cfg(feature = "lists")]
pub mod lexicon_lists;
#[cfg(feature = "puzzles")]
mod lexicon_puzzles;
pub mod parser;
pub mod printer;
pub mod small_sort;
pub mod toolbox;
pub mod typo;

// The runtime lives in its own crate (built for speed); its modules are re-exported here so
// callers see one language crate.
pub use tafukt_vm::{builtins, chunk, diagnostic, disasm, host, limits, value, vm};

pub use ast::{NodeId, Program, Span};
pub use builtins::Builtin;
pub use diagnostic::{Code, Diagnostic};
pub use host::{Host, HostFault};
pub use lexicon::Lang;
pub use limits::Limits;
pub use vm::{Halt, Vm};

/// Parses `source` in `lang` and compiles it, returning the VM-ready chunk or the first
/// diagnostic, which then points at a source range (the tree is not returned with it).
pub fn build(source: &str, lang: Lang) -> Result<(Program, chunk::Chunk), Diagnostic> {
    let program = read(source, lang)?;
    let chunk = compile(&program, lang)?;
    Ok((program, chunk))
}

/// Parses `source` in `lang`: the tree, or the first diagnostic.
pub fn read(source: &str, lang: Lang) -> Result<Program, Diagnostic> {
    let parsed = parser::parse(source, lang);
    match parsed.diagnostics.into_iter().next() {
        Some(first) => Err(first),
        None => Ok(parsed.program),
    }
}

/// Compiles a tree [`read`] gave, written in `lang`: the VM-ready chunk, or the diagnostic,
/// pointing at a source range.
pub fn compile(program: &Program, lang: Lang) -> Result<chunk::Chunk, Diagnostic> {
    let mut chunk = compiler::compile(program).map_err(|d| {
        let span = d.span(program);
        Diagnostic { place: diagnostic::Place::Span(span), ..*d }
    })?;
    chunk.words = words(lang);
    Ok(chunk)
}

/// The words a program's values are shown with (`say`, joined texts, messages): `true`,
/// `false` and the colours as the program's language writes them.
pub fn words(lang: Lang) -> value::Words {
    use lexicon::{spelling, Keyword, Term};
    value::Words {
        yes: spelling(lang, Term::Keyword(Keyword::True)),
        no: spelling(lang, Term::Keyword(Keyword::False)),
        colours: builtins::Colour::ALL.map(|c| spelling(lang, Term::Colour(c))),
    }
}
