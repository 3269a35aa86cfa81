//! Plan pages: `/plans/{id}` (the plan with its timeline, indicators and
//! follow-up events), the forms that change it (`/plans/{id}/{kind}/{item}`,
//! `kind` one of steps, milestones, indicators, measurements, events and
//! `item` an id or `new`), and `POST /plans` that starts one for an owner.
//! A file per page or flow: `page`, `charts`, `edit`, `create`.

use crate::app::Routes;
use crate::plans::error::PlanError;
use crate::web::AppError;

pub fn routes() -> Routes {
    Routes::new()
        .post("/plans", create::create_plan)
        .get("/plans/{id}", page::plan_page)
        .get("/plans/{id}/{kind}/{item}", edit::item_page)
        .post("/plans/{id}/{kind}/{item}", edit::save_item)
        .post("/plans/{id}/{kind}/{item}/delete", edit::delete_item)
}

impl From<PlanError> for AppError {
    fn from(e: PlanError) -> Self {
        match e {
            PlanError::Forbidden => AppError::Forbidden,
            PlanError::SecondFactorRequired => AppError::TwoFactorRequired,
            PlanError::NotFound => AppError::NotFound,
            PlanError::BadValues(errors) => {
                AppError::bad_request(errors.first().map(|e| e.field).unwrap_or("form"))
            }
            PlanError::Db(e) => e.into(),
        }
    }
}

mod charts;
mod create;
mod edit;
mod page;
