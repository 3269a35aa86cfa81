//! Reading the library: typed filters, and the bounded set of queries each
//! page runs. What a reader may see is decided in the query (a visitor's
//! counts never include members-only resources or unpublished practices).

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, FromQueryResult, Iterable,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use super::entities::{
    compendium, compendium_chapter, compendium_entry, file_object, practice, practice_attachment,
    practice_resource, practice_review, practice_theme, resource, resource_country,
    resource_organisation, resource_theme, resource_version,
};
use super::{PracticeStatus, ResourceKind, VisibilityCode, visible_codes};
use crate::accounts::policy::{Action, Actor, Visibility, can};
use crate::directory::entities::{country, municipality, organisation, theme};
use crate::directory::reference::Reference;
use crate::directory::rules::{
    CountryCode, Page, PageRequest, Slug, empty_page, non_empty, theme_ids_column, themes_of,
};
use crate::fields::{BadField, parse_opt};
use crate::i18n::{Locale, TrText};

/// What reading the library can fail with. The web layer turns it into a
/// response (`routes`), so these rules never see HTTP.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// A filter value could not be understood; names the query parameter.
    #[error("bad value for {field}")]
    BadFilter { field: &'static str },
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<BadField> for LibraryError {
    fn from(BadField(field): BadField) -> Self {
        LibraryError::BadFilter { field }
    }
}

/// How a list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Most recent first.
    #[default]
    Newest,
    /// Oldest first.
    Oldest,
    /// By title (its slug).
    Title,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::Title];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Title => "title",
        }
    }

    fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.code() == s)
    }
}

fn year(s: &str) -> Option<i32> {
    s.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y))
}

/// Filters of the library and of the practice list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct LibraryFilter {
    pub kind: Option<ResourceKind>,
    pub theme: Option<Slug>,
    pub country: Option<CountryCode>,
    pub lang: Option<Locale>,
    pub year: Option<i32>,
    pub sort: Sort,
}

impl LibraryFilter {
    /// Parse the query's values; a malformed one is an error naming the field.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, LibraryError> {
        let g = |k: &str| get(k);
        Ok(LibraryFilter {
            kind: parse_opt(g("kind").as_deref(), "kind", ResourceKind::from_code)?,
            theme: parse_opt(g("theme").as_deref(), "theme", Slug::parse)?,
            country: parse_opt(g("country").as_deref(), "country", CountryCode::parse)?,
            lang: parse_opt(g("language").as_deref(), "language", |s| {
                s.parse::<Locale>().ok()
            })?,
            year: parse_opt(g("year").as_deref(), "year", year)?,
            sort: parse_opt(g("sort").as_deref(), "sort", Sort::parse)?.unwrap_or_default(),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.kind.is_none()
            && self.theme.is_none()
            && self.country.is_none()
            && self.lang.is_none()
            && self.year.is_none()
    }
}

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
struct ResourceRow {
    #[sea_orm(nested)]
    resource: resource::Model,
    theme_ids: Option<String>,
    langs: Option<String>,
    full_count: i64,
}

fn langs_column(backend: DatabaseBackend) -> &'static str {
    match backend {
        DatabaseBackend::Postgres => {
            "(SELECT string_agg(v.lang, ',' ORDER BY v.id) FROM resource_version v WHERE v.resource_id = resource.id)"
        }
        _ => {
            "(SELECT group_concat(v.lang) FROM (SELECT lang FROM resource_version v WHERE v.resource_id = resource.id ORDER BY v.id) v)"
        }
    }
}

fn split_codes(s: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in s.unwrap_or_default().split(',').map(str::trim) {
        if !c.is_empty() && !out.iter().any(|o| o == c) {
            out.push(c.to_owned());
        }
    }
    out
}

fn resource_query(
    reference: &Reference,
    actor: Option<&Actor>,
    f: &LibraryFilter,
) -> Option<Select<resource::Entity>> {
    let mut q =
        resource::Entity::find().filter(resource::Column::Visibility.is_in(visible_codes(actor)));
    if let Some(k) = f.kind {
        q = q.filter(resource::Column::Kind.eq(k.code()));
    }
    if let Some(y) = f.year {
        q = q.filter(resource::Column::Year.eq(y));
    }
    if let Some(slug) = &f.theme {
        let t = reference.theme_by_slug(slug.as_str())?;
        q = q.filter(
            resource::Column::Id.in_subquery(
                Query::select()
                    .column(resource_theme::Column::ResourceId)
                    .from(resource_theme::Entity)
                    .and_where(resource_theme::Column::ThemeId.eq(t.id))
                    .to_owned(),
            ),
        );
    }
    if let Some(c) = &f.country {
        q = q.filter(
            resource::Column::Id.in_subquery(
                Query::select()
                    .column(resource_country::Column::ResourceId)
                    .from(resource_country::Entity)
                    .and_where(resource_country::Column::CountryCode.eq(c.as_str()))
                    .to_owned(),
            ),
        );
    }
    if let Some(l) = f.lang {
        q = q.filter(
            resource::Column::Id.in_subquery(
                Query::select()
                    .column(resource_version::Column::ResourceId)
                    .from(resource_version::Entity)
                    .and_where(resource_version::Column::Lang.eq(l.code()))
                    .to_owned(),
            ),
        );
    }
    Some(q)
}

