//! Events as owners of photos (the library's pictures): an event's title,
//! page and whether the reader may see it, for the policy to decide who
//! sees and who changes its photos.

use sea_orm::{DatabaseConnection, EntityTrait};

use crate::events::entities::event;
use crate::library::pictures::OwnerFacts;
use crate::library::pictures::owners::Describing;
use crate::policy::{Actor, PicturesRef};

/// One event by id (one query).
pub fn describe<'a>(
    db: &'a DatabaseConnection,
    actor: Option<&'a Actor>,
    id: i32,
) -> Describing<'a> {
    Box::pin(async move {
        let Some(e) = event::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let visible = crate::events::rules::visible_codes(actor)
            .iter()
            .any(|code| *code == e.visibility);
        Ok(Some(OwnerFacts {
            title: e.title.clone(),
            url: format!("/events/{}", e.slug),
            policy: PicturesRef::Event { visible },
        }))
    })
}
