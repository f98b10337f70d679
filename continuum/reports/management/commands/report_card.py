"""``continuum report_card USERNAME [--lang es] [--period ID] --pdf OUT.pdf [--user NAME]``."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from continuum.people.models import Role, User
from continuum.privacy.models import Via
from continuum.privacy.public import disclose
from continuum.reports.documents import report_card_pdf, report_card_read
from continuum.reports.models import ReportingPeriod
from continuum.reports.selectors import period_current, period_list


class Command(BaseCommand):
    help = (
        "Write one learner's report card for a reporting period as a tagged PDF (default: "
        "the school's current period). Recorded in the record of disclosures."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the learner")
        parser.add_argument("--pdf", required=True, type=Path, help="the PDF file to write")
        parser.add_argument(
            "--lang",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
        )
        parser.add_argument("--period", type=int, help="the reporting period's id")
        parser.add_argument(
            "--user", help="who generates it, for the record of disclosures (default: nobody named)"
        )

    def handle(self, *args, username: str, pdf: Path, lang: str, period: int | None, **options):
        learner = self._user(username)
        if learner.role != Role.LEARNER:
            raise CommandError(f"{username} is not a learner; only learners have report cards.")
        actor = self._user(options["user"]) if options["user"] else None
        chosen = self._period(learner, period)
        card = report_card_read(
            learner=learner, period=chosen, language=lang, today=timezone.localdate()
        )
        pdf.write_bytes(report_card_pdf(card=card, language=lang))
        disclose(
            actor=actor,
            learners=[learner.pk],
            via=Via.REPORT,
            what="report_card command",
            record="report card",
            path=str(pdf)[:500],
            reason=f"Report card for {chosen.name} ({lang})",
        )
        self.stdout.write(f"Wrote {username}'s report card for {chosen.name} to {pdf}.")

    def _user(self, username: str) -> User:
        found = User.objects.select_related("organization").filter(username=username).first()
        if found is None:
            raise CommandError(f"No user is named {username!r}.")
        return found

    def _period(self, learner: User, period_id: int | None) -> ReportingPeriod:
        periods = period_list(school_id=learner.organization_id)
        known = ", ".join(f"{p.pk} ({p.name})" for p in periods) or "none"
        if period_id is None:
            found = period_current(school_id=learner.organization_id, today=timezone.localdate())
            if found is None:
                raise CommandError(
                    f"{learner.username}'s school has no reporting period yet; a leader sets "
                    "them at /reports/periods/."
                )
            return found
        chosen = periods.filter(pk=period_id).first()
        if chosen is None:
            raise CommandError(
                f"No reporting period {period_id} at {learner.username}'s school "
                f"(its periods: {known})."
            )
        return chosen
