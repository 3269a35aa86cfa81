//! The application assembled: the state every handler can reach
//! ([`AppState`]), every activity's routes merged, the middleware layered
//! (the session middleware of accounts among them), and the home page.
//!
//! This is the top of the tree with `cli`: it may import every activity, and
//! activities import it only for [`AppState`] and [`Routes`]. The request
//! machinery it layers lives in `web`, which imports no activity.

pub mod api_doc;
mod audit_log;
pub mod backup;
mod feed;
mod home;

use std::sync::Arc;

use axum::Router;
use axum::extract::FromRef;
use axum::http::{HeaderName, HeaderValue, header};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::config::Settings;
use crate::db::Db;
use crate::directory::service::Directory;
use crate::mail::Mailer;
use crate::web::extract::UploadLimit;
use crate::web::{AppError, CSP, middleware};

/// The route table of this application (see [`crate::web::routes::Routes`]).
pub type Routes = crate::web::routes::Routes<AppState>;

/// What every handler can reach: the node's [`Services`] behind one `Arc`,
/// so the clone every extractor and middleware layer takes per request is
/// one counter increment (not twenty). Fields read through `Deref`
/// (`state.db`). Extractors of `web` take the parts they need through
/// `FromRef` (`Arc<Settings>`, `Db`, [`UploadLimit`]).
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl std::ops::Deref for AppState {
    type Target = Services;
    fn deref(&self) -> &Services {
        &self.0
    }
}

impl From<Services> for AppState {
    fn from(services: Services) -> Self {
        AppState(Arc::new(services))
    }
}

impl AppState {
    /// The services to change before the state is shared (tests put their
    /// own registries in): `None` once a clone exists.
    pub fn services_mut(&mut self) -> Option<&mut Services> {
        Arc::get_mut(&mut self.0)
    }
}

impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}

impl FromRef<AppState> for Arc<Settings> {
    fn from_ref(state: &AppState) -> Self {
        state.settings.clone()
    }
}

/// A node's services: the database, settings, caches and the registries
/// through which the activities above others plug in.
pub struct Services {
    pub db: Db,
    pub settings: Arc<Settings>,
    /// The member directory: reference data and cached reads.
    pub directory: Arc<Directory>,
    /// Outgoing email (SMTP, or `.eml` files in the data folder).
    pub mailer: Mailer,
    /// Uploaded files (a local folder, or S3-compatible storage).
    pub uploads: crate::library::files::Uploads,
    /// Event pages cached per node until the content changes.
    pub events: Arc<crate::events::service::EventCache>,
    /// This node's search index (under `data_dir/search/`).
    pub search: Arc<crate::search::Search>,
    /// The key two-step sign-in secrets are sealed with (the same on every node).
    pub secret_key: Arc<crate::accounts::secrets::SecretKey>,
    /// What links to practices and library documents from the activities
    /// above the library.
    pub backlinks: crate::library::backlinks::Registry,
    /// What links to events from the activities above events (surveys).
    pub event_links: crate::library::backlinks::EventLinks,
    /// The municipalities the invitation form offers (the directory's,
    /// for accounts below it).
    pub municipality_names: crate::accounts::invitations::Municipalities,
    /// What each activity does when a person deletes their account.
    pub person_deletion: crate::accounts::deletion::Registry,
    /// What the activities above accounts add to "Download my data".
    pub person_export: crate::accounts::export::Registry,
    /// How the activities that own action plans describe their owners.
    pub plan_owners: crate::plans::owners::Owners,
    /// How the activities whose records carry photos describe them.
    pub picture_owners: crate::library::pictures::Owners,
    /// What the activities above the directory list on a municipality's
    /// page (project ideas, partnerships, action plans).
    pub municipality_links: crate::directory::linked::MunicipalityLinks,
    /// What the activities above the directory count on the network's page
    /// (project ideas and partnerships by status).
    pub network_figures: crate::directory::figures::NetworkFigures,
    /// Pages as visitors see them, kept until the content changes.
    pub pages: Arc<crate::web::page_cache::PageCache>,
    /// The JSON API's rate limits on this node.
    pub api_limits: Arc<crate::web::rate_limit::ApiLimits>,
}

