//! Where the wasm's bytes go: each entry's main module as the split build made it (the code
//! every screen of that entry downloads), optimised again exactly as released but with its
//! names kept (`-g`), read by twiggy. Grouped by crate, the biggest items, the biggest
//! monomorphisations, and code against data; then the entry's chunks, by size.

use std::collections::BTreeMap;

use crate::cmd::{self, Result, command, root};

/// The app's entries, by their binaries' names (see `src/app.rs`).
const ENTRIES: &[&str] = &[
    "sportello-home",
    "sportello-libretto",
    "sportello-revisione",
    "sportello",
];

/// The release build must have run: the split step leaves wasm-bindgen's output of each
/// main module (names intact, before wasm-opt) in `target/split/<entry>/bound`. One report
/// per entry.
pub fn report() -> Result {
    for entry in ENTRIES {
        report_entry(entry)?;
    }
    Ok(())
}

fn report_entry(entry: &str) -> Result {
    let split = root().join("target/split").join(entry);
    let input = split.join("bound").join(format!("{entry}_bg.wasm"));
    if !input.exists() {
        return Err(format!(
            "{} is missing: build the release app first",
            input.display()
        ));
    }
    let named = root().join(format!("target/bench/{entry}_names.wasm"));
    std::fs::create_dir_all(named.parent().unwrap_or(&root()))
        .map_err(|e| format!("cannot create target/bench: {e}"))?;
    let mut opt = command("wasm-opt");
    opt.args(wasm_opt_params()?)
        .arg("-Oz")
        .arg("-g")
        .arg(&input)
        .arg("-o")
        .arg(&named);
    cmd::exec(&mut opt)?;
    let items = top_items(&named)?;
    let total: u64 = items.iter().map(|i| i.size).sum();
    println!(
        "\nbench: where {entry}'s main module's bytes go (twiggy, optimised as released, names kept; raw bytes)"
    );
    println!("  wasm_items entry={entry} total_bytes={total}");

    let (data, code): (Vec<&Item>, Vec<&Item>) =
        items.iter().partition(|i| i.name.starts_with("data segment"));
    let sum = |v: &[&Item]| v.iter().map(|i| i.size).sum::<u64>();
    println!(
        "  wasm_code_vs_data code_bytes={} data_bytes={}",
        sum(&code),
        sum(&data)
    );

    let mut crates: BTreeMap<String, u64> = BTreeMap::new();
    for item in &code {
        *crates.entry(crate_of(&item.name)).or_default() += item.size;
    }
    let mut crates: Vec<(String, u64)> = crates.into_iter().collect();
    crates.sort_by_key(|c| std::cmp::Reverse(c.1));
    println!("  top crates (code only):");
    for (name, size) in crates.iter().take(15) {
        println!("    {size:>9}  {name}");
    }

    println!("  top items:");
    for item in items.iter().take(15) {
        println!("    {:>9}  {}", item.size, shorten(&item.name));
    }

    // Grouped here from the items (twiggy's own `monos -n` lists only the first generic):
    // copies of one generic function differ only in their hash suffix.
    let mut generics: BTreeMap<&str, (u64, u64, usize)> = BTreeMap::new();
    for item in &code {
        let entry = generics.entry(without_hash(&item.name)).or_default();
        entry.0 += item.size;
        entry.1 = entry.1.max(item.size);
        entry.2 += 1;
    }
    let mut generics: Vec<(&str, u64, usize)> = generics
        .into_iter()
        .filter(|(_, (_, _, copies))| *copies > 1)
        .map(|(name, (total, largest, copies))| (name, total - largest, copies))
        .collect();
    generics.sort_by_key(|g| std::cmp::Reverse(g.1));
    println!("  top monomorphisations (bloat = all copies but the largest):");
    for (name, bloat, copies) in generics.iter().take(15) {
        println!("    {bloat:>9}  ×{copies:<4} {}", shorten(name));
    }

    // The chunks, as shipped (optimised in place by the split step): fetched by the screens
    // that need them, listed per visit by the first-load bench.
    let mut chunks: Vec<(u64, String)> = crate::build::files(&split)?
        .into_iter()
        .filter(|p| p.parent() == Some(split.as_path()))
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .filter_map(|p| {
            let name = p.file_stem()?.to_str()?.to_owned();
            let size = std::fs::metadata(&p).map_or(0, |m| m.len());
            (name != entry && name != "pruned").then_some((size, name))
        })
        .collect();
    chunks.sort_by(|a, b| b.cmp(a));
    println!(
        "  wasm_chunks entry={entry} files={} total_bytes={}",
        chunks.len(),
        chunks.iter().map(|c| c.0).sum::<u64>()
    );
    for (size, name) in chunks.iter().take(10) {
        println!("    {size:>9}  {name}");
    }
    Ok(())
}

