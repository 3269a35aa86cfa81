//! One application error. Handlers return it; the `render_errors` middleware
//! turns it into a translated HTML page for people or `{"code","message"}`
//! JSON under `/api/`. Internal causes are logged, never sent.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing lives at this address.
    #[error("not found")]
    NotFound,
    /// A query parameter or form field could not be understood.
    #[error("bad request: {field}")]
    BadRequest {
        /// The parameter at fault, shown to the person.
        field: String,
    },
    /// The page is for signed-in people.
    #[error("sign-in required")]
    SignInRequired,
    /// Signed in, but not allowed to do this.
    #[error("forbidden")]
    Forbidden,
    /// Staff pages need two-step sign-in turned on.
    #[error("two-factor sign-in required")]
    TwoFactorRequired,
    /// A form without a valid anti-forgery token.
    #[error("missing or wrong CSRF token")]
    Csrf,
    /// Too many attempts in a short time.
    #[error("too many requests")]
    TooManyRequests,
    /// The database or another dependency failed.
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        AppError::Internal(anyhow::Error::new(e))
    }
}

impl From<crate::fields::paging::PageError> for AppError {
    fn from(e: crate::fields::paging::PageError) -> Self {
        AppError::bad_request(e.field)
    }
}

impl From<crate::policy::Denied> for AppError {
    fn from(d: crate::policy::Denied) -> Self {
        use crate::policy::Denied;
        match d {
            Denied::SignIn => AppError::SignInRequired,
            Denied::Forbidden => AppError::Forbidden,
            Denied::SecondFactor => AppError::TwoFactorRequired,
        }
    }
}

impl AppError {
    pub fn bad_request(field: impl Into<String>) -> Self {
        AppError::BadRequest {
            field: field.into(),
        }
    }

    /// Stable machine-readable code; also keys the Fluent message `error-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not-found",
            AppError::BadRequest { .. } => "bad-request",
            AppError::SignInRequired => "sign-in-required",
            AppError::Forbidden => "forbidden",
            AppError::Csrf => "csrf",
            AppError::TwoFactorRequired => "two-factor-required",
            AppError::TooManyRequests => "too-many-requests",
            AppError::Internal(_) => "internal",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            AppError::SignInRequired => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf | AppError::TwoFactorRequired => {
                StatusCode::FORBIDDEN
            }
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// What the error renderer needs to know, carried in the response's extensions.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    pub code: &'static str,
    pub field: Option<String>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(cause) = &self {
            tracing::error!(error = format!("{cause:#}"), "request failed");
        }
        let info = ErrorInfo {
            code: self.code(),
            field: match &self {
                AppError::BadRequest { field } => Some(field.clone()),
                _ => None,
            },
        };
        let mut res = self.status().into_response();
        res.extensions_mut().insert(info);
        res
    }
}
