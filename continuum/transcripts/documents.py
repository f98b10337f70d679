"""A transcript as a tagged PDF (WeasyPrint's PDF/UA-1 variant, as report cards are), with
its verification link printed on it."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from continuum.transcripts.models import TranscriptIssue
from continuum.transcripts.selectors import Transcript

STYLESHEET = "continuum/transcripts.css"


def transcript_pdf(*, transcript: Transcript, issue: TranscriptIssue, verify_url: str) -> bytes:
    """The issued document, in the active language."""
    html = render_to_string(
        "transcripts/transcript_pdf.html",
        {"transcript": transcript, "issue": issue, "verify_url": verify_url},
    )
    import weasyprint  # here, not at the top: it loads Pango, which no page but a PDF needs

    css = finders.find(STYLESHEET)
    assert isinstance(css, str), f"{STYLESHEET} is missing from the static files"
    return weasyprint.HTML(string=html).write_pdf(
        pdf_variant="pdf/ua-1", stylesheets=[weasyprint.CSS(filename=css)]
    )
