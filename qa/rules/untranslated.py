"""untranslated: English left in the prose of a translated file.

Each finding is at the line where the translator fixes it and says why it fired:

- an English phrase inside a translated sentence ("Förstå Soft Selling"), found with no list: its
  words are common in English and rare in the file's language (word-frequency evidence, qa/langid.py),
  also between the characters of Chinese, Japanese and Korean sentences;
- an English sentence left in a translated paragraph: the phrases of one sentence are one
  diagnostic quoting the sentence, and a listed term inside it is reported with it;
- a block (paragraph, list item, table cell, heading, front-matter value) left in English, or copied
  unchanged from the English source; a file whose blocks are mostly English gets one diagnostic
  for the file, which counts the other findings folded into it;
- a term from the project's `terms` list, in any letter case and inflection ("Soft Sell" finds
  "Soft Selling").

Quiet about what localization teams keep in English on purpose:

- code, inline code, URLs, file names, link targets, keys that must stay identical, and front-matter
  values that are site machinery (commit hashes, dates, numbers, paths);
- a gloss: the English term in parentheses right after the native one, ASCII or full-width
  (`모놀리식 애플리케이션(monolithic application)`, `拉取请求（pull request）`); the same English
  in running text is still reported (`glosses: false` reports glosses too);
- names: capitalised multi-word names in running text ("Apache Kafka Streams"), quoted UI labels
  ("Save Changes"), a heading that names the page's command (tldr's `# docker compose stop`), an
  identifier with a native suffix or particle attached (`grpc-health-probe는`, `Kubernetes'in`), a
  hyphenated identifier (`kube-state-metrics`); words the English source capitalises mid-sentence;
  a capitalised phrase most other translations keep too (`name-share`, never for lowercase prose
  or a listed term); capitalised names joined by the translation's own words ("Signal a Molly");
- a name beside a kept term: what is left once the names the source capitalises in running text
  are set aside is one word ("daemon Bitcoin Core", "GitHub issue"); words written as code in
  the source or the file, joined by the translation's words (`upstream` a `origin`);
- the English title of a page on another site, as the text of the link to it
  ("[Securing your OpenTelemetry Collector](https://medium.com/...)"; "[Learn more](...)" is still
  a leftover); a block made only of links, with at most two names between them (a table row of
  libraries and their specifications);
- a step of a menu path (Settings → Secrets and variables → Actions), a short label in bold or
  italics also across a line break, a kept term in italics among the translation's words
  ("a _issue_"), a single-quoted name ('default and safe'), tldr's option mnemonics
  ("[l]ess than or [e]qual");
- the headings of a translation that translates none of its headings and keeps three or more as
  the source has them (a list of service names); a heading that lists names
  ("CentOS - Fedora - Red Hat Enterprise Linux"); what an acronym stands for in parentheses after
  it (`SPI（Service provider interface）`); an ending the translation attaches with a hyphen
  (`collector-এর`, `commit-ul`);
- acronyms and words both languages share ("online", "humor");
- `keep` lists, per language or `"*"` for all, terms that stay English; a link whose text is the
  term and whose target is the term's own page (`[service mesh](/docs/service-mesh/)`) keeps it.

The site's own conventions are learned: a term one language keeps in English in `convention-files`
files or more, `convention-times` times or more in all, is reported once, as `info`, with the count and the `keep:` line to paste into
rules.yaml, instead of once per occurrence (`conventions: false` turns this off).

Prose in another language than English is left to `declared-language`.

Fails (`sv/soft-sell.md`):

    ## Förstå Soft Selling

Passes:

    ## Förstå mjuk försäljning
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from .. import langid, langtags
from ..model import AlignedGroup, Diagnostic, Document, Problem
from ..prose import ProseBlock, column_of, is_machine_value, prose_blocks

ID = "untranslated"
SEVERITY = "warning"
OPTIONS = {
    "terms": [],
    "keep": {},
    "detect": True,
    "min-words": 2,
    "name-share": 0.5,
    "mostly-english": 0.5,
    "glosses": True,
    "conventions": True,
    "convention-files": 2,
    "convention-times": 3,
}
OPTION_TYPES = {"terms": list[str], "keep": dict[str, list[str]]}
MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;:)] )([A-Z][a-z]+)\b")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？।॥]")
OPENING_PARENTHESES, CLOSING_PARENTHESES = "(（", ")）"
QUOTES = {
    '"': '"',
    "'": "'",
    "“": "”",
    "”": "”",
    "„": "“",
    "‘": "’",
    "«": "»",
    "»": "«",
    "‹": "›",
    "「": "」",
    "『": "』",
    "`": "`",
}
CODE_IN_MARKUP = re.compile(r"\w=\{|\w=\"|=>")
TEMPLATE = re.compile(r"\{\{.*?\}\}", re.S)
SCRIPT = re.compile(r"\s*<(script|style)\b", re.I)
NOT_WORDS = re.compile(
    r"\{\{.*?\}\}|\w[\w-]*(?:[_./:@][\w-]+)+|\w+(?:-\w+){2,}", re.ASCII
)  # template calls; identifiers and compounds ("my-otel-demo", "kube-state-metrics"), in ASCII:
# "Node.jsコンポーネントを利" is the name and then Japanese words
UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my"})  # no spaces between words
TITLE_LOWERCASE = 5.7  # English frequency of the words a title leaves lowercase: "at", "of", "with"
GLOSS_WORDS = 8  # a gloss is a term, not a sentence
SENTENCE_WORDS = 6  # an English phrase this long is an English sentence, or most of one
SENTENCE_QUOTED = 80  # characters of an English sentence quoted in its diagnostic
PHRASE = re.compile(r"^'(.+?)' is left in English")
LINK = re.compile(r"\[([^\[\]]+)\](?:\(([^)\s]*)[^)]*\)|\[([^\]]*)\])")  # inline or reference
EXTERNAL = re.compile(r"[a-z][a-z0-9+.-]*://", re.I)
MENU_STEP = ("→", "›", "->", "=>", " > ")  # Settings → Secrets and variables → Actions
EMPHASIS = re.compile(r"(?<![\w*])(\*\*|\*|__|_)(?![\s*_])(.+?)(?<![\s*_])\1(?![\w*])", re.S)
MNEMONIC = re.compile(r"\[\w{1,3}\]")  # tldr's option mnemonics: "[l]ess [t]han"
LIST_SEPARATOR = re.compile(r"\s[-–—/&]\s|,\s|\s(?:and|or)\s")
RUNNING_NAME = re.compile(r"(?<=[^\W\d_]) ([A-Z][\w-]*)|(?<=[^\W\d_][,;:]) ([A-Z][\w-]*)")
LABEL_WORDS = 6
RARE_IN_ENGLISH = 4.0  # Zipf of "Fedora" 3.1, "GitHub" 3.2; "Learn" is 5  # a UI label in bold or italics is short
TERM_MAX_WORDS = 4
CLAUSE_EDGE = (
    6.0  # English frequency of "should", "some", "your": words a term does not start or end with
)


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    phrase: str
    reason: str
    listed: bool = False


@dataclass(frozen=True)
class Evidence:
    """What a translation's own site says is kept: names (capitalised mid-sentence in the source or
    in the translation's running text), words written as code in either, and the headings the
    translation keeps as a set."""

    names: frozenset[str]
    code: frozenset[str]
    kept_headings: frozenset[int]  # lines


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    translated = [d for d in group.documents if not langtags.is_english(d.language)]
    source = (
        group.reference
        if group.reference and langtags.is_english(group.reference.language)
        else None
    )
    source_prose = list(_prose(source, group.identical_keys, None)) if source else []
    source_text = "\n".join(b.text for b in source_prose if b.kind != "heading")
    names = _source_names(source_text)
    capitals = frozenset().union(*(_mid_sentence_capitals(b.text) for b in source_prose))
    source_code = _code_words(source) if source else frozenset()
    source_running_names = _running_names(source_prose)
    source_headings = (
        frozenset(_heading_text(b.text) for b in source_prose if b.kind == "heading")
        if source
        else frozenset()
    )
    source_keys = (
        {key: entry.value for key, entry in source.front_matter.entries.items()}
        if source and source.front_matter
        else None
    )
    blocks = {
        d.path: list(_prose(d, group.identical_keys, source_keys, group.translated_keys))
        for d in translated
    }
    english = (
        {d.path: _english_blocks(d, blocks[d.path], names) for d in translated}
        if options["detect"]
        else {}
    )
    mostly_english = {
        d.path
        for d in translated
        if _mostly_english(blocks[d.path], english.get(d.path, {}), options)
    }
    kept_text = {
        d.path: "\n".join(
            " ".join(b.text.casefold().split())
            for b in blocks[d.path]
            if b not in english.get(d.path, {})
        )
        for d in translated
        if d.path not in mostly_english
    }
    source_blocks: dict[str, int] = {}
    for b in source_prose:
        source_blocks.setdefault(" ".join(b.text.split()), b.line)
    listed = _listed_pattern(options["terms"])
    for document in translated:
        keep = {
            term.casefold()
            for tag in ("*", document.language, langtags.primary(document.language))
            for term in options["keep"].get(tag, ())
        }
        others = [text for path, text in kept_text.items() if path != document.path]
        flagged_blocks = english.get(document.path, {})
        evidence = Evidence(
            names=source_running_names | _rare_in_english(_running_names(blocks[document.path])),
            code=source_code | _code_words(document),
            kept_headings=_kept_headings(blocks[document.path], source_headings, document.language),
        )
        problems: list[Problem] = []
        for block in blocks[document.path]:
            if block in flagged_blocks:
                problems.append(
                    _english_block(document, block, flagged_blocks[block], source, source_blocks)
                )
                continue
            for offset, text in enumerate(block.text.split("\n")):
                line = block.line + offset
                findings = [
                    finding
                    for finding in _findings(text, block, document, listed, options)
                    if not _kept(
                        finding,
                        text,
                        block,
                        document,
                        keep,
                        others,
                        source_text,
                        capitals,
                        options,
                        line,
                        evidence,
                    )
                ]
                problems += _one_per_sentence(findings, text, line, block, document)
        if document.path in mostly_english:
            yield _untranslated_file(document, blocks[document.path], flagged_blocks, problems)
        else:
            yield from problems


def summarize(diagnostics: Iterable[Diagnostic], options: dict) -> Iterator[Diagnostic]:
    """The site's conventions: a term one language keeps in English in many files is reported once, as info.

    `diagnostics` come sorted and are read twice (they may be on disk: a large site has many).
    """
    if not options["conventions"]:
        yield from diagnostics
        return
    files: dict[tuple[str, str], set[str]] = defaultdict(set)
    times: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], Diagnostic] = {}
    for diagnostic in diagnostics:
        key = _convention_key(diagnostic)
        if key:
            files[key].add(sys.intern(diagnostic.path))
            times[key] += 1
            first.setdefault(key, diagnostic)
    folded = {
        key
        for key in files
        if len(files[key]) >= options["convention-files"]
        and times[key] >= options["convention-times"]
    }
    yield from (d for d in diagnostics if _convention_key(d) not in folded)
    for key in sorted(folded, key=lambda key: first[key].sort_key()):
        language, term = key
        found = first[key]
        yield Diagnostic(
            found.path,
            found.line,
            found.column,
            found.rule,
            "info",
            f"{term!r} is kept in English in {len(files[key])} {langtags.name(language)} files "
            f"({times[key]} times; this is the first): if that is the team's convention, add "
            f'to rules.yaml under untranslated: keep: {{{language}: ["{term}"]}}',
            language,
        )


def _convention_key(diagnostic: Diagnostic) -> tuple[str, str] | None:
    """(language, term) of a diagnostic that may be part of a convention."""
    match = PHRASE.match(diagnostic.message)
    if match and diagnostic.language and "listed term" not in diagnostic.message:
        term = " ".join(match.group(1).casefold().split())
        if _term_like(term):
            return diagnostic.language, term
    return None


def _term_like(term: str) -> bool:
    """A term a team may keep ("service mesh"), not a stretch of English prose ("the buyer")."""
    words = langid.WORD.findall(term)
    return 0 < len(words) <= TERM_MAX_WORDS and not any(
        (langid.table("en") or {}).get(word, 0.0) >= langid.FUNCTION_WORD for word in words
    )


def _prose(
    document: Document,
    identical_keys: frozenset[str],
    source_keys: dict | None,
    translated_keys: frozenset[str] = frozenset(),
) -> Iterator[ProseBlock]:
    """The prose blocks, but front-matter values that are site machinery: hashes, dates, numbers and
    paths; of the keys not among `translated-keys`, those only translations carry
    (`default_lang_commit`) and values the source has too (`cSpell:ignore` word lists). Nor script
    or style HTML blocks, nor a block that is a link's text alone (the linked page's title)."""
    for block in prose_blocks(document, identical_keys):
        if "{{" in block.text:
            block = replace(block, text=TEMPLATE.sub(_blank, block.text))
            if not block.text.strip():
                continue
        if block.kind == "front-matter":
            if is_machine_value(block.text) or ":" in (block.key or ""):
                continue  # a namespaced key is a tool's setting: `cSpell:ignore`
            if block.key not in translated_keys:
                value = (source_keys or {}).get(block.key)
                if value is None or " ".join(str(value).split()) == " ".join(block.text.split()):
                    continue
        elif block.kind == "html" and SCRIPT.match(document.lines[block.line - 1]):
            continue
        elif _command_heading(block, document):
            continue
        elif CODE_IN_MARKUP.search(block.text):
            continue  # JSX and attributes: `style={{ display: 'inline' }}`, `{({ binaries }) => (`
        elif _only_links(document, block):
            continue  # the titles of the pages it links to, in those pages' language
        yield block


def _only_links(document: Document, block: ProseBlock) -> bool:
    """A block made of links' texts (the titles of the linked pages, in their language) and names
    or versions between them: a table row of libraries, artifacts and their specifications."""
    raw = document.lines[block.line - 1 : block.line + block.text.count("\n")]
    link_texts = sorted(
        {" ".join(match.group(1).split()) for line in raw for match in LINK.finditer(line)},
        key=len,
        reverse=True,
    )
    if not link_texts:
        return False
    rest = " ".join(block.text.split())
    for link_text in link_texts:
        rest = re.sub(r"(?<!\w)" + re.escape(link_text) + r"(?!\w)", " ", rest)
    left = langid.WORD.findall(rest)
    return len(left) <= 2 and all(word[:1].isupper() for word in left)  # "Java 8+"


def _findings(text: str, block: ProseBlock, document: Document, listed, options) -> list[Finding]:
    found = []
    if listed:
        for match in listed.finditer(text):
            base = _listed_base(match.group(0), options["terms"])
            found.append(
                Finding(match.start(), match.end(), match.group(0), f"listed term {base!r}", True)
            )
    if options["detect"]:
        searched = NOT_WORDS.sub(lambda match: " " * len(match.group(0)), text)
        for phrase in langid.english_phrases(searched, document.language, options["min-words"]):
            if _names(phrase):
                continue
            inside = [f for f in found if f.listed and phrase.start <= f.start < phrase.end]
            if any(f.start < phrase.end and phrase.start < f.end for f in found if f not in inside):
                continue
            outside = text[phrase.start : phrase.end]
            for finding in inside:
                outside = outside.replace(finding.phrase, " ")
            if inside and len(langid.WORD.findall(outside)) < 2:
                continue  # the listed term, with a word or so around it: reported as the term
            reason = phrase.reason + "".join(
                f"; it holds the {f.reason} ({f.phrase!r})" for f in inside
            )
            found = [f for f in found if f not in inside]
            found.append(Finding(phrase.start, phrase.end, phrase.phrase, reason))
        if found and _another_language(text, document.language):
            return []  # Spanish prose under ru/: declared-language names its language
    return sorted(found, key=lambda finding: finding.start)


def _kept(
    finding: Finding,
    text: str,
    block: ProseBlock,
    document: Document,
    keep: set[str],
    others: list[str],
    source_text: str,
    source_capitals: frozenset[str],
    options: dict,
    line: int,
    evidence: Evidence | None = None,
) -> bool:
    phrase = finding.phrase
    if phrase.casefold() in keep:
        return True
    if options["glosses"] and (
        _is_gloss(text, finding, document.language)
        or _glossed(text, finding, document.language)
        or _acronym_expanded(text, finding)
    ):
        return True
    if finding.listed:
        return False
    return (
        _capitalised_name(finding, text, block, source_text)
        or _quoted(text, finding)
        or _emphasised_label(document, block, line, finding, document.language)
        or _single_quoted(text, finding)
        or _command_heading(block, document)
        or _identifier(text, finding, document.language)
        or _linked_to_its_page(document, block, phrase)
        or (_capitalised(phrase) and _is_name(phrase, others, options["name-share"]))
        or _proper_noun_in_source(phrase, source_text)
        or _capitals_of_the_source(phrase, source_capitals)
        or _term_of_the_source(phrase, source_text, document.language, _document_text(document))
        or _cited_title(document, line, finding, document.language)
        or _menu_path(
            "\n".join(block.text.split("\n")[: line - block.line] + [text[: finding.start]]),
            "\n".join([text[finding.end :]] + block.text.split("\n")[line - block.line + 1 :]),
        )
        or _mnemonics(text, finding)
        or _list_of_names(text, finding, block)
        or (
            evidence is not None
            and (
                _kept_heading(block, evidence)
                or _few_english_words_left(finding, text, document.language, evidence, options)
            )
        )
    )


def _core(words: list[str], language: str) -> list[str]:
    """The words of a phrase without the words at its edges the translation's language shares:
    Portuguese "a issue" -> "issue"; but Swedish "the buyer" stays."""
    english, native = langid.table("en") or {}, langid.table(language) or {}

    def edge(word: str) -> bool:
        return english.get(word.lower(), 0.0) - native.get(word.lower(), 0.0) < 0.5

    while words and edge(words[0]):
        words = words[1:]
    while words and edge(words[-1]):
        words = words[:-1]
    return words


def _document_text(document: Document) -> str:
    """All the prose of a document, for counting a term's uses (cached on the document's identity)."""
    if _TEXT_OF[0] is not document:
        _TEXT_OF[:] = [
            document,
            "\n".join(block.text for block in prose_blocks(document, frozenset())),
        ]
    return _TEXT_OF[1]


_TEXT_OF: list = [None, ""]


def _capitals_of_the_source(phrase: str, capitals: frozenset[str]) -> bool:
    """Every word capitalised, and capitalised mid-sentence in the source too: names, also in a
    heading ("Fedora - Red Hat Enterprise Linux")."""
    words = langid.WORD.findall(phrase)
    return _capitalised(phrase) and all(word in capitals for word in words)


def _term_of_the_source(phrase: str, source_text: str, language: str, document_text: str) -> bool:
    """A short term (no function words) the article's English source uses: the translator kept it
    ("span metrics connector"); an English sentence or clause left behind has function words."""
    if not source_text:
        return False
    core = _core(langid.WORD.findall(phrase), language)
    if not core or not _term_like(" ".join(core).casefold()):
        return False
    words = [re.escape(word) for word in core]
    term = re.compile(r"(?<!\w)" + r"\W+".join(words) + r"(?!\w)", re.I)
    if len(core) == 1 and len(term.findall(document_text)) < 2:
        return False  # one word ("use" of "use a"), kept nowhere else in the file: no term of its
    return term.search(source_text) is not None


def _is_gloss(text: str, finding: Finding, language: str) -> bool:
    """The English term in parentheses right after text in the file's language: `拉取请求（pull request）`."""
    opening = max(text.rfind(mark, 0, finding.start) for mark in OPENING_PARENTHESES)
    if opening < 0 or any(mark in text[opening : finding.start] for mark in CLOSING_PARENTHESES):
        return False
    closing = min(
        (at for at in (text.find(mark, finding.end) for mark in CLOSING_PARENTHESES) if at >= 0),
        default=-1,
    )
    if closing < 0 or any(mark in text[finding.end : closing] for mark in OPENING_PARENTHESES):
        return False
    inside = text[opening + 1 : closing]
    if len(langid.WORD.findall(inside)) > GLOSS_WORDS or re.search(r"[.!?](\s|$)", inside):
        return False
    around = text[opening + 1 : finding.start] + " " + text[finding.end : closing]
    if any(_native_word(word, language) for word in langid.WORD.findall(around)):
        return False  # "(ou decision to buy ponte de log)": the translation's own words, no gloss
    before = langid.WORD.findall(text[:opening])
    last = _last_character_before(text, opening)
    if not before or not (last.isalpha() or unicodedata.category(last or " ").startswith("M")):
        return False  # a Bengali or Hindi word may end in a vowel sign: লাইব্রেরি
    return not _english_word(before[-1], language)


