"""Faster pickling for the frozen attrs classes a batch sends between processes by the
thousand (a report read from text comes back with some 130 objects: its paragraphs and
spans, the reader's notes and the source of every figure, the checker's findings).

attrs pickles a slotted class through a dict built in Python, and unpickles it by a
loop in Python; for small objects that is most of the cost of sending them. A class
decorated with :func:`compact_pickle` pickles its fields as a tuple, read in C
(:func:`operator.attrgetter`), and restores them by straight-line code generated once
for the class (as attrs generates its ``__init__``): together about a third less to
pickle and a quarter less to unpickle (``benchmarks/run.py batch``). A pickle made by
attrs's own methods (a dict) is still read.

>>> import pickle
>>> from govdisclosure.text import Span  # a class decorated with it
>>> Span("一是", bold=True).__getstate__()
('一是', True)
>>> pickle.loads(pickle.dumps(Span("一是", bold=True)))
Span(text='一是', bold=True)
>>> back = Span.__new__(Span)
>>> back.__setstate__({"text": "旧", "bold": False})  # as attrs pickled it
>>> back
Span(text='旧', bold=False)
"""

from __future__ import annotations

import operator
import types
from typing import Any, TypeVar

import attrs

__all__ = ["compact_pickle"]

T = TypeVar("T")


def compact_pickle(cls: type[T]) -> type[T]:
    """``cls`` (a frozen attrs class with slots) pickled as a tuple of its fields."""
    names = tuple(field.name for field in attrs.fields(cls))  # type: ignore[arg-type]
    fields = operator.attrgetter(*names)
    namespace: dict[str, Any] = {"_set": object.__setattr__, "_fields": fields}
    # Each field is set through its slot's own descriptor: a third of the cost of
    # object.__setattr__, which looks the descriptor up by name each time.
    namespace |= {f"_set{i}": _slot(cls, name).__set__ for i, name in enumerate(names)}
    single = len(names) == 1
    code = (
        "def __getstate__(self):\n"
        f"    return {'(_fields(self),)' if single else '_fields(self)'}\n"
        "def __setstate__(self, state):\n"
        "    if type(state) is dict:\n"
        "        for name, value in state.items():\n"
        "            _set(self, name, value)\n"
        "        return\n" + "".join(f"    _set{i}(self, state[{i}])\n" for i in range(len(names)))
    )
    exec(code, namespace)  # code made above from the field names only
    for method in ("__getstate__", "__setstate__"):
        function = namespace[method]
        function.__qualname__ = f"{cls.__qualname__}.{method}"
        setattr(cls, method, function)
    return cls


def _slot(cls: type, name: str) -> types.MemberDescriptorType:
    """The descriptor of the slot ``name`` of ``cls`` (a base class's, for a field it
    inherits)."""
    for klass in cls.__mro__:
        descriptor = klass.__dict__.get(name)
        if isinstance(descriptor, types.MemberDescriptorType):
            return descriptor
    raise TypeError(f"{cls.__qualname__}.{name} is no slot: compact_pickle needs slots")
