//! Property tests: printing a program and parsing it back gives the same tree, in each of the
//! four languages, and printing in one language then another changes nothing. Also: random
//! text never makes the parser, compiler or VM panic, and every run ends under the limits.

use proptest::prelude::*;
use tafukt_lang::ast::*;
use tafukt_lang::blocks::{duplicate, move_stmt, Slot, Step};
use tafukt_lang::builtins::Colour;
use tafukt_lang::host::NullHost;
use tafukt_lang::lexicon::Lexicon;
use tafukt_lang::parser::parse;
use tafukt_lang::printer::print;
use tafukt_lang::{Builtin, Halt, Lang, Limits, Vm};

const NAMES: [&str; 6] = ["x", "total", "steps", "olives", "n2", "ⵎⵓⵙⴰ"];
const PROCS: [(&str, usize); 3] = [("jump", 0), ("climb", 1), ("plant", 2)];
const SENSORS: [Builtin; 6] = [
    Builtin::WallAhead,
    Builtin::WallLeft,
    Builtin::OnItem,
    Builtin::ItemCount,
    Builtin::AtGoal,
    Builtin::BagEmpty,
];

fn id() -> NodeId {
    NodeId(0)
}

fn expr(k: ExprKind) -> Expr {
    Expr { id: id(), kind: k }
}

fn arb_expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        (0u32..1000).prop_map(|n| expr(ExprKind::Number(n as f64))),
        (0u32..400).prop_map(|n| expr(ExprKind::Number(n as f64 / 4.0))),
        "[a-z ]{0,8}".prop_map(|t| expr(ExprKind::Text(t))),
        any::<bool>().prop_map(|b| expr(ExprKind::Bool(b))),
        prop::sample::select(Colour::ALL.to_vec()).prop_map(|c| expr(ExprKind::Colour(c))),
        prop::sample::select(NAMES.to_vec()).prop_map(|n| expr(ExprKind::Var(n.to_string()))),
        prop::sample::select(SENSORS.to_vec()).prop_map(|b| expr(ExprKind::Sensor(b, vec![]))),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        let op = prop::sample::select(vec![
            BinOp::Or,
            BinOp::And,
            BinOp::Eq,
            BinOp::NotEq,
            BinOp::Lt,
            BinOp::Le,
            BinOp::Gt,
            BinOp::Ge,
            BinOp::Add,
            BinOp::Sub,
            BinOp::Mul,
            BinOp::Div,
            BinOp::Mod,
        ]);
        prop_oneof![
            (op, inner.clone(), inner.clone()).prop_map(|(op, a, b)| expr(ExprKind::Binary(
                op,
                Box::new(a),
                Box::new(b)
            ))),
            inner.clone().prop_map(|a| expr(ExprKind::Unary(UnaryOp::Not, Box::new(a)))),
            inner.clone().prop_map(|a| expr(ExprKind::Unary(UnaryOp::Neg, Box::new(a)))),
            prop::collection::vec(inner.clone(), 0..3).prop_map(|items| expr(ExprKind::List(items))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| expr(ExprKind::Range(Box::new(a), Box::new(b)))),
            prop::collection::vec(inner.clone(), 1..=1)
                .prop_map(|args| expr(ExprKind::Call("climb".to_string(), args))),
            // `item a of b` and `length of a`, with the words between their values.
            (inner.clone(), inner.clone())
                .prop_map(|(a, b)| expr(ExprKind::Sensor(Builtin::ItemOf, vec![a, b]))),
            inner.prop_map(|a| expr(ExprKind::Sensor(Builtin::LengthOf, vec![a]))),
        ]
    })
}

fn stmt(kind: StmtKind, comment: Option<String>) -> Stmt {
    Stmt { id: id(), kind, comment }
}

fn arb_comment() -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(0.2, "[a-z][a-z ]{0,10}[a-z]")
}

