//! One way to read a page of a list: a `Select` narrowed by the filters a
//! reader chose, each optional ([`ListQuery`]), then one query for the
//! page's rows with the length of the whole filtered list beside them
//! (`COUNT(*) OVER ()`), and a second only when the page lies past the end
//! of the list. Every list page of the activities reads through it.

use sea_orm::sea_query::{Expr, IntoCondition, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QueryResult, QuerySelect, QueryTrait, Select, Value,
};

use crate::fields::paging::{Page, PageRequest, empty_page};

/// A list's query while its filters are added. A filter that names
/// something unknown (a theme slug no theme has) empties the list, which is
/// then answered without a query.
#[must_use]
pub struct ListQuery<E: EntityTrait>(Option<Select<E>>);

impl<E: EntityTrait> ListQuery<E> {
    /// Every row `select` reads (its own conditions included).
    pub fn new(select: Select<E>) -> Self {
        ListQuery(Some(select))
    }

    /// Only the rows meeting `condition`.
    pub fn filter(self, condition: impl IntoCondition) -> Self {
        ListQuery(self.0.map(|q| q.filter(condition)))
    }

    /// Only the rows meeting `condition(v)`, when the filter has a value `v`.
    pub fn filter_by<T, C: IntoCondition>(
        self,
        value: Option<T>,
        condition: impl FnOnce(T) -> C,
    ) -> Self {
        match value {
            Some(v) => self.filter(condition(v)),
            None => self,
        }
    }

    /// Like [`filter_by`](Self::filter_by) for a value that must be known
    /// first: `condition` answering `None` (no such theme, series, year)
    /// means no row matches.
    pub fn filter_known<T, C: IntoCondition>(
        self,
        value: Option<T>,
        condition: impl FnOnce(T) -> Option<C>,
    ) -> Self {
        match value {
            Some(v) => match condition(v) {
                Some(c) => self.filter(c),
                None => ListQuery(None),
            },
            None => self,
        }
    }

    /// Every row of the filtered list, read as `M`, in one query: for the
    /// lists put in order after reading (names collated in the reader's
    /// language), then cut into pages by [`Page::of`].
    pub async fn all<M, C>(
        self,
        db: &C,
        shape: impl FnOnce(Select<E>) -> Select<E>,
    ) -> Result<Vec<M>, DbErr>
    where
        M: FromQueryResult,
        C: ConnectionTrait,
        E::Model: Sync,
    {
        let Some(q) = self.0 else {
            return Ok(Vec::new());
        };
        shape(q).into_model::<M>().all(db).await
    }

    /// The distinct values of `column` over the filtered rows, NULL left
    /// out: what a list's filter can offer (only values some row the
    /// reader may see has). One query.
    pub async fn distinct_values<C: ConnectionTrait>(
        self,
        db: &C,
        column: E::Column,
    ) -> Result<Vec<String>, DbErr> {
        let Some(q) = self.0 else {
            return Ok(Vec::new());
        };
        let values = q
            .select_only()
            .column(column)
            .distinct()
            .filter(column.is_not_null())
            .into_tuple::<Option<String>>()
            .all(db)
            .await?;
        Ok(values.into_iter().flatten().collect())
    }

    /// The filtered rows' `id`s as a subquery (for what a link table holds
    /// of them); `None` when no row can match.
    pub fn ids(self, id: E::Column) -> Option<sea_orm::sea_query::SelectStatement> {
        self.0.map(|q| q.select_only().column(id).into_query())
    }

    /// One page of the list, rows read as `M`: `shape` chooses the columns
    /// and the order of the filtered query. One query, and a count only
    /// when the page is past the end (so the pager can still say how long
    /// the list is).
    pub async fn page<M, C>(
        self,
        db: &C,
        page: PageRequest,
        shape: impl FnOnce(Select<E>) -> Select<E>,
    ) -> Result<Page<M>, DbErr>
    where
        M: FromQueryResult,
        C: ConnectionTrait,
        E::Model: Sync,
    {
        let Some(q) = self.0 else {
            return Ok(empty_page(page));
        };
        let rows = shape(q.clone())
            .column_as(Expr::cust("COUNT(*) OVER ()"), "full_count")
            .offset(page.offset())
            .limit(page.per_page)
            .into_model::<Counted<M>>()
            .all(db)
            .await?;
        let total = match rows.first() {
            Some(r) => r.full_count as u64,
            None if page.page > 1 => q.count(db).await?,
            None => 0,
        };
        Ok(Page {
            items: rows.into_iter().map(|r| r.row).collect(),
            total,
            page: page.page,
            per_page: page.per_page,
        })
    }
}

/// `id IN (SELECT owner FROM link WHERE key = value)`: the rows a link
/// table ties to `value` (a theme, a country, a language).
pub fn linked(
    id: impl ColumnTrait,
    owner: impl ColumnTrait,
    key: impl ColumnTrait,
    value: impl Into<Value>,
) -> SimpleExpr {
    id.in_subquery(
        Query::select()
            .column(owner)
            .from(owner.entity_name())
            .and_where(key.eq(value))
            .to_owned(),
    )
}

/// A row with the length of the whole filtered list.
struct Counted<M> {
    row: M,
    full_count: i64,
}

impl<M: FromQueryResult> FromQueryResult for Counted<M> {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        Ok(Counted {
            row: M::from_query_result(res, pre)?,
            full_count: res.try_get(pre, "full_count")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::{DbBackend, QueryTrait};

    use super::*;

    mod item {
        use sea_orm::entity::prelude::*;

        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "item")]
        pub struct Model {
            #[sea_orm(primary_key)]
            pub id: i32,
            pub kind: String,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }

    mod item_tag {
        use sea_orm::entity::prelude::*;

        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "item_tag")]
        pub struct Model {
            #[sea_orm(primary_key, auto_increment = false)]
            pub item_id: i32,
            #[sea_orm(primary_key, auto_increment = false)]
            pub tag_id: i32,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }

    fn sql(q: ListQuery<item::Entity>) -> Option<String> {
        q.0.map(|s| s.build(DbBackend::Sqlite).to_string())
    }

    #[test]
    fn absent_filters_add_nothing_and_present_ones_narrow() {
        let all = sql(ListQuery::new(item::Entity::find())).unwrap();
        assert_eq!(
            sql(ListQuery::new(item::Entity::find())
                .filter_by(None::<&str>, |k| item::Column::Kind.eq(k))
                .filter_known(None::<i32>, |t| Some(item::Column::Id.eq(t))))
            .unwrap(),
            all
        );
        let narrowed = sql(ListQuery::new(item::Entity::find())
            .filter_by(Some("a"), |k| item::Column::Kind.eq(k))
            .filter_known(Some(7), |t| {
                Some(linked(
                    item::Column::Id,
                    item_tag::Column::ItemId,
                    item_tag::Column::TagId,
                    t,
                ))
            }))
        .unwrap();
        assert!(narrowed.starts_with(&all), "{narrowed}");
        assert!(
            narrowed.ends_with(
                r#"WHERE "item"."kind" = 'a' AND "item"."id" IN (SELECT "item_id" FROM "item_tag" WHERE "item_tag"."tag_id" = 7)"#
            ),
            "{narrowed}"
        );
    }

    #[test]
    fn an_unknown_value_empties_the_list_whatever_follows() {
        let q = ListQuery::new(item::Entity::find())
            .filter_known(Some("no-such-theme"), |_| None::<SimpleExpr>)
            .filter_by(Some("a"), |k| item::Column::Kind.eq(k))
            .filter(item::Column::Id.gt(1));
        assert_eq!(sql(q), None);
    }
}
