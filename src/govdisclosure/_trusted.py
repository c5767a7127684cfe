"""Building frozen model objects from values already checked, without checking them again.

Readers check every value against exactly what the model's validators and converters
check, often in bulk; running those again on construction would double the cost of
reading. :func:`trusted_maker` gives, for one attrs class, a function that takes the
values of all its fields in order and stores them as they are.

Passing values the model would refuse breaks its guarantees: only code that has made the
model's own checks may call a maker (tests/test_json.py re-runs the model's checks on
everything the JSON reader builds this way).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

_T = TypeVar("_T")


def trusted_maker(cls: type[_T]) -> Callable[..., _T]:
    """A function ``make(*values)`` returning an instance of the slotted attrs class
    ``cls`` with its fields, in declaration order, set to ``values`` unchecked.

    >>> @attrs.frozen
    ... class Point:
    ...     x: int = attrs.field(validator=attrs.validators.instance_of(int))
    ...     y: int = 0
    >>> trusted_maker(Point)(1, 2)
    Point(x=1, y=2)
    """
    names = [field.name for field in attrs.fields(cls)]  # type: ignore[arg-type]
    # The slots' own descriptors: cheaper to call than object.__setattr__, which looks
    # each name up again. A subclass finds its fields' slots on the class declaring them.
    setters = {
        f"_set_{i}": next(
            klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__
        ).__set__
        for i, name in enumerate(names)
    }
    params = ", ".join(f"v{i}" for i in range(len(names)))
    body = "".join(f"\n    _set_{i}(made, v{i})" for i in range(len(names)))
    source = f"def make({params}):\n    made = _new(_cls){body}\n    return made\n"
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
    # Generated, as attrs makes __init__: a fixed sequence of calls costs less than a loop.
    exec(compile(source, f"<trusted {cls.__qualname__}>", "exec"), namespace)
    make: Callable[..., _T] = namespace["make"]
    make.__qualname__ = f"trusted_maker.<{cls.__qualname__}>"
    return make
