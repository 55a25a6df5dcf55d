"""Ids keep every name distinct: names in other scripts and file names with no ASCII letters."""
from __future__ import annotations

import itertools

import pytest

from graph import ids
from graph.model import Label

NAMES = {
    "Greek": ["Γιώργος Παπαδόπουλος", "Νίκος Παπαδόπουλος", "Μαρία Οικονόμου"],
    "Cyrillic": ["Иван Петров", "Пётр Петров", "Ольга Іваненко"],
    "CJK": ["王伟", "李娜", "張偉", "佐藤太郎", "김민준"],
    "Arabic": ["محمد علي", "علي حسن", "فاطمة الزهراء"],
}
EVERY = [name for names in NAMES.values() for name in names]


def test_names_in_other_scripts_never_share_an_id():
    found = {name: ids.person_id(name) for name in EVERY}
    assert len(set(found.values())) == len(EVERY), found
    assert "person:unnamed" not in found.values()


@pytest.mark.parametrize("script", sorted(NAMES))
def test_each_script_keeps_its_names_apart(script):
    for a, b in itertools.combinations(NAMES[script], 2):
        assert ids.person_id(a) != ids.person_id(b), (a, b)


def test_greek_and_cyrillic_are_transliterated_beside_the_hash():
    assert ids.slug("Иван Петров").startswith("ivan-petrov-")
    assert ids.slug("Γιώργος Παπαδόπουλος").startswith("giorgos-")
    assert ids.slug("Ivan Петров") != ids.slug("Ivan Petrov")     # half transliterated is not the same name


def test_case_accents_and_spacing_still_make_no_difference():
    assert ids.slug("ИВАН  ПЕТРОВ") == ids.slug("Иван Петров")
    assert ids.slug("γιώργος παπαδόπουλος") == ids.slug("Γιωργος Παπαδοπουλος")
    assert ids.slug("王伟") == ids.slug(" 王伟 ")


def test_ascii_and_latin_names_keep_their_plain_slugs():
    assert ids.person_id("Tina McElligott") == "person:tina-mcelligott"
    assert ids.slug("José Núñez") == "jose-nunez"
    assert ids.slug("Søren Ødegård") == "soren-odegard"
    assert ids.slug("Straße & Co") == "strasse-and-co"
    assert ids.slug("") == "unnamed"


def test_file_names_in_other_scripts_are_different_documents_and_meetings():
    files = ["会议纪要.txt", "議事録.txt", "회의록.txt", "протокол.txt", "πρακτικά.txt", "محضر.txt"]
    assert len({ids.document_id(f) for f in files}) == len(files)
    assert len({ids.meeting_id(f) for f in files}) == len(files)
    assert ids.meeting_id("会议纪要.txt") == ids.meeting_id("会议纪要.md")     # still one meeting per stem


def test_two_files_named_in_chinese_both_load(tmp_path):
    from app.pipeline import LoadReport, _unique_names

    a, b = tmp_path / "会议纪要.txt", tmp_path / "议事录.txt"
    for path in (a, b):
        path.write_text("Present: Ann Smith, Chair\n1. Minutes\nAgreed.\n", encoding="utf-8")
    report = LoadReport()
    assert _unique_names([a, b], report) == [a, b]
    assert report.failed == []


def test_child_ids_of_a_meeting_named_in_another_script():
    meeting = ids.meeting_id("протокол.txt")
    assert ids.child_id(Label.AGENDA_ITEM, meeting, 1) == f"item:{meeting.split(':', 1)[1]}:1"
