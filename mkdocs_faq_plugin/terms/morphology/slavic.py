"""Ukrainian, Russian and Polish: the case and number forms of a noun phrase.

A name is split into leading adjectives, the head noun, and what follows it ("площина
управління": the genitive "управління" never changes). The head noun's paradigm is chosen by
its ending (a consonant, -ь, -й, -а, -я, -о, -е, a doubled consonant + я ...), which is
how loanwords no dictionary holds decline too: "датасет" → "датасетів", "промпт" →
"промптами". An adjective agrees with the noun slot by slot (12 slots: six cases, two
numbers), so "віртуальна машина" gives "віртуальної машини", never "віртуальної машиною".

A word is an adjective when its ending is an adjective's and agrees in gender or number with
the next word's: "віртуальна машина" (both feminine), not "площина управління" (a feminine
then a neuter). Ukrainian also writes endings onto Latin names after an apostrophe
("Podʼів", "Pod'и"); those are generated for a Latin head word of a Ukrainian name.
"""

from __future__ import annotations

import re
from itertools import product

from . import MIN_STEM

__all__ = ["forms"]

_WORD = re.compile(r"[^\W\d_]+(?:['ʼ’][^\W\d_]+)*")
_CYRILLIC = re.compile(r"^[\u0400-\u04ff'ʼ’]+$")
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f]+$")

# Paradigms: twelve slots (nominative, genitive, dative, accusative, instrumental,
# locative; singular then plural), each a "|"-joined set of endings added to the stem.
# "=ю" doubles the consonant before it after a vowel (моделлю); "*ь" is the genitive
# plural of -ння nouns (значень); "~" is the Polish palatalised locative (kontenerze).
_UK = {
    "hard": ("", "а|у", "у|ові", "|а", "ом", "і|у|ові", "и", "ів", "ам", "и|ів", "ами", "ах"),
    "hush": ("", "а|у", "у|еві", "|а", "ем", "і|у|еві", "і", "ів", "ам", "і|ів", "ами", "ах"),
    "soft": ("ь", "я|і", "ю|еві|і", "ь|я", "ем|=ю", "і|ю|еві", "і", "ів|ей", "ям", "і|ів",
             "ями", "ях"),
    "j": ("й", "я", "ю|єві", "й|я", "єм", "ї|ю|єві", "ї", "їв", "ям", "ї|їв", "ями", "ях"),
    "a": ("а", "и", "і", "у", "ою", "і", "и", "", "ам", "и", "ами", "ах"),
    "a_hush": ("а", "і", "і", "у", "ею", "і", "і", "", "ам", "і", "ами", "ах"),
    "ija": ("я", "ї", "ї", "ю", "єю", "ї", "ї", "й", "ям", "ї", "ями", "ях"),
    "ja": ("я", "і", "і", "ю", "ею", "і", "і", "ь", "ям", "і", "ями", "ях"),
    "nnja": ("я", "я", "ю", "я", "ям", "і|ю", "я", "*ь", "ям", "я", "ями", "ях"),
    "o": ("о", "а", "у", "о", "ом", "і|у", "а", "", "ам", "а", "ами", "ах"),
    "pl_y": (None,) * 6 + ("и", "ів|", "ам", "и|ів", "ами", "ах"),
    "pl_i": (None,) * 6 + ("і", "ей|ів|", "ям|ам", "і|ей", "ями|ами", "ях|ах"),
}  # fmt: skip
_RU = {
    "hard": ("", "а|у", "у", "|а", "ом", "е|у", "ы", "ов", "ам", "ы|ов", "ами", "ах"),
    "velar": ("", "а|у", "у", "|а", "ом", "е|у", "и", "ов", "ам", "и|ов", "ами", "ах"),
    "hush": ("", "а|у", "у", "|а", "ом|ем", "е", "и", "ей", "ам", "и|ей", "ами", "ах"),
    "soft": ("ь", "я|и", "ю|и", "ь|я", "ем|ью", "е|и", "и", "ей", "ям", "и|ей", "ями", "ях"),
    "j": ("й", "я", "ю", "й|я", "ем", "е|и", "и", "ев", "ям", "и|ев", "ями", "ях"),
    "a": ("а", "ы", "е", "у", "ой|ою", "е", "ы", "", "ам", "ы", "ами", "ах"),
    "a_hush": ("а", "и", "е", "у", "ой|ей|ою", "е", "и", "", "ам", "и", "ами", "ах"),
    "ija": ("я", "и", "и", "ю", "ей|ею", "и", "и", "й", "ям", "и", "ями", "ях"),
    "ja": ("я", "и", "е", "ю", "ей|ею", "е", "и", "ь|ей", "ям", "и", "ями", "ях"),
    "o": ("о", "а", "у", "о", "ом", "е", "а", "", "ам", "а", "ами", "ах"),
    "ie": ("е", "я", "ю", "е", "ем", "и", "я", "й", "ям", "я", "ями", "ях"),
    "e": ("е", "я", "ю", "е", "ем", "е", "я", "ей", "ям", "я", "ями", "ях"),
    "pl_y": (None,) * 6 + ("ы|и", "ов|ей|", "ам|ям", "ы|и", "ами|ями", "ах|ях"),
}  # fmt: skip
_PL = {
    "hard": ("", "u|a", "owi|u", "|a", "em", "~|u", "y", "ów", "om", "y|ów", "ami", "ach"),
    "velar": ("", "u|a", "owi|u", "|a", "iem", "u", "i", "ów", "om", "i|ów", "ami", "ach"),
    "soft": ("", "u|a", "owi|u", "|a", "em", "u", "e|y", "i|ów|y", "om", "e|i", "ami",
             "ach"),
    "soft_f": ("", "i", "i", "", "ią", "i", "ie|i", "i", "iom", "ie|i", "iami", "iach"),
    "a": ("a", "y", "~", "ę", "ą", "~", "y", "", "om", "y", "ami", "ach"),
    "a_velar": ("a", "i", "~", "ę", "ą", "~", "i", "", "om", "i", "ami", "ach"),
    "a_soft": ("a", "i|y", "i|y", "ę", "ą", "i|y", "e|i|y", "|i", "om", "e", "ami", "ach"),
    "ja": ("a", "i", "i", "ę", "ą", "i", "e", "i", "om", "e", "ami", "ach"),
    "ie": ("e", "a", "u", "e", "em", "u", "a", "*ń", "om", "a", "ami", "ach"),
    "o": ("o", "a", "u", "o", "em", "~", "a", "", "om", "a", "ami", "ach"),
    "pl_y": (None,) * 6 + ("y|i|e", "ów|i|", "om", "y|i|e", "ami", "ach"),
}  # fmt: skip

