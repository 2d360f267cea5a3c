//! Fuzzes the CSV reader and what follows it: any bytes → a table or an error, never a panic;
//! a table → a summary and (when it has two columns) a prepared split without panicking.
#![no_main]

use kindling::data::{prepare, read_csv};
use kindling::experiment::DataConfig;
use kindling::rng::Rng;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = read_csv("fuzz.csv", data) {
        let summary = table.inspect();
        assert_eq!(summary.rows, table.rows);
        let _ = prepare(&table, &DataConfig::default(), &mut Rng::new(1));
    }
});
