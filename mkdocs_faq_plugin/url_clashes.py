"""Generated pages and user files that would land on the same URL or output file.

The plugin refuses a docs file at a generated page's *source* path (`faq/index.md`), but
MkDocs maps several sources to one output: `glossary.md` and `glossary/index.md` both become
`glossary/index.html` under directory URLs, and `glossary_page: faq.md` becomes the FAQ
index's `faq/index.html`. The last one written silently wins. `faq.json`, written after the
build, would overwrite a user's `docs/faq/faq.json` and crash on a page written *into* a
folder `faq/faq.json/`. Each such case is one error line, before anything is written.
Pure: the plugin passes output paths (`File.dest_uri`).
"""

from __future__ import annotations

from collections.abc import Iterable


def clashes(
    ours: Iterable[tuple[str, str]], others: Iterable[tuple[str, str]], export_uri: str
) -> list[str]:
    """Messages for every clash. `ours`: (source, output path) of each generated page;
    `others`: the same for every other file of the site; `export_uri`: where faq.json goes."""
    messages: list[str] = []
    written: dict[str, str] = {}
    for source, dest in ours:
        if dest in written:
            messages.append(
                f"faq: the generated pages {written[dest]} and {source} would both be written to "
                f"{dest}; set the plugin's faq_dir / glossary_page option so they differ"
            )
        written.setdefault(dest, source)
    if export_uri in written or any(d.startswith(f"{export_uri}/") for d in written):
        source = written.get(export_uri) or next(s for d, s in written.items() if d.startswith(f"{export_uri}/"))
        messages.append(
            f"faq: the generated page {source} would be written where the plugin writes "
            f"{export_uri}; choose another glossary_page"
        )
    for source, dest in others:
        if dest in written:
            messages.append(
                f"faq: {source} and the generated page {written[dest]} would both be written to "
                f"{dest}; move {source} or set the plugin's faq_dir / glossary_page option"
            )
        elif dest == export_uri:
            messages.append(
                f"faq: {source} would be overwritten by {export_uri}, which the plugin writes at "
                "every build; move it or set the plugin's faq_dir option"
            )
        elif dest.startswith(f"{export_uri}/"):
            messages.append(
                f"faq: {source} would be written into a folder {export_uri}/, where the plugin "
                f"writes the file {export_uri}; rename it"
            )
    return messages
