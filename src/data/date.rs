//! Date and time cells ↔ seconds since 1970-01-01 (UTC), for a fixed set of layouts.
//!
//! A small scanner over the layouts the reader accepts, with chrono doing the calendar (valid days,
//! leap years, timestamps). chrono's own format-string parser and formatter would cost ~21 KB of the
//! gzipped `.wasm` (docs/BENCHMARKS.md) for layouts that never change at run time.

use chrono::{Datelike, NaiveDate, TimeDelta, Timelike};

/// Seconds since 1970-01-01 for ISO-like dates and times (`2024-03-01`, `2024/03/01`,
/// `2024-03-01 12:30[:45[.250]]`, `2024-03-01T12:30:45Z` or with `+02:00` (a zone needs the `T` and the seconds), `2024-03`,
/// `01.03.2024[ 12:30[:45]]`); `None` for anything else. Month, day and time fields take one or two digits.
pub fn parse_date(cell: &str) -> Option<f64> {
    let mut s = Scanner(cell.as_bytes());
    let first = s.digits(1, 4)?;
    let (date, dash) = if first.1 == 4 {
        let sep = s.one_of(b"-/")?;
        let month = s.digits(1, 2)?.0;
        if s.0.is_empty() && sep == b'-' && cell.len() == 7 {
            (NaiveDate::from_ymd_opt(first.0 as i32, month, 1)?, true)
        } else {
            s.byte(sep)?;
            let day = s.digits(1, 2)?.0;
            (
                NaiveDate::from_ymd_opt(first.0 as i32, month, day)?,
                sep == b'-',
            )
        }
    } else if first.1 <= 2 {
        s.byte(b'.')?;
        let month = s.digits(1, 2)?.0;
        s.byte(b'.')?;
        let year = s.digits(4, 4)?.0;
        (NaiveDate::from_ymd_opt(year as i32, month, first.0)?, false)
    } else {
        return None;
    };
    let (mut time, mut zone) = (date.and_hms_opt(0, 0, 0)?, TimeDelta::zero());
    if !s.0.is_empty() {
        let t = s.one_of(if dash { b"Tt " } else { b" " })? != b' ';
        let hour = s.digits(1, 2)?.0;
        s.byte(b':')?;
        let minute = s.digits(1, 2)?.0;
        let (mut second, mut nanos) = (0, 0);
        if s.byte(b':').is_some() {
            second = s.digits(1, 2)?.0;
            if dash && s.byte(b'.').is_some() {
                nanos = s.fraction()?;
            }
            // A zone only in RFC 3339's layout: `T`, then seconds.
            if t && !s.0.is_empty() {
                zone = s.zone()?;
            }
        }
        if second == 60 {
            // A leap second, as chrono writes it: 59 s plus a whole second of nanoseconds.
            (second, nanos) = (59, nanos + 1_000_000_000);
        }
        time = date.and_hms_nano_opt(hour, minute, second, nanos)?;
    }
    s.0.is_empty()
        .then(|| (time - zone).and_utc().timestamp_millis() as f64 / 1000.0)
}

/// The inverse of [`parse_date`] for display: `2024-03-01`, or `2024-03-01 12:30:45` when the
/// key has a time of day (UTC).
pub fn format_date(seconds: f64) -> String {
    let millis = (seconds * 1000.0).round() as i64;
    let Some(t) = chrono::DateTime::from_timestamp_millis(millis) else {
        return format!("{seconds}");
    };
    let day = format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day());
    if millis.rem_euclid(86_400_000) == 0 {
        day
    } else {
        format!("{day} {:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
    }
}

/// The unread rest of a cell.
struct Scanner<'a>(&'a [u8]);

impl Scanner<'_> {
    /// `min..=max` ASCII digits as a number, and how many there were.
    fn digits(&mut self, min: usize, max: usize) -> Option<(u32, usize)> {
        let n = self
            .0
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        let value = self.0[..n]
            .iter()
            .fold(0, |v, b| v * 10 + u32::from(b - b'0'));
        self.0 = &self.0[n..];
        (n >= min).then_some((value, n))
    }

    fn byte(&mut self, want: u8) -> Option<u8> {
        self.one_of(&[want])
    }

    /// The next byte if it is in `set` (consumed only then).
    fn one_of(&mut self, set: &[u8]) -> Option<u8> {
        let (&b, rest) = self.0.split_first().filter(|(b, _)| set.contains(b))?;
        self.0 = rest;
        Some(b)
    }

    /// Digits after a decimal point, as nanoseconds (digits past the ninth are dropped).
    fn fraction(&mut self) -> Option<u32> {
        let n = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        let (value, kept) = self.digits(1, 9)?;
        self.digits(0, n - kept)?;
        Some(value * 10u32.pow(9 - kept as u32))
    }

    /// `Z` or `±HH:MM`: the offset from UTC.
    fn zone(&mut self) -> Option<TimeDelta> {
        let sign = match self.one_of(b"Zz+-")? {
            b'+' => 1,
            b'-' => -1,
            _ => return Some(TimeDelta::zero()),
        };
        let hours = self.digits(2, 2)?.0;
        self.byte(b':')?;
        let minutes = self.digits(2, 2)?.0;
        (hours < 24 && minutes < 60)
            .then(|| TimeDelta::minutes(sign * i64::from(hours * 60 + minutes)))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "date_tests.rs"]
mod tests;
