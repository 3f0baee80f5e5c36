"""``python -m credcat``: the ``credcat`` command, for a Python whose scripts folder is not on
the ``PATH``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
