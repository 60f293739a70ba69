//! The instrument as data: wording, options, order, sections and factors as `instrument.md` fixes them.

use collaboration_readiness::engine::instrument::{
    AnswerOption, Choice, Engagement, Extent, Factor, FactorKind, Field, FieldKind,
    InstrumentVersion, QuestionId, Scale, SectionId, ShowWhen, INSTRUMENT, INSTRUMENT_ID,
    INSTRUMENT_VERSION, MAX_TEXT_CHARS,
};

fn codes(options: &[AnswerOption]) -> Vec<&'static str> {
    options.iter().map(|o| o.code).collect()
}

#[test]
fn every_question_has_its_kind_options_and_branch() {
    use FieldKind::*;
    // (question, options in display order (empty for text), multiple?, shown only unless q1 = no)
    let table: &[(QuestionId, &[&str], bool, bool)] = &[
        (QuestionId::Q1, &["yes", "no"], false, false),
        (QuestionId::Q2, &[], false, true),
        (
            QuestionId::Q3,
            &[
                "local_authority",
                "community_associations",
                "private_housing_developer",
                "private_care_provider",
                "gp_practice",
                "ccg",
                "nhs_trust",
                "other",
            ],
            true,
            true,
        ),
        (QuestionId::Q4, &["2", "3", "4", "5plus"], false, true),
        (
            QuestionId::Q5,
            &["frontline", "middle", "strategic", "other"],
            false,
            true,
        ),
        (
            QuestionId::Q6,
            &[
                "very_successful",
                "somewhat_successful",
                "somewhat_unsuccessful",
                "very_unsuccessful",
                "too_early",
            ],
            false,
            true,
        ),
        (
            QuestionId::Q7,
            &[
                "not_important",
                "minor",
                "somewhat",
                "important",
                "critical",
            ],
            false,
            false,
        ),
        (QuestionId::Q8, &[], false, false),
        (
            QuestionId::Q9,
            &["collaborating_better", "alone_better"],
            false,
            false,
        ),
        (
            QuestionId::Q10,
            &[
                "inform",
                "consult",
                "involve",
                "collaborate",
                "empower",
                "na",
            ],
            false,
            false,
        ),
        (QuestionId::Q11, &["0", "1", "2", "3"], false, false),
        (QuestionId::Q12, &["0", "1", "2", "3"], false, false),
        (QuestionId::Q13, &["0", "1", "2", "3", "na"], false, false),
        (QuestionId::Q14, &["0", "1", "2", "3", "na"], false, false),
        (
            QuestionId::Q15,
            &[
                "chief_executive",
                "deputy_chief_executive",
                "director",
                "assistant_director",
                "division_head",
                "other",
            ],
            false,
            false,
        ),
        (
            QuestionId::Q16,
            &["public", "private", "third"],
            false,
            false,
        ),
        (
            QuestionId::Q17,
            &[
                "health_social_care",
                "education",
                "housing",
                "transport_infrastructure",
                "environmental",
                "emergency",
                "criminal_justice_policing",
                "urban_planning",
                "other",
            ],
            true,
            false,
        ),
        (
            QuestionId::Q18,
            &[
                "london",
                "south_east",
                "west_midlands",
                "east_midlands",
                "east_of_england",
                "south_west",
                "north_west",
                "north_east",
                "wales",
                "yorkshire_humber",
                "scotland",
                "northern_ireland",
            ],
            true,
            false,
        ),
    ];
    assert_eq!(table.len(), INSTRUMENT.questions().len());
    for (id, options, multiple, branched) in table {
        let q = INSTRUMENT.question(*id);
        assert_eq!(codes(q.kind().options()), *options, "{id}");
        assert_eq!(matches!(q.kind(), Multiple(_)), *multiple, "{id}");
        assert_eq!(q.shown_when == ShowWhen::UnlessNoExample, *branched, "{id}");
        let text = matches!(q.kind(), Text { .. });
        assert_eq!(
            q.is_required(),
            !text,
            "{id}: free text is optional, the rest required"
        );
    }
}

#[test]
fn wording_is_verbatim() {
    let cases = [
        (QuestionId::Q1, "In the past 12 months, can you think of an example of a time you have worked in collaboration to achieve one of your organisation's objectives?"),
        (QuestionId::Q6, "Based on progress so far, how successful has programme of work or project been in achieving its desired outcomes?"),
        (QuestionId::Q7, "In general, to what extent (if at all) is collaboration with other providers and organisations important in your/your organisation's ability to deliver services to the public?"),
        (QuestionId::Q13, "How important do you think this factor is to successful collaboration in your geographic area?"),
        (QuestionId::Q14, "To what extent is this factor prevalent in your organisation?"),
        (QuestionId::Q17, "What area does your organisation work in? (please select ALL applicable)"),
    ];
    for (id, text) in cases {
        assert_eq!(INSTRUMENT.question(id).text, text);
    }
    let labels = [
        (Field::Q4, "5plus", "5 or more"),
        (
            Field::Q5,
            "middle",
            "Middle management (e.g. service coordinators)",
        ),
        (Field::Q10, "inform", "INFORM (told of what is planned)"),
        (Field::Q10, "na", "Not applicable"),
        (Field::Q16, "third", "Third sector"),
        (Field::Q18, "yorkshire_humber", "Yorkshire and The Humber"),
    ];
    for (field, code, label) in labels {
        let o = field
            .kind()
            .options()
            .iter()
            .find(|o| o.code == code)
            .unwrap();
        assert_eq!(o.label, label, "{field} {code}");
    }
}

