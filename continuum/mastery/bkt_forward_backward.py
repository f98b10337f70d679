"""The general BKT E-step (forward-backward), used when forgetting is fitted.

Sequences are ordered longest first, so the ones still running at time step t are a prefix
of every per-sequence array; the loop runs over time steps, never over learners. Forward
messages are the filtered P(mastered | responses so far); backward messages are rescaled
at every step, and each posterior is normalised where it is formed, so nothing underflows.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from continuum.mastery.bkt_layout import BoolArray, Distinct, FloatArray

_COUNTS = 10


class ForwardBackwardEStep:
    """Expected counts (restarts, targets, 10) and log-likelihood (restarts, targets).

    The count columns are those `bkt_em.m_step` reads, then (forgotten, opportunities to
    forget).
    """

    def __init__(self, data: Distinct, n_targets: int) -> None:
        by_length = np.argsort(-data.lengths, kind="stable")
        lengths = data.lengths[by_length]
        starts = data.starts[by_length]
        self.n_targets = n_targets
        self.n_seq = int(lengths.shape[0])
        self.target = data.target[by_length]
        self.active = [
            int(np.searchsorted(-lengths, -step, side="left")) for step in range(int(lengths[0]))
        ]
        self.correct: list[BoolArray] = [
            data.correct[starts[:n] + step] for step, n in enumerate(self.active)
        ]
        self.by_target = sp.csr_matrix(
            (data.weight[by_length], (self.target, np.arange(self.n_seq))),
            shape=(n_targets, self.n_seq),
        )

    def __call__(self, theta: FloatArray) -> tuple[FloatArray, FloatArray]:
        restarts = theta.shape[0]
        prior, learn, guess, slip, forget = np.moveaxis(theta[:, self.target], 2, 0)
        counts = np.zeros((_COUNTS, restarts, self.n_seq))
        log_likelihood = np.zeros((restarts, self.n_seq))
        filtered: list[FloatArray] = []
        predicted = prior.copy()
        for right, n in zip(self.correct, self.active, strict=True):
            p = predicted[:, :n]
            if_mastered = np.where(right, 1.0 - slip[:, :n], slip[:, :n])
            if_not = np.where(right, guess[:, :n], 1.0 - guess[:, :n])
            joint = p * if_mastered
            evidence = joint + (1.0 - p) * if_not
            log_likelihood[:, :n] += np.log(evidence)
            now = joint / evidence
            filtered.append(now)
            predicted[:, :n] = now * (1.0 - forget[:, :n]) + (1.0 - now) * learn[:, :n]

        back_mastered = np.ones((restarts, self.n_seq))  # rescaled P(later | mastered now)
        back_not = np.ones((restarts, self.n_seq))
        steps = len(self.active)
        for step in range(steps - 1, -1, -1):
            n, right, now = self.active[step], self.correct[step], filtered[step]
            m = self.active[step + 1] if step + 1 < steps else 0
            back_mastered[:, m:n] = 1.0  # sequences whose last response is this one
            back_not[:, m:n] = 1.0
            if m:
                nxt = self.correct[step + 1]
                b_mastered = np.where(nxt, 1.0 - slip[:, :m], slip[:, :m]) * back_mastered[:, :m]
                b_not = np.where(nxt, guess[:, :m], 1.0 - guess[:, :m]) * back_not[:, :m]
                was = now[:, :m]
                learns = (1.0 - was) * learn[:, :m] * b_mastered
                stays_not = (1.0 - was) * (1.0 - learn[:, :m]) * b_not
                forgets = was * forget[:, :m] * b_not
                stays = was * (1.0 - forget[:, :m]) * b_mastered
                total = learns + stays_not + forgets + stays
                counts[2, :, :m] += learns / total
                counts[8, :, :m] += forgets / total
                new_mastered = (1.0 - forget[:, :m]) * b_mastered + forget[:, :m] * b_not
                new_not = learn[:, :m] * b_mastered + (1.0 - learn[:, :m]) * b_not
                scale = new_mastered + new_not
                back_mastered[:, :m] = new_mastered / scale
                back_not[:, :m] = new_not / scale
            mastered = now * back_mastered[:, :n]
            gamma = mastered / (mastered + (1.0 - now) * back_not[:, :n])
            counts[4, :, :n] += np.where(right, 1.0 - gamma, 0.0)
            counts[5, :, :n] += 1.0 - gamma
            counts[6, :, :n] += np.where(right, 0.0, gamma)
            counts[7, :, :n] += gamma
            counts[3, :, :m] += 1.0 - gamma[:, :m]
            counts[9, :, :m] += gamma[:, :m]
        counts[0] = gamma
        counts[1] = 1.0
        weighted = np.concatenate([counts, log_likelihood[None]]).transpose(2, 0, 1)
        per_target = np.asarray(self.by_target @ weighted.reshape(self.n_seq, -1))
        per_target = per_target.reshape(self.n_targets, _COUNTS + 1, restarts).transpose(2, 0, 1)
        return per_target[..., :_COUNTS], per_target[..., _COUNTS]
