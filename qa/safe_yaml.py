"""The one way glossqa reads YAML (front matter, rules.yaml, glossaries): bounded and never raising
anything but YAMLProblem.

PyYAML's safe loader still lets hostile text through: nesting a thousand levels deep overflows the
stack, an alias inside its own anchor (`&a [*a]`) builds a structure that contains itself, a few
hundred bytes of aliases to aliases ("billion laughs") expand to gigabytes in whoever walks the
result, and values the constructor cannot build (`2024-02-30`, `!!int abc`, a 5,000-digit integer)
raise ValueError. Here each is a YAMLProblem with the line it starts at.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, SequenceNode

__all__ = ["MappingNode", "Node", "SequenceNode", "YAMLProblem", "compose", "construct", "load"]
from yaml.resolver import Resolver

_Parser: Any
try:
    from yaml._yaml import CParser as _Parser  # libyaml's: twice as fast as PyYAML's own
except ImportError:  # PyYAML built without libyaml
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)


MAX_DEPTH = 64  # nested collections
MAX_NODES = 100_000  # values after expanding every alias


class YAMLProblem(Exception):
    """Why a YAML text cannot be read; `line` is 1-based within the text."""

    def __init__(self, line: int, problem: str):
        self.line, self.problem = line, problem
        super().__init__(f"line {line}: {problem}")


class _BoundedComposer(Composer):
    """Composes nodes while counting depth and the size each node has once its aliases are expanded."""

    def __init__(self) -> None:
        Composer.__init__(self)
        self._depth = 0
        self._open_anchors: set[str] = set()
        self._sizes: dict[int, int] = {}

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self._open_anchors:
                raise YAMLProblem(
                    line, f"alias *{event.anchor} refers to the collection that contains it"
                )
            return Composer.compose_node(self, parent, index)
        anchor = getattr(event, "anchor", None)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YAMLProblem(line, f"nested more than {MAX_DEPTH} levels deep")
        if anchor:
            self._open_anchors.add(anchor)
        node = Composer.compose_node(self, parent, index)
        if anchor:
            self._open_anchors.discard(anchor)
        self._depth -= 1
        if node is None:
            return None
        size = 1 + sum(self._sizes.get(id(child), 1) for child in _children(node))
        self._sizes[id(node)] = size
        if size > MAX_NODES:
            raise YAMLProblem(line, f"more than {MAX_NODES:,} values once its aliases are expanded")
        return node


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


class _Constructor(SafeConstructor):
    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return SafeConstructor.construct_object(self, node, deep=deep)
        except YAMLProblem:
            raise
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark or node.start_mark
            raise YAMLProblem(mark.line + 1, str(error.problem or error.context)) from None
        except Exception as error:  # PyYAML's constructors raise whatever a bad value provokes
            raise YAMLProblem(
                node.start_mark.line + 1,
                f"cannot read {node.value!r:.60} as {_short(node.tag)}: "
                f"{error or type(error).__name__}",
            ) from None


# The composer comes first: libyaml's parser has a composer of its own, in C, without the bounds.
class BoundedLoader(_BoundedComposer, _Parser, _Constructor, Resolver):
    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)
        _BoundedComposer.__init__(self)
        _Constructor.__init__(self)
        Resolver.__init__(self)


def _short(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def compose(text: str) -> Node | None:
    """The text's node tree (for readers that want each value's line), bounded."""
    loader = BoundedLoader(text)
    try:
        return _guarded(loader.get_single_node)
    finally:
        loader.dispose()


def construct(node: Node) -> Any:
    """The Python value of a node from `compose`."""
    return _guarded(lambda: _Constructor().construct_object(node, deep=True))


def load(text: str) -> Any:
    """The Python value of a YAML text, bounded; YAMLProblem says why it cannot be read."""
    node = compose(text)
    return None if node is None else construct(node)


def _guarded(action: Any) -> Any:
    try:
        return action()
    except YAMLProblem:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "broken YAML"
        raise YAMLProblem(mark.line + 1 if mark else 1, str(problem)) from None
    except yaml.YAMLError as error:
        raise YAMLProblem(1, str(error).splitlines()[0] if str(error) else "broken YAML") from None
    except (RecursionError, MemoryError) as error:
        raise YAMLProblem(1, f"cannot read it: {error or type(error).__name__}") from None
