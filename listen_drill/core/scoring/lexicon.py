"""The scorer's word lists, read once from `resources/lexicons/*.toml` and compiled.

Trainers and translators can read and change the lists without touching code; scoring itself
does no I/O.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from listen_drill.core.bundled import read_resource_text
from listen_drill.core.scoring.apostrophes import bare_pattern, spelled_in_full
from listen_drill.core.scoring.patterns import (
    NEVER,
    PhrasePattern,
    phrase_pattern,
    word_alternation,
)
from listen_drill.core.scoring.text import WordList, normalise, stem

GENERIC_FAMILY = "generic"  # "upsetting", "hard": fits any painful feeling


@dataclass(frozen=True, slots=True)
class PhraseRule:
    """A family of phrases to avoid, with what to tell the agent about it."""

    category: str
    message: str
    suggestion: str
    points: float


@dataclass(frozen=True, slots=True)
class EmotionFamily:
    id: str
    label: str
    denied: str = ""  # what to suggest when a reply denies it, if not "You sound <word>"


@dataclass(frozen=True)
class Lexicon:
    """Everything the scorer knows about words, compiled for speed."""

    families: dict[str, EmotionFamily]
    emotion_stems: dict[str, str]  # stem of a one-word feeling -> family id
    not_feelings: frozenset[str]  # words whose stem is a feeling's but which are not ("please")
    feeling_idioms: frozenset[str]  # two words whose feeling word names none: "no worries"
    courtesies: frozenset[str]  # "thank", "appreciate": the agent's courtesy, in a reply
    effort_verbs: frozenset[str]  # "tried so hard": effort, not a feeling
    framed_stems: frozenset[str]  # feelings only after a frame: "feel lost", not "lost my card"
    feeling_frames: frozenset[str]  # the words that make such a word a feeling
    feeling_nouns: frozenset[str]  # "anxiety": a feeling after "your", a topic after "social"
    determiners: frozenset[str]
    frame_bridges: frozenset[str]  # words allowed between frame and feeling: "you're still stuck"
    emotion_phrase_re: PhrasePattern | None  # all of them at once
    emotion_phrase_family: dict[str, str]  # matched text -> family
    mild: PhrasePattern | None
    strong_stems: frozenset[str]
    repeat_cues: PhrasePattern | None
    frustration_signs: PhrasePattern | None
    worry_signs: PhrasePattern | None
    sadness_signs: PhrasePattern | None
    validation: PhrasePattern | None
    negations: frozenset[str]
    roadblocks: tuple[PhraseRule, ...]
    scripted: PhraseRule
    phrase_rules_re: re.Pattern[str]  # every roadblock and scripted rule in one pass
    phrase_rules_by_group: dict[str, PhraseRule]
    presuming: PhraseRule
    presuming_pattern: PhrasePattern  # "I know exactly how you feel": checked on its own
    rambling_words: int
    rambling: PhraseRule
    fillers: frozenset[str]
    filler_phrases: tuple[str, ...]
    open_starts: tuple[str, ...]
    invitations: tuple[str, ...]
    modal_frames: tuple[str, ...]
    invitation_verbs: tuple[str, ...]
    closed_starts: frozenset[str]
    fact_openers: tuple[str, ...]
    fact_nouns: tuple[str, ...]
    wondering: tuple[str, ...]
    wondering_keys: tuple[str, ...]  # every "wondering" phrase holds one: absent, skip them all
    leading: PhrasePattern | None
    rhetorical: tuple[str, ...]
    accusing_why: PhrasePattern | None
    framing: tuple[str, ...]
    meaning: PhrasePattern | None
    advice: tuple[str, ...]
    advice_within: PhrasePattern | None
    self_talk: PhrasePattern | None
    agent_at_work: re.Pattern[str]  # matched at an "I"/"my": the agent at work, not their story
    stopwords: frozenset[str]
    synonym_group_of: dict[str, int]  # stem -> synonym group index
    chat_spellings: re.Pattern[str] | None  # "youre", "dont", "u": chat spelling
    missing_letters: dict[str, tuple[int, str]]  # chat spelling -> where the missing letters go


def _load(name: str) -> dict[str, Any]:
    return tomllib.loads(read_resource_text("lexicons", name))


def _rule(category: str, table: dict[str, Any]) -> PhraseRule:
    """What to tell the agent; the rules' phrases are matched together, in `phrase_rules_re`."""
    return PhraseRule(
        category=category,
        message=str(table["message"]),
        suggestion=str(table["suggestion"]),
        points=float(table["points"]),
    )


