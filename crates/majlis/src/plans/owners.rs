//! How plans learn about what they belong to. Plans know no owner: each
//! activity that owns plans provides a [`Describe`] for its [`OwnerKind`]
//! and the application registers them at the top (`app::AppState`). A
//! describer answers for many owners at once (one bounded query), so pages
//! listing plans stay fixed in their number of queries.
//!
//! A plan whose kind of owner has no describer falls back to
//! [`OwnerFacts::orphan`]: shown to signed-in members, edited by staff and
//! the focal points of its responsible municipality. A plan whose owner's
//! describer leaves it out (the owner is gone, or hidden from the reader)
//! is [`OwnerFacts::gone`]: only staff see it.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use sea_orm::{DatabaseConnection, DbErr};

use super::{Owner, OwnerKind};
use crate::i18n::TrText;
use crate::policy::Actor;

/// What the owner's activity says of one owner, for one reader.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerFacts {
    pub title: TrText,
    /// The owner's page (without `?lang=`).
    pub url: String,
    /// The reader may see the owner (and so its plans).
    pub visible_to_actor: bool,
    /// Municipalities whose focal points edit the owner's plans.
    pub editor_municipalities: Vec<i32>,
    /// The owner's calendar of its plan's milestones (without `?lang=`),
    /// when its activity offers one.
    pub calendar: Option<String>,
}

impl OwnerFacts {
    /// The facts of a plan whose owner nobody describes: members see it,
    /// its municipality edits it; there is no owner page.
    pub fn orphan(title: TrText, municipality_id: i32, actor: Option<&Actor>) -> Self {
        OwnerFacts {
            title,
            url: String::new(),
            visible_to_actor: actor.is_some(),
            editor_municipalities: vec![municipality_id],
            calendar: None,
        }
    }
}

impl OwnerFacts {
    /// The facts of a plan whose owner's activity does not describe it to
    /// the reader (deleted, or not visible to them): nobody but staff sees
    /// or edits it.
    pub fn gone(title: TrText) -> Self {
        OwnerFacts {
            title,
            url: String::new(),
            visible_to_actor: false,
            editor_municipalities: Vec::new(),
            calendar: None,
        }
    }
}

/// A description in progress.
pub type Describing<'a> =
    Pin<Box<dyn Future<Output = Result<HashMap<i32, OwnerFacts>, DbErr>> + Send + 'a>>;

/// How one activity describes its owners (by id) to a reader; ids it does
/// not know are left out of the answer.
pub type Describe =
    for<'a> fn(&'a DatabaseConnection, Option<&'a Actor>, &'a [i32]) -> Describing<'a>;

/// The describers, one per owner kind, registered at the top.
#[derive(Clone, Default)]
pub struct Owners(Arc<[(OwnerKind, Describe)]>);

impl Owners {
    pub fn new(describers: Vec<(OwnerKind, Describe)>) -> Self {
        Owners(describers.into())
    }

    /// Whether an activity describes owners of `kind`.
    pub fn describes(&self, kind: OwnerKind) -> bool {
        self.0.iter().any(|(k, _)| *k == kind)
    }

    /// The facts of every owner given that its activity knows, for `actor`:
    /// one call (one query) per kind present.
    pub async fn describe(
        &self,
        db: &DatabaseConnection,
        actor: Option<&Actor>,
        owners: &[Owner],
    ) -> Result<HashMap<Owner, OwnerFacts>, DbErr> {
        let mut out = HashMap::new();
        for (kind, describe) in self.0.iter() {
            let mut ids: Vec<i32> = owners
                .iter()
                .filter(|o| o.kind == *kind)
                .map(|o| o.id)
                .collect();
            if ids.is_empty() {
                continue;
            }
            ids.sort_unstable();
            ids.dedup();
            for (id, facts) in describe(db, actor, &ids).await? {
                out.insert(Owner { kind: *kind, id }, facts);
            }
        }
        Ok(out)
    }
}
