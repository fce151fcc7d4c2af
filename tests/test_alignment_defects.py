"""One defect, one diagnostic, at the line where the translator fixes it: a heading put over the
untitled lead, a dropped heading, two prose-only sections swapped."""

from conftest import article
from test_drift import SV_LINES, check

PROSE_EN = article(
    "Soft sell",
    """
Soft selling uses subtle language and a low-pressure approach to win customers over time.

## Understanding soft selling

Soft selling is not passive; it pushes a product without coming across as pushy at all.

The salesperson keeps the conversation friendly, so the buyer can relax and listen to the pitch.

Repeating an idea or a message makes a soft sell easier, and such tactics tend to persuade more.

## Soft sell versus hard sell

A hard sell uses direct, insistent language to make a buyer purchase right away.

## Techniques

A soft sell is consultative: it starts by asking the buyer questions and listening well.

Only when the buyer is satisfied does the deal go through.

## Summary

Soft selling builds trust slowly.
""",
)

PROSE_SV = """
Mjuk försäljning använder ett subtilt språk och ett lågt tryck för att vinna kunder över tid.

## Att förstå mjuk försäljning

Mjuk försäljning är inte passiv; den driver en produkt utan att verka påträngande alls.

Säljaren håller samtalet vänligt, så att köparen kan slappna av och lyssna på erbjudandet.

Att upprepa en idé eller ett budskap gör mjuk försäljning lättare, och sådan taktik övertygar mer.

## Mjuk försäljning jämfört med hård försäljning

Hård försäljning använder ett direkt, envist språk för att få köparen att köpa genast.

## Tekniker

Mjuk försäljning är rådgivande: den börjar med att ställa frågor till köparen och lyssna väl.

Först när köparen är nöjd blir det en affär.

## Sammanfattning

Mjuk försäljning bygger förtroende långsamt.
"""


def check_prose(corpus, glossqa, sv_body):
    others = {
        f"{language}/soft-sell.md": article("Mjuk försäljning", PROSE_SV)
        for language in ("da", "fi")
    }
    corpus(
        {
            "en/soft-sell.md": PROSE_EN,
            **others,
            "sv/soft-sell.md": article("Mjuk försäljning", sv_body),
        }
    )
    return structural_of(glossqa("check", "--isolated", "--format", "json", "sv/soft-sell.md"))


def structural_of(run):
    return [
        (d["line"], d["rule"], d["message"], d["related"]["line"])
        for d in run.json
        if d["rule"] in ("heading-structure", "link-targets", "front-matter")
    ]


def test_faithful_prose_translation_passes(corpus, glossqa):
    assert check_prose(corpus, glossqa, PROSE_SV) == []


def test_heading_over_the_untitled_lead_is_one_diagnostic_at_that_heading(corpus, glossqa):
    body = PROSE_SV.replace(
        "Mjuk försäljning använder", "## Vad det är\n\nMjuk försäljning använder"
    )
    assert check_prose(corpus, glossqa, body) == [
        (
            4,
            "heading-structure",
            "heading ## Vad det är is not in the source, which keeps this text as its untitled "
            "introduction (source line 4): remove the heading",
            4,
        )
    ]


def test_heading_over_the_lead_under_the_title_compares_the_lead_links_there(corpus, glossqa):
    body = SV_LINES.replace("Intro [hem](/home).", "## Vad det är\n\nIntro [hem](/hem).")
    assert check(corpus, glossqa, body, keywords="guide") == [
        (
            "sv/guide.md",
            7,
            "heading-structure",
            "heading ## Vad det är is not in the source, which keeps this text as its untitled "
            "introduction (source line 7): remove the heading",
            "en/guide.md",
            7,
        ),
        (
            "sv/guide.md",
            9,
            "link-targets",
            "this link leads to '/hem', the source's to '/home': change the target to '/home'",
            "en/guide.md",
            7,
        ),
    ]


def test_dropped_heading_is_reported_where_its_text_begins_without_link_cascade(corpus, glossqa):
    body = SV_LINES.replace("## Konfigurera\n\n", "")
    assert check(corpus, glossqa, body, keywords="guide") == [
        (
            "sv/guide.md",
            17,
            "heading-structure",
            "missing heading ## Configure: its text is here, run together with the section "
            "before; insert the translated heading before line 17",
            "en/guide.md",
            17,
        )
    ]


def test_dropped_heading_between_prose_only_sections(corpus, glossqa):
    body = PROSE_SV.replace("## Mjuk försäljning jämfört med hård försäljning\n\n", "")
    assert check_prose(corpus, glossqa, body) == [
        (
            14,
            "heading-structure",
            "missing heading ## Soft sell versus hard sell: its text is here, run together with "
            "the section before; insert the translated heading before line 14",
            14,
        )
    ]


def test_whole_section_missing_is_not_a_dropped_heading(corpus, glossqa):
    body = PROSE_SV.replace(
        "## Mjuk försäljning jämfört med hård försäljning\n\n"
        "Hård försäljning använder ett direkt, envist språk för att få köparen att köpa genast.\n\n",
        "",
    )
    assert check_prose(corpus, glossqa, body) == [
        (
            14,
            "heading-structure",
            "missing section ## Soft sell versus hard sell: translate the section at source line 14 "
            "and insert it before line 14",
            14,
        )
    ]


def test_swapped_prose_only_sections_are_one_move(corpus, glossqa):
    understanding, _, rest = PROSE_SV.partition("## Mjuk försäljning jämfört")
    lead, _, understanding = understanding.partition("## Att förstå")
    body = (
        lead
        + "## Mjuk försäljning jämfört"
        + rest.replace("## Tekniker", "## Att förstå" + understanding + "## Tekniker")
    )
    assert check_prose(corpus, glossqa, body) == [
        (
            6,
            "heading-structure",
            "section ## Mjuk försäljning jämfört med hård försäljning is out of place: the source "
            "has it after ## Understanding soft selling (source line 6): move it below line 16",
            14,
        )
    ]


