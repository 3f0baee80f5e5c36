"""Models kept out of memory while a build goes on: one job, no catalogue knowledge.

Owns :class:`ModelStore` (models pickled into an anonymous temporary file, unpickled when
asked, the last few kept), its handles (:class:`Stored`, and :class:`Held` for a model kept in
memory) and :class:`Packed`, a read-only mapping of ids to stored models. A build holds every
credential's model until its pages are rendered; at 10,000 credentials those models were most
of its peak. Packed, a credential costs a handle (a few dozen bytes) and is unpickled again
(about 0.2 ms) where it is read; the reads of one credential come one after the other (its
rules, its pages, its files), so the few kept answer most of them.

The file is the process's own (unnamed, removed by the system when closed); it is read by
position (``os.pread``), so worker processes forked from the build read it too.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import weakref
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import IO, Generic, Protocol, TypeVar, cast

__all__ = ["Handle", "Held", "ModelStore", "Packed", "Stored"]

M = TypeVar("M")
M_co = TypeVar("M_co", covariant=True)


class Handle(Protocol[M_co]):
    """How a model is reached: :class:`Held` (in memory) or :class:`Stored` (packed)."""

    def get(self) -> M_co:
        """The model."""
        ...


class Held(Generic[M]):
    """A model kept in memory."""

    __slots__ = ("_model",)

    def __init__(self, model: M) -> None:
        self._model = model

    def get(self) -> M:
        """The model itself."""
        return self._model

    def __repr__(self) -> str:
        return f"Held({self._model!r})"


class Stored(Generic[M]):
    """A model packed in a :class:`ModelStore`: where its bytes are."""

    __slots__ = ("_offset", "_size", "_store")

    def __init__(self, store: ModelStore, offset: int, size: int) -> None:
        self._store = store
        self._offset = offset
        self._size = size

    def get(self) -> M:
        """The model, unpickled unless it is one of the store's last few."""
        return cast("M", self._store.read(self._offset, self._size))

    def __repr__(self) -> str:
        return f"Stored(at {self._offset}, {self._size} bytes)"


class ModelStore:
    """Models pickled into an anonymous temporary file.

    Args:
        recent: How many unpickled models are kept, the most recently read.
    """

    def __init__(self, recent: int = 64) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - lives with the store
        # closed (and so removed) with the store, or by close()
        self._closer = weakref.finalize(self, self._file.close)
        self._end = 0
        self._recent: OrderedDict[int, object] = OrderedDict()
        self._keep = recent
        self.reads = 0
        """How many models were unpickled (not taken from the last few kept)."""

    def put(self, model: M) -> Stored[M]:
        """Pack ``model``; it is the one :meth:`Stored.get` returns while it is recent."""
        data = pickle.dumps(model, pickle.HIGHEST_PROTOCOL)
        offset = self._end
        os.pwrite(self._file.fileno(), data, offset)
        self._end += len(data)
        self._remember(offset, model)
        return Stored(self, offset, len(data))

    def read(self, offset: int, size: int) -> object:
        """The model packed at ``offset`` (:meth:`Stored.get` gives it its type)."""
        recent = self._recent
        if offset in recent:
            recent.move_to_end(offset)
            return recent[offset]
        data = os.pread(self._file.fileno(), size, offset)
        if len(data) != size:  # pragma: no cover - the file is the process's own
            raise OSError(f"model store: read {len(data)} of {size} bytes at {offset}")
        self.reads += 1
        model = pickle.loads(data)  # noqa: S301 - our own bytes, written above
        self._remember(offset, model)
        return model

    def _remember(self, offset: int, model: object) -> None:
        self._recent[offset] = model
        if len(self._recent) > self._keep:
            self._recent.popitem(last=False)

    def close(self) -> None:
        """Remove the file; the store's models can no longer be read."""
        self._recent.clear()
        self._closer()


class Packed(Mapping[str, M]):
    """A read-only mapping of ids to models, each reached through its handle, in the order
    given."""

    def __init__(self, handles: Mapping[str, Handle[M]]) -> None:
        self._handles = dict(handles)

    def __getitem__(self, key: str) -> M:
        return self._handles[key].get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._handles)

    def __len__(self) -> int:
        return len(self._handles)

    def __contains__(self, key: object) -> bool:
        return key in self._handles

    def handle(self, key: str) -> Handle[M]:
        """How the model of ``key`` is reached (shared by a release that states the same)."""
        return self._handles[key]

    def __repr__(self) -> str:
        return f"Packed({len(self)} models)"
