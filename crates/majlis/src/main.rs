fn main() -> std::process::ExitCode {
    majlis::cli::main()
}
