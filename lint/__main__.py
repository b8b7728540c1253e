"""``python -m framelint`` is the ``framelint`` command."""
from .cli import entry

entry()