def _acronym_expanded(text: str, finding: Finding) -> bool:
    """The words an acronym stands for, in parentheses after it: `SPI（Service provider interface）`."""
    found = re.search(r"\b([A-Z]{2,6})s?\s*[(（]\s*$", text[: finding.start])
    if not found:
        return False
    rest = re.match(r"[^()（）]*[)）]", text[finding.start :])
    if not rest:
        return False
    initials = "".join(
        word[0]
        for word in re.findall(r"[A-Za-z]+", rest.group(0))
        if word[:1].isupper() or len(word) > 3
    )
    return initials.upper().startswith(found.group(1))


def _glossed(text: str, finding: Finding, language: str) -> bool:
    """An English title or name followed by its translation in parentheses: `Beyond the Dashboard（ダッシュボードの先へ）`."""
    words = _words_of(finding.phrase)
    if not _title_case(finding.phrase) and (
        (words[0].islower() and len(words) > TERM_MAX_WORDS)
        or any(map(_clause_edge, words[:1] + words[-1:]))
    ):
        return False  # "a soft sell (IP 주소일 필요는 없음)": a clause, no title or term to gloss
    after = re.match(r"([^()（）]*)[(（]([^()（）]+)[)）]", text[finding.end :])
    if after and after.group(1).strip() and not _title_case(finding.phrase):
        return False  # "designed to avoid irritating Kerberos (requiere tickets)": no title
    if not after or not all(
        _english_word(word, language) or word[:1].isupper()
        for word in langid.WORD.findall(after.group(1))
    ):
        return False
    words = langid.WORD.findall(after.group(2))
    native = [word for word in words if _translating_word(word, language)]
    return bool(words) and len(native) >= len(words) / 2


