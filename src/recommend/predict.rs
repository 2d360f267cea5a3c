//! Predictions of a saved recommender on a table with the experiment's user and item columns:
//! every row's pair scored, or each user's top N items among those the table does not pair with
//! them. Ids the model was not trained on are cold-start errors naming the row and column.

use super::apply::top_n;
use super::file::RecommenderFile;
use super::model::Recommender;
use super::run::as_arrays;
use crate::data::Table;
use crate::error::{Error, Result};
use crate::io::predictions::escape_formula;

/// The `(user index, item index)` of every row of `table`, in order.
fn pairs(file: &RecommenderFile, table: &Table) -> Result<Vec<(usize, usize)>> {
    let r = super::data::settings(&file.experiment.data)?;
    let ids = &file.recommender;
    let (user, item) = (&table.column(&r.user)?.data, &table.column(&r.item)?.data);
    let line = |row: usize| table.lines.get(row).copied().unwrap_or(row + 2);
    (0..table.rows)
        .map(|row| {
            let cell = |data: &crate::data::ColumnData, name: &str| {
                data.text(row).ok_or_else(|| {
                    let msg = format!(
                        "line {}: column {name:?} is empty; give every row a user and an item id",
                        line(row)
                    );
                    Error::data(&table.name, msg)
                })
            };
            let u = ids
                .users
                .index(&cell(user, &r.user)?, &table.name, &r.user, line(row))?;
            let i = ids
                .items
                .index(&cell(item, &r.item)?, &table.name, &r.item, line(row))?;
            Ok((u, i))
        })
        .collect()
}

/// CSV text of `rows` under `header`, formulas escaped.
fn csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header.iter().map(|h| escape_formula(h)))
        .expect("writes to memory");
    for row in rows {
        w.write_record(row.iter().map(|c| escape_formula(c)))
            .expect("writes to memory");
    }
    String::from_utf8(w.into_inner().expect("flushes")).expect("UTF-8")
}

/// `USER,ITEM,predicted_RATING` for every row of `table`.
pub fn score_csv(file: &RecommenderFile, model: &mut Recommender, table: &Table) -> Result<String> {
    let pairs = pairs(file, table)?;
    let rated: Vec<_> = pairs.iter().map(|&(u, i)| (u, i, 0.0)).collect();
    let scores = model.predict(&as_arrays(&rated).0);
    let ids = &file.recommender;
    let r = super::data::settings(&file.experiment.data)?;
    let target = format!(
        "predicted_{}",
        file.experiment.data.target.as_deref().unwrap_or("rating")
    );
    let rows = pairs.iter().zip(&scores).map(|(&(u, i), s)| {
        vec![
            ids.users.ids[u].clone(),
            ids.items.ids[i].clone(),
            s.to_string(),
        ]
    });
    Ok(csv(&[&r.user, &r.item, &target], rows))
}

/// `user,rank,item,title,score`: for each user of `table` (or only `only`), the `n` best items
/// among those `table` does not pair with them.
pub fn top_csv(
    file: &RecommenderFile,
    model: &mut Recommender,
    table: &Table,
    n: usize,
    only: Option<&str>,
) -> Result<String> {
    let pairs = pairs(file, table)?;
    let ids = &file.recommender;
    let mut users: Vec<usize> = Vec::new();
    for &(u, _) in &pairs {
        if !users.contains(&u) {
            users.push(u);
        }
    }
    if let Some(id) = only {
        let r = super::data::settings(&file.experiment.data)?;
        let u = ids.users.get(id).ok_or_else(|| Error::data(&table.name, format!(
            "--user {id:?}: the model was not trained on this user of column {:?} (cold start); name a user from the training data", r.user)))?;
        users = vec![u];
    }
    let mut rows = Vec::new();
    for u in users {
        let rated: Vec<usize> = pairs.iter().filter(|p| p.0 == u).map(|p| p.1).collect();
        for (rank, (i, score)) in top_n(model, u, ids.items.len(), &rated, n)
            .into_iter()
            .enumerate()
        {
            let title = ids.titles.get(i).cloned().unwrap_or_default();
            let (user, item) = (ids.users.ids[u].clone(), ids.items.ids[i].clone());
            rows.push(vec![
                user,
                (rank + 1).to_string(),
                item,
                title,
                score.to_string(),
            ]);
        }
    }
    Ok(csv(
        &["user", "rank", "item", "title", "score"],
        rows.into_iter(),
    ))
}
