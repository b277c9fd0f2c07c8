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
    let dir = std::env::temp_dir();
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
            name: "two files",
            args: vec!["a".into(), "b".into()],
            stdin: None,
            code: 2,
            stdout_has: "",
            stderr_has: "exactly one FILE",
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
            name: "directory",
            args: vec![s(&dir)],
            stdin: None,
            code: 1,
            stdout_has: "",
            stderr_has: "cannot read",
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
            stdin: Some(b"\xff\xfe"),
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
        assert!(stdout.contains(case.stdout_has), "{}: stdout {stdout}", case.name);
        assert!(stderr.contains(case.stderr_has), "{}: stderr {stderr}", case.name);
        if case.code != 0 {
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
