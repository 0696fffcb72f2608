fn main() {
    std::process::exit(copydesk::cli::run());
}
