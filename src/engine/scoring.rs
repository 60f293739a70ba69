//! Scoring one response (`instrument.md` §3 "One response") and the action areas that apply to it
//! (§5, report Appendix 1).
//!
//! This module owns the rules that turn answers into factor scores, gaps, the importance and
//! prevalence indices, readiness, bands, priorities and action areas. It reads answers only through
//! [`Answers`]' typed getters, so hidden answers are never scored.
//!
//! It must never aggregate several responses (that is [`super::aggregate`]) and never hold display
//! prose beyond the action areas' titles and summaries.

use serde::Serialize;

use super::instrument::{Band, Engagement, Extent4, Factor};
use super::response::{Answers, Response};

/// One factor's scores for one response.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FactorScore {
    /// The factor.
    pub factor: Factor,
    /// q13 score 0–3; `None` when unanswered or "not applicable".
    pub importance: Option<u8>,
    /// q14 score 0–3; `None` when unanswered or "not applicable".
    pub prevalence: Option<u8>,
    /// importance − prevalence (−3…3), only when both are scored.
    pub gap: Option<i8>,
    /// The prevalence band (0–1 little or none, 2 somewhat, 3 a great deal).
    pub band: Option<Band>,
    /// Gap ≥ 2, or importance ≥ 2 with prevalence ≤ 1 (`instrument.md` §3).
    pub priority: bool,
    /// Prevalence in the "little or none" band: what §5 calls weak.
    pub weak: bool,
}

impl FactorScore {
    /// Scores one factor of a response.
    pub fn of(answers: &Answers, factor: Factor) -> FactorScore {
        let importance = answers.importance(factor).and_then(|e| e.score());
        let prevalence = answers.prevalence(factor).and_then(|e| e.score());
        let gap = match (importance, prevalence) {
            (Some(i), Some(p)) => Some(i as i8 - p as i8),
            _ => None,
        };
        let band = prevalence.map(Band::of);
        let priority = gap.is_some_and(|g| g >= 2)
            || matches!((importance, prevalence), (Some(i), Some(p)) if i >= 2 && p <= 1);
        FactorScore {
            factor,
            importance,
            prevalence,
            gap,
            band,
            priority,
            weak: band == Some(Band::LittleOrNone),
        }
    }
}

/// Readiness: the prevalence index, on 0–3 and as a percentage of 3 (`instrument.md` §3 **\[decision\]**).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Readiness {
    /// Prevalence index, 0–3.
    pub score: f64,
    /// `score / 3 × 100`.
    pub percent: f64,
}

/// Why an action area applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trigger {
    /// The factor's prevalence is in the "little or none" band.
    Factor(Factor),
    /// q11 (values and incentivises collaboration) is "Not at all" or "A little".
    Incentives,
    /// q12 (provides the tools) is "Not at all" or "A little".
    Tools,
    /// q10 (citizen engagement) is at inform or consult.
    LowEngagement,
}

impl Trigger {
    /// Stable id: the factor id, or the question id (`q10`, `q11`, `q12`).
    pub fn id(self) -> &'static str {
        match self {
            Trigger::Factor(f) => f.id(),
            Trigger::Incentives => "q11",
            Trigger::Tools => "q12",
            Trigger::LowEngagement => "q10",
        }
    }

    /// True when the response shows this weakness.
    pub fn applies(self, answers: &Answers) -> bool {
        let little = |e: Option<Extent4>| e.is_some_and(|e| e.score() <= 1);
        match self {
            Trigger::Factor(f) => FactorScore::of(answers, f).weak,
            Trigger::Incentives => little(answers.q11()),
            Trigger::Tools => little(answers.q12()),
            Trigger::LowEngagement => {
                matches!(
                    answers.q10(),
                    Some(Engagement::Inform | Engagement::Consult)
                )
            }
        }
    }
}

impl Serialize for Trigger {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// The seminar's four areas of action (report Appendix 1; mapping per `instrument.md` §5
/// **\[decision\]**). Urgency and requirements map to none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionArea {
    /// "Develop collaborative leadership".
    CollaborativeLeadership,
    /// "Align around place".
    AlignAroundPlace,
    /// "Develop the skills and knowledge of collaborative citizens".
    CollaborativeCitizens,
    /// "Challenge rules and tolerate mistakes".
    ChallengeRules,
}

