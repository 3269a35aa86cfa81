//! Documents used by the tests.

use majlis_print::{
    Chapter, Compendium, ConsultationReport, Fact, ReportDilemma, ReportSession, Section, Sheet,
    Wrapup,
};

pub fn fact(label: &str, value: &str) -> Fact {
    Fact {
        label: label.into(),
        value: value.into(),
    }
}

pub fn section(heading: &str, text: &str) -> Section {
    Section {
        heading: heading.into(),
        text: text.into(),
    }
}

pub fn english_sheet() -> Sheet {
    Sheet {
        lang: "en".into(),
        title: "Women's cooperative kitchen in İstanbul".into(),
        subtitle: Some("Şahinbey Municipality · Gaziantep, Türkiye".into()),
        facts: vec![
            fact("Period", "2015–2017"),
            fact("Themes", "Social inclusion; Livelihoods"),
            fact("Contact", "Ayşe Yılmaz\nayse@example.org"),
            fact("Department", "Social Services"),
            fact("Status", ""),
        ],
        sections: vec![
            section(
                "Challenge",
                "Many refugee women had no income and few chances to meet their neighbours.\n\n\
                 The district counted more than 40 000 newcomers in two years.",
            ),
            section(
                "Approach and activities",
                "The municipality rented a kitchen near the market.\nCourses ran twice a week.\n\n\
                 Turkish letters must survive: ığüşöç İĞÜŞÖÇ.",
            ),
            section("Results", "Sixty women sold meals to schools and offices."),
            section("Lessons", "   "),
        ],
        footer: Some("Majlis good practice sheet · printed for the network".into()),
    }
}

pub fn turkish_sheet() -> Sheet {
    Sheet {
        lang: "tr".into(),
        title: "Şanlıurfa'da göçmen çocuklar için yaz okulu".into(),
        subtitle: Some("Haliliye Belediyesi · Şanlıurfa, Türkiye".into()),
        facts: vec![fact("Dönem", "2016–2018"), fact("Durum", "Tamamlandı")],
        sections: vec![
            section(
                "Sorun",
                "Çocukların çoğu okula hiç gitmemişti; öğretmenler ığüşöç harflerini öğretti.",
            ),
            section(
                "Sonuçlar",
                "Dört yüz öğrenci İstanbul ve Gaziantep'teki okullara kaydoldu.",
            ),
        ],
        footer: None,
    }
}

pub const ARABIC_TITLE: &str = "مركز المجتمع في شانلي أورفا";
pub const ARABIC_BODY: &str = "يهدف المشروع إلى تعزيز التماسك الاجتماعي بين اللاجئين والمجتمع المضيف من خلال أنشطة ثقافية وتعليمية مشتركة.";

pub fn arabic_sheet(title: &str) -> Sheet {
    Sheet {
        lang: "ar".into(),
        title: title.into(),
        subtitle: Some("بلدية شانلي أورفا · تركيا".into()),
        facts: vec![
            fact("الفترة", "2015–2017"),
            fact("المواضيع", "الاندماج الاجتماعي"),
            fact("جهة الاتصال", "أحمد الخطيب"),
        ],
        sections: vec![
            section(
                "التحدي",
                &format!("{ARABIC_BODY}\n\nكان عدد اللاجئين في المدينة كبيراً جداً."),
            ),
            section(
                "النهج والأنشطة",
                "افتتحت البلدية مركزاً في وسط المدينة.\nقدّم المركز دروساً في اللغة والحرف اليدوية.",
            ),
            section("النتائج", "استفاد أكثر من ألف شخص من أنشطة المركز."),
            section("الدروس المستفادة", ""),
        ],
        footer: Some("مجلس · ورقة ممارسة جيدة".into()),
    }
}

/// Three chapters, six practices, all in Arabic.
pub const ARABIC_CHAPTERS: [(&str, [&str; 2]); 3] = [
    (
        "الاندماج الاجتماعي",
        ["مركز المجتمع في شانلي أورفا", "دورات اللغة للاجئين"],
    ),
    (
        "الخدمات البلدية",
        [
            "إدارة النفايات الصلبة في غازي عنتاب",
            "شبكة مياه ذكية لكشف التسرب",
        ],
    ),
    (
        "المشاركة والحوكمة",
        ["مجلس الشباب البلدي في صفاقس", "الميزانية التشاركية في إربد"],
    ),
];

