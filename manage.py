#!/usr/bin/env python
"""Django's manage.py, kept for habit; ``continuum`` is the same command."""

from continuum.__main__ import main

if __name__ == "__main__":
    main()
