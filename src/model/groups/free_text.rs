//! Free-text answers (q2, q3's "Other", q8), where the group's responses hold them: listed for the
//! facilitator to read, and protected like every breakdown.
//!
//! - Without ids or any other answer beside them, each question's answers in a random order
//!   ([`shuffle`], seeded by the caller: the page seeds it from the browser's random numbers on each
//!   load), so that neither the order responses were added in nor the order of another question's
//!   list tells who wrote what. Each list is shuffled on its own.
//! - Withheld below the minimum group size: a report withheld as a whole lists nothing (with the
//!   report's own notice), and a question fewer than that many people wrote an answer to is withheld
//!   with the breakdowns' wording ([`withheld_text`]).
//!
//! Pure: the responses come in already chosen (those the report covers), the seed from the caller.

use crate::engine::aggregate::GroupReport;
use crate::engine::Response;

use super::report::withheld_text;
use super::withheld_notice;
use crate::model::format;

/// Answers a list shows at first, and adds each time the facilitator asks for more: a national
/// survey's 100,000 written answers are neither read on one screen nor laid out by the browser at once.
pub const ANSWERS_AT_A_TIME: usize = 50;

/// What a list says when it shows only the first `shown` of its `total` answers.
pub fn shown_of(shown: usize, total: usize) -> Option<String> {
    (shown < total).then(|| {
        format!(
            "Showing {} of {} answers.",
            format::count(shown as u64),
            format::count(total as u64)
        )
    })
}

/// The words of the button that shows more of a list: how many it adds.
pub fn more_button(shown: usize, total: usize) -> String {
    let more = total.saturating_sub(shown).min(ANSWERS_AT_A_TIME) as u64;
    format!(
        "Show {} more {}",
        format::count(more),
        if more == 1 { "answer" } else { "answers" }
    )
}

/// A free-text question's answer in a response.
type Answer = fn(&Response) -> Option<&str>;

/// The free-text questions, in questionnaire order: how each is named on the report, and its answer.
const QUESTIONS: [(&str, Answer); 3] = [
    ("The project or programme of work (q2)", |r| {
        r.answers().q2()
    }),
    ("Other organisations involved (q3, “Other”)", |r| {
        r.answers().q3_other()
    }),
    (
        "Why collaboration is important, or not (q8, “Why do you say that?”)",
        |r| r.answers().q8(),
    ),
];

/// One question's written answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub question: &'static str,
    /// The answers in a random order; empty when withheld.
    pub answers: Vec<String>,
    /// Why they are not shown, when they are withheld.
    pub withheld: Option<String>,
}

/// What the report says of the free-text answers.
#[derive(Clone, Debug, PartialEq)]
pub enum FreeText {
    /// None of the responses holds a written answer: the report shows nothing of them.
    None,
    /// The report is withheld: nothing is listed; why.
    Withheld(String),
    /// Each question that has answers.
    Shown(Vec<Written>),
}

