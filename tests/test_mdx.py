"""MDX: JavaScript and component syntax are never prose; component text is; href= links count."""

from pathlib import Path

from conftest import article

from qa.model import SourceFile
from qa.parse import parse_text

PAGE = """---
title: Install
---

import { PackageManagerTabs } from "@site/components";
export const meta = {
  version: "4.0",
};

# Install

<PackageManagerTabs>
  Install it with npm, then read <Link href="/docs/usage">the usage guide</Link>.
</PackageManagerTabs>

Available since <Since v="4.0" /> in {meta.version} and later.

<PartnersList size="large" length={3} sort="weight" />

    Indented text is prose in MDX, with [a link](/indented).

<img
  alt="Logo"
  src="/static/logo.svg"
  style={{ display: 'inline' }}
/>

<div>
    ```js
    const server = createServer({ port: 3000 });
    ```
</div>
"""


def parsed(text: str, name: str = "en/install.mdx"):
    return parse_text(text, SourceFile(Path(name), name, "install.mdx", "en", "path"))


def test_javascript_and_component_syntax_are_not_prose_but_component_text_is():
    result = parsed(PAGE)
    prose = [(block.kind, block.line, " ".join(block.text.split())) for block in result.blocks]
    assert prose == [
        ("heading", 10, "Install"),
        ("paragraph", 13, "Install it with npm, then read the usage guide ."),
        ("paragraph", 16, "Available since in and later."),
        ("paragraph", 20, "Indented text is prose in MDX, with a link."),
        ("code", 29, ""),
    ]
    assert result.code_blocks == [(29, "    const server = createServer({ port: 3000 });\n")]


def test_links_in_component_attributes_count_at_their_lines():
    result = parsed(PAGE)
    assert sorted((link.line, link.target, link.kind) for link in result.links) == [
        (13, "/docs/usage", "html"),
        (20, "/indented", "link"),
        (24, "/static/logo.svg", "html"),
    ]


def test_the_same_text_in_a_md_file_keeps_markdown_rules():
    result = parsed(PAGE, "en/install.md")
    assert any(block.text.lstrip().startswith("import") for block in result.blocks)


def test_a_changed_component_link_is_reported_and_javascript_differences_are_not(corpus, glossqa):
    translated = (
        PAGE.replace("title: Install", "title: Installera")
        .replace('"@site/components"', '"@site/komponenter"')
        .replace('version: "4.0"', 'version: "4.1"')
        .replace("Install it with npm, then read", "Installera med npm och läs")
        .replace('href="/docs/usage"', 'href="/docs/anvandning"')
        .replace("Indented text is prose in MDX, with", "Indragen text är prosa, med")
    )
    corpus({"en/install.mdx": PAGE, "sv/install.mdx": translated})
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    assert [(d["path"], d["line"], d["column"], d["message"]) for d in run.json] == [
        (
            "sv/install.mdx",
            13,
            42,
            "this link leads to '/docs/anvandning', the source's to '/docs/usage': "
            "change the target to '/docs/usage'",
        )
    ]


def test_a_component_link_is_reported_at_the_column_of_its_target(corpus, glossqa):
    corpus(
        {
            "en/a.mdx": article("A", "# A\n\nSee <Link href='/x'>x</Link>.\n"),
            "sv/a.mdx": article("B", "# A\n\nSe <Link href='/y'>x</Link>.\n"),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    assert [(d["line"], d["column"]) for d in run.json] == [(6, 16)]
