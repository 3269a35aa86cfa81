//! What cohesion rules refuse, free of HTTP: the routes turn it into a
//! status (`impl From<CohesionError> for AppError` there).

use sea_orm::DbErr;

#[derive(Debug, thiserror::Error)]
pub enum CohesionError {
    /// No such municipality, or a dashboard the reader may not see (not
    /// published): the same answer, so an unpublished dashboard is not
    /// revealed.
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    /// A stored framework or wave that cannot be read.
    #[error("stored data is invalid: {0}")]
    Invalid(String),
    /// A form that could not be understood: each field with the Fluent id
    /// of its message. Nothing was changed.
    #[error("invalid values")]
    BadValues(Vec<crate::library::practices::FieldError>),
    /// A pasted list of respondents with bad lines: each with its number
    /// and the Fluent id of its message. Nothing was sent.
    #[error("bad lines: {0:?}")]
    BadLines(Vec<super::links::LineProblem>),
    /// A framework file that cannot be taken: where and why. Nothing was
    /// saved.
    #[error("framework file refused: {0:?}")]
    BadFile(super::frameworks::FileProblem),
    /// Only a plan that met its target is shared as a practice.
    #[error("the plan has not met its target")]
    NotMet,
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(CohesionError);
