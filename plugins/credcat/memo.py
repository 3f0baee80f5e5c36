"""Values computed once per immutable object, for as long as the object lives.

Owns :func:`per_object`. The models are frozen, and ``mkdocs serve`` keeps the models of
unchanged files from one rebuild to the next (:class:`credcat.validate.LoadCache`), so what is
derived from one model alone (its fingerprint, its translatable texts) is computed once per
model, not once per rebuild. Entries are keyed by the object's identity and dropped with it.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

__all__ = ["per_object"]

Obj = TypeVar("Obj")
R = TypeVar("R")


def per_object(function: Callable[[Obj], R]) -> Callable[[Obj], R]:
    """``function`` of one immutable, weak-referenceable object, computed once per object."""
    known: dict[int, tuple[weakref.ref[Obj], R]] = {}

    @functools.wraps(function)
    def wrapper(obj: Obj) -> R:
        key = id(obj)
        found = known.get(key)
        if found is not None and found[0]() is obj:
            return found[1]
        value = function(obj)
        known[key] = (weakref.ref(obj, lambda _: known.pop(key, None)), value)
        return value

    return wrapper