def _native_word(word: str, language: str) -> bool:
    """A word of the translation: in its script, or commoner in its language than in English
    ("ponte", "de"); a name no table has ("Propagators") is neither."""
    if langid.script_of(word[0]) != "LATIN":
        return True
    if _english_word(word, language) or word.isupper():
        return False
    english = (langid.table("en") or {}).get(word.lower(), 0.0)
    native = (langid.table(language) or {}).get(word.lower(), 0.0)
    return native >= 2.5 and native >= english


def _clause_edge(word: str) -> bool:
    """A lowercase "a", "the", "some", "should": a clause's edge, no term's; a title starts with "The"."""
    return word.islower() and (langid.table("en") or {}).get(word, 0.0) >= CLAUSE_EDGE


def _translating_word(word: str, language: str) -> bool:
    """A word of the translation's own language in a gloss: not a name or a tool's flag (`(macOS, Windows,
    Linux)`, tldr's `([c]reate)`), which translate nothing."""
    if langid.script_of(word[0]) != "LATIN":
        return True
    if not word.islower() or any(
        langtags.primary(language) in tags for tags in langid.SCRIPT_LANGUAGES.values()
    ):
        return False  # a Latin word is no word of a language written in another script
    native = (langid.table(language) or {}).get(word, 0.0)
    return native >= 3.0 and not _english_word(word, language)


