//! Compendium editions: the list, an edition's page and PDF, and the
//! coordinators' forms (new, describe, arrange, delete).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};

use super::{LibraryPage, bad_form, confirmed, pdf_response, print, this_year, writing_lang};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::entities::theme;
use crate::fields::paging::PageRequest;
use crate::i18n::{Locale, TrText};
use crate::library::compendium::{self, SheetContext};
use crate::library::entities::compendium as compendium_entity;
use crate::library::practices::FieldError;
use crate::library::rules::{self, LibraryFilter, PracticeCard, PracticeScope, Sort};
use crate::policy::Coordinator;
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole};
use crate::web::{AppError, PageCtx, Params, Section, redirect, render};

#[derive(Template)]
#[template(path = "library/templates/compendiums.html")]
struct CompendiumsPage {
    ctx: PageCtx,
    editions: Vec<compendium_entity::Model>,
}

/// `GET /compendiums` (visitors' pages kept per content version).
pub(super) async fn compendiums_page(
    State(state): State<AppState>,
    ctx: PageCtx,
) -> Result<Response, AppError> {
    state
        .pages
        .visitor_page(&state.db, &ctx, || async {
            let editions = rules::editions(state.db.read(), ctx.actor()).await?;
            render(&CompendiumsPage {
                ctx: ctx.clone().with_section(Section::Compendiums),
                editions,
            })
        })
        .await
}

#[derive(Template)]
#[template(path = "library/templates/compendium.html")]
struct CompendiumPage {
    ctx: PageCtx,
    e: rules::Edition,
}

impl CompendiumPage {
    fn summary(
        &self,
        p: &crate::library::entities::practice::Model,
    ) -> Option<(String, Locale, bool)> {
        let s = p.summary.as_ref()?;
        let shown = s.show(self.ctx.locale);
        Some((shown.text.to_owned(), shown.locale, shown.fallback))
    }
    /// The edition's introduction in paragraphs, its language, and whether
    /// it is not the reader's.
    fn intro(&self) -> Option<(Vec<String>, Locale, bool)> {
        self.e
            .compendium
            .introduction
            .as_ref()
            .map(|t| paragraphs(t, self.ctx.locale))
    }
    fn chapter_intro(
        &self,
        ch: &crate::library::entities::compendium_chapter::Model,
    ) -> Option<(Vec<String>, Locale, bool)> {
        ch.introduction
            .as_ref()
            .map(|t| paragraphs(t, self.ctx.locale))
    }
}

/// Text shown to a reader, in paragraphs (blank lines), with its language
/// and whether it is a fallback.
fn paragraphs(t: &TrText, reader: Locale) -> (Vec<String>, Locale, bool) {
    let shown = t.show(reader);
    let paras = shown
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    (paras, shown.locale, shown.fallback)
}