# Adjectives by the ending they are written with: that ending, then its 12 slots.
_ADJ = {
    "uk": [
        ("ий", "m", ("ий", "ого", "ому", "ий|ого", "им", "ому|ім") + ("і", "их", "им", "і|их", "ими", "их")),
        ("ій", "m", ("ій", "ього", "ьому", "ій|ього", "ім", "ьому|ім") + ("і", "іх", "ім", "і|іх", "іми", "іх")),
        ("а", "f", ("а", "ої", "ій", "у", "ою", "ій") + ("і", "их", "им", "і|их", "ими", "их")),
        ("я", "f", ("я", "ьої", "ій", "ю", "ьою", "ій") + ("і", "іх", "ім", "і", "іми", "іх")),
        ("е", "n", ("е", "ого", "ому", "е", "им", "ому|ім") + ("і", "их", "им", "і|их", "ими", "их")),
        ("і", "p", (None,) * 6 + ("і", "их", "им", "і|их", "ими", "их")),
    ],
    "ru": [
        ("ый", "m", ("ый", "ого", "ому", "ый|ого", "ым", "ом") + ("ые", "ых", "ым", "ые|ых", "ыми", "ых")),
        ("ой", "m", ("ой", "ого", "ому", "ой|ого", "ым|им", "ом") + ("ые|ие", "ых|их", "ым|им", "ые|ие", "ыми|ими", "ых|их")),
        ("ий", "m", ("ий", "ого|его", "ому|ему", "ий|ого|его", "им", "ом|ем") + ("ие", "их", "им", "ие|их", "ими", "их")),
        ("ая", "f", ("ая", "ой", "ой", "ую", "ой|ою", "ой") + ("ые|ие", "ых|их", "ым|им", "ые|ие", "ыми|ими", "ых|их")),
        ("яя", "f", ("яя", "ей", "ей", "юю", "ей|ею", "ей") + ("ие", "их", "им", "ие", "ими", "их")),
        ("ое", "n", ("ое", "ого", "ому", "ое", "ым|им", "ом") + ("ые|ие", "ых|их", "ым|им", "ые|ие", "ыми|ими", "ых|их")),
        ("ее", "n", ("ее", "его", "ему", "ее", "им", "ем") + ("ие", "их", "им", "ие", "ими", "их")),
        ("ые", "p", (None,) * 6 + ("ые", "ых", "ым", "ые|ых", "ыми", "ых")),
        ("ие", "p", (None,) * 6 + ("ие", "их", "им", "ие|их", "ими", "их")),
    ],
    "pl": [
        ("y", "m", ("y", "ego", "emu", "y|ego", "ym", "ym") + ("e|i", "ych", "ym", "e|ych", "ymi", "ych")),
        ("i", "m", ("i", "iego", "iemu", "i|iego", "im", "im") + ("ie|i", "ich", "im", "ie|ich", "imi", "ich")),
        ("a", "f", ("a", "ej|iej", "ej|iej", "ą", "ą", "ej|iej") + ("e|ie", "ych|ich", "ym|im", "e|ie", "ymi|imi", "ych|ich")),
        ("e", "n", ("e", "ego|iego", "emu|iemu", "e", "ym|im", "ym|im") + ("e", "ych|ich", "ym|im", "e", "ymi|imi", "ych|ich")),
    ],
}  # fmt: skip