def _english_word(word: str, language: str) -> bool:
    if langid.script_of(word[0]) != "LATIN":
        return False
    english = (langid.table("en") or {}).get(word.lower(), 0.0)
    native = (langid.table(language) or {}).get(word.lower(), 0.0)
    return english >= 2.5 and english - native >= langid.STRONG


def _words_of(phrase: str) -> list[str]:
    return langid.WORD.findall(phrase)


def _capitalised(phrase: str) -> bool:
    return all(word[:1].isupper() for word in _words_of(phrase))


def _title_case(phrase: str) -> bool:
    """Two or more capitalised words, and only the commonest lowercase: "Taming Telemetry at Scale",
    "Write the Docs"; not "View you should always"."""
    words = _words_of(phrase)
    english = langid.table("en") or {}
    return sum(word[:1].isupper() for word in words) >= 2 and all(
        word[:1].isupper() or english.get(word, 0.0) >= TITLE_LOWERCASE for word in words
    )


def _capitalised_name(finding: Finding, text: str, block: ProseBlock, source_text: str) -> bool:
    """Two or more words in title case, with the capitalised word before them: a name or a title
    ("Apache Kafka Streams", "Taming Telemetry at Scale"). With the capitalised word after them
    only when the English source writes the whole title in running text too ("Humans of
    OpenTelemetry"); "Specify the WAL" at the start of a list item is a leftover.

    Not in a heading, where English capitalises every word ("Förstå Soft Selling"), but for such a
    title of the source.
    """
    name_after = re.match(r"\s+([A-Z][\w-]*)", text[finding.end :])
    if name_after and _proper_noun_in_source(
        finding.phrase + " " + name_after.group(1), source_text
    ):
        return _title_case(finding.phrase + " " + name_after.group(1))
    if block.kind == "heading":
        return False
    name_before = re.search(r"([A-Z][\w-]*)\s+$", text[: finding.start])
    phrase = (name_before.group(1) + " " if name_before else "") + finding.phrase
    return len(_words_of(phrase)) >= 2 and _title_case(phrase)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _emphasised_label(
    document: Document, block: ProseBlock, line: int, finding: Finding, language: str
) -> bool:
    """A UI label in bold or italics, as style guides write them: select **Create pull request**,
    open _Runtime, build, connections and security settings_ (also across a line break); or a kept
    term in italics among the translation's own words: "a _issue_"."""
    if not 0 < line <= len(document.lines):
        return False
    words = [re.escape(word) for word in langid.WORD.findall(finding.phrase)]
    label = r"\W*" + r"\W+".join(words) + r"\W*"
    if re.search(r"(\*\*|__|\*|_)" + label + r"\1", document.lines[line - 1], re.I):
        return True
    raw = "\n".join(document.lines[block.line - 1 : block.line + block.text.count("\n")])
    wanted = [word.casefold() for word in langid.WORD.findall(finding.phrase)]
    native = langid.table(language) or {}
    for match in EMPHASIS.finditer(raw):
        span = match.group(2)
        inside = langid.WORD.findall(span)
        if not inside:
            continue
        if (
            _contains([word.casefold() for word in inside], wanted)
            and span[:1].isupper()
            and len(inside) <= LABEL_WORDS
            and not re.search(r"[.!?()]", span)
        ):
            return True
        folded = [word.casefold() for word in inside]
        if len(inside) < len(wanted) and _contains(wanted, folded):
            at = next(i for i in range(len(wanted)) if wanted[i : i + len(folded)] == folded)
            others = wanted[:at] + wanted[at + len(folded) :]
            if all(native.get(word, 0.0) >= 3.0 for word in others):
                return True
    return False


