//! The directory's reading pages: lists with filters, a municipality's and
//! an organisation's page, the network in figures.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::{by_name, kind_label, municipality_filter, organisation_filter, page_request, slug};
use crate::app::AppState;
use crate::directory::entities::{country, theme};
use crate::directory::figures::Figures;
use crate::directory::rules::{
    MunicipalityCard, MunicipalityDetail, OrganisationCard, Overview, Place,
};
use crate::directory::service::Key;
use crate::directory::{MunicipalityKind, OrganisationKind};
use crate::fields::paging::Page;
use crate::follows::{Button, Target, TargetKind};
use crate::web::{AppError, PageCtx, Params, Section, render};

#[derive(Template)]
#[template(path = "directory/templates/municipalities.html")]
struct MunicipalitiesPage {
    ctx: PageCtx,
    page: Arc<Page<MunicipalityCard>>,
    countries: Vec<country::Model>,
    themes: Vec<theme::Model>,
    kinds: &'static [MunicipalityKind],
}

/// `GET /municipalities?country=&theme=&kind=&page=` (visitors' pages
/// kept per content version).
pub(super) async fn municipalities(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let filter = municipality_filter(&params)?;
    let page_req = page_request(&params)?;
    let (db, dir) = (&state.db, &state.directory);
    let v = dir.version(db, ctx.actor()).await?;
    state
        .pages
        .page(v.id(), &ctx, || async {
            let page = dir
                .municipalities(db, v, &filter, Some(ctx.locale), page_req)
                .await?;
            let countries = by_name(&dir.member_countries(db, v).await?, ctx.locale);
            let themes = dir.reference.themes().to_vec();
            render(&MunicipalitiesPage {
                ctx: ctx.clone().with_section(Section::Municipalities),
                page,
                countries,
                themes,
                kinds: MunicipalityKind::ALL,
            })
        })
        .await
}

#[derive(Template)]
#[template(path = "directory/templates/municipality.html")]
struct MunicipalityPage {
    ctx: PageCtx,
    m: MunicipalityDetail,
    /// What the activities above list for it (its action plans…).
    linked: Vec<crate::directory::linked::Linked>,
    /// The follow button (signed-in readers).
    follow: Option<Button>,
}

impl MunicipalityPage {
    fn percent(&self, p: &u8) -> String {
        self.ctx.t1("progress-percent", "n", i64::from(*p))
    }
}