/// The free-text answers of `covered` (the responses `report` covers), each list shuffled from
/// `seed`. `partial_left_out`: as for [`withheld_notice`].
pub fn free_text<'a>(
    report: &GroupReport,
    covered: impl IntoIterator<Item = &'a Response>,
    partial_left_out: u64,
    seed: u64,
) -> FreeText {
    let covered: Vec<&Response> = covered.into_iter().collect();
    let mut lists: Vec<(&'static str, Vec<String>)> = QUESTIONS
        .iter()
        .map(|(question, answer)| {
            let texts = covered
                .iter()
                .filter_map(|r| answer(r))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect();
            (*question, texts)
        })
        .filter(|(_, texts): &(_, Vec<String>)| !texts.is_empty())
        .collect();
    if lists.is_empty() {
        return FreeText::None;
    }
    if report.statistics.is_none() {
        return FreeText::Withheld(withheld_notice(report, partial_left_out));
    }
    let min = report.min_group_size;
    let mut rng = SplitMix64(seed);
    FreeText::Shown(
        lists
            .iter_mut()
            .map(|(question, texts)| {
                if texts.len() < min {
                    Written {
                        question,
                        answers: Vec::new(),
                        withheld: Some(format!(
                            "{}: so few answers could show who wrote them.",
                            capitalised(&withheld_text(min))
                        )),
                    }
                } else {
                    shuffle_with(texts, &mut rng);
                    Written {
                        question,
                        answers: std::mem::take(texts),
                        withheld: None,
                    }
                }
            })
            .collect(),
    )
}

/// `text` with its first letter a capital (the breakdowns' wording starts a sentence here). ASCII
/// only, as the wording is: no Unicode case tables in the app for one letter.
fn capitalised(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// A small, well-known generator (SplitMix64): enough to put a list in an order that does not follow
/// the input; nothing secret depends on it.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number below `bound` (> 0), without the bias of a plain remainder.
    fn below(&mut self, bound: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % bound;
        loop {
            let x = self.next();
            if x < zone {
                return x % bound;
            }
        }
    }
}

fn shuffle_with<T>(items: &mut [T], rng: &mut SplitMix64) {
    // Fisher–Yates: every order equally likely.
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
}

/// Puts `items` in a random order decided by `seed` (the same seed, the same order).
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    shuffle_with(items, &mut SplitMix64(seed));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_says_how_much_it_shows_and_offers_the_rest_in_steps() {
        assert_eq!(shown_of(50, 50), None);
        assert_eq!(shown_of(7, 7), None);
        assert_eq!(
            shown_of(50, 100_000).as_deref(),
            Some("Showing 50 of 100,000 answers.")
        );
        assert_eq!(more_button(50, 100_000), "Show 50 more answers");
        assert_eq!(more_button(100, 101), "Show 1 more answer");
        assert_eq!(more_button(50, 73), "Show 23 more answers");
    }
    use crate::engine::aggregate::GroupOptions;
    use crate::engine::instrument::Field;

    fn responses(n: usize, q8: impl Fn(usize) -> &'static str) -> Vec<Response> {
        (0..n)
            .map(|i| {
                let mut r = Response::new(format!("id-{i}"));
                r.choose(Field::Q1, "yes").unwrap();
                r.set_text(Field::Q2, &format!("project {i}")).unwrap();
                r.set_text(Field::Q8, q8(i)).unwrap();
                r
            })
            .collect()
    }

    fn of(rs: &[Response], min: usize, seed: u64) -> FreeText {
        let report =
            GroupReport::from_responses(rs, GroupOptions::default().with_min_group_size(min));
        free_text(&report, rs, 0, seed)
    }

    #[test]
    fn shown_withheld_and_absent() {
        // q2 answered by all; q8 by some (blank or spaces count as no answer).
        struct Case {
            n: usize,
            min: usize,
            q8_from: usize,
            expect: &'static str,
        }
        let cases = [
            Case {
                n: 6,
                min: 5,
                q8_from: 0,
                expect: "q2 shown, q8 shown",
            },
            Case {
                n: 6,
                min: 5,
                q8_from: 2,
                expect: "q2 shown, q8 withheld",
            },
            Case {
                n: 6,
                min: 6,
                q8_from: 0,
                expect: "q2 shown, q8 shown",
            },
            Case {
                n: 4,
                min: 5,
                q8_from: 0,
                expect: "report withheld",
            },
            Case {
                n: 7,
                min: 7,
                q8_from: 7,
                expect: "q2 shown",
            },
        ];
        for c in cases {
            let rs = responses(c.n, |i| {
                if i >= c.q8_from {
                    "Because we must"
                } else {
                    "  "
                }
            });
            let got = match of(&rs, c.min, 1) {
                FreeText::Withheld(why) => {
                    assert!(why.starts_with("The figures are withheld"), "{why}");
                    "report withheld".to_string()
                }
                FreeText::None => "none".into(),
                FreeText::Shown(ws) => ws
                    .iter()
                    .map(|w| {
                        let q = &w.question[w.question.find("(q").unwrap() + 1..][..2];
                        match &w.withheld {
                            Some(why) => {
                                assert!(w.answers.is_empty());
                                assert_eq!(
                                    why,
                                    &format!(
                                        "Withheld (fewer than {}): so few answers could show who wrote them.",
                                        c.min
                                    )
                                );
                                format!("{q} withheld")
                            }
                            None => format!("{q} shown"),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            assert_eq!(got, c.expect, "{} responses, minimum {}", c.n, c.min);
        }
        assert_eq!(of(&[], 5, 1), FreeText::None);
        let silent: Vec<Response> = (0..6).map(|i| Response::new(format!("s{i}"))).collect();
        assert_eq!(of(&silent, 5, 1), FreeText::None);
    }

    #[test]
    fn listed_without_ids_in_an_order_that_is_not_the_input_order() {
        let rs = responses(8, |_| "x");
        let FreeText::Shown(ws) = of(&rs, 5, 7) else {
            panic!("shown");
        };
        let q2 = &ws[0];
        let input: Vec<String> = (0..8).map(|i| format!("project {i}")).collect();
        assert_ne!(q2.answers, input, "shuffled");
        let mut sorted = q2.answers.clone();
        sorted.sort();
        assert_eq!(sorted, input, "the same answers, each once");
        assert!(q2.answers.iter().all(|a| !a.contains("id-")));
        // Another page load (another seed), another order; the same seed, the same order.
        let FreeText::Shown(again) = of(&rs, 5, 7) else {
            panic!()
        };
        assert_eq!(again[0].answers, q2.answers);
        let FreeText::Shown(other) = of(&rs, 5, 8) else {
            panic!()
        };
        assert_ne!(other[0].answers, q2.answers);
    }

    #[test]
    fn shuffle_is_a_permutation_that_moves_the_input() {
        for (n, seed) in [
            (0usize, 3u64),
            (1, 3),
            (2, 5),
            (10, 0),
            (10, 42),
            (100, u64::MAX),
        ] {
            let input: Vec<usize> = (0..n).collect();
            let mut items = input.clone();
            shuffle(&mut items, seed);
            let mut back = items.clone();
            back.sort_unstable();
            assert_eq!(back, input, "{n} items, seed {seed}: a permutation");
            if n >= 10 {
                assert_ne!(items, input, "{n} items, seed {seed}: not the input order");
                let fixed = items.iter().enumerate().filter(|(i, x)| i == *x).count();
                assert!(
                    fixed < n / 2,
                    "{n} items, seed {seed}: {fixed} left in place"
                );
            }
        }
        // Every order of three items turns up over many seeds.
        let mut seen = std::collections::HashSet::new();
        for seed in 0..200 {
            let mut items = [0, 1, 2];
            shuffle(&mut items, seed);
            seen.insert(items);
        }
        assert_eq!(seen.len(), 6);
    }
}