impl FromRef<AppState> for UploadLimit {
    fn from_ref(state: &AppState) -> Self {
        UploadLimit(state.uploads.raw_body_limit())
    }
}

impl AppState {
    /// Everything a node needs to answer requests.
    pub async fn new(db: Db, settings: Arc<Settings>) -> anyhow::Result<Self> {
        let directory = Arc::new(Directory::load(&db).await?);
        let mailer = Mailer::from_settings(&settings)?;
        let uploads =
            crate::library::files::Uploads::from_settings(&settings)?.held_by(file_holders());
        let (search, opened) =
            crate::search::Search::open(&settings.data_dir.join("search"), search_catalogue())?;
        if matches!(opened, majlis_search::Opened::Fresh) {
            tracing::info!("search index missing or unreadable: rebuilding it from the database");
        }
        // A fresh index is rebuilt here; an existing one catches up with the outbox.
        search.catch_up(&db).await?;
        let search = Arc::new(search);
        let secret_key = crate::accounts::secrets::load_or_create(&settings)?;
        let sealed = crate::accounts::secrets::seal_clear_secrets(&db, &secret_key).await?;
        if sealed > 0 {
            tracing::info!(
                sealed,
                "two-step sign-in secrets stored in clear are now sealed"
            );
        }
        let plan_owners = plan_owners();
        let api_limits = Arc::new(crate::web::rate_limit::ApiLimits::new(&settings));
        Ok(AppState::from(Services {
            db,
            settings,
            directory,
            mailer,
            uploads,
            events: Arc::default(),
            search,
            secret_key: Arc::new(secret_key),
            backlinks: crate::library::backlinks::Registry::new(vec![
                crate::events::backlinks::find,
                crate::consultations::backlinks::find,
            ]),
            event_links: crate::library::backlinks::EventLinks::new(vec![
                crate::surveys::backlinks::for_event,
                crate::projects::backlinks::for_event,
            ]),
            municipality_names: crate::directory::choices::municipality_names,
            person_deletion: person_deletion(),
            person_export: person_export(),
            plan_owners: plan_owners.clone(),
            picture_owners: picture_owners(),
            municipality_links: municipality_links(plan_owners),
            pages: Arc::default(),
            network_figures: network_figures(),
            api_limits,
        }))
    }
}

/// The addresses whose visitors' answers are kept whole until the content
/// changes (HTML pages keep themselves, see `web::page_cache`): open-data
/// downloads, feeds, the API description and the API's public reads. Not
/// search, whose answers follow the search index rather than the content.
fn kept_for_visitors(path: &str) -> bool {
    let download = [".csv", ".xlsx", ".atom"].iter().any(|e| path.ends_with(e));
    let api_read = path.starts_with("/api/v1/") && !path.contains("search");
    download || api_read || path == "/api/docs" || path == "/api/openapi.json"
}

/// Every kind of content the search index holds, each provided by its
/// activity (in the order the search form's facets list them), with the
/// directory's themes.
pub fn search_catalogue() -> crate::search::Catalogue {
    crate::search::Catalogue {
        sources: vec![
            crate::library::search::PRACTICES,
            crate::library::search::RESOURCES,
            crate::events::search::EVENTS,
            crate::consultations::search::DILEMMAS,
            crate::surveys::search::SURVEYS,
            crate::projects::search::PROJECTS,
            crate::directory::search::ORGANISATIONS,
            crate::directory::search::MUNICIPALITIES,
        ],
        follows: vec![crate::projects::search::PEOPLE_OF_LEADS_AND_PARTNERS],
        theme_slugs: crate::directory::search::theme_slugs,
        vocabulary: crate::directory::search::vocabulary,
    }
}

/// What the activities above accounts do when a person deletes their
/// account, in this order, inside the deletion's transaction: consultations
/// (dilemmas started, contributions), then the library (practice drafts).
/// Events keep nothing to delete: registrations, feeds and session roles go
/// or lose their person with the row (ON DELETE CASCADE or SET NULL).
pub fn person_deletion() -> crate::accounts::deletion::Registry {
    crate::accounts::deletion::Registry::new(vec![
        crate::consultations::deletion::forget,
        crate::library::deletion::forget,
    ])
}