impl ActionArea {
    /// All four, in the report's order.
    pub const ALL: [ActionArea; 4] = [
        ActionArea::CollaborativeLeadership,
        ActionArea::AlignAroundPlace,
        ActionArea::CollaborativeCitizens,
        ActionArea::ChallengeRules,
    ];

    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            ActionArea::CollaborativeLeadership => "leadership",
            ActionArea::AlignAroundPlace => "place",
            ActionArea::CollaborativeCitizens => "citizens",
            ActionArea::ChallengeRules => "challenge",
        }
    }

    /// Title, verbatim from Appendix 1.
    pub fn title(self) -> &'static str {
        match self {
            ActionArea::CollaborativeLeadership => "Develop collaborative leadership",
            ActionArea::AlignAroundPlace => "Align around place",
            ActionArea::CollaborativeCitizens => {
                "Develop the skills and knowledge of collaborative citizens"
            }
            ActionArea::ChallengeRules => "Challenge rules and tolerate mistakes",
        }
    }

    /// What the area is about, in the project's own words (after Appendix 1).
    pub fn summary(self) -> &'static str {
        match self {
            ActionArea::CollaborativeLeadership => {
                "Leaders make room for working across organisational boundaries: they invest time and money in the skills and behaviours collaboration needs, and reward staff who collaborate."
            }
            ActionArea::AlignAroundPlace => {
                "Partners build a shared picture of the place they serve — its communities, services and trends — and organise around it rather than around their own remits."
            }
            ActionArea::CollaborativeCitizens => {
                "Citizens get facts, real influence and visible results from taking part, moving engagement up the ladder from informing and consulting towards collaborating and empowering."
            }
            ActionArea::ChallengeRules => {
                "Leaders create an authorising environment where people may try new ways of working, share a common understanding of risk, and learn from mistakes instead of hiding them."
            }
        }
    }

    /// The weaknesses that make the area apply.
    pub fn triggers(self) -> &'static [Trigger] {
        match self {
            ActionArea::CollaborativeLeadership => {
                &[Trigger::Factor(Factor::Behaviours), Trigger::Incentives]
            }
            ActionArea::AlignAroundPlace => &[
                Trigger::Factor(Factor::Places),
                Trigger::Factor(Factor::Services),
            ],
            ActionArea::CollaborativeCitizens => {
                &[Trigger::Factor(Factor::Citizens), Trigger::LowEngagement]
            }
            ActionArea::ChallengeRules => &[
                Trigger::Factor(Factor::Systems),
                Trigger::Factor(Factor::Markets),
                Trigger::Tools,
            ],
        }
    }
}

impl Serialize for ActionArea {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// An action area that applies to a response, with the weaknesses that triggered it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionAreaMatch {
    /// The area.
    pub area: ActionArea,
    /// Its triggers that apply, in the area's order.
    pub because: Vec<Trigger>,
}

/// Everything one response scores.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResponseScore {
    /// The eight factors in display order.
    pub factors: Vec<FactorScore>,
    /// Mean of the scored q13 answers over the six index categories; `None` when none is scored.
    pub importance_index: Option<f64>,
    /// Mean of the scored q14 answers over the six index categories; `None` when none is scored.
    pub prevalence_index: Option<f64>,
    /// As `importance_index`, over all eight factors.
    pub importance_index_extended: Option<f64>,
    /// As `prevalence_index`, over all eight factors.
    pub prevalence_index_extended: Option<f64>,
    /// The headline: the prevalence index and its percentage of 3.
    pub readiness: Option<Readiness>,
    /// Priority factors in display order.
    pub priorities: Vec<Factor>,
    /// Action areas that apply, in the report's order.
    pub action_areas: Vec<ActionAreaMatch>,
}

impl ResponseScore {
    /// The score of one factor.
    pub fn factor(&self, factor: Factor) -> &FactorScore {
        &self.factors[factor.index()]
    }
}

/// Mean of the scored values; `None` (never 0) when nothing is scored.
pub fn mean_of_scored(values: impl IntoIterator<Item = Option<u8>>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .flatten()
        .fold((0u32, 0u32), |(s, n), v| (s + u32::from(v), n + 1));
    (n > 0).then(|| f64::from(sum) / f64::from(n))
}

/// Scores one response (`instrument.md` §3 and §5).
pub fn score(response: &Response) -> ResponseScore {
    let answers = response.answers();
    let factors: Vec<FactorScore> = Factor::ALL
        .iter()
        .map(|f| FactorScore::of(answers, *f))
        .collect();
    let index = |six_only: bool, pick: fn(&FactorScore) -> Option<u8>| {
        mean_of_scored(
            factors
                .iter()
                .filter(|f| !six_only || f.factor.is_index_category())
                .map(pick),
        )
    };
    let prevalence_index = index(true, |f| f.prevalence);
    let action_areas = ActionArea::ALL
        .iter()
        .filter_map(|area| {
            let because: Vec<Trigger> = area
                .triggers()
                .iter()
                .copied()
                .filter(|t| t.applies(answers))
                .collect();
            (!because.is_empty()).then_some(ActionAreaMatch {
                area: *area,
                because,
            })
        })
        .collect();
    ResponseScore {
        importance_index: index(true, |f| f.importance),
        prevalence_index,
        importance_index_extended: index(false, |f| f.importance),
        prevalence_index_extended: index(false, |f| f.prevalence),
        readiness: prevalence_index.map(|score| Readiness {
            score,
            percent: score / 3.0 * 100.0,
        }),
        priorities: factors
            .iter()
            .filter(|f| f.priority)
            .map(|f| f.factor)
            .collect(),
        factors,
        action_areas,
    }
}
