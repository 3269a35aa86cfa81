//! `Content-Disposition` values must be safe whatever the stored name.

use majlis_files::content_disposition;

fn ascii_part(value: &str) -> &str {
    let start = value.find("filename=\"").expect("filename=") + "filename=\"".len();
    let end = value[start..].find('"').expect("closing quote") + start;
    &value[start..end]
}

fn utf8_part(value: &str) -> &str {
    let start = value.find("filename*=UTF-8''").expect("filename*=") + "filename*=UTF-8''".len();
    &value[start..]
}

fn assert_safe(value: &str) {
    assert!(!value.contains('\r') && !value.contains('\n'), "{value:?}");
    assert!(
        value.bytes().all(|b| (0x20..0x7f).contains(&b)),
        "{value:?}"
    );
    let ascii = ascii_part(value);
    assert!(!ascii.contains(['"', '\\', '/']), "{ascii:?}");
    let utf8 = utf8_part(value);
    assert!(
        utf8.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~%".contains(&b)),
        "{utf8:?}"
    );
}

#[test]
fn path_traversal_is_reduced_to_the_file_name() {
    let v = content_disposition("../../etc/passwd", false);
    assert_safe(&v);
    assert!(v.starts_with("attachment;"));
    assert_eq!(ascii_part(&v), "passwd");
    let v = content_disposition("..\\..\\windows\\win.ini", false);
    assert_safe(&v);
    assert_eq!(ascii_part(&v), "win.ini");
}

#[test]
fn header_injection_is_neutralised() {
    let v = content_disposition("a\"b\r\nSet-Cookie: x", true);
    assert_safe(&v);
    assert!(v.starts_with("inline;"));
    assert_eq!(ascii_part(&v), "a_bSet-Cookie: x");
    assert!(!utf8_part(&v).contains(' '));
    assert!(utf8_part(&v).contains("%22"));
}

#[test]
fn arabic_and_turkish_names_survive_in_the_utf8_part() {
    let name = "دورات اللغة للاجئين.pdf";
    let v = content_disposition(name, false);
    assert_safe(&v);
    let encoded = utf8_part(&v);
    assert!(encoded.starts_with("%D8%AF%D9%88"), "{encoded}");
    assert!(encoded.ends_with(".pdf"));
    let decoded = percent_decode(encoded);
    assert_eq!(decoded, name);
    assert!(ascii_part(&v).ends_with(".pdf"));

    let v = content_disposition("İstanbul Şahinbey %20.docx", false);
    assert_safe(&v);
    assert_eq!(percent_decode(utf8_part(&v)), "İstanbul Şahinbey %20.docx");
    assert!(!ascii_part(&v).contains('%'));
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("hex");
            out.push(u8::from_str_radix(hex, 16).expect("hex digit"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("utf-8")
}
