//! Reading practices: the list in a scope (published, one's own, the
//! review queue) and a practice's page with its review history.

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, FromQueryResult, Iterable,
    QueryFilter, QueryOrder, QuerySelect,
};

use super::{LibraryFilter, Sort, public_statuses};
use crate::db::list::ListQuery;
use crate::directory::entities::{country, municipality, organisation, theme};
use crate::directory::reference::Reference;
use crate::directory::rules::{on_theme, theme_ids_column, themes_of};
use crate::fields::paging::{Page, PageRequest};
use crate::i18n::TrText;
use crate::library::entities::{
    practice, practice_attachment, practice_resource, practice_review, practice_theme, resource,
};
use crate::library::pictures::{self, OwnerKind};
use crate::library::{PracticeStatus, visible_codes};
use crate::policy::{Action, Actor, can};

/// A practice with what its list entry shows.
#[derive(Clone, Debug)]
pub struct PracticeCard {
    pub practice: practice::Model,
    pub status: PracticeStatus,
    pub themes: Vec<theme::Model>,
    pub owner: Option<TrText>,
    pub country: Option<country::Model>,
    /// The address of its first photo, for the card.
    pub photo: Option<String>,
}

#[derive(FromQueryResult)]
pub(super) struct PracticeRow {
    #[sea_orm(nested)]
    practice: practice::Model,
    theme_ids: Option<String>,
    photo_id: Option<i32>,
    owner_name: Option<TrText>,
}

/// Which practices a list shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PracticeScope {
    /// Published practices (the library).
    Published,
    /// Waiting for a reviewer (staff).
    ReviewQueue,
    /// Any state, of these municipalities or by this author.
    Mine {
        person: i32,
        municipalities: Vec<i32>,
    },
}

pub(super) fn practice_query(
    reference: &Reference,
    scope: &PracticeScope,
    f: &LibraryFilter,
) -> ListQuery<practice::Entity> {
    use practice::Column as P;
    let q = ListQuery::new(practice::Entity::find());
    let q = match scope {
        PracticeScope::Published => q.filter(P::Status.is_in(public_statuses())),
        PracticeScope::ReviewQueue => q.filter(P::Status.is_in([
            PracticeStatus::Submitted.code(),
            PracticeStatus::InReview.code(),
        ])),
        PracticeScope::Mine {
            person,
            municipalities,
        } => q.filter(
            sea_orm::Condition::any()
                .add(P::AuthorId.eq(*person))
                .add(P::MunicipalityId.is_in(municipalities.clone())),
        ),
    };
    q.filter_by(f.year, |y| P::Year.eq(y))
        .filter_by(f.country.as_ref(), |c| P::CountryCode.eq(c.as_str()))
        .filter_by(f.lang, |l| P::Langs.contains(format!(",{},", l.code())))
        .filter_known(f.theme.as_ref(), |slug| {
            on_theme(
                reference,
                slug,
                P::Id,
                practice_theme::Column::PracticeId,
                practice_theme::Column::ThemeId,
            )
        })
}

/// The countries of the practices a scope shows (what its country filter
/// offers: never a country only practices the reader cannot see have). One
/// query.
pub async fn practice_countries<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    scope: &PracticeScope,
) -> Result<Vec<String>, DbErr> {
    practice_query(reference, scope, &LibraryFilter::default())
        .distinct_values(db, practice::Column::CountryCode)
        .await
}

/// One page of practices: one query (rows without their long content,
/// themes, the name of their municipality or organisation, total).
pub async fn list_practices<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    scope: &PracticeScope,
    f: &LibraryFilter,
    page: PageRequest,
) -> Result<Page<PracticeCard>, DbErr> {
    let backend = db.get_database_backend();
    let no_content = match backend {
        DatabaseBackend::Postgres => "CAST('{}' AS JSONB)",
        _ => "'{}'",
    };
    let rows = practice_query(reference, scope, f)
        .page::<PracticeRow, _>(db, page, |q| {
            let sel = q
                .select_only()
                .columns(
                    practice::Column::iter().filter(|c| !matches!(c, practice::Column::Content)),
                )
                .column_as(Expr::cust(no_content), "content")
                .column_as(
                    Expr::cust(theme_ids_column(backend, "practice_theme", "practice")),
                    "theme_ids",
                )
                .column_as(
                    Expr::cust(
                        "COALESCE((SELECT m.name FROM municipality m WHERE m.id = practice.municipality_id), \
                         (SELECT o.name FROM organisation o WHERE o.id = practice.organisation_id))",
                    ),
                    "owner_name",
                )
                .column_as(
                    Expr::cust(pictures::first_photo_column(OwnerKind::Practice, "practice")),
                    "photo_id",
                );
            match f.sort {
                Sort::Newest => sel
                    .order_by(
                        Expr::cust("COALESCE(practice.year, 0)"),
                        sea_orm::Order::Desc,
                    )
                    .order_by_desc(practice::Column::Id),
                Sort::Oldest => sel
                    .order_by(
                        Expr::cust("COALESCE(practice.year, 9999)"),
                        sea_orm::Order::Asc,
                    )
                    .order_by_asc(practice::Column::Id),
                Sort::Title => sel.order_by_asc(practice::Column::Slug),
                Sort::Changed => sel
                    .order_by_desc(practice::Column::UpdatedAt)
                    .order_by_desc(practice::Column::Id),
            }
        })
        .await?;
    Ok(rows.map(|r| PracticeCard {
        status: r.practice.status(),
        themes: themes_of(reference, r.theme_ids.as_deref()),
        owner: r.owner_name,
        photo: r
            .photo_id
            .map(|id| pictures::src(OwnerKind::Practice, r.practice.id, id)),
        country: r
            .practice
            .country_code
            .as_deref()
            .and_then(|c| reference.country(c).cloned()),
        practice: r.practice,
    }))
}

