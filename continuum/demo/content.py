"""The demo school's frameworks, written by the Continuum project (CC BY 4.0).

They are built as CASE 1.1 packages so the demo exercises the same import path a
district uses. Identifiers are UUIDv5 of the coding scheme, so every build is identical.
"""

import uuid
from dataclasses import dataclass

_NAMESPACE = uuid.UUID("6f1c7a62-34b1-4b7e-9a0e-7d3c5f0e2a10")
_BASE_URI = "https://continuum.example.org/case"
LAST_CHANGE = "2026-08-01T00:00:00+00:00"

LEVELS = (
    (1, "Beginning", "With help, shows parts of the target."),
    (2, "Developing", "Shows the simpler parts of the target on their own."),
    (3, "Proficient", "Shows the whole target on their own, accurately."),
    (4, "Advanced", "Applies the target in new, complex situations and explains why."),
)
PROFICIENCY_CUT = 3


@dataclass(frozen=True)
class Target:
    code: str
    i_can: str
    statement: str
    prerequisites: tuple[str, ...] = ()
    # What each level looks like for this target: Beginning, Developing, Proficient, Advanced.
    descriptors: tuple[str, str, str, str] | None = None


@dataclass(frozen=True)
class Competency:
    code: str
    title: str
    statement: str
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class FrameworkContent:
    key: str
    title: str
    subject: str
    item_type: str
    description: str
    competencies: tuple[Competency, ...]


