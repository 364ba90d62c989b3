//! The synthetic scale study of `benches/scale.rs`, on disk: writes it once (reused while it is
//! unchanged) and prints its folder; with `--open`, also opens it as the window does (a loaded
//! workspace) and prints how long that took and the process's peak memory.
//!
//! `cargo run --release --example scale_project -- [ARTICLES] [--open]` (default 1000 articles;
//! `10000` is the ten-times corpus: 50 MB of text, 3 coders × 300,000 codings). The folder is
//! `target/spanwise-scale/<ARTICLES>` (under `CARGO_TARGET_DIR` when that is set).

use std::path::PathBuf;
use std::time::Instant;

use spanwise::edit::workspace::Workspace;
use spanwise::exchange::synthetic::{self, Spec};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let open = args.iter().any(|a| a == "--open");
    let articles = match args.iter().find(|a| !a.starts_with("--")) {
        Some(n) => n
            .parse::<usize>()
            .map_err(|e| anyhow::anyhow!("ARTICLES `{n}`: {e}"))?,
        None => 1_000,
    };
    let spec = Spec::scale(articles);
    let root = scale_dir(articles);
    let t = Instant::now();
    if synthetic::write_cached(&spec, &root)? {
        eprintln!(
            "wrote {articles} articles, {} coders × {} codings in {:.1} s",
            spec.coders.len(),
            spec.codings_per_coder,
            t.elapsed().as_secs_f64()
        );
        if open {
            // measure the opening in a fresh process, whose peak memory is the opening's alone
            let status = std::process::Command::new(std::env::current_exe()?)
                .args(&args)
                .status()?;
            std::process::exit(status.code().unwrap_or(1));
        }
    }
    println!("{}", root.display());
    if open {
        let before = peak_rss_kib();
        let t = Instant::now();
        let ws = Workspace::open(&root, &spec.coders[0])?;
        let seconds = t.elapsed().as_secs_f64();
        let codings: usize = ws.project().coders.values().map(|f| f.codings.len()).sum();
        println!(
            "open_seconds {seconds:.3} peak_rss_mib {:.1} before_mib {:.1} documents {} codings {codings}",
            peak_rss_kib() as f64 / 1024.0,
            before as f64 / 1024.0,
            ws.project().corpus.documents.len(),
        );
    }
    Ok(())
}

/// Where the study of `articles` articles is kept between runs.
fn scale_dir(articles: usize) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("spanwise-scale").join(articles.to_string())
}

/// `VmHWM` (peak resident set size) of this process in KiB (0 where /proc is missing).
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
