"""The fast parse path (markdown-it-pyrs) against the reference (markdown-it-py): the same document,
section tree, blocks, links and lines for every sample, read by the fast path itself where it can,
handed back to markdown-it-py where it cannot; and glossqa without markdown-it-pyrs at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REPOSITORY, write_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa import parse_fast
from qa.model import SourceFile
from qa.parse import decode_text, parse_text
from qa.sections import build_document

needs_fast = pytest.mark.skipif(not parse_fast.AVAILABLE, reason="markdown-it-pyrs not installed")


def md(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# samples the fast path reads itself; each must come out exactly as markdown-it-py's
FAST_SAMPLES = {
    "front matter and headings": md("""
        ---
        title: Über uns
        lang: de
        ---

        # Title {#custom-id}

        Intro with [a link](https://example.com/a) and ![an *image*](img.png "t").

        ## Closing hashes ##

        Setext heading
        over two lines
        ==============

        > # Heading in a quote
        > quoted [link](q.md)
    """),
    "admonitions": md("""
        # Admonitions

        !!! note
            Untitled, so its title is the type's name: [inside](in.md).

        !!! warning "A title of its own"

            Loose content.

            ```bash
            echo inside
            ```

        ???+ tip "Collapsible"
            Text.

            !!! example "Nested"
                Nested [deep](deep.md).

        !!! danger ""
            No title at all.


            Indented code after two blank lines ends the admonition.

        After.
    """),
    "content tabs": md("""
        === "Android"

            Tab one [link](a.md).

            - a list
            - in a tab

        === "iOS"

            Tab two.

            !!! info "In a tab"
                Admonition in a tab.
    """),
    "md_in_html": md("""
        <div class="grid" markdown>
        **Bold** text [in div](div.md)
        <div markdown>
        Nested *div* [n](n.md)
        </div>
        </div>

        <details markdown><summary>Sum</summary>
        Details text
        </details>

        <p>Plain <a href="html.md">HTML</a> block</p>
        <h2 id="html-heading">HTML <em>heading</em></h2>

        <!-- glossqa-disable untranslated -->
    """),
    "hugo shortcodes": md("""
        ---
        title: Hugo
        default_lang_commit: abc123
        ---

        See [the docs](/docs/{{< param "version" >}}/setup/) and {{< figure src="x.png" >}}.

        {{% alert title="Note" %}} Shortcode block {{% /alert %}}
    """),
    "CJK": md("""
        # 日本語の見出し {#japanese}

        これは段落です。[リンク](https://example.jp/ページ)とテキスト。

        \u3000全角スペースで始まる段落。\u3000

        | 名前 | 説明　　 |
        |------|------|
        | 値　 | [表](t.md)　 |
    """),
    "lists": md("""
        - tight item [one](1.md)
          continued line
          - nested tight [two](2.md)
            1. ordered deep

        - loose item

          second paragraph [three](3.md)

        1) other marker
        2) second
           # heading in a list item
    """),
    "reference links and autolinks": md("""
        Text with [a reference][ref] and [collapsed][] and [shortcut] and <https://auto.link/x>
        and <mail@example.com> and a [broken ref][nothing].

        [ref]: https://example.com/ref "Title"
        [collapsed]: /collapsed
        [shortcut]: <with spaces.md>
    """),
    "inline details": md("""
        Entities &amp; &copy; &#1234; and escapes \\* \\[ and `code spans`
        with a hard break\x20\x20
        and a backslash break\\
        and <span title="multi
        line">inline HTML</span> then [after](after.md) on its own line.

        A link [across
        two lines](across.md) and [after it](next.md).

        Non-ASCII targets [ü](https://example.de/ü?q=ß#ß) and [space](<a b.md>) and [pct](a%20b.md).
    """),
    "fences": md("""
        ```python
        print("closed")
        ```

        ~~~
        tilde
        ~~~

            indented code

        ````md
        ```
        inner
        ```
        ````

    """),
    "tables": md("""
        | a | b | c |
        |:--|:-:|--:|
        | 1 | [x](x.md) |
        |   | `code` | three |
        | only one |

        After the table.
    """),
    "footnotes": md("""
        First[^second-defined] then[^first-defined] and an inline one^[inline [note](inline.md)].

        [^first-defined]: Defined first [f](f.md).
        [^unused]: Never referenced [u](u.md).
        [^second-defined]: Defined second [s](s.md).
            Indented continuation.

        - list
            1. deep

        Later[^list].

        [^list]:
            - a list in a footnote [l](l.md)
    """),
    "html blocks": md("""
        <table>
          <tr><td><a href="cell.md">cell</a></td></tr>
        </table>

        <!--
        a comment
        over lines
        -->

        <script>
        var x = "<a href='no.md'>";

        </script>

        Text <!-- inline comment --> after.
    """),
    "a last line of U+3000": "Text [a](b.md)\n\u3000\u3000\n\nMore.\n",
    "tabs and blank lines": "# Tabs\n\n-\titem with a tab\n\n\tindented by a tab\n\n>\tquote\n\n\n\nend",
    "crlf": "---\r\ntitle: CRLF\r\n---\r\n\r\n# Heading\r\n\r\nLine one\r\nline [two](two.md)\r\n",
    "no trailing newline html": "Text\n\n<div>last</div>",
    "empty body": "---\ntitle: only front matter\n---",
}

# samples the fast path hands to markdown-it-py, which must still give the reference's answer
FALLBACK_SAMPLES = {
    "admonition in a list": md("""
        - item

            !!! note
                In a list.
    """),
    "admonition after a paragraph line": md("""
        Paragraph
        !!! note
            Interrupts it.
    """),
    "footnote definition ending a paragraph": md("""
        Text[^1]
        [^1]: Ends the paragraph in markdown-it-py.
    """),
    "admonition title with markup": md("""
        !!! note "A *marked* title"
            Body.
    """),
    "admonition ended by text": md("""
        !!! note
            Body
        Not in the admonition.
    """),
    "fence one backtick short": md("""
        ````
        code
        ```

        text
    """),
    "no trailing newline fence": "Text\n\n```\ncode",
    "a paragraph opening with a line of U+3000": "\u3000\nText [a](b.md)\n",
    "a comment never closed in a list item": '- <!-- "Tab"\n\n    In a tab.\n',
    "empty list item after a quote": "> quote\n-\n\ntext\n",
    "fence closer followed by U+3000": "```\ncode\n```\u3000\n\ntext\n",
    "fence closed only by its container": "- item\n\n  ```\n  code\n\n\nafter\n",
    "non-ASCII host name": "[ü](https://ä.example/ü)\n",
    "footnote definition after a continuation line": md("""
        Text[^1] and[^2].

        [^1]: One
            continued.
        [^2]: Two.
    """),
    "setext heading in a list": md("""
        - Heading over
          two lines
          ---
    """),
}


