//! Action plans: what a person (on their results) or a group (on its report) agrees to do about the
//! factors and areas of action the answers point to. One model for both: a [`Plan`] holds the topics
//! chosen to work on and the actions under them, and changes only through [`Plan::edit`], so that the
//! book's reducer and the group store apply the same edits to the latest stored copy.
//!
//! Also here: the checks on what a person types ([`Draft::check`], in plain words), the topics the
//! answers suggest, the actions CSV (with the export's spreadsheet formula guard) and reading a plan
//! that came from elsewhere (a file, a share link, damaged storage) without trusting it. Pure.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::engine::aggregate::GroupStatistics;
use crate::engine::csv_format::{guard_formula, unguard_formula};
use crate::engine::instrument::Factor;
use crate::engine::scoring::{ActionArea, ResponseScore, Trigger};
use crate::model::format::{is_date, long_day};

/// The longest "what", in characters: a few sentences, enough for any action, short enough to print.
pub const MAX_WHAT_CHARS: usize = 500;
/// The longest "who", in characters.
pub const MAX_WHO_CHARS: usize = 120;
/// The most actions one plan holds: far more than any meeting agrees, few enough to print and store.
pub const MAX_ACTIONS: usize = 200;

/// What an action is about: one of the eight factors or one of the four areas of action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Topic {
    Area(ActionArea),
    Factor(Factor),
}

impl Topic {
    /// Every topic: the four areas of action, then the eight factors, in the report's order.
    pub fn all() -> Vec<Topic> {
        ActionArea::ALL
            .iter()
            .map(|a| Topic::Area(*a))
            .chain(Factor::ALL.iter().map(|f| Topic::Factor(*f)))
            .collect()
    }

    /// Stable id, as stored: `area:leadership`, `factor:places` (an area and a factor may share a
    /// short id, so the kind is part of it).
    pub fn id(self) -> String {
        match self {
            Topic::Area(a) => format!("area:{}", a.id()),
            Topic::Factor(f) => format!("factor:{}", f.id()),
        }
    }

    /// The topic with this id.
    pub fn from_id(id: &str) -> Option<Topic> {
        Topic::all().into_iter().find(|t| t.id() == id)
    }

    /// Its name as people read it.
    pub fn name(self) -> &'static str {
        match self {
            Topic::Area(a) => a.title(),
            Topic::Factor(f) => f.name(),
        }
    }

    /// The topic with this name (as the actions CSV writes it), ignoring case and spaces around it.
    pub fn from_name(name: &str) -> Option<Topic> {
        let name = name.trim();
        Topic::all()
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(name) || t.id() == name)
    }

    /// "Area of action" or "Factor".
    pub fn kind(self) -> &'static str {
        match self {
            Topic::Area(_) => "Area of action",
            Topic::Factor(_) => "Factor",
        }
    }
}

impl From<Topic> for String {
    fn from(t: Topic) -> String {
        t.id()
    }
}

impl TryFrom<String> for Topic {
    type Error = String;
    fn try_from(id: String) -> Result<Topic, String> {
        Topic::from_id(&id).ok_or_else(|| format!("unknown topic {id:?}"))
    }
}

/// How far an action has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Planned,
    Started,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Planned, Status::Started, Status::Done];

    /// Stable id, as stored.
    pub fn id(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Started => "started",
            Status::Done => "done",
        }
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Planned => "Planned",
            Status::Started => "Started",
            Status::Done => "Done",
        }
    }

    /// The status with this id or label, ignoring case.
    pub fn parse(text: &str) -> Option<Status> {
        let text = text.trim();
        Status::ALL
            .into_iter()
            .find(|s| s.id().eq_ignore_ascii_case(text) || s.label().eq_ignore_ascii_case(text))
    }
}

/// One action of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    /// Unique in its plan; made by the browser when the action is added.
    pub id: String,
    pub topic: Topic,
    /// What will be done (never empty).
    pub what: String,
    /// Who will do it (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// By when: an ISO date (`2027-03-31`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default)]
    pub status: Status,
}

/// What the person typed into the action editor, before it is checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub topic: Option<Topic>,
    pub what: String,
    pub who: String,
    /// As typed or as a date input gives it (`2027-03-31`); empty for no date.
    pub by: String,
    pub status: Status,
}

/// Which input of the editor a problem is about, so that the message is shown beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Topic,
    What,
    Who,
    By,
}

