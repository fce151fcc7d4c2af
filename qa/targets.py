"""Where a link leads: its target resolved to a form two pages of one site can compare.

Two links lead to the same place when they resolve to the same key, however each is written:
relative (`../signals/`) or site-absolute (`/docs/concepts/signals`), with the site's own host
(`https://opentelemetry.io/docs/x`) or without, with or without a trailing slash, `index.md`,
`_index.md`, `README.md`, `index.html`, a `.md`/`.mdx`/`.html` extension, percent-encoding, and with a
locale segment anywhere in the path (`/ko/docs/x`, `web.archive.org/web/2024/https://x.org/ko/`)
or a language or country in the query (`?hl=ja`, Google Play's `&gl=IT`), and the App Store's
localized app name (`apps.apple.com/it/app/proton-calendar/id1514709943`).

A relative target is resolved twice, because generators disagree on its base: against the file's
folder (MkDocs, GitHub, Docusaurus for `.md` links) and against the page's own URL, which is a folder
for pretty URLs (Hugo: `docs/x.md` is served at `/docs/x/`). `candidates` gives every reading, the
most likely first; two links match when they share one.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from . import langtags

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
PAGE_EXTENSION = re.compile(r"\.(?:mdx?|html?)$", re.I)
INDEX_PAGES = frozenset({"index", "_index", "readme"})
APP_STORE_NAME = re.compile(r"/app/[^/]+/(id\d+)")
LOCALE_PARAMETERS = frozenset({"hl", "gl", "lang", "language", "locale"})  # gl: Google's country
SHORTCODE_SPACE = (
    "\u2063"  # stands in for a space inside a Hugo shortcode while markdown-it reads the link
)


def site_path(display_path: str, language: str) -> PurePosixPath:
    """The file's path below its language folder: `content/ja/docs/x.md` -> `docs/x.md`.

    Without a language folder (a language in the file name), the whole path stands in for it."""
    parts = PurePosixPath(display_path).parts
    for index, segment in enumerate(parts[:-1]):
        if langtags.normalize(segment) == language or _is_locale_folder(segment, language):
            return PurePosixPath(*parts[index + 1 :])
    return PurePosixPath(*[part for part in parts if part not in ("..", ".")])


def _is_locale_folder(segment: str, language: str) -> bool:
    head, dot, tag = segment.rpartition(".")  # tldr's `pages.de`
    return bool(dot and head and langtags.normalize(tag) == language)


def page_url(page: PurePosixPath) -> str:
    """The page's URL path, as a site with pretty URLs serves it: `docs/x.md` -> `/docs/x`."""
    return _normal_path("/" + str(page))


def candidates(target: str, page: PurePosixPath, site_hosts: frozenset[str]) -> tuple[str, ...]:
    """Every key the target may resolve to, the most likely first."""
    target = target.strip().replace(SHORTCODE_SPACE, " ")
    if not target:
        return ("",)
    decoded = unquote(target)
    if decoded.startswith("//"):
        decoded = "https:" + decoded
    if SCHEME.match(decoded):
        return _url_candidates(decoded, site_hosts)
    path, fragment = _split_fragment(decoded)
    path, query = _split_query(path)
    query = _without_locale_parameters(query)
    suffix = ("?" + query if query else "") + ("#" + fragment if fragment else "")
    if not path:
        return (page_url(page) + suffix,)
    if path.startswith("/"):
        return (_normal_path(path) + suffix,)
    folder = "/" + str(page.parent) if str(page.parent) != "." else "/"
    readings = [_normal_path(posixpath.join(folder, path)) + suffix]
    if page.stem.lower() not in INDEX_PAGES:
        own_folder = posixpath.join(folder, page.stem)
        readings.append(_normal_path(posixpath.join(own_folder, path)) + suffix)
    return tuple(dict.fromkeys(readings))


def _url_candidates(url: str, site_hosts: frozenset[str]) -> tuple[str, ...]:
    try:
        parts = urlsplit(url)
    except ValueError:
        return (url,)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return (url,)
    host = parts.hostname or ""
    path = _normal_path(parts.path or "/")
    if host == "apps.apple.com":  # `/it/app/proton-calendar/id1514709943` is `/app/id1514709943`
        path = APP_STORE_NAME.sub(r"/app/\1", path)
    query = _without_locale_parameters(parts.query)
    suffix = ("?" + query if query else "") + ("#" + parts.fragment if parts.fragment else "")
    key = "//" + host.removeprefix("www.") + (path if path != "/" else "") + suffix
    if host in site_hosts or host.removeprefix("www.") in site_hosts:
        return (path + suffix, key)
    return (key, path + suffix)


def _without_locale_parameters(query: str) -> str:
    """The query with `+` read as a space and language parameters (`?hl=ja`, `lang=de`) removed."""
    if not query:
        return ""
    kept = []
    for parameter in query.replace("+", " ").split("&"):
        name, _, value = parameter.partition("=")
        if name.lower() in LOCALE_PARAMETERS and langtags.normalize(value):
            continue
        kept.append(parameter)
    return "&".join(kept)


def _split_fragment(target: str) -> tuple[str, str]:
    path, _, fragment = target.partition("#")
    return path, fragment


def _split_query(path: str) -> tuple[str, str]:
    path, _, query = path.partition("?")
    return path, query


def _normal_path(path: str) -> str:
    """A URL path with what does not change where it leads removed."""
    segments = []
    for segment in posixpath.normpath(path).split("/"):
        if not segment or segment == ".":
            continue
        if langtags.normalize(segment):
            continue  # a locale segment: `/sv/x`, `/docs/ko/x`, `learn.microsoft.com/en-us/`
        segments.append(segment)
    if segments:
        last = PAGE_EXTENSION.sub("", segments[-1])
        if last.lower() in INDEX_PAGES:
            segments.pop()
        else:
            segments[-1] = last
    return "/" + "/".join(segments)


def split_key(key: str) -> tuple[str, str]:
    """A key's place and its fragment: `/docs/x#intro` -> (`/docs/x`, `intro`)."""
    place, _, fragment = key.partition("#")
    return place, fragment
