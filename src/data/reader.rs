//! Reading CSV bytes (with the `csv` crate) into a typed [`Table`], with warnings and errors that
//! name the line.

use csv::{ReaderBuilder, StringRecord};

use super::names;
use super::sniff;
use super::table::{Column, Table, Warning};
use super::typing::{type_column, Cells};
use crate::error::{Error, Result};
use crate::experiment::BadRows;

/// The records of a CSV text, blank ones skipped, each with the line and byte it starts at.
struct Records<'a> {
    name: &'a str,
    reader: csv::Reader<&'a [u8]>,
}

impl<'a> Records<'a> {
    fn new(name: &'a str, text: &'a str, delimiter: u8) -> Self {
        let reader = ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        Records { name, reader }
    }

    /// Reads the next non-blank record into `record`: `(line, byte)` where it starts.
    fn next(&mut self, record: &mut StringRecord) -> Result<Option<(usize, usize)>> {
        loop {
            match self.reader.read_record(record) {
                Ok(false) => return Ok(None),
                Ok(true) if record.iter().all(|c| c.trim().is_empty()) => continue,
                Ok(true) => {
                    let p = record.position().expect("a read record has a position");
                    return Ok(Some((p.line() as usize, p.byte() as usize)));
                }
                Err(e) => return Err(Error::data(self.name, format!("cannot read the CSV: {e}"))),
            }
        }
    }
}

/// The cells of `table`'s rows as the file `bytes` (which `table` was read from) has them,
/// trimmed, row by row: what the user wrote (`yes`, `1,5`, `2024-03-01T10:00+02:00`) rather than
/// the typed values, for writing the rows back out.
pub fn source_rows(bytes: &[u8], table: &Table) -> Result<Vec<Vec<String>>> {
    let text = sniff::decode(&table.name, bytes)?;
    let mut records = Records::new(&table.name, text, sniff::delimiter(text));
    let mut record = StringRecord::new();
    let mut rows = Vec::with_capacity(table.rows);
    let mut wanted = table.lines.iter().peekable();
    while let (Some(&&line), Some((at, _))) = (wanted.peek(), records.next(&mut record)?) {
        if at == line {
            rows.push(record.iter().map(|c| c.trim().to_owned()).collect());
            wanted.next();
        }
    }
    match rows.len() == table.rows {
        true => Ok(rows),
        false => Err(Error::data(
            &table.name,
            "the file changed since it was read; load it again".to_string(),
        )),
    }
}

/// The largest file read. Parsing holds the bytes, their cells and the typed columns at once
/// (measured: about 3× the file size at peak for numeric data), and a browser tab's
/// WebAssembly memory tops out near 2–4 GB.
pub const MAX_BYTES: usize = 256 * 1024 * 1024;
/// The most columns a table may have.
pub const MAX_COLUMNS: usize = 10_000;
/// Records between two progress reports.
const PROGRESS_EVERY: usize = 8192;
/// Lines quoted in a bad-rows message.
const QUOTED: usize = 5;

/// Reads `bytes` (a CSV file) named `name` (for messages); ragged rows are an error.
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Table> {
    read_csv_with(name, bytes, BadRows::Error, &mut |_, _| {})
}

