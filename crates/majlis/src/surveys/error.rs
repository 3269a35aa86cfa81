//! What survey rules refuse, free of HTTP: the routes turn it into a status
//! and a message (`impl From<SurveyError> for AppError` there).

use sea_orm::DbErr;

/// One answer's problem: the question and the message to show beside it
/// (the form's own message in the respondent's language where it has one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerProblem {
    pub question: String,
    /// The form's own message, when it has one for this problem.
    pub message: Option<String>,
    /// The Fluent id of the platform's message otherwise.
    pub kind: &'static str,
}

#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    #[error("forbidden")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    #[error("not found")]
    NotFound,
    /// The campaign does not take answers now (not open, or closed).
    #[error("the survey does not take answers now")]
    NotAccepting,
    /// An uploaded form that is not a valid XLSForm: one line per problem,
    /// each naming the sheet and the row.
    #[error("invalid form")]
    BadForm(Vec<String>),
    /// A campaign field that could not be understood (Fluent id of the
    /// message, and the field).
    #[error("invalid value")]
    BadValue {
        field: &'static str,
        message: &'static str,
    },
    /// Answers refused; nothing was stored.
    #[error("answers refused")]
    Answers(Vec<AnswerProblem>),
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(SurveyError);
