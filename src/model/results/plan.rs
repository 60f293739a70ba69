//! The action plan on the results page: its words, and the plan of an earlier assessment shown
//! beside what changed in each of its topics since (when the person assesses again).

use crate::engine::instrument::Factor;
use crate::engine::scoring::ResponseScore;
use crate::model::actions::{Plan, Topic};
use crate::model::book::Assessment;
use crate::model::format::{join_and, rating_change, rating_or_none};
use crate::model::results::Reader;
use crate::model::table::{Column, Table};

/// The sentence under the section's heading.
pub fn plan_intro(reader: Reader) -> &'static str {
    match reader {
        Reader::Owner => {
            "Choose the factors or areas of action to work on, then add what you will do about each: \
             who will do it, by when, and how far it has got. The plan is saved with this assessment, \
             in this browser, and is in its JSON download and print."
        }
        Reader::Shared => "The person who shared these results chose to share their plan too.",
    }
}

/// The assessment whose plan the results of `own_id` show as the earlier plan: of those started
/// before it (an imported one may sit anywhere in the book), the latest with an action.
pub fn earlier_plan<'a>(assessments: &'a [Assessment], own_id: &str) -> Option<&'a Assessment> {
    let own = assessments.iter().find(|a| a.id() == own_id)?;
    assessments
        .iter()
        .filter(|a| a.created_at < own.created_at && !a.plan().actions.is_empty())
        .max_by(|a, b| a.created_at.cmp(&b.created_at))
}

/// The change in one factor's prevalence, as "1 to 3 (+2)".
fn prevalence_change(f: Factor, before: &ResponseScore, after: &ResponseScore) -> String {
    let (x, y) = (before.factor(f).prevalence, after.factor(f).prevalence);
    if x.is_none() || y.is_none() {
        return format!("{}: not rated in both", f.name());
    }
    format!(
        "{}: {} to {} ({})",
        f.name(),
        rating_or_none(x),
        rating_or_none(y),
        rating_change(x, y)
    )
}

/// What changed in a topic from the earlier assessment to this one: a factor's prevalence; for an
/// area of action, the prevalence of each factor among its reasons and whether it still applies.
pub fn change_since(topic: Topic, before: &ResponseScore, after: &ResponseScore) -> String {
    match topic {
        Topic::Factor(f) => format!("Prevalence {}", prevalence_change(f, before, after)),
        Topic::Area(area) => {
            let factors: Vec<String> = area
                .triggers()
                .iter()
                .filter_map(|t| match t {
                    crate::engine::scoring::Trigger::Factor(f) => {
                        Some(prevalence_change(*f, before, after))
                    }
                    _ => None,
                })
                .collect();
            let applies = |s: &ResponseScore| s.action_areas.iter().any(|m| m.area == area);
            let now = match (applies(before), applies(after)) {
                (true, false) => "no longer an area of action for you",
                (_, true) => "still an area of action for you",
                (false, false) => "not an area of action for you",
            };
            format!("Prevalence {}; {now}.", join_and(&factors))
        }
    }
}

/// The earlier plan's caption.
pub fn earlier_caption(name: &str) -> String {
    format!("Your plan from \u{201c}{name}\u{201d}, with what changed since (prevalence 0 to 3)")
}

/// The earlier plan: each action with its status and the change in its topic since.
pub fn earlier_table(earlier: &Assessment, before: &ResponseScore, after: &ResponseScore) -> Table {
    let columns = vec![
        Column::text("Factor or area"),
        Column::text("Action"),
        Column::text("Status"),
        Column::text("Change since"),
    ];
    earlier.plan().actions.iter().fold(
        Table::new(earlier_caption(&earlier.name), columns),
        |t, a| {
            t.row(
                a.topic.name(),
                vec![
                    a.what.clone(),
                    a.status.label().to_string(),
                    change_since(a.topic, before, after),
                ],
            )
        },
    )
}