def _single_quoted(text: str, finding: Finding) -> bool:
    """Quoted with ASCII apostrophes: mit 'default and safe' NSE Scripts."""
    for match in re.finditer(r"(?<!\w)'([^'\n]+)'(?!\w)", text):
        if match.start(1) <= finding.start and finding.end <= match.end(1):
            extra = len(langid.WORD.findall(match.group(1))) - len(
                langid.WORD.findall(finding.phrase)
            )
            return extra <= 3
    return False


def _quoted(text: str, finding: Finding) -> bool:
    """A UI label or title quoted in the sentence: "Save Changes", «Pull Request», 「Add to cart」."""
    before = text[: finding.start]
    opening = max(before.rfind(mark) for mark in QUOTES if mark not in "'’`")  # not apostrophes
    if opening < 0 or len(langid.WORD.findall(before[opening + 1 :])) > 3:
        return False
    rest = text[finding.end :]
    closing = rest.find(QUOTES[before[opening]])
    return closing >= 0 and len(langid.WORD.findall(rest[:closing])) <= 3


def _command_heading(block: ProseBlock, document: Document) -> bool:
    """A heading that names the page's command or file: tldr's `# docker compose stop` in docker-compose-stop.md."""
    if block.kind != "heading":
        return False
    stem = PurePosixPath(document.path).stem
    heading_words = re.findall(r"[a-z0-9]+", block.text.casefold())
    stem_words = re.findall(r"[a-z0-9]+", stem.casefold())
    while stem_words and stem_words[-1].isdigit() and heading_words[-1:] != stem_words[-1:]:
        stem_words.pop()  # tldr's `nix-build.3.md`: the third `nix build` page
    return bool(heading_words) and heading_words == stem_words


