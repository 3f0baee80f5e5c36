"""credcat: micro-credential catalogues from YAML, with EDC files beside each page.

Owns the package's public names: :class:`Catalogue`, :func:`load_catalogue` and
:func:`check_catalogue` (from ``catalogue`` and ``validate``) and the problem types. The core
(``validate``, ``catalogue``, ``model``, ``rules``, ``graph``, ``render``, ``urls`` …) imports
nothing from MkDocs; ``mkdocs_plugin`` adapts it to MkDocs and ``cli`` exposes it on the command
line.
"""

from .catalogue import Catalogue
from .errors import CatalogueError, Problem, Severity
from .validate import check_catalogue, load_catalogue

__all__ = [
    "Catalogue",
    "CatalogueError",
    "Problem",
    "Severity",
    "check_catalogue",
    "load_catalogue",
]
__version__ = "0.1.0"