/// Why a draft cannot be saved, in words a person understands.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error("Choose the factor or area of action this is about.")]
    NoTopic,
    #[error("Say what will be done.")]
    NoWhat,
    #[error("What will be done can be at most {MAX_WHAT_CHARS} characters long (this is {0}).")]
    WhatTooLong(usize),
    #[error("Who will do it can be at most {MAX_WHO_CHARS} characters long (this is {0}).")]
    WhoTooLong(usize),
    #[error(
        "\u{201c}{0}\u{201d} is not a date. Give the day, month and year, for example 2027-03-31."
    )]
    NotADate(String),
}

impl DraftError {
    /// The input the problem is about.
    pub fn input(&self) -> Input {
        match self {
            DraftError::NoTopic => Input::Topic,
            DraftError::NoWhat | DraftError::WhatTooLong(_) => Input::What,
            DraftError::WhoTooLong(_) => Input::Who,
            DraftError::NotADate(_) => Input::By,
        }
    }
}

/// Text as stored: trimmed, with line breaks and tabs made spaces (each input is one line).
fn tidy(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl Draft {
    /// A draft holding an action, to edit it.
    pub fn of(action: &PlanAction) -> Draft {
        Draft {
            topic: Some(action.topic),
            what: action.what.clone(),
            who: action.who.clone(),
            by: action.by.clone().unwrap_or_default(),
            status: action.status,
        }
    }

    /// The action this draft makes under `id`, or every reason it cannot be saved.
    pub fn check(&self, id: &str) -> Result<PlanAction, Vec<DraftError>> {
        let mut problems = Vec::new();
        let what = tidy(&self.what);
        let who = tidy(&self.who);
        let by = self.by.trim();
        if self.topic.is_none() {
            problems.push(DraftError::NoTopic);
        }
        let what_len = what.chars().count();
        if what.is_empty() {
            problems.push(DraftError::NoWhat);
        } else if what_len > MAX_WHAT_CHARS {
            problems.push(DraftError::WhatTooLong(what_len));
        }
        let who_len = who.chars().count();
        if who_len > MAX_WHO_CHARS {
            problems.push(DraftError::WhoTooLong(who_len));
        }
        if !by.is_empty() && !is_date(by) {
            problems.push(DraftError::NotADate(by.chars().take(40).collect()));
        }
        match (self.topic, problems.is_empty()) {
            (Some(topic), true) => Ok(PlanAction {
                id: id.to_string(),
                topic,
                what,
                who,
                by: (!by.is_empty()).then(|| by.to_string()),
                status: self.status,
            }),
            _ => Err(problems),
        }
    }
}

/// A plan: the topics chosen to work on, in the order chosen, and the actions, in the order added.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<PlanAction>,
}

/// A change to a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanEdit {
    /// Choose (`on`) a topic to work on, or stop working on one that has no actions.
    Choose { topic: Topic, on: bool },
    /// Add an action under a new id (its topic is chosen with it).
    Add { id: String, draft: Draft },
    /// Change an action.
    Update { id: String, draft: Draft },
    /// Change only an action's status.
    SetStatus { id: String, status: Status },
    /// Remove an action.
    Remove { id: String },
    /// Add what another copy of the plan holds (an imported file): its topics and every action
    /// whose id this plan does not have yet.
    Merge(Plan),
}

/// Why an edit could not be made; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("{}", join_problems(.0))]
    Invalid(Vec<DraftError>),
    #[error("That action is no longer in the plan: it may have been removed in another tab.")]
    NoSuchAction,
    #[error("An action with that id is already in the plan.")]
    DuplicateId,
    #[error("A plan can hold at most {MAX_ACTIONS} actions.")]
    Full,
    #[error("\u{201c}{0}\u{201d} still has actions. Remove them first to stop working on it.")]
    TopicHasActions(&'static str),
}

