//! Property tests for the order of texts (`<`, `>` between texts): one dictionary order,
//! whatever the case and accents, that is a total order (never a tie between two different
//! texts), and that a program's comparison follows.

use proptest::prelude::*;
use std::cmp::Ordering;
use std::rc::Rc;
use tafukt_lang::host::NullHost;
use tafukt_lang::{Halt, Lang, Limits, Vm};
use tafukt_vm::value::alphabetical;

/// What a program said, run to its end.
fn said(src: &str) -> Vec<String> {
    let (_, chunk) = tafukt_lang::build(src, Lang::En).expect("the program reads");
    let mut vm = Vm::new(Rc::new(chunk), Limits::default());
    let mut host = NullHost::default();
    while !matches!(vm.run(&mut host, 100_000), Halt::Finished | Halt::Faulted(_)) {}
    host.said
}

#[test]
fn a_program_compares_words_as_a_dictionary_does() {
    let program =
        "say \"apple\" < \"Banana\"\nsay \"Zebra\" > \"apple\"\nsay \"été\" < \"fin\"\nsay \"b\" <= \"B\"\n";
    assert_eq!(said(program), ["true", "true", "true", "false"]);
}

/// Texts from letters pupils type: plain, capital, accented, Arabic (with hamza forms) and
/// Tifinagh, and a few signs.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            'a', 'A', 'b', 'B', 'e', 'é', 'É', 'è', 'c', 'ç', 'z', 'ÿ', '×', 'ا', 'أ', 'ب', 'ⴰ', 'ⴱ', ' ',
            '1',
        ]),
        0..6,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_order_is_total_and_only_equal_texts_are_equal(x in text(), y in text(), z in text()) {
        prop_assert_eq!(alphabetical(&x, &y), alphabetical(&y, &x).reverse());
        prop_assert_eq!(alphabetical(&x, &y) == Ordering::Equal, x == y);
        if alphabetical(&x, &y).is_le() && alphabetical(&y, &z).is_le() {
            prop_assert!(alphabetical(&x, &z).is_le());
        }
    }

    /// Capitals and accents never put a word after one that follows it in the plain alphabet.
    #[test]
    fn capitals_and_accents_keep_the_plain_words_order(x in "[a-z]{0,5}", y in "[a-z]{0,5}") {
        let dressed = |w: &str| w.replacen('e', "é", 1).to_uppercase();
        if x < y {
            prop_assert_eq!(alphabetical(&dressed(&x), &y), Ordering::Less);
            prop_assert_eq!(alphabetical(&x, &dressed(&y)), Ordering::Less);
        }
    }
}
