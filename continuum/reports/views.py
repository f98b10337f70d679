"""Report cards (HTML and PDF), the educator's observations, and the school's periods.

Reading a report card is recorded as a disclosure by the privacy middleware, the PDF
download included: both URLs name the learner (``learner_id``). A batch's ZIP names many
learners, so its download records each of them itself.
"""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from continuum.family.public import family_children
from continuum.lib.access import requires
from continuum.lib.outcomes import submitted
from continuum.lib.per_request import per_request
from continuum.people.models import Role, User
from continuum.people.public import learner_of
from continuum.privacy.models import Via
from continuum.privacy.public import disclose
from continuum.reports import selectors, services
from continuum.reports.documents import language_of, report_card_pdf, report_card_read
from continuum.reports.forms import BatchForm, HabitForm, ObservationsForm, PeriodForm
from continuum.reports.models import ReportBatch, ReportingPeriod
from continuum.reports.services.batches import batch_archive_path


def _period_of(request, period_id: int, **_kwargs) -> ReportingPeriod:
    return per_request(
        request, f"_period_{period_id}", lambda: selectors.period_get(period_id=period_id)
    )


def _learner_in_period(request, learner_id: int, period_id: int) -> User:
    """The learner, when the period is their school's (any other pairing is a 404)."""
    learner = learner_of(request, learner_id)
    if _period_of(request, period_id).school_id != learner.organization_id:
        raise Http404("That period is not the learner's school's.")
    return learner


def _card(request, learner_id: int, period_id: int):
    language = language_of(request.GET.get("lang"), request.user)
    card = report_card_read(
        learner=learner_of(request, learner_id),
        period=_period_of(request, period_id),
        language=language,
        today=timezone.localdate(),
    )
    return card, language


@requires("reports.open_my_report_cards")
def report_card_home(request):
    children = [
        (child, selectors.period_list(school_id=child.organization_id))
        for child in family_children(user=request.user)
    ]
    return render(request, "reports/home.html", {"children": children})


@requires("reports.view_report_card", fn=_learner_in_period)
def report_card(request, learner_id: int, period_id: int):
    card, language = _card(request, learner_id, period_id)
    with translation.override(language):
        response = render(
            request,
            "reports/report_card.html",
            {
                "card": card,
                "LANGUAGE_CODE": language,
                "can_record": request.user.has_perm("reports.record_observations", card.learner),
            },
        )
    response.headers["Content-Language"] = language
    return response


@requires("reports.view_report_card", fn=_learner_in_period)
def report_card_download(request, learner_id: int, period_id: int):
    card, language = _card(request, learner_id, period_id)
    response = HttpResponse(report_card_pdf(card=card, language=language), "application/pdf")
    name = f"report-card-{card.learner.username}-{card.period.pk}-{language}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Content-Language"] = language
    return response


@requires("reports.record_observations", fn=_learner_in_period)
def report_observations(request, learner_id: int, period_id: int):
    learner, period = learner_of(request, learner_id), _period_of(request, period_id)
    habits = list(selectors.work_habit_list(school_id=period.school_id))
    initial = None if request.POST else _initial(learner, period)
    form = ObservationsForm(request.POST or None, habits=habits, initial=initial)
    if submitted(
        request,
        form,
        lambda: services.observations_record(
            learner=learner,
            period=period,
            by=request.user,
            ratings=form.ratings(),
            comment=form.cleaned_data["comment"],
            next_steps=form.cleaned_data["next_steps"],
        ),
        _("Saved. The report card shows it now."),
    ):
        return redirect("report_card", learner_id=learner.pk, period_id=period.pk)
    context = {"form": form, "learner": learner, "period": period}
    return render(request, "reports/observations.html", context)


def _initial(learner: User, period: ReportingPeriod) -> dict:
    """The form as last saved: each habit's rating and note, the comment, the next steps."""
    initial: dict = {}
    for observation in selectors.observation_list(learner=learner, period=period):
        initial[f"rating_{observation.habit_id}"] = observation.rating
        initial[f"note_{observation.habit_id}"] = observation.note
    comment = selectors.report_comment_get(learner=learner, period=period)
    if comment is not None:
        initial |= {"comment": comment.comment, "next_steps": comment.next_steps}
    return initial


