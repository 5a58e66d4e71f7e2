//! Diagnostics as data: a code, where it points, and named arguments. The words live in the
//! message catalogue (`tafukt-i18n`), keyed by [`Code::key`], so every language can say them.

use crate::ids::{NodeId, Span};

/// Every problem the language can report, at parse, compile or run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    // Parse.
    UnexpectedChar,
    UnclosedText,
    NumberTooLong,
    RepeatNeedsCount,
    RepeatNeedsTimes,
    MissingEnd,
    StrayEnd,
    StrayElse,
    NeedsCondition,
    ExpectedValue,
    UnknownWord,
    ExtraOnLine,
    ForEachShape,
    DefineNeedsName,
    UnclosedParen,
    UnclosedList,
    TooDeep,
    SensorAsStatement,
    ActionAsValue,
    WrongArgCount,
    ExpectedStatement,
    ProgramTooLong,
    // Compile.
    ReturnOutsideDefine,
    DefineNotAtTop,
    DuplicateDefine,
    TooManyVariables,
    TooManyParameters,
    // Run.
    StepLimit,
    ActionLimit,
    LoopLimit,
    CallDepth,
    ListTooLong,
    ListTooDeep,
    TextTooLong,
    NoValue,
    NotANumber,
    NotABoolean,
    NotAList,
    DivideByZero,
    NotAllowed,
    /// `repeat` was given a count below zero.
    NegativeRepeat,
    /// Everything (the world and the program's place and values) is back as it was some
    /// actions ago: the program goes round in circles for ever (`Vm::state_hash`).
    EndlessCircle,
    /// Lists (the full app's): a joining word such as `of` is missing after a value.
    #[cfg(feature = "lists")]
    ExpectedWord,
    /// `add`, `remove item` or `replace item` on something other than a variable's name.
    #[cfg(feature = "lists")]
    ListNeedsVariable,
    /// A list built-in was given something other than a list.
    #[cfg(feature = "lists")]
    NeedsList,
    /// A position outside the list (or not a whole number).
    #[cfg(feature = "lists")]
    ListPosition,
    /// Any position of an empty list.
    #[cfg(feature = "lists")]
    ListEmpty,
    /// A fault the world reported, with the world's own key (e.g. `hit-wall`).
    World(&'static str),
}

impl Code {
    /// The catalogue key, e.g. `parse.repeat-needs-count`.
    pub fn key(self) -> String {
        let (layer, name) = match self {
            Code::UnexpectedChar => ("parse", "unexpected-char"),
            Code::UnclosedText => ("parse", "unclosed-text"),
            Code::NumberTooLong => ("parse", "number-too-long"),
            Code::RepeatNeedsCount => ("parse", "repeat-needs-count"),
            Code::RepeatNeedsTimes => ("parse", "repeat-needs-times"),
            Code::MissingEnd => ("parse", "missing-end"),
            Code::StrayEnd => ("parse", "stray-end"),
            Code::StrayElse => ("parse", "stray-else"),
            Code::NeedsCondition => ("parse", "needs-condition"),
            Code::ExpectedValue => ("parse", "expected-value"),
            Code::UnknownWord => ("parse", "unknown-word"),
            Code::ExtraOnLine => ("parse", "extra-on-line"),
            Code::ForEachShape => ("parse", "for-each-shape"),
            Code::DefineNeedsName => ("parse", "define-needs-name"),
            Code::UnclosedParen => ("parse", "unclosed-paren"),
            Code::UnclosedList => ("parse", "unclosed-list"),
            Code::TooDeep => ("parse", "too-deep"),
            Code::SensorAsStatement => ("parse", "sensor-as-statement"),
            Code::ActionAsValue => ("parse", "action-as-value"),
            Code::WrongArgCount => ("parse", "wrong-arg-count"),
            Code::ExpectedStatement => ("parse", "expected-statement"),
            Code::ProgramTooLong => ("parse", "program-too-long"),
            Code::ReturnOutsideDefine => ("compile", "return-outside-define"),
            Code::DefineNotAtTop => ("compile", "define-not-at-top"),
            Code::DuplicateDefine => ("compile", "duplicate-define"),
            Code::TooManyVariables => ("compile", "too-many-variables"),
            Code::TooManyParameters => ("compile", "too-many-parameters"),
            Code::StepLimit => ("run", "step-limit"),
            Code::ActionLimit => ("run", "action-limit"),
            Code::LoopLimit => ("run", "loop-limit"),
            Code::CallDepth => ("run", "call-depth"),
            Code::ListTooLong => ("run", "list-too-long"),
            Code::ListTooDeep => ("run", "list-too-deep"),
            Code::TextTooLong => ("run", "text-too-long"),
            Code::NoValue => ("run", "no-value"),
            Code::NotANumber => ("run", "not-a-number"),
            Code::NotABoolean => ("run", "not-a-boolean"),
            Code::NotAList => ("run", "not-a-list"),
            Code::DivideByZero => ("run", "divide-by-zero"),
            Code::NotAllowed => ("run", "not-allowed"),
            Code::EndlessCircle => ("run", "endless-circle"),
            Code::NegativeRepeat => ("run", "negative-repeat"),
            #[cfg(feature = "lists")]
            Code::ExpectedWord => ("parse", "expected-word"),
            #[cfg(feature = "lists")]
            Code::ListNeedsVariable => ("compile", "list-needs-variable"),
            #[cfg(feature = "lists")]
            Code::NeedsList => ("run", "needs-list"),
            #[cfg(feature = "lists")]
            Code::ListPosition => ("run", "list-position"),
            #[cfg(feature = "lists")]
            Code::ListEmpty => ("run", "list-empty"),
            Code::World(name) => ("world", name),
        };
        format!("{layer}.{name}")
    }

