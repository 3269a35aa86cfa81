//! How photos learn about what they belong to. The library knows events
//! only from above: each activity whose records carry photos gives a
//! [`Describe`] for its [`OwnerKind`], registered at the top
//! (`app::picture_owners`), as plans' owners are.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use sea_orm::{DatabaseConnection, DbErr};

use super::OwnerKind;
use crate::i18n::TrText;
use crate::policy::{Actor, PicturesRef};

/// What the owner's activity says of one owner, for one reader.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerFacts {
    pub title: TrText,
    /// The owner's page (without `?lang=`).
    pub url: String,
    /// What the policy decides the reader's rights on its photos from.
    pub policy: PicturesRef,
}

/// A description in progress.
pub type Describing<'a> =
    Pin<Box<dyn Future<Output = Result<Option<OwnerFacts>, DbErr>> + Send + 'a>>;

/// How one activity describes an owner (by id) to a reader; `None` when
/// there is no such owner.
pub type Describe = for<'a> fn(&'a DatabaseConnection, Option<&'a Actor>, i32) -> Describing<'a>;

/// The describers, one per owner kind, registered at the top.
#[derive(Clone, Default)]
pub struct Owners(Arc<[(OwnerKind, Describe)]>);

impl Owners {
    pub fn new(describers: Vec<(OwnerKind, Describe)>) -> Self {
        Owners(describers.into())
    }

    /// The facts of one owner for `actor`: one call, `None` when its kind
    /// has no describer or the owner does not exist.
    pub async fn describe(
        &self,
        db: &DatabaseConnection,
        actor: Option<&Actor>,
        kind: OwnerKind,
        id: i32,
    ) -> Result<Option<OwnerFacts>, DbErr> {
        match self.0.iter().find(|(k, _)| *k == kind) {
            Some((_, describe)) => describe(db, actor, id).await,
            None => Ok(None),
        }
    }
}

/// The library's own owners: practices (one query).
pub fn describe_practice<'a>(
    db: &'a DatabaseConnection,
    _actor: Option<&'a Actor>,
    id: i32,
) -> Describing<'a> {
    Box::pin(async move {
        use sea_orm::EntityTrait;
        let Some(p) = crate::library::entities::practice::Entity::find_by_id(id)
            .one(db)
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(OwnerFacts {
            title: p.title.clone(),
            url: format!("/practices/{}", p.id),
            policy: PicturesRef::Practice(p.policy_ref()),
        }))
    })
}
