//! What project rules refuse, free of HTTP: the routes turn it into a
//! status and a message (`impl From<ProjectError> for AppError` there).

use sea_orm::DbErr;

use crate::library::practices::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("forbidden")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    #[error("not found")]
    NotFound,
    /// The form's values, refused field by field; nothing was stored.
    #[error("invalid form")]
    Invalid(Vec<FieldError>),
    /// Not possible in the current state (a partnership already current,
    /// no invitation to answer…): the Fluent id of the message.
    #[error("not possible now: {0}")]
    Conflict(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(ProjectError);

impl ProjectError {
    pub fn field(field: &'static str, message: &'static str) -> Self {
        ProjectError::Invalid(vec![FieldError { field, message }])
    }
}
