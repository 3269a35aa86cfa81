//! Index lifecycle: upsert, delete, clear, commit, reopen, rebuild.

mod common;

use common::{PUBLIC, corpus, first, ids, index, public, vocabulary};
use majlis_search::{Document, Opened, SCHEMA_VERSION, SearchIndex};

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("majlis-search-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn delete_removes() {
    let index = index();
    assert_eq!(first(&public(&index, "Leipzig")), "practice:leipzig");
    index.delete("practice:leipzig").unwrap();
    // Not before the commit...
    assert_eq!(first(&public(&index, "Leipzig")), "practice:leipzig");
    index.commit().unwrap();
    // ...and gone right after, from hits, totals and facets.
    let results = public(&index, "Leipzig");
    assert_eq!(results.total, 0, "{results:?}");
    assert!(index.get("practice:leipzig").unwrap().is_none());
    let all = public(&index, "");
    assert_eq!(all.total, 9);
    assert_eq!(all.facets.countries.get("DE"), Some(&2));
}

#[test]
fn upsert_replaces() {
    let index = index();
    let doc = Document::new("practice:leipzig", "practice")
        .title(Some("de"), "Patenschaften in Dresden")
        .audience(PUBLIC);
    index.upsert(&doc).unwrap();
    index.commit().unwrap();
    assert_eq!(public(&index, "Leipzig").total, 0);
    assert_eq!(first(&public(&index, "Dresden")), "practice:leipzig");
    assert_eq!(index.get("practice:leipzig").unwrap(), Some(doc));
    assert_eq!(index.num_docs(), corpus().len() as u64);
    // Changing the audience takes the item away from visitors.
    index
        .upsert(
            Document::new("practice:leipzig", "practice")
                .title(Some("de"), "Patenschaften in Dresden")
                .audience(["members"]),
        )
        .unwrap();
    index.commit().unwrap();
    assert_eq!(public(&index, "Dresden").total, 0);
}

#[test]
fn clear_then_reindex_is_atomic_at_commit() {
    let index = index();
    index.clear().unwrap();
    index
        .upsert(
            Document::new("event:only", "event")
                .title(Some("en"), "Only event")
                .audience(PUBLIC),
        )
        .unwrap();
    assert_eq!(public(&index, "").total, 10);
    index.commit().unwrap();
    assert_eq!(ids(&public(&index, "")), ["event:only"]);
}

#[test]
fn reopen_keeps_documents() {
    let dir = temp_dir("reopen");
    {
        let (index, opened) = SearchIndex::open_or_rebuild(&dir).unwrap();
        assert_eq!(opened, Opened::Fresh);
        for doc in corpus() {
            index.upsert(doc).unwrap();
        }
        index.commit().unwrap();
    }
    let (index, opened) = SearchIndex::open_or_rebuild(&dir).unwrap();
    assert_eq!(opened, Opened::Existing);
    let index = index.with_vocabulary(vocabulary());
    assert_eq!(first(&public(&index, "أحمد")), "resource:ahmad");
    assert_eq!(index.num_docs(), corpus().len() as u64);
    drop(index);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn corrupt_index_is_rebuilt() {
    let dir = temp_dir("corrupt");
    {
        let (index, _) = SearchIndex::open_or_rebuild(&dir).unwrap();
        for doc in corpus() {
            index.upsert(doc).unwrap();
        }
        index.commit().unwrap();
    }
    std::fs::write(dir.join("meta.json"), b"{ this is not json").unwrap();
    std::fs::write(dir.join("unrelated.txt"), b"keep me").unwrap();
    let (index, opened) = SearchIndex::open_or_rebuild(&dir).unwrap();
    assert_eq!(opened, Opened::Fresh);
    assert_eq!(index.num_docs(), 0);
    // Usable right away.
    index.upsert(&corpus()[0]).unwrap();
    index.commit().unwrap();
    assert_eq!(index.num_docs(), 1);
    // Only the index's own files were removed.
    assert!(dir.join("unrelated.txt").exists());
    drop(index);
    let (index, opened) = SearchIndex::open_or_rebuild(&dir).unwrap();
    assert_eq!(opened, Opened::Existing);
    assert_eq!(index.num_docs(), 1);
    drop(index);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn other_schema_version_is_rebuilt() {
    let dir = temp_dir("version");
    {
        let (index, _) = SearchIndex::open_or_rebuild(&dir).unwrap();
        index.upsert(&corpus()[0]).unwrap();
        index.commit().unwrap();
    }
    let version_file = dir.join("majlis-search.version");
    assert_eq!(
        std::fs::read_to_string(&version_file).unwrap().trim(),
        SCHEMA_VERSION.to_string()
    );
    std::fs::write(&version_file, format!("{}\n", SCHEMA_VERSION + 1)).unwrap();
    let (index, opened) = SearchIndex::open_or_rebuild(&dir).unwrap();
    assert_eq!(opened, Opened::Fresh);
    assert_eq!(index.num_docs(), 0);
    drop(index);
    // A missing directory is created.
    let nested = dir.join("a/b");
    let (_, opened) = SearchIndex::open_or_rebuild(&nested).unwrap();
    assert_eq!(opened, Opened::Fresh);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn locked_index_is_an_error_not_a_rebuild() {
    let dir = temp_dir("locked");
    let (first_index, _) = SearchIndex::open_or_rebuild(&dir).unwrap();
    first_index.upsert(&corpus()[0]).unwrap();
    first_index.commit().unwrap();
    assert!(SearchIndex::open_or_rebuild(&dir).is_err());
    assert_eq!(first_index.num_docs(), 1);
    drop(first_index);
    let (index, opened) = SearchIndex::open_or_rebuild(&dir).unwrap();
    assert_eq!(opened, Opened::Existing);
    assert_eq!(index.num_docs(), 1);
    drop(index);
    std::fs::remove_dir_all(&dir).unwrap();
}
