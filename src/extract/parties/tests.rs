//! Table-driven tests of the parties stage, with made-up sentences.
