//! Rendering time, PDF size and peak memory of a practice sheet, of a
//! 40-practice compendium and of a 40-question survey report.
//!
//! `cargo bench -p majlis-print` runs every case in a child process of its own
//! (this executable, re-run with `--case NAME`) so that the peak resident
//! memory (`VmHWM` in `/proc/self/status`) belongs to that case alone, and
//! prints a table. Without `--bench` (e.g. `cargo test --all-targets`) each
//! case runs once, as a smoke test. With `MAJLIS_PRINT_BENCH_PDF_DIR` set,
//! each case's PDF is written there.

use std::process::Command;
use std::time::{Duration, Instant};

use majlis_print::{
    Chapter, Compendium, Fact, Printer, Section, Sheet, SurveyQuestion, SurveyReport, SurveyRow,
};

/// A case: name, renders in bench mode, what it does.
const CASES: [(&str, usize, &str); 5] = [
    ("printer-new", 10, "Printer::new (fonts, library)"),
    ("sheet-en", 20, "practice sheet, English, 6 sections"),
    ("sheet-ar", 20, "practice sheet, Arabic, 6 sections"),
    ("compendium-40", 5, "compendium, 8 chapters x 5 practices"),
    ("survey-40", 5, "survey report, 40 questions, 3 groups"),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bench = args.iter().any(|a| a == "--bench");
    if let Some(i) = args.iter().position(|a| a == "--case") {
        let name = args.get(i + 1).map(String::as_str).unwrap_or_default();
        let runs = args
            .get(i + 2)
            .and_then(|r| r.parse().ok())
            .unwrap_or(1usize);
        run_case(name, runs);
        return;
    }

    let exe = std::env::current_exe().expect("the bench executable's path");
    println!();
    println!(
        "{:<15} {:>4} {:>10} {:>10} {:>10} {:>6} {:>10} {:>10}  what",
        "case", "runs", "median", "min", "first", "pages", "PDF size", "peak RSS"
    );
    for (name, runs, what) in CASES {
        let runs = if bench { runs } else { 1 };
        let output = Command::new(&exe)
            .args(["--case", name, &runs.to_string()])
            .output()
            .expect("run the case in a child process");
        let stdout = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            panic!(
                "case {name} failed: {stdout}{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        // The child prints: median_ms min_ms first_ms pages bytes hwm_kib
        let fields: Vec<&str> = stdout.split_whitespace().collect();
        let [median, min, first, pages, bytes, hwm] = fields[..] else {
            panic!("case {name}: unexpected output {stdout:?}");
        };
        println!(
            "{name:<15} {runs:>4} {:>10} {:>10} {:>10} {pages:>6} {:>10} {:>10}  {what}",
            format!("{median} ms"),
            format!("{min} ms"),
            format!("{first} ms"),
            kib(bytes.parse().unwrap_or_default()),
            kib(hwm.parse::<u64>().unwrap_or_default() * 1024),
        );
    }
    println!();
}

fn kib(bytes: u64) -> String {
    if bytes >= 10 * 1024 * 1024 {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{} KiB", bytes / 1024)
    }
}

/// Runs one case `runs` times and prints its measurements on one line.
fn run_case(name: &str, runs: usize) {
    let runs = runs.max(1);
    let mut times = Vec::with_capacity(runs);
    let mut size = 0;
    let mut pages = String::from("-");
    let printer = if name == "printer-new" {
        None
    } else {
        Some(Printer::new())
    };
    let sheet_en = practice(0, "en");
    let sheet_ar = practice(3, "ar");
    let book = compendium(40);
    let results = survey(40);
    for _ in 0..runs {
        let start = Instant::now();
        let pdf = match (name, &printer) {
            ("printer-new", _) => {
                std::hint::black_box(Printer::new());
                Vec::new()
            }
            ("sheet-en", Some(p)) => p.practice_sheet(&sheet_en).expect("render"),
            ("sheet-ar", Some(p)) => p.practice_sheet(&sheet_ar).expect("render"),
            ("compendium-40", Some(p)) => p.compendium(&book).expect("render"),
            ("survey-40", Some(p)) => p.survey_report(&results).expect("render"),
            _ => panic!("unknown case {name:?}"),
        };
        times.push(start.elapsed());
        size = pdf.len();
        if pages == "-" {
            pages = count_pages(&pdf);
            // To look at what was measured: MAJLIS_PRINT_BENCH_PDF_DIR=/some/dir
            if let Some(dir) =
                std::env::var_os("MAJLIS_PRINT_BENCH_PDF_DIR").filter(|_| !pdf.is_empty())
            {
                let path = std::path::Path::new(&dir).join(format!("{name}.pdf"));
                std::fs::write(&path, &pdf).expect("write the PDF");
            }
        }
    }
    let first = times[0];
    times.sort();
    println!(
        "{} {} {} {pages} {size} {}",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(first),
        peak_rss_kib()
    );
}

fn ms(d: Duration) -> String {
    format!("{:.0}", d.as_secs_f64() * 1000.0)
}

/// Pages of the PDF according to poppler's `pdfinfo`, or "-" if it is not
/// installed (the page objects sit in compressed object streams).
fn count_pages(pdf: &[u8]) -> String {
    if pdf.is_empty() {
        return "-".into();
    }
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bench-{}.pdf", std::process::id()));
    let pages = std::fs::write(&path, pdf)
        .ok()
        .and_then(|()| Command::new("pdfinfo").arg(&path).output().ok())
        .and_then(|out| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_owned()))
        });
    let _ = std::fs::remove_file(&path);
    pages.unwrap_or_else(|| "-".into())
}