fn join_problems(problems: &[DraftError]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Plan {
    /// True when nothing was chosen or planned.
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty() && self.actions.is_empty()
    }

    /// The action with this id.
    pub fn get(&self, id: &str) -> Option<&PlanAction> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The actions about one topic, in the order added.
    pub fn actions_on(&self, topic: Topic) -> impl Iterator<Item = &PlanAction> {
        self.actions.iter().filter(move |a| a.topic == topic)
    }

    fn choose(&mut self, topic: Topic) {
        if !self.topics.contains(&topic) {
            self.topics.push(topic);
        }
    }

    /// Applies one edit; on error nothing changes. Returns whether anything changed (an edit that
    /// is already true, as when two tabs choose one topic, changes nothing).
    pub fn edit(&mut self, edit: PlanEdit) -> Result<bool, PlanError> {
        let before = self.clone();
        match edit {
            PlanEdit::Choose { topic, on: true } => self.choose(topic),
            PlanEdit::Choose { topic, on: false } => {
                if self.actions_on(topic).next().is_some() {
                    return Err(PlanError::TopicHasActions(topic.name()));
                }
                self.topics.retain(|t| *t != topic);
            }
            PlanEdit::Add { id, draft } => {
                if self.get(&id).is_some() {
                    return Err(PlanError::DuplicateId);
                }
                if self.actions.len() >= MAX_ACTIONS {
                    return Err(PlanError::Full);
                }
                let action = draft.check(&id).map_err(PlanError::Invalid)?;
                self.choose(action.topic);
                self.actions.push(action);
            }
            PlanEdit::Update { id, draft } => {
                let action = draft.check(&id).map_err(PlanError::Invalid)?;
                let at = self
                    .actions
                    .iter()
                    .position(|a| a.id == id)
                    .ok_or(PlanError::NoSuchAction)?;
                self.choose(action.topic);
                self.actions[at] = action;
            }
            PlanEdit::SetStatus { id, status } => {
                self.actions
                    .iter_mut()
                    .find(|a| a.id == id)
                    .ok_or(PlanError::NoSuchAction)?
                    .status = status;
            }
            PlanEdit::Remove { id } => {
                self.get(&id).ok_or(PlanError::NoSuchAction)?;
                self.actions.retain(|a| a.id != id);
            }
            PlanEdit::Merge(other) => {
                let other = other.checked();
                for topic in other.topics {
                    self.choose(topic);
                }
                for action in other.actions {
                    if self.actions.len() < MAX_ACTIONS && self.get(&action.id).is_none() {
                        self.choose(action.topic);
                        self.actions.push(action);
                    }
                }
            }
        }
        Ok(*self != before)
    }

    /// The plan without anything a plan made here could not hold (for one read from a file or a
    /// link): actions that fail the editor's checks, repeated ids and actions beyond
    /// [`MAX_ACTIONS`] are left out, repeated topics kept once.
    pub fn checked(self) -> Plan {
        let mut out = Plan::default();
        for topic in self.topics {
            out.choose(topic);
        }
        let mut ids = HashSet::new();
        for action in self.actions {
            if out.actions.len() >= MAX_ACTIONS || action.id.trim().is_empty() {
                continue;
            }
            if let Ok(good) = Draft::of(&action).check(&action.id) {
                if ids.insert(good.id.clone()) {
                    out.choose(good.topic);
                    out.actions.push(good);
                }
            }
        }
        out
    }

    /// Reads a stored plan part by part: every topic and action that reads is kept; returns whether
    /// anything could not be read (the caller keeps the stored text aside).
    pub fn read_lenient(raw: &str) -> (Plan, bool) {
        #[derive(Deserialize)]
        struct Parts {
            #[serde(default)]
            topics: Vec<Box<RawValue>>,
            #[serde(default)]
            actions: Vec<Box<RawValue>>,
        }
        let Ok(parts) = serde_json::from_str::<Parts>(raw) else {
            return (Plan::default(), true);
        };
        let mut lost = false;
        let mut plan = Plan::default();
        for t in parts.topics {
            match serde_json::from_str::<Topic>(t.get()) {
                Ok(t) => plan.choose(t),
                Err(_) => lost = true,
            }
        }
        for a in parts.actions {
            match serde_json::from_str::<PlanAction>(a.get()) {
                Ok(a) => plan.actions.push(a),
                Err(_) => lost = true,
            }
        }
        (plan, lost)
    }
}

impl Plan {
    /// The plan as a file or a link carries it (none when empty, so that a file without a plan
    /// stays readable by versions that know no plans).
    pub fn to_json(&self) -> Option<Box<RawValue>> {
        (!self.is_empty())
            .then(|| serde_json::value::to_raw_value(self).expect("a plan always serialises"))
    }

    /// The plan a file or a link carried, checked as if it had been typed here ([`Plan::checked`]);
    /// `Err` when it is not a plan at all (the answers beside it are still good).
    pub fn from_json(text: &str) -> Result<Plan, NotAPlan> {
        serde_json::from_str::<Plan>(text)
            .map(Plan::checked)
            .map_err(|_| NotAPlan)
    }
}