/// One page of the library: one query (rows, themes, languages, total).
pub async fn list_resources<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    f: &LibraryFilter,
    page: PageRequest,
) -> Result<Page<ResourceCard>, DbErr> {
    let Some(q) = resource_query(reference, actor, f) else {
        return Ok(empty_page(page));
    };
    let backend = db.get_database_backend();
    let mut sel = q
        .clone()
        .select_only()
        .columns(resource::Column::iter())
        .column_as(
            Expr::cust(theme_ids_column(backend, "resource_theme", "resource")),
            "theme_ids",
        )
        .column_as(Expr::cust(langs_column(backend)), "langs")
        .column_as(Expr::cust("COUNT(*) OVER ()"), "full_count");
    sel = match f.sort {
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
    };
    let rows = sel
        .offset(page.offset())
        .limit(page.per_page)
        .into_model::<ResourceRow>()
        .all(db)
        .await?;
    let total = match rows.first() {
        Some(r) => r.full_count as u64,
        None if page.page > 1 => q.count(db).await?,
        None => 0,
    };
    let items = rows
        .into_iter()
        .map(|r| ResourceCard {
            kind: ResourceKind::from_code(&r.resource.kind),
            themes: themes_of(reference, r.theme_ids.as_deref()),
            langs: split_codes(r.langs.as_deref()),
            resource: r.resource,
        })
        .collect();
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// A resource's page.
#[derive(Clone, Debug)]
pub struct ResourceDetail {
    pub card: ResourceCard,
    pub versions: Vec<resource_version::Model>,
    pub countries: Vec<country::Model>,
    pub organisations: Vec<organisation::Model>,
    pub practices: Vec<PracticeLink>,
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
    let Some(r) = resource::Entity::find_by_id(id).one(db).await? else {
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
    }))
}

// ------------------------------------------------------------------ practices

fn public_statuses() -> Vec<&'static str> {
    vec![PracticeStatus::Published.code()]
}

/// A practice with what its list entry shows.
#[derive(Clone, Debug)]
pub struct PracticeCard {
    pub practice: practice::Model,
    pub status: PracticeStatus,
    pub themes: Vec<theme::Model>,
    pub owner: Option<TrText>,
    pub country: Option<country::Model>,
}

