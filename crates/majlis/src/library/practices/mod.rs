//! A good practice: its content (translatable where people write prose), the
//! steps of the "submit a practice" form, its life from draft to published,
//! and its versions (every save is kept and can be compared).

use crate::fields::form::RawForm;
use crate::i18n::Locale;

mod compare;
mod content;
mod form;
mod life;

pub use compare::{Change, DiffKind, DiffPart, compare};
pub use content::{PracticeContent, Snapshot, Step};
pub use form::{Known, apply_step, missing_for_review};
pub use life::{
    PracticeError, Transition, add_attachment, delete, may_delete, save, snapshot_of, transition,
    versions,
};

pub const MAX_TITLE: usize = 300;
pub const MAX_SUMMARY: usize = 1_000;
pub const MAX_TEXT: usize = 10_000;
pub const MAX_SHORT: usize = 200;
pub const MAX_COMMENT: usize = 4_000;

coded_enum! {
    /// The prose fields of a practice, each translatable.
    TextField {
        Summary => "summary",
        TargetGroups => "target-groups",
        Challenge => "challenge",
        Approach => "approach",
        Partners => "partners",
        Results => "results",
        Lessons => "lessons",
        Transferability => "transferability",
    }
}

/// A field and the Fluent id of what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

fn err(errors: &mut Vec<FieldError>, field: &'static str, message: &'static str) {
    errors.push(FieldError { field, message });
}

