"""Russian lemmas, place adjectives, NER-confirmed names, demonyms and romanised sources."""

from __future__ import annotations

from audit.names.demonyms import demonym_places
from audit.names.kontsevich import korean_readings
from audit.names.romanisers import RomanisedSource, romaniser_language
from audit.names.russian import _blas, adjective_places, compound_stem, entities, place_names
from audit.names.russian_source import (
    _has_form,
    confirmed_names,
    countries_of,
    gloss_keys,
    names_one_part,
    names_region_of_source_place,
    russian_names,
    source_places,
    spelt_by_ear,
)
from audit.names.source import english_vowels, foreign_frame, foreign_frames
from audit.names.variants import name_key


def test_russian_inflected_places_to_english() -> None:
    assert "Germany" in place_names("Германии")
    assert "Moscow" in place_names("Москвой")
    assert "Horlivka" in place_names("Горловку")
    assert "Beijing" in place_names("Пекин")


def test_russian_place_adjectives() -> None:
    assert "Germany" in adjective_places("германский")
    assert "German" in adjective_places("немецкий")
    assert "Moscow" in adjective_places("московский")
    assert "Russia" in adjective_places("российскими")
    assert adjective_places("военный") == ()


def test_issue10_place_adjectives_derive_from_a_stem_about_as_long() -> None:
    """`португальский` is of Portugal, not of every `Порт-` (Port Louis, Port of Spain), whose
    short stem only opens it; `московский`/`Москва` and `японский`/`Япония` stay derived."""
    assert "Portugal" in adjective_places("португальский")
    assert not {"Port Louis", "Port of Spain", "Porto"} & set(adjective_places("португальский"))
    assert "Moscow" in adjective_places("московский") and "Japan" in adjective_places("японский")


def test_issue10_an_ordinary_noun_s_adjective_is_no_small_place_s() -> None:
    # `морской порт` is a sea port, not one of Mora or Mori; Perm, Kurgan and Rome stay derived.
    assert not adjective_places("морской") and not adjective_places("женский")
    assert "Perm" in adjective_places("пермский") and "Kurgan" in adjective_places("курганский")
    assert "Rome" in adjective_places("римский")


def test_issue10_a_work_s_title_derives_no_place_adjective() -> None:
    # `Брат` (the film) is a table row, but `братский` is of Bratsk (or brotherly), never `Brother`.
    assert "Brother" not in adjective_places("братский") and "Bratsk" in adjective_places("братский")
    assert "Kremlin" in adjective_places("кремлёвский")  # other rows still derive


def test_issue10_a_surname_in_ский_is_no_place_adjective_without_a_noun_after_it() -> None:
    assert source_places("Зеленский подписал закон.") == ()
    assert source_places("Макрон пригласил Зеленского в Париж.") == (frozenset({"Paris", "France"}),)
    assert any("Moscow" in names for names in source_places("Московский суд арестовал блогера."))
    assert any("Mexico" in names for names in source_places("Мексиканский президент выступил."))


def test_issue10_a_place_adjective_opening_an_institution_s_row_is_no_source_place() -> None:
    # `Страсбургский суд` is the European Court of Human Rights, not a court of France.
    assert all("France" not in names for names in source_places("Страсбургский суд обязал Турцию.", confirmed=False))
    assert any("France" in names for names in source_places("Страсбургский мэр выступил."))


def test_issue10_a_region_english_adds_right_after_the_source_place() -> None:
    # GeoNames has no seat named `Amur` or `Xinjiang` in the place's country: English writing
    # the region right after the place locates it; a region with a seat elsewhere does not.
    assert names_region_of_source_place("Amur", "Под Тындой разбился самолёт.", "A plane crashed near Tynda in the Amur region.")
    assert names_region_of_source_place("Xinjiang", "Рейсы в Урумчи.", "Flights to Urumqi, in China's Xinjiang region.")
    assert names_region_of_source_place("Orenburg", "Паводок затопил Орск.", "Floods hit Orsk, in Russia's Orenburg region.")
    assert not names_region_of_source_place("Chelyabinsk", "Паводок затопил Орск.", "Floods hit Orsk, in the Chelyabinsk region.")
    assert not names_region_of_source_place(
        "Amur", "Под Тындой разбился самолёт.", "A plane crashed near Tynda. Later, officials in the Amur region said."
    )