_HUSH_UK, _HUSH_RU = "жшчщ", "жшчщц"
_FLEETING = ("ок", "ол", "ел", "ек", "ец", "ень")
_VELAR_UK = {"к": "ц", "г": "з", "х": "с"}
_VOWELS = "аеєиіїоуюяыэёaeiouyąęó"
_PL_LOCATIVE = (
    ("st", "ście"), ("zd", "ździe"), ("sł", "śle"), ("t", "cie"), ("d", "dzie"), ("r", "rze"),
    ("n", "nie"), ("s", "sie"), ("z", "zie"), ("ł", "le"), ("m", "mie"), ("p", "pie"),
    ("b", "bie"), ("w", "wie"), ("f", "fie"), ("k", "ce"), ("g", "dze"), ("ch", "sze"),
    ("l", "li"),
)  # fmt: skip
_PL_SOFTENED = {"ć": "c", "ś": "s", "ń": "n", "ź": "z"}
_PL_SOFT = ("l", "j", "ś", "ć", "ń", "ź", "cz", "sz", "rz", "ż", "c", "dz", "i")


def forms(name: str, language: str) -> list[str]:
    """The other case and number forms of `name` ("віртуальна машина", language "uk")."""
    words = list(_WORD.finditer(name))
    if not words:
        return []
    script = _LATIN if language == "pl" else _CYRILLIC
    texts = [m.group() for m in words]
    head = 0
    if language != "pl":  # Polish puts the head first ("maszyna wirtualna")
        while head < len(texts) - 1 and _adjective(texts[head], texts[head + 1], language):
            head += 1
    noun = texts[head]
    if not script.match(noun):
        if language == "uk" and _LATIN.match(noun) and head == len(texts) - 1 and len(noun) >= MIN_STEM:
            return _latin_in_ukrainian(name, words[head])
        return []
    slots = _noun(noun, language)
    if slots is None:
        return []
    columns = [_adjective_slots(texts[i], language) for i in range(head)] + [slots]
    while language == "pl" and len(columns) < len(texts) and _adjective(
        texts[len(columns)], noun, language
    ):
        columns.append(_adjective_slots(texts[len(columns)], language))
    found: list[str] = []
    for slot in range(12):
        choices = [column[slot] for column in columns]
        if any(not choice for choice in choices):
            continue
        for combination in product(*choices):
            found.append(_replace(name, words[: len(columns)], combination))
    return found


