"""Write a checked plan: orgs, classes, users, enrollments and guardian links, then the
roster records that remember each sourcedId. The caller holds the transaction (one for
the whole package) and has refused any plan with problems.

Deactivating never deletes a person or their evidence: a user is made inactive, an
enrollment row or a teacher's place in a section is removed (evidence belongs to the
learner, not to the enrollment), a class loses its enrollments and educators but stays.
"""

from datetime import UTC, datetime

from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from continuum.people.models import Enrollment, GuardianLink, Organization, Role, Section, User
from continuum.rostering.models import RosterRecord
from continuum.rostering.services.package import iso_datetime
from continuum.rostering.services.plan import Action, Plan


def _aware(value: str) -> datetime | None:
    moment = iso_datetime(value) if value else None
    if moment is not None and timezone.is_naive(moment):
        moment = moment.replace(tzinfo=UTC)
    return moment


# ``identifier`` and ``userIds`` (e.g. {Clever:…}) let single sign-on match a provider's id.
_USER_KEPT = (
    "sourcedId", "status", "dateLastModified", "enabledUser", "agentSourcedIds", "identifier",
    "userIds",
)  # fmt: skip
_USER_FIELDS = ["username", "first_name", "last_name", "email", "role", "organization", "is_active"]


def plan_apply(*, plan: Plan, by: User | None, reason: str) -> None:
    """Apply ``plan`` (already checked) inside the caller's transaction."""
    writer = _Writer(plan, by, reason)
    writer.orgs()
    writer.recorded_only()
    writer.classes()
    writer.users()
    writer.enrollments()
    writer.links()
    writer.records()