/// A file or link whose action plan could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("The action plan in it could not be read, so only the answers were taken.")]
pub struct NotAPlan;

/// The topics a person's answers suggest working on: the areas of action that apply, then the
/// priority factors (importance well above prevalence), each in the report's order.
pub fn suggested(score: &ResponseScore) -> Vec<Topic> {
    score
        .action_areas
        .iter()
        .map(|m| Topic::Area(m.area))
        .chain(score.priorities.iter().map(|f| Topic::Factor(*f)))
        .collect()
}

/// The topics a group's answers suggest working on (nothing when the report is withheld): the areas
/// of action whose factors the group on average rates little or not present (a mean prevalence of
/// 1 or less), then the factors that are a priority for at least half of those who rated them, most
/// shared first.
pub fn group_suggested(stats: Option<&GroupStatistics>) -> Vec<Topic> {
    let Some(stats) = stats else {
        return Vec::new();
    };
    let weak = |f: Factor| {
        stats.factors[f.index()]
            .prevalence
            .mean
            .is_some_and(|m| m <= 1.0)
    };
    let areas = ActionArea::ALL.into_iter().filter(|a| {
        a.triggers()
            .iter()
            .any(|t| matches!(t, Trigger::Factor(f) if weak(*f)))
    });
    let mut factors: Vec<(Factor, f64)> = stats
        .factors
        .iter()
        .filter_map(|f| Some((f.factor, f.share_priority?)))
        .filter(|(_, share)| *share >= 0.5)
        .collect();
    factors.sort_by(|a, b| b.1.total_cmp(&a.1));
    areas
        .map(Topic::Area)
        .chain(factors.into_iter().map(|(f, _)| Topic::Factor(f)))
        .collect()
}

/// Every topic to choose from: the suggested ones first (marked `true`), then the others.
pub fn offered(suggested: &[Topic]) -> Vec<(Topic, bool)> {
    let rest = Topic::all()
        .into_iter()
        .filter(|t| !suggested.contains(t))
        .map(|t| (t, false));
    suggested.iter().map(|t| (*t, true)).chain(rest).collect()
}

/// How an action's date reads in a list: "By 31 March 2027", or that none is set.
pub fn by_text(action: &PlanAction) -> String {
    action.by.as_deref().map_or_else(
        || "No date set".to_string(),
        |d| format!("By {}", long_day(d)),
    )
}

/// The actions CSV's header.
pub const CSV_HEADER: [&str; 5] = ["Topic", "What", "Who", "By when", "Status"];

/// The actions as CSV (UTF-8 with a BOM, CRLF, as the app's other CSV files, so that spreadsheets
/// open it as UTF-8): one row per action, topic by topic in the order chosen. Every cell a person
/// typed carries the spreadsheet formula guard.
pub fn to_csv(plan: &Plan) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    writer
        .write_record(CSV_HEADER)
        .expect("writing CSV to memory cannot fail");
    let mut order: Vec<Topic> = plan.topics.clone();
    for a in &plan.actions {
        if !order.contains(&a.topic) {
            order.push(a.topic);
        }
    }
    for topic in order {
        for a in plan.actions_on(topic) {
            writer
                .write_record([
                    topic.name(),
                    &guard_formula(&a.what),
                    &guard_formula(&a.who),
                    a.by.as_deref().unwrap_or(""),
                    a.status.label(),
                ])
                .expect("writing CSV to memory cannot fail");
        }
    }
    writer.into_inner().expect("flushing to memory cannot fail")
}

/// Why an actions CSV could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("This is not an actions file: its first line should be {}.", CSV_HEADER.join(", "))]
    NotActions,
    #[error("Row {row}: {problem}")]
    Row { row: usize, problem: String },
}