def _identifier(text: str, finding: Finding, language: str) -> bool:
    """`kube-state-metrics`: one token, an identifier. `grpc-health-probe는`, `Kubernetes'in`,
    `pull request'и`: a native suffix or particle attached makes it a word of the translation."""
    if not any(character.isspace() for character in finding.phrase):
        return True
    if not _term_like(" ".join(finding.phrase.casefold().split())):
        return False  # "the buyer based on cask에": the particle belongs to the last word only
    after = text[finding.end : finding.end + 2]
    if after[:1] in "'’" and after[1:2].isalpha():
        return True
    if after[:1] == "-" and (
        not after[1:2].strip() or langid.script_of(after[1]) not in ("LATIN", "")
    ):
        return True  # Bengali's `collector-এর`; a suspended hyphen: "push- বা pull-based"
    suffix = re.match(r"-([^\W\d_]{1,4})(?![\w-])", text[finding.end :])
    if suffix and (langid.table("en") or {}).get(suffix.group(1).lower(), 0.0) < 4.0:
        return True  # Romanian's `commit-ul`, `pull request-uri`: the translation's ending
    return (
        after[:1].isalpha()
        and langid.script_of(after[0]) != "LATIN"
        and langtags.primary(language) not in UNSPACED_LANGUAGES
    )


def _linked_to_its_page(document: Document, block: ProseBlock, phrase: str) -> bool:
    """`[service mesh](/docs/concepts/service-mesh/)`: the term's own page, so the term is kept on purpose."""
    wanted = re.findall(r"[a-z0-9]+", phrase.casefold())
    for line in document.lines[block.line - 1 : block.line - 1 + block.text.count("\n") + 1]:
        for text, target in re.findall(r"\[([^\]]*)\]\(([^)\s]*)", line):
            if re.findall(r"[a-z0-9]+", text.casefold()) != wanted:
                continue
            page = [part for part in re.split(r"[/#]", target.split("?")[0]) if part]
            if page and re.findall(r"[a-z0-9]+", PurePosixPath(page[-1]).stem.casefold()) == wanted:
                return True
    return False


def _one_per_sentence(
    findings: list[Finding], text: str, line: int, block: ProseBlock, document: Document
) -> list[Problem]:
    """The findings of one sentence are one diagnostic: an English sentence is one leftover, not three."""
    problems = []
    by_sentence: dict[tuple[int, int], list[Finding]] = defaultdict(list)
    for finding in findings:
        by_sentence[_sentence_around(text, finding.start)].append(finding)
    for (start, end), found in by_sentence.items():
        alone = all(finding.listed for finding in found) or (
            len(found) == 1 and len(langid.WORD.findall(found[0].phrase)) < SENTENCE_WORDS
        )  # listed terms in a translated sentence are terms, each its own finding
        for finding in found if alone else ():
            problems.append(
                Problem(
                    document.path,
                    line,
                    f"{' '.join(finding.phrase.split())!r} is left in English in this "
                    f"{block.describe()}: {finding.reason}",
                    column=column_of(document, line, finding.phrase),
                    language=document.language,
                )
            )
        if alone:
            continue
        sentence = " ".join(text[start:end].split())
        quoted = sentence if len(sentence) <= SENTENCE_QUOTED else sentence[:SENTENCE_QUOTED] + "…"
        reason = (
            found[0].reason
            if len(found) == 1
            else ", ".join(repr(" ".join(f.phrase.split())) for f in found) + " read as English"
        )
        problems.append(
            Problem(
                document.path,
                line,
                f"this sentence of the {block.describe()} is left in English: {quoted!r} "
                f"({reason})",
                column=column_of(document, line, found[0].phrase),
                language=document.language,
            )
        )
    return problems


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    start = 0
    for end_mark in SENTENCE_END.finditer(text):
        if end_mark.end() > position:
            return start, end_mark.end()
        start = end_mark.end()
    return start, len(text)


def _untranslated_file(
    document: Document, blocks: list[ProseBlock], flagged: dict, problems: list[Problem]
) -> Problem:
    judged = [block for block in blocks if _judged(block)]
    english = sum(block in flagged for block in judged)
    others = len(problems) - len(flagged)
    folded = f"; {others} more English phrases in it are not listed one by one" if others else ""
    return Problem(
        document.path,
        min(block.line for block in flagged),
        f"this file looks untranslated: {english} of its {len(judged)} paragraphs, headings and "
        f"other text blocks read as English{folded}",
        language=document.language,
    )


