//! Pages about following and notifications: the follow buttons' forms
//! (`POST /follow/{kind}/{id}`, `POST /unfollow/{kind}/{id}`),
//! `/account/following`, `/notifications` (and marking them read),
//! `/account/notifications` (email settings) and `/unsubscribe/{token}`
//! (one click, no sign-in).

use crate::app::Routes;
use crate::notifications::rules::NoticeError;
use crate::web::AppError;

mod following;
mod notices;
mod settings;
mod unsubscribe;

pub fn routes() -> Routes {
    Routes::new()
        .post("/follow/{kind}/{id}", following::follow)
        .post("/unfollow/{kind}/{id}", following::unfollow)
        .get("/account/following", following::following_page)
        .get("/notifications", notices::notifications_page)
        .post("/notifications/read", notices::mark_read)
        .get("/account/notifications", settings::settings_page)
        .post("/account/notifications", settings::save)
        .get("/unsubscribe/{token}", unsubscribe::confirm_page)
        .post("/unsubscribe/{token}", unsubscribe::unsubscribe)
}

impl From<NoticeError> for AppError {
    fn from(e: NoticeError) -> Self {
        match e {
            NoticeError::NotFound => AppError::NotFound,
            NoticeError::Forbidden => AppError::Forbidden,
            NoticeError::SecondFactorRequired => AppError::TwoFactorRequired,
            NoticeError::Db(e) => e.into(),
        }
    }
}
