//! Aggregating many responses into a group report (`instrument.md` §3 "Many responses", the report's
//! own analysis in §2).
//!
//! This module owns the group statistics: per-factor counts, not-applicable counts, means, shares,
//! spread and disagreement, great-deal gaps, the 6/8-factor averages, the headline shares with their
//! denominators, the cross-tabs, the role groups and the sample breakdown, plus the privacy rule that
//! withholds small groups.
//!
//! Aggregation is streaming: [`GroupAccumulator::add`] folds one response into fixed-size counters and
//! [`GroupAccumulator::finish`] derives the report, so memory does not grow with the number of
//! responses. It must never keep responses, never read hidden answers (it goes through the typed
//! getters of [`Answers`](super::response::Answers)) and never round a value it computes further
//! (rounding is applied only when the report is serialised, see [`super::rounding`]).
//!
//! # Privacy: minimum group size
//! A group report must not single out one person. Two rules, with the threshold
//! [`GroupOptions::min_group_size`] (default [`DEFAULT_MIN_GROUP_SIZE`], configurable only upward):
//! - a report over fewer respondents than the threshold (after filtering) shows only its size;
//! - a breakdown group — a column of a cross-tab, a role group, one category of the sample breakdown —
//!   with more than zero but fewer respondents than the threshold is withheld (`null` in JSON) and
//!   named in `withheld_cells`. Counts inside a group that is shown are shown.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use super::instrument::{
    Area, Choice, Engagement, Extent4, Factor, Measure, OrganisationCount, Region, Role, RoleGroup,
    Sector, StaffLevel, Stakeholder, View, YesNo,
};
use super::response::Response;
use super::rounding::{round4, ser_opt_f64};
use super::scoring::{ActionArea, FactorScore, Trigger};

/// The default (and smallest allowed) minimum group size.
pub const DEFAULT_MIN_GROUP_SIZE: usize = 5;

/// Restricts a report to some respondents. Every condition set must hold; a respondent who did not
/// answer the question a condition is about does not match it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseFilter {
    /// Only this sector (q16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// Only this role group (q15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_group: Option<RoleGroup>,
    /// Only respondents whose organisation works in this region (q18).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
}

impl ResponseFilter {
    /// True when no condition is set.
    pub fn is_empty(&self) -> bool {
        self == &ResponseFilter::default()
    }

    /// True when the response meets every condition.
    pub fn matches(&self, response: &Response) -> bool {
        let a = response.answers();
        self.sector.is_none_or(|s| a.q16() == Some(s))
            && self
                .role_group
                .is_none_or(|g| a.q15().map(RoleGroup::of) == Some(g))
            && self.region.is_none_or(|r| a.q18().contains(r))
    }
}

/// A minimum group size below the floor was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("The minimum group size cannot be {given}: it is at least {floor}, so that no figure shown can single out a person.")]
pub struct BelowFloor {
    /// The size asked for.
    pub given: usize,
    /// The smallest allowed.
    pub floor: usize,
}

/// How a group report is built.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupOptions {
    /// Breakdown groups (and whole reports) smaller than this are withheld. At least
    /// [`DEFAULT_MIN_GROUP_SIZE`].
    pub min_group_size: usize,
    /// Which respondents the report covers.
    pub filter: ResponseFilter,
}

impl Default for GroupOptions {
    fn default() -> Self {
        GroupOptions {
            min_group_size: DEFAULT_MIN_GROUP_SIZE,
            filter: ResponseFilter::default(),
        }
    }
}

impl GroupOptions {
    /// Sets the minimum group size; values below [`DEFAULT_MIN_GROUP_SIZE`] are raised to it, because
    /// a smaller threshold would let a report single out a person.
    pub fn with_min_group_size(mut self, n: usize) -> Self {
        self.min_group_size = n.max(DEFAULT_MIN_GROUP_SIZE);
        self
    }

    /// Sets the minimum group size as a person asked for it: refused, not raised, below the floor
    /// [`DEFAULT_MIN_GROUP_SIZE`], so that nobody believes smaller groups are shown.
    pub fn try_min_group_size(self, n: usize) -> Result<Self, BelowFloor> {
        if n < DEFAULT_MIN_GROUP_SIZE {
            Err(BelowFloor {
                given: n,
                floor: DEFAULT_MIN_GROUP_SIZE,
            })
        } else {
            Ok(self.with_min_group_size(n))
        }
    }

    /// Sets the filter.
    pub fn with_filter(mut self, filter: ResponseFilter) -> Self {
        self.filter = filter;
        self
    }
}

/// Counts of one 0–3 rating (with "not applicable" counted apart).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tally {
    counts: [u64; 4],
    n_na: u64,
}

