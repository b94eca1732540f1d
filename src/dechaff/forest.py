"""A gradient-boosted forest of decision trees kept as plain data, and its
probabilities for many rows at once.

The trees are fitted by ``benchmarks/block_model.py`` and shipped as JSON: per
node its feature, its threshold (a row goes left when its value is at most the
threshold, or is missing and the node says so), its two children and, at a
leaf, its value. A row's probability is the logistic of the baseline plus the
values of the leaves it reaches, one per tree.

All trees are walked together: the nodes of every tree are laid end to end, a
leaf points at itself, and each step moves every (row, tree) pair one level down
with a handful of array operations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]

CHUNK = 1024
"""Rows walked at once: the walk holds a few arrays of rows × trees, so that a page
of fifty thousand blocks takes the memory of a thousand."""


@dataclass(frozen=True, eq=False)
class Forest:
    """The trees of one model, laid end to end (see the module's doc)."""

    names: tuple[str, ...]
    """The features, in the order of a row's columns."""
    baseline: float
    roots: npt.NDArray[np.intp]
    feature: npt.NDArray[np.intp]
    threshold: Floats
    missing_left: npt.NDArray[np.bool_]
    left: npt.NDArray[np.intp]
    right: npt.NDArray[np.intp]
    value: Floats
    depth: int
    """The most steps from a root to a leaf."""
    thresholds: tuple[tuple[str, float], ...] = ()
    """Decision thresholds chosen with the forest and kept in its file (its
    ``thresholds``), as (name, value) pairs; the forest itself does not use them."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Forest:
        """The forest from its JSON form: ``names``, ``baseline`` and ``trees``, each
        tree a mapping of equal-length node lists (``feature``, ``threshold``,
        ``missing_left``, ``left``, ``right``, ``value``; a leaf's children are -1)."""
        columns: dict[str, list[Any]] = {k: [] for k in ("feature", "threshold", "missing_left",
                                                          "left", "right", "value")}  # fmt: skip
        roots = []
        for tree in data["trees"]:
            offset = len(columns["value"])
            roots.append(offset)
            for key in ("feature", "threshold", "missing_left", "value"):
                columns[key].extend(tree[key])
            for key in ("left", "right"):
                columns[key].extend(  # a leaf points at itself
                    offset + (child if child >= 0 else i) for i, child in enumerate(tree[key])
                )
        return cls(
            names=tuple(data["names"]),
            baseline=float(data["baseline"]),
            roots=np.asarray(roots, dtype=np.intp),
            feature=np.asarray(columns["feature"], dtype=np.intp),
            threshold=np.asarray(columns["threshold"], dtype=np.float64),
            missing_left=np.asarray(columns["missing_left"], dtype=bool),
            left=np.asarray(columns["left"], dtype=np.intp),
            right=np.asarray(columns["right"], dtype=np.intp),
            value=np.asarray(columns["value"], dtype=np.float64),
            depth=int(data["depth"]),
            thresholds=tuple((k, float(v)) for k, v in data.get("thresholds", {}).items()),
        )

    def probabilities(self, rows: Sequence[Sequence[float]] | Floats) -> Floats:
        """The probability of the positive class for each row (one per row; an empty
        array for no rows)."""
        x = np.asarray(rows, dtype=np.float64)
        if x.size == 0:
            return np.zeros(0)
        if x.ndim != 2 or x.shape[1] != len(self.names):
            raise ValueError(f"rows must have {len(self.names)} columns, not shape {x.shape}")
        return np.concatenate(
            [self._probabilities(x[at : at + CHUNK]) for at in range(0, len(x), CHUNK)]
        )

    def _probabilities(self, x: Floats) -> Floats:
        node = np.broadcast_to(self.roots, (len(x), len(self.roots))).copy()
        at = np.arange(len(x))[:, None]
        for _ in range(self.depth):
            values = x[at, self.feature[node]]
            go_left = (values <= self.threshold[node]) | (
                np.isnan(values) & self.missing_left[node]
            )
            node = np.where(go_left, self.left[node], self.right[node])
        score: Floats = self.baseline + self.value[node].sum(axis=1)
        return np.asarray(1.0 / (1.0 + np.exp(-score)), dtype=np.float64)
