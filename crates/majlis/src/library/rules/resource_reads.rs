//! Reading resources: the list (one query for rows, languages and themes)
//! and a resource's page.

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, FromQueryResult, Iterable,
    QueryFilter, QueryOrder, QuerySelect,
};

use super::{LibraryFilter, Sort, public_statuses, split_codes};
use crate::db::list::{ListQuery, linked};
use crate::directory::entities::{country, organisation, theme};
use crate::directory::reference::Reference;
use crate::directory::rules::{on_theme, theme_ids_column, themes_of};
use crate::fields::paging::{Page, PageRequest};
use crate::i18n::TrText;
use crate::library::entities::{
    practice, practice_resource, resource, resource_country, resource_organisation, resource_theme,
    resource_version,
};
use crate::library::{ResourceKind, VisibilityCode, visible_codes};
use crate::policy::{Action, Actor, can};

// ------------------------------------------------------------------ resources

/// A resource with what its list entry shows.
#[derive(Clone, Debug)]
pub struct ResourceCard {
    pub resource: resource::Model,
    pub kind: Option<ResourceKind>,
    pub themes: Vec<theme::Model>,
    /// The language versions it exists in (codes, in the order stored).
    pub langs: Vec<String>,
}

#[derive(FromQueryResult)]
pub(super) struct ResourceRow {
    #[sea_orm(nested)]
    resource: resource::Model,
    theme_ids: Option<String>,
    langs: Option<String>,
}

pub(super) fn langs_column(backend: DatabaseBackend) -> &'static str {
    match backend {
        DatabaseBackend::Postgres => {
            "(SELECT string_agg(v.lang, ',' ORDER BY v.id) FROM resource_version v WHERE v.resource_id = resource.id)"
        }
        _ => {
            "(SELECT group_concat(v.lang) FROM (SELECT lang FROM resource_version v WHERE v.resource_id = resource.id ORDER BY v.id) v)"
        }
    }
}

pub(super) fn resource_query(
    reference: &Reference,
    actor: Option<&Actor>,
    f: &LibraryFilter,
) -> ListQuery<resource::Entity> {
    use resource::Column as R;
    ListQuery::new(resource::Entity::find().filter(R::Visibility.is_in(visible_codes(actor))))
        .filter_by(f.kind, |k| R::Kind.eq(k.code()))
        .filter_by(f.year, |y| R::Year.eq(y))
        .filter_known(f.theme.as_ref(), |slug| {
            on_theme(
                reference,
                slug,
                R::Id,
                resource_theme::Column::ResourceId,
                resource_theme::Column::ThemeId,
            )
        })
        .filter_by(f.country.as_ref(), |c| {
            linked(
                R::Id,
                resource_country::Column::ResourceId,
                resource_country::Column::CountryCode,
                c.as_str(),
            )
        })
        .filter_by(f.lang, |l| {
            linked(
                R::Id,
                resource_version::Column::ResourceId,
                resource_version::Column::Lang,
                l.code(),
            )
        })
}

/// The countries of the documents the reader may see (what the library's
/// country filter offers). One query.
pub async fn resource_countries<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
) -> Result<Vec<String>, DbErr> {
    use sea_orm::QuerySelect;
    let Some(visible) =
        resource_query(reference, actor, &LibraryFilter::default()).ids(resource::Column::Id)
    else {
        return Ok(Vec::new());
    };
    let codes = resource_country::Entity::find()
        .select_only()
        .column(resource_country::Column::CountryCode)
        .distinct()
        .filter(resource_country::Column::ResourceId.in_subquery(visible))
        .into_tuple::<String>()
        .all(db)
        .await?;
    Ok(codes)
}