/// Peak resident set size of this process in KiB (`VmHWM`), 0 if unknown.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// A small deterministic generator (linear congruential), so that the text
/// is the same on every run and needs no files.
struct Words {
    state: u64,
}

impl Words {
    fn new(seed: u64) -> Words {
        Words {
            state: seed.wrapping_mul(6364136223846793005).wrapping_add(1),
        }
    }

    fn next(&mut self, n: usize) -> usize {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.state >> 33) as usize) % n
    }

    /// A text of `words` words in sentences of 8–20 words and paragraphs of
    /// 3–6 sentences.
    fn text(&mut self, vocabulary: &[&str], words: usize) -> String {
        let mut out = String::new();
        let mut written = 0;
        let mut sentences_in_paragraph = 0;
        while written < words {
            let sentence_len = (8 + self.next(13)).min(words - written).max(1);
            for i in 0..sentence_len {
                let word = vocabulary[self.next(vocabulary.len())];
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(word);
            }
            out.push('.');
            written += sentence_len;
            sentences_in_paragraph += 1;
            if written < words {
                if sentences_in_paragraph >= 3 + self.next(4) {
                    out.push_str("\n\n");
                    sentences_in_paragraph = 0;
                } else {
                    out.push(' ');
                }
            }
        }
        out
    }
}

const ENGLISH: &[&str] = &[
    "the",
    "municipality",
    "refugees",
    "residents",
    "council",
    "project",
    "water",
    "waste",
    "services",
    "community",
    "centre",
    "women",
    "children",
    "schools",
    "training",
    "courses",
    "partners",
    "volunteers",
    "budget",
    "district",
    "neighbourhood",
    "families",
    "health",
    "employment",
    "market",
    "and",
    "with",
    "for",
    "of",
    "in",
    "to",
    "new",
    "local",
    "social",
    "public",
    "participation",
    "meetings",
    "results",
    "improved",
    "supported",
    "organised",
    "network",
    "cities",
    "exchange",
    "experience",
    "planning",
    "housing",
    "transport",
];
const TURKISH: &[&str] = &[
    "belediye",
    "mülteciler",
    "kadınlar",
    "çocuklar",
    "eğitim",
    "kursları",
    "mahalle",
    "hizmetleri",
    "toplum",
    "merkezi",
    "gönüllüler",
    "bütçe",
    "sağlık",
    "istihdam",
    "için",
    "ve",
    "ile",
    "yeni",
    "yerel",
    "sosyal",
    "katılım",
    "toplantılar",
    "sonuçlar",
    "İstanbul",
    "Şanlıurfa",
    "Gaziantep",
    "değişim",
    "şehirler",
    "öğrenciler",
    "işbirliği",
    "ağı",
];
const ARABIC: &[&str] = &[
    "البلدية",
    "اللاجئين",
    "السكان",
    "المجلس",
    "المشروع",
    "المياه",
    "النفايات",
    "الخدمات",
    "المجتمع",
    "مركز",
    "النساء",
    "الأطفال",
    "المدارس",
    "التدريب",
    "دورات",
    "الشركاء",
    "المتطوعين",
    "الميزانية",
    "الحي",
    "الأسر",
    "الصحة",
    "العمل",
    "السوق",
    "في",
    "من",
    "إلى",
    "مع",
    "على",
    "جديد",
    "المحلي",
    "الاجتماعي",
    "المشاركة",
    "النتائج",
    "الشبكة",
    "المدن",
];

