"""The demo frameworks in Spanish: what a family reading in Español sees of them.

The school enters these as its own translations (as a district would on each target's
edit page), keyed to the CASE identifiers ``case.py`` gives the items, so the family view,
the learner's pages and the report card show them in place of the English.
"""

from continuum.demo.case import _id
from continuum.demo.content import FRAMEWORKS
from continuum.frameworks.models import TranslatedField
from continuum.frameworks.public import translation_put

# competency code → (short title, statement)
COMPETENCIES = {
    "M6.RP": (
        "Razones y razonamiento proporcional",
        "Comprender el concepto de razón y usar el razonamiento con razones para resolver problemas.",
    ),
    "M6.NS": (
        "El sistema numérico",
        "Calcular con fluidez y ampliar la comprensión de los números a los números racionales.",
    ),
    "M6.EE": (
        "Expresiones y ecuaciones",
        "Aplicar y ampliar lo aprendido de aritmética a las expresiones algebraicas; razonar "
        "sobre ecuaciones con una variable.",
    ),
    "M6.G": (
        "Geometría",
        "Resolver problemas reales y matemáticos de área, área de superficie y volumen.",
    ),
    "M6.SP": (
        "Estadística y probabilidad",
        "Comprender la variabilidad estadística; resumir y describir distribuciones.",
    ),
    "LL.SD": (
        "Autonomía",
        "Se pone metas, planifica, revisa su progreso y persevera ante los retos.",
    ),
    "LL.CO": (
        "Colaboración y comunicación",
        "Trabaja con otras personas hacia metas comunes y comunica sus ideas con claridad.",
    ),
}

# target code → what the learner can do, as an infinitive ("Puedo …", "Puede …")
SKILLS = {
    "M6.RP.1": "describir una relación de razón entre dos cantidades",
    "M6.RP.2": "hallar y explicar una tasa unitaria",
    "M6.RP.3": "usar tablas y rectas numéricas dobles para resolver problemas de razones",
    "M6.RP.4": "resolver problemas de porcentajes",
    "M6.RP.5": "convertir unidades de medida usando el razonamiento con razones",
    "M6.NS.1": "dividir fracciones entre fracciones y explicar el método",
    "M6.NS.2": "dividir con fluidez números de varias cifras",
    "M6.NS.3": "sumar, restar, multiplicar y dividir números decimales",
    "M6.NS.4": "hallar el máximo común divisor y el mínimo común múltiplo",
    "M6.NS.5": "usar números positivos y negativos para describir situaciones reales",
    "M6.NS.6": "ubicar números racionales en una recta numérica y en un plano de coordenadas",
    "M6.EE.1": "escribir y evaluar expresiones con exponentes",
    "M6.EE.2": "escribir, leer y evaluar expresiones con variables",
    "M6.EE.3": "crear expresiones equivalentes usando las propiedades de las operaciones",
    "M6.EE.4": "resolver ecuaciones de un paso y explicar los pasos",
    "M6.EE.5": "escribir y representar desigualdades en una gráfica",
    "M6.EE.6": "describir cómo cambian juntas dos cantidades",
    "M6.G.1": "hallar el área de triángulos y polígonos",
    "M6.G.2": "hallar el volumen de prismas rectangulares con aristas fraccionarias",
    "M6.G.3": "dibujar polígonos en el plano de coordenadas",
    "M6.G.4": "usar plantillas (desarrollos planos) para hallar el área de superficie",
    "M6.SP.1": "reconocer una pregunta estadística",
    "M6.SP.2": "describir un conjunto de datos por su centro, su dispersión y su forma",
    "M6.SP.3": "representar datos en diagramas de puntos, histogramas y diagramas de caja",
    "M6.SP.4": "resumir datos con la media, la mediana y el rango intercuartílico",
    "LL.SD.1": "ponerme una meta de aprendizaje y planificar los pasos para alcanzarla",
    "LL.SD.2": "revisar mi progreso y cambiar mi plan cuando hace falta",
    "LL.SD.3": "seguir adelante cuando aprender es difícil y pedir ayuda",
    "LL.CO.1": "escuchar a los demás y construir a partir de sus ideas",
    "LL.CO.2": "compartir la responsabilidad en un equipo",
    "LL.CO.3": "explicar mi forma de pensar con claridad a públicos distintos",
}

# The one target whose content gives its own descriptors (Beginning … Advanced).
DESCRIPTORS = {
    "M6.RP.1": (
        "Nombra las dos cantidades que se comparan cuando se le pide.",
        "Escribe una razón a partir de un dibujo o una tabla con la notación a:b.",
        "Describe una relación de razón con palabras y con notación, en contexto.",
        "Explica cómo distintos enunciados de razón describen la misma relación.",
    ),
}


def _default_descriptors(skill: str) -> tuple[str, str, str, str]:
    """The Spanish of ``case._default_descriptors``, from the same skill told of someone
    else ("revisar su progreso", not "mi progreso")."""
    skill = skill.replace("ponerme", "ponerse").replace("mi ", "su ")
    return (
        f"Con apoyo, empieza a {skill}; comete errores que le impiden avanzar.",
        f"Puede {skill} en casos conocidos y más sencillos; quedan algunos errores.",
        f"Puede {skill} sin ayuda y con precisión, y explica los pasos.",
        f"Puede {skill} en situaciones nuevas y complejas, y justifica por qué funciona el método.",
    )


def demo_spanish_build() -> int:
    """Save the Spanish of the demo frameworks; returns how many texts."""
    saved = 0

    def put(identifier: str, field: str, text: str, level: float | None = None) -> None:
        nonlocal saved
        translation_put(identifier=identifier, field=field, language="es", text=text, level=level)
        saved += 1

    for content in FRAMEWORKS:
        for competency in content.competencies:
            title, statement = COMPETENCIES[competency.code]
            identifier = _id(content.key, competency.code)
            put(identifier, TranslatedField.ABBREVIATED_STATEMENT, title)
            put(identifier, TranslatedField.FULL_STATEMENT, statement)
            for target in competency.targets:
                skill = SKILLS[target.code]
                identifier = _id(content.key, target.code)
                put(identifier, TranslatedField.LEARNER_STATEMENT, f"Puedo {skill}.")
                put(identifier, TranslatedField.ABBREVIATED_STATEMENT, f"Puedo {skill}.")
                descriptors = DESCRIPTORS.get(target.code) or _default_descriptors(skill)
                for value, text in enumerate(descriptors, start=1):
                    put(identifier, TranslatedField.DESCRIPTOR, text, level=float(value))
    return saved