/// A practice's page: the practice and everything around it.
#[derive(Clone, Debug)]
pub struct PracticeDetail {
    pub practice: practice::Model,
    pub status: PracticeStatus,
    pub themes: Vec<theme::Model>,
    pub country: Option<country::Model>,
    pub municipality: Option<municipality::Model>,
    pub organisation: Option<organisation::Model>,
    pub attachments: Vec<practice_attachment::Model>,
    pub resources: Vec<resource::Model>,
    pub reviews: Vec<ReviewEntry>,
    /// The network it was imported from (`majlis import`), if any.
    pub imported_from: Option<String>,
}

/// A step of the review history, with its author's name.
#[derive(Clone, Debug, FromQueryResult)]
pub struct ReviewEntry {
    pub action: String,
    pub body: Option<String>,
    pub author_name: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A practice's review history, oldest first, with its authors' names.
pub(super) async fn review_history<C: ConnectionTrait>(
    db: &C,
    id: i32,
) -> Result<Vec<ReviewEntry>, DbErr> {
    practice_review::Entity::find()
        .select_only()
        .column(practice_review::Column::Action)
        .column(practice_review::Column::Body)
        .column(practice_review::Column::CreatedAt)
        .column_as(
            Expr::cust(
                "(SELECT display_name FROM person WHERE person.id = practice_review.author_id)",
            ),
            "author_name",
        )
        .filter(practice_review::Column::PracticeId.eq(id))
        .order_by_asc(practice_review::Column::Id)
        .into_model::<ReviewEntry>()
        .all(db)
        .await
}

/// A practice the reader may see (`None` otherwise), in a fixed number of
/// queries; the review history only for those who may act on it.
pub async fn practice_detail<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    id: i32,
) -> Result<Option<PracticeDetail>, DbErr> {
    let Some(p) = practice::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    if !can(actor, Action::ViewPractice(p.policy_ref())) {
        return Ok(None);
    }
    let theme_ids: Vec<String> = practice_theme::Entity::find()
        .filter(practice_theme::Column::PracticeId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.theme_id.to_string())
        .collect();
    let municipality = match p.municipality_id {
        Some(m) => municipality::Entity::find_by_id(m).one(db).await?,
        None => None,
    };
    let organisation = match p.organisation_id {
        Some(o) => organisation::Entity::find_by_id(o).one(db).await?,
        None => None,
    };
    let attachments = practice_attachment::Entity::find()
        .filter(practice_attachment::Column::PracticeId.eq(id))
        .order_by_asc(practice_attachment::Column::Id)
        .all(db)
        .await?;
    let resources = resource::Entity::find()
        .filter(resource::Column::Visibility.is_in(visible_codes(actor)))
        .filter(
            resource::Column::Id.in_subquery(
                Query::select()
                    .column(practice_resource::Column::ResourceId)
                    .from(practice_resource::Entity)
                    .and_where(practice_resource::Column::PracticeId.eq(id))
                    .to_owned(),
            ),
        )
        .order_by_asc(resource::Column::Id)
        .all(db)
        .await?;
    let reviews = if actor.is_some_and(|a| {
        can(Some(a), Action::ReviewPractices)
            || (p.status() != PracticeStatus::Published
                && can(Some(a), Action::ViewPractice(p.policy_ref())))
    }) {
        review_history(db, id).await?
    } else {
        Vec::new()
    };
    let imported_from = crate::db::provenance::source_of(db, "practice", id).await?;
    Ok(Some(PracticeDetail {
        imported_from,
        status: p.status(),
        themes: themes_of(reference, Some(&theme_ids.join(","))),
        country: p
            .country_code
            .as_deref()
            .and_then(|c| reference.country(c).cloned()),
        municipality,
        organisation,
        attachments,
        resources,
        reviews,
        practice: p,
    }))
}
