// Fluent files are embedded by a macro that cargo cannot see through:
// rebuild when any locale file is added or changed.
fn main() {
    println!("cargo:rerun-if-changed=locales");
    for locale in ["en", "ar", "tr", "fr", "de"] {
        println!("cargo:rerun-if-changed=locales/{locale}/main.ftl");
    }
}