impl Tally {
    #[inline(always)]
    fn add_score(&mut self, score: Option<u8>) {
        match score {
            Some(s) => self.counts[usize::from(s)] += 1,
            None => self.n_na += 1,
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct FactorTally {
    importance: Tally,
    prevalence: Tally,
    gap_sum: i64,
    gap_n: u64,
    priority_n: u64,
}

/// A headline share: how many of how many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Share {
    /// Respondents with the answer(s) counted.
    pub count: u64,
    /// The denominator: respondents who answered the question (as stated per headline).
    pub of: u64,
}

impl Share {
    #[inline(always)]
    fn add(&mut self, hit: bool) {
        self.of += 1;
        self.count += u64::from(hit);
    }

    /// `count / of`; `None` when nobody answered.
    pub fn value(&self) -> Option<f64> {
        (self.of > 0).then(|| self.count as f64 / self.of as f64)
    }
}

/// An extra condition on the responses a report covers. `Send`, so that an accumulator can be filled
/// on one thread and merged on another.
type Predicate = Box<dyn Fn(&Response) -> bool + Send>;

/// A respondent's readiness is the mean of up to six prevalence scores, `sum / count` with `count` in
/// 1–6, so in sixtieths (60 = lcm(1…6)) it is a whole number. Summed as whole numbers the total is
/// exact, and the same however the responses are split between accumulators and merged.
const READINESS_UNIT: u64 = 60;
const _: () = assert!(Factor::INDEX_CATEGORIES.len() <= 6);

/// Folds responses one at a time into a [`GroupReport`]; memory stays constant however many are added.
pub struct GroupAccumulator {
    options: GroupOptions,
    predicate: Option<Predicate>,
    n: u64,
    n_filtered_out: u64,
    factors: [FactorTally; 8],
    /// Sum of the respondents' readiness, in [`READINESS_UNIT`]ths.
    readiness_units: u64,
    readiness_n: u64,
    headline: Headline,
    by_success: [[u64; 5]; 2],
    by_sector: [[u64; 5]; 3],
    role_groups: [[[u64; 4]; 2]; 2],
    role_group_n: [u64; 2],
    // Arrays, not vectors: their indexing stays inline in the size-optimised release build.
    role: [u64; Role::ALL.len()],
    role_answered: u64,
    sector: [u64; Sector::ALL.len()],
    sector_answered: u64,
    areas: [u64; Area::ALL.len()],
    areas_answered: u64,
    regions: [u64; Region::ALL.len()],
    regions_answered: u64,
}

impl GroupAccumulator {
    /// An empty accumulator.
    pub fn new(options: GroupOptions) -> GroupAccumulator {
        let options = GroupOptions {
            min_group_size: options.min_group_size.max(DEFAULT_MIN_GROUP_SIZE),
            ..options
        };
        GroupAccumulator {
            options,
            predicate: None,
            n: 0,
            n_filtered_out: 0,
            factors: [FactorTally::default(); 8],
            readiness_units: 0,
            readiness_n: 0,
            headline: Headline::default(),
            by_success: [[0; 5]; 2],
            by_sector: [[0; 5]; 3],
            role_groups: [[[0; 4]; 2]; 2],
            role_group_n: [0; 2],
            role: [0; Role::ALL.len()],
            role_answered: 0,
            sector: [0; Sector::ALL.len()],
            sector_answered: 0,
            areas: [0; Area::ALL.len()],
            areas_answered: 0,
            regions: [0; Region::ALL.len()],
            regions_answered: 0,
        }
    }

    /// Adds a further condition (on top of the options' filter), e.g. a UI selection that
    /// [`ResponseFilter`] cannot express.
    pub fn with_predicate(
        mut self,
        predicate: impl Fn(&Response) -> bool + Send + 'static,
    ) -> Self {
        self.predicate = Some(Box::new(predicate));
        self
    }

    /// Responses counted so far.
    pub fn len(&self) -> u64 {
        self.n
    }

    /// True before any response is counted.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Folds one response in (or counts it as filtered out).
    pub fn add(&mut self, response: &Response) {
        let passes = self.options.filter.matches(response)
            && self.predicate.as_ref().is_none_or(|p| p(response));
        if !passes {
            self.n_filtered_out += 1;
            return;
        }
        self.n += 1;
        let a = response.answers();

        for factor in Factor::ALL {
            let t = &mut self.factors[factor.index()];
            if let Some(e) = a.importance(factor) {
                t.importance.add_score(e.score());
            }
            if let Some(e) = a.prevalence(factor) {
                t.prevalence.add_score(e.score());
            }
            let fs = FactorScore::of(a, factor);
            if let Some(gap) = fs.gap {
                t.gap_sum += i64::from(gap);
                t.gap_n += 1;
                t.priority_n += u64::from(fs.priority);
            }
        }
        let (mut sum, mut count) = (0u64, 0u64);
        for factor in Factor::INDEX_CATEGORIES {
            // A match, not `and_then`: a call in the size-optimised release build.
            let score = match a.prevalence(factor) {
                Some(e) => e.score(),
                None => None,
            };
            if let Some(score) = score {
                sum += u64::from(score);
                count += 1;
            }
        }
        if let Some(unit) = READINESS_UNIT.checked_div(count) {
            self.readiness_units += sum * unit;
            self.readiness_n += 1;
        }

        // Headlines: the denominator is whoever answered; q2–q6 only among q1 = yes.
        let h = &mut self.headline;
        let example_given = a.q1() == Some(YesNo::Yes);
        if let Some(q7) = a.q7() {
            h.q7_important_or_critical
                .add(q7.is_important_or_critical());
        }
        if let Some(q9) = a.q9() {
            h.q9_collaborating_better
                .add(q9 == View::CollaboratingBetter);
        }
        let little = |e: Extent4| e.score() <= 1;
        if let Some(q11) = a.q11() {
            h.q11_little_or_none.add(little(q11));
        }
        if let Some(q12) = a.q12() {
            h.q12_little_or_none.add(little(q12));
        }
        if let Some(q10) = a.q10().filter(|e| *e != Engagement::NotApplicable) {
            h.q10_lower_three.add(q10.is_lower_three());
        }
        if example_given {
            if let Some(q6) = a.q6() {
                h.q6_successful.add(q6.is_successful());
            }
            if let Some(q4) = a.q4() {
                h.q4_four_or_more.add(matches!(
                    q4,
                    OrganisationCount::Four | OrganisationCount::FiveOrMore
                ));
            }
            if let Some(q5) = a.q5() {
                h.q5_middle.add(q5 == StaffLevel::Middle);
            }
            let q3 = a.q3();
            if !q3.is_empty() {
                for s in Stakeholder::ALL {
                    h.q3[s.index()].add(q3.contains(*s));
                }
            }
        }

        // Cross-tabs over the engagement ladder (q10 steps; "not applicable" is not a step).
        if let Some(step) = a.q10().and_then(Engagement::step) {
            // Engagement by success: only people whose project q6 describes, i.e. q1 = yes and q6
            // answered. "Other" is everything but very/somewhat successful, including "too early".
            if example_given {
                if let Some(q6) = a.q6() {
                    self.by_success[usize::from(!q6.is_successful())][step] += 1;
                }
            }
            if let Some(sector) = a.q16() {
                self.by_sector[sector.index()][step] += 1;
            }
        }

        if let Some(role) = a.q15() {
            let g = RoleGroup::of(role) as usize;
            self.role_group_n[g] += 1;
            for (i, q) in [a.q11(), a.q12()].into_iter().enumerate() {
                if let Some(e) = q {
                    self.role_groups[g][i][usize::from(e.score())] += 1;
                }
            }
            self.role[role.index()] += 1;
            self.role_answered += 1;
        }
        if let Some(sector) = a.q16() {
            self.sector[sector.index()] += 1;
            self.sector_answered += 1;
        }
        // Loops over the options written out: this runs for every response of a large file.
        let areas = a.q17();
        if !areas.is_empty() {
            self.areas_answered += 1;
            for (count, area) in self.areas.iter_mut().zip(Area::ALL) {
                *count += u64::from(areas.contains(*area));
            }
        }
        let regions = a.q18();
        if !regions.is_empty() {
            self.regions_answered += 1;
            for (count, region) in self.regions.iter_mut().zip(Region::ALL) {
                *count += u64::from(regions.contains(*region));
            }
        }
    }

    /// Adds the counts of `other`, an accumulator built with the same options: the responses it
    /// counted are counted here too, exactly as if they had been added here (every count is a whole
    /// number), so a file read in parts on several threads gives the report of the whole file.
    pub fn merge(&mut self, other: &GroupAccumulator) {
        self.fold_counts(other, u64::wrapping_add);
    }

    /// Takes away the counts of `other`, whose responses were all added here before: for rows that
    /// turn out to be duplicates only after they were counted.
    pub(crate) fn subtract(&mut self, other: &GroupAccumulator) {
        self.fold_counts(other, u64::wrapping_sub);
    }

    /// Applies `op` to every count of `self` and the matching count of `other`. (Wrapping arithmetic:
    /// a count taken away was added before, so every final count is the exact one.)
    fn fold_counts(&mut self, other: &GroupAccumulator, op: fn(u64, u64) -> u64) {
        fn each(into: &mut [u64], from: &[u64], op: fn(u64, u64) -> u64) {
            for (a, b) in into.iter_mut().zip(from) {
                *a = op(*a, *b);
            }
        }
        fn tally(into: &mut Tally, from: &Tally, op: fn(u64, u64) -> u64) {
            each(&mut into.counts, &from.counts, op);
            into.n_na = op(into.n_na, from.n_na);
        }
        fn share(into: &mut Share, from: &Share, op: fn(u64, u64) -> u64) {
            into.count = op(into.count, from.count);
            into.of = op(into.of, from.of);
        }
        // Named in full, so that a count added to the accumulator cannot be left out here.
        let GroupAccumulator {
            options: _,
            predicate: _,
            n,
            n_filtered_out,
            factors,
            readiness_units,
            readiness_n,
            headline,
            by_success,
            by_sector,
            role_groups,
            role_group_n,
            role,
            role_answered,
            sector,
            sector_answered,
            areas,
            areas_answered,
            regions,
            regions_answered,
        } = other;
        self.n = op(self.n, *n);
        self.n_filtered_out = op(self.n_filtered_out, *n_filtered_out);
        for (into, from) in self.factors.iter_mut().zip(factors) {
            tally(&mut into.importance, &from.importance, op);
            tally(&mut into.prevalence, &from.prevalence, op);
            // Two's complement: the same bits as the signed sum.
            into.gap_sum = op(into.gap_sum as u64, from.gap_sum as u64) as i64;
            into.gap_n = op(into.gap_n, from.gap_n);
            into.priority_n = op(into.priority_n, from.priority_n);
        }
        self.readiness_units = op(self.readiness_units, *readiness_units);
        self.readiness_n = op(self.readiness_n, *readiness_n);
        let Headline {
            q7_important_or_critical,
            q9_collaborating_better,
            q6_successful,
            q11_little_or_none,
            q12_little_or_none,
            q4_four_or_more,
            q5_middle,
            q10_lower_three,
            q3,
        } = headline;
        let h = &mut self.headline;
        share(
            &mut h.q7_important_or_critical,
            q7_important_or_critical,
            op,
        );
        share(&mut h.q9_collaborating_better, q9_collaborating_better, op);
        share(&mut h.q6_successful, q6_successful, op);
        share(&mut h.q11_little_or_none, q11_little_or_none, op);
        share(&mut h.q12_little_or_none, q12_little_or_none, op);
        share(&mut h.q4_four_or_more, q4_four_or_more, op);
        share(&mut h.q5_middle, q5_middle, op);
        share(&mut h.q10_lower_three, q10_lower_three, op);
        for (into, from) in h.q3.iter_mut().zip(q3) {
            share(into, from, op);
        }
        for (into, from) in self.by_success.iter_mut().zip(by_success) {
            each(into, from, op);
        }
        for (into, from) in self.by_sector.iter_mut().zip(by_sector) {
            each(into, from, op);
        }
        for (into, from) in self.role_groups.iter_mut().zip(role_groups) {
            for (into, from) in into.iter_mut().zip(from) {
                each(into, from, op);
            }
        }
        each(&mut self.role_group_n, role_group_n, op);
        each(&mut self.role, role, op);
        self.role_answered = op(self.role_answered, *role_answered);
        each(&mut self.sector, sector, op);
        self.sector_answered = op(self.sector_answered, *sector_answered);
        each(&mut self.areas, areas, op);
        self.areas_answered = op(self.areas_answered, *areas_answered);
        each(&mut self.regions, regions, op);
        self.regions_answered = op(self.regions_answered, *regions_answered);
    }

    /// Derives the report. The accumulator is consumed: the report is its final state.
    pub fn finish(self) -> GroupReport {
        let min = self.options.min_group_size as u64;
        let statistics = (self.n >= min).then(|| self.statistics(min));
        GroupReport {
            n_responses: self.n,
            n_filtered_out: self.n_filtered_out,
            filter: self.options.filter.clone(),
            min_group_size: self.options.min_group_size,
            withheld: statistics.is_none(),
            statistics,
        }
    }

    fn statistics(&self, min: u64) -> GroupStatistics {
        let mut withheld = Vec::new();
        let shown = |n: u64| n == 0 || n >= min;

        let factors: Vec<FactorStats> = Factor::ALL
            .iter()
            .map(|f| {
                let t = &self.factors[f.index()];
                let importance = RatingStats::from_tally(&t.importance);
                let prevalence = RatingStats::from_tally(&t.prevalence);
                let great_deal_gap =
                    match (importance.share_great_deal, prevalence.share_great_deal) {
                        (Some(i), Some(p)) => Some(i - p),
                        _ => None,
                    };
                FactorStats {
                    factor: *f,
                    importance,
                    prevalence,
                    great_deal_gap,
                    mean_gap: (t.gap_n > 0).then(|| t.gap_sum as f64 / t.gap_n as f64),
                    n_gap: t.gap_n,
                    share_priority: (t.gap_n > 0).then(|| t.priority_n as f64 / t.gap_n as f64),
                }
            })
            .collect();
        let average = |measure: Measure, six_only: bool| {
            let means: Vec<f64> = factors
                .iter()
                .filter(|f| !six_only || f.factor.is_index_category())
                .filter_map(|f| f.measure(measure).mean)
                .collect();
            (!means.is_empty()).then(|| means.iter().sum::<f64>() / means.len() as f64)
        };

        let mut crosstab = |name: &str, keys: &[&'static str], rows: &[[u64; 5]]| {
            let columns = keys
                .iter()
                .zip(rows)
                .map(|(key, counts)| {
                    let n: u64 = counts.iter().sum();
                    let visible = shown(n);
                    if !visible {
                        withheld.push(format!("{name}.{key}"));
                    }
                    CrossTabColumn {
                        key,
                        n,
                        counts: visible.then_some(*counts),
                    }
                })
                .collect();
            CrossTab { columns }
        };
        let engagement_by_success = crosstab(
            "engagement_by_success",
            &["successful", "other"],
            &self.by_success,
        );
        let sector_keys: Vec<&'static str> = Sector::ALL.iter().map(|s| s.code()).collect();
        let engagement_by_sector = crosstab("engagement_by_sector", &sector_keys, &self.by_sector);

        let role_groups = RoleGroup::ALL
            .iter()
            .map(|g| {
                let i = *g as usize;
                let n = self.role_group_n[i];
                let visible = shown(n);
                if !visible {
                    withheld.push(format!("role_groups.{}", g.id()));
                }
                RoleGroupStats {
                    group: *g,
                    stats: visible.then(|| RoleGroupFigures {
                        n,
                        q11: RatingStats::from_tally(&Tally {
                            counts: self.role_groups[i][0],
                            n_na: 0,
                        }),
                        q12: RatingStats::from_tally(&Tally {
                            counts: self.role_groups[i][1],
                            n_na: 0,
                        }),
                    }),
                }
            })
            .collect();

        let mut breakdown = |name: &str,
                             options: &[super::instrument::AnswerOption],
                             counts: &[u64],
                             answered: u64| {
            let items = options
                .iter()
                .zip(counts)
                .map(|(o, count)| {
                    let visible = shown(*count);
                    if !visible {
                        withheld.push(format!("sample.{name}.{}", o.code));
                    }
                    BreakdownItem {
                        code: o.code,
                        count: visible.then_some(*count),
                        share: visible
                            .then(|| {
                                Share {
                                    count: *count,
                                    of: answered,
                                }
                                .value()
                            })
                            .flatten(),
                    }
                })
                .collect();
            Breakdown { answered, items }
        };
        let sample = SampleBreakdown {
            role: breakdown("role", Role::OPTIONS, &self.role, self.role_answered),
            sector: breakdown(
                "sector",
                Sector::OPTIONS,
                &self.sector,
                self.sector_answered,
            ),
            areas: breakdown("areas", Area::OPTIONS, &self.areas, self.areas_answered),
            regions: breakdown(
                "regions",
                Region::OPTIONS,
                &self.regions,
                self.regions_answered,
            ),
        };

        GroupStatistics {
            average_importance_6: average(Measure::Importance, true),
            average_importance_8: average(Measure::Importance, false),
            average_prevalence_6: average(Measure::Prevalence, true),
            average_prevalence_8: average(Measure::Prevalence, false),
            factors,
            // One division of two exact whole numbers: the correctly rounded mean.
            mean_readiness: (self.readiness_n > 0)
                .then(|| self.readiness_units as f64 / (READINESS_UNIT * self.readiness_n) as f64),
            n_readiness: self.readiness_n,
            headline: self.headline.clone(),
            engagement_by_success,
            engagement_by_sector,
            role_groups,
            sample,
            withheld_cells: withheld,
        }
    }
}

/// Statistics of one 0–3 rating over a group.
///
/// Spread and disagreement:
/// - `sd`: sample standard deviation (n − 1 in the denominator, as R's `sd()`), `None` below 2 answers.
/// - the scale midpoint is 1.5, so `share_little_or_none` (0–1) and `share_at_least_somewhat` (2–3) are
///   the shares on each side of it;
/// - `disagreement`: Leik's ordinal dispersion D = 2/(k−1) · Σ min(Fᵢ, 1 − Fᵢ) over the cumulative shares
///   F₀…F₂ (k = 4 options). 0 when everyone gave the same answer; 1 when answers split evenly between
///   "Not at all" and "A great deal". Unlike the SD it does not treat the options as equally spaced.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RatingStats {
    /// Scored answers.
    pub n: u64,
    /// "Not applicable" answers.
    pub n_na: u64,
    /// Answers 0, 1, 2, 3.
    pub counts: [u64; 4],
    /// Mean of the scored answers.
    #[serde(serialize_with = "ser_opt_f64")]
    pub mean: Option<f64>,
    /// Share answering 0–1.
    #[serde(serialize_with = "ser_opt_f64")]
    pub share_little_or_none: Option<f64>,
    /// Share answering 2.
    #[serde(serialize_with = "ser_opt_f64")]
    pub share_somewhat: Option<f64>,
    /// Share answering 3.
    #[serde(serialize_with = "ser_opt_f64")]
    pub share_great_deal: Option<f64>,
    /// Share answering 2–3.
    #[serde(serialize_with = "ser_opt_f64")]
    pub share_at_least_somewhat: Option<f64>,
    /// Sample standard deviation.
    #[serde(serialize_with = "ser_opt_f64")]
    pub sd: Option<f64>,
    /// Leik's ordinal dispersion, 0–1.
    #[serde(serialize_with = "ser_opt_f64")]
    pub disagreement: Option<f64>,
}

impl RatingStats {
    fn from_tally(t: &Tally) -> RatingStats {
        let [c0, c1, c2, c3] = t.counts;
        let n = c0 + c1 + c2 + c3;
        let share = |k: u64| (n > 0).then(|| k as f64 / n as f64);
        let sum = c1 + 2 * c2 + 3 * c3;
        let sum_sq = c1 + 4 * c2 + 9 * c3;
        // Exact in integers: n·Σx² − (Σx)² = n(n−1)·variance.
        let sd = (n >= 2).then(|| {
            let num = (u128::from(n) * u128::from(sum_sq)) - u128::from(sum) * u128::from(sum);
            (num as f64 / (n as f64 * (n - 1) as f64)).sqrt()
        });
        let disagreement = (n > 0).then(|| {
            let mut cumulative = 0;
            let total: f64 = t.counts[..3]
                .iter()
                .map(|c| {
                    cumulative += c;
                    let f = cumulative as f64 / n as f64;
                    f.min(1.0 - f)
                })
                .sum();
            2.0 / 3.0 * total
        });
        RatingStats {
            n,
            n_na: t.n_na,
            counts: t.counts,
            mean: share(sum),
            share_little_or_none: share(c0 + c1),
            share_somewhat: share(c2),
            share_great_deal: share(c3),
            share_at_least_somewhat: share(c2 + c3),
            sd,
            disagreement,
        }
    }
}

/// One factor over a group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorStats {
    /// The factor.
    #[serde(skip)]
    pub factor: Factor,
    /// q13.
    pub importance: RatingStats,
    /// q14.
    pub prevalence: RatingStats,
    /// Share "a great deal" for importance − the same for prevalence (§2.3's gap).
    #[serde(serialize_with = "ser_opt_f64")]
    pub great_deal_gap: Option<f64>,
    /// Mean of the individual gaps (importance − prevalence) of respondents who scored both.
    #[serde(serialize_with = "ser_opt_f64")]
    pub mean_gap: Option<f64>,
    /// Respondents who scored both.
    pub n_gap: u64,
    /// Share of those for whom the factor is a priority (gap ≥ 2, or importance ≥ 2 and prevalence ≤ 1).
    #[serde(serialize_with = "ser_opt_f64")]
    pub share_priority: Option<f64>,
}

