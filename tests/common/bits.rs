//! The prepared-tensor hashes of the "same bits" tests (tests/prepare_bits*.rs, issue 12): a
//! case prepares a table with a `data` object and transforms the table (and new rows) with the
//! result; its hash is FNV-1a over the f32 bits, shapes and texts, then the sorted warnings.

use kindling::data::{prepare, read_csv, Table};
use kindling::experiment::Experiment;
use kindling::rng::Rng;
use ndarray::{Array2, ArrayD};

/// FNV-1a, 64 bit.
struct Hash(u64);

impl Hash {
    fn new() -> Self {
        Hash(0xcbf2_9ce4_8422_2325)
    }
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 = (self.0 ^ x as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn tensor(&mut self, x: &ArrayD<f32>) {
        self.usizes(x.shape());
        x.iter()
            .for_each(|v| self.bytes(&v.to_bits().to_le_bytes()));
    }
    fn matrix(&mut self, y: &Array2<f32>) {
        self.tensor(&y.clone().into_dyn());
    }
    fn usizes(&mut self, v: &[usize]) {
        self.bytes(&v.len().to_le_bytes());
        v.iter().for_each(|n| self.bytes(&n.to_le_bytes()));
    }
    fn texts(&mut self, v: &[String]) {
        self.bytes(&v.len().to_le_bytes());
        v.iter().for_each(|s| {
            self.bytes(s.as_bytes());
            self.bytes(&[0]);
        });
    }
}

/// The hash of everything preparing `table` with `data` (a JSON `data` object) and transforming
/// `table` and `new` with the result gives; errors hash their message.
pub fn case(table: &Table, data: &str, seed: u64, new: Option<&Table>) -> String {
    let exp = Experiment::from_json(&format!(r#"{{"seed":{seed},"data":{data}}}"#)).unwrap();
    let (mut h, mut notes) = (Hash::new(), vec![]);
    let mut rng = Rng::new(seed).fork();
    match prepare(table, &exp.data, &mut rng) {
        Err(e) => return format!("error {}", e),
        Ok(p) => {
            for x in [&p.x_train, &p.x_val, &p.x_test] {
                h.tensor(x);
            }
            for y in [&p.y_train, &p.y_val, &p.y_test] {
                h.matrix(y);
            }
            h.usizes(&[p.dropped]);
            notes.extend(p.warnings.iter().cloned());
            let pre = &p.preprocessing;
            h.texts(&pre.features);
            h.texts(&pre.inputs);
            h.texts(pre.classes.as_deref().unwrap_or(&[]));
            for t in std::iter::once(table).chain(new) {
                match pre.transform(t) {
                    Ok(out) => {
                        h.tensor(&out.x);
                        h.usizes(&out.rows);
                        notes.extend(out.warnings);
                    }
                    Err(e) => notes.push(e.to_string()),
                }
            }
            let mut y = p.y_test.clone();
            pre.inverse_target(&mut y);
            h.matrix(&y);
        }
    }
    notes.sort();
    let mut w = Hash::new();
    w.texts(&notes);
    format!("{:016x}/{:016x}", h.0, w.0)
}

/// A table read from CSV text, named `name`.
pub fn text(name: &str, csv: &str) -> Table {
    read_csv(name, csv.as_bytes()).unwrap()
}

/// A table with gaps in every kind of column, text that is sometimes unseen, dates out of order.
pub fn mixed() -> String {
    let mut csv = String::from("when,n,colour,flag,size,label,amount\n");
    for i in 0..90 {
        let gap = |k: usize, s: String| if i % k == 3 { "NA".to_string() } else { s };
        let colour = ["red", "blue", "green", "red", "teal"][i % 5];
        let colour = if i > 70 && i % 4 == 0 {
            "violet"
        } else {
            colour
        };
        csv += &format!(
            "2024-{:02}-{:02},{},{},{},{},{},{}\n",
            1 + (i * 7) % 12,
            1 + (i * 11) % 28,
            gap(7, format!("{}", (i as f64 * 1.37).sin() * 10.0)),
            gap(9, colour.to_string()),
            gap(11, ["yes", "no"][i % 2].to_string()),
            gap(13, format!("{}", i % 6)),
            gap(17, ["a", "b", "c"][(i * i) % 3].to_string()),
            gap(
                19,
                format!("{:.3}", 100.0 + i as f64 * 0.7 + (i % 4) as f64)
            ),
        );
    }
    csv
}

/// New rows for prediction: text in a number column, an unseen colour, gaps.
pub const NEW: &str = "when,n,colour,flag,size,amount\n2024-02-01,1.5,red,yes,2,7\n2024-01-01,oops,violet,no,NA,8\nNA,NA,NA,NA,3,9\n2024-03-01,2,blue,maybe,4,10\n";

/// An hourly series of 80 rows with gaps in `v` and `extra`.
pub fn series() -> String {
    let mut csv = String::from("t,v,extra\n");
    for i in 0..80 {
        let v = if i % 10 == 4 {
            "NA".to_string()
        } else {
            format!("{}", (i as f64 * 0.4).sin() * 5.0 + 20.0)
        };
        let extra = if i % 15 == 7 {
            "NA".to_string()
        } else {
            format!("{}", i % 9)
        };
        csv += &format!(
            "2020-01-{:02}T{:02}:00:00Z,{v},{extra}\n",
            1 + i / 24,
            i % 24
        );
    }
    csv
}

/// Checks `got` (case, hash) against `expected` as main printed them, case by case in the same
/// order; prints the current hashes (`-- --nocapture`).
pub fn check(got: &[(String, String)], expected: &[(&str, &str)]) {
    for (name, hash) in got {
        println!("    ({name:?}, {hash:?}),");
    }
    let mut differ = vec![];
    for ((name, hash), (want_name, want)) in got.iter().zip(expected) {
        assert_eq!(name, want_name, "the cases are listed in the same order");
        if hash != want {
            differ.push(format!("{name}: {hash} (main: {want})"));
        }
    }
    assert_eq!(got.len(), expected.len());
    assert!(differ.is_empty(), "changed: {differ:#?}");
}