MATH6 = FrameworkContent(
    key="demo-math-6",
    title="Maple Grove Grade 6 Mathematics",
    subject="Mathematics",
    item_type="Learning Target",
    description="Grade 6 mathematics competencies and learning targets for the demo school.",
    competencies=(
        Competency(
            "M6.RP",
            "Ratios and proportional reasoning",
            "Understand ratio concepts and use ratio reasoning to solve problems.",
            (
                Target(
                    "M6.RP.1",
                    "I can describe a ratio relationship between two quantities.",
                    "Understand the concept of a ratio and use ratio language to describe a ratio relationship between two quantities.",
                    descriptors=(
                        "Names the two quantities being compared when prompted.",
                        "Writes a ratio for a picture or table using a:b notation.",
                        "Describes a ratio relationship in words and notation in context.",
                        "Explains how different ratio statements describe the same relationship.",
                    ),
                ),
                Target(
                    "M6.RP.2",
                    "I can find and explain a unit rate.",
                    "Understand the concept of a unit rate a/b associated with a ratio a:b with b ≠ 0.",
                    ("M6.RP.1",),
                ),
                Target(
                    "M6.RP.3",
                    "I can use tables and double number lines to solve ratio problems.",
                    "Use ratio and rate reasoning with tables of equivalent ratios, tape diagrams and double number lines.",
                    ("M6.RP.1",),
                ),
                Target(
                    "M6.RP.4",
                    "I can solve percent problems.",
                    "Find a percent of a quantity as a rate per 100; solve problems involving finding the whole given a part and the percent.",
                    ("M6.RP.2", "M6.RP.3"),
                ),
                Target(
                    "M6.RP.5",
                    "I can convert measurement units using ratio reasoning.",
                    "Use ratio reasoning to convert measurement units; manipulate and transform units appropriately.",
                    ("M6.RP.2",),
                ),
            ),
        ),
        Competency(
            "M6.NS",
            "The number system",
            "Compute fluently and extend understanding of numbers to the rational numbers.",
            (
                Target(
                    "M6.NS.1",
                    "I can divide fractions by fractions and explain my method.",
                    "Interpret and compute quotients of fractions, and solve word problems involving division of fractions by fractions.",
                ),
                Target(
                    "M6.NS.2",
                    "I can divide multi-digit numbers fluently.",
                    "Fluently divide multi-digit numbers using the standard algorithm.",
                ),
                Target(
                    "M6.NS.3",
                    "I can add, subtract, multiply and divide decimals.",
                    "Fluently add, subtract, multiply, and divide multi-digit decimals using the standard algorithm for each operation.",
                    ("M6.NS.2",),
                ),
                Target(
                    "M6.NS.4",
                    "I can find greatest common factors and least common multiples.",
                    "Find the greatest common factor of two whole numbers ≤ 100 and the least common multiple of two whole numbers ≤ 12.",
                ),
                Target(
                    "M6.NS.5",
                    "I can use positive and negative numbers to describe real situations.",
                    "Understand that positive and negative numbers describe quantities having opposite directions or values.",
                ),
                Target(
                    "M6.NS.6",
                    "I can place rational numbers on a number line and a coordinate plane.",
                    "Understand a rational number as a point on the number line; extend number line diagrams and coordinate axes to negative numbers.",
                    ("M6.NS.5",),
                ),
            ),
        ),
        Competency(
            "M6.EE",
            "Expressions and equations",
            "Apply and extend previous understandings of arithmetic to algebraic expressions; reason about one-variable equations.",
            (
                Target(
                    "M6.EE.1",
                    "I can write and evaluate expressions with exponents.",
                    "Write and evaluate numerical expressions involving whole-number exponents.",
                ),
                Target(
                    "M6.EE.2",
                    "I can write, read and evaluate expressions with variables.",
                    "Write, read, and evaluate expressions in which letters stand for numbers.",
                    ("M6.EE.1",),
                ),
                Target(
                    "M6.EE.3",
                    "I can create equivalent expressions using properties of operations.",
                    "Apply the properties of operations to generate equivalent expressions.",
                    ("M6.EE.2", "M6.NS.4"),
                ),
                Target(
                    "M6.EE.4",
                    "I can solve one-step equations and explain my steps.",
                    "Solve real-world and mathematical problems by writing and solving equations of the form x + p = q and px = q.",
                    ("M6.EE.2",),
                ),
                Target(
                    "M6.EE.5",
                    "I can write and graph inequalities.",
                    "Write an inequality of the form x > c or x < c to represent a constraint; represent solutions on number line diagrams.",
                    ("M6.EE.4", "M6.NS.6"),
                ),
                Target(
                    "M6.EE.6",
                    "I can describe how two quantities change together.",
                    "Use variables to represent two quantities that change in relationship to one another; analyse the relationship using graphs and tables.",
                    ("M6.EE.4", "M6.RP.3"),
                ),
            ),
        ),
        Competency(
            "M6.G",
            "Geometry",
            "Solve real-world and mathematical problems involving area, surface area, and volume.",
            (
                Target(
                    "M6.G.1",
                    "I can find the area of triangles and polygons.",
                    "Find the area of right triangles, other triangles, special quadrilaterals, and polygons by composing and decomposing.",
                ),
                Target(
                    "M6.G.2",
                    "I can find the volume of rectangular prisms with fractional edges.",
                    "Find the volume of a right rectangular prism with fractional edge lengths.",
                    ("M6.NS.1",),
                ),
                Target(
                    "M6.G.3",
                    "I can draw polygons in the coordinate plane.",
                    "Draw polygons in the coordinate plane given coordinates for the vertices; find side lengths.",
                    ("M6.NS.6",),
                ),
                Target(
                    "M6.G.4",
                    "I can use nets to find surface area.",
                    "Represent three-dimensional figures using nets made up of rectangles and triangles, and use the nets to find surface area.",
                    ("M6.G.1",),
                ),
            ),
        ),
        Competency(
            "M6.SP",
            "Statistics and probability",
            "Develop understanding of statistical variability; summarise and describe distributions.",
            (
                Target(
                    "M6.SP.1",
                    "I can recognise a statistical question.",
                    "Recognise a statistical question as one that anticipates variability in the data related to the question.",
                ),
                Target(
                    "M6.SP.2",
                    "I can describe a data set by its centre, spread and shape.",
                    "Understand that a set of data has a distribution described by its centre, spread, and overall shape.",
                    ("M6.SP.1",),
                ),
                Target(
                    "M6.SP.3",
                    "I can display data in dot plots, histograms and box plots.",
                    "Display numerical data in plots on a number line, including dot plots, histograms, and box plots.",
                    ("M6.SP.2",),
                ),
                Target(
                    "M6.SP.4",
                    "I can summarise data with mean, median and interquartile range.",
                    "Summarise numerical data sets in relation to their context using measures of centre and variability.",
                    ("M6.SP.3", "M6.NS.3"),
                ),
            ),
        ),
    ),
)