def test_issue10_a_name_of_one_part_is_no_given_name_and_has_no_capital_after_it() -> None:
    assert names_one_part("Гукеш обыграл Карлсена.", "gukesh")
    assert not names_one_part("Заявил Виктор Хренин.", "viktor")  # a given name
    assert not names_one_part("Хренин Виктор заявил.", "khrenin")  # a capital after it


def test_russian_entities_tag_on_one_blas_thread() -> None:
    # The controller must see the BLAS numpy loaded with the tagger, or the limit does nothing.
    assert [e.type for e in entities("Глава МИД России Сергей Лавров прибыл в Пекин.")] == ["ORG", "LOC", "PER", "LOC"]
    assert any(library["user_api"] == "blas" for library in _blas().info())


def test_russian_runs_taken_apart_at_titles_and_tables() -> None:
    text = "Генсек ООН Антониу Гутерриш прибыл."
    names = [name.text for name in russian_names(text, [(0, 27)])]
    assert names == ["ООН", "Антониу Гутерриш"]


def test_issue10_a_run_is_taken_apart_after_a_place_before_a_person() -> None:
    # `Ильсур` is no given name pymorphy3 knows: a place is still no part of the person after it.
    text = "Пообещал мэр Казани Ильсур Метшин."
    assert [name.text for name in russian_names(text, [(13, 33)])] == ["Казани", "Ильсур Метшин"]
    text = "Прибыл в Нижний Новгород."  # a place's own words stay one name
    assert [name.text for name in russian_names(text, [(9, 24)])] == ["Нижний Новгород"]


def test_russian_opening_common_noun_is_not_a_name() -> None:
    text = "Сотрудники МЧС прибыли."
    assert [name.text for name in russian_names(text, [(0, 14)])] == ["МЧС"]


def test_russian_ner_trims_a_run_to_its_entity() -> None:
    text = "Вчера Самолёт Курской области разбился."
    run = russian_names(text, [(6, 29)])
    assert [name.text for name in confirmed_names(text, run)] == ["Курской области"]


def test_demonyms() -> None:
    assert "Germany" in demonym_places("German")
    assert "Syria" in demonym_places("Syrian")
    assert "United Kingdom" in demonym_places("British")
    assert "Afghanistan" in demonym_places("Afghan")
    assert demonym_places("Moscow") == ()
    # a country's short form opens itself and stands for CLDR's name, as `Germany` does
    assert demonym_places("Turkey") == ("Turkey", "Türkiye") and "United Kingdom" in demonym_places("Britain")
    assert demonym_places("Germany") == ("Germany",)
    # nationalities no suffix rule reaches
    assert "Côte d’Ivoire" in demonym_places("Ivorian") and "Cyprus" in demonym_places("Cypriot")
    assert "Bosnia & Herzegovina" in demonym_places("Bosnian") and "Azerbaijan" in demonym_places("Azeri")


def test_a_language_names_the_people_of_its_home_country_only() -> None:
    """A country's official language is its demonym where it is at home (CLDR's likely territory)
    or the country is named after it, not wherever it is official: `Russian and Kazakh` does not
    carry `Белоруссии`."""
    assert demonym_places("Russian") == ("Russia",)
    assert "Mexico" not in demonym_places("Spanish") and "Spain" in demonym_places("Spanish")
    assert "Austria" not in demonym_places("German")
    assert {"France"} <= set(demonym_places("French")) and "Netherlands" in demonym_places("Dutch")
    assert {"North Korea", "South Korea"} <= set(demonym_places("Korean"))
    assert "Portugal" in demonym_places("Portuguese") and "Greece" in demonym_places("Greek")


def test_romanised_sources_are_searched_by_sound() -> None:
    chinese = RomanisedSource("斯诺登说，特朗普在北京。", "zh")
    assert chinese.sounds_in("Snowden") and chinese.sounds_in("Trump")
    assert not chinese.sounds_in("Kumar")
    japanese = RomanisedSource("ブランビーズが勝った。", "ja")
    assert japanese.sounds_in("Brumbies") and not japanese.sounds_in("Virat")
    hindi = RomanisedSource("एन.एस.ए. और बर्लुस्कोनी", "hi")
    assert hindi.sounds_in("NSA") and hindi.sounds_in("Berlusconi")


