//! Settings the data cannot meet stop preparation with a reason naming the column or key.
#![cfg(not(target_arch = "wasm32"))]

use kindling::data::prepare;
use kindling::experiment::{DataConfig, Task, WindowConfig};
use kindling::rng::Rng;

mod common;
use common::prepare::{config, table};

#[test]
fn settings_the_data_cannot_meet_stop_with_a_reason() {
    let many: String = (0..1500)
        .map(|i| format!("c{i},{}\n", i % 2))
        .fold("id,y\n".into(), |s, l| s + &l);
    let series = "v\n1\n2\n3\n4\n";
    let window = |lookback| DataConfig {
        window: Some(WindowConfig {
            lookback,
            horizon: 1,
        }),
        ..config((0.0, 0.0))
    };
    let cases: Vec<(&str, DataConfig, &str)> = vec![
        (
            "a,y\n1,k\n2,k\n",
            DataConfig::default(),
            "single class (\"k\")",
        ),
        (
            "v\n1\n2\n3\n",
            DataConfig::default(),
            "the file has one column (\"v\")",
        ),
        (
            "a,when\n1,2024-01-01\n2,2024-01-02\n",
            DataConfig::default(),
            "holds dates",
        ),
        (
            "a,y\n1,x\n2,y\n",
            DataConfig {
                task: Task::Regression,
                ..DataConfig::default()
            },
            "set data.task to \"classification\"",
        ),
        (
            &many,
            DataConfig {
                target: Some("y".into()),
                ..config((0.0, 0.0))
            },
            "1500 different text values",
        ),
        (
            series,
            window(4),
            "has 4 rows, fewer than lookback + horizon = 5",
        ),
        (
            "v,t\n1,a\n2,b\n3,c\n",
            DataConfig {
                target: Some("v".into()),
                features: Some(vec!["t".into()]),
                ..window(1)
            },
            "column \"t\" holds text",
        ),
        (
            "a,y\n1,2\n",
            DataConfig {
                target: Some("nope".into()),
                ..DataConfig::default()
            },
            "there is no column \"nope\"",
        ),
        (
            "a,y\n1,2\n2,3\n",
            DataConfig {
                features: Some(vec!["a".into(), "y".into()]),
                ..config((0.0, 0.0))
            },
            "data.features: lists the target \"y\"",
        ),
    ];
    for (text, c, needle) in cases {
        let err = prepare(&table(text), &c, &mut Rng::new(0))
            .expect_err(needle)
            .to_string();
        assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    }
    assert!(
        prepare(&table(series), &window(3), &mut Rng::new(0)).is_ok(),
        "one column is a series"
    );
}