    /// Every code with a catalogue entry of its own (world faults are listed by the world).
    pub const LANGUAGE_CODES: [Code; 42] = [
        Code::UnexpectedChar,
        Code::UnclosedText,
        Code::NumberTooLong,
        Code::RepeatNeedsCount,
        Code::RepeatNeedsTimes,
        Code::MissingEnd,
        Code::StrayEnd,
        Code::StrayElse,
        Code::NeedsCondition,
        Code::ExpectedValue,
        Code::UnknownWord,
        Code::ExtraOnLine,
        Code::ForEachShape,
        Code::DefineNeedsName,
        Code::UnclosedParen,
        Code::UnclosedList,
        Code::TooDeep,
        Code::SensorAsStatement,
        Code::ActionAsValue,
        Code::WrongArgCount,
        Code::ExpectedStatement,
        Code::ProgramTooLong,
        Code::ReturnOutsideDefine,
        Code::DefineNotAtTop,
        Code::DuplicateDefine,
        Code::TooManyVariables,
        Code::TooManyParameters,
        Code::StepLimit,
        Code::ActionLimit,
        Code::LoopLimit,
        Code::CallDepth,
        Code::ListTooLong,
        Code::ListTooDeep,
        Code::TextTooLong,
        Code::NoValue,
        Code::NotANumber,
        Code::NotABoolean,
        Code::NotAList,
        Code::DivideByZero,
        Code::NotAllowed,
        Code::EndlessCircle,
        Code::NegativeRepeat,
    ];

    /// Every code with a catalogue entry of its own in this build: the language's, and the
    /// lists' in builds that have them.
    pub fn every() -> impl Iterator<Item = Code> {
        let codes = Code::LANGUAGE_CODES.into_iter();
        #[cfg(feature = "lists")]
        let codes = codes.chain(Code::LIST_CODES);
        codes
    }

    /// The lists' codes, in builds that have them (see [`Code::LANGUAGE_CODES`]).
    #[cfg(feature = "lists")]
    pub const LIST_CODES: [Code; 5] =
        [Code::ExpectedWord, Code::ListNeedsVariable, Code::NeedsList, Code::ListPosition, Code::ListEmpty];
}

/// Where a diagnostic points: a source range (parse) or a node (compile and run).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Span(Span),
    Node(NodeId),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub place: Place,
    /// Named arguments for the message, e.g. `("word", "mvoe")`.
    pub args: Vec<(&'static str, String)>,
}

impl Diagnostic {
    pub fn at_span(code: Code, span: Span) -> Diagnostic {
        Diagnostic { code, place: Place::Span(span), args: Vec::new() }
    }

    pub fn at_node(code: Code, node: NodeId) -> Diagnostic {
        Diagnostic { code, place: Place::Node(node), args: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Diagnostic {
        self.args.push((name, value.into()));
        self
    }

    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// The source range, resolving a node through the program's span table.
    pub fn span(&self, table: &impl crate::ids::SpanTable) -> Span {
        match self.place {
            Place::Span(s) => s,
            Place::Node(id) => table.span_of(id),
        }
    }
}