def source_for(name: str) -> SourceFile:
    return SourceFile(Path(name), name, name, "en", "path")


def both(text: str, name: str = "en/page.md"):
    """Both parsers' ParsedFile and Document for a file of this text, decoded as the pipeline does."""
    source = source_for(name)
    decoded, error = decode_text(text.encode())
    text = decoded if decoded is not None else ""
    reference = parse_text(text, source, "reference")
    fast = parse_text(text, source, "fast")
    return reference, fast, build_document(source, reference), build_document(source, fast)


@needs_fast
@pytest.mark.parametrize("name", FAST_SAMPLES)
def test_fast_path_reads_the_sample_as_markdown_it_py_does(name):
    reference, fast, reference_document, fast_document = both(FAST_SAMPLES[name])
    assert fast.parsed_by == "fast"
    assert reference.parsed_by == "reference"
    assert fast_document == reference_document
    assert fast.blocks or name == "empty body"


@needs_fast
@pytest.mark.parametrize("name", FALLBACK_SAMPLES)
def test_fast_path_hands_back_what_it_cannot_read(name):
    reference, fast, reference_document, fast_document = both(FALLBACK_SAMPLES[name])
    assert fast.parsed_by.startswith("reference: ")
    assert fast_document == reference_document


@needs_fast
def test_mdx_components_read_alike():
    text = md("""
        ---
        title: MDX
        ---
        import { Tabs } from '@site/components';
        export const meta = { a: 1 };

        # Install {#install}

        <PackageManagerTabs length={3}>
          <Tab label="npm">
            ```bash
            npm install
            ```
          </Tab>
        </PackageManagerTabs>

        Text with {props.value} and <Since v="4.0" /> and [a link](/docs/x).

            not code in MDX

        !!! note
            MDX has no admonitions: this is text.

        <img
          src="/multi.png"
          alt="multi-line tag"
        />
    """)
    reference, fast, reference_document, fast_document = both(text, "en/install.mdx")
    assert fast.parsed_by == "fast"
    assert fast_document == reference_document
    assert not reference.code_blocks[1:]  # the indented line is prose in MDX


