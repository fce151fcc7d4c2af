"""Sections the alignment could not pair, but whose kept English ids say where they are."""

from pathlib import Path

from qa.model import AlignedGroup, Alignment, Document, SectionPair, SourceFile
from qa.parse import parse_text
from qa.rules import heading_structure
from qa.sections import build_document


def document(language: str, text: str) -> Document:
    source = SourceFile(Path(f"{language}/g.md"), f"{language}/g.md", "g.md", language, "path")
    return build_document(source, parse_text(text, source))


def problems(reference: Document, translation: Document, pairs: list[SectionPair]) -> list:
    group = AlignedGroup(
        key="g.md",
        documents=[reference, translation],
        reference=reference,
        reference_reason="source language",
        alignments=[Alignment(reference, translation, pairs)],
        identical_keys=frozenset(),
        translated_keys=frozenset(),
    )
    return [(p.line, p.message) for p in heading_structure.check(group, {})]


ENGLISH = "# Glossary\n\n### Baggage\n\nB.\n\n### Context\n\nC.\n"
SPANISH = "# Glosario\n\n### Contexto {#context}\n\nC.\n\n### Equipaje {#baggage}\n\nE.\n"


def test_a_section_paired_nowhere_but_keeping_its_source_anchor_is_neither_missing_nor_extra():
    en, es = document("en", ENGLISH), document("es", SPANISH)
    (en_root, en_title, baggage, context) = en.sections
    (es_root, es_title, contexto, equipaje) = es.sections
    pairs = [
        SectionPair(en_root, es_root),
        SectionPair(en_title, es_title),
        SectionPair(baggage, None),
        SectionPair(context, contexto),
        SectionPair(None, equipaje),
    ]
    assert problems(en, es, pairs) == []


def test_a_section_no_translated_heading_keeps_is_missing():
    en = document("en", ENGLISH)
    es = document("es", "# Glosario\n\n### Contexto {#context}\n\nC.\n\n### Equipaje\n\nE.\n")
    (en_root, en_title, baggage, context) = en.sections
    (es_root, es_title, contexto, equipaje) = es.sections
    pairs = [
        SectionPair(en_root, es_root),
        SectionPair(en_title, es_title),
        SectionPair(baggage, None),
        SectionPair(context, contexto),
        SectionPair(None, equipaje),
    ]
    found = problems(en, es, pairs)
    assert [line for line, _ in found] == [3, 7]
    assert "### Baggage" in found[0][1] and "### Equipaje" in found[1][1]