pub fn arabic_compendium() -> Compendium {
    Compendium {
        lang: "ar".into(),
        title: "ممارسات جيدة للبلديات المضيفة".into(),
        subtitle: Some("خلاصة شبكة التعلم بين الأقران".into()),
        edition: Some("أيار 2017".into()),
        publisher: Some("مركز التكامل المتوسطي".into()),
        contents_label: "المحتويات".into(),
        introduction_heading: "مقدمة".into(),
        introduction: format!("{ARABIC_BODY}\n\nتجمع هذه الخلاصة تجارب البلديات في المنطقة."),
        chapters: ARABIC_CHAPTERS
            .iter()
            .map(|(chapter, titles)| Chapter {
                title: (*chapter).into(),
                introduction: "يعرض هذا الفصل ممارسات مختارة.".into(),
                practices: titles.iter().map(|t| arabic_sheet(t)).collect(),
            })
            .collect(),
        footer: Some("مجلس".into()),
    }
}

/// An English compendium with a Turkish-only and an Arabic-only practice.
pub fn mixed_compendium() -> Compendium {
    Compendium {
        lang: "en".into(),
        title: "Hosting refugees: practices of municipalities".into(),
        subtitle: Some("A compendium of the peer-learning network".into()),
        edition: Some("May 2017".into()),
        publisher: Some("Center for Mediterranean Integration".into()),
        contents_label: "Contents".into(),
        introduction_heading: "Introduction".into(),
        introduction: "This compendium collects practices of member municipalities.\n\n\
                       Each practice is printed in the language it was written in."
            .into(),
        chapters: vec![
            Chapter {
                title: "Education".into(),
                introduction: "Schools and courses.".into(),
                practices: vec![english_sheet(), turkish_sheet()],
            },
            Chapter {
                title: "Social cohesion".into(),
                introduction: String::new(),
                practices: vec![arabic_sheet(ARABIC_TITLE)],
            },
        ],
        footer: Some("Majlis · peer-learning network".into()),
    }
}

pub fn dilemma(lang: &str, label: &str, question: &str, presenter: &str) -> ReportDilemma {
    ReportDilemma {
        lang: lang.into(),
        label: label.into(),
        question: question.into(),
        presenter: presenter.into(),
        sections: vec![],
    }
}

pub fn wrapup(author: &str, text: &str) -> Wrapup {
    Wrapup {
        author: author.into(),
        text: text.into(),
    }
}

pub const REPORT_SESSIONS: [&str; 2] = [
    "Thematic session 1: Qualifications, skills and employment issues",
    "Thematic session 2: Housing and neighbourhoods",
];
pub const REPORT_QUESTION: &str =
    "How can a city recognise the skills of newcomers who arrive without diplomas?";
pub const REPORT_PRESENTER: &str = "Eveline Hamers, City of Amsterdam (NL)";
pub const REPORT_RESULT: &str =
    "The peers advised a short practical test at the workplace instead of a paper check.";
pub const REPORT_WRAPUP_AUTHOR: &str = "Aliyyah Ahad, Migration Policy Institute Europe";

