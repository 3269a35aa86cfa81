//! Benchmark on a generated multilingual corpus, and relevance on the demo
//! content.
//!
//! ```text
//! cargo run --release -p majlis-search --example corpus_bench [-- DOCS [ROUNDS]]
//! ```
//!
//! Generates DOCS (default 100,000) documents in Arabic, Turkish, English,
//! French and German from a fixed vocabulary with a deterministic seed,
//! measures the time to build the index, then the latency of a fixed set of
//! 50 queries (mixed languages, with and without filters; every query also
//! computes the total and the facet counts), ROUNDS times each (default
//! 10). Then the same corpus and query set against SQLite FTS5 (bundled
//! SQLite): same folded text, no stemming, no typo tolerance, no themes —
//! a baseline, not an equivalent; and against PostgreSQL full-text search
//! (`bench/pg_fts.rs`: one stock text search configuration per language,
//! GIN index, `websearch_to_tsquery` in every configuration OR'ed,
//! `ts_rank`), in a database of its own created on the server and dropped
//! at the end.
//!
//! Then relevance (`bench/relevance.rs`): the demo network's practices,
//! resources, events, organisations and municipalities are indexed in each
//! engine (majlis-search with the theme vocabulary of
//! crates/majlis/src/directory/themes.toml), the judged queries of
//! `examples/relevance.toml` are run, and nDCG@10 is reported overall and
//! per query language.
//!
//! Environment:
//! * `BENCH_PG_URL` — the PostgreSQL server (default
//!   `postgres://postgres@127.0.0.1:5432/postgres`); `BENCH_SKIP_PG`,
//!   `BENCH_SKIP_SQLITE` leave an engine out;
//! * `BENCH_RELEVANCE_ONLY` — skip the generated corpus;
//! * `BENCH_DETAIL` — print each engine's top hits for every judged query;
//! * `BENCH_KEEP_INDEX` — keep the tantivy index of this corpus size in
//!   the temporary directory and use it again in the next run (its build
//!   time is then only the opening);
//! * `BENCH_CLOCK=cpu` — measure tantivy's and SQLite's latencies as the
//!   CPU time of the process (the searching thread and the search threads
//!   it hands parts of a large index to) rather than the wall clock, to compare
//!   two builds on a machine busy with other work (PostgreSQL's stay wall
//!   times: its work happens in the server).
//! * `BENCH_QUERY=TEXT` — time only the queries of the set whose text
//!   contains TEXT (to profile one slow query: `BENCH_QUERY="refugees"`).

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use majlis_search::{Document, Opened, Query, SearchIndex, Sort, Theme, Vocabulary, fold};

#[path = "bench/pg_fts.rs"]
mod pg_fts;
#[path = "bench/relevance.rs"]
mod relevance;

/// What a query's latency is measured with: the wall clock, or with
/// `BENCH_CLOCK=cpu` the CPU time of the process (nothing else runs in it
/// while a query is timed: the searching thread and the search threads), which other
/// processes on a busy machine inflate far less (for comparing two builds
/// on a shared machine; the figures to quote are wall times on a quiet one).
#[derive(Clone, Copy)]
enum Clock {
    Wall(Instant),
    Cpu(Duration),
}

fn process_cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write to, and the clock id is a
    // constant every Linux has.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn cpu_clock() -> bool {
    std::env::var("BENCH_CLOCK").is_ok_and(|v| v == "cpu")
}

impl Clock {
    fn now() -> Clock {
        if cpu_clock() {
            Clock::Cpu(process_cpu_time())
        } else {
            Clock::Wall(Instant::now())
        }
    }

    fn elapsed(self) -> Duration {
        match self {
            Clock::Wall(start) => start.elapsed(),
            Clock::Cpu(start) => process_cpu_time().saturating_sub(start),
        }
    }
}

/// splitmix64: small, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const LANGS: [&str; 5] = ["en", "ar", "tr", "fr", "de"];

/// Themes: slug, then a label in en, ar, tr, fr, de.
const THEMES: [(&str, [&str; 5]); 12] = [
    (
        "language-learning",
        [
            "language courses",
            "دورات اللغة",
            "dil kursları",
            "cours de langue",
            "Sprachkurse",
        ],
    ),
    (
        "housing",
        ["housing", "السكن", "konut", "logement", "Wohnungen"],
    ),
    (
        "employment",
        ["employment", "التوظيف", "istihdam", "emploi", "Arbeit"],
    ),
    (
        "health",
        ["health", "الصحة", "sağlık", "santé", "Gesundheit"],
    ),
    (
        "education",
        ["schools", "المدارس", "okullar", "écoles", "Schulen"],
    ),
    (
        "children",
        ["children", "الأطفال", "çocuklar", "enfants", "Kinder"],
    ),
    ("women", ["women", "النساء", "kadınlar", "femmes", "Frauen"]),
    (
        "integration",
        [
            "integration",
            "الاندماج",
            "uyum",
            "intégration",
            "Integration",
        ],
    ),
    (
        "culture",
        ["culture", "الثقافة", "kültür", "culture", "Kultur"],
    ),
    ("sport", ["sport", "الرياضة", "spor", "sport", "Sport"]),
    (
        "legal-advice",
        [
            "legal advice",
            "المشورة القانونية",
            "hukuki danışmanlık",
            "conseil juridique",
            "Rechtsberatung",
        ],
    ),
    (
        "psychosocial",
        [
            "psychosocial support",
            "الدعم النفسي",
            "psikososyal destek",
            "soutien psychosocial",
            "psychosoziale Unterstützung",
        ],
    ),
];

