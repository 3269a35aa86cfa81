use sea_orm::entity::prelude::*;
use sha2::{Digest, Sha256};

/// One version of a survey's XLSForm, as it was uploaded.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_form")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub survey_id: i32,
    /// 1, 2, … in the order the versions were uploaded.
    pub number: i32,
    /// `xlsx` or `markdown`.
    pub source_kind: String,
    pub source: Vec<u8>,
    /// How many questions people answer (notes and calculations excluded).
    pub questions: i32,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    /// [`digest`] of the kind and source, written with them (see
    /// `ActiveModelBehavior` below): parsed forms are kept by id and digest.
    pub digest: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

/// The SHA-256 (hex) of a version's kind, a zero byte and its source.
pub fn digest(kind: &str, source: &[u8]) -> String {
    let mut d = Sha256::new();
    d.update(kind.as_bytes());
    d.update([0]);
    d.update(source);
    hex::encode(d.finalize())
}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    /// Whoever stores a source stores its digest with it.
    async fn before_save<C>(mut self, _db: &C, _insert: bool) -> Result<Self, DbErr>
    where
        C: ConnectionTrait,
    {
        if self.source.is_set() || self.source_kind.is_set() {
            // Both are known when either changes (an update starts from the stored model).
            let (Some(kind), Some(source)) =
                (self.source_kind.try_as_ref(), self.source.try_as_ref())
            else {
                return Err(DbErr::Custom(
                    "a survey form's kind and source are stored together".into(),
                ));
            };
            self.digest = sea_orm::ActiveValue::Set(digest(kind, source));
        }
        Ok(self)
    }
}
