"""``python -m framelint`` is the ``framelint`` command."""
from .cli import main

raise SystemExit(main())
