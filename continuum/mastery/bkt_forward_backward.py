"""The general BKT E-step (forward-backward), used when forgetting is fitted.

Only the recursions themselves run step by step; everything else is one vectorised pass
over all responses, so each time step costs a handful of NumPy calls. That matters where
sequences are long: a few hundred learners with runs of a hundred responses on one skill
mean hundreds of steps over a few sequences each, where per-call overhead dominates.

Responses are laid out time-major: sequences are ordered longest first, so those still
running at step t are a prefix, and row `offset[t] + i` is response t of sequence i. Arrays
are (rows, restarts), so every step reads and writes contiguous blocks. Both recursions
carry one number per sequence instead of a two-state vector:

* forward, P(mastered) before and after each response, updated with the likelihood ratio
  r = P(response | mastered) / P(response | not);
* backward, rho = P(later responses | mastered now) / P(later responses | not now), which
  needs no rescaling: it stays between forget / (1 - learn) and (1 - forget) / learn.

The expected counts follow from the posterior gamma = P(mastered | every response) and the
posterior of each transition, summed per target with the sequences' weights; the counts
that are complements (responses while unmastered = responses - responses while mastered)
come from totals known in advance.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from continuum.mastery.bkt_layout import Distinct, FloatArray

PRIOR, LEARN, GUESS, SLIP, FORGET = range(5)  # theta's columns, as in bkt_em.COLUMNS


class ForwardBackwardEStep:
    """Expected counts (restarts, targets, 10) and log-likelihood (restarts, targets).

    The count columns are those `bkt_em.m_step` reads, then (forgotten, opportunities to
    forget).
    """

    def __init__(self, data: Distinct, n_targets: int) -> None:
        by_length = np.argsort(-data.lengths, kind="stable")
        lengths = data.lengths[by_length]
        self.n_seq = n_seq = int(lengths.shape[0])
        steps = int(lengths[0]) if n_seq else 0
        active = np.searchsorted(-lengths, -np.arange(steps), side="left")
        offset = np.concatenate([[0], np.cumsum(active)]).astype(np.int64)
        following = np.append(active[1:], 0)
        # Per time step: first row, first row of the next step, responses, how many continue.
        self.steps = [
            (int(offset[t]), int(offset[t + 1]), int(active[t]), int(following[t]))
            for t in range(steps)
        ]
        self.n_targets = n_targets
        self.target = data.target[by_length]
        size = int(offset[-1])
        step_of_row = np.repeat(np.arange(steps), active)
        self.row_seq = np.arange(size) - offset[step_of_row]
        self.correct = data.correct[data.starts[by_length][self.row_seq] + step_of_row]
        self.row_kind = 2 * self.target[self.row_seq] + self.correct
        # Every row after the first step is the next response of a row one step earlier:
        # transitions are indexed by their later row, rows n_seq … size - 1.
        self.later_seq = self.row_seq[n_seq:]

        weight = data.weight[by_length]
        row_target = self.target[self.row_seq]
        self.row_to_target = sp.csr_matrix(
            (weight[self.row_seq], (row_target, np.arange(size))), shape=(n_targets, size)
        )
        self.later_to_target = self.row_to_target[:, n_seq:].tocsr()
        self.first_to_target = sp.csr_matrix(
            (weight, (self.target, np.arange(n_seq))), shape=(n_targets, n_seq)
        )
        per_target = self.row_to_target @ np.stack([np.ones(size), self.correct], axis=1)
        self.responses, self.right = np.asarray(per_target).T[:, :, None]
        self.sequences = np.bincount(self.target, weights=weight, minlength=n_targets)[:, None]
        self.transitions = self.responses - self.sequences

    def __call__(self, theta: FloatArray) -> tuple[FloatArray, FloatArray]:
        restarts = theta.shape[0]
        by_seq = theta.transpose(2, 1, 0)[[PRIOR, LEARN, FORGET]][:, self.target]
        prior, learn, forget = by_seq  # each (sequences, restarts)
        keep = 1.0 - forget - learn
        right = self.correct[:, None]
        t_guess, t_slip = theta[..., GUESS].T, theta[..., SLIP].T  # (targets, restarts)
        # P(response | mastered) / P(response | not), per target: wrong, then right.
        ratios = np.stack([t_slip / (1.0 - t_guess), (1.0 - t_slip) / t_guess], axis=1)
        ratio = ratios.reshape(-1, restarts)[self.row_kind]

        filtered, previous, scaled = self._forward(prior, learn, keep, ratio)
        rho = self._backward(learn, forget, ratio)
        odds = filtered * rho
        gamma = odds / (odds + 1.0 - filtered)
        by_row = self.row_to_target @ np.stack(
            [gamma, gamma * right, np.log(scaled)], axis=1
        ).reshape(gamma.shape[0], -1)

        seq = self.later_seq
        was = previous[self.n_seq :]
        q = ratio[self.n_seq :] * rho[self.n_seq :]
        learn_now, forget_now = learn[seq], forget[seq]
        was_not = 1.0 - was
        learns = was_not * learn_now * q
        forgets = was * forget_now
        was_mastered = forgets + was * (1.0 - forget_now) * q
        total = learns + was_mastered + was_not * (1.0 - learn_now)
        by_step = self.later_to_target @ (
            np.stack([learns, forgets, was_mastered], axis=1) / total[:, None]
        ).reshape(seq.size, -1)
        at_start = self.first_to_target @ gamma[: self.n_seq]

        mastered, right_mastered, log_scaled = _split(by_row, self.n_targets, restarts)
        # P(response | not mastered) is a per-target constant for each kind of response.
        log_likelihood = (
            log_scaled
            + self.right * np.log(t_guess)
            + (self.responses - self.right) * np.log1p(-t_guess)
        )
        learned, forgotten, stayed_mastered = _split(by_step, self.n_targets, restarts)
        counts = np.stack(
            [
                at_start,
                np.broadcast_to(self.sequences, at_start.shape),
                learned,
                self.transitions - stayed_mastered,
                self.right - right_mastered,
                self.responses - mastered,
                mastered - right_mastered,
                mastered,
                forgotten,
                stayed_mastered,
            ],
            axis=-1,
        )
        return counts.transpose(1, 0, 2), log_likelihood.T

    def _forward(
        self, prior: FloatArray, learn: FloatArray, keep: FloatArray, ratio: FloatArray
    ) -> tuple[FloatArray, FloatArray, FloatArray]:
        """P(mastered) after each response and after the one before it, and each response's
        probability divided by its probability if not mastered."""
        predicted = np.empty_like(ratio)
        filtered = np.empty_like(ratio)
        previous = np.empty_like(ratio)  # rows of the first step are left unset
        scaled = np.empty_like(ratio)
        predicted[: self.n_seq] = prior
        for start, following, n, m in self.steps:
            here = slice(start, start + n)
            p, out, tmp = predicted[here], filtered[here], scaled[here]
            np.multiply(p, ratio[here], out=out)
            np.subtract(out, p, out=tmp)
            tmp += 1.0
            out /= tmp
            if m:
                previous[following : following + m] = out[:m]
                nxt = predicted[following : following + m]
                np.multiply(out[:m], keep[:m], out=nxt)
                nxt += learn[:m]
        return filtered, previous, scaled

    def _backward(self, learn: FloatArray, forget: FloatArray, ratio: FloatArray) -> FloatArray:
        """rho at every row; 1 at a sequence's last response (nothing follows)."""
        rho = np.ones_like(ratio)
        stay = 1.0 - forget
        not_learn = 1.0 - learn
        for start, following, _, m in reversed(self.steps[:-1]):
            there = slice(following, following + m)
            q = ratio[there] * rho[there]
            out = rho[start : start + m]
            np.multiply(stay[:m], q, out=out)
            out += forget[:m]
            q *= learn[:m]
            q += not_learn[:m]
            out /= q
        return rho


def _split(summed: FloatArray, n_targets: int, restarts: int) -> FloatArray:
    """(targets, k × restarts) sums as k arrays of (targets, restarts)."""
    return np.asarray(summed).reshape(n_targets, -1, restarts).transpose(1, 0, 2)
