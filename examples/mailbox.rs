//! Writes the mailbox the collecting specs paste (`tests/fixtures/mailbox.txt`), or, given a number
//! and a file, a mailbox of that many codes for timing a large paste:
//!
//! ```sh
//! cargo run --example mailbox                          # the committed fixture
//! cargo run --release --example mailbox -- 5000 /tmp/mailbox-5000.txt
//! ```

#[path = "support/mailbox.rs"]
mod mailbox;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (text, path) = match args.as_slice() {
        [] => (mailbox::small(), mailbox::FIXTURE.to_string()),
        [n, path] => {
            let n: usize = n.parse().expect("the number of codes");
            (mailbox::big(n), path.clone())
        }
        _ => panic!("usage: mailbox [<number of codes> <file>]"),
    };
    std::fs::write(&path, &text).expect("the mailbox is written");
    println!("{path}: {} bytes", text.len());
}
