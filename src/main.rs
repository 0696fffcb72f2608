// A server left open all day frees memory on many threads. glibc kept much of it in per-thread
// arenas; jemalloc with one arena and a background thread that returns freed pages after a
// second grows less over a session, and is faster per keystroke. Most of what jemalloc holds
// beyond live data is its per-thread caches (RELIABILITY.md, "Soak"), so they are kept small:
// objects up to 4 KiB only (`tcache_max`), half the default slots per size (`lg_tcache_nslots_mul`);
// threads that run engine code hand theirs back after every call (`lsp::blocking`, `lsp::run_engine`).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc reads its options from this symbol at start-up (the crate prefixes jemalloc's names);
/// it is a C `const char *`, so a thin pointer to a NUL-terminated array.
#[cfg(not(target_env = "msvc"))]
#[export_name = "_rjem_malloc_conf"]
pub static JEMALLOC_OPTIONS: &[u8; 110] = b"narenas:1,background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0,tcache_max:4096,lg_tcache_nslots_mul:-1\0";

fn main() {
    std::process::exit(copydesk::cli::run());
}
