//! Property tests: whatever bytes come in, the reader answers with a table or an error (never a
//! panic), and a table it returns is consistent with itself.
#![cfg(not(target_arch = "wasm32"))]

use kindling::data::{prepare, read_csv};
use kindling::experiment::DataConfig;
use kindling::rng::Rng;
use proptest::prelude::*;

fn check(bytes: &[u8]) {
    if let Ok(t) = read_csv("p.csv", bytes) {
        assert!(t.rows > 0 && !t.columns.is_empty());
        assert_eq!(t.lines.len(), t.rows);
        let s = t.inspect();
        assert!(s.columns.iter().all(|c| c.missing <= t.rows));
        let _ = prepare(&t, &DataConfig::default(), &mut Rng::new(3));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bytes_give_a_result_not_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        check(&bytes);
    }

    #[test]
    fn csv_like_text_gives_a_result_not_a_panic(text in "[a-c0-9,;\t|\"\r\n .eE+-]{0,200}") {
        check(text.as_bytes());
    }

    #[test]
    fn well_formed_numeric_tables_keep_their_shape(
        rows in proptest::collection::vec(proptest::collection::vec(-1e6f64..1e6, 3), 1..40)
    ) {
        let text: String = rows.iter().map(|r| format!("{},{},{}\n", r[0], r[1], r[2])).fold("a,b,c\n".into(), |s, l| s + &l);
        let t = read_csv("p.csv", text.as_bytes()).unwrap();
        prop_assert_eq!((t.rows, t.columns.len()), (rows.len(), 3));
        prop_assert_eq!(t.columns[1].data.number(0), Some(rows[0][1]));
    }
}