/// Content words per language (with inflected variants, so that stemming
/// matters).
const WORDS: [&[&str]; 5] = [
    &[
        "refugee",
        "refugees",
        "municipality",
        "municipalities",
        "volunteer",
        "volunteers",
        "network",
        "networks",
        "family",
        "families",
        "youth",
        "counselling",
        "training",
        "welcome",
        "neighbourhood",
        "neighbourhoods",
        "mentor",
        "mentoring",
        "city",
        "cities",
        "newcomers",
        "project",
        "projects",
        "centre",
        "office",
        "digital",
        "school",
        "teacher",
        "teachers",
        "job",
        "jobs",
        "apprenticeship",
        "doctor",
        "clinic",
        "translation",
        "interpreters",
        "meeting",
        "meetings",
        "library",
        "garden",
        "market",
        "festival",
        "partnership",
        "exchange",
        "peer",
        "learning",
        "practice",
        "funding",
        "council",
    ],
    &[
        "لاجئ",
        "لاجئين",
        "اللاجئين",
        "البلدية",
        "البلديات",
        "متطوع",
        "المتطوعين",
        "شبكة",
        "العائلات",
        "عائلة",
        "الشباب",
        "الاستشارة",
        "التدريب",
        "الترحيب",
        "الحي",
        "الأحياء",
        "مرشد",
        "المدينة",
        "المدن",
        "القادمين",
        "مشروع",
        "المشاريع",
        "مركز",
        "مكتب",
        "رقمي",
        "المدرسة",
        "معلم",
        "المعلمين",
        "عمل",
        "وظائف",
        "طبيب",
        "عيادة",
        "الترجمة",
        "مترجمين",
        "اجتماع",
        "مكتبة",
        "حديقة",
        "سوق",
        "مهرجان",
        "شراكة",
        "تبادل",
        "التعلم",
        "ممارسة",
        "تمويل",
        "مجلس",
        "أحمد",
        "إدارة",
        "مُدرّسة",
        "كَتَبَ",
    ],
    &[
        "mülteci",
        "mülteciler",
        "belediye",
        "belediyeler",
        "gönüllü",
        "gönüllüler",
        "ağ",
        "aile",
        "aileler",
        "gençler",
        "danışma",
        "eğitim",
        "karşılama",
        "mahalle",
        "mahalleler",
        "rehber",
        "şehir",
        "şehirler",
        "yeni",
        "proje",
        "projeler",
        "merkez",
        "ofis",
        "dijital",
        "okul",
        "öğretmen",
        "öğretmenler",
        "iş",
        "işler",
        "çıraklık",
        "doktor",
        "klinik",
        "çeviri",
        "tercümanlar",
        "toplantı",
        "kütüphane",
        "bahçe",
        "pazar",
        "festival",
        "ortaklık",
        "değişim",
        "öğrenme",
        "uygulama",
        "fon",
        "meclis",
        "İstanbul",
        "Gaziantep",
        "ışık",
        "Şanlıurfa",
    ],
    &[
        "réfugié",
        "réfugiés",
        "municipalité",
        "municipalités",
        "bénévole",
        "bénévoles",
        "réseau",
        "réseaux",
        "famille",
        "familles",
        "jeunesse",
        "accompagnement",
        "formation",
        "accueil",
        "quartier",
        "quartiers",
        "tuteur",
        "tutorat",
        "ville",
        "villes",
        "nouveaux",
        "projet",
        "projets",
        "centre",
        "bureau",
        "numérique",
        "école",
        "enseignant",
        "enseignants",
        "travail",
        "métiers",
        "apprentissage",
        "médecin",
        "clinique",
        "traduction",
        "interprètes",
        "réunion",
        "réunions",
        "bibliothèque",
        "jardin",
        "marché",
        "fête",
        "partenariat",
        "échange",
        "pairs",
        "pratique",
        "financement",
        "conseil",
    ],
    &[
        "Flüchtling",
        "Flüchtlinge",
        "Geflüchtete",
        "Gemeinde",
        "Gemeinden",
        "Ehrenamtliche",
        "Ehrenamt",
        "Netzwerk",
        "Netzwerke",
        "Familie",
        "Familien",
        "Jugendliche",
        "Beratung",
        "Ausbildung",
        "Willkommen",
        "Nachbarschaft",
        "Stadtteil",
        "Stadtteile",
        "Patenschaft",
        "Paten",
        "Stadt",
        "Städte",
        "Neuankömmlinge",
        "Projekt",
        "Projekte",
        "Zentrum",
        "Büro",
        "digital",
        "Schule",
        "Lehrer",
        "Lehrerinnen",
        "Arbeitsplätze",
        "Stellen",
        "Arzt",
        "Praxis",
        "Übersetzung",
        "Dolmetscher",
        "Treffen",
        "Bibliothek",
        "Garten",
        "Markt",
        "Fest",
        "Partnerschaft",
        "Austausch",
        "Lernen",
        "Förderung",
        "Finanzierung",
        "Rat",
        "Straße",
    ],
];

