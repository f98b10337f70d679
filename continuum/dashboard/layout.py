"""Geometry of the continuum map: one band per competency, its targets as tiles in rows
of at most ``COLUMNS``, a label column on the left. Pure arithmetic, no Django."""

from dataclasses import dataclass

COLUMNS = 5
LABEL_WIDTH = 210
TILE_WIDTH = 156
TILE_HEIGHT = 54
GAP = 8
PAD = 10


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class MapLayout:
    width: float
    height: float
    bands: list[Box]
    tiles: list[list[Box]]


def band_layout(sizes: list[int]) -> MapLayout:
    """Boxes for bands holding ``sizes[i]`` tiles each, stacked top to bottom."""
    columns = max(1, min(COLUMNS, max(sizes, default=1)))
    width = LABEL_WIDTH + columns * (TILE_WIDTH + GAP) - GAP + 2 * PAD
    bands, tiles, y = [], [], 0.0
    for size in sizes:
        rows = max(1, -(-size // columns))
        height = rows * (TILE_HEIGHT + GAP) - GAP + 2 * PAD
        bands.append(Box(0, y, width, height))
        tiles.append(
            [
                Box(
                    LABEL_WIDTH + PAD + (i % columns) * (TILE_WIDTH + GAP),
                    y + PAD + (i // columns) * (TILE_HEIGHT + GAP),
                    TILE_WIDTH,
                    TILE_HEIGHT,
                )
                for i in range(size)
            ]
        )
        y += height
    return MapLayout(width, y, bands, tiles)
