//! Date cells: known values, and the scanner against chrono's format-string parser (the
//! implementation it replaced) on generated cells.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use proptest::prelude::*;

use super::{format_date, parse_date};

/// The layouts the reader accepted before, through chrono's own parser.
fn chrono_parse(cell: &str) -> Option<f64> {
    let seconds = |t: NaiveDateTime| Some(t.and_utc().timestamp_millis() as f64 / 1000.0);
    if cell.len() > 10 {
        if let Ok(t) = DateTime::parse_from_rfc3339(cell) {
            return Some(t.timestamp_millis() as f64 / 1000.0);
        }
        return [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
            "%Y/%m/%d %H:%M:%S",
            "%Y/%m/%d %H:%M",
        ]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(cell, f).ok())
        .and_then(seconds);
    }
    let month = (cell.len() == 7).then(|| format!("{cell}-01"));
    ["%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(month.as_deref().unwrap_or(cell), f).ok())
        .and_then(|d| seconds(d.and_hms_opt(0, 0, 0)?))
}

#[test]
fn known_values() {
    let cases = [
        ("1970-01-02", 86400.0),
        ("1970-01-01 00:01", 60.0),
        ("1970-01-01T00:00:01.5", 1.5),
        ("1970-01-01T01:00:00+01:00", 0.0),
        ("1970-01-01T00:00:00-00:30", 1800.0),
        ("1970-01-01T00:00:02Z", 2.0),
        ("1970/01/02 00:00:03", 86403.0),
        ("02.01.1970", 86400.0),
        ("2.1.1970 00:02", 86520.0),
        ("1970-02", 31.0 * 86400.0),
        ("1970-1-2", 86400.0),
        ("1969-12-31", -86400.0),
        ("1970-01-01 00:00:60", 60.0),
        ("2024-02-29", 1_709_164_800.0),
    ];
    for (cell, want) in cases {
        assert_eq!(parse_date(cell), Some(want), "{cell}");
    }
    for cell in [
        "2023-02-29",
        "2024-13-01",
        "2024-01-32",
        "2024-01-01 24:00",
        "2024-01-01 12:60",
        "2024-01-01T12:00:00+25:00",
        "2024-01-01T12:00Z",
        "2024-01-01 12",
        "2024-01-01x",
        "24-01-01",
        "2024/01-01",
        "1.2.24",
        "2024-01-01T12:00:00.",
        "12345",
        "",
    ] {
        assert_eq!(parse_date(cell), None, "{cell}");
    }
}

#[test]
fn dates_format_back_to_what_was_read() {
    for cell in [
        "2024-03-01",
        "1999-12-31 23:59:58",
        "1969-07-20",
        "0099-01-01",
    ] {
        assert_eq!(format_date(parse_date(cell).unwrap()), cell);
    }
    assert!(
        !format_date(1e300).contains('-'),
        "out of range stays a number"
    );
}

/// Cells shaped like dates, with each field 1–5 digits and assorted separators and zones.
fn date_like() -> impl Strategy<Value = String> {
    let field = |lo, hi| proptest::string::string_regex(&format!("[0-9]{{{lo},{hi}}}")).unwrap();
    let sep = prop::sample::select(vec!["-", "/", "."]);
    let time = proptest::string::string_regex(
        "([Tt ][0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3}(\\.[0-9]{1,11})?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?",
    )
    .unwrap();
    (
        field(1, 5),
        sep.clone(),
        field(1, 3),
        sep,
        field(1, 5),
        time,
    )
        .prop_map(|(a, s1, b, s2, c, t)| format!("{a}{s1}{b}{s2}{c}{t}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// Wherever the scanner reads a date it is the one chrono reads; wherever chrono reads a date
    /// with a four-digit year, the scanner reads the same. Chrono also took 1–3 digit years (so
    /// `10-11-12` was a date in the year 10); the scanner also takes a lower-case `t` in every ISO
    /// layout, where chrono took it only in full RFC 3339, one-digit fields with a zone (RFC 3339
    /// wants two), and a time after `01.03.2024`.
    #[test]
    fn agrees_with_chrono(cell in date_like()) {
        let (new, old) = (parse_date(&cell), chrono_parse(&cell));
        if let Some(v) = new {
            let zoned = cell.split(['T', 't']).nth(1).is_some_and(|t| t.contains(['Z', 'z', '+', '-']));
            let lenient = zoned || cell.contains('t') || cell[..3].contains('.') && cell.contains(':');
            prop_assert!(old == Some(v) || lenient, "{cell}: {new:?} vs {old:?}");
        }
        let b = cell.as_bytes();
        let year_first = b.len() > 4 && b[..4].iter().all(u8::is_ascii_digit) && !b[4].is_ascii_digit();
        let date = cell.split(' ').next().unwrap_or_default();
        let year_last = date.split('.').nth(2).is_some_and(|y| y.len() == 4);
        let four_digit_year = year_first || year_last;
        if old.is_some() && four_digit_year {
            prop_assert_eq!(new, old, "{}", cell);
        }
    }
}