impl FactorStats {
    /// The statistics of one measure.
    pub fn measure(&self, measure: Measure) -> &RatingStats {
        match measure {
            Measure::Importance => &self.importance,
            Measure::Prevalence => &self.prevalence,
        }
    }
}

/// The headline shares (`instrument.md` §3): each a count over the respondents who answered that
/// question; q3–q6 only among q1 = `yes`; q6 includes "too early" in the denominator; q10 leaves out
/// "not applicable".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    /// q7 important or critical.
    pub q7_important_or_critical: Share,
    /// q9 collaborating achieves better outcomes.
    pub q9_collaborating_better: Share,
    /// q6 very or somewhat successful.
    pub q6_successful: Share,
    /// q11 not at all or a little.
    pub q11_little_or_none: Share,
    /// q12 not at all or a little.
    pub q12_little_or_none: Share,
    /// q4 four or more organisations.
    pub q4_four_or_more: Share,
    /// q5 middle management.
    pub q5_middle: Share,
    /// q10 inform, consult or involve.
    pub q10_lower_three: Share,
    /// q3 per stakeholder type, in [`Stakeholder::ALL`] order.
    pub q3: Vec<Share>,
}

impl Default for Headline {
    fn default() -> Self {
        Headline {
            q7_important_or_critical: Share::default(),
            q9_collaborating_better: Share::default(),
            q6_successful: Share::default(),
            q11_little_or_none: Share::default(),
            q12_little_or_none: Share::default(),
            q4_four_or_more: Share::default(),
            q5_middle: Share::default(),
            q10_lower_three: Share::default(),
            q3: vec![Share::default(); Stakeholder::ALL.len()],
        }
    }
}