/// Practice number `i` in `lang`: 6 sections of 80–200 words.
fn practice(i: usize, lang: &str) -> Sheet {
    let mut words = Words::new(i as u64 + 1);
    let (vocabulary, headings, labels): (&[&str], [&str; 6], [&str; 4]) = match lang {
        "ar" => (
            ARABIC,
            [
                "التحدي",
                "الأهداف",
                "النهج والأنشطة",
                "الشركاء",
                "النتائج",
                "الدروس المستفادة",
            ],
            ["الفترة", "المواضيع", "جهة الاتصال", "الحالة"],
        ),
        "tr" => (
            TURKISH,
            [
                "Sorun",
                "Hedefler",
                "Yaklaşım ve faaliyetler",
                "Ortaklar",
                "Sonuçlar",
                "Dersler",
            ],
            ["Dönem", "Temalar", "İletişim", "Durum"],
        ),
        _ => (
            ENGLISH,
            [
                "Challenge",
                "Objectives",
                "Approach and activities",
                "Partners",
                "Results",
                "Lessons",
            ],
            ["Period", "Themes", "Contact", "Status"],
        ),
    };
    let title_len = 4 + words.next(5);
    let title = words
        .text(vocabulary, title_len)
        .trim_end_matches('.')
        .to_owned();
    Sheet {
        lang: lang.into(),
        title,
        subtitle: Some(format!(
            "{} · Gaziantep, Türkiye",
            words.text(vocabulary, 2).trim_end_matches('.')
        )),
        facts: labels
            .iter()
            .map(|label| {
                let n = 2 + words.next(6);
                Fact {
                    label: (*label).into(),
                    value: words.text(vocabulary, n).trim_end_matches('.').to_owned(),
                }
            })
            .collect(),
        sections: headings
            .iter()
            .map(|heading| {
                let n = 80 + words.next(121);
                Section {
                    heading: (*heading).into(),
                    text: words.text(vocabulary, n),
                }
            })
            .collect(),
        footer: Some("Majlis · peer-learning network of municipalities".into()),
    }
}

/// A compendium of `n` practices in chapters of five: half English, a
/// quarter Turkish, a quarter Arabic.
fn compendium(n: usize) -> Compendium {
    let mut words = Words::new(999);
    let practices: Vec<Sheet> = (0..n)
        .map(|i| practice(i, ["en", "en", "tr", "ar"][i % 4]))
        .collect();
    Compendium {
        lang: "en".into(),
        title: "Good practices of host municipalities".into(),
        subtitle: Some("A compendium of the Majlis peer-learning network".into()),
        edition: Some("May 2017".into()),
        publisher: Some("Center for Mediterranean Integration".into()),
        contents_label: "Contents".into(),
        introduction_heading: "Introduction".into(),
        introduction: words.text(ENGLISH, 400),
        chapters: practices
            .chunks(5)
            .enumerate()
            .map(|(i, chunk)| Chapter {
                title: format!(
                    "Theme {}: {}",
                    i + 1,
                    words.text(ENGLISH, 3).trim_end_matches('.')
                ),
                introduction: words.text(ENGLISH, 60),
                practices: chunk.to_vec(),
            })
            .collect(),
        footer: Some("Majlis · Good practices of host municipalities".into()),
    }
}

/// A survey report of `n` questions: most with 3 to 7 choices by three
/// groups (every fourth row suppressed), every fifth with numbers only; a
/// quarter of the questions in Arabic.
fn survey(n: usize) -> SurveyReport {
    let mut words = Words::new(2017);
    let questions = (0..n)
        .map(|i| {
            let (lang, vocabulary) = if i % 4 == 3 {
                ("ar", ARABIC)
            } else {
                ("en", ENGLISH)
            };
            let choices = if i % 5 == 4 { 0 } else { 3 + i % 5 };
            SurveyQuestion {
                label: {
                    let n = 8 + words.next(20);
                    words.text(vocabulary, n)
                },
                lang: lang.into(),
                base: format!("Answered: {} · not answered: 2", 8 + i % 3),
                columns: ["Answer", "All (n = 10)", "Jordan", "Lebanon", "Türkiye"]
                    .map(String::from)
                    .to_vec(),
                rows: (0..choices)
                    .map(|r| {
                        let share = words.next(101) as f64 / 100.0;
                        let n = 1 + words.next(6);
                        let label = words.text(vocabulary, n);
                        if r % 4 == 3 {
                            SurveyRow {
                                label,
                                cells: vec!["suppressed".into(); 4],
                                bar: None,
                            }
                        } else {
                            SurveyRow {
                                label,
                                cells: vec![
                                    format!("{:.0}%", share * 100.0),
                                    "50%".into(),
                                    "25%".into(),
                                    "suppressed".into(),
                                ],
                                bar: Some(share),
                            }
                        }
                    })
                    .collect(),
                numbers: if choices == 0 {
                    ["Mean", "Median", "Quartiles"]
                        .iter()
                        .map(|label| Fact {
                            label: (*label).into(),
                            value: words.next(20_000).to_string(),
                        })
                        .collect()
                } else {
                    vec![]
                },
            }
        })
        .collect();
    SurveyReport {
        lang: "en".into(),
        title: "Survey before the Beirut meeting 2017: results".into(),
        subtitle: Some("Results · 10 of 12 municipalities answered".into()),
        facts: vec![Fact {
            label: "Response rate".into(),
            value: "83% (10/12)".into(),
        }],
        note: words.text(ENGLISH, 60),
        questions,
        footer: Some("Majlis · survey results".into()),
    }
}