async fn edition_for(
    state: &AppState,
    ctx: &PageCtx,
    slug: &str,
) -> Result<rules::Edition, AppError> {
    rules::edition(state.db.read(), ctx.actor(), slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// `GET /compendiums/{slug}` (visitors' pages kept per content version).
pub(super) async fn compendium_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    state
        .pages
        .visitor_page(&state.db, &ctx, || async {
            let e = edition_for(&state, &ctx, &slug).await?;
            render(&CompendiumPage {
                ctx: ctx.clone().with_section(Section::Compendiums),
                e,
            })
        })
        .await
}

/// `GET /compendiums/{slug}/pdf?lang=`: the edition as a book, in the reader's language.
pub(super) async fn compendium_pdf(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = edition_for(&state, &ctx, &slug).await?;
    let all: Vec<&crate::library::entities::practice::Model> =
        e.chapters.iter().flat_map(|(_, ps)| ps.iter()).collect();
    let (m, o, t) = compendium::sheet_lookups(state.db.read(), &all).await?;
    let cx = SheetContext {
        reference: &state.directory.reference,
        municipalities: &m,
        organisations: &o,
        themes: &t,
        with_contact: false,
    };
    let book = compendium::book(&e, ctx.locale, &cx);
    let bytes = print(book, |pr, b| pr.compendium(b)).await?;
    Ok(pdf_response(
        bytes,
        &format!("{}-{}.pdf", e.compendium.slug, ctx.lang()),
    ))
}

#[derive(Template)]
#[template(path = "library/templates/compendium_form.html")]
struct CompendiumForm {
    ctx: PageCtx,
    form: BTreeMap<String, String>,
    errors: Vec<FieldError>,
    /// An existing edition's description, written in one language (`None`:
    /// a new edition, all languages at once).
    describing: Option<Describing>,
}

struct Describing {
    edition: compendium_entity::Model,
    lang: Locale,
}

impl CompendiumForm {
    /// Whether the form has fields for `l` (all languages for a new edition).
    fn writes(&self, l: &Locale) -> bool {
        self.describing.as_ref().is_none_or(|d| d.lang == *l)
    }
    /// The stored original of `title` or `introduction`, shown beside a
    /// translation being written: the text and its language code.
    fn original(&self, field: &str) -> Option<(String, &'static str)> {
        let d = self.describing.as_ref()?;
        let orig = d.edition.title.orig();
        if d.lang == orig {
            return None;
        }
        let text = match field {
            "title" => Some(d.edition.title.original()),
            _ => d.edition.introduction.as_ref().map(TrText::original),
        }?;
        Some((text.to_owned(), orig.code()))
    }
    fn heading(&self) -> String {
        match self.describing {
            None => self.ctx.t("compendium-new"),
            Some(_) => self.ctx.t("compendium-describe"),
        }
    }
    fn action(&self) -> String {
        match &self.describing {
            None => format!("/compendiums/new?lang={}", self.ctx.lang()),
            Some(d) => format!(
                "/compendiums/{}/describe?in={}&lang={}",
                d.edition.slug,
                d.lang.code(),
                self.ctx.lang()
            ),
        }
    }
    fn value(&self, k: &str) -> &str {
        self.form.get(k).map(String::as_str).unwrap_or_default()
    }
    fn per_locale(&self, prefix: &str, l: &Locale) -> &str {
        self.value(&format!("{prefix}_{}", l.code()))
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
}

/// `GET /compendiums/new` (coordinators)
pub(super) async fn new_compendium_page(
    ctx: PageCtx,
    _: RequireRole<Coordinator>,
) -> Result<Html<String>, AppError> {
    let mut form = BTreeMap::new();
    form.insert("orig".to_owned(), ctx.lang().to_owned());
    form.insert("year".to_owned(), this_year().to_string());
    render(&CompendiumForm {
        ctx: ctx.with_section(Section::Compendiums),
        form,
        errors: Vec::new(),
        describing: None,
    })
}

/// `POST /compendiums/new`
pub(super) async fn new_compendium(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    CsrfForm(form): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    match compendium::parse_edition(get, this_year()) {
        Ok(input) => {
            let origin = origin_of(&me, &client);
            let slug =
                compendium::create(&state.db, &origin, &me.actor(), input, chrono::Utc::now())
                    .await?;
            Ok(redirect(format!("/compendiums/{slug}/edit"), &ctx))
        }
        Err(errors) => bad_form(
            errors.clone(),
            CompendiumForm {
                ctx: ctx.with_section(Section::Compendiums),
                form,
                errors,
                describing: None,
            },
        ),
    }
}

/// An edition by its address, whatever its status (for staff forms).
async fn edition_row(state: &AppState, slug: &str) -> Result<compendium_entity::Model, AppError> {
    Ok(compendium::find(state.db.read(), slug).await?)
}

/// `GET /compendiums/{slug}/describe?in=xx` (coordinators): the edition's
/// title and introduction in one language (by default its original), its
/// year, edition and publisher.
pub(super) async fn describe_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    _: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    params: Params,
) -> Result<Html<String>, AppError> {
    let edition = edition_row(&state, &slug).await?;
    let lang = writing_lang(&params, edition.title.orig())?;
    render(&CompendiumForm {
        ctx: ctx.with_section(Section::Compendiums),
        form: compendium::form_of(&edition),
        errors: Vec::new(),
        describing: Some(Describing { edition, lang }),
    })
}

/// `POST /compendiums/{slug}/describe?in=xx`: `title_xx`, `introduction_xx`
/// for the language written; `year`, `edition`, `publisher`. The other
/// languages and the original language stay.
pub(super) async fn describe(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    params: Params,
    CsrfForm(form): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let edition = edition_row(&state, &slug).await?;
    let lang = writing_lang(&params, edition.title.orig())?;
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    match compendium::parse_description(&edition, lang, get, this_year()) {
        Ok(input) => {
            let origin = origin_of(&me, &client);
            compendium::describe(
                &state.db,
                &origin,
                &me.actor(),
                &slug,
                input,
                chrono::Utc::now(),
            )
            .await?;
            Ok(redirect(format!("/compendiums/{slug}"), &ctx))
        }
        Err(errors) => bad_form(
            errors.clone(),
            CompendiumForm {
                ctx: ctx.with_section(Section::Compendiums),
                form,
                errors,
                describing: Some(Describing { edition, lang }),
            },
        ),
    }
}

/// `POST /compendiums/{slug}/delete` (coordinators): `confirm=yes` is
/// required. Chapters and their entries go; the practices stay.
pub(super) async fn delete_compendium(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    if !confirmed(&pairs) {
        return Err(AppError::bad_request("confirm"));
    }
    compendium::delete(
        &state.db,
        &origin_of(&me, &client),
        &me.actor(),
        &slug,
        chrono::Utc::now(),
    )
    .await?;
    Ok(redirect("/compendiums?deleted=1".to_owned(), &ctx))
}

/// `POST /compendiums/{slug}/status` (coordinators): `status=published`
/// publishes the edition, `status=draft` takes it back; then its page.
pub(super) async fn set_status(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let publish = match pairs
        .iter()
        .find(|(k, _)| k == "status")
        .map(|(_, v)| v.as_str())
    {
        Some("published") => true,
        Some("draft") => false,
        _ => return Err(AppError::bad_request("status")),
    };
    compendium::set_published(
        &state.db,
        &origin_of(&me, &client),
        &me.actor(),
        &slug,
        publish,
        chrono::Utc::now(),
    )
    .await?;
    Ok(redirect(format!("/compendiums/{slug}"), &ctx))
}

#[derive(Template)]
#[template(path = "library/templates/compendium_arrange.html")]
struct ArrangePage {
    ctx: PageCtx,
    e: rules::Edition,
    practices: Vec<PracticeCard>,
    themes: Vec<theme::Model>,
    /// The language chapter introductions are written in.
    lang: Locale,
}

impl ArrangePage {
    /// A chapter's introduction in the language being written.
    fn intro_value(&self, ch: &crate::library::entities::compendium_chapter::Model) -> String {
        ch.introduction
            .as_ref()
            .and_then(|t| t.get(self.lang))
            .unwrap_or_default()
            .to_owned()
    }
    /// Its original, shown beside a translation: the text and its language code.
    fn intro_original(
        &self,
        ch: &crate::library::entities::compendium_chapter::Model,
    ) -> Option<(String, &'static str)> {
        let t = ch.introduction.as_ref()?;
        (t.orig() != self.lang).then(|| (t.original().to_owned(), t.orig().code()))
    }
    /// The chapter (theme) and position a practice has in this edition.
    fn placed(&self, practice_id: &i32) -> Option<(i32, usize)> {
        self.e.chapters.iter().find_map(|(ch, ps)| {
            ps.iter()
                .position(|p| p.id == *practice_id)
                .and_then(|i| ch.theme_id.map(|t| (t, i + 1)))
        })
    }
    fn chapter_of(&self, practice_id: &i32) -> i32 {
        self.placed(practice_id).map(|p| p.0).unwrap_or(0)
    }
    fn order_of(&self, practice_id: &i32) -> String {
        self.placed(practice_id)
            .map(|p| p.1.to_string())
            .unwrap_or_default()
    }
}

/// `GET /compendiums/{slug}/edit?in=xx`: choose and order published
/// practices by theme; chapter introductions in one language (by default
/// the edition's original).
pub(super) async fn arrange_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    _: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    params: Params,
) -> Result<Html<String>, AppError> {
    let e = edition_for(&state, &ctx, &slug).await?;
    let lang = writing_lang(&params, e.compendium.title.orig())?;
    let practices = rules::list_practices(
        state.db.read(),
        &state.directory.reference,
        &PracticeScope::Published,
        &LibraryFilter {
            sort: Sort::Title,
            ..Default::default()
        },
        PageRequest {
            page: 1,
            per_page: 100,
        },
    )
    .await?
    .items;
    render(&ArrangePage {
        ctx: ctx.with_section(Section::Compendiums),
        e,
        practices,
        themes: state.directory.reference.themes().to_vec(),
        lang,
    })
}

/// `POST /compendiums/{slug}/edit?in=xx`: fields `chapter_<practice id>` (a
/// theme id, or empty to leave it out) and `order_<practice id>`; `status`;
/// `chapter_intro_<theme id>` in the language written (a chapter without
/// the field keeps its introduction).
pub(super) async fn arrange(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    params: Params,
    CsrfForm(form): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let lang = match params.get("in") {
        None | Some("") => None,
        Some(_) => Some(writing_lang(&params, ctx.locale)?),
    };
    let arrangement = compendium::Arrangement::parse(&form, lang).map_err(AppError::bad_request)?;
    let origin = origin_of(&me, &client);
    compendium::arrange(
        &state.db,
        &origin,
        &me.actor(),
        &state.directory.reference,
        &slug,
        arrangement,
        chrono::Utc::now(),
    )
    .await?;
    Ok(redirect(format!("/compendiums/{slug}"), &ctx))
}

library_page!(CompendiumsPage, CompendiumPage, CompendiumForm, ArrangePage);