#[test]
fn sections_have_headings_preambles_and_questions_in_order() {
    let sections = INSTRUMENT.sections();
    let ids: Vec<SectionId> = sections.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            SectionId::Experience,
            SectionId::MoreGenerally,
            SectionId::Involvement,
            SectionId::SuccessFactors,
            SectionId::AboutYou
        ]
    );
    assert_eq!(
        sections[0].heading,
        "Experience of collaboration in your current organisation and role"
    );
    assert!(sections[0]
        .preamble
        .unwrap()
        .starts_with("By collaboration we mean two or more organisations working together"));
    assert_eq!(sections[1].heading, "More generally…");
    assert_eq!(
        sections[2].preamble,
        Some("Please answer the following questions with your and your organisation's experience with collaborative work in mind.")
    );
    assert!(sections[3].preamble.unwrap().ends_with(
        "Please keep your experience of working collaboratively in mind as you answer them."
    ));
    let order: Vec<u8> = sections
        .iter()
        .flat_map(|s| s.questions.iter().map(|q| q.number()))
        .collect();
    assert_eq!(order, (1..=18).collect::<Vec<u8>>());
}

#[test]
fn factors_in_display_order_with_kinds_and_statements() {
    let table = [
        (
            Factor::Behaviours,
            "behaviours",
            "Collaborative Behaviours",
            true,
        ),
        (Factor::Citizens, "citizens", "Collaborative Citizens", true),
        (Factor::Systems, "systems", "Collaborative Systems", true),
        (Factor::Services, "services", "Collaborative Services", true),
        (Factor::Places, "places", "Collaborative Places", true),
        (Factor::Markets, "markets", "Collaborative Markets", true),
        (Factor::Urgency, "urgency", "Urgency", false),
        (Factor::Requirements, "requirements", "Requirements", false),
    ];
    assert_eq!(Factor::ALL.len(), table.len());
    for (i, (factor, id, name, index)) in table.into_iter().enumerate() {
        assert_eq!(Factor::ALL[i], factor);
        assert_eq!(factor.id(), id);
        assert_eq!(factor.name(), name);
        assert_eq!(factor.is_index_category(), index);
        assert_eq!(factor.kind() == FactorKind::IndexCategory, index, "{id}");
        assert!(factor.statement().ends_with('.'), "{id}");
    }
    assert_eq!(
        Factor::Urgency.statement(),
        "There is a sense of a 'burning platform' or urgency which encourages organisations locally to work together."
    );
    assert_eq!(Factor::Places.def().importance_column, "q13_places");
    let grid = INSTRUMENT.question(QuestionId::Q14);
    assert!(grid.is_factor_grid());
    assert_eq!(grid.fields.len(), 8);
    assert_eq!(grid.fields[4].column(), "q14_places");
}

#[test]
fn scales_and_their_scores() {
    assert_eq!(Scale::Extent.id(), "extent");
    assert_eq!(codes(Scale::Extent4.options()), ["0", "1", "2", "3"]);
    let scored: Vec<Option<u8>> = Extent::ALL.iter().map(|e| e.score()).collect();
    assert_eq!(scored, [Some(0), Some(1), Some(2), Some(3), None]);
    let steps: Vec<Option<usize>> = Engagement::ALL.iter().map(|e| e.step()).collect();
    assert_eq!(steps, [Some(0), Some(1), Some(2), Some(3), Some(4), None]);
}

#[test]
fn columns_match_the_csv_format_in_order() {
    let columns: Vec<&str> = Field::ALL.iter().map(|f| f.column()).collect();
    let expected = "q1,q2,q3,q3_other,q4,q5,q6,q7,q8,q9,q10,q11,q12,q13_behaviours,q13_citizens,q13_systems,q13_services,q13_places,q13_markets,q13_urgency,q13_requirements,q14_behaviours,q14_citizens,q14_systems,q14_services,q14_places,q14_markets,q14_urgency,q14_requirements,q15,q16,q17,q18";
    assert_eq!(columns.join(","), expected);
    for f in Field::ALL {
        if let FieldKind::Text { max_chars } = f.kind() {
            assert_eq!(max_chars, MAX_TEXT_CHARS);
        }
    }
}

#[test]
fn instrument_is_versioned() {
    assert_eq!(INSTRUMENT.id, INSTRUMENT_ID);
    assert_eq!(INSTRUMENT.version, INSTRUMENT_VERSION);
    let v = InstrumentVersion::current();
    assert!(v.is_current());
    assert_eq!(
        v.to_string(),
        format!("{INSTRUMENT_ID}/{INSTRUMENT_VERSION}")
    );
}