def test_heading_over_part_of_the_lead_keeps_its_links_compared(corpus, glossqa):
    source = """
<small>Protects against:</small>

- [Passive attacks](basics/threats.md#passive)
- [Providers](basics/threats.md#providers)

**Calendars** hold sensitive data; use [encrypted](encryption.md) ones.

## Tuta

Tuta offers an [encrypted calendar](https://tuta.com/calendar).
"""
    translation = """
<small>Skyddar mot:</small>

- [Passiva attacker](basics/threats.md#passive)
- [Leverantörer](basics/threats.md#providers)

## Vad det är

**Kalendrar** rymmer känsliga data; använd [krypterade](encryption.md).

## Tuta

Tuta erbjuder en [krypterad kalender](https://tuta.com/calendar).
"""
    corpus(
        {
            "en/calendar.md": article("Calendar", source),
            "sv/calendar.md": article("Kalender", translation),
            "fi/calendar.md": article("Kalenteri", source),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", "sv/calendar.md")
    assert structural_of(run) == [
        (
            9,
            "heading-structure",
            "heading ## Vad det är is not in the source, which keeps this text as its untitled "
            "introduction (source line 4): remove the heading",
            4,
        )
    ]


def test_explicit_ids_that_keep_the_source_anchors_pair_the_sections(corpus, glossqa):
    source = """
## Compatibility

It works with every recent release of the framework and its native images.

## Dependency management

A bill of materials keeps the versions of all the dependencies aligned.

## Configuration

Set the properties in the file that the application reads when it starts.
"""
    translation = """
## Compatibilité {#compatibility}

Il fonctionne avec toutes les versions récentes du framework et ses images natives.

## Configuration {#configuration}

Définissez les propriétés dans le fichier que l'application lit au démarrage.
"""
    corpus(
        {
            "en/start.md": article("Start", source),
            "fr/start.md": article("Démarrer", translation),
            "fi/start.md": article("Aloitus", source),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", "fr/start.md")
    assert [found for found in structural_of(run) if "heading id" not in found[2]] == [
        (
            8,
            "heading-structure",
            "missing section ## Dependency management: translate the section at source line 8 "
            "and insert it before line 8",
            8,
        )
    ]


def test_moved_section_that_drifted_is_found_by_a_link_only_it_has(corpus, glossqa):
    source = """
## Why

Releases reach end of life on a [schedule](/about/releases/).

## Commercial support

Some teams cannot upgrade at once.

Vendors offer [extended support](https://example.com/nes) for old versions.

They also offer [audits](https://example.com/audits) and [training](https://example.com/training).

## Versions

<EOLReleaseTable />

## Help

Ask on [the forum](https://forum.example.com).
"""
    translation = """
## Por qué

Las versiones llegan al final de su vida según un [calendario](/about/releases/).

## Versiones

<EOLReleaseTable />

## Ayuda

Pregunta en [el foro](https://forum.example.com).

## Soporte comercial

Algunos proveedores ofrecen [soporte extendido](https://example.com/nes).
"""
    corpus(
        {
            "en/eol.md": article("End of life", source),
            "es/eol.md": article("Fin de vida", translation),
            "fi/eol.md": article("Elinkaaren loppu", source),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", "es/eol.md")
    assert structural_of(run) == [
        (
            16,
            "heading-structure",
            "section ## Soporte comercial is out of place: the source has it after ## Why "
            "(source line 4): move it below line 6",
            8,
        ),
        (
            18,
            "link-targets",
            "the source links 'https://example.com/audits' and 'https://example.com/training' "
            "on its line 14: add those links here",
            14,
        ),
    ]


MDX_SOURCE = """
# End of life

Releases reach end of life on a schedule.

## Versions

<EOLReleaseTable />

## Commercial support

Some teams cannot upgrade at once, and vendors help them.

Vendors offer extended support for old versions.
"""


def check_mdx(corpus, glossqa, translation):
    corpus(
        {
            "en/eol.mdx": article("End of life", MDX_SOURCE),
            "uk/eol.mdx": article("Кінець життя", translation),
            "fi/eol.mdx": article("Elinkaaren loppu", MDX_SOURCE),
        }
    )
    return structural_of(glossqa("check", "--isolated", "--format", "json", "uk/eol.mdx"))


def test_dropped_heading_after_a_section_of_markup_only(corpus, glossqa):
    translation = """
# Кінець життя

Випуски завершують життя за графіком.

## Версії

<EOLReleaseTable />

Деякі команди не можуть оновитися одразу, і їм допомагають постачальники.

Постачальники пропонують розширену підтримку старих версій.
"""
    assert check_mdx(corpus, glossqa, translation) == [
        (
            12,
            "heading-structure",
            "missing heading ## Commercial support: its text is here, run together with the "
            "section before; insert the translated heading before line 12",
            12,
        )
    ]


def test_section_of_markup_only_missing_whole(corpus, glossqa):
    translation = """
# Кінець життя

Випуски завершують життя за графіком.

## Комерційна підтримка

Деякі команди не можуть оновитися одразу, і їм допомагають постачальники.

Постачальники пропонують розширену підтримку старих версій.
"""
    assert check_mdx(corpus, glossqa, translation) == [
        (
            8,
            "heading-structure",
            "missing section ## Versions: translate the section at source line 8 and insert it "
            "before line 8",
            8,
        )
    ]