fn arb_stmt() -> impl Strategy<Value = Stmt> {
    let simple = prop_oneof![
        (prop::sample::select(vec![Builtin::Move, Builtin::TurnLeft, Builtin::PickUp]), arb_comment())
            .prop_map(|(b, c)| stmt(StmtKind::Action(b, vec![]), c)),
        arb_expr().prop_map(|e| stmt(StmtKind::Action(Builtin::Say, vec![e]), None)),
        (arb_expr(), arb_expr()).prop_map(|(a, b)| stmt(StmtKind::Action(Builtin::Motors, vec![a, b]), None)),
        (prop::sample::select(NAMES.to_vec()), arb_expr(), arb_comment())
            .prop_map(|(n, e, c)| stmt(StmtKind::Assign(n.to_string(), e), c)),
        (prop::sample::select(PROCS.to_vec()), prop::collection::vec(arb_expr(), 2)).prop_map(
            |((name, arity), args)| {
                stmt(StmtKind::Call(name.to_string(), args.into_iter().take(arity).collect()), None)
            }
        ),
        "[a-z][a-z ]{0,12}[a-z]".prop_map(|t| stmt(StmtKind::Comment(t), None)),
        // `add`, `remove item` and `replace item` on a list variable.
        (
            prop::sample::select(vec![Builtin::AddTo, Builtin::RemoveItem, Builtin::ReplaceItem]),
            arb_expr(),
            prop::sample::select(NAMES.to_vec()),
            arb_expr()
        )
            .prop_map(|(b, a, list, c)| {
                let mut args = vec![a, expr(ExprKind::Var(list.to_string()))];
                if b == Builtin::ReplaceItem {
                    args.push(c);
                }
                stmt(StmtKind::Action(b, args), None)
            }),
    ];
    simple.prop_recursive(3, 24, 4, |inner| {
        let body = prop::collection::vec(inner, 0..4);
        prop_oneof![
            (arb_expr(), body.clone(), arb_comment()).prop_map(|(e, b, c)| stmt(StmtKind::Repeat(e, b), c)),
            (arb_expr(), body.clone()).prop_map(|(e, b)| stmt(StmtKind::While(e, b), None)),
            (prop::collection::vec((arb_expr(), body.clone()), 1..3), prop::option::of(body.clone()))
                .prop_map(|(arms, other)| stmt(StmtKind::If(arms, other), None)),
            (prop::sample::select(NAMES.to_vec()), arb_expr(), body)
                .prop_map(|(n, e, b)| stmt(StmtKind::ForEach(n.to_string(), e, b), None)),
        ]
    })
}

fn arb_program() -> impl Strategy<Value = Program> {
    (prop::collection::vec(arb_stmt(), 0..6), prop::collection::vec(arb_stmt(), 0..3)).prop_map(
        |(body, proc_body)| {
            let mut all: Vec<Stmt> = PROCS
                .iter()
                .map(|(name, arity)| {
                    let params = ["a", "b"].iter().take(*arity).map(|p| p.to_string()).collect();
                    stmt(StmtKind::Define(name.to_string(), params, proc_body.clone()), None)
                })
                .collect();
            all.extend(body);
            Program { body: all, spans: vec![] }
        },
    )
}

