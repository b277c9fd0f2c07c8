//! Table-driven cases over small pages written for these tests.