/// Reads `bytes` as [`read_csv`] does; `bad_rows` says what rows with the wrong number of fields
/// do, and `progress(done, total)` hears how many bytes are parsed, now and then.
pub fn read_csv_with(
    name: &str,
    bytes: &[u8],
    bad_rows: BadRows,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Table> {
    let fail = |message: String| Err(Error::data(name, message));
    check_size(name, bytes.len())?;
    let text = sniff::decode(name, bytes)?;
    let total = text.len();
    let delimiter = sniff::delimiter(text);
    let mut records = Records::new(name, text, delimiter);
    let mut record = StringRecord::new();
    let mut next = |record: &mut StringRecord| records.next(record);
    let Some((first_line, first_start)) = next(&mut record)? else {
        return fail("the file is empty; choose a CSV with a header row and data rows".into());
    };
    let mut warnings = Vec::new();
    let cells: Vec<&str> = record.iter().map(str::trim).collect();
    let header_is_data = names::is_data_row(&cells);
    let names = if header_is_data {
        warnings.push(Warning {
            line: Some(first_line),
            column: None,
            message: "the first row is all numbers, so it is read as data and the columns are named column_1, column_2, …; add a header row to name them".into(),
        });
        names::generated(cells.len())
    } else {
        names::unique(cells.iter().map(|c| c.to_string()).collect(), &mut warnings)
    };
    let width = names.len();
    if width > MAX_COLUMNS {
        return fail(format!(
            "the file has {width} columns; at most {MAX_COLUMNS} are supported"
        ));
    }
    let mut columns = vec![Cells::default(); width];
    let mut lines = Vec::new();
    let mut bad: Vec<(usize, usize)> = Vec::new();
    if header_is_data {
        columns.iter_mut().zip(&cells).for_each(|(c, v)| c.push(v));
        lines.push(first_line);
    }
    drop(cells);
    let mut last = (first_line, first_start);
    while let Some((line, start)) = next(&mut record)? {
        last = (line, start);
        if record.len() != width {
            bad.push((line, record.len()));
            continue;
        }
        columns
            .iter_mut()
            .zip(record.iter().map(str::trim))
            .for_each(|(c, v)| c.push(v));
        lines.push(line);
        if lines.len() % PROGRESS_EVERY == 0 {
            progress(start, total);
        }
    }
    if sniff::unterminated_quote(&text[last.1..], delimiter) {
        let line = last.0;
        return fail(format!(
            "line {line}: a quoted field opens here but its closing quote (\") never comes; add the closing quote or remove the stray one"
        ));
    }
    report_bad_rows(name, &bad, width, header_is_data, bad_rows, &mut warnings)?;
    if lines.is_empty() {
        return fail("the file has a header but no data rows; add rows below the header".into());
    }
    let decimal_comma = delimiter == b';';
    let columns = names
        .into_iter()
        .zip(columns)
        .map(|(name, cells)| Column {
            data: type_column(&name, &cells, &lines, decimal_comma, &mut warnings),
            name,
        })
        .collect();
    progress(total, total);
    Ok(Table {
        name: name.to_string(),
        rows: lines.len(),
        columns,
        lines,
        warnings,
    })
}

/// An error when a file of `len` bytes is more than a tab can parse ([`MAX_BYTES`]).
pub fn check_size(name: &str, len: usize) -> Result<()> {
    if len <= MAX_BYTES {
        return Ok(());
    }
    Err(Error::data(name, format!(
        "the file is {} MB, more than the {} MB a browser tab can parse (reading needs about 3 times the file in memory); use a sample of the rows",
        len >> 20,
        MAX_BYTES >> 20
    )))
}

/// Rows whose field count is not `width`: an error naming them, or (skip) a warning.
fn report_bad_rows(
    name: &str,
    bad: &[(usize, usize)],
    width: usize,
    header_is_data: bool,
    mode: BadRows,
    warnings: &mut Vec<Warning>,
) -> Result<()> {
    let Some(&(line, len)) = bad.first() else {
        return Ok(());
    };
    let all: Vec<String> = bad
        .iter()
        .take(QUOTED)
        .map(|(l, _)| l.to_string())
        .collect();
    let more = if bad.len() > 1 {
        format!(
            " ({} such rows, on lines {}{})",
            bad.len(),
            all.join(", "),
            if bad.len() > QUOTED { ", …" } else { "" }
        )
    } else {
        String::new()
    };
    let first = if header_is_data {
        "the first row"
    } else {
        "the header"
    };
    match mode {
        BadRows::Error => Err(Error::data(name, format!(
            "line {line}: {len} fields where {first} has {width}{more}; make every row have {width} fields, or skip such rows (data.on_bad_rows: \"skip\")"
        ))),
        BadRows::Skip => {
            warnings.push(Warning {
                line: Some(line),
                column: None,
                message: format!("{} rows skipped: they do not have {width} fields (lines {}{})",
                    bad.len(), all.join(", "), if bad.len() > QUOTED { ", …" } else { "" }),
            });
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn files_beyond_the_limit_are_refused_with_their_size() {
        assert!(super::check_size("ok.csv", super::MAX_BYTES).is_ok());
        let err = super::check_size("big.csv", 300 << 20)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("big.csv: the file is 300 MB, more than the 256 MB"),
            "{err}"
        );
    }
}
