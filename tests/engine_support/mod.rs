//! Helpers shared by the engine's integration tests: fixture paths, a recursive JSON comparer and
//! response builders. Not every test binary uses every helper.
#![allow(dead_code)]

use std::path::PathBuf;

use collaboration_readiness::engine::instrument::{Factor, Field, Measure};
use collaboration_readiness::engine::Response;
use serde_json::Value;

/// Path of a file in `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// Bytes of a fixture.
pub fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// Collects every way `actual` falls short of `expected`: each expected key must be present (extra
/// keys in `actual` are fine), arrays must have the same length, numbers must agree to within
/// `tolerance`, and everything else must be equal.
pub fn json_differences(expected: &Value, actual: &Value, tolerance: f64) -> Vec<String> {
    let mut out = Vec::new();
    compare(expected, actual, "$", tolerance, &mut out);
    out
}

fn compare(expected: &Value, actual: &Value, path: &str, tolerance: f64, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                let p = format!("{path}.{key}");
                match a.get(key) {
                    Some(av) => compare(ev, av, &p, tolerance, out),
                    None => out.push(format!("{p}: missing (expected {ev})")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!("{path}: {} items, expected {}", a.len(), e.len()));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                compare(ev, av, &format!("{path}[{i}]"), tolerance, out);
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (e.as_f64().unwrap(), a.as_f64().unwrap());
            if (e - a).abs() > tolerance {
                out.push(format!("{path}: {a}, expected {e}"));
            }
        }
        (e, a) if e == a => {}
        (e, a) => out.push(format!("{path}: {a}, expected {e}")),
    }
}

/// A complete, valid response with q1 = yes; `rating` gives each factor's (importance, prevalence)
/// code.
pub fn complete_response(
    id: &str,
    rating: impl Fn(Factor) -> (&'static str, &'static str),
) -> Response {
    let mut r = Response::new(id);
    r.submitted_at = Some("2026-01-10T09:00:00Z".into());
    let choose = |r: &mut Response, field: Field, code: &str| r.choose(field, code).unwrap();
    choose(&mut r, Field::Q1, "yes");
    r.set_text(Field::Q2, "A shared hub").unwrap();
    r.set_codes(Field::Q3, &["local_authority", "nhs_trust"])
        .unwrap();
    choose(&mut r, Field::Q4, "4");
    choose(&mut r, Field::Q5, "middle");
    choose(&mut r, Field::Q6, "somewhat_successful");
    choose(&mut r, Field::Q7, "critical");
    choose(&mut r, Field::Q9, "collaborating_better");
    choose(&mut r, Field::Q10, "consult");
    choose(&mut r, Field::Q11, "1");
    choose(&mut r, Field::Q12, "2");
    for f in Factor::ALL {
        let (i, p) = rating(f);
        choose(&mut r, Field::Score(Measure::Importance, f), i);
        choose(&mut r, Field::Score(Measure::Prevalence, f), p);
    }
    choose(&mut r, Field::Q15, "director");
    choose(&mut r, Field::Q16, "public");
    r.set_codes(Field::Q17, &["housing"]).unwrap();
    r.set_codes(Field::Q18, &["london", "wales"]).unwrap();
    r
}
