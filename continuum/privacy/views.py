"""District admins' privacy pages: the record of disclosures, and a learner's export and
deletion (each behind a reason; deletion behind typing the username)."""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from continuum.lib.access import requires
from continuum.lib.paging import paged
from continuum.people.models import Role, User
from continuum.privacy import selectors
from continuum.privacy.forms import DisclosureFilterForm, LearnerDeleteForm, LearnerExportForm
from continuum.privacy.services.deletion import LearnerDeletionBlockedError, learner_delete
from continuum.privacy.services.export import learner_export

_PAGE_SIZE = 50


def _learner(request, learner_id: int, **kwargs) -> User:
    return get_object_or_404(User, pk=learner_id, role=Role.LEARNER)


def _district(user: User):
    return user.organization.district if user.organization else None


@requires("privacy.view_disclosures")
def disclosure_list(request):
    form = DisclosureFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    district = _district(request.user)
    rows = selectors.disclosure_list(district=district, **filters)
    if request.GET.get("format") == "csv":
        return _csv(rows)
    found = paged(request, rows, size=_PAGE_SIZE)
    wanted = filters.get("learner")
    learner = (
        User.objects.filter(username__iexact=wanted, role=Role.LEARNER).first() if wanted else None
    )
    context = {
        "form": form,
        "paged": found,
        "page": found.page,
        "query": found.query,
        "learner": learner
        if learner and request.user.has_perm("privacy.manage_learner_data", learner)
        else None,
        "deletions": selectors.learner_deletion_list(district=district)[:20],
    }
    return render(request, "privacy/disclosure_list.html", context)


def _csv(rows) -> StreamingHttpResponse:
    def lines():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        header = ["at", "actor", "learner", "via", "what", "record", "subject", "reason", "path"]
        for values in [header, *(_csv_row(row) for row in rows.iterator())]:
            writer.writerow(values)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="disclosures.csv"'
    return response


def _cell(value: str) -> str:
    """A spreadsheet must not run a cell as a formula (a path or reason may start with =)."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv_row(row) -> list[str]:
    return [_cell(value) for value in _csv_values(row)]


def _csv_values(row) -> list[str]:
    return [
        row.at.isoformat(),
        row.actor.username if row.actor else "",
        row.learner.username if row.learner else _("(deleted learner)"),
        row.via,
        row.what,
        row.record,
        row.subject,
        row.reason,
        row.path,
    ]


@requires("privacy.manage_learner_data", fn=_learner)
def learner_export_view(request, learner_id: int):
    learner = _learner(request, learner_id)
    form = LearnerExportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        archive = io.BytesIO()
        learner_export(
            learner=learner,
            actor=request.user,
            reason=form.cleaned_data["reason"],
            out=archive,
        )
        response = HttpResponse(archive.getvalue(), content_type="application/zip")
        filename = f"learner-{learner.username}.zip"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return render(request, "privacy/learner_export.html", {"learner": learner, "form": form})


@requires("privacy.manage_learner_data", fn=_learner)
def learner_delete_view(request, learner_id: int):
    learner = _learner(request, learner_id)
    form = LearnerDeleteForm(
        request.POST if request.method == "POST" else None, username=learner.username
    )
    context = {"learner": learner, "form": form}
    if request.method == "POST" and form.is_valid():
        name = learner.display_name
        try:
            deletion = learner_delete(
                learner=learner, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except LearnerDeletionBlockedError as error:
            form.add_error(None, str(error))
        else:
            return render(
                request, "privacy/learner_deleted.html", {"deletion": deletion, "name": name}
            )
    return render(request, "privacy/learner_delete.html", context)
