//! The `spanwise` binary: the window, or a command-line subcommand.

fn main() -> std::process::ExitCode {
    spanwise::cli::main()
}