@requires("reports.manage_periods")
def period_list(request):
    school = request.user.organization
    form = PeriodForm(request.POST or None)
    if school is not None and submitted(
        request,
        form,
        lambda: services.period_create(by=request.user, school=school, **form.cleaned_data),
        _("Reporting period created."),
    ):
        return redirect("report_period_list")
    return render(request, "reports/periods.html", _periods_context(request, form, HabitForm()))


@requires("reports.manage_periods")
def work_habit_add(request):
    form = HabitForm(request.POST or None)
    school = request.user.organization
    if school is not None and submitted(
        request,
        form,
        lambda: services.work_habit_create(by=request.user, school=school, **form.cleaned_data),
        _("Work habit added."),
    ):
        return redirect("report_period_list")
    return render(request, "reports/periods.html", _periods_context(request, PeriodForm(), form))


def _periods_context(request, period_form: PeriodForm, habit_form: HabitForm) -> dict:
    school_id = request.user.organization_id
    return {
        "periods": selectors.period_list(school_id=school_id),
        "habits": selectors.work_habit_list(school_id=school_id),
        "form": period_form,
        "habit_form": habit_form,
    }


@requires("reports.change_period", fn=_period_of)
def period_edit(request, period_id: int):
    period = _period_of(request, period_id)
    initial = {"name": period.name, "starts_on": period.starts_on, "ends_on": period.ends_on}
    form = PeriodForm(request.POST or None, initial=initial)
    if submitted(
        request,
        form,
        lambda: services.period_update(by=request.user, period=period, **form.cleaned_data),
        _("Reporting period saved."),
    ):
        return redirect("report_period_list")
    return render(request, "reports/period_edit.html", {"form": form, "period": period})


def _batch_of(request, batch_id: int, **_kwargs) -> ReportBatch:
    return per_request(
        request, f"_batch_{batch_id}", lambda: selectors.report_batch_get(batch_id=batch_id)
    )


@requires("reports.start_batch")
def report_batch_list(request):
    """Start a batch (educator: a section they teach; leader: a section or the school)."""
    user = request.user
    form = BatchForm(
        request.POST or None,
        periods=selectors.period_list(school_id=user.organization_id),
        sections=selectors.batch_section_list(user=user),
        whole_school=user.role == Role.LEADER,
        initial={"language": language_of(None, user)},
    )
    started: list[ReportBatch] = []
    if submitted(
        request,
        form,
        lambda: started.append(services.report_batch_request(by=user, **form.cleaned_data)),
        _("Started. The report cards are being made; this page shows how far it has got."),
    ):
        return redirect("report_batch", batch_id=started[0].pk)
    context = {"form": form, "batches": selectors.report_batch_list(user=user)}
    return render(request, "reports/batches.html", context)


@requires("reports.open_batch", fn=_batch_of)
def report_batch(request, batch_id: int):
    """The batch's page; HTMX polls its progress partial until it is done."""
    template = "reports/batch.html#progress" if request.htmx else "reports/batch.html"
    return render(request, template, {"batch": _batch_of(request, batch_id)})


@requires("reports.open_batch", fn=_batch_of)
def report_batch_download(request, batch_id: int):
    """The ZIP, recorded as a disclosure of every learner in it."""
    batch = _batch_of(request, batch_id)
    path = batch_archive_path(batch)
    if path is None:
        raise Http404("The report cards are not ready.")
    disclose(
        actor=request.user,
        learners=batch.learner_ids,
        via=Via.REPORT,
        what=f"GET {request.path}",
        record="report card batch",
        path=request.get_full_path()[:500],
        reason=f"Report cards for {batch.period.name} ({batch.language})",
    )
    name = f"report-cards-{slugify(str(batch.section or batch.school))}-{batch.period.pk}.zip"
    return FileResponse(path.open("rb"), as_attachment=True, filename=name)
