/// mimalloc rather than the system allocator: a request allocates many small
/// short-lived values (rows, JSON, evaluations), where glibc's allocator
/// cost about a fifth of a survey submission's CPU (issue 17's profiles).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    majlis::cli::main()
}