/// Function words per language.
const GLUE: [&[&str]; 5] = [
    &[
        "the", "and", "for", "with", "of", "in", "a", "to", "our", "new",
    ],
    &[
        "في", "من", "على", "مع", "و", "إلى", "عن", "هذه", "التي", "لل",
    ],
    &[
        "ve", "için", "ile", "bir", "bu", "da", "de", "olan", "yeni", "gibi",
    ],
    &[
        "le", "la", "les", "des", "et", "pour", "avec", "dans", "un", "une",
    ],
    &[
        "die", "der", "das", "und", "für", "mit", "in", "ein", "eine", "den",
    ],
];

const CITIES: [&str; 16] = [
    "Berlin",
    "Leipzig",
    "Köln",
    "Lyon",
    "Marseille",
    "Grenoble",
    "Gaziantep",
    "İstanbul",
    "Mersin",
    "Amman",
    "Irbid",
    "Beirut",
    "Athens",
    "Utrecht",
    "Malmö",
    "Vienna",
];
const COUNTRIES: [&str; 10] = ["DE", "FR", "TR", "JO", "LB", "GR", "NL", "SE", "AT", "BE"];
const KINDS: [&str; 7] = [
    "practice",
    "resource",
    "event",
    "session",
    "consultation",
    "organisation",
    "municipality",
];

fn vocabulary() -> Vocabulary {
    let mut vocabulary = Vocabulary::new();
    for (slug, labels) in THEMES {
        let mut theme = Theme::new(slug);
        for (lang, label) in LANGS.iter().zip(labels) {
            theme = theme.label(lang, label);
        }
        vocabulary.push(theme);
    }
    vocabulary
}

fn sentence(rng: &mut Rng, lang: usize, min: usize, spread: usize, themes: &[usize]) -> String {
    let words = min + rng.below(spread);
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        let word = match rng.below(10) {
            0..=2 => *rng.pick(GLUE[lang]),
            3 if !themes.is_empty() => THEMES[*rng.pick(themes)].1[lang],
            4 if rng.chance(30) => *rng.pick(&CITIES),
            _ => *rng.pick(WORDS[lang]),
        };
        out.push_str(word);
    }
    out
}

fn corpus(n: usize) -> Vec<Document> {
    let mut rng = Rng(0x6d61_6a6c_6973);
    let mut docs = Vec::with_capacity(n);
    for i in 0..n {
        // Language mix: en 30%, ar 25%, tr 15%, fr 15%, de 15%.
        let lang = match rng.below(100) {
            0..=29 => 0,
            30..=54 => 1,
            55..=69 => 2,
            70..=84 => 3,
            _ => 4,
        };
        let theme_count = 1 + rng.below(3);
        let themes: Vec<usize> = (0..theme_count).map(|_| rng.below(THEMES.len())).collect();
        let code = |l: usize, rng: &mut Rng| {
            // 10% of texts come without a language: detected.
            if rng.chance(10) { None } else { Some(LANGS[l]) }
        };
        let kind = *rng.pick(&KINDS);
        let year = 2016 + rng.below(10) as i32;
        let mut doc = Document::new(format!("{kind}:{i}"), kind)
            .title(
                code(lang, &mut rng),
                sentence(&mut rng, lang, 4, 5, &themes),
            )
            .summary(
                code(lang, &mut rng),
                sentence(&mut rng, lang, 15, 15, &themes),
            )
            .body(
                code(lang, &mut rng),
                sentence(&mut rng, lang, 40, 80, &themes),
            )
            .themes(themes.iter().map(|t| THEMES[*t].0))
            .countries([*rng.pick(&COUNTRIES)])
            .year(year)
            .date(1_450_000_000 + (year as i64 - 2016) * 31_536_000 + rng.below(31_536_000) as i64)
            .url(format!("/items/{i}"));
        // 20% are translated: a second title and summary.
        if rng.chance(20) {
            let other = (lang + 1 + rng.below(4)) % 5;
            doc = doc
                .title(Some(LANGS[other]), sentence(&mut rng, other, 4, 5, &themes))
                .summary(
                    Some(LANGS[other]),
                    sentence(&mut rng, other, 15, 10, &themes),
                );
        }
        let audience = match rng.below(100) {
            0..=79 => vec!["public".to_owned()],
            80..=94 => vec!["members".to_owned()],
            _ => vec![format!("participants:{}", rng.below(500))],
        };
        docs.push(doc.audience(audience));
    }
    docs
}