struct Item {
    name: String,
    size: u64,
}

/// Every item with its own (shallow) size, biggest first; the name section that `-g` adds is
/// not part of what ships and is left out.
fn top_items(wasm: &std::path::Path) -> Result<Vec<Item>> {
    let csv = twiggy(&["top", "-n", "1000000", "-f", "csv"], wasm)?;
    let mut items: Vec<Item> = csv
        .lines()
        .skip(1)
        .filter_map(|line| {
            let (name, rest) = csv_field(line);
            let size = rest.split(',').next()?.parse().ok()?;
            Some(Item { name, size })
        })
        .filter(|i| !i.name.ends_with("names\" subsection") && !i.name.starts_with("\"name\""))
        .collect();
    if items.is_empty() {
        return Err("twiggy listed no items".into());
    }
    items.sort_by_key(|i| std::cmp::Reverse(i.size));
    Ok(items)
}

/// The first field of a CSV line (quoted, with doubled quotes inside, or plain) and the rest
/// after its comma.
fn csv_field(line: &str) -> (String, &str) {
    let Some(quoted) = line.strip_prefix('"') else {
        let (field, rest) = line.split_once(',').unwrap_or((line, ""));
        return (field.to_owned(), rest);
    };
    let mut field = String::new();
    let mut chars = quoted.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '"' {
            if chars.peek().is_some_and(|(_, n)| *n == '"') {
                field.push('"');
                chars.next();
            } else {
                let rest = &quoted[i + 1..];
                return (field, rest.strip_prefix(',').unwrap_or(rest));
            }
        } else {
            field.push(c);
        }
    }
    (field, "")
}

fn twiggy(args: &[&str], wasm: &std::path::Path) -> Result<String> {
    let mut cmd = command("twiggy");
    cmd.arg(args[0]).arg(wasm).args(&args[1..]);
    let shown = cmd::describe(&cmd);
    let out = cmd.output().map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`{shown}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The crate a demangled name belongs to: its first path segment, looking through `&`/`dyn`
/// prefixes. For `<T as krate::Trait>::f` with a bare generic `T`, the trait's crate is the
/// better guess; wasm-bindgen's imports are their own group.
fn crate_of(name: &str) -> String {
    if name.starts_with("import ") {
        return "(wasm-bindgen imports)".into();
    }
    if let Some(rest) = name.strip_prefix('<')
        && let Some((ty, tr)) = rest.split_once(" as ")
        && !ty.contains("::")
    {
        return first_segment(tr).unwrap_or_else(|| "(other)".into());
    }
    let n = name
        .trim_start_matches(['<', '&', '*', '('])
        .trim_start_matches("dyn ")
        .trim_start_matches("mut ");
    let n = n.trim_start_matches("const ").trim_start_matches(['<', '&']);
    if n.starts_with("code[") || n.starts_with("elem[") || n.starts_with("func[") {
        return "(unnamed)".into();
    }
    first_segment(n).unwrap_or_else(|| "(other)".into())
}

/// `core` of `core[c5930c85a12de822]::fmt::Display`, `leptos` of `leptos::mount`.
fn first_segment(path: &str) -> Option<String> {
    let (first, _) = path.split_once("::")?;
    let first = first.split('[').next().unwrap_or(first);
    (!first.is_empty() && !first.contains(' ')).then(|| first.to_owned())
}

/// A symbol without rustc's `::h0123456789abcdef` hash suffix.
fn without_hash(name: &str) -> &str {
    match name.rsplit_once("::h") {
        Some((head, hash)) if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => head,
        _ => name,
    }
}

fn shorten(name: &str) -> String {
    const MAX: usize = 140;
    if name.chars().count() <= MAX {
        return name.to_owned();
    }
    let cut: String = name.chars().take(MAX).collect();
    format!("{cut}…")
}

/// The `--enable-*` flags the release build passes to wasm-opt (their one home is
/// `split.rs`), so the names-kept copy is optimised as what ships.
fn wasm_opt_params() -> Result<Vec<String>> {
    Ok(crate::split::WASM_OPT_FLAGS
        .iter()
        .filter(|p| p.starts_with("--enable-"))
        .map(|p| (*p).to_owned())
        .collect())
}