impl Headline {
    /// The single-share headlines with their report keys, in report order.
    pub fn entries(&self) -> [(&'static str, Share); 8] {
        [
            ("q7_important_or_critical", self.q7_important_or_critical),
            ("q9_collaborating_better", self.q9_collaborating_better),
            ("q6_successful", self.q6_successful),
            ("q11_little_or_none", self.q11_little_or_none),
            ("q12_little_or_none", self.q12_little_or_none),
            ("q4_four_or_more", self.q4_four_or_more),
            ("q5_middle", self.q5_middle),
            ("q10_lower_three", self.q10_lower_three),
        ]
    }

    /// The q3 share of one stakeholder type.
    pub fn q3_share(&self, stakeholder: Stakeholder) -> Share {
        self.q3[stakeholder.index()]
    }
}

/// `{code: value}` in option order, values rounded.
struct RoundedMap<'a>(Vec<(&'a str, Option<f64>)>);

impl Serialize for RoundedMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, &v.map(round4))?;
        }
        map.end()
    }
}

impl Serialize for Headline {
    /// The fixture's shape (`"q7_important_or_critical": 0.525`, `"q3_share": {…}`) plus `counts` with
    /// every numerator and denominator.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (key, share) in self.entries() {
            map.serialize_entry(key, &share.value().map(round4))?;
        }
        let q3 = RoundedMap(
            Stakeholder::ALL
                .iter()
                .map(|st| (st.code(), self.q3_share(*st).value()))
                .collect(),
        );
        map.serialize_entry("q3_share", &q3)?;
        let mut counts: Vec<(String, Share)> = self
            .entries()
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        counts.extend(
            Stakeholder::ALL
                .iter()
                .map(|st| (format!("q3_{}", st.code()), self.q3_share(*st))),
        );
        map.serialize_entry("counts", &CountsMap(&counts))?;
        map.end()
    }
}

