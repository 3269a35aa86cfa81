//! What consultation rules refuse, free of HTTP: the routes turn it into a
//! status and a message (`impl From<ConsultError> for AppError` there).

use sea_orm::DbErr;

use crate::library::practices::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum ConsultError {
    #[error("forbidden")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    #[error("not found")]
    NotFound,
    /// A query parameter that could not be understood (named).
    #[error("bad parameter: {0}")]
    BadParam(&'static str),
    /// What is wrong, field by field (Fluent ids); nothing was stored.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(ConsultError);

/// One field's problem as a refusal.
pub(super) fn invalid(field: &'static str, message: &'static str) -> ConsultError {
    ConsultError::Invalid(vec![FieldError { field, message }])
}