/// Reads an actions CSV as written by [`to_csv`] (its guard undone) into drafts, in file order.
pub fn from_csv(bytes: &[u8]) -> Result<Vec<Draft>, CsvError> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.records();
    let header = records
        .next()
        .and_then(Result::ok)
        .ok_or(CsvError::NotActions)?;
    if header.iter().collect::<Vec<_>>() != CSV_HEADER {
        return Err(CsvError::NotActions);
    }
    let mut drafts = Vec::new();
    for (i, record) in records.enumerate() {
        let row = i + 2;
        let record = record.map_err(|e| CsvError::Row {
            row,
            problem: e.to_string(),
        })?;
        let cell = |n: usize| record.get(n).unwrap_or("");
        let topic = Topic::from_name(cell(0)).ok_or_else(|| CsvError::Row {
            row,
            problem: format!(
                "\u{201c}{}\u{201d} is not a factor or an area of action.",
                cell(0)
            ),
        })?;
        let status = Status::parse(cell(4)).ok_or_else(|| CsvError::Row {
            row,
            problem: format!("\u{201c}{}\u{201d} is not a status.", cell(4)),
        })?;
        drafts.push(Draft {
            topic: Some(topic),
            what: unguard_formula(cell(1)).to_string(),
            who: unguard_formula(cell(2)).to_string(),
            by: cell(3).to_string(),
            status,
        });
    }
    Ok(drafts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::response::Response;
    use proptest::prelude::*;

    fn draft(topic: Topic, what: &str, who: &str, by: &str) -> Draft {
        Draft {
            topic: Some(topic),
            what: what.into(),
            who: who.into(),
            by: by.into(),
            status: Status::Planned,
        }
    }

    const PLACES: Topic = Topic::Factor(Factor::Places);
    const LEAD: Topic = Topic::Area(ActionArea::CollaborativeLeadership);

    #[test]
    fn drafts_are_checked_with_plain_words() {
        let long_what = "w".repeat(MAX_WHAT_CHARS + 1);
        let long_who = "é".repeat(MAX_WHO_CHARS + 1);
        let cases: Vec<(Draft, Vec<DraftError>)> = vec![
            (draft(PLACES, "Map the partners", "", ""), vec![]),
            (draft(PLACES, "  Map  ", "Sam", "2027-02-28"), vec![]),
            (draft(PLACES, "x", "", "2028-02-29"), vec![]),
            (draft(PLACES, "   ", "", ""), vec![DraftError::NoWhat]),
            (
                Draft {
                    topic: None,
                    ..draft(PLACES, "x", "", "")
                },
                vec![DraftError::NoTopic],
            ),
            (
                draft(PLACES, &long_what, "", ""),
                vec![DraftError::WhatTooLong(MAX_WHAT_CHARS + 1)],
            ),
            (
                draft(PLACES, "x", &long_who, ""),
                vec![DraftError::WhoTooLong(MAX_WHO_CHARS + 1)],
            ),
            (
                draft(PLACES, "x", "", "2027-02-29"),
                vec![DraftError::NotADate("2027-02-29".into())],
            ),
            (
                draft(PLACES, "x", "", "next week"),
                vec![DraftError::NotADate("next week".into())],
            ),
            (
                draft(PLACES, "x", "", "2027-03-31T10:00:00Z"),
                vec![DraftError::NotADate("2027-03-31T10:00:00Z".into())],
            ),
            (
                draft(PLACES, "", "", "31/03/2027"),
                vec![
                    DraftError::NoWhat,
                    DraftError::NotADate("31/03/2027".into()),
                ],
            ),
        ];
        for (d, expected) in cases {
            match d.check("a1") {
                Ok(action) => {
                    assert!(expected.is_empty(), "{d:?} passed, expected {expected:?}");
                    assert_eq!(action.what, d.what.trim());
                    assert_eq!(action.by.is_some(), !d.by.is_empty());
                }
                Err(problems) => assert_eq!(problems, expected, "{d:?}"),
            }
        }
        assert_eq!(
            DraftError::NotADate("soon".into()).to_string(),
            "\u{201c}soon\u{201d} is not a date. Give the day, month and year, for example 2027-03-31."
        );
        assert_eq!(DraftError::NoWhat.input(), Input::What);
        assert_eq!(DraftError::NotADate(String::new()).input(), Input::By);
        // Line breaks pasted into a one-line input become spaces.
        let tidied = draft(PLACES, "one\ntwo\tthree", "", "").check("x").unwrap();
        assert_eq!(tidied.what, "one two three");
    }

    #[test]
    fn edits_add_change_and_remove_and_refuse_without_changing_anything() {
        let mut plan = Plan::default();
        assert_eq!(
            plan.edit(PlanEdit::Choose {
                topic: LEAD,
                on: true
            }),
            Ok(true)
        );
        assert_eq!(
            plan.edit(PlanEdit::Choose {
                topic: LEAD,
                on: true
            }),
            Ok(false),
            "choosing twice (two tabs) changes nothing"
        );
        plan.edit(PlanEdit::Add {
            id: "a1".into(),
            draft: draft(PLACES, "Map the partners", "Sam", "2027-03-31"),
        })
        .unwrap();
        assert_eq!(plan.topics, [LEAD, PLACES], "adding chooses the topic");
        let before = plan.clone();
        let refused = [
            (
                PlanEdit::Add {
                    id: "a1".into(),
                    draft: draft(PLACES, "Again", "", ""),
                },
                PlanError::DuplicateId,
            ),
            (
                PlanEdit::Add {
                    id: "a2".into(),
                    draft: draft(PLACES, "", "", ""),
                },
                PlanError::Invalid(vec![DraftError::NoWhat]),
            ),
            (
                PlanEdit::Update {
                    id: "gone".into(),
                    draft: draft(PLACES, "x", "", ""),
                },
                PlanError::NoSuchAction,
            ),
            (
                PlanEdit::SetStatus {
                    id: "gone".into(),
                    status: Status::Done,
                },
                PlanError::NoSuchAction,
            ),
            (
                PlanEdit::Remove { id: "gone".into() },
                PlanError::NoSuchAction,
            ),
            (
                PlanEdit::Choose {
                    topic: PLACES,
                    on: false,
                },
                PlanError::TopicHasActions("Collaborative Places"),
            ),
        ];
        for (edit, error) in refused {
            assert_eq!(plan.edit(edit.clone()), Err(error), "{edit:?}");
            assert_eq!(plan, before, "{edit:?} changed nothing");
        }
        plan.edit(PlanEdit::SetStatus {
            id: "a1".into(),
            status: Status::Started,
        })
        .unwrap();
        plan.edit(PlanEdit::Update {
            id: "a1".into(),
            draft: Draft {
                status: Status::Done,
                ..draft(LEAD, "Map every partner", "", "")
            },
        })
        .unwrap();
        let a = plan.get("a1").unwrap();
        assert_eq!(
            (a.topic, a.what.as_str(), a.status, a.by.clone()),
            (LEAD, "Map every partner", Status::Done, None)
        );
        plan.edit(PlanEdit::Remove { id: "a1".into() }).unwrap();
        plan.edit(PlanEdit::Choose {
            topic: PLACES,
            on: false,
        })
        .unwrap();
        assert_eq!(plan.topics, [LEAD]);
        assert!(!plan.is_empty());
    }

    #[test]
    fn a_plan_is_limited_in_size() {
        let mut plan = Plan::default();
        for i in 0..MAX_ACTIONS {
            plan.edit(PlanEdit::Add {
                id: format!("a{i}"),
                draft: draft(PLACES, "x", "", ""),
            })
            .unwrap();
        }
        assert_eq!(
            plan.edit(PlanEdit::Add {
                id: "one-more".into(),
                draft: draft(PLACES, "x", "", ""),
            }),
            Err(PlanError::Full)
        );
    }

    #[test]
    fn merging_adds_only_what_is_new_and_valid() {
        let mut mine = Plan::default();
        mine.edit(PlanEdit::Add {
            id: "a1".into(),
            draft: draft(PLACES, "Mine", "", ""),
        })
        .unwrap();
        let theirs = Plan {
            topics: vec![LEAD, LEAD],
            actions: vec![
                PlanAction {
                    id: "a1".into(),
                    topic: PLACES,
                    what: "Theirs under my id".into(),
                    who: String::new(),
                    by: None,
                    status: Status::Done,
                },
                PlanAction {
                    id: "a2".into(),
                    topic: LEAD,
                    what: "   ".into(),
                    who: String::new(),
                    by: None,
                    status: Status::Done,
                },
                PlanAction {
                    id: "a3".into(),
                    topic: LEAD,
                    what: "Coach the leaders".into(),
                    who: String::new(),
                    by: Some("not a date".into()),
                    status: Status::Done,
                },
                PlanAction {
                    id: "a4".into(),
                    topic: LEAD,
                    what: "Reward collaboration".into(),
                    who: "HR".into(),
                    by: Some("2027-01-31".into()),
                    status: Status::Started,
                },
            ],
        };
        mine.edit(PlanEdit::Merge(theirs)).unwrap();
        let ids: Vec<&str> = mine.actions.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a1", "a4"]);
        assert_eq!(mine.get("a1").unwrap().what, "Mine");
        assert_eq!(mine.topics, [PLACES, LEAD]);
    }

    #[test]
    fn topics_and_statuses_read_back_from_their_ids_and_names() {
        for t in Topic::all() {
            assert_eq!(Topic::from_id(&t.id()), Some(t));
            assert_eq!(Topic::from_name(t.name()), Some(t));
            assert_eq!(Topic::from_name(&t.name().to_uppercase()), Some(t));
        }
        assert_eq!(Topic::all().len(), 12);
        // The area and the factor of citizens are told apart.
        assert_ne!(
            Topic::Area(ActionArea::CollaborativeCitizens).id(),
            Topic::Factor(Factor::Citizens).id()
        );
        assert_eq!(Topic::from_id("citizens"), None);
        for s in Status::ALL {
            assert_eq!(Status::parse(s.label()), Some(s));
            assert_eq!(Status::parse(s.id()), Some(s));
        }
        assert_eq!(Status::parse("finished"), None);
        let json = serde_json::to_string(&Plan {
            topics: vec![PLACES],
            actions: vec![],
        })
        .unwrap();
        assert_eq!(json, r#"{"topics":["factor:places"]}"#);
        assert!(serde_json::from_str::<Plan>(r#"{"topics":["factor:nowhere"]}"#).is_err());
    }

    #[test]
    fn suggestions_come_first_then_every_other_topic() {
        use crate::engine::scoring::score;
        use crate::model::results::fixtures::known_answers;
        let s = score(&known_answers());
        let suggestions = suggested(&s);
        assert!(!suggestions.is_empty());
        assert_eq!(suggestions.len(), s.action_areas.len() + s.priorities.len());
        let all = offered(&suggestions);
        assert_eq!(all.len(), 12, "every topic is offered once");
        assert!(all[..suggestions.len()].iter().all(|(_, s)| *s));
        assert!(all[suggestions.len()..].iter().all(|(_, s)| !*s));
        assert_eq!(offered(&[]).len(), 12);
    }

    #[test]
    fn a_group_is_offered_what_its_answers_point_to_and_nothing_when_withheld() {
        use crate::engine::aggregate::{GroupOptions, GroupReport};
        use crate::model::results::fixtures::rated;
        let group = |importance: &str, prevalence: &str, n: usize| -> Vec<Response> {
            (0..n)
                .map(|i| {
                    let mut r = rated(
                        &Factor::ALL
                            .iter()
                            .map(|f| (*f, importance, prevalence))
                            .collect::<Vec<_>>(),
                    );
                    r.id = format!("r{i}");
                    r
                })
                .collect()
        };
        let report = |rs: &[Response]| GroupReport::from_responses(rs, GroupOptions::default());
        let strong = report(&group("3", "3", 6));
        assert_eq!(group_suggested(strong.statistics.as_ref()), []);
        let weak = report(&group("3", "0", 6));
        let topics = group_suggested(weak.statistics.as_ref());
        // Every area has a factor among its reasons; every factor is a priority for everyone.
        assert_eq!(topics.len(), 12);
        assert!(matches!(
            topics[0],
            Topic::Area(ActionArea::CollaborativeLeadership)
        ));
        assert!(matches!(topics[4], Topic::Factor(_)));
        // Below the minimum group size the report is withheld, and so are its suggestions.
        let small = report(&group("3", "0", 2));
        assert!(small.statistics.is_none());
        assert_eq!(group_suggested(small.statistics.as_ref()), []);
    }

    #[test]
    fn dates_read_as_days_without_a_clock() {
        let cases = [
            ("2027-03-31", "31 March 2027"),
            ("2028-02-29", "29 February 2028"),
            ("2026-12-01", "1 December 2026"),
            ("2027-02-30", "2027-02-30"),
            ("soon", "soon"),
        ];
        for (iso, text) in cases {
            assert_eq!(long_day(iso), text);
        }
        let mut a = draft(PLACES, "x", "", "2027-01-05").check("a").unwrap();
        assert_eq!(by_text(&a), "By 5 January 2027");
        a.by = None;
        assert_eq!(by_text(&a), "No date set");
    }

    #[test]
    fn a_damaged_stored_plan_keeps_what_reads() {
        let raw = r#"{"topics":["factor:places","nope",3],"actions":[
            {"id":"a1","topic":"factor:places","what":"Map","status":"started"},
            {"id":"a2","topic":"factor:places","what":"Bad","status":"finished"},
            "junk"]}"#;
        let (plan, lost) = Plan::read_lenient(raw);
        assert!(lost);
        assert_eq!(plan.topics, [PLACES]);
        assert_eq!(plan.actions.len(), 1);
        assert_eq!(plan.actions[0].status, Status::Started);
        assert_eq!(Plan::read_lenient("[1]"), (Plan::default(), true));
        let good = r#"{"topics":["factor:places"]}"#;
        assert!(!Plan::read_lenient(good).1);
    }

    fn sample_plan() -> Plan {
        let mut plan = Plan::default();
        for (i, (topic, what, who, by)) in [
            (LEAD, "=HYPERLINK(\"http://x\")", "@boss", "2027-01-31"),
            (
                PLACES,
                "Map, \"all\" partners\nacross the area",
                "+44 team",
                "",
            ),
            (LEAD, "-1 meetings a week", "'=quoted", ""),
        ]
        .into_iter()
        .enumerate()
        {
            plan.edit(PlanEdit::Add {
                id: format!("a{i}"),
                draft: draft(topic, what, who, by),
            })
            .unwrap();
        }
        plan
    }

    #[test]
    fn the_csv_guards_formulas_and_reads_back() {
        let plan = sample_plan();
        let bytes = to_csv(&plan);
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        // The cells as a spreadsheet reads them: none starts a formula.
        let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[3..])
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(rows[0], CSV_HEADER);
        assert!(String::from_utf8(bytes.clone()).unwrap().contains("\r\n"));
        let row = |i: usize| rows[i].iter().map(String::as_str).collect::<Vec<_>>();
        // Grouped by topic, in the order chosen.
        assert_eq!(
            row(1),
            [
                "Develop collaborative leadership",
                "'=HYPERLINK(\"http://x\")",
                "'@boss",
                "2027-01-31",
                "Planned"
            ]
        );
        assert_eq!(row(2)[1..3], ["'-1 meetings a week", "''=quoted"]);
        assert_eq!(
            row(3)[0..3],
            [
                "Collaborative Places",
                "Map, \"all\" partners across the area",
                "'+44 team"
            ]
        );
        for row in &rows[1..] {
            for cell in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{row:?}"
                );
            }
        }
        let back = from_csv(&to_csv(&plan)).unwrap();
        let whats: Vec<String> = back.iter().map(|d| d.what.clone()).collect();
        assert_eq!(
            whats,
            [
                "=HYPERLINK(\"http://x\")",
                "-1 meetings a week",
                "Map, \"all\" partners across the area"
            ]
        );
        assert_eq!(back[0].who, "@boss");
        assert_eq!(back[1].who, "'=quoted");
        assert_eq!(back[0].by, "2027-01-31");
    }

    #[test]
    fn a_file_that_is_not_an_actions_csv_is_refused_plainly() {
        assert_eq!(from_csv(b""), Err(CsvError::NotActions));
        assert_eq!(from_csv(b"a,b\r\n1,2\r\n"), Err(CsvError::NotActions));
        let bad = "Topic,What,Who,By when,Status\r\nNowhere,x,,,Planned\r\n";
        assert_eq!(
            from_csv(bad.as_bytes()).unwrap_err().to_string(),
            "Row 2: \u{201c}Nowhere\u{201d} is not a factor or an area of action."
        );
        let bad = "Topic,What,Who,By when,Status\r\nUrgency,x,,,Finished\r\n";
        assert!(matches!(
            from_csv(bad.as_bytes()),
            Err(CsvError::Row { row: 2, .. })
        ));
    }

    proptest! {
        #[test]
        fn every_action_survives_the_csv(
            what in "[^\u{0}-\u{1f}\u{7f}-\u{9f}]{1,60}",
            who in "[^\u{0}-\u{1f}\u{7f}-\u{9f}]{0,30}",
            topic in 0usize..12,
            status in 0usize..3,
        ) {
            let d = Draft {
                topic: Some(Topic::all()[topic]),
                what,
                who,
                by: "2027-12-01".into(),
                status: Status::ALL[status],
            };
            prop_assume!(d.check("p").is_ok());
            let mut plan = Plan::default();
            plan.edit(PlanEdit::Add { id: "p".into(), draft: d.clone() }).unwrap();
            let back = from_csv(&to_csv(&plan)).unwrap();
            prop_assert_eq!(back.len(), 1);
            prop_assert_eq!(back[0].check("p").unwrap(), plan.actions[0].clone());
        }
    }
}
