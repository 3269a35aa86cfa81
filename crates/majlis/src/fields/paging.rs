//! Paging shared by every list: which page was asked for ([`PageRequest`]),
//! one page of results ([`Page`]) and the API's list shape ([`ApiList`]).
//! Plain values with no HTTP type, so rules take and return them; a bad
//! `page` or `per_page` is a [`PageError`], which `AppError` turns into a
//! 400 naming the field.

use serde::Serialize;

/// Largest page a list returns.
pub const MAX_PER_PAGE: u64 = 100;
pub const DEFAULT_PER_PAGE: u64 = 20;

/// A `page` or `per_page` that is not a number in range; `field` names it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("bad paging value: {field}")]
pub struct PageError {
    pub field: &'static str,
}

/// Which page of a list to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PageRequest {
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
}

impl Default for PageRequest {
    fn default() -> Self {
        PageRequest {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

impl PageRequest {
    /// Parse `page` and `per_page` as submitted; absent or empty means the
    /// default.
    pub fn from_query(page: Option<&str>, per_page: Option<&str>) -> Result<Self, PageError> {
        let number = |v: Option<&str>, field, max| match v.map(str::trim).filter(|v| !v.is_empty())
        {
            None => Ok(None),
            Some(p) => p
                .parse::<u64>()
                .ok()
                .filter(|p| (1..=max).contains(p))
                .map(Some)
                .ok_or(PageError { field }),
        };
        Ok(PageRequest {
            page: number(page, "page", 1_000_000)?.unwrap_or(1),
            per_page: number(per_page, "per_page", MAX_PER_PAGE)?.unwrap_or(DEFAULT_PER_PAGE),
        })
    }

    pub fn offset(self) -> u64 {
        (self.page - 1) * self.per_page
    }
}

/// One page of a list and where it sits in the whole.
#[derive(Clone, Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

impl<T> Page<T> {
    pub fn pages(&self) -> u64 {
        Ord::max(self.total.div_ceil(self.per_page), 1)
    }
    pub fn has_prev(&self) -> bool {
        self.page > 1
    }
    pub fn has_next(&self) -> bool {
        self.page < self.pages()
    }

    /// The same page with each item turned into another value.
    /// The page `page` asks for of a whole list already in order.
    pub fn of(items: Vec<T>, page: PageRequest) -> Page<T> {
        let total = items.len() as u64;
        Page {
            items: items
                .into_iter()
                .skip(usize::try_from(page.offset()).unwrap_or(usize::MAX))
                .take(usize::try_from(page.per_page).unwrap_or(usize::MAX))
                .collect(),
            total,
            page: page.page,
            per_page: page.per_page,
        }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
            page: self.page,
            per_page: self.per_page,
        }
    }
}

/// The page asked for, with nothing on it (a filter that matches nothing).
pub fn empty_page<T>(page: PageRequest) -> Page<T> {
    Page {
        items: Vec::new(),
        total: 0,
        page: page.page,
        per_page: page.per_page,
    }
}

/// Rows read at a time when a whole list is taken (open-data downloads).
pub const WHOLE_LIST_PAGE: u64 = 1_000;

/// Every page of a list, read `WHOLE_LIST_PAGE` rows at a time: one query
/// per thousand rows.
pub async fn whole_list<T, E, Fut>(mut read: impl FnMut(PageRequest) -> Fut) -> Result<Vec<T>, E>
where
    Fut: std::future::Future<Output = Result<Page<T>, E>>,
{
    let mut all = Vec::new();
    for page in 1.. {
        let p = read(PageRequest {
            page,
            per_page: WHOLE_LIST_PAGE,
        })
        .await?;
        let done = p.items.len() < WHOLE_LIST_PAGE as usize || !p.has_next();
        all.extend(p.items);
        if done {
            break;
        }
    }
    Ok(all)
}

/// Every list of the JSON API answers in this shape.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiList<T> {
    /// This page's items.
    pub items: Vec<T>,
    /// How many items the whole list has.
    pub total: u64,
    /// 1-based page number.
    pub page: u64,
    /// Items per page.
    pub per_page: u64,
}

impl<T> ApiList<T> {
    /// A page of results, each turned into its API form.
    pub fn from_page<U: Clone>(page: &Page<U>, f: impl Fn(U) -> T) -> Self {
        ApiList {
            total: page.total,
            page: page.page,
            per_page: page.per_page,
            items: page.items.iter().cloned().map(f).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_input_is_checked() {
        assert_eq!(
            PageRequest::from_query(None, None).unwrap(),
            PageRequest::default()
        );
        assert_eq!(
            PageRequest::from_query(Some(""), Some(" ")).unwrap(),
            PageRequest::default()
        );
        let p = PageRequest::from_query(Some("3"), Some("10")).unwrap();
        assert_eq!((p.page, p.per_page, p.offset()), (3, 10, 20));
        for (page, per, field) in [
            (Some("abc"), None, "page"),
            (Some("0"), None, "page"),
            (Some("-1"), None, "page"),
            (None, Some("0"), "per_page"),
            (None, Some("101"), "per_page"),
            (Some("1e3"), None, "page"),
        ] {
            assert_eq!(
                PageRequest::from_query(page, per),
                Err(PageError { field }),
                "{page:?} {per:?} must be refused"
            );
        }
    }

    #[test]
    fn page_counts() {
        let p: Page<()> = Page {
            items: vec![],
            total: 41,
            page: 2,
            per_page: 20,
        };
        assert_eq!(p.pages(), 3);
        assert!(p.has_prev() && p.has_next());
        let empty: Page<()> = empty_page(PageRequest::default());
        assert_eq!(empty.pages(), 1);
        assert!(!empty.has_next());
    }
}
