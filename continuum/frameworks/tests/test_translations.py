"""Framework text in the reader's language: from a translated CASE framework, from the
school's edit page, and how a page marks what has no translation."""

import json
import uuid

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from continuum.frameworks.case.services import case_package_import
from continuum.frameworks.models import (
    FrameworkItem,
    FrameworkTextTranslation,
    LevelDescriptor,
    TranslatedField,
)
from continuum.frameworks.tests.factories import sample_framework
from continuum.frameworks.tests.fixtures import case_sample
from continuum.frameworks.translations import LocalText, framework_texts

pytestmark = pytest.mark.django_db


def _spanish_of(package: dict, *, document_level: bool = False) -> dict:
    """The package as a Spanish framework: new identifiers everywhere, Spanish statements
    and descriptors, and each item (or only the CFDocument) ``isTranslationOf`` the
    English one."""
    text = json.dumps(package)
    originals = [item["identifier"] for item in package["CFItems"]]
    everything = set(originals) | {package["CFDocument"]["identifier"]}
    for rubric in package.get("CFRubrics", []):
        everything.add(rubric["identifier"])
        for criterion in rubric["CFRubricCriteria"]:
            everything.add(criterion["identifier"])
            everything |= {level["identifier"] for level in criterion["CFRubricCriterionLevels"]}
    for association in package["CFAssociations"]:
        everything.add(association["identifier"])
    for identifier in everything:
        text = text.replace(identifier, str(uuid.uuid5(uuid.NAMESPACE_URL, identifier)))
    spanish = json.loads(text)
    spanish["CFDocument"]["language"] = "es"
    spanish["CFDocument"]["title"] += " (español)"
    for item in spanish["CFItems"]:
        item["fullStatement"] = "ES " + item["fullStatement"]
    for rubric in spanish.get("CFRubrics", []):
        for criterion in rubric["CFRubricCriteria"]:
            for level in criterion["CFRubricCriterionLevels"]:
                level["description"] = "ES " + level["description"]
    document = spanish["CFDocument"]
    pairs = (
        [(document["identifier"], package["CFDocument"]["identifier"])]
        if document_level
        else [(str(uuid.uuid5(uuid.NAMESPACE_URL, o)), o) for o in originals]
    )
    for origin, destination in pairs:
        spanish["CFAssociations"].append(
            {
                "identifier": str(uuid.uuid5(uuid.NAMESPACE_URL, f"tr-{origin}")),
                "uri": f"https://example.org/tr/{origin}",
                "CFDocumentURI": {
                    "title": "es",
                    "identifier": document["identifier"],
                    "uri": document["uri"],
                },
                "associationType": "isTranslationOf",
                "originNodeURI": {
                    "title": "es",
                    "identifier": origin,
                    "uri": f"https://example.org/{origin}",
                },
                "destinationNodeURI": {
                    "title": "en",
                    "identifier": destination,
                    "uri": f"https://example.org/{destination}",
                },
                "lastChangeDateTime": "2026-08-01T00:00:00+00:00",
            }
        )
    return spanish


def _english_item(code: str) -> FrameworkItem:
    return FrameworkItem.objects.get(human_coding_scheme=code, version__language="en")


@pytest.mark.parametrize("document_level", [False, True])
def test_a_case_framework_that_is_a_translation_fills_the_translations(document_level):
    english = case_sample()
    english["CFDocument"]["language"] = "en"
    case_package_import(package=english, source="test")
    case_package_import(package=_spanish_of(english, document_level=document_level), source="t")
    target = _english_item("N.1.a")
    texts = framework_texts([target], language="es")
    assert str(texts.text(target, "full_statement")) == "ES " + target.full_statement
    descriptor = LevelDescriptor.objects.select_related("item", "level").get(
        item=target, level__value=3
    )
    shown = texts.descriptor(descriptor)
    assert str(shown) == "ES " + descriptor.description
    assert not shown.foreign
    assert FrameworkTextTranslation.objects.filter(source="case", language="es").exists()


def test_an_english_reader_never_loads_translations(django_assert_num_queries):
    sample = sample_framework()
    with django_assert_num_queries(1):  # the versions' languages only
        texts = framework_texts([sample["N.1.a"]], language="en")
    assert str(texts.statement(sample["N.1.a"])) == "I can describe a ratio"


def test_without_a_translation_the_original_is_marked_with_its_language():
    sample = sample_framework()
    with translation.override("es"):
        html = Template("{% load localized %}{% statement target %}").render(
            Context({"target": sample["N.1.a"]})
        )
    assert html == (
        '<span lang="en">I can describe a ratio</span> '
        '<small class="untranslated">(en inglés)</small>'
    )


def test_a_translation_replaces_the_original_for_its_readers_only():
    sample = sample_framework()
    FrameworkTextTranslation.objects.create(
        identifier=sample["N.1.a"].identifier,
        field=TranslatedField.LEARNER_STATEMENT,
        language="es",
        text="Puedo describir una razón",
    )
    page = Template("{% load localized %}{% statement target %}")
    with translation.override("es"):
        assert page.render(Context({"target": sample["N.1.a"]})) == "Puedo describir una razón"
    with translation.override("en"):
        assert page.render(Context({"target": sample["N.1.a"]})) == "I can describe a ratio"


def test_typed_text_is_marked_as_written_never_translated():
    with translation.override("es"):
        html = Template("{% load localized %}{{ goal|typed }}").render(
            Context({"goal": "Finish <ratios>"})
        )
    assert html == (
        '<span lang="en">Finish &lt;ratios&gt;</span> <small class="untranslated">(en inglés)</small>'
    )
    assert LocalText("", "en", "es").__html__() == ""


def test_the_school_enters_a_translation_on_the_items_edit_page(client, world):
    sample = sample_framework(owner=world["district"])
    target = sample["N.1.a"]
    client.force_login(world["ada"])
    page = client.get(reverse("item_edit", args=[target.pk])).content.decode()
    assert "“I can” statement in Spanish" in page
    response = client.post(
        reverse("item_edit", args=[target.pk]),
        {
            "full_statement": target.full_statement,
            "learner_statement": target.learner_statement,
            "learning_area": target.learning_area,
            "learner_statement_es": "Puedo describir una razón",
            "full_statement_es": "",
            "reason": "Spanish for families",
        },
    )
    assert response.status_code == 302
    saved = FrameworkTextTranslation.objects.get(identifier=target.identifier)
    assert (saved.field, saved.language, saved.text, saved.source) == (
        "learner_statement",
        "es",
        "Puedo describir una razón",
        "school",
    )
