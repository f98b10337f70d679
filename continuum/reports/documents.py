"""A report card as a document: its HTML in one language, and that HTML as a tagged PDF.

The card is read inside ``translation.override`` because it composes sentences (statuses
in words, pace) and formats dates as it is read. The PDF is WeasyPrint's PDF/UA-1 variant:
a tagged PDF with the document language and title set, readable by screen readers.
"""

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import get_template
from django.utils import translation

from continuum.people.models import User
from continuum.reports.models import ReportingPeriod
from continuum.reports.selectors import ReportCard, report_card_get

STYLESHEET = "continuum/reports.css"


def language_of(requested: str | None, user: User | None) -> str:
    """``requested`` (``?lang=es``, ``--lang es``) when Continuum speaks it, else the
    viewer's preferred language, else the site's."""
    codes = {code for code, _name in settings.LANGUAGES}
    for choice in (requested, getattr(user, "preferred_language", None)):
        if choice in codes:
            return str(choice)
    return settings.LANGUAGE_CODE


def report_card_read(
    *, learner: User, period: ReportingPeriod, language: str, today: date
) -> ReportCard:
    with translation.override(language):
        return report_card_get(learner=learner, period=period, today=today)


class PdfPrinter:
    """One WeasyPrint setup for many cards: the fonts and the stylesheet are loaded and
    parsed once, the template compiled once. That saves about 40 ms of a card's second
    (measured for bench/RESULTS.md, "Report cards"): layout is most of a card's time, which
    is why a batch also uses several processes."""

    def __init__(self) -> None:
        import weasyprint  # here, not at the top: it loads Pango, which no page but a PDF needs
        from weasyprint.text.fonts import FontConfiguration

        css = finders.find(STYLESHEET)
        assert isinstance(css, str), f"{STYLESHEET} is missing from the static files"
        self._html = weasyprint.HTML
        self._fonts = FontConfiguration()
        self._stylesheets = [weasyprint.CSS(filename=css, font_config=self._fonts)]
        self._template = get_template("reports/report_card_pdf.html")

    def html(self, *, card: ReportCard, language: str) -> str:
        with translation.override(language):
            return self._template.render({"card": card, "LANGUAGE_CODE": language})

    def pdf_of(self, html: str) -> bytes:
        return self._html(string=html).write_pdf(
            pdf_variant="pdf/ua-1", stylesheets=self._stylesheets, font_config=self._fonts
        )

    def pdf(self, *, card: ReportCard, language: str) -> bytes:
        return self.pdf_of(self.html(card=card, language=language))


def report_card_pdf(*, card: ReportCard, language: str) -> bytes:
    return PdfPrinter().pdf(card=card, language=language)


# A batch lays its cards out in ``processes`` forked processes, each with its own printer:
# layout is pure CPU in Python, so one process uses one core. The cards are read (the
# database) and their HTML rendered in the calling process and thread; the children only
# turn HTML into PDF bytes and never touch the database.
_printer: PdfPrinter | None = None


def _start_printer() -> None:
    """Each layout process's printer. Its garbage collector ignores everything the process
    inherited or set up (``freeze``) and runs less often: layout makes hundreds of thousands
    of short-lived objects, and with the default thresholds a card spent about a seventh of
    its time in collections that found little (bench/RESULTS.md, "Report cards")."""
    global _printer
    _printer = PdfPrinter()
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 100)


def _printed(html: str) -> bytes:
    assert _printer is not None
    return _printer.pdf_of(html)


@contextmanager
def pdf_printing(processes: int) -> Iterator[Callable[[Iterable[str]], Iterator[bytes]]]:
    """A function from HTML documents to their PDFs, in order: in this process for one,
    else in a pool of ``processes`` forked processes kept two documents ahead each."""
    if processes <= 1:
        printer = PdfPrinter()
        yield lambda documents: (printer.pdf_of(html) for html in documents)
        return
    with multiprocessing.get_context("fork").Pool(processes, _start_printer) as pool:

        def printed(documents: Iterable[str]) -> Iterator[bytes]:
            pending: deque = deque()
            for html in documents:
                pending.append(pool.apply_async(_printed, (html,)))
                if len(pending) >= 2 * processes:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()

        yield printed