def _judged(block: ProseBlock) -> bool:
    return len(langid.WORD.findall(block.text)) >= 4


def _english_blocks(
    document: Document, blocks: list[ProseBlock], names: frozenset[str]
) -> dict[ProseBlock, str]:
    """Block -> reason, for blocks that read as English once the source's names are set aside."""
    found = {}
    for block in blocks:
        guess = langid.is_english_block(
            block.text, document.language, set_aside=names | _mid_sentence_capitals(block.text)
        )
        if guess and not _another_language(block.text, document.language):
            found[block] = guess.reason
    return found


def _another_language(text: str, declared: str) -> bool:
    """Spanish prose under ru/ is no English leftover: declared-language names its language."""
    if langid.dominant_script(text)[0] != "LATIN":
        return False
    guess = langid.identify(text, min_words=8)
    return bool(
        guess
        and guess.confidence >= 0.6
        and guess.language != "en"
        and langtags.primary(guess.language) != langtags.primary(declared)
    )


def _english_block(
    document: Document, block: ProseBlock, reason: str, source, source_blocks: dict
) -> Problem:
    copied = source_blocks.get(" ".join(block.text.split()))
    if copied:
        return Problem(
            document.path,
            block.line,
            f"this {block.describe()} is copied unchanged from the English source",
            related=source.location(copied),
            language=document.language,
        )
    return Problem(
        document.path,
        _first_english_line(block, document.language),
        f"this {block.describe()} is left in English: {reason}",
        language=document.language,
    )


def _mid_sentence_capitals(text: str) -> frozenset[str]:
    """Capitalised words that do not start a sentence: names ("CentOS, Fedora dan Red Hat Enterprise
    Linux"), which say nothing about the language around them."""
    return frozenset(
        match.group(0)
        for match in langid.WORD.finditer(text)
        if match.group(0)[:1].isupper()
        and match.start() > 0
        and not SENTENCE_END.search(_last_character_before(text, match.start()) or ".")
    )


def _last_character_before(text: str, at: int) -> str:
    """The last non-space character before `at` ("" if none), without copying what comes before."""
    index = at - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    return text[index] if index >= 0 else ""


def _first_english_line(block: ProseBlock, language: str) -> int:
    """Where the English of a wrapped block starts: the translator's line, not the block's first."""
    for offset, text in enumerate(block.text.split("\n")):
        english, native = langid.english_share(text, language)
        if english >= 2 and english > native:
            return block.line + offset
    return block.line


def _names(phrase: langid.EnglishPhrase) -> bool:
    """Every clear English word is capitalised and the translation's own lowercase words join them:
    names ("Signal a Molly", "Hyper-V i Windows Sandbox"). "Soft Selling", with no such word, stays a leftover."""
    return all(word[:1].isupper() for word in phrase.evidence_words) and any(
        word.islower() for word in langid.WORD.findall(phrase.phrase)
    )


def _mostly_english(blocks: list[ProseBlock], flagged: dict, options: dict) -> bool:
    judged = [block for block in blocks if _judged(block)]
    english = sum(block in flagged for block in judged)
    return len(judged) >= 3 and english >= options["mostly-english"] * len(judged)


def _source_names(source_text: str) -> frozenset[str]:
    """Words the English source capitalises in mid-sentence: names ("Privacy Guides"), which stay English."""
    return frozenset(match.group(1) for match in MID_SENTENCE_CAPITAL.finditer(source_text))


def _proper_noun_in_source(phrase: str, source_text: str) -> bool:
    """The English source capitalises the phrase in mid-sentence: it is a name ("Privacy Guides")."""
    if not source_text or not phrase[:1].isupper():
        return False
    return re.search(r"[\w,;:)] " + re.escape(phrase) + r"\b", source_text) is not None


def _is_name(phrase: str, others: list[str], share: float) -> bool:
    """Most other translations keep the capitalised phrase in their translated prose: it is a name."""
    if len(others) < 2:
        return False
    needle = " ".join(phrase.casefold().split())
    return sum(needle in text for text in others) >= share * len(others)


def _code_words(document: Document) -> frozenset[str]:
    """Single words a document writes as inline code: `origin`, `upstream` are names of things."""
    return frozenset(
        code.strip().casefold()
        for section in document.root.walk()
        for block in section.blocks
        for code in block.inline_code
        if re.fullmatch(r"[\w.-]+", code.strip())
    )


def _running_names(blocks: list[ProseBlock]) -> frozenset[str]:
    """Words capitalised right after a word in running text (not in headings, where English
    capitalises every word, nor after a bracket or a quote): names, "Start the Bitcoin Core daemon"."""
    return frozenset(
        match.group(1) or match.group(2)
        for block in blocks
        if block.kind in ("paragraph", "list_item")
        for match in RUNNING_NAME.finditer(block.text)
    )


def _rare_in_english(words: frozenset[str]) -> frozenset[str]:
    """A translation's own capitalised words that are names, not English left in it ("Learn")."""
    english = langid.table("en") or {}
    return frozenset(word for word in words if english.get(word.lower(), 0.0) < RARE_IN_ENGLISH)


def _heading_text(text: str) -> str:
    return " ".join(text.split()).casefold()


