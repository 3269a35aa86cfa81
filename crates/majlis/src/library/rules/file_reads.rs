//! Files: who may download a stored file (through the resource or
//! practice that refers to it), and a practice's attachments.

use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use crate::library::entities::{
    file_object, practice, practice_attachment, resource, resource_version,
};
use crate::library::visible_codes;
use crate::policy::{Action, Actor, can};

// ------------------------------------------------------------------ files

/// Why a stored file is served: the names it goes by and who may read it.
#[derive(Clone, Debug)]
pub struct FileUse {
    pub file_name: Option<String>,
}

/// The first name under which the reader may download this file, or `None`
/// when no resource or practice the reader may see holds it (so guessing a
/// hash finds nothing).
pub async fn readable_file<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    sha: &str,
) -> Result<Option<FileUse>, DbErr> {
    let in_resources = resource_version::Entity::find()
        .filter(resource_version::Column::FileSha256.eq(sha))
        .filter(
            resource_version::Column::ResourceId.in_subquery(
                Query::select()
                    .column(resource::Column::Id)
                    .from(resource::Entity)
                    .and_where(resource::Column::Visibility.is_in(visible_codes(actor)))
                    .to_owned(),
            ),
        )
        .one(db)
        .await?;
    if let Some(v) = in_resources {
        return Ok(Some(FileUse {
            file_name: v.file_name,
        }));
    }
    let attachments = practice_attachment::Entity::find()
        .filter(practice_attachment::Column::FileSha256.eq(sha))
        .find_also_related_practice(db)
        .await?;
    Ok(attachments
        .into_iter()
        .find(|(_, p)| {
            p.as_ref()
                .is_some_and(|p| can(actor, Action::ViewPractice(p.policy_ref())))
        })
        .map(|(a, _)| FileUse {
            file_name: a.file_name,
        }))
}

/// A file as a download: the name it goes by and what it holds.
#[derive(Clone, Debug)]
pub struct Download {
    pub file_name: Option<String>,
    pub kind: majlis_files::FileKind,
}

/// [`readable_file`] with the stored file's kind: `None` when the reader
/// may not see it, or it has no record of a known kind.
pub async fn download<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    sha: &str,
) -> Result<Option<Download>, DbErr> {
    let Some(found) = readable_file(db, actor, sha).await? else {
        return Ok(None);
    };
    let Some(object) = file_object::Entity::find_by_id(sha).one(db).await? else {
        return Ok(None);
    };
    Ok(object.kind.parse().ok().map(|kind| Download {
        file_name: found.file_name,
        kind,
    }))
}

/// A practice's attachments, in the order they were added.
pub async fn attachments_of<C: ConnectionTrait>(
    db: &C,
    practice_id: i32,
) -> Result<Vec<practice_attachment::Model>, DbErr> {
    practice_attachment::Entity::find()
        .filter(practice_attachment::Column::PracticeId.eq(practice_id))
        .order_by_asc(practice_attachment::Column::Id)
        .all(db)
        .await
}

pub(super) trait AlsoPractice {
    async fn find_also_related_practice<C: ConnectionTrait>(
        self,
        db: &C,
    ) -> Result<Vec<(practice_attachment::Model, Option<practice::Model>)>, DbErr>;
}

impl AlsoPractice for Select<practice_attachment::Entity> {
    async fn find_also_related_practice<C: ConnectionTrait>(
        self,
        db: &C,
    ) -> Result<Vec<(practice_attachment::Model, Option<practice::Model>)>, DbErr> {
        let attachments = self.limit(50).all(db).await?;
        let ids: Vec<i32> = attachments.iter().map(|a| a.practice_id).collect();
        let practices = practice::Entity::find()
            .filter(practice::Column::Id.is_in(ids))
            .all(db)
            .await?;
        Ok(attachments
            .into_iter()
            .map(|a| {
                let p = practices.iter().find(|p| p.id == a.practice_id).cloned();
                (a, p)
            })
            .collect())
    }
}