/// The stored files the activities above the library hold, which the
/// unused-file collector keeps: cohesion's evidence documents.
pub fn file_holders() -> crate::library::files::Holders {
    crate::library::files::Holders::new(vec![crate::cohesion::evidence::held_files])
}

/// What "Download my data" adds from above accounts: what the person
/// follows, how they are notified, their notifications, the cohesion
/// plans they started and the cohesion evidence documents they attached
/// (described, with the address of each file: the export carries no files).
pub fn person_export() -> crate::accounts::export::Registry {
    crate::accounts::export::Registry::new(vec![
        ("following", crate::notifications::personal::following),
        (
            "notification_settings",
            crate::notifications::personal::settings,
        ),
        (
            "notifications",
            crate::notifications::personal::notifications,
        ),
        ("cohesion_plans", crate::cohesion::personal::plans),
        ("cohesion_evidence", crate::cohesion::personal::evidence),
    ])
}

/// How each kind of plan owner is described to the plans activity
/// (project ideas). A plan whose owner is not described is
/// shown to members and edited by its municipality's focal points.
/// Who owns photos: events, and the library's practices.
pub fn picture_owners() -> crate::library::pictures::Owners {
    use crate::library::pictures::{OwnerKind, Owners, owners};
    Owners::new(vec![
        (OwnerKind::Event, crate::events::pictures::describe),
        (OwnerKind::Practice, owners::describe_practice),
    ])
}

pub fn plan_owners() -> crate::plans::owners::Owners {
    crate::plans::owners::Owners::new(vec![
        (
            crate::plans::OwnerKind::Project,
            crate::projects::plans::describe,
        ),
        (
            crate::plans::OwnerKind::Cohesion,
            crate::cohesion::plans::describe,
        ),
    ])
}

/// What a municipality's page lists from the activities above the
/// directory, in this order: the project ideas it leads, its partnerships,
/// the action plans it is responsible for, its cohesion index.
pub fn municipality_links(
    plan_owners: crate::plans::owners::Owners,
) -> crate::directory::linked::MunicipalityLinks {
    use crate::directory::linked::finder;
    crate::directory::linked::MunicipalityLinks::new(vec![
        finder(|db, actor, m| Box::pin(crate::projects::municipality::led(db, actor, m.0))),
        finder(|db, actor, m| {
            Box::pin(crate::projects::municipality::partnerships(db, actor, m.0))
        }),
        plans_of_municipality(plan_owners),
        finder(|db, actor, m| Box::pin(crate::cohesion::municipality::section(db, actor, m.0))),
    ])
}

/// What the network's page counts from the activities above the directory:
/// project ideas by status, then partnerships by status.
pub fn network_figures() -> crate::directory::figures::NetworkFigures {
    use crate::directory::figures::counter;
    crate::directory::figures::NetworkFigures::new(vec![
        counter(|db, actor| Box::pin(crate::projects::network::idea_figures(db, actor))),
        counter(|db, actor| Box::pin(crate::projects::network::partnership_figures(db, actor))),
    ])
}

/// The action plans a municipality is responsible for, described through
/// the application's [`plan_owners`] (registered as one of the municipality
/// pages' links).
fn plans_of_municipality(owners: crate::plans::owners::Owners) -> crate::directory::linked::Find {
    crate::directory::linked::finder(move |db, actor, m| {
        let owners = owners.clone();
        Box::pin(async move { crate::plans::municipality::section(db, &owners, actor, m.0).await })
    })
}

