//! A submitted form as name → value pairs, for forms whose fields depend on
//! what is being edited (several languages, repeated rows). Rules parse it
//! into typed values; it holds no HTTP type.

/// The submitted form: name → values (repeated names keep every value).
#[derive(Clone, Debug, Default)]
pub struct RawForm(pub Vec<(String, String)>);

impl RawForm {
    /// The first value given for `name` (empty when absent).
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }

    /// Every value given for `name`, in order.
    pub fn all(&self, name: &str) -> impl Iterator<Item = &str> {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether `name` was sent at all (a checkbox, a button).
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_names_keep_every_value() {
        let f = RawForm(vec![
            ("theme".into(), "a".into()),
            ("title".into(), "T".into()),
            ("theme".into(), "b".into()),
        ]);
        assert_eq!(f.get("theme"), "a");
        assert_eq!(f.all("theme").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(f.get("missing"), "");
        assert!(f.has("title") && !f.has("missing"));
    }
}