/// The tree with every id zeroed, so generated and parsed trees compare by shape.
fn shape(p: &Program) -> Program {
    fn e(x: &Expr) -> Expr {
        let kind = match &x.kind {
            ExprKind::List(i) => ExprKind::List(i.iter().map(e).collect()),
            ExprKind::Sensor(b, a) => ExprKind::Sensor(*b, a.iter().map(e).collect()),
            ExprKind::Call(n, a) => ExprKind::Call(n.clone(), a.iter().map(e).collect()),
            ExprKind::Unary(o, a) => ExprKind::Unary(*o, Box::new(e(a))),
            ExprKind::Binary(o, a, b) => ExprKind::Binary(*o, Box::new(e(a)), Box::new(e(b))),
            ExprKind::Range(a, b) => ExprKind::Range(Box::new(e(a)), Box::new(e(b))),
            k => k.clone(),
        };
        Expr { id: NodeId(0), kind }
    }
    fn b(list: &[Stmt]) -> Vec<Stmt> {
        list.iter().map(s).collect()
    }
    fn s(x: &Stmt) -> Stmt {
        let kind = match &x.kind {
            StmtKind::Action(bi, a) => StmtKind::Action(*bi, a.iter().map(e).collect()),
            StmtKind::Call(n, a) => StmtKind::Call(n.clone(), a.iter().map(e).collect()),
            StmtKind::Assign(n, v) => StmtKind::Assign(n.clone(), e(v)),
            StmtKind::Repeat(c, body) => StmtKind::Repeat(e(c), b(body)),
            StmtKind::While(c, body) => StmtKind::While(e(c), b(body)),
            StmtKind::If(arms, other) => StmtKind::If(
                arms.iter().map(|(c, body)| (e(c), b(body))).collect(),
                other.as_ref().map(|o| b(o)),
            ),
            StmtKind::ForEach(n, l, body) => StmtKind::ForEach(n.clone(), e(l), b(body)),
            StmtKind::Define(n, p, body) => StmtKind::Define(n.clone(), p.clone(), b(body)),
            StmtKind::Return(v) => StmtKind::Return(v.as_ref().map(e)),
            k => k.clone(),
        };
        Stmt { id: NodeId(0), kind, comment: x.comment.clone() }
    }
    Program { body: b(&p.body), spans: vec![] }
}

/// Every place between statements, outer lists first; with `stmt_only`, only places that
/// have a statement after them.
fn slots(list: &[Stmt], path: &[Step], stmt_only: bool, out: &mut Vec<Slot>) {
    let last = if stmt_only { list.len() } else { list.len() + 1 };
    out.extend((0..last).map(|index| Slot { path: path.to_vec(), index }));
    for (index, s) in list.iter().enumerate() {
        for (body, inner) in s.kind.blocks().enumerate() {
            let mut deeper = path.to_vec();
            deeper.push(Step { index, body });
            slots(inner, &deeper, stmt_only, out);
        }
    }
}