def _replace(name: str, words: list[re.Match[str]], texts: tuple[str, ...]) -> str:
    out, last = [], 0
    for match, text in zip(words, texts):
        out += [name[last : match.start()], text]
        last = match.end()
    return "".join(out) + name[last:]


def _latin_in_ukrainian(name: str, word: re.Match[str]) -> list[str]:
    """"Pod" → "Podʼа", "Podʼів", "Pod'ами"...: the hard masculine endings after an
    apostrophe, as Ukrainian writes them on a Latin name."""
    endings = [e for slot in _UK["hard"] for e in slot.split("|") if e]
    head, tail = name[: word.end()], name[word.end() :]
    return [f"{head}{mark}{ending}{tail}" for ending in dict.fromkeys(endings) for mark in "ʼ'"]


def _classes(word: str, language: str) -> set[str]:
    """The genders or number a noun written so may have: m, f, n, p (plural)."""
    lower = word.lower()
    if language == "pl":
        if lower.endswith(("ie", "o", "um")):
            return {"n", "p"} if lower.endswith("ie") else {"n"}
        if lower.endswith("a"):
            return {"f", "p"}
        if lower.endswith(("y", "i", "e")):
            return {"p"}
        return {"m", "f"} if lower[-1:] in _PL_SOFTENED else {"m"}
    if lower.endswith(("ння", "ття", "ие", "ье")) or re.search(r"(.)\1я$", lower):
        return {"n", "p"}
    if lower.endswith(("а", "я")):
        return {"f", "p"}
    if lower.endswith(("о", "е", "є")):
        return {"n"}
    if lower.endswith(("и", "і", "ы", "ї")):
        return {"p"}
    if lower.endswith("ь"):
        return {"m", "f"}
    return {"m"}


def _adjective(word: str, following: str, language: str) -> bool:
    """Is `word` an adjective agreeing with the next word (the noun or another adjective)?"""
    lower = word.lower()
    for ending, gender, _slots in _ADJ[language]:
        if lower.endswith(ending) and len(lower) - len(ending) >= MIN_STEM:
            return gender in _classes(following, language)
    return False


def _adjective_slots(word: str, language: str) -> list[list[str]]:
    lower = word.lower()
    for ending, _gender, slots in _ADJ[language]:
        if lower.endswith(ending):
            stem = word[: len(word) - len(ending)]
            return [[] if s is None else [stem + e for e in s.split("|")] for s in slots]
    return [[word]] * 12


def _noun(word: str, language: str) -> list[list[str]] | None:
    """The noun's twelve slots of full forms, or None when no rule is safe for it."""
    lower = word.lower()
    kind, stem = _kind(lower, language)
    if kind is None or len(stem) < MIN_STEM:
        return None
    table = {"uk": _UK, "ru": _RU, "pl": _PL}[language][kind]
    stem = word[: len(stem)] if kind != "soft_f" else word[:-1] + stem[-1]
    slots = []
    for index, cell in enumerate(table):
        if cell is None:
            slots.append([])
            continue
        slot = [
            _ending(stem, ending, language, kind)
            for ending in cell.split("|")
            if ending or index in (0, 3) or len(stem) > MIN_STEM  # a bare short stem is a word
        ]
        if index == 0:
            slot = [word]
        slots.append(slot)
    if kind == "soft_f":
        slots[3] = [word]  # the accusative of sieć is sieć
    if kind in ("hard", "hush", "velar"):
        fleeting = _fleeting(stem) if language != "pl" else _fleeting_pl(stem)
        if fleeting:  # вузол → вузла, узел → узла, klaster → klastra: о/е drops
            for index, cell in enumerate(table[1:], start=1):
                slots[index] += [_ending(fleeting, e, language, kind) for e in cell.split("|") if e]
    if language == "uk" and kind == "a" and stem[-1:].lower() in _VELAR_UK:
        soft = stem[:-1] + _VELAR_UK[stem[-1].lower()]
        slots[2].append(soft + "і")  # бібліотека → бібліотеці
        slots[5].append(soft + "і")
    return slots


