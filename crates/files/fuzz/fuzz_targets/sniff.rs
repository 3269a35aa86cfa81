//! Any bytes as an upload: kind sniffing with the bomb checks, then text
//! extraction of ZIP-based kinds, with the app's limits and with tight ones.
//! (PDF text has its own target, `pdf_text`.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use majlis_files::ArchiveLimits;
use majlis_files_fuzz::{inspect, tight_limits};

fuzz_target!(|data: &[u8]| {
    inspect(data, &ArchiveLimits::default(), false);
    inspect(data, &tight_limits(), false);
});
