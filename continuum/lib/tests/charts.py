"""Reading a rendered chart back in tests: its SVG and its table, both from the page's HTML.

The charts' templates write well-formed XML for the SVG and the table, so the standard
library parses them; a test then checks that the picture and the table say the same."""

import re
import xml.etree.ElementTree as ET


def _element(page: str, tag: str, element_id: str) -> ET.Element:
    found = re.search(rf'<{tag}\b[^>]*\bid="{re.escape(element_id)}".*?</{tag}>', page, re.S)
    assert found, f"no <{tag} id={element_id!r}> on the page"
    return ET.fromstring(found.group(0))


def chart_svg(page: str, chart_id: str) -> ET.Element:
    return _element(page, "svg", chart_id)


def chart_table(page: str, chart_id: str) -> list[list[str]]:
    """The body rows of the chart's table, each cell's text (links' text included)."""
    table = _element(page, "table", f"{chart_id}-table")
    return [
        ["".join(cell.itertext()).strip() for cell in row]
        for row in table.iter("tr")
        if row.find("td") is not None
    ]


def description(svg: ET.Element) -> str:
    """The chart's ``<desc>``: what a screen reader says after its title."""
    found = svg.find("desc")
    assert found is not None, "the chart has no description"
    return found.text or ""


def drawn_texts(svg: ET.Element, css_class: str) -> list[str]:
    return ["".join(t.itertext()) for t in svg.iter("text") if css_class in t.get("class", "")]


def inside_view_box(svg: ET.Element) -> bool:
    """Every rectangle, circle, line and point of the chart lies within its viewBox."""
    _, _, width, height = (float(n) for n in svg.get("viewBox", "").split())
    edge = 1e-6

    def within(x: float, y: float) -> bool:
        return -edge <= x <= width + edge and -edge <= y <= height + edge

    for shape in svg.iter():

        def number(name: str, shape: ET.Element = shape) -> float:
            return float(shape.get(name, "0"))

        if shape.tag == "rect":
            x, y = number("x"), number("y")
            if not within(x, y) or not within(x + number("width"), y + number("height")):
                return False
        if shape.tag == "circle" and not within(number("cx"), number("cy")):
            return False
        if shape.tag in ("polyline", "polygon"):
            for pair in shape.get("points", "").split():
                x, y = (float(n) for n in pair.split(","))
                if not within(x, y):
                    return False
        if shape.tag == "line":
            for a, b in (("x1", "y1"), ("x2", "y2")):
                if not within(number(a), number(b)):
                    return False
    return True
