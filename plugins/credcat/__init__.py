"""credcat: micro-credential catalogues from YAML, with EDC files beside each page.

The core (``catalogue``, ``model``, ``rules``, ``render``, ``urls``) imports nothing from MkDocs;
``mkdocs_plugin`` adapts it to MkDocs and ``cli`` exposes it on the command line.
"""

from .catalogue import Catalogue, check_catalogue, load_catalogue
from .errors import CatalogueError, Problem, Severity

__all__ = [
    "Catalogue",
    "CatalogueError",
    "Problem",
    "Severity",
    "check_catalogue",
    "load_catalogue",
]
__version__ = "0.1.0"
