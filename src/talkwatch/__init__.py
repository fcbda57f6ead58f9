"""talkwatch: an evidence-linked record of who demands what in peace talks."""

__version__ = "0.1.0"
