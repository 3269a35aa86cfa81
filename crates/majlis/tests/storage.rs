//! Storage: migrations, SQLite connection settings, the outbox, translatable
//! content and the demo loader, on SQLite and PostgreSQL.

mod common;

use common::Backend;
use majlis::db::outbox::{self, Op};
use majlis::directory::entities::{municipality, organisation};
use majlis::i18n::{Locale, TrText};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, Statement,
};

async fn pragma<C: ConnectionTrait>(conn: &C, name: &str) -> String {
    let row = conn
        .query_one_raw(Statement::from_string(
            conn.get_database_backend(),
            format!("PRAGMA {name}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0)
        .map(|v| v.to_string())
        .or_else(|_| row.try_get_by_index::<String>(0))
        .unwrap()
}

async fn outbox_rows(app: &common::TestApp) -> u64 {
    outbox::entity::Entity::find()
        .count(app.db.read())
        .await
        .unwrap()
}

db_test!(
    async fn migrations_run_twice_as_a_no_op(app) {
        app.db.migrate().await.expect("second run");
        app.db.migrate().await.expect("third run");
        let changed = majlis::directory::reference::sync(&app.db).await.unwrap();
        assert_eq!(changed, 0, "reference data already in place");
        let countries = majlis::directory::entities::country::Entity::find()
            .count(app.db.read())
            .await
            .unwrap();
        assert!(countries >= 240, "{countries} countries");
    }
);

db_test!(
    async fn translatable_content_round_trips(app) {
        let mut name = TrText::new(Locale::Tr, "Şahinbey Belediyesi").unwrap();
        name.set(Locale::Ar, "بلدية شاهين بي");
        let tx = app.db.begin_write().await.unwrap();
        let m = municipality::ActiveModel {
            slug: Set("test-sahinbey".into()),
            kind: Set("district-municipality".into()),
            name: Set(name.clone()),
            country_code: Set("TR".into()),
            created_at: Set(chrono::Utc::now()),
            updated_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .unwrap();
        outbox::record(&tx, "municipality", m.id, Op::Created).await.unwrap();
        tx.commit().await.unwrap();
        let back = municipality::Entity::find_by_id(m.id)
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(back.name, name);
        assert_eq!(back.name.orig(), Locale::Tr);
        assert_eq!(back.name.text(Locale::De), "Şahinbey Belediyesi");
        assert_eq!(back.name.text(Locale::Ar), "بلدية شاهين بي");
    }
);

db_test!(
    async fn outbox_is_written_with_the_change_or_not_at_all(app) {
        let before = outbox_rows(app).await;
        // A change that rolls back leaves neither the row nor its outbox entry.
        let tx = app.db.begin_write().await.unwrap();
        let o = organisation::ActiveModel {
            slug: Set("rolled-back".into()),
            kind: Set("ngo".into()),
            name: Set(TrText::new(Locale::En, "Rolled back").unwrap()),
            created_at: Set(chrono::Utc::now()),
            updated_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .unwrap();
        outbox::record(&tx, "organisation", o.id, Op::Created).await.unwrap();
        tx.rollback().await.unwrap();
        assert_eq!(outbox_rows(app).await, before);
        assert_eq!(
            organisation::Entity::find()
                .filter(organisation::Column::Slug.eq("rolled-back"))
                .count(app.db.read())
                .await
                .unwrap(),
            0
        );
    }
);

db_test!(
    async fn consumers_follow_the_outbox_with_their_own_cursors(app) {
        let report = app.load_demo().await;
        assert!(report.created > 40, "{report:?}");
        let total = outbox_rows(app).await;
        assert!(total >= report.created as u64);

        // Node A's indexer reads in batches of 10 and acknowledges.
        let mut seen_a = 0;
        loop {
            let batch = outbox::pending(app.db.read(), "search@node-a", 10).await.unwrap();
            if batch.is_empty() {
                break;
            }
            assert!(batch.windows(2).all(|w| w[0].id < w[1].id), "ordered by id");
            seen_a += batch.len() as u64;
            let tx = app.db.begin_write().await.unwrap();
            outbox::acknowledge(&tx, "search@node-a", batch.last().unwrap().id)
                .await
                .unwrap();
            tx.commit().await.unwrap();
        }
        assert_eq!(seen_a, total);

        // Node B has not read anything yet: it still sees everything.
        let b = outbox::pending(app.db.read(), "search@node-b", 1000).await.unwrap();
        assert_eq!(b.len() as u64, total);
        // A cursor never moves back.
        let tx = app.db.begin_write().await.unwrap();
        outbox::acknowledge(&tx, "search@node-a", 1).await.unwrap();
        tx.commit().await.unwrap();
        assert!(outbox::pending(app.db.read(), "search@node-a", 10).await.unwrap().is_empty());
    }
);

db_test!(
    async fn demo_loads_idempotently(app) {
        let first = app.load_demo().await;
        assert_eq!(first.updated, 0);
        assert!(first.created >= 70, "{first:?}");
        let rows = outbox_rows(app).await;
        let second = app.load_demo().await;
        assert_eq!((second.created, second.updated), (0, 0), "{second:?}");
        assert_eq!(second.unchanged, first.created);
        assert_eq!(outbox_rows(app).await, rows, "no outbox rows for a no-op load");
        for slug in [
            "sanliurfa", "gaziantep", "adana", "kilis", "konya", "bagcilar", "kucukcekmece",
            "sahinbey", "osnabrueck", "oberhausen", "ravensburg", "amsterdam", "milan", "helsinki",
            "vantaa",
        ] {
            assert!(
                municipality::Entity::find()
                    .filter(municipality::Column::Slug.eq(slug))
                    .one(app.db.read())
                    .await
                    .unwrap()
                    .is_some(),
                "{slug} is in the demo network"
            );
        }
        for slug in ["cmi", "uclg-mewa", "giz", "world-bank-group", "connective-cities", "tbb"] {
            assert!(
                organisation::Entity::find()
                    .filter(organisation::Column::Slug.eq(slug))
                    .one(app.db.read())
                    .await
                    .unwrap()
                    .is_some(),
                "{slug} is in the demo network"
            );
        }
    }
);

db_test!(
    async fn concurrent_writers_queue_instead_of_failing(app) {
        let mut tasks = Vec::new();
        for i in 0..24 {
            let db = app.db.clone();
            tasks.push(tokio::spawn(async move {
                let tx = db.begin_write().await?;
                // Read then write inside one transaction: the pattern that fails
                // with "database is locked" when SQLite transactions start deferred.
                let n = organisation::Entity::find().count(&tx).await?;
                let o = organisation::ActiveModel {
                    slug: Set(format!("writer-{i}")),
                    kind: Set("ngo".into()),
                    name: Set(TrText::new(Locale::En, format!("Writer {i} saw {n}")).unwrap()),
                    created_at: Set(chrono::Utc::now()),
                    updated_at: Set(chrono::Utc::now()),
                    ..Default::default()
                }
                .insert(&tx)
                .await?;
                outbox::record(&tx, "organisation", o.id, Op::Created).await?;
                tx.commit().await
            }));
        }
        for t in tasks {
            t.await.unwrap().expect("every writer commits");
        }
        let n = organisation::Entity::find()
            .filter(organisation::Column::Slug.starts_with("writer-"))
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(n, 24);
        let rows = outbox::pending(app.db.read(), "check", 10_000).await.unwrap();
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
    }
);

#[tokio::test]
async fn sqlite_connections_carry_the_required_settings() {
    let app = common::TestApp::sqlite().await;
    assert_eq!(app.backend, Backend::Sqlite);
    // Several reader connections: check more than one by holding them at once.
    for _ in 0..3 {
        let r = app.db.read();
        assert_eq!(pragma(r, "journal_mode").await.to_lowercase(), "wal");
        assert_eq!(pragma(r, "synchronous").await, "1", "NORMAL");
        assert_eq!(pragma(r, "busy_timeout").await, "5000");
        assert_eq!(pragma(r, "foreign_keys").await, "1");
    }
    let tx = app.db.begin_write().await.unwrap();
    assert_eq!(pragma(&tx, "journal_mode").await.to_lowercase(), "wal");
    assert_eq!(pragma(&tx, "synchronous").await, "1");
    assert_eq!(pragma(&tx, "busy_timeout").await, "5000");
    assert_eq!(pragma(&tx, "foreign_keys").await, "1");
    tx.rollback().await.unwrap();

    // Readers cannot write.
    let err = app
        .db
        .read()
        .execute_unprepared("DELETE FROM theme")
        .await
        .expect_err("reader connections are read-only");
    assert!(err.to_string().to_lowercase().contains("readonly"), "{err}");

    // Foreign keys are enforced.
    let tx = app.db.begin_write().await.unwrap();
    let bad = municipality::ActiveModel {
        slug: Set("nowhere".into()),
        kind: Set("municipality".into()),
        name: Set(TrText::new(Locale::En, "Nowhere").unwrap()),
        country_code: Set("QQ".into()),
        created_at: Set(chrono::Utc::now()),
        updated_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&tx)
    .await;
    assert!(bad.is_err(), "unknown country refused by the foreign key");
    tx.rollback().await.unwrap();
    app.finish().await;
}
