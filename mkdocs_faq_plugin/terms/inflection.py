"""English number inflection of one word: regular plurals, and conservative singulars.

Glossaries title entries both ways ("Container", "Containers"), so the linker needs the
other number of a title's last word. Plurals follow the regular rules. Singulars are
guessed only where the rules are safe: a word is left alone when its ending is shared by
singular nouns ("class", "status", "analysis", "physics") or when it is listed in
`INVARIANT` ("Kubernetes", "news", "series"). A guess that is not a word ("Jenkin") costs
nothing, since it never occurs in text; a guess that is another word ("news" → "new") would
mark the wrong thing, which is what the exceptions prevent.

Pure and small: no dictionary, no dependency.
"""

from __future__ import annotations

__all__ = ["INVARIANT", "plural_forms", "singular_forms"]

SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")

# Words that look plural but are singular, uncountable or names: neither number is guessed.
INVARIANT = frozenset(
    """
    always analytics aerobics athletics axes bases billiards canvas chaos clothes cosmos
    darts diabetes earnings economics electronics ergonomics ethics ethos genomics glasses
    goods headquarters herpes informatics kudos kubernetes linguistics logistics
    mathematics means measles mumps news odds pandas pathos perhaps physics politics
    premises rabies robotics savings semantics series species statistics thanks thermos
    whereabouts
    """.split()
)  # fmt: skip

# Plurals whose singular the rules below would get wrong.
_SINGULARS = {
    "aliases": "alias", "analyses": "analysis", "atlases": "atlas", "avalanches": "avalanche",
    "biases": "bias", "bonuses": "bonus", "brownies": "brownie", "buses": "bus",
    "caches": "cache", "calves": "calf", "calories": "calorie", "campuses": "campus",
    "canvases": "canvas", "clichés": "cliché", "cliches": "cliche", "cookies": "cookie",
    "corpuses": "corpus", "crises": "crisis", "diagnoses": "diagnosis", "echoes": "echo",
    "elves": "elf", "emphases": "emphasis", "gases": "gas", "goalies": "goalie",
    "halves": "half", "headaches": "headache", "heroes": "hero", "hoodies": "hoodie",
    "hypotheses": "hypothesis", "knives": "knife", "leaves": "leaf", "lenses": "lens",
    "lives": "life", "loaves": "loaf", "metrics": "metric", "movies": "movie",
    "niches": "niche", "parentheses": "parenthesis", "potatoes": "potato", "psyches": "psyche",
    "selfies": "selfie", "selves": "self", "shelves": "shelf", "statuses": "status",
    "syntheses": "synthesis", "theses": "thesis", "thieves": "thief", "tomatoes": "tomato",
    "topics": "topic", "vetoes": "veto", "viruses": "virus", "wives": "wife",
    "wolves": "wolf", "zombies": "zombie", "heuristics": "heuristic",
    "characteristics": "characteristic",
}  # fmt: skip


def plural_forms(word: str) -> list[str]:
    """English plurals of one word by the regular rules; no irregular nouns are guessed.

    Acronyms ("LLM", "API") take a lowercase "s" as authors write them ("LLMs").
    """
    if not word or not word[-1].isalnum():
        return []
    lower = word.lower()
    if lower in INVARIANT:
        return []
    if len(word) > 1 and word.isupper():
        forms = [word + "s"]
        if lower.endswith(SIBILANT_ENDINGS):
            forms.append(word + "es")
        return forms
    if lower.endswith("sis") and len(lower) > 4:
        return [word[:-2] + "es"]  # analysis → analyses, hypothesis → hypotheses
    if lower.endswith(SIBILANT_ENDINGS):
        return [word + "es"]
    if len(lower) > 1 and lower[-1] == "y" and lower[-2] not in "aeiou" and lower[-2].isalpha():
        return [word[:-1] + "ies"]
    return [word + "s"]


def singular_forms(word: str) -> list[str]:
    """The singular of an English plural, or nothing when the word may not be a plural.

    Only lowercase, Capitalised and acronym plurals ("APIs") are considered; words of mixed
    case ("DevOps", "macOS") are names, and all-capital ones ("AWS") are not plurals.
    """
    if len(word) < 3 or not word.endswith("s") or not word.isalpha():
        return []
    stem = word[:-1]
    if len(stem) > 1 and stem.isupper():
        return [stem]  # APIs → API, VMs → VM
    if not (word.islower() or (word[0].isupper() and word[1:].islower())):
        return []
    lower = word.lower()
    if len(lower) < 4 or lower in INVARIANT:
        return []
    known = _SINGULARS.get(lower)
    if known is not None:
        return [_like(word, known)]
    return [_like(word, singular)] if (singular := _regular_singular(lower)) else []


def _regular_singular(lower: str) -> str | None:
    if lower.endswith(("ss", "us", "is", "ics")):
        return None  # class, status, analysis, physics: singular nouns end so too
    if lower.endswith("ies"):
        if len(lower) > 4 and lower[-4] not in "aeiou":
            return lower[:-3] + "y"  # policies; not "ties"
        return None
    if lower.endswith(("sses", "xes", "zzes", "ches", "shes")):
        return lower[:-2]  # processes, boxes, branches, hashes
    stem = lower[:-1]
    if stem.endswith(SIBILANT_ENDINGS) or (stem.endswith("y") and stem[-2] not in "aeiou"):
        return None  # "boxs", "citys": not how English forms a plural
    return stem  # containers, images, keys, repos, schemas


def _like(original: str, lower: str) -> str:
    """`lower` with the capitalisation of `original` (which is lowercase or Capitalised)."""
    return lower[0].upper() + lower[1:] if original[0].isupper() else lower
