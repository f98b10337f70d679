"""Malformed packages are refused with the JSON path and the reason (no database needed)."""

import json

import pytest

from continuum.frameworks.case.parse import parse_packages
from continuum.frameworks.case.validate import CaseError, check_packages, package_problems
from continuum.frameworks.tests.fixtures import case_sample


def reasons(package) -> list[str]:
    return [str(problem) for problem in package_problems(package)]


def test_the_sample_package_is_valid():
    assert reasons(case_sample()) == []


def test_truncated_json_names_line_and_column():
    text = json.dumps(case_sample())[:500].encode()
    with pytest.raises(CaseError, match=r"not valid JSON \(.* at line 1 column \d+\)"):
        parse_packages(text)


def test_a_file_may_hold_an_array_of_packages():
    packages, in_array = parse_packages(json.dumps([case_sample(), case_sample()]).encode())
    assert len(packages) == 2
    assert in_array


def test_a_missing_required_field_is_named_by_its_path():
    package = case_sample()
    del package["CFItems"][2]["identifier"]
    assert reasons(package) == ["CFItems[2].identifier: missing required field"]


def test_a_wrong_type_is_named_with_the_expected_type():
    package = case_sample()
    package["CFItems"][0]["fullStatement"] = 42
    package["CFAssociations"][1]["sequenceNumber"] = "first"
    assert reasons(package) == [
        "CFAssociations[1].sequenceNumber: expected integer, got string",
        "CFItems[0].fullStatement: expected string, got number",
    ]


def test_an_unknown_association_type_is_refused_but_extensions_are_not():
    package = case_sample()
    package["CFAssociations"][0]["associationType"] = "isCousinOf"
    package["CFAssociations"][1]["associationType"] = "ext:isTaughtWith"
    assert reasons(package) == [
        "CFAssociations[0].associationType: 'isCousinOf' is not a CASE association type"
    ]


def test_a_misspelt_top_level_part_is_an_unknown_field():
    package = case_sample()
    package["CFItem"] = package.pop("CFItems")
    assert reasons(package) == ["CFItem: unknown field"]


def test_a_value_too_long_for_continuum_is_refused_not_cut():
    package = case_sample()
    package["CFItems"][0]["humanCodingScheme"] = "N" * 201
    assert reasons(package) == ["CFItems[0].humanCodingScheme: longer than 200 characters"]


def test_a_dangling_association_end_is_refused():
    package = case_sample()
    package["CFAssociations"][6]["destinationNodeURI"] = {
        "title": "gone",
        "identifier": "no-such-item",
        "uri": "",
    }
    assert reasons(package) == [
        "CFAssociations[6].destinationNodeURI: dangling: 'no-such-item' is neither in the "
        "package nor an external URI"
    ]


def test_an_association_end_whose_uri_is_no_address_is_refused_as_unsafe():
    package = case_sample()
    package["CFAssociations"][6]["destinationNodeURI"] = {
        "title": "gone",
        "identifier": "no-such-item",
        "uri": "no-such-item",
    }
    assert reasons(package) == [
        "CFAssociations[6].destinationNodeURI.uri: unsafe address 'no-such-item': only "
        "http://, https://, urn: and local: URIs are accepted"
    ]


def test_an_end_outside_the_package_with_a_uri_is_a_crosswalk_not_a_dangling_end():
    package = case_sample()
    destination = package["CFAssociations"][7]["destinationNodeURI"]
    assert destination["uri"].startswith("http://corestandards.org/")
    assert reasons(package) == []


def test_cyclic_precedes_associations_are_refused():
    package = case_sample()
    backwards = json.loads(json.dumps(package["CFAssociations"][6]))
    backwards["identifier"] = "back"
    backwards["originNodeURI"], backwards["destinationNodeURI"] = (
        backwards["destinationNodeURI"],
        backwards["originNodeURI"],
    )
    package["CFAssociations"].append(backwards)
    [problem] = reasons(package)
    assert problem.startswith("CFAssociations[6]: precedes associations form a cycle: ")


def test_a_child_of_cycle_is_refused():
    package = case_sample()
    package["CFAssociations"][2]["destinationNodeURI"] = package["CFAssociations"][3][
        "originNodeURI"
    ]  # N.1 becomes a child of its own child N.1.a
    assert any("isChildOf associations form a cycle" in reason for reason in reasons(package))


def test_an_identifier_repeated_with_other_content_is_refused():
    package = case_sample()
    package["CFItems"][1]["identifier"] = package["CFItems"][0]["identifier"]
    assert reasons(package)[0].startswith("CFItems[1].identifier: duplicate identifier '")
    assert "different from CFItems[0]" in reasons(package)[0]


def test_keep_first_accepts_an_identifier_repeated_with_other_content():
    package = case_sample()
    package["CFItems"][1]["identifier"] = package["CFItems"][0]["identifier"]
    assert package_problems(package, keep_first=True) == []


def test_a_verbatim_repeat_is_accepted():
    package = case_sample()
    package["CFAssociations"].append(package["CFAssociations"][0])
    assert reasons(package) == []


def test_problems_in_an_array_are_prefixed_with_the_package_index():
    broken = case_sample()
    del broken["CFDocument"]["title"]
    with pytest.raises(CaseError) as raised:
        check_packages([case_sample(), broken], in_array=True)
    assert str(raised.value) == "[1].CFDocument.title: missing required field"


def test_the_error_message_counts_further_problems():
    package = case_sample()
    for item in package["CFItems"]:
        del item["uri"]
    with pytest.raises(
        CaseError, match=r"^CFItems\[0\]\.uri: missing required field \(and 5 more problems\)$"
    ):
        check_packages([package], in_array=False)


def test_a_nul_character_escaped_in_a_string_is_named_by_its_path():
    package = case_sample()
    package["CFItems"][1]["fullStatement"] = "Ratios\x00"
    with pytest.raises(CaseError, match=r"CFItems\[1\]\.fullStatement: contains a NUL character"):
        parse_packages(json.dumps(package).encode())