/// Two sessions with three dilemmas and wrap-ups, in English.
pub fn english_report() -> ConsultationReport {
    let mut skills = dilemma("en", "Question 1", REPORT_QUESTION, REPORT_PRESENTER);
    skills.sections = vec![
        section(
            "Information on the dilemma",
            "Many newcomers worked for years as nurses, welders or teachers.\n\n\
             Their papers were lost or are not recognised.",
        ),
        section(
            "Open questions",
            "Who pays for the assessment?\nWho carries it out?",
        ),
        section(
            "Ideas and practices shared",
            "Two cities described competence checks run with employers.",
        ),
        section("Result of the discussion", REPORT_RESULT),
        section("Follow-up", " "),
    ];
    let mut language = dilemma(
        "en",
        "Question 2",
        "Should language courses come before or alongside the first job?",
        "Jonas Berg, City of Malmö (SE)",
    );
    language.sections = vec![
        section(
            "Information on the dilemma",
            "Courses are full and waiting lists long.",
        ),
        section(
            "Result of the discussion",
            "Alongside: the peers saw better results when work and courses were combined.",
        ),
    ];
    let mut housing = dilemma(
        "en",
        "Question 3",
        "How to avoid concentrating newcomers in a few neighbourhoods?",
        "",
    );
    housing.sections = vec![section(
        "Result of the discussion",
        "Spread small housing units across all districts and involve neighbours early.",
    )];
    ConsultationReport {
        lang: "en".into(),
        title: "Peer consultations on integration dilemmas".into(),
        subtitle: Some("Urban Academy on Integration · April 2018".into()),
        introduction: "Practitioners brought dilemmas from their daily work.\n\n\
                       Peers from other cities discussed each one in small groups."
            .into(),
        contents_label: "Contents".into(),
        sessions: vec![
            ReportSession {
                title: REPORT_SESSIONS[0].into(),
                people: vec![
                    fact("Facilitator", "Ceri Hutton, MigrationWork"),
                    fact("Experts", "Ana Silva, OECD\nPaul Meyer, ILO"),
                    fact("Rapporteur", "Lena Vos, EUROCITIES"),
                    fact("Observer", ""),
                ],
                summary: "The session looked at the first steps into work.".into(),
                dilemmas: vec![skills, language],
                wrapup_heading: "Wrap-up".into(),
                wrapups: vec![
                    wrapup(
                        REPORT_WRAPUP_AUTHOR,
                        "Skills are lost when newcomers wait.\n\nCities can act early.",
                    ),
                    wrapup("Ceri Hutton, MigrationWork", "Keep talking to employers."),
                ],
            },
            ReportSession {
                title: REPORT_SESSIONS[1].into(),
                people: vec![fact("Facilitator", "Marta Rossi, City of Milan")],
                summary: String::new(),
                dilemmas: vec![housing],
                wrapup_heading: "Closing words".into(),
                wrapups: vec![],
            },
        ],
        footer: Some("Urban Academy on Integration · report".into()),
    }
}

pub const ARABIC_REPORT_TITLE: &str = "تقرير المشاورات بين الأقران";
pub const ARABIC_SESSION: &str = "الجلسة الأولى: التعليم والعمل";
pub const ARABIC_QUESTION: &str = "كيف يمكن للبلدية أن تعترف بمهارات القادمين الجدد دون شهادات؟";
pub const ENGLISH_QUESTION: &str = "Who should pay for the language courses of adults?";

/// An Arabic report with one Arabic and one English dilemma.
pub fn arabic_report() -> ConsultationReport {
    let mut arabic = dilemma(
        "ar-SY",
        "السؤال 1",
        ARABIC_QUESTION,
        "أحمد الخطيب، بلدية إربد",
    );
    arabic.sections = vec![
        section("معلومات عن المعضلة", ARABIC_BODY),
        section(
            "نتيجة النقاش",
            "اقترح الزملاء اختباراً عملياً قصيراً في مكان العمل.",
        ),
    ];
    let mut english = dilemma(
        "en",
        "Question 2",
        ENGLISH_QUESTION,
        "Jonas Berg, City of Malmö (SE)",
    );
    english.sections = vec![section(
        "Result of the discussion",
        "The peers favoured shared funding by the city and the state.",
    )];
    ConsultationReport {
        lang: "ar".into(),
        title: ARABIC_REPORT_TITLE.into(),
        subtitle: Some("أكاديمية المدن للاندماج · نيسان 2018".into()),
        introduction: "عرض الممارسون معضلات من عملهم اليومي.".into(),
        contents_label: "المحتويات".into(),
        sessions: vec![ReportSession {
            title: ARABIC_SESSION.into(),
            people: vec![fact("الميسّر", "سارة حداد"), fact("المقرر", "عمر ناصر")],
            summary: String::new(),
            dilemmas: vec![arabic, english],
            wrapup_heading: "الختام".into(),
            wrapups: vec![wrapup("ليلى منصور", "على المدن أن تبدأ العمل في وقت مبكر.")],
        }],
        footer: Some("مجلس".into()),
    }
}
