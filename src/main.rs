//! The `handbook-lint` command.

fn main() -> std::process::ExitCode {
    handbook_lint::cli::main()
}