LIFELONG = FrameworkContent(
    key="demo-lifelong",
    title="Maple Grove Lifelong Learning Competencies",
    subject="Lifelong learning",
    item_type="Lifelong Learning Target",
    description="Habits of a lifelong learner, assessed and reported apart from academics.",
    competencies=(
        Competency(
            "LL.SD",
            "Self-direction",
            "Sets goals, plans, monitors progress and persists through challenge.",
            (
                Target(
                    "LL.SD.1",
                    "I can set a learning goal and plan steps to reach it.",
                    "Sets specific learning goals and plans the steps and resources to reach them.",
                ),
                Target(
                    "LL.SD.2",
                    "I can check my progress and change my plan when needed.",
                    "Monitors progress toward goals using evidence and adjusts strategies.",
                    ("LL.SD.1",),
                ),
                Target(
                    "LL.SD.3",
                    "I can keep going when learning is hard and ask for help.",
                    "Persists through challenge, seeks feedback and help, and learns from mistakes.",
                ),
            ),
        ),
        Competency(
            "LL.CO",
            "Collaboration and communication",
            "Works with others toward shared goals and communicates ideas clearly.",
            (
                Target(
                    "LL.CO.1",
                    "I can listen to others and build on their ideas.",
                    "Listens actively, acknowledges others' contributions and builds on their ideas.",
                ),
                Target(
                    "LL.CO.2",
                    "I can share responsibility in a team.",
                    "Takes on roles, shares responsibility and helps the team reach its goals.",
                    ("LL.CO.1",),
                ),
                Target(
                    "LL.CO.3",
                    "I can explain my thinking clearly to different audiences.",
                    "Communicates ideas and reasoning clearly, adapting to purpose and audience.",
                ),
            ),
        ),
    ),
)

FRAMEWORKS = (MATH6, LIFELONG)


def _id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def _ref(kind: str, identifier: str, title: str) -> dict:
    return {"title": title, "identifier": identifier, "uri": f"{_BASE_URI}/{kind}/{identifier}"}


def _default_descriptors(target: Target) -> tuple[str, str, str, str]:
    """Generic but target-specific descriptors where the content gives none."""
    skill = target.i_can.removeprefix("I can ").rstrip(".")
    return (
        f"With support, begins to {skill}; makes errors that block progress.",
        f"Can {skill} in familiar, simpler cases; some errors remain.",
        f"Can {skill} independently and accurately, and explains the steps.",
        f"Can {skill} in new, complex situations and justifies why the method works.",
    )


