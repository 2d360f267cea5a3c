//! Fuzzes the experiment document (Contract 1) and the search document: any bytes → an
//! `Experiment` or an error naming the key, never a panic; an accepted experiment writes JSON that
//! reads back to the same experiment.
#![no_main]

use kindling::experiment::Experiment;
use kindling::optimize::SearchConfig;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(exp) = Experiment::from_json(text) {
        let again = Experiment::from_json(&exp.to_json())
            .unwrap_or_else(|e| panic!("an accepted experiment's own JSON is refused: {e}"));
        assert_eq!(again, exp, "the experiment changed on a round trip");
    }
    let _ = SearchConfig::from_json(text);
});
