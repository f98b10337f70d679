"""The demo school's frameworks, written by the Continuum project (CC BY 4.0).

case.py turns them into the CASE packages the demo imports.
"""

from dataclasses import dataclass

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