def case_package(content: FrameworkContent) -> dict:
    """The framework as a CASE 1.1 CFPackage, with a CFRubric per target."""
    doc_id = _id(content.key)
    doc_ref = _ref("CFDocuments", doc_id, content.title)
    items: list[dict] = []
    associations: list[dict] = []
    rubrics: list[dict] = []

    def item(code: str, statement: str, item_type: str, extra: dict) -> str:
        identifier = _id(content.key, code)
        items.append(
            {
                "identifier": identifier,
                "uri": f"{_BASE_URI}/CFItems/{identifier}",
                "CFDocumentURI": doc_ref,
                "fullStatement": statement,
                "humanCodingScheme": code,
                "CFItemType": item_type,
                "language": "en",
                "lastChangeDateTime": LAST_CHANGE,
                **extra,
            }
        )
        return identifier

    def associate(origin: str, kind: str, destination: dict, sequence: int | None = None) -> None:
        identifier = _id(content.key, "assoc", origin, kind, destination["identifier"])
        association: dict[str, object] = {
            "identifier": identifier,
            "uri": f"{_BASE_URI}/CFAssociations/{identifier}",
            "CFDocumentURI": doc_ref,
            "associationType": kind,
            "originNodeURI": _ref("CFItems", origin, origin),
            "destinationNodeURI": destination,
            "lastChangeDateTime": LAST_CHANGE,
        }
        if sequence is not None:
            association["sequenceNumber"] = sequence
        associations.append(association)

    codes: dict[str, str] = {}
    for c_index, competency in enumerate(content.competencies, start=1):
        comp_id = item(
            competency.code,
            competency.statement,
            "Competency",
            {"abbreviatedStatement": competency.title},
        )
        associate(comp_id, "isChildOf", doc_ref, c_index)
        for t_index, target in enumerate(competency.targets, start=1):
            target_id = item(
                target.code,
                target.statement,
                content.item_type,
                {"abbreviatedStatement": target.i_can, "notes": "Learner-facing: " + target.i_can},
            )
            codes[target.code] = target_id
            associate(target_id, "isChildOf", _ref("CFItems", comp_id, competency.code), t_index)
            rubrics.append(_rubric(content, target, target_id))
    for competency in content.competencies:
        for target in competency.targets:
            for prerequisite in target.prerequisites:
                if prerequisite in codes:  # prerequisites across frameworks are left out
                    associate(
                        codes[prerequisite],
                        "precedes",
                        _ref("CFItems", codes[target.code], target.code),
                    )
    document = {
        **doc_ref,
        "uri": f"{_BASE_URI}/CFDocuments/{doc_id}",
        "creator": "Continuum demo school",
        "publisher": "Continuum project",
        "title": content.title,
        "description": content.description,
        "subject": [content.subject],
        "language": "en",
        "version": "1.0",
        "adoptionStatus": "Adopted",
        "lastChangeDateTime": LAST_CHANGE,
        "CFPackageURI": _ref("CFPackages", doc_id, content.title),
    }
    return {
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFRubrics": rubrics,
    }


def _rubric(content: FrameworkContent, target: Target, target_id: str) -> dict:
    rubric_id = _id(content.key, "rubric", target.code)
    criterion_id = _id(content.key, "criterion", target.code)
    descriptors = target.descriptors or _default_descriptors(target)
    return {
        "identifier": rubric_id,
        "uri": f"{_BASE_URI}/CFRubrics/{rubric_id}",
        "title": f"{target.code} proficiency scale",
        "lastChangeDateTime": LAST_CHANGE,
        "CFRubricCriteria": [
            {
                "identifier": criterion_id,
                "uri": f"{_BASE_URI}/CFRubricCriteria/{criterion_id}",
                "category": "Proficiency",
                "description": target.i_can,
                "CFItemURI": _ref("CFItems", target_id, target.code),
                "rubricId": rubric_id,
                "lastChangeDateTime": LAST_CHANGE,
                "position": 1,
                "CFRubricCriterionLevels": [
                    {
                        "identifier": _id(content.key, "level", target.code, str(value)),
                        "uri": f"{_BASE_URI}/CFRubricCriterionLevels/"
                        f"{_id(content.key, 'level', target.code, str(value))}",
                        "description": text,
                        "quality": name,
                        "score": value,
                        "feedback": general,
                        "position": value,
                        "rubricCriterionId": criterion_id,
                        "lastChangeDateTime": LAST_CHANGE,
                    }
                    for (value, name, general), text in zip(LEVELS, descriptors, strict=True)
                ],
            }
        ],
    }
