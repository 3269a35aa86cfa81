//! Where an imported item came from (`majlis import` writes the rows; item
//! pages read them to say "From ⟨network⟩"). Infrastructure: kinds are plain
//! names (`practice`, `event`, …), no activity's types.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

pub mod imported_item {
    use sea_orm::entity::prelude::*;

    /// An item an import created: the network it came from, its kind, its
    /// key there (slug or country code) and the local row it became.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "imported_item")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub source: String,
        pub kind: String,
        pub key: String,
        pub local_id: i32,
        pub imported_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The network (its public address) the item of `kind` with local `id` was
/// imported from, if it was imported: one query.
pub async fn source_of<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    id: i32,
) -> Result<Option<String>, DbErr> {
    imported_item::Entity::find()
        .select_only()
        .column(imported_item::Column::Source)
        .filter(imported_item::Column::Kind.eq(kind))
        .filter(imported_item::Column::LocalId.eq(id))
        .into_tuple::<String>()
        .one(db)
        .await
}

/// SQL for a column holding the network the row of `table` (an item of
/// `kind`) was imported from, or NULL: a correlated subquery, so a page
/// reads its item and its provenance in one query.
pub fn source_column(kind: &'static str, table: &str) -> sea_orm::sea_query::SimpleExpr {
    // Both names are the callers' constants, never input; kept to plain
    // identifiers all the same, since they become SQL text.
    debug_assert!(
        [kind, table]
            .iter()
            .all(|s| s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
    );
    sea_orm::sea_query::Expr::cust(format!(
        "(SELECT MIN(i.source) FROM imported_item i \
         WHERE i.kind = '{kind}' AND i.local_id = \"{table}\".\"id\")"
    ))
}

/// A row read with [`source_column`] as `imported_from`.
#[derive(Clone, Debug)]
pub struct Sourced<M> {
    pub item: M,
    /// The network it was imported from (`majlis import`), if any.
    pub imported_from: Option<String>,
}

impl<M: sea_orm::FromQueryResult> sea_orm::FromQueryResult for Sourced<M> {
    fn from_query_result(res: &sea_orm::QueryResult, pre: &str) -> Result<Self, DbErr> {
        Ok(Self {
            item: M::from_query_result(res, pre)?,
            imported_from: res.try_get(pre, "imported_from")?,
        })
    }

    fn from_query_result_nullable(
        res: &sea_orm::QueryResult,
        pre: &str,
    ) -> Result<Self, sea_orm::TryGetError> {
        Ok(Self {
            item: M::from_query_result_nullable(res, pre)?,
            imported_from: res.try_get_nullable(pre, "imported_from")?,
        })
    }
}

/// One row of `select` with where it was imported from (`kind`: its kind in
/// `imported_item`): the same one query.
pub async fn one_sourced<E, C>(
    db: &C,
    select: sea_orm::Select<E>,
    kind: &'static str,
) -> Result<Option<Sourced<E::Model>>, DbErr>
where
    E: EntityTrait,
    E::Model: sea_orm::FromQueryResult,
    C: ConnectionTrait,
{
    let table = E::default().table_name().to_owned();
    select
        .column_as(source_column(kind, &table), "imported_from")
        .into_model::<Sourced<E::Model>>()
        .one(db)
        .await
}
