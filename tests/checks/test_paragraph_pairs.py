"""A story and its source paired paragraph by paragraph (`paragraph_pairs`), and what the
source-aware rules (N204, N205, N211, N212) make of it: each paragraph judged against its own
source, what a paragraph leaves over confirmed against the whole story."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from audit.config import Config, apply
from audit.names.source import paragraph_pairs, source_pairs, story_pair
from audit.pipeline import audit_documents
from audit.types import Document, Severity, Unit

LAVROV = ("Лавров прибыл в Анкару.", "Lavrov arrived in Ankara.")
TOLL = ("В Казани пострадали 12 человек.", "Twelve people were injured in Kazan.")
PESKOV = ("Песков сказал, что Кремль следит за ситуацией.", "Peskov said the Kremlin was following the situation.")


def _story(*paragraphs: tuple[str, str]) -> Document:
    return Document(
        id="story",
        text="\n\n".join(english for _, english in paragraphs),
        source="\n\n".join(russian for russian, _ in paragraphs),
        source_lang="ru",
    )


def _warnings(document: Document) -> list[tuple[str, str]]:
    config = apply(Config(), {"select": ["N2"]}, "test")
    [result] = audit_documents([document], config, strict=True)
    return [(f.code, f.text) for f in result.findings if f.severity >= Severity.WARNING]


def test_paragraphs_pair_one_for_one_and_index_both_texts() -> None:
    document = _story(LAVROV, TOLL, PESKOV)
    pairs = source_pairs(document)
    assert len(pairs) == 3
    for pair, (russian, english) in zip(pairs, (LAVROV, TOLL, PESKOV), strict=True):
        assert document.text[pair.start : pair.end] == english
        assert pair.source == russian
        assert (document.source or "")[pair.source_start : pair.source_start + len(pair.source)] == russian
    assert story_pair(document, pairs) is not None


def test_paragraphs_laid_out_differently_are_one_story() -> None:
    merged = Document(
        id="d", text=f"{LAVROV[1]} {TOLL[1]}\n\n{PESKOV[1]}", source="\n\n".join(r for r, _ in (LAVROV, TOLL, PESKOV))
    )
    assert paragraph_pairs(merged.text, merged.source or "") == ()
    [whole] = source_pairs(merged)
    assert (whole.start, whole.end, whole.source) == (0, len(merged.text), merged.source)
    assert story_pair(merged, [whole]) is None
    # Two paragraphs each side, but the long one translated by the short one: not a pairing.
    swapped = Document(id="d", text=f"{PESKOV[1]} {PESKOV[1]} {PESKOV[1]}\n\nOk.", source=f"Да.\n\n{PESKOV[0]}")
    assert paragraph_pairs(swapped.text, swapped.source or "") == ()


def test_units_with_sources_are_their_own_pairs_not_a_story() -> None:
    text = "Lavrov met Shoigu.\nPeskov said."
    units = (Unit("1", 0, 18, source="Лавров встретился с Шойгу."), Unit("2", 19, len(text), source="Песков сказал."))
    document = Document(id="d", text=text, source="x", units=units)
    pairs = source_pairs(document)
    assert [p.source for p in pairs] == ["Лавров встретился с Шойгу.", "Песков сказал."]
    assert story_pair(document, pairs) is None


@given(st.lists(st.sampled_from([LAVROV, TOLL, PESKOV]), min_size=1, max_size=6))
def test_paragraph_pairs_index_the_original_texts(paragraphs: list[tuple[str, str]]) -> None:
    document = _story(*paragraphs)
    for pair in paragraph_pairs(document.text, document.source or ""):
        assert document.text[pair.start : pair.end].strip() == document.text[pair.start : pair.end]
        assert (document.source or "")[pair.source_start : pair.source_start + len(pair.source)] == pair.source


def test_a_good_story_stays_clean() -> None:
    assert _warnings(_story(LAVROV, TOLL, PESKOV)) == []


def test_a_replaced_name_is_flagged_in_its_own_paragraph() -> None:
    """Judged over the whole story, `Ливан`'s finding fell where its share of the source did:
    on Peskov's paragraph."""
    replaced = ("Верховный комиссар ООН по делам беженцев Филиппо Гранди посетил Ливан.", "UN refugee chief Filippo Grandi visited Syria.")
    document = _story(replaced, PESKOV)
    assert _warnings(document) == [("N204", replaced[1])]


