//! Reading interactions from a table: the user, item and rating columns of `data.recommend` and
//! `data.target`; rows missing any of them are dropped (and counted).

use crate::data::{ColumnData, Table};
use crate::error::{Error, Result};
use crate::experiment::{DataConfig, RecommendData};

/// One row per (user, item, rating) interaction, in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Interactions {
    pub users: Vec<String>,
    pub items: Vec<String>,
    pub ratings: Vec<f32>,
    /// The file line of each row, for messages.
    pub lines: Vec<usize>,
    /// `(item id, title)` for each distinct item, when `data.recommend.title` names a column.
    pub titles: Vec<(String, String)>,
    /// Rows dropped for a missing id or rating.
    pub dropped: usize,
}

/// The recommendation settings of `config`, or the error naming the missing key.
pub fn settings(config: &DataConfig) -> Result<&RecommendData> {
    config.recommend.as_ref().ok_or_else(|| {
        Error::experiment(
            "data.recommend",
            "a recommendation task needs {\"user\": COLUMN, \"item\": COLUMN}",
        )
    })
}

/// Reads the interactions of `table`; errors name the column and what to do.
pub fn read(table: &Table, config: &DataConfig) -> Result<Interactions> {
    let r = settings(config)?;
    let file = &table.name;
    let user = &table.column(&r.user)?.data;
    let item = &table.column(&r.item)?.data;
    let rating = match (r.implicit, &config.target) {
        (true, _) => None,
        (false, Some(name)) => Some((name.as_str(), &table.column(name)?.data)),
        (false, None) => {
            return Err(Error::experiment(
                "data.target",
                "name the rating column (or set data.recommend.implicit to true)",
            ))
        }
    };
    let title = r.title.as_ref().map(|t| table.column(t)).transpose()?;
    let line = |row: usize| table.lines.get(row).copied().unwrap_or(row + 2);
    let mut out = Interactions::default();
    for row in 0..table.rows {
        let value = match rating {
            None => Some(1.0),
            Some((name, data)) => match (data.number(row), data) {
                (Some(v), _) => Some(v as f32),
                (None, ColumnData::Categorical(cells)) if cells[row].is_some() => {
                    return Err(Error::data(file, format!(
                        "line {}: column {name:?}: {:?} is not a number; ratings must be numbers (fix the cell, or set data.recommend.implicit to true to count every row as 1)",
                        line(row), cells[row].as_deref().unwrap_or_default()
                    )))
                }
                _ => None,
            },
        };
        match (user.text(row), item.text(row), value) {
            (Some(u), Some(i), Some(v)) => {
                if let Some(t) = title.and_then(|t| t.data.text(row)) {
                    if !out.titles.iter().any(|(id, _)| *id == i) {
                        out.titles.push((i.clone(), t));
                    }
                }
                out.users.push(u);
                out.items.push(i);
                out.ratings.push(v);
                out.lines.push(line(row));
            }
            _ => out.dropped += 1,
        }
    }
    check(&out, file, r)?;
    Ok(out)
}

/// Enough rows and users to learn from.
fn check(out: &Interactions, file: &str, r: &RecommendData) -> Result<()> {
    if out.users.is_empty() {
        return Err(Error::data(file, format!(
            "no rows left after dropping {} with a missing {:?}, {:?} or rating; fill those columns",
            out.dropped, r.user, r.item
        )));
    }
    let first = &out.users[0];
    if out.users.iter().all(|u| u == first) {
        return Err(Error::data(file, format!(
            "column {:?} holds one user ({first:?}); a recommender learns from many users' ratings: use a file with at least 2 users, or check that data.recommend.user names the user column",
            r.user
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::read_csv;
    use crate::experiment::Task;

    fn config() -> DataConfig {
        DataConfig {
            task: Task::Recommendation,
            target: Some("rating".into()),
            recommend: Some(RecommendData {
                user: "user".into(),
                item: "item".into(),
                implicit: false,
                title: Some("name".into()),
            }),
            ..DataConfig::default()
        }
    }

    fn read_text(csv: &str) -> Result<Interactions> {
        read(&read_csv("r.csv", csv.as_bytes()).unwrap(), &config())
    }

    #[test]
    fn reads_ids_ratings_and_titles_dropping_missing_ids() {
        let i =
            read_text("user,item,rating,name\nu1,7,2,Taco\nu2,7,1,Taco\n,8,1,Sushi\nu2,9,0,Pho\n")
                .unwrap();
        assert_eq!(i.users, ["u1", "u2", "u2"]);
        assert_eq!(i.items, ["7", "7", "9"]);
        assert_eq!(i.ratings, [2.0, 1.0, 0.0]);
        assert_eq!(i.lines, [2, 3, 5]);
        assert_eq!(i.dropped, 1);
        assert_eq!(
            i.titles,
            [("7".into(), "Taco".into()), ("9".into(), "Pho".into())]
        );
    }

    #[test]
    fn bad_input_names_the_column_and_what_to_do() {
        let text =
            read_text("user,item,rating,name\nu1,7,2,a\nu2,7,good,b\nu3,7,bad,c\nu4,7,bad,d\n");
        assert_eq!(text.unwrap_err().to_string(), "r.csv: line 3: column \"rating\": \"good\" is not a number; ratings must be numbers (fix the cell, or set data.recommend.implicit to true to count every row as 1)");
        let one = read_text("user,item,rating,name\nu1,7,2,a\nu1,8,1,b\n");
        assert_eq!(one.unwrap_err().to_string(), "r.csv: column \"user\" holds one user (\"u1\"); a recommender learns from many users' ratings: use a file with at least 2 users, or check that data.recommend.user names the user column");
        let empty = read_text("user,item,rating,name\n,7,2,a\nu1,,1,b\n");
        assert_eq!(empty.unwrap_err().to_string(), "r.csv: no rows left after dropping 2 with a missing \"user\", \"item\" or rating; fill those columns");
    }
}
