//! A recommender's model file opened as a [`Run`] (the page's "Open model"): its ids, titles,
//! history and weights at once, checked as `kindling predict` checks them; the rows of the data
//! it was trained on once that data is given ([`Run::attach`]: the same split by the same seed,
//! so its evaluation is the file's).

use super::file::RecommenderFile;
use super::run::Run;
use crate::data::Table;
use crate::error::{Error, Result};
use crate::io::{model_file, model_text};
use crate::rng::Rng;
use crate::train::Optimizer;

impl RecommenderFile {
    /// Reads model file `bytes` named `name` (UTF-8 or UTF-16 JSON) with the checks of every
    /// model file (JSON, `format` and `version`) and of [`from_value`](Self::from_value).
    pub fn read(name: &str, bytes: &[u8]) -> Result<Self> {
        let text = model_text::decode(name, bytes)?;
        // Its own words for bad JSON: sharing `Model::from_json`'s cost pkg/ ~70 gzipped bytes.
        let value = crate::json::parse(&text).map_err(|e| {
            Error::data(name, format!("not valid JSON ({e}); the file is damaged or truncated: download the model again"))
        })?;
        model_file::header(name, &value)?;
        Self::from_value(name, &value)
    }
}

impl Run {
    /// The run of model `file` named `name` (read by [`RecommenderFile::read`]): its weights
    /// (checked by [`RecommenderFile::model`]) and history, no rows yet (a user's top N then
    /// leaves out nothing); it does not train. Errors name the file and the key.
    pub fn open(file: &RecommenderFile, name: &str) -> Result<Run> {
        let model = file.model(name)?;
        let (ids, exp) = (file.recommender.clone(), file.experiment.clone());
        Ok(Run {
            optimizer: Optimizer::new(exp.compile.optimizer.clone()),
            shuffle: Rng::new(exp.seed),
            experiment: exp,
            users: ids.users,
            items: ids.items,
            titles: ids.titles,
            model,
            train: Vec::new(),
            validation: Vec::new(),
            test: Vec::new(),
            history: file.metrics.history.clone(),
            warnings: Vec::new(),
            best: None,
            stopped: true,
        })
    }

    /// True once the run has rows (trained here, or opened then [`attach`](Self::attach)ed).
    pub fn has_rows(&self) -> bool {
        !self.train.is_empty()
    }

    /// Gives an opened run the rows of `table`, read and split as [`Run::new`] does with the
    /// run's experiment, keeping its weights; refused (the run unchanged) when the training rows'
    /// ids are not the model's: that is not the data it was trained on.
    pub fn attach(&mut self, table: &Table) -> Result<()> {
        let mut fresh = Run::new(self.experiment.clone(), table)?;
        if fresh.users != self.users || fresh.items != self.items {
            return Err(Error::data(&table.name, format!(
                "its training rows hold {} users and {} items, the model {} and {} (or other ids): it is not the data the model was trained on; open that CSV",
                fresh.users.len(),
                fresh.items.len(),
                self.users.len(),
                self.items.len()
            )));
        }
        fresh.model.set_weights(&self.model.weights())?;
        fresh.model.mean = self.model.mean;
        fresh.titles = std::mem::take(&mut self.titles);
        fresh.history = std::mem::take(&mut self.history);
        fresh.stopped = true;
        *self = fresh;
        Ok(())
    }
}
