//! Keeps few of a mapped file's pages resident while it is read through.
//!
//! Reading a mapped file makes its pages part of the process's resident
//! size until the map is dropped, although they belong to the page cache:
//! reading a 20 MB PDF through would count 20 MB. The pre-scan and `lopdf`'s
//! parse read the file (mostly) once from start to end, and finding streams
//! again touches it here and there; once about [`WINDOW`] bytes may be
//! mapped, the map's pages are let go (`MADV_DONTNEED`), and any page read
//! again is mapped again from the page cache. The kernel may map a whole
//! large folio (up to 2 MiB) for one byte read: a scattered touch counts as
//! [`FOLIO`] bytes, once per folio between releases.

use std::cell::Cell;

/// Bytes that may be mapped between two releases.
const WINDOW: usize = 4 * 1024 * 1024;
/// Most the kernel maps for one byte read (a PMD-sized folio on x86-64).
const FOLIO: usize = 2 * 1024 * 1024;

/// Counts what is read of a map and releases its pages every [`WINDOW`].
#[derive(Clone)]
pub(super) struct Pager {
    addr: usize,
    len: usize,
    read: Cell<usize>,
    /// The folio touched last (scattered reads in order touch the same one).
    folio: Cell<Option<usize>>,
}

impl Pager {
    pub(super) fn new(map: &[u8]) -> Self {
        Self {
            addr: map.as_ptr() as usize,
            len: map.len(),
            read: Cell::new(0),
            folio: Cell::new(None),
        }
    }

    /// Notes a read at `offset` in the map, away from the last.
    pub(super) fn touch(&self, offset: usize) {
        let folio = offset / FOLIO;
        if self.folio.get() != Some(folio) {
            self.folio.set(Some(folio));
            self.read(FOLIO);
        }
    }

    /// Notes that `n` more bytes were read.
    pub(super) fn read(&self, n: usize) {
        let read = self.read.get().saturating_add(n);
        if read >= WINDOW {
            self.release();
        } else {
            self.read.set(read);
        }
    }

    /// Lets the map's resident pages go.
    pub(super) fn release(&self) {
        self.read.set(0);
        self.folio.set(None);
        #[cfg(unix)]
        if self.len > 0 {
            // SAFETY: `addr..addr + len` is a read-only shared file mapping
            // that outlives every `Pager` made from it (`pdf_text` holds the
            // map until the parse is over). `MADV_DONTNEED` only drops the
            // page-table entries: the mapping stays valid, and a page read
            // again is faulted back in from the unchanged file. The result is
            // ignored: a refused hint changes nothing but the resident size.
            unsafe {
                libc::madvise(
                    self.addr as *mut libc::c_void,
                    self.len,
                    libc::MADV_DONTNEED,
                );
            }
        }
    }
}