struct CountsMap<'a>(&'a [(String, Share)]);

impl Serialize for CountsMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// One column of a cross-tab over the five engagement steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrossTabColumn {
    /// Column key (`"successful"`, `"public"`).
    pub key: &'static str,
    /// Respondents in the column.
    pub n: u64,
    /// Counts per step inform…empower; `None` when withheld (fewer than the minimum group size).
    pub counts: Option<[u64; 5]>,
}

/// A cross-tab: q10 step × a grouping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrossTab {
    /// Columns in report order.
    pub columns: Vec<CrossTabColumn>,
}

impl CrossTab {
    /// The column with this key.
    pub fn column(&self, key: &str) -> Option<&CrossTabColumn> {
        self.columns.iter().find(|c| c.key == key)
    }
}

impl Serialize for CrossTab {
    /// `{column: {step: count}}`, a withheld column as `null`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Steps<'a>(&'a [u64; 5]);
        impl Serialize for Steps<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(5))?;
                for (step, count) in Engagement::STEPS.iter().zip(self.0) {
                    map.serialize_entry(step.code(), count)?;
                }
                map.end()
            }
        }
        let mut map = s.serialize_map(Some(self.columns.len()))?;
        for c in &self.columns {
            map.serialize_entry(c.key, &c.counts.as_ref().map(Steps))?;
        }
        map.end()
    }
}