/// The practice form as the stored practice would fill it.
impl RawForm {
    /// The form as the stored practice would fill it, for `lang`.
    pub fn from_snapshot(s: &Snapshot, lang: Locale) -> RawForm {
        let mut v = vec![
            ("orig".to_owned(), s.orig().code().to_owned()),
            (
                "title".to_owned(),
                s.title.get(lang).unwrap_or_default().to_owned(),
            ),
            (
                "owner".to_owned(),
                match (s.municipality_id, s.organisation_id) {
                    (Some(m), _) => format!("m:{m}"),
                    (None, Some(o)) => format!("o:{o}"),
                    _ => String::new(),
                },
            ),
            (
                "country".to_owned(),
                s.country_code.clone().unwrap_or_default(),
            ),
            ("city".to_owned(), s.content.city.clone()),
            ("department".to_owned(), s.content.department.clone()),
            ("contact_name".to_owned(), s.content.contact_name.clone()),
            ("contact_email".to_owned(), s.content.contact_email.clone()),
            (
                "start_year".to_owned(),
                s.content
                    .start_year
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
            ),
            (
                "end_year".to_owned(),
                s.content
                    .end_year
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
            ),
            ("presenter".to_owned(), s.content.presenter.clone()),
            ("presented_at".to_owned(), s.content.presented_at.clone()),
        ];
        if s.content.ongoing {
            v.push(("ongoing".to_owned(), "1".to_owned()));
        }
        for t in &s.themes {
            v.push(("theme".to_owned(), t.to_string()));
        }
        for f in TextField::ALL {
            if let Some(text) = s.content.text(*f, lang) {
                v.push((f.name().to_owned(), text.to_owned()));
            }
        }
        RawForm(v)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::i18n::TrText;
    use crate::library::PracticeStatus;

    fn known() -> (Vec<i32>, Vec<String>, Vec<i32>) {
        (vec![1, 2, 3], vec!["TR".into(), "DE".into()], vec![10, 11])
    }

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn a_practice_is_started_in_its_language_and_translated_later() {
        let (themes, countries, munis) = known();
        let k = Known {
            themes: &themes,
            countries: &countries,
            municipalities: &munis,
            organisations: &[],
            this_year: 2026,
        };
        let raw = form(&[
            ("orig", "tr"),
            ("title", "Şahinbeyli Mülteciler Dil Bariyerini Aşıyor"),
            ("owner", "m:10"),
            ("country", "tr"),
            ("theme", "2"),
            ("start_year", "2016"),
            ("ongoing", "1"),
            ("summary", "Dil kursları"),
        ]);
        let s = apply_step(None, Step::About, Locale::Tr, &raw, &k).unwrap();
        assert_eq!(s.orig(), Locale::Tr);
        assert_eq!(s.country_code.as_deref(), Some("TR"));
        assert_eq!(s.municipality_id, Some(10));
        assert!(s.content.ongoing);
        let en = form(&[(
            "title",
            "Refugees in Şahinbey Overcome the Language Barrier",
        )]);
        let s2 = apply_step(Some(&s), Step::About, Locale::En, &en, &k).unwrap();
        assert_eq!(
            s2.title.original(),
            "Şahinbeyli Mülteciler Dil Bariyerini Aşıyor"
        );
        assert_eq!(
            s2.title.get(Locale::En),
            Some("Refugees in Şahinbey Overcome the Language Barrier")
        );
        assert_eq!(
            s2.municipality_id,
            Some(10),
            "a translation leaves the facts alone"
        );
        assert_eq!(
            s2.content.text(TextField::Summary, Locale::Tr),
            Some("Dil kursları")
        );
        let missing: Vec<_> = missing_for_review(&s2).iter().map(|e| e.field).collect();
        assert_eq!(missing, vec!["challenge", "approach"]);
    }

    #[test]
    fn every_bad_value_is_named_and_nothing_is_kept() {
        let (themes, countries, munis) = known();
        let k = Known {
            themes: &themes,
            countries: &countries,
            municipalities: &munis,
            organisations: &[],
            this_year: 2026,
        };
        let long = "x".repeat(MAX_TITLE + 1);
        let raw = form(&[
            ("orig", "en"),
            ("title", &long),
            ("owner", "m:99"),
            ("country", "ZZ"),
            ("theme", "7"),
            ("start_year", "2020"),
            ("end_year", "2019"),
            ("contact_email", "not-an-email"),
        ]);
        let errors = apply_step(None, Step::About, Locale::En, &raw, &k).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        for f in [
            "title",
            "owner",
            "country",
            "themes",
            "end_year",
            "contact_email",
        ] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        assert!(apply_step(None, Step::Story, Locale::En, &form(&[]), &k).is_err());
    }

    #[test]
    fn the_life_of_a_practice() {
        use PracticeStatus as S;
        assert_eq!(Transition::Submit.target(S::Draft), Some(S::Submitted));
        assert_eq!(
            Transition::Publish.target(S::Draft),
            None,
            "a draft is not published unseen"
        );
        assert_eq!(
            Transition::RequestChanges.target(S::InReview),
            Some(S::Draft)
        );
        assert_eq!(Transition::Archive.target(S::Submitted), None);
        assert_eq!(Transition::Publish.target(S::Archived), Some(S::Published));
    }

    #[test]
    fn versions_compare_word_by_word() {
        let mut a = Snapshot {
            title: TrText::new(Locale::En, "Child Caravan").unwrap(),
            municipality_id: None,
            organisation_id: None,
            country_code: None,
            themes: BTreeSet::new(),
            content: PracticeContent::default(),
        };
        a.content.set_text(
            TextField::Approach,
            Locale::En,
            "A bus visits the districts",
        );
        let mut b = a.clone();
        b.content.set_text(
            TextField::Approach,
            Locale::En,
            "A playful bus visits the districts weekly",
        );
        let changes = compare(&a, &b);
        assert_eq!(changes.len(), 1);
        let c = &changes[0];
        assert_eq!(c.label, "practice-field-approach");
        let added: String = c
            .parts
            .iter()
            .filter(|p| p.kind == DiffKind::Added)
            .map(|p| p.text.clone())
            .collect();
        assert!(
            added.contains("playful") && added.contains("weekly"),
            "{:?}",
            c.parts
        );
        assert!(compare(&a, &a).is_empty());
    }
}