#[derive(FromQueryResult)]
struct PracticeRow {
    #[sea_orm(nested)]
    practice: practice::Model,
    theme_ids: Option<String>,
    owner_name: Option<TrText>,
    full_count: i64,
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

fn practice_query(
    reference: &Reference,
    scope: &PracticeScope,
    f: &LibraryFilter,
) -> Option<Select<practice::Entity>> {
    let mut q = practice::Entity::find();
    q = match scope {
        PracticeScope::Published => q.filter(practice::Column::Status.is_in(public_statuses())),
        PracticeScope::ReviewQueue => q.filter(practice::Column::Status.is_in([
            PracticeStatus::Submitted.code(),
            PracticeStatus::InReview.code(),
        ])),
        PracticeScope::Mine {
            person,
            municipalities,
        } => q.filter(
            sea_orm::Condition::any()
                .add(practice::Column::AuthorId.eq(*person))
                .add(practice::Column::MunicipalityId.is_in(municipalities.clone())),
        ),
    };
    if let Some(y) = f.year {
        q = q.filter(practice::Column::Year.eq(y));
    }
    if let Some(c) = &f.country {
        q = q.filter(practice::Column::CountryCode.eq(c.as_str()));
    }
    if let Some(l) = f.lang {
        q = q.filter(practice::Column::Langs.contains(format!(",{},", l.code())));
    }
    if let Some(slug) = &f.theme {
        let t = reference.theme_by_slug(slug.as_str())?;
        q = q.filter(
            practice::Column::Id.in_subquery(
                Query::select()
                    .column(practice_theme::Column::PracticeId)
                    .from(practice_theme::Entity)
                    .and_where(practice_theme::Column::ThemeId.eq(t.id))
                    .to_owned(),
            ),
        );
    }
    Some(q)
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
    let Some(q) = practice_query(reference, scope, f) else {
        return Ok(empty_page(page));
    };
    let backend = db.get_database_backend();
    let no_content = match backend {
        DatabaseBackend::Postgres => "CAST('{}' AS JSONB)",
        _ => "'{}'",
    };
    let mut sel = q
        .clone()
        .select_only()
        .columns(practice::Column::iter().filter(|c| !matches!(c, practice::Column::Content)))
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
        .column_as(Expr::cust("COUNT(*) OVER ()"), "full_count");
    sel = match f.sort {
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
    };
    let rows = sel
        .offset(page.offset())
        .limit(page.per_page)
        .into_model::<PracticeRow>()
        .all(db)
        .await?;
    let total = match rows.first() {
        Some(r) => r.full_count as u64,
        None if page.page > 1 => q.count(db).await?,
        None => 0,
    };
    let items = rows
        .into_iter()
        .map(|r| PracticeCard {
            status: r.practice.status(),
            themes: themes_of(reference, r.theme_ids.as_deref()),
            owner: r.owner_name,
            country: r
                .practice
                .country_code
                .as_deref()
                .and_then(|c| reference.country(c).cloned()),
            practice: r.practice,
        })
        .collect();
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
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
async fn review_history<C: ConnectionTrait>(db: &C, id: i32) -> Result<Vec<ReviewEntry>, DbErr> {
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
    Ok(Some(PracticeDetail {
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

trait AlsoPractice {
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

// ------------------------------------------------------------------ compendium

/// An edition with its chapters and, in each, its practices in order.
#[derive(Clone, Debug)]
pub struct Edition {
    pub compendium: compendium::Model,
    pub chapters: Vec<(compendium_chapter::Model, Vec<practice::Model>)>,
}

/// Editions a reader may see: published ones, and drafts for staff.
pub async fn editions<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
) -> Result<Vec<compendium::Model>, DbErr> {
    let mut q = compendium::Entity::find();
    if !can(actor, Action::ManageLibrary) {
        q = q.filter(compendium::Column::Status.eq("published"));
    }
    q.order_by_desc(compendium::Column::Year)
        .order_by_asc(compendium::Column::Id)
        .all(db)
        .await
}

/// One edition in full: three queries. Only published practices are placed.
pub async fn edition<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    slug: &str,
) -> Result<Option<Edition>, DbErr> {
    let Some(c) = compendium::Entity::find()
        .filter(compendium::Column::Slug.eq(slug))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if c.status != "published" && !can(actor, Action::ManageLibrary) {
        return Ok(None);
    }
    let chapters = compendium_chapter::Entity::find()
        .filter(compendium_chapter::Column::CompendiumId.eq(c.id))
        .order_by_asc(compendium_chapter::Column::Position)
        .order_by_asc(compendium_chapter::Column::Id)
        .all(db)
        .await?;
    let chapter_ids: Vec<i32> = chapters.iter().map(|c| c.id).collect();
    let entries = compendium_entry::Entity::find()
        .filter(compendium_entry::Column::ChapterId.is_in(chapter_ids))
        .order_by_asc(compendium_entry::Column::Position)
        .all(db)
        .await?;
    let practice_ids: Vec<i32> = entries.iter().map(|e| e.practice_id).collect();
    let practices = practice::Entity::find()
        .filter(practice::Column::Id.is_in(practice_ids))
        .filter(practice::Column::Status.is_in(public_statuses()))
        .all(db)
        .await?;
    let chapters = chapters
        .into_iter()
        .map(|ch| {
            let list = entries
                .iter()
                .filter(|e| e.chapter_id == ch.id)
                .filter_map(|e| practices.iter().find(|p| p.id == e.practice_id).cloned())
                .collect();
            (ch, list)
        })
        .collect();
    Ok(Some(Edition {
        compendium: c,
        chapters,
    }))
}

/// `true` when a filter value is present: used by templates.
pub fn given(v: Option<&str>) -> bool {
    non_empty(v).is_some()
}

/// The visibility policy value for a stored code (unknown codes: members only).
pub fn visibility_of(code: &str) -> Visibility {
    VisibilityCode::from_code(code)
        .map(VisibilityCode::policy)
        .unwrap_or(Visibility::Members)
}