/// q11/q12 for one role group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleGroupFigures {
    /// Respondents in the group (q15 answered).
    pub n: u64,
    /// q11 (values and incentivises collaboration).
    pub q11: RatingStats,
    /// q12 (provides the tools).
    pub q12: RatingStats,
}

/// One role group; `stats` is `None` when the group is withheld.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleGroupStats {
    /// The group.
    pub group: RoleGroup,
    /// Its figures, unless withheld.
    pub stats: Option<RoleGroupFigures>,
}

fn ser_role_groups<S: Serializer>(groups: &[RoleGroupStats], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(groups.len()))?;
    for g in groups {
        map.serialize_entry(g.group.id(), &g.stats)?;
    }
    map.end()
}

/// One category of the sample breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakdownItem {
    /// Option code.
    pub code: &'static str,
    /// Respondents choosing it; `None` when withheld.
    pub count: Option<u64>,
    /// `count / answered`; `None` when withheld or nobody answered.
    pub share: Option<f64>,
}

/// The breakdown of one "about you" question.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    /// Respondents who answered the question (for q17/q18: ticked at least one option).
    pub answered: u64,
    /// Categories in option order.
    pub items: Vec<BreakdownItem>,
}

impl Serialize for Breakdown {
    /// `{"answered": n, "items": {code: {"count": c, "share": s} | null}}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Item {
            count: u64,
            #[serde(serialize_with = "ser_opt_f64")]
            share: Option<f64>,
        }
        struct Items<'a>(&'a [BreakdownItem]);
        impl Serialize for Items<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.0.len()))?;
                for i in self.0 {
                    let item = i.count.map(|count| Item {
                        count,
                        share: i.share,
                    });
                    map.serialize_entry(i.code, &item)?;
                }
                map.end()
            }
        }
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("answered", &self.answered)?;
        map.serialize_entry("items", &Items(&self.items))?;
        map.end()
    }
}