/// The plan as a table (for print, and for a shared plan): every action with who, by when and its
/// status, topic by topic; dates printed by `date`.
pub fn plan_table(plan: &Plan, caption: &str, date: impl Fn(&str) -> String) -> Table {
    let columns = vec![
        Column::text("Factor or area"),
        Column::text("Action"),
        Column::text("Who"),
        Column::text("By when"),
        Column::text("Status"),
    ];
    let mut order: Vec<Topic> = plan.topics.clone();
    for a in &plan.actions {
        if !order.contains(&a.topic) {
            order.push(a.topic);
        }
    }
    let mut table = Table::new(caption, columns);
    for topic in order {
        let mut any = false;
        for a in plan.actions_on(topic) {
            any = true;
            table = table.row(
                topic.name(),
                vec![
                    a.what.clone(),
                    if a.who.is_empty() {
                        "\u{2013}".into()
                    } else {
                        a.who.clone()
                    },
                    a.by.as_deref().map_or_else(|| "\u{2013}".into(), &date),
                    a.status.label().to_string(),
                ],
            );
        }
        if !any {
            table = table.row(
                topic.name(),
                vec![
                    "No action yet".into(),
                    "\u{2013}".into(),
                    "\u{2013}".into(),
                    "\u{2013}".into(),
                ],
            );
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instrument::{Field, Measure};
    use crate::engine::response::Response;
    use crate::engine::scoring::{score, ActionArea};
    use crate::model::actions::{Draft, PlanEdit, Status};
    use crate::model::results::fixtures::complete;

    fn assessment(id: &str, plan: Plan) -> Assessment {
        Assessment {
            name: format!("Assessment {id}"),
            // Started in the order of their ids, one day apart.
            created_at: format!("2026-01-0{}", (id.as_bytes()[0] - b'a' + 1).min(9)),
            updated_at: "2026-01-01".into(),
            completed_at: None,
            page: None,
            response: Response::new(id),
            plan: crate::model::book::StoredPlan::of(&plan),
            invitation: None,
        }
    }

    fn plan_of(items: &[(&str, Topic, Status)]) -> Plan {
        let mut plan = Plan::default();
        for (id, topic, status) in items {
            plan.edit(PlanEdit::Add {
                id: (*id).into(),
                draft: Draft {
                    topic: Some(*topic),
                    what: format!("Do {id}"),
                    status: *status,
                    ..Draft::default()
                },
            })
            .unwrap();
        }
        plan
    }

    const PLACES: Topic = Topic::Factor(Factor::Places);
    const LEAD: Topic = Topic::Area(ActionArea::CollaborativeLeadership);

    #[test]
    fn the_earlier_plan_is_the_latest_one_before_with_an_action() {
        let chosen_only = Plan {
            topics: vec![PLACES],
            actions: vec![],
        };
        // "a" was imported after the others were started: it is still the earliest.
        let book = [
            assessment("b", plan_of(&[("p2", LEAD, Status::Started)])),
            assessment("c", chosen_only),
            assessment("d", Plan::default()),
            assessment("a", plan_of(&[("p1", PLACES, Status::Done)])),
        ];
        let id = |a: Option<&Assessment>| a.map(|a| a.id().to_string());
        assert_eq!(id(earlier_plan(&book, "d")), Some("b".into()));
        assert_eq!(id(earlier_plan(&book, "c")), Some("b".into()));
        assert_eq!(id(earlier_plan(&book, "b")), Some("a".into()));
        assert_eq!(id(earlier_plan(&book, "a")), None);
        assert_eq!(id(earlier_plan(&book, "gone")), None);
    }

    #[test]
    fn each_earlier_action_shows_its_status_beside_the_change_since() {
        let before = score(&complete("1"));
        let mut later = complete("1");
        later
            .choose(Field::Score(Measure::Prevalence, Factor::Places), "3")
            .unwrap();
        later
            .choose(Field::Score(Measure::Prevalence, Factor::Behaviours), "2")
            .unwrap();
        let after = score(&later);
        let earlier = assessment(
            "a",
            plan_of(&[("p1", PLACES, Status::Done), ("p2", LEAD, Status::Started)]),
        );
        let t = earlier_table(&earlier, &before, &after);
        assert_eq!(
            t.caption,
            "Your plan from \u{201c}Assessment a\u{201d}, with what changed since (prevalence 0 to 3)"
        );
        let rows: Vec<(String, Vec<String>)> = t
            .rows()
            .map(|r| (r.header.clone(), r.cells.clone()))
            .collect();
        assert_eq!(
            rows[0],
            (
                "Collaborative Places".into(),
                vec![
                    "Do p1".into(),
                    "Done".into(),
                    "Prevalence Collaborative Places: 1 to 3 (+2)".into()
                ]
            )
        );
        assert_eq!(rows[1].1[1], "Started");
        assert_eq!(
            rows[1].1[2],
            "Prevalence Collaborative Behaviours: 1 to 2 (+1); no longer an area of action for you."
        );
        let text = change_since(LEAD, &before, &before);
        assert!(
            text.ends_with("1 to 1 (0); still an area of action for you."),
            "{text}"
        );
        let empty = score(&Response::new("e"));
        assert_eq!(
            change_since(PLACES, &before, &empty),
            "Prevalence Collaborative Places: not rated in both"
        );
    }

    #[test]
    fn the_plan_table_lists_every_action_and_chosen_topics_without_one() {
        let mut plan = plan_of(&[("p1", PLACES, Status::Started)]);
        plan.edit(PlanEdit::Choose {
            topic: LEAD,
            on: true,
        })
        .unwrap();
        plan.edit(PlanEdit::Update {
            id: "p1".into(),
            draft: Draft {
                topic: Some(PLACES),
                what: "Map".into(),
                who: "Sam".into(),
                by: "2027-03-31".into(),
                status: Status::Started,
            },
        })
        .unwrap();
        let t = plan_table(&plan, "Plan", |d| format!("on {d}"));
        assert_eq!(
            t.find("Collaborative Places").unwrap().cells,
            ["Map", "Sam", "on 2027-03-31", "Started"]
        );
        assert_eq!(
            t.find("Develop collaborative leadership").unwrap().cells[0],
            "No action yet"
        );
        assert!(!plan_intro(Reader::Shared).contains("your"));
    }
}