def _kept_headings(
    blocks: list[ProseBlock], source_headings: frozenset[str], language: str
) -> frozenset[int]:
    """The lines of the short headings of a translation that translates none of its headings and
    keeps three or more exactly as the source has them: a list of names (the demo's services
    "Ad", "Cart", "Product Catalog"). One English heading among translated ones ("Language
    Support") is a leftover."""
    headings = [b for b in blocks if b.kind == "heading"]
    if any(
        english < native
        for english, native in (langid.english_share(b.text, language) for b in headings)
    ):
        return frozenset()
    if sum(_heading_text(b.text) in source_headings for b in headings) < 3:
        return frozenset()
    return frozenset(b.line for b in headings if len(langid.WORD.findall(b.text)) <= 4)


def _kept_heading(block: ProseBlock, evidence: Evidence) -> bool:
    return block.kind == "heading" and block.line in evidence.kept_headings


def _cited_title(document: Document, line: int, finding: Finding, language: str) -> bool:
    """The text of a link to another site, all of it English: the linked page's title, cited as it
    is ("[Securing your OpenTelemetry Collector](https://medium.com/...)"). A short link text that
    is no title ("[Learn more](https://...)") is still a leftover."""
    if not 0 < line <= len(document.lines):
        return False
    wanted = [word.casefold() for word in langid.WORD.findall(finding.phrase)]
    for match in LINK.finditer(document.lines[line - 1]):
        words = langid.WORD.findall(match.group(1))
        if not _contains([word.casefold() for word in words], wanted):
            continue
        target = match.group(2)
        if target is None:
            target = _reference(document, match.group(3) or match.group(1))
        if not target or not EXTERNAL.match(target):
            continue
        if any(langid.script_of(word[0]) != "LATIN" for word in words):
            continue  # the translation's own words in the link text
        english, native = langid.english_share(match.group(1), language)
        if english > native and (len(words) >= 3 or any(word[:1].isupper() for word in words[1:])):
            return True
    return False


def _contains(words: list[str], wanted: list[str]) -> bool:
    return any(words[at : at + len(wanted)] == wanted for at in range(len(words) - len(wanted) + 1))


def _reference(document: Document, label: str) -> str | None:
    definition = re.compile(r"\s{0,3}\[" + re.escape(label) + r"\]:\s*<?(\S+?)>?(?:\s|$)", re.I)
    for text in document.lines:
        found = definition.match(text)
        if found:
            return found.group(1)
    return None


def _menu_path(before: str, after: str) -> bool:
    """A step of a menu path: Settings → Secrets and variables → Actions → New repository secret
    (also when the step goes on after a line break)."""
    before_step = max(before.rfind(step) for step in MENU_STEP)
    after_steps = [at for at in (after.find(step) for step in MENU_STEP) if at >= 0]
    return (before_step >= 0 and _one_step(before[before_step:].lstrip("→›-=> "))) or bool(
        after_steps and _one_step(after[: min(after_steps)])
    )


def _one_step(text: str) -> bool:
    return len(langid.WORD.findall(text)) <= 3 and not SENTENCE_END.search(text)


def _mnemonics(text: str, finding: Finding) -> bool:
    """tldr's option mnemonics: "[l]ess than or [e]qual", "do [n]ot run" spell the option's name."""
    return MNEMONIC.search(text[max(0, finding.start - 4) : finding.end + 4]) is not None


def _list_of_names(text: str, finding: Finding, block: ProseBlock) -> bool:
    """A heading that lists capitalised names: "CentOS - Fedora - Red Hat Enterprise Linux",
    "CentOS, Fedora and Red Hat Enterprise Linux"; not "Förstå Soft Selling", which lists nothing."""
    if block.kind != "heading" or len(LIST_SEPARATOR.findall(text)) < 2:
        return False
    latin = [
        word
        for word in langid.WORD.findall(LIST_SEPARATOR.sub(" ", text))
        if langid.script_of(word[0]) == "LATIN"
    ]
    return all(word[:1].isupper() for word in latin)


def _few_english_words_left(
    finding: Finding, text: str, language: str, evidence: Evidence, options: dict
) -> bool:
    """Set aside the names (capitalised mid-sentence by the source or the translation): fewer than
    `min-words` English words left is a kept term beside a name ("daemon Bitcoin Core", "GitHub
    issue"). Set aside the words written as code (`upstream`, `origin`) or quoted one by one
    ('default' and 'safe'): nothing English left is names joined by the translation's words
    ("upstream a origin"); "all versions" with `all` code elsewhere is still a leftover."""
    english, native = langid.table("en") or {}, langid.table(language) or {}
    left = names = code = 0
    for match in langid.WORD.finditer(finding.phrase):
        word = match.group(0)
        at = finding.start + match.start()
        if word[:1].isupper() and word in evidence.names:
            names += 1
        elif word.casefold() in evidence.code or _quoted_alone(text, at, at + len(word)):
            code += 1
        elif english.get(word.lower(), 0.0) - native.get(word.lower(), 0.0) >= langid.WEAK:
            left += 1
    return (names > 0 and left < options["min-words"]) or (code > 0 and left == 0)


def _quoted_alone(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1 : start], text[end : end + 1]
    return bool(before) and before in QUOTES and QUOTES[before] == after


def _listed_pattern(terms: list) -> re.Pattern | None:
    if not terms:
        return None
    ordered = sorted({str(term) for term in terms}, key=lambda term: (-len(term), term))
    alternatives = "|".join(
        r"[\s-]+".join(re.escape(word) for word in term.split()) for term in ordered
    )
    return re.compile(r"(?<!\w)(?:" + alternatives + r")\w*", re.I)


def _listed_base(found: str, terms: list) -> str:
    words = " ".join(re.split(r"[\s-]+", found)).casefold()
    return next(
        (
            term
            for term in sorted(map(str, terms), key=len, reverse=True)
            if words.startswith(term.casefold())
        ),
        found,
    )
