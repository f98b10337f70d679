"""Placing CASE items in Continuum's tree, and rubrics as scales (no database needed)."""

from continuum.frameworks.case.classify import planned_items, says_lifelong
from continuum.frameworks.case.graph import find_cycle
from continuum.frameworks.case.rubrics import planned_scales
from continuum.frameworks.tests.fixtures import case_sample


def by_code(package=None):
    package = package or case_sample()
    codes = {item["identifier"]: item["humanCodingScheme"] for item in package["CFItems"]}
    return {
        codes[planned.identifier]: (
            codes.get(planned.parent),
            planned.kind,
            planned.learning_area,
            planned.position,
        )
        for planned in planned_items(package)
    }


def test_roots_are_domains_parents_competencies_and_leaves_targets():
    assert {code: kind for code, (_, kind, _, _) in by_code().items()} == {
        "N": "domain",
        "N.1": "competency",
        "N.1.a": "target",
        "N.1.b": "target",
        "H": "domain",
        "H.1": "target",
    }


def test_sequence_numbers_then_list_enumeration_then_file_order_set_positions():
    placed = by_code()
    assert placed["N"][3] == 0
    assert placed["H"][3] == 1
    assert placed["N.1.a"][3] == 0
    assert placed["N.1.b"][3] == 1


def test_list_enumeration_compares_numbers_as_numbers():
    package = case_sample()
    items = {item["humanCodingScheme"]: item for item in package["CFItems"]}
    items["N.1.a"]["listEnumeration"], items["N.1.b"]["listEnumeration"] = "10", "9"
    placed = by_code(package)
    assert placed["N.1.b"][3] == 0
    assert placed["N.1.a"][3] == 1


def test_a_habits_domain_and_its_children_are_lifelong_learning():
    placed = by_code()
    assert placed["H"][2] == placed["H.1"][2] == "lifelong"
    assert placed["N.1.a"][2] == "academic"


def test_the_lifelong_heuristic_reads_type_subject_and_statement_words():
    assert says_lifelong("SEL")
    assert says_lifelong("Social-emotional learning")
    assert says_lifelong("Lifelong Learning Standards")
    assert says_lifelong("Habits of mind")
    assert not says_lifelong("Select the selling price")  # "sel" only as a whole word


def test_items_whose_parent_lies_outside_the_package_are_roots():
    package = case_sample()
    package["CFAssociations"][5]["destinationNodeURI"] = {
        "title": "elsewhere",
        "identifier": "elsewhere",
        "uri": "https://other.example.org/CFItems/elsewhere",
    }
    assert by_code(package)["H.1"][:2] == (None, "target")  # its CFItemType names the kind


def test_a_root_without_a_named_item_type_is_a_domain():
    package = case_sample()
    package["CFAssociations"][5]["destinationNodeURI"] = {
        "title": "elsewhere",
        "identifier": "elsewhere",
        "uri": "https://other.example.org/CFItems/elsewhere",
    }
    h1 = next(i for i in package["CFItems"] if i.get("humanCodingScheme") == "H.1")
    h1["CFItemType"] = "Standard"
    assert by_code(package)["H.1"][:2] == (None, "domain")


def test_an_i_can_abbreviated_statement_becomes_the_learner_statement():
    from continuum.frameworks.case.classify import learner_statement

    assert learner_statement({"abbreviatedStatement": "I can plan a project."}) == (
        "I can plan a project."
    )
    assert learner_statement({"abbreviatedStatement": "Plan a project"}) == ""
    assert (
        learner_statement({"extensions": {"continuum": {"learnerStatement": "I can plan."}}})
        == "I can plan."
    )


def test_a_rubric_becomes_a_scale_with_the_cut_at_proficient():
    package = case_sample()
    identifiers = {item["identifier"] for item in package["CFItems"]}
    [scale] = planned_scales(package["CFRubrics"], identifiers)
    assert scale.levels == {1.0: "Beginning", 2.0: "Developing", 3.0: "Proficient", 4.0: "Advanced"}
    assert scale.proficiency_cut == 3.0
    assert len(scale.descriptors) == 4


def test_without_a_proficient_name_the_cut_is_the_upper_middle_level():
    rubric = {
        "CFRubricCriteria": [
            {
                "CFRubricCriterionLevels": [
                    {"identifier": str(n), "quality": q} for n, q in enumerate("ABCD")
                ]
            }
        ]
    }
    [scale] = planned_scales([rubric], set())
    assert scale.proficiency_cut == 3.0
    assert scale.descriptors == []


def test_find_cycle_returns_the_cycle_or_none():
    assert find_cycle([("a", "b"), ("b", "c")]) is None
    assert find_cycle([("a", "b"), ("b", "c"), ("c", "a")]) == ["a", "b", "c", "a"]
