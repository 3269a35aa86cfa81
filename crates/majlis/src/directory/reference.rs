//! Reference data every installation has: the ISO 3166-1 countries in five
//! locales and the network's theme vocabulary. Synchronised after each
//! migration run; changes nothing when already up to date.

use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, DbErr, EntityTrait, IntoActiveModel};
use serde::Deserialize;

use super::entities::{country, theme};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::{Locale, TrText};

const COUNTRIES_TSV: &str = include_str!("countries.tsv");
const THEMES_TOML: &str = include_str!("themes.toml");

/// A theme as written in `themes.toml`.
#[derive(Debug, Deserialize)]
pub struct ThemeDef {
    pub slug: String,
    pub label: TrDef,
    /// Other words people use for the theme, per locale (search matches them).
    #[serde(default)]
    pub synonyms: std::collections::BTreeMap<Locale, Vec<String>>,
}

/// A translatable value as written in the data files: `{ orig = "en", en = "…", ar = "…" }`.
#[derive(Clone, Debug, Deserialize)]
pub struct TrDef {
    pub orig: Locale,
    #[serde(flatten)]
    pub values: std::collections::BTreeMap<Locale, String>,
}

impl TryFrom<TrDef> for TrText {
    type Error = crate::i18n::TrTextError;
    fn try_from(d: TrDef) -> Result<Self, Self::Error> {
        TrText::from_values(d.orig, d.values)
    }
}

#[derive(Deserialize)]
struct ThemesFile {
    theme: Vec<ThemeDef>,
}

/// Parse the embedded countries table.
pub fn country_rows() -> Result<Vec<country::Model>, String> {
    let mut lines = COUNTRIES_TSV.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    if header.first() != Some(&"code") || header.get(1) != Some(&"alpha3") {
        return Err("countries.tsv: unexpected header".into());
    }
    let locales: Vec<Locale> = header[2..]
        .iter()
        .map(|h| {
            h.parse()
                .map_err(|_| format!("countries.tsv: unknown locale {h}"))
        })
        .collect::<Result<_, _>>()?;
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != header.len() {
                return Err(format!("countries.tsv: bad row {line:?}"));
            }
            let name = TrText::from_values(
                Locale::En,
                locales
                    .iter()
                    .copied()
                    .zip(cols[2..].iter().map(|s| s.to_string())),
            )
            .map_err(|e| format!("countries.tsv: {}: {e}", cols[0]))?;
            Ok(country::Model {
                code: cols[0].to_owned(),
                alpha3: cols[1].to_owned(),
                name,
            })
        })
        .collect()
}

/// Parse the embedded theme vocabulary.
pub fn theme_defs() -> Result<Vec<ThemeDef>, String> {
    toml::from_str::<ThemesFile>(THEMES_TOML)
        .map(|f| f.theme)
        .map_err(|e| format!("themes.toml: {e}"))
}

/// Countries and themes held in memory by each node: read on every directory
/// page, and changed only by [`sync`] (at start-up, from the files embedded in
/// the binary), so a node loads them once after syncing.
///
/// When themes become editable at run time, a change must reach other nodes
/// through the outbox (`theme` rows are already recorded there).
#[derive(Clone, Debug, Default)]
pub struct Reference {
    countries: std::collections::HashMap<String, country::Model>,
    themes: Vec<theme::Model>,
}

impl Reference {
    /// Read both tables (two queries).
    pub async fn load<C: sea_orm::ConnectionTrait>(db: &C) -> Result<Self, DbErr> {
        use sea_orm::QueryOrder;
        let countries = country::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.code.clone(), c))
            .collect();
        let themes = theme::Entity::find()
            .order_by_asc(theme::Column::Position)
            .order_by_asc(theme::Column::Slug)
            .all(db)
            .await?;
        Ok(Reference { countries, themes })
    }

    pub fn country(&self, code: &str) -> Option<&country::Model> {
        self.countries.get(code)
    }

    /// All countries, by code.
    pub fn countries(&self) -> impl Iterator<Item = &country::Model> {
        let mut all: Vec<&country::Model> = self.countries.values().collect();
        all.sort_by(|a, b| a.code.cmp(&b.code));
        all.into_iter()
    }

    /// Themes in vocabulary order.
    pub fn themes(&self) -> &[theme::Model] {
        &self.themes
    }

    pub fn theme_by_slug(&self, slug: &str) -> Option<&theme::Model> {
        self.themes.iter().find(|t| t.slug == slug)
    }

    pub fn theme(&self, id: i32) -> Option<&theme::Model> {
        self.themes.iter().find(|t| t.id == id)
    }
}

/// Insert missing countries and themes, update changed names. Returns how many rows changed.
pub async fn sync(db: &Db) -> Result<usize, DbErr> {
    let countries = country_rows().map_err(DbErr::Custom)?;
    let themes = theme_defs().map_err(DbErr::Custom)?;
    let existing_countries: std::collections::HashMap<String, country::Model> =
        country::Entity::find()
            .all(db.read())
            .await?
            .into_iter()
            .map(|c| (c.code.clone(), c))
            .collect();
    let existing_themes: std::collections::HashMap<String, theme::Model> = theme::Entity::find()
        .all(db.read())
        .await?
        .into_iter()
        .map(|t| (t.slug.clone(), t))
        .collect();

    let tx = db.begin_write().await?;
    let mut changed = 0;
    for c in countries {
        match existing_countries.get(&c.code) {
            Some(old) if *old == c => {}
            Some(_) => {
                let mut am = c.clone().into_active_model();
                am.name = Set(c.name.clone());
                am.alpha3 = Set(c.alpha3.clone());
                am.update(&tx).await?;
                changed += 1;
            }
            None => {
                country::Entity::insert(c.into_active_model())
                    .exec(&tx)
                    .await?;
                changed += 1;
            }
        }
    }
    for (position, def) in themes.into_iter().enumerate() {
        let label = TrText::try_from(def.label)
            .map_err(|e| DbErr::Custom(format!("theme {}: {e}", def.slug)))?;
        let position = position as i32;
        match existing_themes.get(&def.slug) {
            Some(old) if old.label == label && old.position == position => {}
            Some(old) => {
                let mut am = old.clone().into_active_model();
                am.label = Set(label);
                am.position = Set(position);
                am.update(&tx).await?;
                outbox::record(&tx, "theme", old.id, Op::Updated).await?;
                changed += 1;
            }
            None => {
                let t = theme::ActiveModel {
                    slug: Set(def.slug.clone()),
                    label: Set(label),
                    position: Set(position),
                    ..Default::default()
                }
                .insert(&tx)
                .await?;
                outbox::record(&tx, "theme", t.id, Op::Created).await?;
                changed += 1;
            }
        }
    }
    tx.commit().await?;
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_is_named_in_every_locale() {
        let rows = country_rows().unwrap();
        assert!(rows.len() >= 240, "only {} countries", rows.len());
        for c in &rows {
            assert_eq!(c.code.len(), 2, "{}", c.code);
            for l in Locale::ALL {
                assert!(c.name.get(l).is_some(), "{} has no {l} name", c.code);
            }
        }
        let tr = rows.iter().find(|c| c.code == "TR").unwrap();
        assert!(tr.name.get(Locale::Ar).is_some());
    }

    #[test]
    fn every_theme_is_labelled_in_every_locale() {
        let themes = theme_defs().unwrap();
        assert!(themes.len() >= 12);
        for t in themes {
            let label = TrText::try_from(t.label).unwrap();
            for l in Locale::ALL {
                assert!(label.get(l).is_some(), "theme {} has no {l} label", t.slug);
            }
        }
    }
}
