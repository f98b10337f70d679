"""Agreement statistics for calibration: how far educators who score the same samples of
work agree, and how much of that agreement is more than chance.

Pure like the rest of the engine (NumPy and SciPy, no Django, no clock). Everything takes
``Ratings`` (who gave which score to which sample, missing pairs allowed). See
docs/calibration.md for what each statistic means to a school and the worked examples.
"""

from continuum.mastery.agreement.alpha import alpha_interval, coincidences, krippendorff_alpha
from continuum.mastery.agreement.kappa import Weights, cohen_kappas, fleiss_kappa
from continuum.mastery.agreement.ratings import (
    MAX_VALUES,
    Level,
    PairAgreement,
    Ratings,
    pair_agreement,
    ratings_from_columns,
    ratings_from_matrix,
)
from continuum.mastery.agreement.summary import Summary, agreement_summary

__all__ = [
    "MAX_VALUES",
    "Level",
    "PairAgreement",
    "Ratings",
    "Summary",
    "Weights",
    "agreement_summary",
    "alpha_interval",
    "cohen_kappas",
    "coincidences",
    "fleiss_kappa",
    "krippendorff_alpha",
    "pair_agreement",
    "ratings_from_columns",
    "ratings_from_matrix",
]
