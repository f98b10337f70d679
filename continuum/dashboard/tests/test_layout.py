from continuum.dashboard.layout import COLUMNS, LABEL_WIDTH, band_layout


def test_bands_stack_top_to_bottom_without_overlap():
    layout = band_layout([2, 3])
    first, second = layout.bands
    assert first.y == 0
    assert second.y == first.y + first.height
    assert layout.height == second.y + second.height


def test_a_long_band_wraps_into_rows_of_at_most_the_column_count():
    layout = band_layout([COLUMNS + 1])
    tiles = layout.tiles[0]
    assert len({tile.y for tile in tiles}) == 2
    assert tiles[COLUMNS].x == tiles[0].x
    assert all(tile.x >= LABEL_WIDTH for tile in tiles)


def test_every_tile_lies_inside_its_band_and_the_drawing():
    layout = band_layout([1, 4, COLUMNS * 2 + 1, 0])
    for band, tiles in zip(layout.bands, layout.tiles, strict=True):
        for tile in tiles:
            assert band.y <= tile.y
            assert tile.y + tile.height <= band.y + band.height
            assert tile.x + tile.width <= layout.width
