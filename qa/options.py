"""Rule option types: what a value from rules.yaml must be, item by item, and regular expressions
that are checked when the config is read and never run without a time bound.

A rule's OPTIONS default gives an option's type (`["wikipedia.org"]` is a list of strings); where
the default cannot tell (an empty list, a pattern that is a string), the rule declares it in
OPTION_TYPES with the same notation: `list[str]`, `dict[str, list[str]]`, `str | list[str]`,
`Regex`, `list[Regex]`.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator
from typing import Any

import regex

PATTERN_SECONDS = 0.1  # per search; a pattern that takes longer once never matches again


class Regex(str):
    """Declares an option whose strings are regular expressions."""


def declared_type(module: Any, option: str) -> Any:
    return getattr(module, "OPTION_TYPES", {}).get(option) or type_of(module.OPTIONS[option])


def type_of(default: object) -> Any:
    """The type a default value stands for; a non-empty list or mapping gives its items' type too."""
    if isinstance(default, list) and default:
        return list[type_of(default[0])]  # type: ignore[misc]
    if isinstance(default, dict) and default:
        first_key, first_value = next(iter(default.items()))
        return dict[type_of(first_key), type_of(first_value)]  # type: ignore[misc]
    if isinstance(default, list):
        return list
    if isinstance(default, dict):
        return dict
    return type(default)


def mismatches(value: object, expected: Any, name: str) -> Iterator[tuple[tuple, str]]:
    """(path to the wrong item, message) for each item of `value` that is not `expected`.

    The path is the keys and indexes that lead to the item, for finding its line.
    """
    origin = typing.get_origin(expected)
    if origin in (typing.Union, types.UnionType):
        choices = typing.get_args(expected)
        if any(not list(mismatches(value, choice, name)) for choice in choices):
            return
        same_shape = [choice for choice in choices if _container(choice) is type(value)]
        if same_shape:  # a list of the wrong items: name the item
            yield from mismatches(value, same_shape[0], name)
        else:
            yield (), f"{name} must be {describe(expected)}, not {_kind(value)}"
        return
    if origin is list or expected is list:
        if not isinstance(value, list):
            yield (), f"{name} must be {describe(expected)}, not {_kind(value)}"
            return
        (item_type,) = typing.get_args(expected) or (object,)
        for index, item in enumerate(value):
            for path, message in mismatches(item, item_type, f"{name}[{index}]"):
                yield (index, *path), message
        return
    if origin is dict or expected is dict:
        if not isinstance(value, dict):
            yield (), f"{name} must be {describe(expected)}, not {_kind(value)}"
            return
        key_type, item_type = typing.get_args(expected) or (object, object)
        for key, item in value.items():
            if list(mismatches(key, key_type, name)):
                yield (key,), f"{name}: the key {key!r} must be {describe(key_type)}"
            for path, message in mismatches(item, item_type, f"{name}.{key}"):
                yield (key, *path), message
        return
    if expected is Regex:
        if not isinstance(value, str):
            yield (), f"{name} must be a regular expression (a string), not {_kind(value)}"
            return
        try:
            regex.compile(value)
        except regex.error as error:
            yield (), f"{name}: {value!r} is not a regular expression: {error}"
        return
    if not _fits(value, expected):
        yield (), f"{name} must be {describe(expected)}, not {_kind(value)}"


def _container(expected: Any) -> Any:
    return typing.get_origin(expected) or (expected if expected in (list, dict) else None)


def _fits(value: object, expected: Any) -> bool:
    if expected is object or expected is type(None):
        return True
    if expected is bool:
        return isinstance(value, bool)
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


def describe(expected: Any) -> str:
    origin = typing.get_origin(expected)
    arguments = typing.get_args(expected)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(describe(choice) for choice in arguments)
    if origin is list:
        return f"a list of {_plural(arguments[0])}"
    if origin is dict:
        return f"a mapping of {_plural(arguments[0])} to {_plural(arguments[1])}"
    return {
        bool: "true or false",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a mapping",
        Regex: "a regular expression",
    }.get(expected, getattr(expected, "__name__", str(expected)))


def _plural(expected: Any) -> str:
    if typing.get_origin(expected) is not None:
        return describe(expected).removeprefix("a ").replace("a list", "lists")
    return {
        bool: "true or false",
        int: "integers",
        float: "numbers",
        str: "strings",
        Regex: "regular expressions",
        object: "values",
    }.get(expected, describe(expected))


def _kind(value: object) -> str:
    if value is None:
        return "empty"
    return {
        bool: "true or false",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


class BoundedPattern:
    """A regular expression from the config, searched with a time bound (see PATTERN_SECONDS)."""

    def __init__(self, pattern: str):
        self.pattern = regex.compile(pattern)
        self.groupindex = self.pattern.groupindex
        self.too_slow = False  # catastrophic backtracking: one slow search means more would be

    def search(self, text: str) -> Any:
        if self.too_slow:
            return None
        try:
            return self.pattern.search(text, timeout=PATTERN_SECONDS)
        except TimeoutError:
            self.too_slow = True
            return None


@functools.lru_cache(maxsize=256)
def bounded(pattern: str) -> BoundedPattern:
    return BoundedPattern(pattern)
