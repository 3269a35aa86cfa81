//! Reading only the answers a scorer needs out of a stored answers object
//! (a JSON object of strings), without building the whole object: the
//! wanted questions' values land in their slots, everything else is
//! skipped. A wave of 100,000 respondents is read this way.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// The questions read, each with its slot.
pub struct Wanted<'q> {
    slots: HashMap<&'q str, usize>,
}

impl<'q> Wanted<'q> {
    pub fn new(questions: impl IntoIterator<Item = &'q str>) -> Self {
        let mut slots = HashMap::new();
        for q in questions {
            let n = slots.len();
            slots.entry(q).or_insert(n);
        }
        Wanted { slots }
    }

    pub fn slot(&self, question: &str) -> Option<usize> {
        self.slots.get(question).copied()
    }

    /// Fill `out` (one slot per wanted question) from a JSON object of
    /// strings; anything that is not such an object leaves every slot
    /// empty.
    pub fn pick<'j>(&self, json: &'j str, out: &mut Vec<Option<Cow<'j, str>>>) {
        out.clear();
        out.resize(self.slots.len(), None);
        let mut de = serde_json::Deserializer::from_str(json);
        if (Seed {
            wanted: self,
            out: &mut *out,
        })
        .deserialize(&mut de)
        .is_err()
        {
            out.iter_mut().for_each(|s| *s = None);
        }
    }
}

struct Seed<'w, 'q, 'o, 'j> {
    wanted: &'w Wanted<'q>,
    out: &'o mut Vec<Option<Cow<'j, str>>>,
}

impl<'de: 'j, 'j> DeserializeSeed<'de> for Seed<'_, '_, '_, 'j> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de: 'j, 'j> Visitor<'de> for Seed<'_, '_, '_, 'j> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of answers")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Text(key)) = map.next_key::<Text<'de>>()? {
            match key.and_then(|k| self.wanted.slot(&k)) {
                Some(at) => self.out[at] = map.next_value::<Text<'de>>()?.0,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// A string, borrowed from the JSON text when it has no escapes; any
/// other value is `None` (a number or a list is no answer).
struct Text<'de>(Option<Cow<'de, str>>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'de>, E> {
        Ok(Text(Some(Cow::Borrowed(v))))
    }

    fn visit_str<E>(self, v: &str) -> Result<Text<'de>, E> {
        Ok(Text(Some(Cow::Owned(v.to_owned()))))
    }

    fn visit_string<E>(self, v: String) -> Result<Text<'de>, E> {
        Ok(Text(Some(Cow::Owned(v))))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Text<'de>, E> {
        Ok(Text(None))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Text<'de>, E> {
        Ok(Text(None))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Text<'de>, E> {
        Ok(Text(None))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Text<'de>, E> {
        Ok(Text(None))
    }

    fn visit_unit<E>(self) -> Result<Text<'de>, E> {
        Ok(Text(None))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Text<'de>, A::Error> {
        while s.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Text(None))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Text<'de>, A::Error> {
        while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Text(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_wanted_answers_only() {
        let w = Wanted::new(["group", "trust", "safe"]);
        let mut out = Vec::new();
        w.pick(
            r#"{"comment": "a \"long\" text", "group": "host", "trust": "7", "n": 3, "safe": 4}"#,
            &mut out,
        );
        let got: Vec<Option<&str>> = out.iter().map(|s| s.as_deref()).collect();
        assert_eq!(got, [Some("host"), Some("7"), None]);
        w.pick("not json", &mut out);
        assert!(out.iter().all(Option::is_none));
        w.pick(r#"{"trust": "a \u00e9"}"#, &mut out);
        assert_eq!(out[1].as_deref(), Some("a é"));
    }
}
