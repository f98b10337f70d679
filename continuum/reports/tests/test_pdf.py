"""The report card's PDF as laid out: still tagged and in its language when the batch's
layout processes print it, set in one font family, and laid out so nothing overlaps or
wraps needlessly (the chart's bar inside its column, its headings inside theirs, a
target's status, change and count on one line each)."""

import re

import pytest
from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.formatting_structure import boxes

from continuum.reports.documents import STYLESHEET, PdfPrinter, pdf_printing, report_card_read
from continuum.reports.tests.conftest import TODAY, at, score
from continuum.reports.tests.test_views import _inflated


@pytest.fixture
def lena_html(world, sample, fall):
    """Lena's card with a line per status word the columns must hold."""
    for code, level in [("N.1.a", 4), ("N.1.b", 3), ("SEL.1.a", 1)]:
        score(world, sample, code, level, at(2025, 10, 1))

    def html(language: str) -> str:
        card = report_card_read(learner=world["lena"], period=fall, language=language, today=TODAY)
        return PdfPrinter().html(card=card, language=language)

    return html


def _cells(html: str, within: str) -> list[boxes.TableCellBox]:
    """The laid-out table cells inside an element of class ``within``, on every page."""
    stylesheet = finders.find(STYLESHEET)
    document = HTML(string=html).render(stylesheets=[CSS(filename=stylesheet)])
    found: list[boxes.TableCellBox] = []

    def walk(box: boxes.Box, inside: bool) -> None:
        classes = (box.element.get("class") or "").split() if box.element is not None else []
        inside = inside or within in classes
        if inside and isinstance(box, boxes.TableCellBox):
            found.append(box)
        for child in getattr(box, "children", ()):
            walk(child, inside)

    for page in document.pages:
        walk(page._page_box, False)
    return found


def _right(box: boxes.Box) -> float:
    return box.position_x + box.margin_width()


def _inside(box: boxes.Box, cell: boxes.TableCellBox) -> bool:
    return _right(box) <= cell.position_x + cell.margin_width() + 0.01


def test_cards_printed_by_the_layout_processes_are_tagged_in_their_language(lena_html):
    with pdf_printing(2) as printed:
        pdfs = list(printed([lena_html("en"), lena_html("es")]))
    for pdf, language in zip(pdfs, [b"en", b"es"], strict=True):
        inflated = _inflated(pdf)
        assert b"/StructTreeRoot" in inflated
        assert b"pdfuaid" in inflated
        assert b"/Lang (" + language + b")" in inflated
        assert b"/ToUnicode" in inflated  # its text can be extracted, and read aloud
        assert b"/Alt" in inflated  # the chart's text equivalent


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_pdf_embeds_one_font_family_page_numbers_included(lena_html, language):
    pdf = _inflated(PdfPrinter().pdf_of(lena_html(language)))
    families = {name.split(b"+")[-1] for name in re.findall(rb"/BaseFont /([\w+-]+)", pdf)}
    assert families == {b"DejaVu-Sans", b"DejaVu-Sans-Bold"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_charts_bar_and_headings_stay_inside_their_columns(lena_html, language):
    cells = _cells(lena_html(language), "report-chart")
    bars = [
        (cell, box)
        for cell in cells
        for box in cell.descendants()
        if isinstance(box, boxes.InlineReplacedBox)
    ]
    assert bars
    for cell, bar in bars:
        assert _inside(bar, cell)
    for cell in cells:
        for text in cell.descendants():
            if isinstance(text, boxes.TextBox):
                assert _inside(text, cell), text.text


def test_a_targets_status_change_and_count_are_one_line_each_in_english(lena_html):
    html = lena_html("en")
    assert "can do it with depth" in html
    assert "begun this period" in html
    cells = [cell for cell in _cells(html, "report-competency") if cell.element_tag == "td"]
    assert cells
    for cell in cells:
        lines = [box for box in cell.descendants() if isinstance(box, boxes.LineBox)]
        words = " ".join(box.text for box in cell.descendants() if isinstance(box, boxes.TextBox))
        assert len(lines) == 1, words