def test_admonitions_unwrapped_as_the_plugin_reads_them():
    lines = md("""
        !!! note "Title"
            Content
              deeper

        After
    """).split("\n")
    titles = parse_fast.admonitions_unwrapped(lines)
    assert [(title.line, title.title) for title in titles] == [(1, "Title")]
    assert lines[:5] == ["", "Content", "  deeper", "", "After"]


def test_an_admonition_inside_a_fence_is_code():
    lines = ["```", "!!! note", "    not one", "```"]
    assert parse_fast.admonitions_unwrapped(lines) == []
    assert lines == ["```", "!!! note", "    not one", "```"]


FRAGMENTS = [
    "# Heading",
    "## Heading {#id}",
    "Setext\n---",
    "Plain paragraph text.",
    "Text with [link](a.md) and *em* and `code`.",
    "Line one\nline [two](b.md)",
    "- item\n- item [c](c.md)",
    "- item\n\n  loose [d](d.md)",
    "1. one\n   - nested",
    "> quote\n> [e](e.md)",
    "```\ncode\n```",
    "    indented",
    "| a | b |\n|---|---|\n| 1 | [f](f.md) |",
    "<div>html <a href='g.md'>g</a></div>",
    "<div markdown>\n**md** [h](h.md)\n</div>",
    "<!-- comment -->",
    "!!! note\n    Admonition [i](i.md).",
    '!!! tip "Titled"\n    Body.',
    "Note[^1] here.",
    "[^1]: Footnote [j](j.md).",
    '=== "Tab"\n\n    In a tab.',
    "[ref]: /ref",
    "Uses [ref].",
    "日本語　テキスト",
    "&amp; \\* entity",
    "***",
    "",
]


@needs_fast
@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8), st.sampled_from(["\n", "\n\n"])
)
def test_random_documents_read_alike(fragments, separator):
    text = separator.join(fragments)
    reference, fast, reference_document, fast_document = both(text)
    assert fast_document == reference_document, text


def test_parser_is_chosen_by_environment():
    code = "from qa.parse import DEFAULT_PARSER; print(DEFAULT_PARSER)"
    for value, expected in (
        ("reference", "reference"),
        ("", "fast" if parse_fast.AVAILABLE else "reference"),
    ):
        environment = {**os.environ, "GLOSSQA_PARSER": value}
        result = subprocess.run(
            [sys.executable, "-c", code],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip() == expected


def test_unknown_parser_is_refused():
    with pytest.raises(ValueError, match="unknown parser 'rust'"):
        parse_text("# x\n", source_for("en/x.md"), "rust")


def test_glossqa_checks_without_markdown_it_pyrs(tmp_path):
    """No wheel for the platform: markdown-it-py alone, the same diagnostics."""
    write_corpus(
        tmp_path,
        {
            "en/page.md": "---\ntitle: Page\n---\n\n# Install\n\nSee [setup](setup.md).\n\n!!! note\n    Text.\n",
            "sv/page.md": "---\ntitle: Sida\n---\n\n# Installera\n\nSe [inställning](other.md).\n\n!!! note\n    Text.\n",
        },
    )
    blocked = "import sys\nsys.modules['markdown_it_pyrs'] = None  # as if it had no wheel\n"
    run = (
        "import sys\nfrom qa import parse_fast\nprint(parse_fast.AVAILABLE, file=sys.stderr)\n"
        "from qa.cli import main\nsys.exit(main(sys.argv[1:]))"
    )
    outputs, available = [], []
    for program in (blocked + run, run):
        result = subprocess.run(
            [sys.executable, "-c", program]
            + ["check", "--format", "json", "--no-cache", "--isolated", "--jobs", "1", "."],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
            capture_output=True,
            text=True,
        )
        assert "Traceback" not in result.stderr
        available.append(result.stderr.split("\n")[0])
        outputs.append(json.loads(result.stdout))
    assert available == ["False", str(parse_fast.AVAILABLE)]
    assert outputs[0] == outputs[1]
    assert any(item["rule"] == "link-targets" for item in outputs[0])