/// Every route of the application, with its table.
pub fn routes() -> Routes {
    Routes::new()
        .get("/", home::home)
        .get("/feed.atom", feed::network_feed)
        .get("/healthz", home::healthz)
        .get("/readyz", home::readyz)
        .get("/metrics", middleware::metrics)
        .get("/static/{file}", crate::web::assets::serve)
        .merge(crate::directory::routes::routes())
        .merge(crate::accounts::routes::routes())
        .merge(audit_log::routes())
        .merge(api_doc::routes())
        .merge(crate::library::routes::routes())
        .merge(crate::events::routes::routes())
        .merge(crate::consultations::routes::routes())
        .merge(crate::surveys::routes::routes())
        .merge(crate::plans::routes::routes())
        .merge(crate::projects::routes::routes())
        .merge(crate::cohesion::routes::routes())
        .merge(crate::notifications::routes::routes())
        .merge(crate::directory::routes::search::routes())
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let routes = routes()
        .into_router()
        .fallback(|| async { AppError::NotFound });

    let headers = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    let hsts = state.settings.hsts();
    // A request (its body included) that has not been answered in time gets
    // 408, and its connection is closed: a body that trickles is cut off.
    let request_timeout = tower_http::timeout::TimeoutLayer::with_status_code(
        axum::http::StatusCode::REQUEST_TIMEOUT,
        std::time::Duration::from_secs(state.settings.request_timeout_secs.max(1)),
    );
    let mut app = routes
        .layer(axum::middleware::from_fn(middleware::render_errors))
        .layer(axum::middleware::from_fn_with_state(
            (
                state.pages.clone(),
                state.db.clone(),
                kept_for_visitors as crate::web::page_cache::KeptAddress,
            ),
            crate::web::page_cache::keep_for_visitors,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::accounts::routes::load_session,
        ))
        // Over the API's limits, refused before the token is looked up.
        .layer(axum::middleware::from_fn_with_state(
            (state.api_limits.clone(), state.settings.clone()),
            crate::web::rate_limit::limit_api,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.settings.clone(),
            middleware::count_queries,
        ))
        .layer(axum::middleware::from_fn(middleware::locale))
        .layer(axum::middleware::from_fn(middleware::record_metrics))
        // Kept pages and files go out compressed as kept; the layer
        // compresses the rest.
        .layer(axum::middleware::from_fn(
            crate::web::precompressed::send_compressed,
        ))
        .layer(CompressionLayer::new().compress_when(compressible()))
        .layer(middleware::trace_layer())
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .layer(request_timeout)
        .with_state(state);
    for (name, value) in headers {
        app = app.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ));
    }
    // Over HTTPS only: browsers then never try plain HTTP for two years.
    if let Some(hsts) = hsts {
        app = app.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(hsts),
        ));
    }
    app
}

/// What the compression layer compresses: its defaults (not pictures, not
/// tiny bodies) less the formats that are compressed already (spreadsheets,
/// PDFs, zip archives), where compressing again cost a request's worth of
/// time for a few bytes (the practices as XLSX ran at 0.19 of `/healthz`).
fn compressible() -> impl tower_http::compression::Predicate {
    use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
    DefaultPredicate::new()
        .and(NotForContentType::const_new(
            "application/vnd.openxmlformats",
        ))
        .and(NotForContentType::const_new("application/pdf"))
        .and(NotForContentType::const_new("application/zip"))
}

/// Connect, migrate and refresh the reference data. Migrations run under the
/// database's start-up lock, so nodes started together wait for each other.
pub async fn prepare(settings: &Settings) -> anyhow::Result<Db> {
    let url = settings.database_url();
    // The lock comes first: on SQLite, opening a new file switches it to WAL,
    // which fails at once ("database is locked") while another node creates it.
    let lock = crate::db::lock::StartupLock::acquire(&url).await?;
    let prepared = async {
        let db = Db::connect(
            &url,
            crate::db::PoolSizes {
                sqlite_readers: settings.sqlite_readers,
                postgres: settings.postgres_pool,
            },
        )
        .await?;
        db.migrate()
            .await
            .map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?;
        crate::directory::reference::sync(&db)
            .await
            .map_err(|e| anyhow::anyhow!("cannot load countries and themes: {e}"))?;
        anyhow::Ok(db.with_visitor_staleness(std::time::Duration::from_millis(
            settings.visitor_staleness_ms,
        )))
    }
    .await;
    lock.release().await;
    prepared
}
