//! Compendium editions (coordinators choose and order published practices
//! in chapters by theme), and what the print crate receives: practice sheets
//! and whole compendiums, with every label in the reader's language.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::entities::compendium;
use super::practices::FieldError;

mod arrangement;
mod edition;
mod print;

pub use arrangement::{Arrangement, arrange, set_published};
pub use edition::{
    EditionInput, create, delete, describe, form_of, parse_description, parse_edition,
};
pub use print::{SheetContext, book, sheet, sheet_lookups};

pub const MAX_TITLE: usize = 300;
pub const MAX_INTRO: usize = 10_000;

#[derive(Debug, thiserror::Error)]
pub enum CompendiumError {
    #[error("not allowed")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    #[error("no such edition")]
    NotFound,
    #[error("invalid")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(CompendiumError);

fn err(errors: &mut Vec<FieldError>, field: &'static str, message: &'static str) {
    errors.push(FieldError { field, message });
}

/// An edition by its address, whatever its status (for staff forms).
pub async fn find(
    tx: &impl ConnectionTrait,
    slug: &str,
) -> Result<compendium::Model, CompendiumError> {
    compendium::Entity::find()
        .filter(compendium::Column::Slug.eq(slug))
        .one(tx)
        .await?
        .ok_or(CompendiumError::NotFound)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::Utc;

    use super::arrangement::written;
    use super::*;
    use crate::i18n::{Locale, TrText};

    fn edition() -> compendium::Model {
        let mut title = TrText::new(Locale::En, "Good practices 2018").unwrap();
        title.set(Locale::Tr, "İyi uygulamalar 2018");
        compendium::Model {
            id: 1,
            slug: "good-practices-2018".into(),
            title,
            subtitle: None,
            introduction: Some(TrText::new(Locale::En, "Why these practices.").unwrap()),
            year: 2018,
            edition: Some("May 2018".into()),
            publisher: None,
            status: "draft".into(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
            published_at: None,
        }
    }

    #[test]
    fn a_description_is_written_one_language_at_a_time() {
        let c = edition();
        let form = BTreeMap::from([
            ("orig", "ar"),
            ("title_ar", "ممارسات جيدة 2018"),
            ("introduction_ar", "لماذا هذه الممارسات."),
            ("title_en", "forged"),
            ("year", "2018"),
            ("edition", "May 2018"),
        ]);
        let get = |k: &str| form.get(k).copied().unwrap_or_default().to_owned();
        let input = parse_description(&c, Locale::Ar, get, 2026).unwrap();
        assert_eq!(input.title.orig(), Locale::En, "the original stays");
        assert_eq!(input.title.get(Locale::En), Some("Good practices 2018"));
        assert_eq!(input.title.get(Locale::Tr), Some("İyi uygulamalar 2018"));
        assert_eq!(input.title.get(Locale::Ar), Some("ممارسات جيدة 2018"));
        let intro = input.introduction.unwrap();
        assert_eq!(intro.get(Locale::En), Some("Why these practices."));
        assert_eq!(intro.get(Locale::Ar), Some("لماذا هذه الممارسات."));
        // The original cannot be emptied while the edition exists.
        let empty = |k: &str| {
            if k == "year" {
                "2018".into()
            } else {
                String::new()
            }
        };
        let errors = parse_description(&c, Locale::En, empty, 2026).unwrap_err();
        assert!(errors.iter().any(|e| e.field == "title"), "{errors:?}");
    }

    #[test]
    fn chapter_introductions_follow_the_other_forms() {
        let t = written(None, Locale::Ar, "مقدمة الفصل").unwrap();
        assert_eq!(t.orig(), Locale::Ar);
        let t = written(Some(t), Locale::En, "Chapter introduction").unwrap();
        assert_eq!(t.get(Locale::Ar), Some("مقدمة الفصل"));
        let t = written(Some(t), Locale::En, " ").unwrap();
        assert_eq!(t.get(Locale::En), None, "a translation emptied goes");
        assert!(
            written(Some(t), Locale::Ar, "").is_none(),
            "emptying the original removes it"
        );
        assert!(written(None, Locale::En, "").is_none());
    }
}