class _Writer:
    def __init__(self, plan: Plan, by: User | None, reason: str) -> None:
        self.plan, self.by, self.reason = plan, by, reason
        self.ids: dict[str, dict[str, int | None]] = {
            kind: {sid: r.object_id for sid, r in records.items()}
            for kind, records in plan.existing.items()
        }
        self.data: dict[tuple[str, str], dict] = {}

    def _keep(self, action: Action, object_id: int | None, **data) -> None:
        self.ids[action.kind][action.row.sourced_id] = object_id
        row = action.row.values
        if action.kind == "users":
            # No names, usernames or emails: those live on the user, whose deletion
            # (privacy) then leaves nothing of them here.
            row = {key: row.get(key, "") for key in _USER_KEPT}
        if action.row.deleted and action.record is not None:
            values = {**action.record.data, **{k: v for k, v in row.items() if v}}
        else:
            values = {**row, **data}
        self.data[action.kind, action.row.sourced_id] = values

    def orgs(self) -> None:
        district = self.plan.district
        for action in self.plan.actions["orgs"].values():
            row, object_id = action.row, self.ids["orgs"].get(action.row.sourced_id)
            if row.deleted:
                pass  # a school is closed by hand: its people and history stay
            elif row["type"] == "district":
                object_id = district.pk
                if not district.sourced_id:
                    district.sourced_id = row.sourced_id
                    district.save(update_fields=["sourced_id"])
            elif row["type"] == "school" and object_id:
                Organization.objects.filter(pk=object_id).update(name=row["name"][:200])
            elif row["type"] == "school":
                # A school typed in by hand with this sourcedId is adopted, not duplicated.
                school, _ = Organization.objects.get_or_create(
                    kind=Organization.Kind.SCHOOL,
                    parent=district,
                    sourced_id=row.sourced_id,
                    defaults={"name": row["name"][:200]},
                )
                object_id = school.pk
            self._keep(action, object_id, type=row["type"])

    def recorded_only(self) -> None:
        """Sessions and courses have no Continuum object: classes name them."""
        for kind in ("academicSessions", "courses"):
            for action in self.plan.actions[kind].values():
                self._keep(action, None)

    def classes(self) -> None:
        ended: list[int] = []
        changed: list[tuple[Action, Section]] = []
        new: list[tuple[Action, Section]] = []
        for action in self.plan.actions["classes"].values():
            row, object_id = action.row, self.ids["classes"].get(action.row.sourced_id)
            if row.deleted:
                ended += [object_id] if object_id else []
                self._keep(action, object_id)
                continue
            school = self.ids["orgs"].get(row["schoolSourcedId"])
            if school is None:
                raise ValueError(f"class {row.sourced_id}: its school is not in Continuum")
            section = Section(
                pk=object_id,
                school_id=school,
                title=row["title"][:200],
                code=row["classCode"][:50],
            )
            (changed if object_id else new).append((action, section))
        Enrollment.objects.filter(section_id__in=ended).delete()
        Section.educators.through.objects.filter(section_id__in=ended).delete()
        Section.objects.bulk_update([s for _, s in changed], ["school", "title", "code"])
        Section.objects.bulk_create([s for _, s in new])
        for action, section in changed + new:
            self._keep(action, section.pk)

    def users(self) -> None:
        district = self.plan.district
        named = [self.ids["users"].get(sid) for sid in self.plan.actions["users"]]
        existing = User.objects.in_bulk([oid for oid in named if oid is not None])
        new, changed = [], []
        for action in self.plan.actions["users"].values():
            row, sid = action.row, action.row.sourced_id
            object_id = self.ids["users"].get(sid)
            user = existing.get(object_id) if object_id else None
            person = self.plan.people.get(sid)
            if row.deleted or person is None or not person.role:
                if user is not None and row.deleted:
                    user.is_active = False
                    changed.append(user)
                kept = (
                    {} if person is None else {"role": person.oneroster_role, "orgs": person.orgs}
                )
                self._keep(action, object_id, **kept)
                continue
            school = self.ids["orgs"].get(person.school) if person.school else None
            values = {
                "username": row["username"],
                "first_name": row["givenName"][:150],
                "last_name": row["familyName"][:150],
                "email": row["email"][:254],
                "role": person.role,
                "organization_id": school or district.pk,
                "is_active": row["enabledUser"] != "false",
            }
            if user is None:
                user = User(date_joined=timezone.now(), **values)
                user.set_unusable_password()  # people sign in by single sign-on or a reset
                new.append((action, user))
            elif any(getattr(user, name) != value for name, value in values.items()):
                # Only real changes are written, and so only they leave a history row.
                for name, value in values.items():
                    setattr(user, name, value)
                changed.append(user)
            self._keep(
                action,
                user.pk,
                role=person.oneroster_role,
                orgs=list(person.orgs),
                continuum_role=person.role,
            )
        options = {"default_user": self.by, "default_change_reason": self.reason}
        if changed:
            bulk_update_with_history(changed, User, _USER_FIELDS, batch_size=500, **options)
        if new:
            bulk_create_with_history([user for _, user in new], User, **options)
            made = dict(
                User.objects.filter(username__in=[u.username for _, u in new]).values_list(
                    "username", "pk"
                )
            )
            for action, user in new:
                self.ids["users"][action.row.sourced_id] = made[user.username]

    def enrollments(self) -> None:
        roles = {sid: self._role(sid) for sid in self.ids["users"]}
        add: set[tuple[str, int, int]] = set()
        remove: set[tuple[str, int, int]] = set()
        for action in self.plan.actions["enrollments"].values():
            row = action.row
            before = self._link(action.record.data, roles) if action.record is not None else None
            now = None if row.deleted else self._link(row.values, roles)
            if before is not None and before != now:
                remove.add(before)
            if now is not None:
                add.add(now)
            self._keep(action, None)
        for link in remove - add:
            self._unlink(*link)
        Enrollment.objects.bulk_create(
            [Enrollment(section_id=s, learner_id=u) for kind, s, u in add if kind == "student"],
            ignore_conflicts=True,
        )
        Section.educators.through.objects.bulk_create(
            [
                Section.educators.through(section_id=s, user_id=u)
                for kind, s, u in add
                if kind == "teacher"
            ],
            ignore_conflicts=True,
        )

    def _role(self, user_sid: str) -> str:
        return self.plan.continuum_role(user_sid)

    def _link(self, values: dict, roles: dict[str, str]) -> tuple[str, int, int] | None:
        """(role, section, user) when the enrollment gives access, else None."""
        role, user_sid = values.get("role", ""), values.get("userSourcedId", "")
        section = self.ids["classes"].get(values.get("classSourcedId", ""))
        user = self.ids["users"].get(user_sid)
        access = {"student": Role.LEARNER, "teacher": Role.EDUCATOR}.get(role)
        if section and user and access and roles.get(user_sid) == access:
            return role, section, user
        return None

    @staticmethod
    def _unlink(role: str, section: int, user: int) -> None:
        if role == "student":
            Enrollment.objects.filter(section_id=section, learner_id=user).delete()
        else:
            Section.educators.through.objects.filter(section_id=section, user_id=user).delete()

    def links(self) -> None:
        users = self.ids["users"]
        pairs = [(users.get(g), users.get(le), how) for g, le, how in self.plan.links]
        GuardianLink.objects.bulk_create(
            [
                GuardianLink(guardian_id=guardian, learner_id=learner, relationship=how[:50])
                for guardian, learner, how in pairs
                if guardian is not None and learner is not None
            ],
            ignore_conflicts=True,
        )

    def records(self) -> None:
        RosterRecord.objects.bulk_create(
            [
                RosterRecord(
                    district=self.plan.district,
                    kind=kind,
                    sourced_id=sid,
                    object_id=self.ids[kind].get(sid),
                    person_id=self.ids[kind].get(sid) if kind == "users" else None,
                    status="tobedeleted" if data.get("status") == "tobedeleted" else "active",
                    date_last_modified=_aware(data.get("dateLastModified", "")),
                    data=data,
                    source_file=self.reason,
                    updated_at=timezone.now(),
                )
                for (kind, sid), data in self.data.items()
            ],
            update_conflicts=True,
            unique_fields=["district", "kind", "sourced_id"],
            update_fields=[
                "object_id",
                "person",
                "status",
                "date_last_modified",
                "data",
                "source_file",
                "updated_at",
            ],
        )
