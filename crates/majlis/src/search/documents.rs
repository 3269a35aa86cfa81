//! What the index holds, and how the activities say it. Search knows no
//! activity: each one that has content to find provides a [`Source`] per
//! kind (`library::search`, `events::search`, …), and the application
//! assembles them into a [`Catalogue`] at the top, with the theme slugs and
//! the vocabulary that the directory's reference data provides.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use majlis_search::{Document, Vocabulary};
use sea_orm::{DatabaseConnection, DbErr};

use crate::i18n::TrText;

/// Theme slugs by theme id (documents carry slugs; rows carry ids).
pub type ThemeSlugs = HashMap<i32, String>;

/// A database read in progress (the boxed future a [`Source`] returns).
pub type Loading<'a, T> = Pin<Box<dyn Future<Output = Result<T, DbErr>> + Send + 'a>>;

/// Reads documents of one kind: every one (`None`, for a rebuild) or the one
/// with this id (an empty list when nothing of it is to be found any more:
/// deleted, or no longer published).
pub type Load =
    for<'a> fn(&'a DatabaseConnection, &'a ThemeSlugs, Option<i32>) -> Loading<'a, Vec<Document>>;

/// One kind of content in the index, provided by the activity that owns it.
#[derive(Clone, Copy)]
pub struct Source {
    /// The kind (`type` in the API, `search-type-{kind}` in the locales) and
    /// the entity name its changes carry in the outbox.
    pub kind: &'static str,
    pub load: Load,
}

/// The ids of documents of a kind that a change of another entity touches
/// (the outbox row's id given).
pub type Affected = for<'a> fn(&'a DatabaseConnection, i32) -> Loading<'a, Vec<i32>>;

/// Documents of `kind` to read again when the outbox says `entity`
/// changed: for what a document's audience or text takes from elsewhere
/// (the people of a municipality, for participants-only project ideas).
/// Provided by the activity that owns `kind`.
#[derive(Clone, Copy)]
pub struct Follow {
    /// The outbox entity followed (written by a lower activity).
    pub entity: &'static str,
    /// The kind of the documents to read again (a [`Source`]'s kind).
    pub kind: &'static str,
    pub affected: Affected,
}

/// Every kind the index holds, registered in one place at the top.
#[derive(Clone)]
pub struct Catalogue {
    pub sources: Vec<Source>,
    /// Documents that follow changes of other entities.
    pub follows: Vec<Follow>,
    /// Theme slugs by id (read once per rebuild or round of changes).
    pub theme_slugs: for<'a> fn(&'a DatabaseConnection) -> Loading<'a, ThemeSlugs>,
    /// Theme labels and synonyms in every locale, for cross-language matches.
    pub vocabulary: fn() -> Vocabulary,
}

impl Catalogue {
    /// The kinds, in the order they were registered.
    pub fn kinds(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.sources.iter().map(|s| s.kind)
    }

    /// The kind named `name`, as the catalogue spells it.
    pub fn kind(&self, name: &str) -> Option<&'static str> {
        self.kinds().find(|k| *k == name)
    }

    /// The document for one changed row (`entity` as written to the outbox).
    /// `Ok(None)`: not a kind search holds; `Ok(Some(None))`: nothing of it
    /// is to be found any more.
    pub async fn one(
        &self,
        db: &DatabaseConnection,
        themes: &ThemeSlugs,
        entity: &str,
        id: i32,
    ) -> Result<Option<Option<Document>>, DbErr> {
        let Some(source) = self.sources.iter().find(|s| s.kind == entity) else {
            return Ok(None);
        };
        let docs = (source.load)(db, themes, Some(id)).await?;
        Ok(Some(docs.into_iter().next()))
    }

    /// The documents (kind and id) that follow a change of `entity` `id`.
    pub async fn following(
        &self,
        db: &DatabaseConnection,
        entity: &str,
        id: i32,
    ) -> Result<Vec<(&'static str, i32)>, DbErr> {
        let mut out = Vec::new();
        for f in self.follows.iter().filter(|f| f.entity == entity) {
            for doc in (f.affected)(db, id).await? {
                out.push((f.kind, doc));
            }
        }
        Ok(out)
    }

    /// Every document of every kind (for a rebuild).
    pub async fn all(&self, db: &DatabaseConnection) -> Result<Vec<Document>, DbErr> {
        let themes = (self.theme_slugs)(db).await?;
        let mut out = Vec::new();
        for source in &self.sources {
            out.extend((source.load)(db, &themes, None).await?);
        }
        Ok(out)
    }
}

/// Extracted file text indexed per language version (the rest is not searched).
pub const MAX_FILE_TEXT: usize = 200_000;

/// `text` cut to [`MAX_FILE_TEXT`] characters.
pub fn file_text(text: &str) -> &str {
    let cut = text
        .char_indices()
        .nth(MAX_FILE_TEXT)
        .map_or(text.len(), |(i, _)| i);
    &text[..cut]
}

/// Adds every language of `t` to the field `field` ([`title`], [`summary`], [`body`]).
pub fn add_tr(
    mut doc: Document,
    t: &TrText,
    field: fn(Document, Option<&str>, String) -> Document,
) -> Document {
    for l in t.locales() {
        if let Some(text) = t.get(l) {
            doc = field(doc, Some(l.code()), text.to_owned());
        }
    }
    doc
}

pub fn title(d: Document, l: Option<&str>, t: String) -> Document {
    d.title(l, t)
}
pub fn summary(d: Document, l: Option<&str>, t: String) -> Document {
    d.summary(l, t)
}
pub fn body(d: Document, l: Option<&str>, t: String) -> Document {
    d.body(l, t)
}

/// Theme slugs per owner, from link rows (`key`: owner id, theme id).
pub fn links_by<T>(
    rows: Vec<T>,
    key: impl Fn(&T) -> (i32, i32),
    themes: &ThemeSlugs,
) -> HashMap<i32, Vec<String>> {
    let mut out: HashMap<i32, Vec<String>> = HashMap::new();
    for r in rows {
        let (owner, theme) = key(&r);
        if let Some(slug) = themes.get(&theme) {
            out.entry(owner).or_default().push(slug.clone());
        }
    }
    out
}