/// Who answered (q15–q18; Appendix 2's breakdown).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SampleBreakdown {
    /// q15.
    pub role: Breakdown,
    /// q16.
    pub sector: Breakdown,
    /// q17 (several allowed: shares add up to more than 1).
    pub areas: Breakdown,
    /// q18 (several allowed).
    pub regions: Breakdown,
}

fn ser_factors<S: Serializer>(factors: &[FactorStats], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(factors.len()))?;
    for f in factors {
        map.serialize_entry(f.factor.id(), f)?;
    }
    map.end()
}

/// The statistics of a group report (absent when the group is below the minimum size).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupStatistics {
    /// The eight factors in display order (JSON: a map keyed by factor id).
    #[serde(serialize_with = "ser_factors")]
    pub factors: Vec<FactorStats>,
    /// Mean of the six index categories' importance means (§2.3 "average importance score"; mean of
    /// means **\[decision\]**). Factors without any scored answer are left out of the mean.
    #[serde(serialize_with = "ser_opt_f64")]
    pub average_importance_6: Option<f64>,
    /// The same over all eight factors.
    #[serde(serialize_with = "ser_opt_f64")]
    pub average_importance_8: Option<f64>,
    /// Mean of the six index categories' prevalence means.
    #[serde(serialize_with = "ser_opt_f64")]
    pub average_prevalence_6: Option<f64>,
    /// The same over all eight factors.
    #[serde(serialize_with = "ser_opt_f64")]
    pub average_prevalence_8: Option<f64>,
    /// Mean of the respondents' own readiness (prevalence index), over respondents who have one.
    #[serde(serialize_with = "ser_opt_f64")]
    pub mean_readiness: Option<f64>,
    /// Respondents with a readiness score.
    pub n_readiness: u64,
    /// Headline shares.
    pub headline: Headline,
    /// q10 step × success of the q6 project.
    ///
    /// Counted: respondents with q1 = `yes` (so q6 describes their project), q6 answered, and q10
    /// answered with a step (not "not applicable"). `successful` = very or somewhat successful;
    /// `other` = somewhat or very unsuccessful and "too early to say". In the 40-response fixture this
    /// gives 11 + 18 = 29 of 40.
    pub engagement_by_success: CrossTab,
    /// q10 step × q16 sector: respondents with q16 answered and q10 at a step.
    pub engagement_by_sector: CrossTab,
    /// q11/q12 for chief and deputy chief executives vs everyone else (q15 answered).
    #[serde(serialize_with = "ser_role_groups")]
    pub role_groups: Vec<RoleGroupStats>,
    /// Who answered.
    pub sample: SampleBreakdown,
    /// Breakdown cells withheld for privacy, as `section.key` paths.
    pub withheld_cells: Vec<String>,
}

impl GroupStatistics {
    /// One factor's statistics.
    pub fn factor(&self, factor: Factor) -> &FactorStats {
        &self.factors[factor.index()]
    }
}

