use sea_orm::entity::prelude::*;

/// A wave: one municipality's scored run of the resident perception
/// survey of a framework version.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cohesion_wave")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub municipality_id: i32,
    pub framework_id: i32,
    /// The survey campaign whose submitted responses the wave scores.
    pub survey_id: Option<i32>,
    /// 1, 2, 3… for the municipality.
    pub number: i32,
    /// As the municipality names it ("2024 spring").
    pub label: String,
    /// When the answers were collected (the campaign's last day).
    pub fielded_on: Date,
    /// Respondents scored.
    pub n: i64,
    /// Stratum (a value of the framework's stratum question) → its share
    /// of the population; `None`: unweighted.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub weights: Option<Json>,
    /// The sampling plan (`cohesion::waves::Sampling`): the planned sample
    /// and respondents per stratum; `None` for waves started before.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub sampling: Option<Json>,
    /// `cohesion::scoring::WaveScores`; `None` until scored.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub scores: Option<Json>,
    /// Demo data: the answers are made up, and the pages say so.
    pub synthetic: bool,
    pub scored_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