/// One page of the library: one query (rows, themes, languages, total).
pub async fn list_resources<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    f: &LibraryFilter,
    page: PageRequest,
) -> Result<Page<ResourceCard>, DbErr> {
    let backend = db.get_database_backend();
    let rows = resource_query(reference, actor, f)
        .page::<ResourceRow, _>(db, page, |q| {
            let sel = q
                .select_only()
                .columns(resource::Column::iter())
                .column_as(
                    Expr::cust(theme_ids_column(backend, "resource_theme", "resource")),
                    "theme_ids",
                )
                .column_as(Expr::cust(langs_column(backend)), "langs");
            match f.sort {
                Sort::Newest => sel
                    .order_by(
                        Expr::cust("COALESCE(resource.year, 0)"),
                        sea_orm::Order::Desc,
                    )
                    .order_by(
                        Expr::cust("COALESCE(resource.month, 0)"),
                        sea_orm::Order::Desc,
                    )
                    .order_by_desc(resource::Column::Id),
                Sort::Oldest => sel
                    .order_by(
                        Expr::cust("COALESCE(resource.year, 9999)"),
                        sea_orm::Order::Asc,
                    )
                    .order_by(
                        Expr::cust("COALESCE(resource.month, 99)"),
                        sea_orm::Order::Asc,
                    )
                    .order_by_asc(resource::Column::Id),
                Sort::Title => sel.order_by_asc(resource::Column::Slug),
                Sort::Changed => sel
                    .order_by_desc(resource::Column::UpdatedAt)
                    .order_by_desc(resource::Column::Id),
            }
        })
        .await?;
    Ok(rows.map(|r| ResourceCard {
        kind: ResourceKind::from_code(&r.resource.kind),
        themes: themes_of(reference, r.theme_ids.as_deref()),
        langs: split_codes(r.langs.as_deref()),
        resource: r.resource,
    }))
}

/// A resource's page.
#[derive(Clone, Debug)]
pub struct ResourceDetail {
    pub card: ResourceCard,
    pub versions: Vec<resource_version::Model>,
    pub countries: Vec<country::Model>,
    pub organisations: Vec<organisation::Model>,
    pub practices: Vec<PracticeLink>,
    /// The network it was imported from (`majlis import`), if any.
    pub imported_from: Option<String>,
}

/// A practice named on another page.
#[derive(Clone, Debug, FromQueryResult)]
pub struct PracticeLink {
    pub id: i32,
    pub title: TrText,
}

/// A resource the reader may see, with its versions and links: five queries.
pub async fn resource_detail<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    id: i32,
) -> Result<Option<ResourceDetail>, DbErr> {
    let found =
        crate::db::provenance::one_sourced(db, resource::Entity::find_by_id(id), "resource")
            .await?;
    let Some(crate::db::provenance::Sourced {
        item: r,
        imported_from,
    }) = found
    else {
        return Ok(None);
    };
    let visible = VisibilityCode::from_code(&r.visibility)
        .is_some_and(|v| can(actor, Action::View(v.policy())));
    if !visible {
        return Ok(None);
    }
    let versions = resource_version::Entity::find()
        .filter(resource_version::Column::ResourceId.eq(id))
        .order_by_asc(resource_version::Column::Id)
        .all(db)
        .await?;
    let theme_ids: Vec<String> = resource_theme::Entity::find()
        .filter(resource_theme::Column::ResourceId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.theme_id.to_string())
        .collect();
    let countries = resource_country::Entity::find()
        .filter(resource_country::Column::ResourceId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|c| reference.country(&c.country_code).cloned())
        .collect();
    let organisations = organisation::Entity::find()
        .filter(
            organisation::Column::Id.in_subquery(
                Query::select()
                    .column(resource_organisation::Column::OrganisationId)
                    .from(resource_organisation::Entity)
                    .and_where(resource_organisation::Column::ResourceId.eq(id))
                    .to_owned(),
            ),
        )
        .all(db)
        .await?;
    let practices = practice::Entity::find()
        .select_only()
        .column(practice::Column::Id)
        .column(practice::Column::Title)
        .filter(practice::Column::Status.is_in(public_statuses()))
        .filter(
            practice::Column::Id.in_subquery(
                Query::select()
                    .column(practice_resource::Column::PracticeId)
                    .from(practice_resource::Entity)
                    .and_where(practice_resource::Column::ResourceId.eq(id))
                    .to_owned(),
            ),
        )
        .into_model::<PracticeLink>()
        .all(db)
        .await?;
    let langs = versions.iter().map(|v| v.lang.clone()).collect::<Vec<_>>();
    Ok(Some(ResourceDetail {
        card: ResourceCard {
            kind: ResourceKind::from_code(&r.kind),
            themes: themes_of(reference, Some(&theme_ids.join(","))),
            langs: split_codes(Some(&langs.join(","))),
            resource: r,
        },
        versions,
        countries,
        organisations,
        practices,
        imported_from,
    }))
}
