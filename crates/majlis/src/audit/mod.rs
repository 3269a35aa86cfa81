//! The audit log: every change to content, roles and settings records who,
//! what, when and from where, in the same transaction as the change.
//! Coordinators read it at `/audit` (`app::audit_log`), filtered by
//! person, object and date.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseTransaction, QueryOrder, QuerySelect};

pub mod entity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "audit")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub at: DateTimeUtc,
        /// `None`: the command line, or an account since deleted.
        pub actor_id: Option<i32>,
        pub action: String,
        pub object_type: String,
        pub object_id: String,
        pub ip: String,
        pub detail: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Who acts, and from where.
#[derive(Clone, Debug)]
pub struct Origin {
    pub actor_id: Option<i32>,
    pub ip: String,
}

impl Origin {
    /// A change made with `majlis` on the command line.
    pub fn cli() -> Self {
        Origin {
            actor_id: None,
            ip: "command line".into(),
        }
    }
}

/// Who acts and from where, for a change made through a request.
pub fn origin_of(me: &crate::policy::SignedIn, client: &crate::policy::Client) -> Origin {
    Origin {
        actor_id: Some(me.person_id),
        ip: client.ip.clone(),
    }
}

/// Record one change inside the transaction that makes it.
pub async fn record(
    tx: &DatabaseTransaction,
    origin: &Origin,
    action: &str,
    object_type: &str,
    object_id: impl ToString,
    detail: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    entity::ActiveModel {
        at: Set(now),
        actor_id: Set(origin.actor_id),
        action: Set(action.chars().take(64).collect()),
        object_type: Set(object_type.chars().take(64).collect()),
        object_id: Set(object_id.to_string().chars().take(64).collect()),
        ip: Set(origin.ip.chars().take(64).collect()),
        detail: Set(detail.map(|d| d.chars().take(1000).collect())),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(())
}

/// What a coordinator filters by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub actor_id: Option<i32>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Entries, newest first: one page and whether more follow.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &Filter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<entity::Model>, bool), DbErr> {
    use entity::Column as A;
    let mut q = entity::Entity::find();
    if let Some(a) = filter.actor_id {
        q = q.filter(A::ActorId.eq(a));
    }
    if let Some(t) = &filter.object_type {
        q = q.filter(A::ObjectType.eq(t.as_str()));
    }
    if let Some(o) = &filter.object_id {
        q = q.filter(A::ObjectId.eq(o.as_str()));
    }
    if let Some(from) = filter.from.and_then(|d| d.and_hms_opt(0, 0, 0)) {
        q = q.filter(A::At.gte(from.and_utc()));
    }
    if let Some(to) = filter
        .to
        .and_then(|d| d.succ_opt())
        .and_then(|d| d.and_hms_opt(0, 0, 0))
    {
        q = q.filter(A::At.lt(to.and_utc()));
    }
    let mut rows = q
        .order_by_desc(A::Id)
        .offset((page.max(1) - 1) * per_page)
        .limit(per_page + 1)
        .all(db)
        .await?;
    let more = rows.len() as u64 > per_page;
    rows.truncate(per_page as usize);
    Ok((rows, more))
}

/// The fields of an item as its audit entries compare them: names in a
/// stable order, each with a printable value. Translatable texts become one
/// field per language (`summary[ar]`), lists one comma-separated value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields(Vec<(String, String)>);

/// Values up to this many characters are shown `before → after`; longer
/// ones by their field name only.
pub const SHORT_VALUE: usize = 80;

impl Fields {
    pub fn new() -> Self {
        Fields::default()
    }

    /// A plain value.
    pub fn put(&mut self, name: &str, value: impl ToString) -> &mut Self {
        self.0.push((name.to_owned(), value.to_string()));
        self
    }

    /// An optional value (`None` is empty).
    pub fn opt(&mut self, name: &str, value: Option<impl ToString>) -> &mut Self {
        self.put(name, value.map(|v| v.to_string()).unwrap_or_default())
    }

    /// A translatable text: its original language, then one field per language.
    pub fn text(&mut self, name: &str, value: Option<&crate::i18n::TrText>) -> &mut Self {
        if let Some(t) = value {
            self.put(&format!("{name}.orig"), t.orig().code());
            for l in t.locales() {
                self.put(
                    &format!("{name}[{}]", l.code()),
                    t.get(l).unwrap_or_default(),
                );
            }
        }
        self
    }

    /// A list, in the given order.
    pub fn list<T: ToString>(
        &mut self,
        name: &str,
        items: impl IntoIterator<Item = T>,
    ) -> &mut Self {
        let v: Vec<String> = items.into_iter().map(|i| i.to_string()).collect();
        self.put(name, v.join(", "))
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// What changed from `self` to `after`: `None` when nothing did, else
    /// `field: "old" → "new"` for short values and `field` alone for long
    /// ones, separated by `; `. A field only one side has counts as empty on
    /// the other.
    pub fn changes(&self, after: &Fields) -> Option<String> {
        let mut names: Vec<&str> = after.0.iter().map(|(k, _)| k.as_str()).collect();
        for (k, _) in &self.0 {
            if !names.contains(&k.as_str()) {
                names.push(k);
            }
        }
        let parts: Vec<String> = names
            .into_iter()
            .filter_map(|name| {
                let old = self.value(name).unwrap_or_default();
                let new = after.value(name).unwrap_or_default();
                if old == new {
                    return None;
                }
                let short = |v: &str| v.chars().count() <= SHORT_VALUE;
                Some(if short(old) && short(new) {
                    format!("{name}: {old:?} → {new:?}")
                } else {
                    name.to_owned()
                })
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, TrText};

    #[test]
    fn changes_name_fields_with_short_values() {
        let mut before = Fields::new();
        before
            .text(
                "summary",
                Some(&TrText::new(Locale::En, "Old summary").unwrap()),
            )
            .text(
                "context",
                Some(&TrText::new(Locale::En, "x".repeat(100)).unwrap()),
            )
            .list("themes", ["water", "waste"])
            .put("city", "Şanlıurfa");
        assert_eq!(before.changes(&before.clone()), None);
        let mut after = Fields::new();
        let mut summary = TrText::new(Locale::En, "New summary").unwrap();
        summary.set(Locale::Ar, "ملخص");
        after
            .text("summary", Some(&summary))
            .text(
                "context",
                Some(&TrText::new(Locale::En, "y".repeat(100)).unwrap()),
            )
            .list("themes", ["water"])
            .put("city", "Şanlıurfa");
        assert_eq!(
            before.changes(&after).unwrap(),
            "summary[en]: \"Old summary\" → \"New summary\"; summary[ar]: \"\" → \"ملخص\"; \
             context[en]; themes: \"water, waste\" → \"water\""
        );
        // A field that went away is named too.
        let mut gone = after.clone();
        gone.0.retain(|(k, _)| k != "city");
        assert_eq!(after.changes(&gone).unwrap(), "city: \"Şanlıurfa\" → \"\"");
    }
}
