"""The web dashboard and JSON API: ``talkwatch serve`` and ``talkwatch report --html``."""

from __future__ import annotations
