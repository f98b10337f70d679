"""One learner's report card for one reporting period, read in a fixed number of queries.

What each part means is asked of its owner, never re-derived here:

- the targets, their order, areas and statuses come from the learner map
  (``evidence.public.learner_map_get``) — the same read model as the dashboard and the
  family view — and are said in the family's words (``family.public.status_in_words``);
- the trend compares the status shown at the period's start with the status shown at its
  end, read from the estimate's audit history (django-simple-history rows, each turned back
  into an ``Estimate`` so ``Estimate.shown_status`` decides: the override, else the
  calculated value). A period that has not ended yet ends "now", on the read model itself;
- the evidence behind each target is the scored evidence assessed within the period;
- pace to each requirement is the supports computation (``supports.public.learner_paces``),
  in the family view's sentence; credits and certificates come from credentials.

Work habits and the educator's comment are the educator's own words, shown apart.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format

from continuum.credentials.public import LearnerCredentials, learner_credentials_get
from continuum.evidence.models import Estimate, EstimateStatus, Evidence, Mark
from continuum.evidence.public import learner_map_get
from continuum.family.public import requirement_pace_in_words, statement_of, status_in_words
from continuum.frameworks.models import FrameworkItem, LearningArea
from continuum.frameworks.public import area_rank
from continuum.people.models import User
from continuum.reports.chart import FILLS, Bar, status_bar
from continuum.reports.models import ReportComment, ReportingPeriod, WorkHabitObservation
from continuum.reports.selectors.periods import observation_list, report_comment_get
from continuum.supports.public import learner_paces


class Trend:
    UP, SAME, DOWN, NEW = "up", "same", "down", "new"


@dataclass(frozen=True)
class TargetLine:
    target: FrameworkItem
    statement: str
    status: EstimateStatus
    words: str
    start: EstimateStatus  # shown at the period's start (not started when none yet)
    trend: str
    evidence: int  # scored pieces assessed within the period


@dataclass
class CompetencyBlock:
    competency: FrameworkItem | None
    framework: str
    language: str
    lines: list[TargetLine] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)  # status → targets, all of them

    @property
    def bar(self) -> Bar:
        return status_bar(self.counts)

    @property
    def summary(self) -> str:
        """The chart's bar in words ("2 not started yet, 1 can do it"): its PDF alt text."""
        return ", ".join(
            f"{count} {status_in_words(status)}"
            for status, count in sorted(self.counts.items())
            if count
        )

    @property
    def status_counts(self) -> list[int]:
        """Targets per status, in status order (the chart's text equivalent)."""
        return [self.counts.get(status, 0) for status in EstimateStatus]


@dataclass
class ReportCard:
    learner: User
    period: ReportingPeriod
    academic: list[CompetencyBlock]
    lifelong: list[CompetencyBlock]
    habits: list[WorkHabitObservation]
    comment: ReportComment | None
    requirements: list[str]
    credentials: LearnerCredentials
    evidence_total: int
    ongoing: bool  # the period has not ended: statuses are today's

    @property
    def empty(self) -> bool:
        """No evidence was assessed in the period: the card says so rather than invent."""
        return self.evidence_total == 0

    @property
    def legend(self) -> list[tuple[str, str]]:
        """Each status in the family's words, in status order, with its chart colour."""
        return [(status_in_words(status), FILLS[status]) for status in EstimateStatus]

    @property
    def awards(self) -> list:
        """Awards made within the period."""
        return [
            view
            for view in self.credentials.live
            if self.period.starts_on <= view.award.awarded_on <= self.period.ends_on
        ]


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _shown_at(learner: User, moments: tuple[datetime, ...]) -> list[dict[int, EstimateStatus]]:
    """Each target's shown status at each moment (ascending), from the estimate's history
    in one pass: the last recorded version before the moment (a deleted estimate shows
    nothing)."""
    found: list[dict[int, EstimateStatus]] = []
    shown: dict[int, EstimateStatus] = {}
    rows = Estimate.history.filter(learner_id=learner.pk, history_date__lt=moments[-1]).order_by(
        "history_date", "history_id"
    )
    pending = list(moments)
    for row in rows.iterator():
        while row.history_date >= pending[0]:
            found.append(dict(shown))
            pending.pop(0)
        if row.history_type == "-":
            shown.pop(row.target_id, None)
        else:
            shown[row.target_id] = row.instance.shown_status
    found.extend(dict(shown) for _left in pending)
    return found


