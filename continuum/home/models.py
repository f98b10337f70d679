"""The home app stores nothing: it counts what waits in the other apps."""