/// `GET /municipalities/{slug}` (visitors' pages kept per content version).
pub(super) async fn municipality(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Response, AppError> {
    let key = Key::Slug(slug(&s)?);
    let v = state.directory.version(&state.db, ctx.actor()).await?;
    state
        .pages
        .page(v.id(), &ctx, || async {
            let m = state.directory.municipality(&state.db, v, key).await?;
            let m = m.as_ref().clone().ok_or(AppError::NotFound)?;
            let linked = state
                .municipality_links
                .find(
                    state.db.read(),
                    v.id(),
                    ctx.actor(),
                    crate::directory::linked::LinkedMunicipality(m.card.municipality.id),
                )
                .await?
                .as_ref()
                .clone();
            let target = Target::new(TargetKind::Municipality, m.card.municipality.id);
            let follow = crate::follows::button(state.db.read(), &ctx, target).await?;
            render(&MunicipalityPage {
                ctx: ctx.clone().with_section(Section::Municipalities),
                m,
                linked,
                follow,
            })
        })
        .await
}

#[derive(Template)]
#[template(path = "directory/templates/organisations.html")]
struct OrganisationsPage {
    ctx: PageCtx,
    page: Arc<Page<OrganisationCard>>,
    countries: Vec<country::Model>,
    themes: Vec<theme::Model>,
    kinds: &'static [OrganisationKind],
}

/// `GET /organisations?country=&theme=&kind=&page=` (visitors' pages
/// kept per content version).
pub(super) async fn organisations(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let filter = organisation_filter(&params)?;
    let page_req = page_request(&params)?;
    let (db, dir) = (&state.db, &state.directory);
    let v = dir.version(db, ctx.actor()).await?;
    state
        .pages
        .page(v.id(), &ctx, || async {
            let page = dir
                .organisations(db, v, &filter, Some(ctx.locale), page_req)
                .await?;
            let countries = by_name(&dir.partner_countries(db, v).await?, ctx.locale);
            let themes = dir.reference.themes().to_vec();
            render(&OrganisationsPage {
                ctx: ctx.clone().with_section(Section::Organisations),
                page,
                countries,
                themes,
                kinds: OrganisationKind::ALL,
            })
        })
        .await
}

#[derive(Template)]
#[template(path = "directory/templates/organisation.html")]
struct OrganisationPage {
    ctx: PageCtx,
    o: OrganisationCard,
    /// The network it was imported from (`majlis import`), if any.
    imported_from: Option<String>,
    /// The follow button (signed-in readers).
    follow: Option<Button>,
}

/// `GET /organisations/{slug}` (visitors' pages kept per content version).
pub(super) async fn organisation(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Response, AppError> {
    let key = Key::Slug(slug(&s)?);
    let v = state.directory.version(&state.db, ctx.actor()).await?;
    state
        .pages
        .page(v.id(), &ctx, || async {
            let o = state.directory.organisation(&state.db, v, key).await?;
            let found = o.as_ref().clone().ok_or(AppError::NotFound)?;
            let o = found.card;
            let target = Target::new(TargetKind::Organisation, o.organisation.id);
            let follow = crate::follows::button(state.db.read(), &ctx, target).await?;
            render(&OrganisationPage {
                ctx: ctx.clone().with_section(Section::Organisations),
                o,
                imported_from: found.imported_from,
                follow,
            })
        })
        .await
}

#[derive(Template)]
#[template(path = "directory/templates/network.html")]
struct NetworkPage {
    ctx: PageCtx,
    overview: Arc<Overview>,
    /// What the activities above count (project ideas by status…).
    figures: Arc<Vec<crate::directory::figures::Figures>>,
    /// The member map (inline SVG) and the municipalities on it, by name.
    map: String,
    places: Vec<PlaceRow>,
    /// Members by country, and refugees hosted by the countries whose
    /// municipalities report a figure (inline SVG; tables beside).
    members_chart: String,
    refugees_chart: String,
    /// Countries none of whose municipalities reports a refugee figure.
    refugees_unreported: usize,
}

/// A municipality on the map, as its table row shows it.
struct PlaceRow {
    href: String,
    name: String,
    country: String,
}

impl NetworkPage {
    fn new(
        ctx: PageCtx,
        overview: Arc<Overview>,
        on_map: &[Place],
        figures: Arc<Vec<Figures>>,
    ) -> Self {
        use crate::directory::map::{Point, member_map};
        use crate::web::charts::{Count, count_chart};

        let country_name = |code: &str| {
            overview
                .by_country
                .iter()
                .find(|f| f.code == code)
                .and_then(|f| f.country.as_ref())
                .map_or_else(|| code.to_owned(), |c| ctx.text(&c.name).to_owned())
        };
        let mut places: Vec<PlaceRow> = on_map
            .iter()
            .map(|p| PlaceRow {
                href: format!("/municipalities/{}?lang={}", p.slug, ctx.lang()),
                name: ctx.text(&p.name).to_owned(),
                country: country_name(&p.country_code),
            })
            .collect();
        places.sort_by(|a, b| a.name.cmp(&b.name));
        let points: Vec<Point> = on_map
            .iter()
            .map(|p| Point {
                href: format!("/municipalities/{}?lang={}", p.slug, ctx.lang()),
                name: ctx.text(&p.name).to_owned(),
                latitude_micro: p.latitude_micro,
                longitude_micro: p.longitude_micro,
            })
            .collect();
        let members = overview
            .by_country
            .iter()
            .filter(|f| f.municipalities > 0)
            .map(|f| f.code.clone())
            .collect();
        let map = member_map(&ctx.t("network-map"), &members, &points);
        let member_rows: Vec<Count> = overview
            .by_country
            .iter()
            .filter(|f| f.municipalities > 0)
            .map(|f| Count {
                label: country_name(&f.code),
                count: f.municipalities,
            })
            .collect();
        let members_chart = count_chart(
            &ctx,
            "chart-members",
            &ctx.t("network-chart-members"),
            &member_rows,
        );
        // Only stated figures get a bar: a country whose municipalities
        // report nothing is "not reported" in the table, not a 0 bar.
        let refugee_rows: Vec<Count> = overview
            .by_country
            .iter()
            .filter_map(|f| {
                f.refugees_hosted.map(|count| Count {
                    label: country_name(&f.code),
                    count,
                })
            })
            .collect();
        let refugees_chart = count_chart(
            &ctx,
            "chart-refugees",
            &ctx.t("network-chart-refugees"),
            &refugee_rows,
        );
        let refugees_unreported = overview
            .by_country
            .iter()
            .filter(|f| f.municipalities > 0 && f.refugees_hosted.is_none())
            .count();
        NetworkPage {
            ctx: ctx.clone().with_section(Section::Network),
            overview,
            figures,
            map,
            places,
            members_chart,
            refugees_chart,
            refugees_unreported,
        }
    }
}

/// `GET /network`: members by country, with figures (visitors' pages kept
/// per content version).
pub(super) async fn network(
    State(state): State<AppState>,
    ctx: PageCtx,
) -> Result<Response, AppError> {
    let v = state.directory.version(&state.db, ctx.actor()).await?;
    state
        .pages
        .page(v.id(), &ctx, || async {
            let overview = state.directory.overview(&state.db, v).await?;
            let on_map = state.directory.places(&state.db, v).await?;
            let figures = state
                .network_figures
                .find(state.db.read(), v.id(), ctx.actor())
                .await?;
            render(&NetworkPage::new(ctx.clone(), overview, &on_map, figures))
        })
        .await
}

impl MunicipalitiesPage {
    fn kind_label(&self, code: &str) -> String {
        kind_label(&self.ctx, code, "municipality-kind")
    }
}
impl MunicipalityPage {
    fn kind_label(&self, code: &str) -> String {
        kind_label(&self.ctx, code, "municipality-kind")
    }
}
impl OrganisationsPage {
    fn kind_label(&self, code: &str) -> String {
        kind_label(&self.ctx, code, "organisation-kind")
    }
}
impl OrganisationPage {
    fn kind_label(&self, code: &str) -> String {
        kind_label(&self.ctx, code, "organisation-kind")
    }
}
