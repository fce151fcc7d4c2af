"""BCP 47 language tags: recognise them in paths and normalise them for comparison."""

from __future__ import annotations

import re

ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy
    hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li
    ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa
    pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th
    ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)

# Three-letter codes are only accepted from this list: most three-letter folder names
# (img, api, src, lib, bin) are also ISO 639-3 codes, and they are never languages in a docs tree.
THREE_LETTER = frozenset(
    "ast ckb fil gsw haw hsb kab yue sco szl tok zgh ceb hmn kmr nds vec lij".split()
)

ALIASES = {"no": "nb", "iw": "he", "in": "id", "ji": "yi", "jw": "jv"}

_TAG = re.compile(
    r"^(?P<language>[A-Za-z]{2,3})"
    r"(?:[-_](?P<script>[A-Za-z]{4}))?"
    r"(?:[-_](?P<region>[A-Za-z]{2}|[0-9]{3}))?$"
)


def normalize(tag: str) -> str | None:
    """The canonical form of a language tag (`pt_br` -> `pt-BR`, `no` -> `nb`), or None if it is not one."""
    match = _TAG.match(tag.strip())
    if not match:
        return None
    language = match["language"].lower()
    if language not in ISO_639_1 and language not in THREE_LETTER:
        return None
    parts = [ALIASES.get(language, language)]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    return "-".join(parts)


def primary(tag: str) -> str:
    """The language subtag alone: `pt-BR` -> `pt`."""
    return tag.split("-", 1)[0]


def is_english(tag: str | None) -> bool:
    return tag is not None and primary(tag) == "en"


def is_in(tag: str, wanted: str) -> bool:
    """Whether a file tagged `tag` is in the language `wanted` names: that tag, or any regional
    form of a bare language (`en` takes `en-US` and `en-GB`)."""
    wanted = normalize(wanted) or wanted
    return tag == wanted or ("-" not in wanted and primary(tag) == wanted)


def site_source(configured: str | None, languages: frozenset[str]) -> str | None:
    """The language a site translates from: the configured one, else English when the site has
    English files, else None (a site with no source files at all is judged by consensus)."""
    if configured:
        return configured
    return "en" if any(is_english(language) for language in languages) else None


NAMES = {
    "ar": "Arabic",
    "bn": "Bengali",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "eo": "Esperanto",
    "es": "Spanish",
    "et": "Estonian",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "ku": "Kurdish",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "nb": "Norwegian",
    "nl": "Dutch",
    "nn": "Norwegian Nynorsk",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sv": "Swedish",
    "th": "Thai",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "vi": "Vietnamese",
    "zh": "Chinese",
    "bg": "Bulgarian",
    "ca": "Catalan",
    "fil": "Filipino",
    "is": "Icelandic",
    "mk": "Macedonian",
    "ms": "Malay",
    "sh": "Serbo-Croatian",
    "sr": "Serbian",
    "bs": "Bosnian",
    "ta": "Tamil",
    "ur": "Urdu",
}


def name(tag: str) -> str:
    return NAMES.get(primary(tag), tag)
