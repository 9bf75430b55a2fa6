"""Input checks shared by every module: each refuses bad input with an error naming the parameter.

They live here so that the modules the chapter is about read as their algorithms.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray


def check_int(value: Any, name: str, minimum: int) -> int:
    """Return `value` as an int if it is an integer >= `minimum`; bools and floats are refused."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def check_positive(value: Any, name: str) -> None:
    """Refuse anything but a finite real number > 0 (bools are not numbers here)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be positive and finite, got {value}")


def check_choice(value: Any, name: str, choices: Sequence[str]) -> None:
    """Refuse a `value` that is not one of `choices`, listing the valid ones."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}; got {value!r}")


def check_layer_sizes(layer_sizes: Sequence[int]) -> tuple[int, ...]:
    """Return the layer sizes as a tuple of ints, refusing anything that is not a network."""
    if isinstance(layer_sizes, (str, bytes)) or not isinstance(layer_sizes, Sequence):
        raise TypeError(f"layer_sizes must be a sequence of ints, got {type(layer_sizes).__name__}")
    if len(layer_sizes) < 2:
        raise ValueError(f"layer_sizes needs at least 2 entries (inputs, outputs), got {list(layer_sizes)}")
    return tuple(check_int(size, f"layer_sizes[{i}]", 1) for i, size in enumerate(layer_sizes))


def check_real_dtype(array: NDArray[Any], name: str) -> None:
    """Refuse arrays of bools, complex numbers, strings or objects."""
    real = np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)
    if array.dtype == np.bool_ or not real:
        raise TypeError(f"{name} must hold real numbers, got dtype {array.dtype}")


def as_float64_array(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """`values` as a float64 array (not copied when it already is one), refusing non-real dtypes."""
    array = np.asarray(values)
    if array.dtype != np.float64:
        check_real_dtype(array, name)
        array = array.astype(np.float64)
    return array


def as_parameters(theta: ArrayLike, name: str = "theta") -> NDArray[np.floating[Any]]:
    """Return a private float copy of `theta`, refusing what cannot be a parameter vector."""
    array = np.asarray(theta)
    check_real_dtype(array, name)
    dtype = array.dtype if np.issubdtype(array.dtype, np.floating) else np.float64
    array = np.array(array, dtype=dtype, copy=True)
    bad = ~np.isfinite(array)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"{name} must be finite, but {label(name, array, i)} = {array.reshape(-1)[i].item()}"
        )
    return array


def as_real_scalar(value: Any, name: str, verb: str = "return", where: str = "") -> float:
    """`value` as a float if it is one real number (finite or not); "{name} must {verb} a real scalar"."""
    if isinstance(value, (float, np.floating)):
        return float(value)
    if np.ndim(value) == 0 and not isinstance(value, (bool, np.bool_, complex, np.complexfloating, str)):
        try:
            return float(value)
        except (TypeError, ValueError):
            pass
    shape = f" of shape {np.shape(value)}" if np.ndim(value) else f" {value!r}"
    raise TypeError(f"{name} must {verb} a real scalar, got {type(value).__name__}{shape}{where}")


def label(name: str, array: NDArray[Any], flat_index: int) -> str:
    """How a message names one entry: theta[1, 0] for flat index 2 of a 2 x 2 theta (theta if 0-d)."""
    index = np.unravel_index(flat_index, array.shape)
    return f"{name}[{', '.join(str(int(k)) for k in index)}]" if index else name
