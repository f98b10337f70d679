"""The background CASE import behind the web UI (django-tasks; any backend)."""

from django_tasks import task


@task()
def case_import_task(*, import_id: int) -> str:
    # Imported here because services.case_import_request enqueues this task.
    from continuum.frameworks.case.services import case_import_run

    return case_import_run(import_id=import_id).status