def test_romaniser_language_from_the_script() -> None:
    assert romaniser_language("東京に", None) == "ja"
    assert romaniser_language("北京", None) == "zh"
    assert romaniser_language("दिल्ली", None) == "hi"
    assert romaniser_language("ירושלים", "he") is None


def test_issue10_palladius_reads_chinese_names_as_pinyin() -> None:
    from audit.names.palladius import pinyin_readings

    assert "jinping" in pinyin_readings("Цзиньпин")
    assert "xi" in pinyin_readings("Си") and "wang" in pinyin_readings("Ван") and "zhou" in pinyin_readings("Чжоу")
    assert pinyin_readings("Москва") == ()  # not Palladius syllables


def test_issue10_chinese_names_in_palladius_have_the_english_names_cc_cedict_gives() -> None:
    """Names English translates rather than spells: `Жэньминь жибао` is the `People's Daily`."""
    from audit.names.russian_source import english_forms

    assert "People's Daily" in english_forms("Жэньминь жибао")
    assert "Yellow River" in english_forms("Хуанхэ") and "Huang He" in english_forms("Хуанхэ")
    assert "Global Times" not in english_forms("Жэньминь жибао")
    assert english_forms("Паутина") == ()  # not Palladius syllables


def test_issue10_every_russian_region_row_is_the_region_of_its_city() -> None:
    """`data/ru_regions.tsv`: each region no city names lies where GeoNames puts its city."""
    from importlib.resources import files

    from audit.names.regions import lies_in, russian_regions, russian_regions_named

    text = files("audit.names").joinpath("data", "ru_regions.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert len(rows) == len(russian_regions()) and {"Tatarstan", "Yakutia", "Sakha"} <= set(russian_regions())
    for region, _country, _code, city in rows:
        assert lies_in(city, region), region
    assert not lies_in("Kazan", "Bashkortostan")
    assert russian_regions_named("Ossetia", "in Vladikavkaz, North Ossetia") == ("North Ossetia",)


def test_issue10_a_region_named_by_its_seat_has_the_region_s_other_names() -> None:
    from audit.names.russian_source import english_forms, seat_regions

    assert "Kuzbass" in seat_regions(["Kemerovo"]) and "Yugra" in seat_regions(["Khanty-Mansiysk"])
    assert "Kuzbass" in english_forms("Кемеровской области")
    assert "Tatarstan" not in english_forms("Казани")  # a city is not its region


def test_issue10_a_source_place_written_by_none_of_its_names() -> None:
    """`уфимского` is Ufa, which `Perm airport` does not write; `финской` is written by `Finland`;
    an adjective that gives only a language (`Чукотские`: `Chuukese`) is no place to write."""
    from audit.names.russian_source import unwritten_source_place

    source = "Сообщили в пресс-службе уфимского аэропорта."
    assert unwritten_source_place(source, "the press service of Perm airport said")
    assert not unwritten_source_place(source, "the press service of Ufa airport said")
    assert not unwritten_source_place("Он выиграл спринт в финской Руке.", "He won the sprint in Ruka, Finland.")
    assert not unwritten_source_place("Чукотские власти закрыли бухту.", "Authorities in Chukotka closed the bay.")


def test_issue10_a_nationality_is_unsourced_only_when_it_replaced_a_source_place() -> None:
    from audit.names.russian_source import unsourced_demonym

    source = "Делегация ЕС провела переговоры с Песковым."
    assert not unsourced_demonym("Russian", source, "The EU delegation held talks with the Russian spokesman Peskov.")
    assert unsourced_demonym("Russian", source, "The NATO delegation held talks with the Russian spokesman Peskov.")
    assert not unsourced_demonym("Chinese", "Лавров провёл переговоры с Ваном И.", "Lavrov met his Chinese counterpart.")


def test_russian_glosses_read_across_line_breaks() -> None:
    # A table row split by a line break is still read whole, as in one line.
    assert {"foreign", "ministri"} <= gloss_keys("Министерство\nиностранных дел России")
    assert gloss_keys("Министерство\nиностранных дел России") == gloss_keys("Министерство иностранных дел России")


def test_issue10_compound_place_adjectives() -> None:
    assert compound_stem("Северная Корея") == "северокоре"
    assert compound_stem("Новая Зеландия") == "новозеланди"
    assert compound_stem("Германия") == ""
    assert "North Korea" in adjective_places("северокорейской")
    assert "South Korea" in adjective_places("южнокорейские")
    assert "North Korea" not in adjective_places("южнокорейские")


def test_issue10_table_forms_are_matched_word_by_word_and_close_together() -> None:
    assert _has_form("Defence Ministry", "the Ministry of Defense said")
    assert _has_form("Ukrainian armed forces", "Ukraine's armed forces")
    assert _has_form("OPEC", "OPEC+ agreed")
    assert not _has_form("Bundestag", "the Bundesrat voted")
    assert not _has_form("Constitutional Court", "The Supreme Court ruled that the law complied with the Constitution.")
    assert not _has_form("UN", "an unusual move")


def test_issue10_foreign_names_as_russian_respells_them() -> None:
    assert foreign_frame(name_key("Haitham")) == foreign_frame(name_key("Хейсам"))
    assert foreign_frame(name_key("Karekin")) == foreign_frame(name_key("Garegin"))
    assert foreign_frame(name_key("Japarov")) == foreign_frame(name_key("Zhaparov"))
    assert foreign_frame(name_key("Khomeini")) != foreign_frame(name_key("Khamenei"))
    assert foreign_frame(name_key("Said")) == ""  # too few consonants to tell names apart


def test_issue10_english_vowels_as_russian_hears_them() -> None:
    assert english_vowels(name_key("Keir")) == name_key("Кир")
    assert english_vowels(name_key("Leavitt")) == name_key("Ливитт")
    assert english_vowels(name_key("Brooke")) != name_key("Брайк")


def test_issue10_an_english_name_russian_hears_keeps_it_under_a_case_ending() -> None:
    """`Уиткоффом`, `Уиткоффа`: `Witkoff` with Russian's case endings; not `Kushner`."""
    from audit.names.source import TokenIndex

    assert TokenIndex("Putin met Witkoff.", "en").has_name("Уиткоффом", "ru")
    assert TokenIndex("Putin met Witkoff.", "en").has_name("Уиткоффа", "ru")
    assert not TokenIndex("Putin met Kushner.", "en").has_name("Уиткоффом", "ru")


def test_issue10_an_opening_h_as_russian_writes_it() -> None:
    assert foreign_frame(name_key("Herman")) == foreign_frame(name_key("German"))
    assert foreign_frame(name_key("Helmut")) == foreign_frame(name_key("Gel'mut"))
    assert foreign_frame(name_key("Herman")) != foreign_frame(name_key("Norman"))


def test_issue10_an_inner_h_russian_writes_g_and_an_opening_j_it_writes_yu() -> None:
    """Russian's traditional forms write `г` where Uzbek and Tajik, and English after them, keep
    `h` or `kh` (`Ибрагим`: `Ibrokhim`); `sh`, `ch`, `th` and `zh` are sounds of their own. A
    German or Italian `j` said `y` is Russian's `ю`, `я` (`Юнкер`: `Juncker`)."""
    from audit.names.source import TokenIndex

    assert foreign_frame(name_key("Ibrahim")) == foreign_frame(name_key("Ибрагим"))
    assert foreign_frame(name_key("Mashhad")) != foreign_frame(name_key("Masgad"))
    assert foreign_frame(name_key("Юнкер")) in foreign_frames(name_key("Juncker"))  # an opening j said `y`
    assert foreign_frame(name_key("Ювентус")) in foreign_frames(name_key("Juventus"))
    assert foreign_frame(name_key("Жапаров")) in foreign_frames(name_key("Japarov"))  # or `ж`
    assert foreign_frame(name_key("Джанкер")) not in foreign_frames(name_key("Juncker"))
    source = TokenIndex("Министр Ибрагим Абдурахмонов заявил.", "ru")
    assert source.has_respelt(name_key("Ibrokhim")) and not source.has_respelt(name_key("Ilhom"))



def test_issue10_german_z_as_russian_writes_it() -> None:
    """German `z` is `ц` in Russian (`Herzog` / `Герцог`, `Mozart` / `Моцарт`)."""
    assert foreign_frame(name_key("Herzog")) == foreign_frame(name_key("Gertsog"))
    assert foreign_frame(name_key("Mozart")) == foreign_frame(name_key("Motsart"))
    assert foreign_frame(name_key("Herzog")) != foreign_frame(name_key("Gertner"))


def test_issue10_dotted_acronyms_are_read_as_written_out() -> None:
    assert _has_form("US", "met a U.S. delegation")
    assert not _has_form("US", "met a delegation")


def test_issue10_underived_place_adjectives() -> None:
    assert "United States" in adjective_places("американской")
    assert "Soviet Union" in adjective_places("советских")
    assert "Moscow" in adjective_places("Подмосковные")  # of a region named `под-` a city


def test_issue10_countries_of_notable_cities_are_glossed() -> None:
    assert "Turkey" in countries_of("Istanbul")
    assert name_key("Turkey") in gloss_keys("Переговоры пройдут в Стамбуле.")
    assert name_key("France") not in gloss_keys("Переговоры пройдут в Стамбуле.")


def test_issue10_seats_stand_for_their_bodies() -> None:
    assert {name_key(w) for w in ("European", "Union", "Commission")} <= gloss_keys("Фицо раскритиковал решение Брюсселя.")


def test_issue10_english_names_spelt_by_russian_ear() -> None:
    assert spelt_by_ear("Bailey", "Бейли предупредил о рисках.")
    assert spelt_by_ear("Powell", "Встреча с Пауэллом прошла в Вашингтоне.")
    assert spelt_by_ear("Sabalenka", "Андреева обыграла Соболенко.")
    assert not spelt_by_ear("Yellen", "Пауэлл заявил о ставках.")
    assert not spelt_by_ear("Bell", "Бельгия выступила против.")  # `blg`, not `bl`
    assert not spelt_by_ear("Latvia", "Посол Литвы вызван в МИД.")  # places keep their own spellings


def test_french_silent_endings_are_not_heard() -> None:
    """Russian does not write a French name's silent last letters (`Prix` / `при`, `Renault` / `Рено`)."""
    assert spelt_by_ear("Prix", "Он выиграл Гран-при Монако.")
    assert spelt_by_ear("Renault", "Концерн Рено объявил об уходе.")
    assert not spelt_by_ear("Prince", "Он выиграл Гран-при Монако.")


def test_vietnamese_syllables_as_russian_writes_them() -> None:
    """A one-syllable word is heard as Russian transcribes Vietnamese too (`Chinh`: `Тьинь`,
    `Tran`: `Чан`, `Dung`: `Зунг`), not a longer English name (`Charles` is no `Тарлс`)."""
    assert spelt_by_ear("Chinh", "Премьер Фам Минь Тьинь посетил Москву.")
    assert spelt_by_ear("Tran", "Президент Чан Дай Куанг выступил.")
    assert spelt_by_ear("Dung", "Бывший премьер Нгуен Тан Зунг выступил.")
    assert not spelt_by_ear("Binh", "Премьер Фам Минь Тьинь посетил Москву.")
    assert not spelt_by_ear("Charles", "Актёр Тарлс выступил.")


def test_issue10_arabic_article_joined_and_w_written_v() -> None:
    """English may join an Arabic article to the name (`Albusaidi`, `Alnahyan`) and hear Russian's
    `в` for `w` as a vowel (`Будайви`: `Budaiwi`); another name stays unheard."""
    assert spelt_by_ear("Albusaidi", "Аль-Бусаиди прибыл в Маскат.")
    assert spelt_by_ear("Albudaiwi", "Глава совета Джасем аль-Будайви выступил.")
    assert spelt_by_ear("Nawaf", "Навваф выступил.")
    assert not spelt_by_ear("Alhinai", "Аль-Бусаиди прибыл в Маскат.")
    assert not spelt_by_ear("Albudaiwi", "Глава совета Джасем аль-Хаджрах выступил.")


def test_issue10_place_adjectives_by_russian_derivation_rules() -> None:
    # soft sign, `-ин-` infix, alternating last consonant, a stem shorter than three letters
    assert "Tula" in adjective_places("тульский")
    assert "Yalta" in adjective_places("ялтинской")
    assert "Riga" in adjective_places("рижский")
    assert "Prague" in adjective_places("пражские")
    assert "Omsk" in adjective_places("омского")
    assert "Riga" not in adjective_places("римский")
    assert "Omsk" not in adjective_places("томский")
    # `-ян-` and `-уан-` after a name Russian does not decline
    assert "Haiti" in adjective_places("гаитянские") and "Tahiti" in adjective_places("таитянский")
    assert "Peru" in adjective_places("перуанского")


def test_issue10_irregular_place_adjectives() -> None:
    assert "Nizhny Novgorod" in adjective_places("Нижегородский")
    assert "Oryol" in adjective_places("орловская")
    assert "Ufa" in adjective_places("уфимский")
    assert "Nizhny Novgorod" not in adjective_places("новгородский")


def test_issue10_english_places_named_for_context() -> None:
    from audit.names.russian_source import names_a_place

    assert names_a_place("Germany")
    assert names_a_place("Crimea")  # a place row of the tables
    assert names_a_place("St Petersburg")  # GeoNames
    assert not names_a_place("Alexander")
    assert not names_a_place("Gazprom")


def test_issue10_hyphenated_names_heard_part_by_part() -> None:
    from audit.names.russian_source import heard_in_english

    assert spelt_by_ear("Ghais", "Аль-Гайс заявил о росте спроса.")
    assert heard_in_english("Аль-Гайс", "OPEC Secretary General Haitham al-Ghais said.")
    assert not heard_in_english("Аль-Гайс", "OPEC Secretary General Mohammed Barkindo said.")


def test_issue10_a_city_nearby_locates_a_source_place() -> None:
    from audit.names.russian_source import locates_source_place

    source = "Взрыв произошёл в Подольске."
    assert locates_source_place("Moscow", source, "in Podolsk, south of Moscow")
    assert locates_source_place("Moscow", source, "in Podolsk, outside Moscow")
    assert not locates_source_place("Moscow", source, "in Podolsk and in Moscow")  # no locating words
    assert not locates_source_place("Kazan", source, "in Podolsk, outside Kazan")  # 700 km away


def test_issue10_korean_names_in_kontsevich_read_as_english_spells_them() -> None:
    """`Юн Сок Ёль` is `Yoon Suk Yeol`, `Ли Чжэ Мён` `Lee Jae-myung` (or `Jaemyung`), `Пан Ги
    Мун` `Ban Ki-moon`; a lone one-syllable word is no Korean name."""
    assert {"yoon", "suk", "yeol"} <= korean_readings("суд приговорил Юн Сок Ёля к заключению")
    assert {"lee", "jae", "myung", "jaemyung"} <= korean_readings("Ли Чжэ Мён предложил")
    assert {"ban", "ki", "moon", "kimoon"} <= korean_readings("Генсек ООН Пан Ги Мун прибыл")
    assert "han" not in korean_readings("Юн Сок Ёль")
    assert korean_readings("В Москве прошёл Сон") == frozenset()
    assert korean_readings("Владимир Путин и Си Цзиньпин") == frozenset()
    assert "moon" in korean_readings("Муном", alone=True)  # a Korean name's last part, split from the rest
    assert "an" not in korean_readings("Ан", alone=True)  # too short to tell alone


def test_russian_adjective_of_a_common_noun_parting_from_a_place_stem_is_no_place() -> None:
    # `армейский` (of the army) shares four letters with `Армения`, then parts: no place;
    # a fleeting vowel (`московский`: `Москва`) and a stem the name opens (`корейский`) still derive.
    assert "Armenia" not in adjective_places("армейские")
    assert "Armenian" in adjective_places("армянский")
    assert "Moscow" in adjective_places("московские")
    assert "Korean" in adjective_places("корейский")


def test_opening_persons_are_found_line_by_line_at_their_offsets_in_the_text() -> None:
    from audit.names.russian_source import opening_persons

    line = "Мединский возглавит делегацию."
    assert opening_persons(line) == [(0, 9)]
    text = f"Переговоры продолжатся.\n{line}\n  {line}"
    second, third = text.index(line), text.rindex(line)
    assert opening_persons(text) == [(second, second + 9), (third, third + 9)]
    assert opening_persons("Делегацию возглавит Мединский.") == []  # mid-sentence: a name anyway, not a candidate
