//! Small builders shared by the migrations (they produce the same statements
//! the earlier migrations wrote out by hand).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub fn a(name: &str) -> Alias {
    Alias::new(name)
}

pub fn fk(
    from: &str,
    col: &str,
    to: &str,
    to_col: &str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(a(from), a(col))
        .to(a(to), a(to_col))
        .on_delete(on_delete)
        .to_owned()
}

/// A table joining `left` rows to `right` rows, both ends cascading.
pub async fn link(
    m: &SchemaManager<'_>,
    table: &str,
    (left_col, left): (&str, &str),
    (right_col, right, right_key): (&str, &str, ColumnDef),
) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(a(table))
            .col(integer(a(left_col)))
            .col(right_key)
            .primary_key(Index::create().col(a(left_col)).col(a(right_col)))
            .foreign_key(&mut fk(
                table,
                left_col,
                left,
                "id",
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut fk(
                table,
                right_col,
                right,
                if right == "country" { "code" } else { "id" },
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
    )
    .await?;
    m.create_index(
        Index::create()
            .name(format!("idx_{table}_{right_col}"))
            .table(a(table))
            .col(a(right_col))
            .to_owned(),
    )
    .await
}

pub async fn index(m: &SchemaManager<'_>, table: &str, cols: &[&str]) -> Result<(), DbErr> {
    let mut i = Index::create();
    i.name(format!("idx_{table}_{}", cols.join("_")))
        .table(a(table));
    for c in cols {
        i.col(a(c));
    }
    m.create_index(i.to_owned()).await
}
