//! The `extract` command: arguments, input errors and exit codes, and that its JSON is the
//! library's own.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_extract"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("extract runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("article-explorer-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// One invocation and what it must do.
struct Case {
    name: &'static str,
    args: Vec<String>,
    stdin: Option<&'static [u8]>,
    code: i32,
    stdout_has: &'static str,
    stderr_has: &'static str,
}

#[test]
fn arguments_and_errors() {
    let article = temp_file("ok.txt", "Ghana and Togo signed a deal on Monday, officials said.".as_bytes());
    let latin1 = temp_file("latin1.txt", b"Caf\xe9 owners in Lom\xe9 said prices rose.");
    let dir = temp_dir("empty");
    let s = |p: &std::path::Path| p.to_string_lossy().into_owned();
    let cases = [
        Case {
            name: "help",
            args: vec!["--help".into()],
            stdin: None,
            code: 0,
            stdout_has: "Usage:",
            stderr_has: "",
        },
        Case {
            name: "version",
            args: vec!["--version".into()],
            stdin: None,
            code: 0,
            stdout_has: "extract 0.",
            stderr_has: "",
        },
        Case {
            name: "file",
            args: vec![s(&article)],
            stdin: None,
            code: 0,
            stdout_has: "\"parties\"",
            stderr_has: "",
        },
        Case {
            name: "stdin",
            args: vec!["-".into()],
            stdin: Some(b"Peru and Chile met."),
            code: 0,
            stdout_has: "\"claims\"",
            stderr_has: "",
        },
        Case { name: "no args", args: vec![], stdin: None, code: 2, stdout_has: "", stderr_has: "no input" },
        Case {
            name: "two files, one missing",
            args: vec![s(&article), "/no/such/b.txt".into()],
            stdin: None,
            code: 1,
            stdout_has: "{\"file\":",
            stderr_has: "cannot read '/no/such/b.txt': no such file",
        },
        Case {
            name: "unknown format",
            args: vec!["--format".into(), "xml".into(), s(&article)],
            stdin: None,
            code: 2,
            stdout_has: "",
            stderr_has: "unknown format 'xml'",
        },
        Case {
            name: "jobs zero",
            args: vec!["--jobs=0".into(), s(&article)],
            stdin: None,
            code: 2,
            stdout_has: "",
            stderr_has: "--jobs takes a positive whole number",
        },
        Case {
            name: "over the size limit",
            args: vec!["--max-bytes".into(), "20".into(), s(&article)],
            stdin: None,
            code: 1,
            stdout_has: "",
            stderr_has: "is larger than the limit of 20 bytes; raise it with --max-bytes N",
        },
        Case {
            name: "limit raised",
            args: vec!["--max-bytes".into(), "3_000_000".into(), s(&article)],
            stdin: None,
            code: 0,
            stdout_has: "\"parties\"",
            stderr_has: "",
        },
        Case {
            name: "endless input",
            args: vec!["/dev/zero".into()],
            stdin: None,
            code: 1,
            stdout_has: "",
            stderr_has: "'/dev/zero' is larger than the limit of 2000000 bytes",
        },
        Case {
            name: "stdin over the limit",
            args: vec!["--max-bytes".into(), "10".into(), "-".into()],
            stdin: Some(b"Peru and Chile met on Monday."),
            code: 1,
            stdout_has: "",
            stderr_has: "standard input is larger than the limit of 10 bytes",
        },
        Case {
            name: "UTF-16 without a BOM",
            args: vec!["-".into()],
            stdin: Some(b"P\0e\0r\0u\0 \0m\0e\0t\0.\0"),
            code: 1,
            stdout_has: "",
            stderr_has: "standard input looks like UTF-16 text without a byte-order mark",
        },
        Case {
            name: "binary",
            args: vec!["-".into()],
            stdin: Some(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01"),
            code: 1,
            stdout_has: "",
            stderr_has: "standard input is not a text file (NUL byte at offset 7)",
        },
        Case {
            name: "unknown flag",
            args: vec!["--fast".into()],
            stdin: None,
            code: 2,
            stdout_has: "",
            stderr_has: "unknown option '--fast'",
        },
        Case {
            name: "missing file",
            args: vec!["/no/such/article.txt".into()],
            stdin: None,
            code: 1,
            stdout_has: "",
            stderr_has: "no such file",
        },
        Case {
            name: "empty directory",
            args: vec![s(&dir)],
            stdin: None,
            code: 0,
            stdout_has: "",
            stderr_has: "extract: 0 articles, 0.0 MB",
        },
        Case {
            name: "not UTF-8",
            args: vec![s(&latin1)],
            stdin: None,
            code: 1,
            stdout_has: "",
            stderr_has: "not UTF-8 text (invalid byte at offset 3)",
        },
        Case {
            name: "stdin not UTF-8",
            args: vec!["-".into()],
            stdin: Some(b"\xff\xff"),
            code: 1,
            stdout_has: "",
            stderr_has: "standard input is not UTF-8",
        },
    ];
    for case in cases {
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let out = run(&args, case.stdin);
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.status.code(), Some(case.code), "{}: {stderr}", case.name);
        assert!(!stderr.contains("panicked"), "{}: {stderr}", case.name);
        assert!(stdout.contains(case.stdout_has), "{}: stdout {stdout}", case.name);
        assert!(stderr.contains(case.stderr_has), "{}: stderr {stderr}", case.name);
        if case.code != 0 && case.stdout_has.is_empty() {
            assert!(stdout.is_empty(), "{}: no JSON on failure", case.name);
        }
    }
}