/// A group report. Serialises to the shape of `group-40.expected.json` (figures rounded to four
/// decimals) plus extra keys.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupReport {
    /// Respondents covered (after filtering).
    pub n_responses: u64,
    /// Respondents left out by the filter.
    pub n_filtered_out: u64,
    /// The filter applied.
    pub filter: ResponseFilter,
    /// The minimum group size applied.
    pub min_group_size: usize,
    /// True when the whole report is withheld (fewer respondents than the minimum group size).
    pub withheld: bool,
    /// The statistics, unless withheld.
    #[serde(flatten)]
    pub statistics: Option<GroupStatistics>,
}

impl GroupReport {
    /// Builds a report from responses held in memory (convenience over [`GroupAccumulator`]).
    pub fn from_responses<'a>(
        responses: impl IntoIterator<Item = &'a Response>,
        options: GroupOptions,
    ) -> GroupReport {
        let mut acc = GroupAccumulator::new(options);
        for r in responses {
            acc.add(r);
        }
        acc.finish()
    }
}

/// How many of a group's responses point to one area of action: each response scored on its own, as
/// its results page scores it ([`super::scoring::score`]), so that the group's areas are the ones its
/// members' answers point to, for the same reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaCount {
    /// The area.
    pub area: ActionArea,
    /// Responses it applies to.
    pub responses: u64,
    /// Each of the area's triggers, in the area's order, with the responses it applies to.
    pub because: Vec<(Trigger, u64)>,
}

/// The four areas of action in the report's order, each with the responses that point to it.
pub fn action_area_counts<'a>(responses: impl IntoIterator<Item = &'a Response>) -> Vec<AreaCount> {
    let mut counts: Vec<AreaCount> = ActionArea::ALL
        .iter()
        .map(|area| AreaCount {
            area: *area,
            responses: 0,
            because: area.triggers().iter().map(|t| (*t, 0)).collect(),
        })
        .collect();
    for response in responses {
        let answers = response.answers();
        for c in &mut counts {
            let mut any = false;
            for (trigger, n) in &mut c.because {
                if trigger.applies(answers) {
                    *n += 1;
                    any = true;
                }
            }
            c.responses += u64::from(any);
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_counts_are_the_areas_each_response_scores_on_its_own() {
        use crate::engine::instrument::Field;
        use crate::engine::scoring::score;
        let mut responses = Vec::new();
        for (i, (behaviours, q11, q10)) in [
            ("0", "0", "inform"),
            ("3", "1", "empower"),
            ("3", "3", "consult"),
            ("2", "2", "involve"),
        ]
        .into_iter()
        .enumerate()
        {
            let mut r = Response::new(format!("r{i}"));
            r.choose(
                Field::Score(Measure::Prevalence, Factor::Behaviours),
                behaviours,
            )
            .unwrap();
            r.choose(Field::Q11, q11).unwrap();
            r.choose(Field::Q10, q10).unwrap();
            responses.push(r);
        }
        let counts = action_area_counts(&responses);
        assert_eq!(
            counts.iter().map(|c| c.area).collect::<Vec<_>>(),
            ActionArea::ALL
        );
        for c in &counts {
            let scored = responses
                .iter()
                .filter(|r| score(r).action_areas.iter().any(|m| m.area == c.area))
                .count() as u64;
            assert_eq!(c.responses, scored, "{:?}", c.area);
        }
        let leadership = &counts[0];
        assert_eq!(leadership.responses, 2);
        assert_eq!(
            leadership.because,
            [
                (Trigger::Factor(Factor::Behaviours), 1),
                (Trigger::Incentives, 2)
            ]
        );
        assert_eq!(
            counts[2].because,
            [
                (Trigger::Factor(Factor::Citizens), 0),
                (Trigger::LowEngagement, 2)
            ]
        );
        assert_eq!(counts[3].responses, 0);
        assert!(action_area_counts(&[]).iter().all(|c| c.responses == 0));
    }

    #[test]
    fn leik_dispersion_extremes() {
        let same = RatingStats::from_tally(&Tally {
            counts: [0, 0, 7, 0],
            n_na: 0,
        });
        assert_eq!(same.disagreement, Some(0.0));
        assert_eq!(same.sd, Some(0.0));
        let split = RatingStats::from_tally(&Tally {
            counts: [5, 0, 0, 5],
            n_na: 2,
        });
        assert_eq!(split.disagreement, Some(1.0));
        assert_eq!(split.mean, Some(1.5));
        let one = RatingStats::from_tally(&Tally {
            counts: [0, 1, 0, 0],
            n_na: 0,
        });
        assert_eq!(one.sd, None);
        let none = RatingStats::from_tally(&Tally::default());
        assert_eq!(none.mean, None);
        assert_eq!(none.disagreement, None);
    }

    #[test]
    fn sample_sd_matches_the_textbook_formula() {
        // 0, 1, 1, 3: mean 1.25, squared deviations 1.5625 + 0.0625·2 + 3.0625 = 4.75, / 3.
        let s = RatingStats::from_tally(&Tally {
            counts: [1, 2, 0, 1],
            n_na: 0,
        });
        assert!((s.sd.unwrap() - (4.75f64 / 3.0).sqrt()).abs() < 1e-12);
    }
}