def _rule_patterns(language: dict[str, Any], category: str) -> list[str]:
    table = language["scripted"] if category == "scripted" else language["roadblocks"][category]
    return sorted((str(p) for p in table.get("patterns", [])), key=len, reverse=True)


def _words(values: list[str]) -> WordList:
    """Longest first, so the longest match wins; indexed for quick prefix tests."""
    return WordList(sorted((normalise(v) for v in values), key=len, reverse=True))


def _key_words(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """A few words such that every phrase contains one of them, as a quick test before a search.

    Each phrase gives its longest word; a word that contains another is dropped, since finding
    the shorter one is needed anyway ("wonder" covers "wondering").
    """
    longest = {max(p.split(), key=len) if p.split() else p for p in phrases}
    return tuple(sorted(w for w in longest if not any(o != w and o in w for o in longest)))


@cache
def load_lexicon() -> Lexicon:
    """Read and compile every lexicon file; cached, so it happens once per process."""
    emotions = _load("emotions.toml")
    language = _load("language.toml")
    questions = _load("questions.toml")
    reflections = _load("reflections.toml")
    stopwords = _load("stopwords.toml")
    synonyms = _load("synonyms.toml")

    families: dict[str, EmotionFamily] = {}
    emotion_stems: dict[str, str] = {}
    for family_id, table in emotions["families"].items():
        families[family_id] = EmotionFamily(
            family_id, str(table.get("label", family_id)), str(table.get("denied", ""))
        )
        for word in table.get("words", []):
            word = normalise(word)
            if " " not in word and "-" not in word:  # "let down", "let-down": phrases, below
                emotion_stems.setdefault(stem(word), family_id)

    # Each word of a phrase joins the group, but not its stop words: "over and over" must not
    # make every "and" a synonym of "again".
    stop = frozenset(normalise(w) for w in stopwords["words"])
    synonym_group_of: dict[str, int] = {}
    for index, group in enumerate(synonyms["groups"]):
        for word in group:
            for part in normalise(word).split():
                if part not in stop:
                    synonym_group_of.setdefault(stem(part), index)

    for word in emotions.get("generic", {}).get("words", []):
        emotion_stems.setdefault(stem(normalise(word)), GENERIC_FAMILY)
    phrase_family = {
        normalise(word): family_id
        for family_id, table in emotions["families"].items()
        for word in table.get("words", [])
        if " " in word or "-" in word  # tokens stop at a hyphen: "short-changed" is two
    }
    roadblocks = tuple(_rule(category, table) for category, table in language["roadblocks"].items())
    scripted = _rule("scripted", language["scripted"])
    rules_by_group = {f"r{index}": rule for index, rule in enumerate((*roadblocks, scripted))}
    phrase_rules_re, tags = word_alternation(
        [
            (name, pattern)
            for name, rule in rules_by_group.items()
            for pattern in _rule_patterns(language, rule.category)
        ]
    )
    cues = emotions.get("cues", {})
    context = emotions.get("context", {})
    intensity = emotions.get("intensity", {})
    length = language["length"]
    apostrophes = language.get("apostrophes", {})
    spelled = [normalise(w) for w in apostrophes.get("spelled", [])]
    only_before = {
        normalise(word): [normalise(w) for w in following]
        for word, following in apostrophes.get("only_before", {}).items()
    }
    short = {normalise(k): normalise(v) for k, v in apostrophes.get("short", {}).items()}
    return Lexicon(
        families=families,
        emotion_stems=emotion_stems,
        not_feelings=frozenset(normalise(w) for w in context.get("not_feelings", [])),
        feeling_idioms=frozenset(normalise(w) for w in context.get("idioms", [])),
        courtesies=frozenset(normalise(w) for w in context.get("courtesies", [])),
        effort_verbs=frozenset(normalise(w) for w in context.get("effort_verbs", [])),
        framed_stems=frozenset(stem(normalise(w)) for w in context.get("needs_frame", [])),
        feeling_frames=frozenset(normalise(w) for w in context.get("frames", [])),
        feeling_nouns=frozenset(normalise(w) for w in context.get("feeling_nouns", [])),
        determiners=frozenset(normalise(w) for w in context.get("determiners", [])),
        frame_bridges=frozenset(normalise(w) for w in context.get("bridges", [])),
        emotion_phrase_re=phrase_pattern(list(phrase_family)),
        emotion_phrase_family=phrase_family,
        mild=phrase_pattern(intensity.get("mild", [])),
        strong_stems=frozenset(stem(w) for w in intensity.get("strong", [])),
        repeat_cues=phrase_pattern(cues.get("repeat", [])),
        frustration_signs=phrase_pattern(cues.get("frustration_signs", [])),
        worry_signs=phrase_pattern(cues.get("worry_signs", [])),
        sadness_signs=phrase_pattern(cues.get("sadness_signs", [])),
        validation=phrase_pattern(emotions.get("validation", {}).get("phrases", []), regex=True),
        negations=frozenset(normalise(w) for w in emotions.get("negation", {}).get("words", [])),
        roadblocks=roadblocks,
        scripted=scripted,
        phrase_rules_re=phrase_rules_re,
        phrase_rules_by_group={group: rules_by_group[tag] for group, tag in tags.items()},
        presuming=_rule("presuming", language["presuming"]),
        presuming_pattern=phrase_pattern(language["presuming"]["patterns"], regex=True) or NEVER,
        rambling_words=int(length["rambling_words"]),
        rambling=PhraseRule(
            "rambling",
            str(length["message"]),
            str(length["suggestion"]),
            float(length["points"]),
        ),
        fillers=frozenset(normalise(w) for w in questions["fillers"]),
        filler_phrases=_words(questions["filler_phrases"]),
        open_starts=_words(questions["open_starts"]),
        invitations=_words(questions["invitations"]),
        modal_frames=_words(questions["modal_frames"]),
        invitation_verbs=_words(questions["invitation_verbs"]),
        closed_starts=frozenset(normalise(w) for w in questions["closed_starts"]),
        fact_openers=_words(questions["fact_openers"]),
        fact_nouns=_words(questions["fact_nouns"]),
        wondering=_words(questions["wondering"]),
        wondering_keys=_key_words(_words(questions["wondering"])),
        leading=phrase_pattern(questions["leading"], regex=True),
        rhetorical=_words(questions.get("rhetorical", [])),
        accusing_why=phrase_pattern(questions["accusing_why"], regex=True),
        framing=_words(reflections["framing"]),
        meaning=phrase_pattern(reflections["meaning_markers"]),
        advice=_words(reflections["advice"]),
        advice_within=phrase_pattern(reflections.get("advice_within", [])),
        self_talk=phrase_pattern(reflections["self_talk"], regex=True),
        agent_at_work=re.compile("|".join(f"(?:{p})" for p in reflections["agent_at_work"])),
        stopwords=frozenset(normalise(w) for w in stopwords["words"]),
        synonym_group_of=synonym_group_of,
        chat_spellings=bare_pattern(spelled, only_before, short),
        missing_letters=spelled_in_full([*spelled, *only_before], short),
    )
