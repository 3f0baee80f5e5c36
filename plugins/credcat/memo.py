"""Values computed once per immutable object, for as long as the object lives.

Owns :func:`per_object` (a :class:`PerObject`). The models are frozen, and ``mkdocs serve``
keeps the models of unchanged files from one rebuild to the next
(:class:`credcat.validate.LoadCache`), so what is derived from one model alone (its
fingerprint, its translatable texts) is computed once per model, not once per rebuild. Entries
are keyed by the object's identity and dropped with it, or all at once (:meth:`PerObject.forget`)
when a load that is not kept needs them no more.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["PerObject", "per_object"]

Obj = TypeVar("Obj")
R = TypeVar("R")


class PerObject(Generic[Obj, R]):
    """A function of one immutable, weak-referenceable object, computed once per object; see
    :func:`per_object`."""

    def __init__(self, function: Callable[[Obj], R]) -> None:
        self._function = function
        self._known: dict[int, tuple[weakref.ref[Obj], R]] = {}
        functools.update_wrapper(self, function)

    def __call__(self, obj: Obj) -> R:
        key = id(obj)
        known = self._known
        found = known.get(key)
        if found is not None and found[0]() is obj:
            return found[1]
        value = self._function(obj)
        known[key] = (weakref.ref(obj, lambda _: known.pop(key, None)), value)
        return value

    def __len__(self) -> int:
        """How many values are kept."""
        return len(self._known)

    def forget(self) -> None:
        """Drop every value computed so far (they are computed again when asked)."""
        self._known.clear()


def per_object(function: Callable[[Obj], R]) -> PerObject[Obj, R]:
    """``function`` of one immutable, weak-referenceable object, computed once per object."""
    return PerObject(function)