#[test]
fn json_is_the_library_extraction() {
    let text = "“We will sign,” the minister said. Kenya and Uganda agreed to cut tariffs.";
    let out = run(&["-"], Some(text.as_bytes()));
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    let expected = article_explorer::extract::to_json(&article_explorer::extract::analyze(text)) + "\n";
    assert_eq!(printed, expected);
}

/// The JSON the library gives for `bytes` read as a file called `name`, by the core's input
/// policy (the app's file loader calls the same function).
fn library_json(name: &str, bytes: &[u8]) -> String {
    let text = article_explorer::extract::input::file_text(name, bytes).unwrap();
    article_explorer::extract::to_json(&article_explorer::extract::analyze(&text))
}

const DATELINED: &str = "ACCRA, Ghana (AP) — Ghana and Togo signed a border deal on Monday, officials said.";

#[test]
fn byte_order_marks_follow_the_input_policy() {
    let utf16 = |le: bool| -> Vec<u8> {
        let mut bytes = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in DATELINED.encode_utf16() {
            bytes.extend(if le { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        bytes
    };
    let plain = library_json("a.txt", DATELINED.as_bytes());
    let inputs: [(&str, Vec<u8>); 3] = [
        ("utf8-bom.txt", [b"\xEF\xBB\xBF".as_slice(), DATELINED.as_bytes()].concat()),
        ("utf16le.txt", utf16(true)),
        ("utf16be.txt", utf16(false)),
    ];
    for (name, bytes) in inputs {
        let path = temp_file(name, &bytes);
        let out = run(&[path.to_str().unwrap()], None);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        // Offsets count from the article's first character, as in the app: the same JSON as
        // the text without a mark, byte for byte.
        assert_eq!(String::from_utf8(out.stdout).unwrap(), plain.clone() + "\n", "{name}");
        assert_eq!(library_json(name, &bytes), plain, "{name}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_reported() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("non-utf8");
    let path = dir.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&path, DATELINED).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_extract")).arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("is not UTF-8; rename the file"), "{stderr}");
    assert!(out.stdout.is_empty());
    // Walked from a directory, it is skipped and the others still come out.
    std::fs::write(dir.join("fine.txt"), DATELINED).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_extract")).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[cfg(target_os = "linux")]
#[test]
fn write_errors_fail_with_a_message() {
    let article = temp_file("full.txt", DATELINED.as_bytes());
    let article = article.to_str().unwrap();
    for args in [vec![article], vec![article, article], vec!["--help"]] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_extract")).args(&args).stdout(full).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("cannot write the output: No space left on device"), "{args:?}: {stderr}");
    }
    // `>&-`: no standard output at all.
    let out = Command::new("sh")
        .args(["-c", "exec \"$0\" \"$1\" >&-", env!("CARGO_BIN_EXE_extract"), article])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("standard output is closed"), "{stderr}");
    // `> /dev/null` is a choice, not an error.
    let out =
        Command::new(env!("CARGO_BIN_EXE_extract")).arg(article).stdout(Stdio::null()).output().unwrap();
    assert!(out.status.success());
    // So is /dev/null opened read-write, as Python's `stdout=subprocess.DEVNULL` opens it: the
    // same descriptor the runtime leaves in place of a closed one, told apart only before main.
    let null = std::fs::OpenOptions::new().read(true).write(true).open("/dev/null").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_extract")).arg(article).stdout(null).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_closed_pipe_stops_quietly() {
    let article = temp_file("pipe.txt", DATELINED.as_bytes());
    let args: Vec<&str> = std::iter::repeat_n(article.to_str().unwrap(), 3000).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_extract"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take()); // `| head -c 100`
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(first.starts_with(b"{\"file\":"));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("cannot write"), "{stderr}");
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("article-explorer-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A directory of articles: walked in sorted order, only .txt .md .html .htm, HTML reduced to
/// its text; one JSON line each with its file name.
fn article_dir() -> (std::path::PathBuf, Vec<(String, Vec<u8>)>) {
    let dir = temp_dir("walk");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let files: [(&str, &[u8]); 6] = [
        ("b.txt", b"Kenya and Uganda agreed to cut tariffs, officials said."),
        ("a.md", b"# Talks\n\nPeru and Chile met in Lima on Monday."),
        (
            "c.HTML",
            b"<html><head><title>x</title></head><body><p>Ghana and Togo signed a deal.</p></body></html>",
        ),
        ("notes.json", b"{\"not\": \"an article\"}"),
        ("sub/d.htm", b"<p>&ldquo;We will sign,&rdquo; the minister said.</p>"),
        ("sub/e.txt", b"\xEF\xBB\xBFLOME, Togo (AP) - Togo said it would reopen the border."),
    ];
    let mut walked = Vec::new();
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
        if !name.ends_with(".json") {
            walked.push((dir.join(name).to_str().unwrap().to_owned(), bytes.to_vec()));
        }
    }
    walked.sort();
    (dir, walked)
}

#[test]
fn batch_prints_each_article_in_input_order_whatever_the_jobs() {
    let (dir, walked) = article_dir();
    let missing = "/no/such/article.txt";
    let dir_arg = dir.to_str().unwrap();
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "7"] {
        let out = run(&["--jobs", jobs, dir_arg, missing, "-"], Some(DATELINED.as_bytes()));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "a missing file fails the run: {stderr}");
        assert!(stderr.contains("cannot read '/no/such/article.txt': no such file"), "{stderr}");
        assert!(
            stderr.contains("6 articles,") && stderr.contains("parties,") && stderr.contains("MB/s"),
            "{stderr}"
        );
        outputs.push(String::from_utf8(out.stdout).unwrap());
    }
    assert!(outputs.iter().all(|o| *o == outputs[0]), "same output for 1, 2 and 7 jobs");
    let mut expected: Vec<(String, Vec<u8>)> = walked;
    expected.push(("-".to_owned(), DATELINED.as_bytes().to_vec()));
    let lines: Vec<&str> = outputs[0].lines().collect();
    assert_eq!(lines.len(), expected.len());
    for (line, (name, bytes)) in lines.iter().zip(&expected) {
        let mut got: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(got["file"], name.as_str());
        got.as_object_mut().unwrap().remove("file");
        let want: serde_json::Value = serde_json::from_str(&library_json(name, bytes)).unwrap();
        assert_eq!(got, want, "{name}");
    }
    assert!(outputs[0].contains("Ghana") && !outputs[0].contains("<p>"), "HTML read as its text");
}

#[test]
fn formats_are_the_app_exports() {
    use article_explorer::export;
    let text = "“We will sign,” the minister said. Kenya and Uganda agreed to cut tariffs.";
    let ex = article_explorer::extract::analyze(text);
    let path = temp_file("formats.txt", text.as_bytes());
    let path = path.to_str().unwrap();
    let stdout = |args: &[&str]| {
        let out = run(args, None);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(stdout(&["--format", "csv", path]), export::to_csv(&ex, text));
    assert_eq!(stdout(&["--format=md", path]), export::to_markdown(&ex, &export::brief_title(text)));
    // Several articles: a `file` column, one header.
    let csv = stdout(&["--format", "csv", path, path]);
    let rows = export::to_csv(&ex, text).lines().count() - 1;
    assert!(csv.starts_with("\u{feff}file,type,id,label,"), "one byte-order mark, then the header");
    assert_eq!(csv.matches("\r\n").count(), 1 + 2 * rows);
    assert_eq!(csv.lines().nth(1).unwrap().split(',').next(), Some(path));
    // JSON for several is one array.
    let json: serde_json::Value = serde_json::from_str(&stdout(&["--format", "json", path, path])).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(2));
    assert_eq!(
        json[1]["claims"],
        serde_json::from_str::<serde_json::Value>(&library_json("a.txt", text.as_bytes())).unwrap()["claims"]
    );
    // JSON Lines for one file, when asked.
    let line = stdout(&["--format", "jsonl", path]);
    assert_eq!(line.lines().count(), 1);
    assert!(line.starts_with(&format!("{{\"file\":\"{path}\",\"parties\":")));
}
