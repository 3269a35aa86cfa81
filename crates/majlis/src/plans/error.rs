//! What plan rules refuse, free of HTTP: the routes turn it into a status
//! and a message (`impl From<PlanError> for AppError` there).

use sea_orm::DbErr;

pub use crate::library::practices::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("forbidden")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    #[error("not found")]
    NotFound,
    /// A form that could not be understood: each field with the Fluent id
    /// of its message. Nothing was changed.
    #[error("invalid values")]
    BadValues(Vec<FieldError>),
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(PlanError);

impl PlanError {
    /// One field's problem.
    pub fn bad(field: &'static str, message: &'static str) -> Self {
        PlanError::BadValues(vec![FieldError { field, message }])
    }
}
