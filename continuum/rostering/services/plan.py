"""What a package would do to one district: every reference resolved (in the package or
among the district's earlier imports), the tenancy and username checks, each person's
Continuum role, and the counts and samples the preview shows. Nothing is written here.

Roles (docs/user-guide/rostering.md): student → learner, teacher → educator, counselor →
counselor, guardian/parent/relative → guardian, administrator/principal/siteAdministrator
at a school → that school's leader. District and system administrators, aides and proctors
get no account from a roster: a district admin is appointed in Continuum, and an aide's or
proctor's access is not a role Continuum has.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError

from continuum.people.models import Organization, Role, User
from continuum.rostering.models import RosterKind, RosterRecord
from continuum.rostering.services.package import Package, Problem, Row

KINDS = [kind.value for kind in RosterKind]
GUARDIAN_ROLES = {"guardian", "parent", "relative"}
SCHOOL_ADMIN_ROLES = {"administrator", "principal", "siteAdministrator"}
_ROLES = {"student": Role.LEARNER, "teacher": Role.EDUCATOR, "counselor": Role.COUNSELOR}
_ENROLLMENT_ACCESS = {"student": Role.LEARNER, "teacher": Role.EDUCATOR}
# (file, field, the file it names, whether the field lists several sourcedIds)
_REFERENCES = [
    ("academicSessions", "parentSourcedId", "academicSessions", False),
    ("orgs", "parentSourcedId", "orgs", False),
    ("courses", "orgSourcedId", "orgs", False),
    ("courses", "schoolYearSourcedId", "academicSessions", False),
    ("classes", "courseSourcedId", "courses", False),
    ("classes", "schoolSourcedId", "orgs", False),
    ("classes", "termSourcedIds", "academicSessions", True),
    ("users", "orgSourcedIds", "orgs", True),
    ("users", "agentSourcedIds", "users", True),
    ("roles", "userSourcedId", "users", False),
    ("roles", "orgSourcedId", "orgs", False),
    ("enrollments", "classSourcedId", "classes", False),
    ("enrollments", "schoolSourcedId", "orgs", False),
    ("enrollments", "userSourcedId", "users", False),
]
SAMPLE_SIZE = 5
CHECKS = 4  # steps of roster_plan that report progress


@dataclass(frozen=True)
class Action:
    kind: str
    row: Row
    record: RosterRecord | None

    @property
    def verb(self) -> str:
        if self.row.deleted:
            return "deactivated"
        return "updated" if self.record is not None else "created"


@dataclass(frozen=True)
class Person:
    """What a user of the roster becomes: ``role`` is empty for no account."""

    oneroster_role: str
    orgs: tuple[str, ...]
    school: str  # the sourcedId of their school, or "" for the district
    role: str


@dataclass
class Plan:
    district: Organization
    version: str
    actions: dict[str, dict[str, Action]] = field(default_factory=dict)
    existing: dict[str, dict[str, RosterRecord]] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    links: set[tuple[str, str, str]] = field(default_factory=set)  # guardian, learner, how
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def known(self, kind: str, sourced_id: str) -> bool:
        return sourced_id in self.actions.get(kind, {}) or sourced_id in self.existing[kind]

    def data(self, kind: str, sourced_id: str) -> dict:
        """What the package (or else the last import) says of a record."""
        action = self.actions.get(kind, {}).get(sourced_id)
        if action is not None and not action.row.deleted:
            return action.row.values
        record = self.existing[kind].get(sourced_id)
        return record.data if record is not None else {}

    def continuum_role(self, user_id: str) -> str:
        person = self.people.get(user_id)
        if person is not None:
            return person.role
        return self.data("users", user_id).get("continuum_role", "")

    def counts(self) -> dict[str, dict[str, int]]:
        counts = {verb: dict.fromkeys(KINDS, 0) for verb in ("created", "updated", "deactivated")}
        for kind, actions in self.actions.items():
            for action in actions.values():
                counts[action.verb][kind] += 1
        return counts

    def samples(self) -> dict[str, list[dict]]:
        return {
            kind: [
                {"verb": a.verb, "sourcedId": a.row.sourced_id, "label": _label(kind, a.row)}
                for a in list(actions.values())[:SAMPLE_SIZE]
            ]
            for kind, actions in self.actions.items()
            if actions
        }


def _label(kind: str, row: Row) -> str:
    if kind == "users":
        return f"{row['givenName']} {row['familyName']} ({row['username']})".strip()
    if kind == "enrollments":
        return f"{row['userSourcedId']} → {row['classSourcedId']} ({row['role']})"
    return row["name"] or row["title"]


def roster_plan(
    *, package: Package, district: Organization, on_step: Callable[[], None] | None = None
) -> Plan:
    """Everything the package would do to ``district``, with every problem found;
    ``on_step`` is called after each of the ``CHECKS`` (the import's progress)."""
    plan = Plan(district=district, version=package.version, problems=list(package.problems))
    records = RosterRecord.objects.filter(district=district).select_related("person")
    plan.existing = {kind: {} for kind in KINDS}
    for record in records:
        plan.existing[record.kind][record.sourced_id] = record
    for kind in KINDS:
        plan.actions[kind] = {
            row.sourced_id: Action(kind, row, plan.existing[kind].get(row.sourced_id))
            for row in package.rows.get(kind, [])
        }
    for check in (_check_orgs, _check_references, _check_people, _check_usernames):
        check(plan, package)
        if on_step is not None:
            on_step()
    _check_enrollments(plan)
    _guardian_links(plan)
    plan.problems.sort(key=lambda p: (p.file != "manifest", p.file, p.line, p.field))
    return plan


def _check_orgs(plan: Plan, package: Package) -> None:
    district = plan.district
    rows = package.rows.get("orgs", [])
    sourced_ids = [row.sourced_id for row in rows]
    foreign = set(
        Organization.objects.filter(sourced_id__in=sourced_ids)
        .exclude(pk=district.pk)
        .exclude(parent=district)
        .values_list("sourced_id", flat=True)
    ) | set(
        RosterRecord.objects.filter(kind=RosterKind.ORG, sourced_id__in=sourced_ids)
        .exclude(district=district)
        .values_list("sourced_id", flat=True)
    )
    ours = district.sourced_id or next(
        (s for s, r in plan.existing["orgs"].items() if r.data.get("type") == "district"), ""
    )
    for row in rows:
        kind, sid = row["type"], row.sourced_id
        if sid in foreign:
            plan.problems.append(
                Problem("orgs", row.line, "sourcedId", f"{sid} belongs to another district")
            )
        elif kind == "district" and not row.deleted:
            if ours and sid != ours:
                plan.problems.append(
                    Problem(
                        "orgs",
                        row.line,
                        "sourcedId",
                        f"the district {sid} is not {district.name} ({ours}): "
                        "a package is imported into its own district only",
                    )
                )
            ours = ours or sid
        elif kind == "school" and row["parentSourcedId"] and not row.deleted:
            parent = plan.data("orgs", row["parentSourcedId"])
            if parent and parent.get("type") != "district":
                plan.problems.append(
                    Problem(
                        "orgs", row.line, "parentSourcedId", "a school's parent is its district"
                    )
                )
        elif kind not in ("district", "school"):
            plan.warnings.append(
                Problem("orgs", row.line, "type", f"a {kind} is recorded but not imported")
            )


def _check_references(plan: Plan, package: Package) -> None:
    for file, column, target, many in _REFERENCES:
        for row in package.rows.get(file, []):
            if row.deleted:
                continue
            for sid in row.ids(column) if many else [row[column]] if row[column] else []:
                if not plan.known(target, sid):
                    plan.problems.append(
                        Problem(file, row.line, column, f"names {sid}, which is not in {target}")
                    )
    for row in package.rows.get("classes", []):
        school = row["schoolSourcedId"]
        known = not row.deleted and plan.known("orgs", school)
        if known and plan.data("orgs", school).get("type") != "school":
            plan.problems.append(
                Problem("classes", row.line, "schoolSourcedId", f"{school} is not a school")
            )


def _check_people(plan: Plan, package: Package) -> None:
    """Each user's role and school: from users.csv (1.1) or roles.csv (1.2)."""
    roles: dict[str, list[Row]] = {}
    for row in package.rows.get("roles", []):
        if not row.deleted:
            roles.setdefault(row["userSourcedId"], []).append(row)
    users = plan.actions["users"]
    for sid, action in users.items():
        row = action.row
        if row.deleted:
            continue
        if plan.version == "1.1":
            found = (row["role"], tuple(row.ids("orgSourcedIds")))
        elif sid in roles:
            found = _from_roles(roles[sid])
        elif action.record is not None:
            found = (action.record.data.get("role", ""), tuple(action.record.data.get("orgs", ())))
        else:
            plan.problems.append(
                Problem("users", row.line, "sourcedId", "has no role in roles.csv")
            )
            continue
        plan.people[sid] = _person(plan, row, *found)
    # A 1.2 delta may change the roles of a user it does not list again.
    for sid, rows in roles.items():
        record = plan.existing["users"].get(sid)
        if sid in users or record is None:
            continue
        if record.person is None:
            plan.problems.append(
                Problem("roles", rows[0].line, "userSourcedId", f"{sid} has no account: "
                        "send their line of users.csv with the new role")
            )  # fmt: skip
            continue
        row = Row("roles", rows[0].line, {**record.data, **_user_values(record.person)})
        users[sid] = Action("users", row, record)
        plan.people[sid] = _person(plan, row, *_from_roles(rows))


def _user_values(user: User) -> dict[str, str]:
    """A user's fields as users.csv would give them."""
    return {
        "username": user.username,
        "givenName": user.first_name,
        "familyName": user.last_name,
        "email": user.email,
        "enabledUser": "true" if user.is_active else "false",
    }


def _from_roles(rows: list[Row]) -> tuple[str, tuple[str, ...]]:
    primary = next((row for row in rows if row["roleType"] == "primary"), rows[0])
    return primary["role"], tuple(dict.fromkeys(row["orgSourcedId"] for row in rows))


def _person(plan: Plan, row: Row, oneroster_role: str, orgs: tuple[str, ...]) -> Person:
    school = next((o for o in orgs if plan.data("orgs", o).get("type") == "school"), "")
    role: str = _ROLES.get(oneroster_role, "")
    if oneroster_role in GUARDIAN_ROLES:
        role = Role.GUARDIAN
    elif oneroster_role in SCHOOL_ADMIN_ROLES and school:
        role = Role.LEADER
    if not role:
        plan.warnings.append(
            Problem(
                row.file,
                row.line,
                "role",
                f"{row.sourced_id} ({oneroster_role}) gets no account: "
                "Continuum gives no role to aides, proctors or district administrators",
            )
        )
    return Person(oneroster_role, orgs, school, role)


def _check_usernames(plan: Plan, package: Package) -> None:
    """Usernames are unique in Continuum: a username someone else (in any district) has
    already is an error, never a match."""
    rows = [a.row for a in plan.actions["users"].values() if not a.row.deleted]
    taken = dict(
        User.objects.filter(username__in=[row["username"] for row in rows]).values_list(
            "username", "pk"
        )
    )
    seen: dict[str, int] = {}
    for row in rows:
        username = row["username"]
        if not username:
            continue
        try:
            UnicodeUsernameValidator()(username)
        except ValidationError:
            plan.problems.append(
                Problem(
                    "users", row.line, "username", f"“{username}” has characters a username cannot"
                )
            )
        record = plan.existing["users"].get(row.sourced_id)
        if username in seen:
            plan.problems.append(
                Problem(
                    "users", row.line, "username", f"“{username}” repeats line {seen[username]}"
                )
            )
        elif username in taken and (record is None or record.object_id != taken[username]):
            plan.problems.append(
                Problem("users", row.line, "username", f"“{username}” is already someone else's")
            )
        seen.setdefault(username, row.line)


def _check_enrollments(plan: Plan) -> None:
    for action in plan.actions["enrollments"].values():
        row = action.row
        needed = _ENROLLMENT_ACCESS.get(row["role"])
        if row.deleted or needed is None or not plan.known("users", row["userSourcedId"]):
            continue
        if plan.continuum_role(row["userSourcedId"]) != needed:
            plan.warnings.append(
                Problem(
                    "enrollments",
                    row.line,
                    "role",
                    f"{row['userSourcedId']} is enrolled as {row['role']} but is not one in "
                    "users: the enrollment is recorded and gives no access",
                )
            )


def _guardian_links(plan: Plan) -> None:
    """Guardians through agentSourcedIds, named from either side."""
    for action in plan.actions["users"].values():
        row = action.row
        if row.deleted or row.file != "users":
            continue
        me = plan.continuum_role(row.sourced_id)
        for agent in row.ids("agentSourcedIds"):
            other = plan.continuum_role(agent)
            if me == Role.GUARDIAN and other == Role.LEARNER:
                how = plan.people[row.sourced_id].oneroster_role
                plan.links.add((row.sourced_id, agent, how))
            elif me == Role.LEARNER and other == Role.GUARDIAN:
                how = plan.people.get(agent, Person("", (), "", "")).oneroster_role
                how = how or plan.data("users", agent).get("role", "")
                plan.links.add((agent, row.sourced_id, how))