def test_context_english_adds_is_judged_within_its_paragraph() -> None:
    """English adds Orban's office and given name, as it may where no source name is left
    unpaired; a place adjective of another paragraph (`Чукотские`) has no bearing on it."""
    orban = ("Орбан пригрозил заблокировать помощь Киеву.", "Hungarian Prime Minister Viktor Orban threatened to block aid to Kyiv.")
    chukotka = (
        "Чукотские власти закрыли для судов бухту Провидения из-за лежбища моржей.",
        "Authorities in Chukotka closed Provideniya Bay to shipping because of a walrus rookery.",
    )
    assert _warnings(_story(orban, chukotka)) == []
    assert _warnings(_story(chukotka, orban)) == []


def test_a_name_replaced_by_one_of_another_paragraph_is_still_dropped() -> None:
    """`Kazan` stands in paragraph 1's source, so it is no unsourced name; but Moscow, paragraph
    2's, is written nowhere: dropped, at its own paragraph (a whole-story pairing put it where
    its share of the source fell)."""
    kazan = ("Пожар в Казани потушен.", "The fire in Kazan has been put out.")
    moscow = ("Власти Москвы выделят пострадавшим 5 млн рублей.", "The Kazan authorities will give victims 5 million roubles.")
    document = _story(kazan, moscow)
    assert _warnings(document) == [("N204", document.text[document.text.index(moscow[1]) :])]


def test_a_name_the_translator_moves_to_another_paragraph_is_not_flagged() -> None:
    """The translator names Peskov in the second paragraph, where the source says `он`."""
    first = ("Песков прокомментировал решение суда.", "Peskov commented on the court's decision.")
    second = ("По его словам, Кремль не вмешивается.", "According to Peskov, the Kremlin does not interfere.")
    assert _warnings(_story(first, second)) == []


def test_a_name_of_a_distant_paragraph_vouches_for_nothing() -> None:
    """`Orsk` stands in the first paragraph's source; put in for `Тверь` three paragraphs later,
    it is a replaced name all the same."""
    orsk = ("В Орске открылся новый мост.", "A new bridge has opened in Orsk.")
    tver = ("В Твери прошёл фестиваль.", "A festival was held in Orsk.")
    document = _story(orsk, LAVROV, PESKOV, tver)
    flagged = _warnings(document)
    assert ("N205", "Orsk") in flagged and ("N204", tver[1]) in flagged
    assert _warnings(_story(orsk, LAVROV, PESKOV, ("В Твери прошёл фестиваль.", "A festival was held in Tver."))) == []


def test_a_figure_moved_to_the_next_paragraph_is_not_flagged() -> None:
    first = ("Ураган обрушился на Флориду, погибли 14 человек.", "A hurricane hit Florida, killing people.")
    second = ("Спасатели продолжают работу.", "Rescuers, who have counted 14 dead, are still at work.")
    assert _warnings(_story(first, second)) == []


def test_a_changed_figure_is_flagged_though_another_paragraph_has_it() -> None:
    first = ("Пострадали 120 человек.", "120 people were injured.")
    second = ("Эвакуированы 400 жителей.", "Some 120 residents were evacuated.")
    document = _story(first, second)
    found = _warnings(document)
    assert ("N211", "120") in found
    config = apply(Config(), {"select": ["N2"]}, "test")
    [result] = audit_documents([document], config, strict=True)
    [changed] = [f for f in result.findings if f.code == "N211"]
    assert changed.start == document.text.index("120 residents")  # the second paragraph's, not the first's