#[test]
fn generated_names_are_not_words_of_any_language() {
    for lang in Lang::ALL {
        let lex = Lexicon::new(lang);
        for n in NAMES.iter().chain(PROCS.iter().map(|(n, _)| n)).chain(["a", "b"].iter()) {
            assert!(!lex.starts_phrase(n), "`{n}` is a word of {lang:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn print_then_parse_gives_the_same_tree_in_every_language(p in arb_program()) {
        for lang in Lang::ALL {
            let text = print(&p, lang);
            let parsed = parse(&text, lang);
            prop_assert!(parsed.diagnostics.is_empty(), "{lang:?}: {:?}\n{text}", parsed.diagnostics);
            prop_assert_eq!(shape(&parsed.program), shape(&p), "{:?}\n{}", lang, text);
            // Where the printer says each top-level statement is, the parser finds it.
            let (printed, places) = tafukt_lang::printer::print_with_places(&p, lang);
            prop_assert_eq!(&printed, &text);
            let spans: Vec<_> = parsed.program.body.iter().map(|s| {
                let span = parsed.program.span(s.id);
                span.start..span.end
            }).collect();
            prop_assert_eq!(places, spans, "{:?}\n{}", lang, text);
        }
    }

    #[test]
    fn block_moves_and_copies_read_back_as_the_same_tree(
        p in arb_program(),
        from in any::<prop::sample::Index>(),
        to in any::<prop::sample::Index>(),
        lang in 0usize..4,
    ) {
        let lang = Lang::ALL[lang];
        let (mut blocks, mut places) = (Vec::new(), Vec::new());
        slots(&p.body, &[], true, &mut blocks);
        slots(&p.body, &[], false, &mut places);
        prop_assume!(!blocks.is_empty());
        let from = &blocks[from.index(blocks.len())];
        let to = &places[to.index(places.len())];
        let edited = [move_stmt(&p, from, to), duplicate(&p, from)];
        for program in edited.iter().flatten() {
            // Blocks → tree → text → tree: nothing lost, nothing changed.
            let text = print(program, lang);
            let back = parse(&text, lang).program;
            prop_assert_eq!(shape(&back), shape(program), "{:?}\n{}", lang, text);
        }
        if let Some(moved) = &edited[0] {
            prop_assert_eq!(moved.block_count(), p.block_count(), "a move keeps every block");
        }
    }

    #[test]
    fn printing_in_one_language_and_reading_in_another_agrees(p in arb_program(), from in 0usize..4, to in 0usize..4) {
        let (from, to) = (Lang::ALL[from], Lang::ALL[to]);
        let first = parse(&print(&p, from), from).program;
        let second = parse(&print(&first, to), to).program;
        prop_assert_eq!(shape(&first), shape(&second));
    }

    #[test]
    fn random_text_never_panics_and_every_run_ends(src in "[ -~\n٠-٩ⴰ-ⵯء-ي]{0,200}") {
        for lang in Lang::ALL {
            let parsed = parse(&src, lang);
            if parsed.diagnostics.is_empty() {
                if let Ok(chunk) = tafukt_lang::compiler::compile(&parsed.program) {
                    let limits = Limits { max_steps: 20_000, ..Limits::default() };
                    let mut vm = Vm::new(std::rc::Rc::new(chunk), limits);
                    let mut host = NullHost::default();
                    let mut rounds = 0;
                    loop {
                        match vm.run(&mut host, 1_000) {
                            Halt::Finished | Halt::Faulted(_) => break,
                            _ => rounds += 1,
                        }
                        prop_assert!(rounds < 50_000, "a run must end under its step limit");
                    }
                }
            }
        }
    }

    #[test]
    fn generated_programs_run_to_an_end_without_panicking(p in arb_program()) {
        if let Ok(chunk) = tafukt_lang::compiler::compile(&p) {
            let limits = Limits { max_steps: 50_000, max_call_depth: 50, ..Limits::default() };
            let mut vm = Vm::new(std::rc::Rc::new(chunk), limits);
            let mut host = NullHost::default();
            for _ in 0..100_000 {
                if matches!(vm.run(&mut host, 1_000), Halt::Finished | Halt::Faulted(_)) {
                    break;
                }
            }
            prop_assert!(vm.is_done());
        }
    }

    #[test]
    fn stepping_and_running_straight_through_give_the_same_trace(p in arb_program()) {
        if let Ok(chunk) = tafukt_lang::compiler::compile(&p) {
            let chunk = std::rc::Rc::new(chunk);
            let limits = Limits { max_steps: 20_000, max_call_depth: 30, ..Limits::default() };
            let trace = |fuel: u64| {
                let mut vm = Vm::new(chunk.clone(), limits);
                let mut host = NullHost::default();
                let mut halts = Vec::new();
                loop {
                    match vm.run(&mut host, fuel) {
                        Halt::OutOfFuel => {}
                        h @ (Halt::Finished | Halt::Faulted(_)) => {
                            halts.push(h);
                            break;
                        }
                        h => halts.push(h),
                    }
                }
                (halts, host.actions, host.said, vm.steps())
            };
            prop_assert_eq!(trace(1), trace(1_000_000));
        }
    }

    #[test]
    fn a_snapshot_of_the_vm_resumes_exactly_like_the_original(p in arb_program(), cut in 0u64..2_000) {
        if let Ok(chunk) = tafukt_lang::compiler::compile(&p) {
            let limits = Limits { max_steps: 20_000, max_call_depth: 30, ..Limits::default() };
            let mut vm = Vm::new(std::rc::Rc::new(chunk), limits);
            let mut host = NullHost::default();
            let _ = vm.run(&mut host, cut);
            // The step back the UI offers: keep a copy of VM and host, run on, compare.
            let (mut copy, mut copy_host) = (vm.clone(), host.clone());
            let finish = |vm: &mut Vm, host: &mut NullHost| {
                let mut halts = Vec::new();
                for _ in 0..100_000 {
                    let h = vm.run(host, 10_000);
                    let end = matches!(h, Halt::Finished | Halt::Faulted(_));
                    halts.push(h);
                    if end {
                        break;
                    }
                }
                (halts, host.actions.clone(), host.said.clone())
            };
            prop_assert_eq!(finish(&mut vm, &mut host), finish(&mut copy, &mut copy_host));
        }
    }
}
