"""`python -m benchmarks recall` runs end to end on the shipped mini corpus (nothing fetched),
and its parts do what the benchmarks page says they do."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.recall.corpus import read_hugo, read_myst
from benchmarks.recall.measure import is_name_link, read_page
from benchmarks.recall.report import END, START, keep_section, write_section
from benchmarks.recall.run import Judgements

ROOT = Path(__file__).resolve().parent.parent.parent
MINI = ROOT / "tests" / "data" / "recall"


def test_recall_runs_on_the_mini_corpus(tmp_path: Path) -> None:
    results = tmp_path / "recall.json"
    unjudged = tmp_path / "unjudged.tsv"
    process = subprocess.run(
        [sys.executable, "-m", "benchmarks", "recall", "--results", str(results),
         "--unjudged", str(unjudged)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert process.returncode == 0, process.stdout + process.stderr
    figures = {(r["corpus"], r["language"]): r for r in json.loads(results.read_text())}
    assert sorted(figures) == [("mini-hugo", "en"), ("mini-hugo", "ko"), ("mini-myst", "en")]
    english = figures[("mini-hugo", "en")]
    # Every hand link is a name link here; the self link on the API page is left out.
    assert english["default"]["name_links"] == 10
    # "Host" is an everyday word, kept to its sense by default: "so it runs the same on any
    # host" shares its sentence with "container" ("containers" in its definition); "When a
    # host fails, the mesh sends calls elsewhere" holds no such word.
    assert english["default"]["name_recalled"] == 9
    assert english["settings"] == {}  # nothing left to advise
    assert english["advice"] == english["default"]
    korean = figures[("mini-hugo", "ko")]["default"]
    assert (korean["name_links"], korean["name_recalled"]) == (3, 3)
    book = figures[("mini-myst", "en")]
    assert book["settings"] == {}
    # "Create a branch [def] before you change a repository": the mention before the link.
    assert (book["default"]["recalled"], book["default"]["placed"]) == (1, 2)
    for entry in figures.values():
        for config in ("default", "advice"):
            assert entry[config]["misplaced"] == 0  # nothing in code, links or headings
    rows = unjudged.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("corpus\tlanguage\tkey\ttext\tverdict")
    assert any("[[container]]" in row or "[[containers]]" in row for row in rows)


def test_corpus_readers_keep_hand_links_and_strip_them() -> None:
    hugo = read_hugo(MINI / "hugo", "en", "mini")
    page = next(p for p in hugo.pages if p.path == "container.md")
    assert "[API](#hand-application-programming-interface)" in page.original
    assert "through an API." in page.stripped and "](/" not in page.stripped
    assert page.about == "container"
    assert [e.title for e in hugo.entries][:2] == [
        "Application Programming Interface (API)", "Containers",
    ]
    book = read_myst(MINI / "myst", "mini")
    guide = next(p for p in book.pages if p.path == "guide/branches.md")
    assert "[def](#hand-branch)" in guide.original and "[repository](#hand-repository)" in guide.original
    assert "{term}" not in guide.stripped and "(guide-branches)=" not in guide.stripped
    assert "!!! note" in guide.stripped and "Two branches leaving" in guide.stripped


def test_marks_and_links_are_read_in_visible_text() -> None:
    html = ('<p>An <a class="faq-term" data-faq-term="api" href="x">API</a> and '
            '<code>a <a class="faq-term" data-faq-term="c" href="y">container</a></code>; '
            '<a href="#hand-c">containers</a></p>')
    page = read_page(html)
    assert page.text == "An API and a container; containers"
    assert [(m.start, m.end, m.term) for m in page.marks] == [(3, 6, "api"), (13, 22, "c")]
    assert [m.text for m in page.misplaced] == ["container"]
    assert [(m.text, m.term) for m in page.hand_links] == [("containers", "c")]


def test_name_links_are_judged_from_the_title_alone() -> None:
    assert is_name_link("API", "Application Programming Interface (API)")
    assert is_name_link("application programming interfaces", "Application Programming Interface (API)")
    assert is_name_link("container", "Containers")
    assert is_name_link("blue-green deployment", "Blue Green Deployment")
    assert not is_name_link("scale", "Scalability")
    assert not is_name_link("microservices", "Microservices Architecture")


def test_the_speed_report_keeps_the_recall_section(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    page.write_text("# Benchmarks\n\nspeed\n", encoding="utf-8")
    figures = json.loads((ROOT / "benchmarks" / "recall" / "results.json").read_text())
    write_section(figures, page)
    text = page.read_text(encoding="utf-8")
    assert START in text and END in text and "| CNCF Cloud Native Glossary | ko |" in text
    rerendered = keep_section(text, "# Benchmarks\n\nnew speed\n")
    assert rerendered.startswith("# Benchmarks\n\nnew speed\n")
    assert "| The Turing Way | en |" in rerendered


def test_the_recorded_figures_match_the_judgements() -> None:
    """Every sampled mark in the recorded run has a judgement, and the counts add up."""
    judgements = Judgements.load()
    figures = json.loads((ROOT / "benchmarks" / "recall" / "results.json").read_text())
    for entry in figures:
        for config in ("default", "advice"):
            precision = entry[config]["precision"]
            assert precision["judged"] == precision["sampled"], (entry["corpus"], config)
    assert len(judgements.verdicts) >= 800
    assert sum(not v for v in judgements.verdicts.values()) >= 50


def test_kubernetes_reader(tmp_path: Path) -> None:
    """Tooltips become hand links (the entry's title where a tooltip has no text); an entry
    not translated falls back to English, as Hugo does; section pages and templates map."""
    from benchmarks.recall.kubernetes import read_kubernetes

    def write(path: str, text: str) -> None:
        target = tmp_path / "content" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    glossary = "docs/reference/glossary"
    write(f"en/{glossary}/node.md", "---\ntitle: Node\nid: node\nshort_description: A machine.\n---\nA machine.\n")
    write(f"en/{glossary}/pod.md", "---\ntitle: Pod\nid: pod\nshort_description: Containers.\n---\nSome.\n")
    write(f"uk/{glossary}/node.md", "---\ntitle: Вузол\nid: node\naka:\n- Node\n"
          "short_description: Машина.\n---\nМашина для {{< glossary_tooltip term_id=\"pod\" >}}.\n")
    write("uk/docs/_index.md", "---\ntitle: Docs\n---\n"
          'На {{< glossary_tooltip text="вузлі" term_id="node" >}} працює Pod.\n')
    write("uk/docs/templates/x.md", "---\ntitle: T\n---\nШаблон.\n")
    corpus = read_kubernetes(tmp_path, "uk")
    titles = {entry.id: (entry.title, entry.aliases) for entry in corpus.entries}
    assert titles == {"node": ("Вузол", ("Node",)), "pod": ("Pod", ())}
    pages = {page.path: page for page in corpus.pages}
    assert sorted(pages) == ["index.md", "reference/glossary/node.md"]
    assert pages["index.md"].original.strip() == "На [вузлі](#hand-node) працює Pod."
    assert pages["index.md"].stripped.strip() == "На вузлі працює Pod."
    entry_page = pages["reference/glossary/node.md"]
    assert entry_page.about == "node" and "[Pod](#hand-pod)" in entry_page.original


def test_recall_diff_lists_the_marks_a_build_adds(tmp_path: Path) -> None:
    def site(root: Path, body: str) -> None:
        folder = root / "cncf" / "cncf-ru-default"
        (folder / "docs").mkdir(parents=True)
        (folder / "docs" / "node.md").write_text("x", encoding="utf-8")
        (folder / "site").mkdir()
        (folder / "site" / "node.html").write_text(body, encoding="utf-8")
        (folder / "site" / "glossary.html").write_text(  # ours, not the corpus's: not read
            '<a class="faq-term" data-faq-term="pod">pod</a>', encoding="utf-8")

    mark = '<a class="faq-term" data-faq-term="{}">{}</a>'
    site(tmp_path / "before", f"<p>Два {mark.format('pod', 'пода')} на узле.</p>")
    site(tmp_path / "after", f"<p>Два {mark.format('pod', 'пода')} на {mark.format('node', 'узле')}.</p>")
    judgements = tmp_path / "judgements.tsv"
    judgements.write_text("cncf\tru\tnode.md:12:node\tузле\tno\tnot the node\n", encoding="utf-8")
    process = subprocess.run(
        [sys.executable, "-m", "benchmarks", "recall-diff", str(tmp_path / "before"),
         str(tmp_path / "after"), "--judgements", str(judgements)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert process.returncode == 1  # an added mark judged wrong
    rows = process.stdout.splitlines()
    assert rows[1].split("\t")[:5] == ["cncf", "ru", "node.md:12:node", "узле", "no"]
    assert len(rows) == 2
    assert "cncf/cncf-ru-default: 1 marks before, 2 after, 1 added" in process.stderr
    assert "0 judged right, 1 judged wrong, 0 not judged" in process.stderr