def _trend(start: EstimateStatus | None, end: EstimateStatus) -> str:
    if start is None or start == EstimateStatus.NOT_STARTED:
        return Trend.SAME if end == EstimateStatus.NOT_STARTED else Trend.NEW
    if end > start:
        return Trend.UP
    return Trend.DOWN if end < start else Trend.SAME


def _evidence_counts(learner: User, period: ReportingPeriod) -> dict[int, int]:
    rows = (
        Evidence.objects.filter(
            learner=learner,
            mark=Mark.SCORED,
            assessed_at__gte=_moment(period.starts_on),
            assessed_at__lt=_moment(period.ends_on + timedelta(days=1)),
        )
        .values("target_id")
        .annotate(n=Count("id"))
    )
    return {row["target_id"]: row["n"] for row in rows}


def report_card_get(*, learner: User, period: ReportingPeriod, today: date) -> ReportCard:
    """The report card; ``today`` decides whether the period is still under way."""
    found = learner_map_get(learner=learner)
    ongoing = period.ends_on >= today
    moments = (_moment(period.starts_on), _moment(period.ends_on + timedelta(days=1)))
    start, *ended = _shown_at(learner, moments[:1] if ongoing else moments)
    end = ended[0] if ended else None
    pieces = _evidence_counts(learner, period)
    blocks: dict[str, list[CompetencyBlock]] = {
        LearningArea.ACADEMIC: [],
        LearningArea.LIFELONG: [],
    }
    for target in sorted(found.targets, key=area_rank):
        status = EstimateStatus(found.status(target.pk) if end is None else end.get(target.pk, 0))
        area = blocks.setdefault(target.learning_area, [])
        if not area or area[-1].competency != target.parent:
            area.append(
                CompetencyBlock(
                    competency=target.parent,
                    framework=target.version.framework.title,
                    language=target.version.language or "en",
                )
            )
        block = area[-1]
        block.counts[status] += 1
        if status == EstimateStatus.NOT_STARTED and target.pk not in pieces:
            continue  # counted in the chart; a list of untouched targets tells a family nothing
        before = start.get(target.pk)
        block.lines.append(
            TargetLine(
                target=target,
                statement=statement_of(target.learner_statement, target.full_statement),
                status=status,
                words=status_in_words(status),
                start=before if before is not None else EstimateStatus.NOT_STARTED,
                trend=_trend(before, status),
                evidence=pieces.get(target.pk, 0),
            )
        )
    return ReportCard(
        learner=learner,
        period=period,
        academic=blocks[LearningArea.ACADEMIC],
        lifelong=blocks[LearningArea.LIFELONG],
        habits=list(observation_list(learner=learner, period=period)),
        comment=report_comment_get(learner=learner, period=period),
        requirements=_requirements(learner),
        credentials=learner_credentials_get(learner=learner),
        evidence_total=sum(pieces.values()),
        ongoing=ongoing,
    )


def _requirements(learner: User) -> list[str]:
    """Pace to each requirement in the family view's words; dates in the active language."""
    name = learner.first_name or learner.username
    return [
        requirement_pace_in_words(
            name=name,
            title=pace.requirement.title,
            status=pace.status,
            projected=date_format(pace.projected_on) if pace.projected_on else None,
            due=date_format(pace.requirement.due_on),
            out_of_reach=pace.words.out_of_reach,
        )
        for pace in learner_paces(learner)
    ]