def _ending(stem: str, ending: str, language: str, kind: str) -> str:
    if ending == "=ю":
        if len(stem) > 1 and stem[-2].lower() in _VOWELS:
            return stem + stem[-1] + "ю"
        return stem + "ю"
    if ending == "*ь":
        return stem[:-1] + "ь"  # значенн → значень
    if ending == "*ń":
        base = stem[:-1]  # wdrożeni → wdrożen
        return base[:-1] + {"n": "ń", "c": "ć"}.get(base[-1:], base[-1:])
    if ending == "~":
        lower = stem.lower()
        for end, replacement in _PL_LOCATIVE:
            if lower.endswith(end):
                if kind == "hard" and end in ("k", "g", "ch", "l"):
                    return stem + "u"
                return stem[: len(stem) - len(end)] + replacement
        return stem + "e"
    return stem + ending


def _kind(lower: str, language: str) -> tuple[str | None, str]:
    """The paradigm a noun written `lower` takes, and its stem."""
    if language == "pl":
        if lower.endswith("ja"):
            return "ja", lower[:-1]
        if lower.endswith("ie"):
            return "ie", lower[:-1]
        if lower.endswith("a"):
            stem = lower[:-1]
            if stem.endswith(("k", "g")):
                return "a_velar", stem
            return ("a_soft" if stem.endswith(_PL_SOFT) else "a"), stem
        if lower.endswith("o"):
            return "o", lower[:-1]
        if lower.endswith(("y", "i")):  # not -e: English names end so ("Name", "Node")
            return "pl_y", lower[:-1]
        if lower.endswith(("k", "g")):
            return "velar", lower
        if lower[-1:] in _PL_SOFTENED:  # sieć → sieci, wiadomość → wiadomości
            return "soft_f", lower[:-1] + _PL_SOFTENED[lower[-1]]
        if lower.endswith(_PL_SOFT):
            return "soft", lower
        return ("hard", lower) if lower[-1:].isalpha() and lower[-1] not in _VOWELS else (None, "")
    last = lower[-1:]
    if re.search(r"([бвгґджзклмнпрстфхцчшщ])\1я$", lower):
        return "nnja", lower[:-1]
    if language == "ru" and lower.endswith("ие"):
        return "ie", lower[:-1]
    if language == "ru" and lower.endswith("ия"):
        return "ija", lower[:-1]
    if language == "uk" and lower.endswith("ія"):
        return "ija", lower[:-1]
    if last == "ь":
        return "soft", lower[:-1]
    if last == "й":
        return "j", lower[:-1]
    if last == "а":
        hush = _HUSH_UK if language == "uk" else _HUSH_RU + "кгх"
        return ("a_hush" if lower[-2:-1] in hush else "a"), lower[:-1]
    if last == "я":
        return "ja", lower[:-1]
    if last == "о":
        return ("o", lower[:-1]) if lower[-2:-1] not in _VOWELS else (None, "")
    if last == "е" and language == "ru":
        return "e", lower[:-1]
    if last in ("и", "ы"):
        return "pl_y", lower[:-1]
    if last == "і" and language == "uk":
        return "pl_i", lower[:-1]
    if not last or last in _VOWELS or not last.isalpha():
        return None, ""
    if language == "ru":
        if last in "кгх":
            return "velar", lower
        return ("hush" if last in _HUSH_RU else "hard"), lower
    return ("hush" if last in _HUSH_UK else "hard"), lower


def _fleeting(stem: str) -> str | None:
    """"вузол" → "вузл", "рядок" → "рядк", "узел" → "узл": the stem without its last о/е."""
    if len(stem) < 4 or not stem.lower().endswith(_FLEETING) or stem[-3].lower() in _VOWELS:
        return None
    return stem[:-2] + stem[-1]


def _fleeting_pl(stem: str) -> str | None:
    """"klaster" → "klastr": a last e after two consonants drops before an ending; so does
    the e of -eł and -ek after one ("węzeł" → "węzła", "znaczek" → "znaczka"), though not
    that of the loanwords' -el and -er ("model" → "modelu", "kontener" → "kontenera")."""
    lower = stem.lower()
    if len(lower) < 5 or lower[-2] != "e" or lower[-3] in _VOWELS:
        return None
    if lower[-1] in "łk" or (len(lower) >= 6 and lower[-4] not in _VOWELS):
        return stem[:-2] + stem[-1]
    return None