/// The query set: (category, query).
fn queries() -> Vec<(&'static str, Query)> {
    let public = |text: &str| Query::new(text).audience(["public"]);
    let member = |text: &str| Query::new(text).audience(["public", "members", "participants:7"]);
    vec![
        // Plain text, one word, five languages.
        ("word", public("refugees ")),
        ("word", public("housing ")),
        ("word", public("لاجئين ")),
        ("word", public("السكن ")),
        ("word", public("mülteciler ")),
        ("word", public("İstanbul ")),
        ("word", public("réfugiés ")),
        ("word", public("refugies ")),
        ("word", public("Flüchtling ")),
        ("word", public("Wohnungen ")),
        ("word", public("احمد ")),
        ("word", public("ISIK ")),
        // Several words, theme labels (cross-language).
        ("phrase", public("language courses for women ")),
        ("phrase", public("دورات اللغة ")),
        ("phrase", public("dil kursları ")),
        ("phrase", public("cours de langue ")),
        ("phrase", public("Sprachkurse für Familien ")),
        ("phrase", public("volunteer network Berlin ")),
        ("phrase", public("الدعم النفسي للأطفال ")),
        ("phrase", public("psikososyal destek ")),
        ("phrase", public("soutien psychosocial des jeunes ")),
        ("phrase", public("legal advice municipality ")),
        ("phrase", public("Beratung Geflüchtete Leipzig ")),
        ("phrase", public("mental health refugees clinic doctor ")),
        // Typos and search-as-you-type.
        ("typo/prefix", public("refugess ")),
        ("typo/prefix", public("volunters ")),
        ("typo/prefix", public("integraton ")),
        ("typo/prefix", public("Fluchtlinge ")),
        ("typo/prefix", public("municpalities ")),
        ("typo/prefix", public("hous")),
        ("typo/prefix", public("Gazi")),
        ("typo/prefix", public("البلد")),
        ("typo/prefix", public("language cou")),
        ("typo/prefix", public("bénév")),
        // With filters.
        ("filtered", public("refugees ").kinds(["practice"])),
        ("filtered", public("housing ").countries(["DE", "AT"])),
        ("filtered", public("السكن ").years([2023, 2024])),
        (
            "filtered",
            public("language ")
                .themes(["language-learning"])
                .kinds(["practice", "resource"]),
        ),
        (
            "filtered",
            public("emploi ").languages(["fr"]).countries(["FR"]),
        ),
        (
            "filtered",
            public("Ausbildung ").years([2020]).kinds(["event"]),
        ),
        ("filtered", member("refugees housing ")),
        ("filtered", member("مشروع ").themes(["health"])),
        ("filtered", public("refugees ").sort(Sort::Newest)),
        ("filtered", public("réseau ").page(3)),
        // Browsing: no text, filters and facets only.
        ("browse", public("")),
        ("browse", public("").kinds(["event"])),
        ("browse", public("").countries(["TR"]).years([2024])),
        ("browse", member("").themes(["housing", "health"])),
        ("browse", public("").languages(["ar"]).sort(Sort::Newest)),
        ("browse", public("").page(50)),
    ]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Latencies per category, plus all.
struct Timings {
    name: &'static str,
    build: Duration,
    size: u64,
    samples: Vec<(&'static str, Duration)>,
    notes: String,
}

impl Timings {
    fn stats(&self, category: Option<&str>) -> [Duration; 4] {
        let mut v: Vec<Duration> = self
            .samples
            .iter()
            .filter(|(c, _)| category.is_none_or(|cat| *c == cat))
            .map(|(_, d)| *d)
            .collect();
        v.sort();
        let mean = if v.is_empty() {
            Duration::ZERO
        } else {
            v.iter().sum::<Duration>() / v.len() as u32
        };
        [
            percentile(&v, 50.0),
            percentile(&v, 95.0),
            percentile(&v, 99.0),
            mean,
        ]
    }
}

fn run_tantivy(docs: &[Document], rounds: usize) -> Timings {
    // BENCH_KEEP_INDEX: the index is kept (in the temporary directory, one
    // per corpus size) and used again by the next run of the same size
    // and schema, to compare builds of the search without rebuilding it.
    let keep = std::env::var_os("BENCH_KEEP_INDEX").is_some();
    let dir = std::env::temp_dir().join(if keep {
        format!("majlis-search-bench-{}", docs.len())
    } else {
        "majlis-search-bench".to_owned()
    });
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let start = Instant::now();
    let (index, opened) = SearchIndex::open_or_rebuild(&dir).expect("index");
    let index = index.with_vocabulary(vocabulary());
    let reused = opened == Opened::Existing && index.num_docs() == docs.len() as u64;
    if reused {
        println!("index: reused from {}", dir.display());
    } else {
        index.clear().expect("clear");
        for doc in docs {
            index.upsert(doc).expect("upsert");
        }
        index.commit().expect("commit");
        index.compact().expect("compact");
    }
    let build = start.elapsed();
    let size = dir_size(&dir);

    let mut queries = queries();
    if let Ok(only) = std::env::var("BENCH_QUERY") {
        queries.retain(|(_, q)| q.text.contains(&only));
    }
    let mut notes = String::new();
    for (category, query) in &queries {
        let results = index.search(query).expect("search");
        let _ = writeln!(
            notes,
            "  {:<12} {:<40} total {:>6}  first {}",
            category,
            format!("{:?}", query.text),
            results.total,
            results.hits.first().map_or("-", |h| h.id.as_str())
        );
    }
    let mut samples = Vec::new();
    let mut per_query = vec![Vec::with_capacity(rounds); queries.len()];
    for _ in 0..rounds {
        for ((category, query), times) in queries.iter().zip(&mut per_query) {
            let start = Clock::now();
            let results = index.search(query).expect("search");
            let elapsed = start.elapsed();
            samples.push((*category, elapsed));
            times.push(elapsed);
            std::hint::black_box(results);
        }
    }
    // The slowest queries by median: where the tail of the latencies is.
    let mut medians: Vec<(Duration, &str, &str)> = queries
        .iter()
        .zip(&mut per_query)
        .map(|((category, query), times)| {
            times.sort();
            (percentile(times, 50.0), *category, query.text.as_str())
        })
        .collect();
    medians.sort_by_key(|m| std::cmp::Reverse(m.0));
    let _ = writeln!(notes, "  slowest queries (median of {rounds} rounds):");
    for (median, category, text) in medians.iter().take(6) {
        let _ = writeln!(notes, "    {:>8} ms  {category:<12} {text:?}", ms(*median));
    }
    drop(index);
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Timings {
        name: "tantivy (majlis-search)",
        build,
        size,
        samples,
        notes,
    }
}

/// SQL string literal.
fn lit(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

fn in_list(values: impl IntoIterator<Item = String>) -> String {
    values
        .into_iter()
        .map(|v| lit(&v))
        .collect::<Vec<_>>()
        .join(",")
}

/// The FTS5 MATCH expression of a query: folded words ANDed, the last one
/// as a prefix when it is still being typed.
fn fts5_match(text: &str) -> Option<String> {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    let prefix = text.chars().last().is_some_and(char::is_alphanumeric);
    let last = words.len() - 1;
    Some(
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if prefix && i == last {
                    format!("\"{w}\"*")
                } else {
                    format!("\"{w}\"")
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// SQL conditions on `docs d` for a query's filters and audience.
fn sql_filters(query: &Query) -> String {
    let mut cond = vec![format!(
        "d.rowid IN (SELECT rowid FROM doc_audience WHERE value IN ({}))",
        in_list(query.audience.clone())
    )];
    if !query.kinds.is_empty() {
        cond.push(format!("d.kind IN ({})", in_list(query.kinds.clone())));
    }
    if !query.years.is_empty() {
        let years: Vec<String> = query.years.iter().map(|y| y.to_string()).collect();
        cond.push(format!("d.year IN ({})", years.join(",")));
    }
    for (table, values) in [
        ("doc_themes", &query.themes),
        ("doc_countries", &query.countries),
        ("doc_languages", &query.languages),
    ] {
        if !values.is_empty() {
            cond.push(format!(
                "d.rowid IN (SELECT rowid FROM {table} WHERE value IN ({}))",
                in_list(values.iter().cloned())
            ));
        }
    }
    cond.join(" AND ")
}

/// Creates the SQLite tables and indexes and loads `docs`: folded text, no
/// stemming.
fn sqlite_build(conn: &mut rusqlite::Connection, docs: &[Document]) {
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
         CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, kind TEXT, year INT,
                           date INT, url TEXT, title TEXT);
         CREATE TABLE doc_themes(rowid INT, value TEXT);
         CREATE TABLE doc_countries(rowid INT, value TEXT);
         CREATE TABLE doc_languages(rowid INT, value TEXT);
         CREATE TABLE doc_audience(rowid INT, value TEXT);
         CREATE VIRTUAL TABLE fts USING fts5(title, summary, body,
             tokenize = 'unicode61 remove_diacritics 2');",
    )
    .expect("schema");
    {
        let tx = conn.transaction().expect("tx");
        {
            let mut doc_stmt = tx
                .prepare("INSERT INTO docs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .expect("prepare");
            let mut fts_stmt = tx
                .prepare("INSERT INTO fts(rowid, title, summary, body) VALUES (?1, ?2, ?3, ?4)")
                .expect("prepare");
            let mut side: Vec<rusqlite::Statement> = [
                "doc_themes",
                "doc_countries",
                "doc_languages",
                "doc_audience",
            ]
            .iter()
            .map(|t| {
                tx.prepare(&format!("INSERT INTO {t} VALUES (?1, ?2)"))
                    .expect("prepare")
            })
            .collect();
            for (rowid, doc) in docs.iter().enumerate() {
                let join = |texts: &[(Option<String>, String)]| {
                    fold(
                        &texts
                            .iter()
                            .map(|(_, t)| t.as_str())
                            .collect::<Vec<_>>()
                            .join(" \n "),
                    )
                };
                let title = doc
                    .titles
                    .first()
                    .map(|(_, t)| t.clone())
                    .unwrap_or_default();
                doc_stmt
                    .execute(rusqlite::params![
                        rowid as i64,
                        doc.id,
                        doc.kind,
                        doc.year,
                        doc.date,
                        doc.url,
                        title
                    ])
                    .expect("insert");
                fts_stmt
                    .execute(rusqlite::params![
                        rowid as i64,
                        join(&doc.titles),
                        join(&doc.summaries),
                        join(&doc.bodies)
                    ])
                    .expect("insert");
                let mut languages: Vec<String> = doc
                    .titles
                    .iter()
                    .chain(&doc.summaries)
                    .filter_map(|(l, _)| l.clone())
                    .collect();
                languages.sort();
                languages.dedup();
                for (stmt, values) in
                    side.iter_mut()
                        .zip([&doc.themes, &doc.countries, &languages, &doc.audience])
                {
                    for value in values.iter() {
                        stmt.execute(rusqlite::params![rowid as i64, value])
                            .expect("insert");
                    }
                }
            }
        }
        tx.commit().expect("commit");
    }
    conn.execute_batch(
        "CREATE INDEX docs_kind ON docs(kind, year);
         CREATE INDEX themes_value ON doc_themes(value, rowid);
         CREATE INDEX themes_rowid ON doc_themes(rowid);
         CREATE INDEX countries_value ON doc_countries(value, rowid);
         CREATE INDEX countries_rowid ON doc_countries(rowid);
         CREATE INDEX languages_value ON doc_languages(value, rowid);
         CREATE INDEX languages_rowid ON doc_languages(rowid);
         CREATE INDEX audience_value ON doc_audience(value, rowid);
         INSERT INTO fts(fts) VALUES('optimize');
         ANALYZE;",
    )
    .expect("indexes");
}

/// One SQLite search: total, top 20 with snippets, five facet counts.
/// Returns the total and the page's ids.
///
/// `fts CROSS JOIN docs` makes the full-text match the outer loop. With a
/// plain JOIN, SQLite 3.51 (the bundled one) drives from `docs` through the
/// audience `IN (…)` list and runs the MATCH once per candidate row
/// (`SCAN fts VIRTUAL TABLE INDEX 0:=M3`): 0.4–1.3 s per statement at 20,000
/// documents instead of 6–10 ms.
fn sqlite_search(conn: &rusqlite::Connection, query: &Query) -> (i64, Vec<String>) {
    let filters = sql_filters(query);
    let matched = match fts5_match(&query.text) {
        Some(m) => format!(
            "SELECT d.rowid AS rowid, bm25(fts, 3.0, 1.5, 1.0) AS score, d.date AS date
                 FROM fts CROSS JOIN docs d ON d.rowid = fts.rowid
                 WHERE fts MATCH {} AND {filters}",
            lit(&m)
        ),
        None => format!(
            "SELECT d.rowid AS rowid, 0.0 AS score, d.date AS date FROM docs d WHERE {filters}"
        ),
    };
    let total: i64 = conn
        .query_row(
            &format!("WITH m AS ({matched}) SELECT count(*) FROM m"),
            [],
            |r| r.get(0),
        )
        .expect("count");
    let order = if query.sort == Sort::Newest || query.text.trim().is_empty() {
        "date DESC"
    } else {
        "score, date DESC"
    };
    let per_page = query.per_page.max(1);
    let offset = (query.page.max(1) - 1) * per_page;
    let snippet = if fts5_match(&query.text).is_some() {
        "snippet(fts, -1, '<mark>', '</mark>', '…', 24)"
    } else {
        "''"
    };
    let top_sql = match fts5_match(&query.text) {
            Some(m) => format!(
                "SELECT d.id, {snippet}, bm25(fts, 3.0, 1.5, 1.0) AS score, d.date AS date
                 FROM fts CROSS JOIN docs d ON d.rowid = fts.rowid
                 WHERE fts MATCH {} AND {filters} ORDER BY {order} LIMIT {per_page} OFFSET {offset}",
                lit(&m)
            ),
            None => format!(
                "SELECT d.id, '', 0.0 AS score, d.date AS date FROM docs d WHERE {filters}
                 ORDER BY {order} LIMIT {per_page} OFFSET {offset}"
            ),
        };
    let mut stmt = conn.prepare(&top_sql).expect("top");
    let ids: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .expect("top")
        .map(|r| r.expect("row"))
        .collect();
    for facet in [
        "SELECT d.kind, count(*) FROM m JOIN docs d ON d.rowid = m.rowid GROUP BY 1".to_owned(),
        "SELECT d.year, count(*) FROM m JOIN docs d ON d.rowid = m.rowid GROUP BY 1".to_owned(),
        "SELECT t.value, count(*) FROM m JOIN doc_themes t ON t.rowid = m.rowid GROUP BY 1"
            .to_owned(),
        "SELECT t.value, count(*) FROM m JOIN doc_countries t ON t.rowid = m.rowid GROUP BY 1"
            .to_owned(),
        "SELECT t.value, count(*) FROM m JOIN doc_languages t ON t.rowid = m.rowid GROUP BY 1"
            .to_owned(),
    ] {
        let mut stmt = conn
            .prepare(&format!("WITH m AS ({matched}) {facet}"))
            .expect("facet");
        let rows = stmt.query_map([], |_| Ok(())).expect("facet").count();
        std::hint::black_box(rows);
    }
    (total, ids)
}

fn run_sqlite(docs: &[Document], rounds: usize) -> Timings {
    use rusqlite::Connection;
    let path = std::env::temp_dir().join("majlis-search-bench.sqlite");
    let _ = std::fs::remove_file(&path);
    let start = Instant::now();
    let mut conn = Connection::open(&path).expect("sqlite");
    sqlite_build(&mut conn, docs);
    let build = start.elapsed();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(path.with_extension("sqlite-wal"))
            .map(|m| m.len())
            .unwrap_or(0);

    let mut queries = queries();
    if let Ok(only) = std::env::var("BENCH_QUERY") {
        queries.retain(|(_, q)| q.text.contains(&only));
    }
    let mut notes = String::new();
    for (category, query) in &queries {
        let (total, ids) = sqlite_search(&conn, query);
        let _ = writeln!(
            notes,
            "  {:<12} {:<40} total {:>6}  first {}",
            category,
            format!("{:?}", query.text),
            total,
            ids.first().map_or("-", String::as_str)
        );
    }
    let mut samples = Vec::new();
    for _ in 0..rounds {
        for (category, query) in &queries {
            let start = Clock::now();
            std::hint::black_box(sqlite_search(&conn, query));
            samples.push((*category, start.elapsed()));
        }
    }
    drop(conn);
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(path.with_extension("sqlite-wal"));
    let _ = std::fs::remove_file(path.with_extension("sqlite-shm"));
    Timings {
        name: "SQLite FTS5",
        build,
        size,
        samples,
        notes,
    }
}

/// The judged queries in every engine.
fn run_relevance(pg: Option<&pg_fts::Server>) -> (Vec<relevance::Judged>, Vec<relevance::Run>) {
    let docs = relevance::demo_documents();
    let queries = relevance::judged(&docs);
    let search = |text: &str| Query::new(text).audience(["public"]);
    let mut runs = Vec::new();

    let index = SearchIndex::in_memory()
        .expect("index")
        .with_vocabulary(relevance::demo_vocabulary());
    for doc in &docs {
        index.upsert(doc).expect("upsert");
    }
    index.commit().expect("commit");
    runs.push(relevance::evaluate(
        "tantivy (majlis-search)",
        &queries,
        |text| {
            let results = index.search(&search(text)).expect("search");
            results.hits.into_iter().map(|h| h.id).collect()
        },
    ));

    if std::env::var_os("BENCH_SKIP_SQLITE").is_none() {
        let mut conn = rusqlite::Connection::open_in_memory().expect("sqlite");
        sqlite_build(&mut conn, &docs);
        runs.push(relevance::evaluate("SQLite FTS5", &queries, |text| {
            sqlite_search(&conn, &search(text)).1
        }));
    }

    if let Some(server) = pg {
        let mut client = server.connect("relevance");
        pg_fts::build(&mut client, &docs);
        runs.push(relevance::evaluate("PostgreSQL FTS", &queries, |text| {
            pg_fts::search(&mut client, &search(text)).1
        }));
        // The same with majlis-search's normaliser applied first to texts
        // and queries (casing, Turkish i, Arabic letter forms, Latin
        // diacritics): what PostgreSQL misses for want of normalisation
        // rather than of themes or typo tolerance. Relevance only.
        let folded: Vec<Document> = docs
            .iter()
            .map(|d| {
                let fold_all = |texts: &[(Option<String>, String)]| {
                    texts.iter().map(|(l, t)| (l.clone(), fold(t))).collect()
                };
                Document {
                    titles: fold_all(&d.titles),
                    summaries: fold_all(&d.summaries),
                    bodies: fold_all(&d.bodies),
                    ..d.clone()
                }
            })
            .collect();
        let mut client = server.connect("relevance_folded");
        pg_fts::build(&mut client, &folded);
        runs.push(relevance::evaluate(
            "PostgreSQL FTS + fold()",
            &queries,
            |text| pg_fts::search(&mut client, &search(&fold(text))).1,
        ));
    }
    println!(
        "relevance: {} demo items, {} judged queries ({})",
        docs.len(),
        queries.len(),
        relevance::LANGS
            .iter()
            .map(|l| format!("{l} {}", queries.iter().filter(|q| q.lang == *l).count()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    (queries, runs)
}

/// The machine's load, for the record.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".to_owned())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let relevance_only = std::env::var_os("BENCH_RELEVANCE_ONLY").is_some();

    let pg = if std::env::var_os("BENCH_SKIP_PG").is_some() {
        None
    } else {
        let url = std::env::var("BENCH_PG_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        match pg_fts::Server::create(&url) {
            Ok(server) => {
                let available = server.configurations();
                let missing: Vec<&str> = pg_fts::CONFIGS
                    .iter()
                    .map(|(_, c)| *c)
                    .filter(|c| !available.iter().any(|a| a == c))
                    .collect();
                println!("postgres: {} (database {})", server.version, server.name);
                if missing.is_empty() {
                    println!(
                        "postgres: text search configurations: {:?}",
                        pg_fts::CONFIGS
                    );
                } else {
                    println!(
                        "postgres: configurations missing on the server, `simple` used instead: {missing:?}"
                    );
                }
                pg_fts::set_missing(missing);
                Some(server)
            }
            Err(e) => {
                println!("postgres: not available ({e}); left out");
                None
            }
        }
    };

    println!("load average at start: {}", load_average());
    if cpu_clock() {
        println!("latencies: CPU time of the process (BENCH_CLOCK=cpu; PostgreSQL's wall time)");
    }
    let mut all = Vec::new();
    if !relevance_only {
        let start = Instant::now();
        let docs = corpus(n);
        let queries = queries();
        println!(
            "corpus: {n} documents generated in {:.1} s (seed fixed); {} queries x {rounds} rounds",
            start.elapsed().as_secs_f64(),
            queries.len()
        );
        all.push(run_tantivy(&docs, rounds));
        println!("tantivy done (load {})", load_average());
        if std::env::var_os("BENCH_SKIP_SQLITE").is_none() {
            all.push(run_sqlite(&docs, rounds));
            println!("sqlite done (load {})", load_average());
        }
        if let Some(server) = &pg {
            all.push(pg_fts::run(server, &docs, &queries, rounds));
            println!("postgres done (load {})", load_average());
        }
        println!();
        for t in &all {
            println!("{} — first hit and total per query:\n{}", t.name, t.notes);
        }
        println!(
            "| engine | build (s) | size (MB) | category | p50 (ms) | p95 (ms) | p99 (ms) | mean (ms) |"
        );
        println!("|---|---:|---:|---|---:|---:|---:|---:|");
        for t in &all {
            for category in [
                None,
                Some("word"),
                Some("phrase"),
                Some("typo/prefix"),
                Some("filtered"),
                Some("browse"),
            ] {
                let [p50, p95, p99, mean] = t.stats(category);
                println!(
                    "| {} | {:.1} | {:.0} | {} | {} | {} | {} | {} |",
                    t.name,
                    t.build.as_secs_f64(),
                    t.size as f64 / 1e6,
                    category.unwrap_or("all"),
                    ms(p50),
                    ms(p95),
                    ms(p99),
                    ms(mean)
                );
            }
        }
        println!();
    }

    let (judged, runs) = run_relevance(pg.as_ref());
    println!(
        "\nnDCG@{} per judged query:\n{}",
        relevance::K,
        relevance::report(&judged, &runs, std::env::var_os("BENCH_DETAIL").is_some())
    );

    println!("load average at end: {}\n", load_average());
    let langs = relevance::LANGS.join(" | ");
    println!(
        "| engine | build (s, {n} docs) | p50 (ms) | p95 (ms) | p99 (ms) | nDCG@{} all | {langs} |",
        relevance::K
    );
    println!(
        "|---|---:|---:|---:|---:|---:|{}",
        "---:|".repeat(relevance::LANGS.len())
    );
    for run in &runs {
        let timing = all.iter().find(|t| t.name == run.engine);
        let (build, p50, p95, p99) = match timing {
            Some(t) => {
                let [p50, p95, p99, _] = t.stats(None);
                (
                    format!("{:.1}", t.build.as_secs_f64()),
                    ms(p50),
                    ms(p95),
                    ms(p99),
                )
            }
            None => ("-".into(), "-".into(), "-".into(), "-".into()),
        };
        let per_lang: Vec<String> = relevance::LANGS
            .iter()
            .map(|l| format!("{:.3}", run.mean(&judged, Some(l))))
            .collect();
        println!(
            "| {} | {build} | {p50} | {p95} | {p99} | {:.3} | {} |",
            run.engine,
            run.mean(&judged, None),
            per_lang.join(" | ")
        );
    }
    drop(pg);
}
