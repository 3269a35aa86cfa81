//! Documents used by the tests.

use majlis_print::{Chapter, Compendium, Fact, Section, Sheet};

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
