"""Score a reply on paraphrase, emotion, question and language, with a finding for every point.

The overall score is the sum of the findings' points, clamped to 0..100: an agent can always see
where each point came from. Lexicons load once; `score` does no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from listen_drill.core.models import (
    DRILL_SKILLS,
    Drill,
    Feedback,
    Finding,
    KeyPoint,
    Skill,
    SkillResult,
)
from listen_drill.core.scoring.apostrophes import Restored, restore
from listen_drill.core.scoring.emotion import (
    EmotionAnalysis,
    analyse_emotion,
    statement_emotions,
    statement_intensity,
)
from listen_drill.core.scoring.language import PhraseHit, find_phrases, find_presuming
from listen_drill.core.scoring.lexicon import EmotionFamily, Lexicon, load_lexicon
from listen_drill.core.scoring.paraphrase import (
    ParaphraseAnalysis,
    ParaphraseLevel,
    StatementContent,
    analyse_paraphrase,
    content_of,
)
from listen_drill.core.scoring.patterns import PhrasePattern
from listen_drill.core.scoring.question import (
    AGREEMENT_TAG,
    OFFER,
    QuestionFound,
    QuestionType,
    asks_twice,
    find_questions,
    overall_type,
)
from listen_drill.core.scoring.story import Story, own_story, stretches
from listen_drill.core.scoring.text import (
    Sentence,
    Token,
    mask_quotes,
    normalise,
    sentences,
    tokenize,
)

MAX_REPLY_CHARS = 5000
WEIGHTS = {Skill.PARAPHRASE: 35.0, Skill.EMOTION: 30.0, Skill.QUESTION: 25.0}
LANGUAGE_WEIGHT = 10.0
CLOSED_MESSAGE = "A closed question gets a yes, a no or one fact, and the customer stops talking."
CLOSED_TIP = "Open it up: start with “What…” or “How…”, or say “Tell me about…”."
TAG_MESSAGE = "A tag like “…, isn't it?” asks the customer only to agree."
TAG_TIP = "Drop the tag and say it as a statement, then ask one open question."
QUESTION_SCORES = {QuestionType.OPEN: 1.0, QuestionType.CLOSED: 0.3, QuestionType.NONE: 0.0}


FACT_TIP = "Ask for their story, not one fact: “What happened when…?”, “How has this affected you?”"
FACT_OPENERS = ("what", "how", "which", "when", "where", "who")
LEAD_FILLERS = re.compile(r"^[\W_]*(?:(?:okay|ok|so|right|and|well|um|uh|alright|now)\b[\W_]*)*")


def _closed_advice(sentence: Sentence) -> tuple[str, str]:
    """The message and tip for a closed question: a tag wants different advice, and "start
    with What…" would be no advice for "What time were you told?"."""
    if AGREEMENT_TAG.search(sentence.text):
        return TAG_MESSAGE, TAG_TIP
    if LEAD_FILLERS.sub("", sentence.text, count=1).startswith(FACT_OPENERS):
        return CLOSED_MESSAGE, FACT_TIP
    return CLOSED_MESSAGE, CLOSED_TIP


class Scorer:
    """Holds the compiled lexicons; one instance serves any number of replies."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self._statement = lru_cache(maxsize=512)(self._analyse_statement)

    def _analyse_statement(
        self, statement: str, key_points: tuple[KeyPoint, ...], emotions: tuple[str, ...]
    ) -> tuple[StatementContent, frozenset[str], int]:
        lowered = normalise(statement)
        tokens = tokenize(lowered)
        restored = restore(statement, lowered, tokens, self.lexicon.chat_spellings,
                           self.lexicon.missing_letters)  # fmt: skip
        if restored.inserted:  # "im so fed up": read as "i'm so fed up"
            statement, lowered = restored.text, restored.lowered
            tokens = tokenize(lowered)
        content = content_of(tokens, key_points, self.lexicon, lowered)
        expected = frozenset(emotions) or statement_emotions(lowered, tokens, self.lexicon)
        return content, expected, statement_intensity(statement, lowered, self.lexicon)

    def score(
        self,
        statement: str,
        response: str,
        *,
        key_points: Iterable[str | KeyPoint] = (),
        emotions: Iterable[str] = (),
        skills: Iterable[Skill] = DRILL_SKILLS,
        avoid: Iterable[str] = (),
        intensity: int | None = None,
    ) -> Feedback:
        points = tuple(kp if isinstance(kp, KeyPoint) else KeyPoint(str(kp)) for kp in key_points)
        emotion_ids = tuple(sorted(emotions))
        content, expected, cue_intensity = self._statement(statement, points, emotion_ids)
        wanted = set(skills)  # once: `skills` may be a one-shot iterator
        asked = [skill for skill in DRILL_SKILLS if skill in wanted] or list(DRILL_SKILLS)
        weights = _scaled_weights(tuple(asked))
        findings: list[Finding] = []

        truncated = len(response) > MAX_REPLY_CHARS
        reply = response[:MAX_REPLY_CHARS]
        if truncated:
            findings.append(
                Finding(
                    "truncated",
                    Skill.LANGUAGE,
                    f"Only the first {MAX_REPLY_CHARS:,} characters were judged.",
                    "Keep replies short enough for a customer to read in one go.",
                    start=MAX_REPLY_CHARS - 1,
                    end=MAX_REPLY_CHARS,
                )
            )
        lowered = normalise(reply)
        tokens = tokenize(lowered)
        restored = restore(reply, lowered, tokens, self.lexicon.chat_spellings,
                           self.lexicon.missing_letters)  # fmt: skip
        if restored.inserted:  # "youre worried" is read as "you're worried"; offsets go back
            reply, lowered = restored.text, restored.lowered  # to the reply as typed at the end
            tokens = tokenize(lowered)
        all_sentences = sentences(mask_quotes(lowered))
        questions = find_questions(all_sentences, self.lexicon)
        question_type = overall_type(questions)
        phrase_hits = find_phrases(lowered, self.lexicon, tuple(avoid))
        presuming = find_presuming(lowered, self.lexicon)
        blocked = [
            (hit.start, _sentence_end(all_sentences, hit.start))
            if hit.rule.category in ARGUING
            or (hit.rule.category == "dismissive_but" and _company_side(lowered, hit.end))
            else (hit.start, hit.end)
            for hit in phrase_hits
        ]  # "That's not true, our logs show your connection…": the rest argues on, it reflects
        if leading := self.lexicon.leading:  # "You'd agree it's worth it?" argues, it reflects not
            blocked += [(q.sentence.start, q.sentence.end) for q in questions
                        if _leads(leading, q.sentence.text)]  # fmt: skip
        dismissed = [
            (hit.start, _sentence_end(all_sentences, hit.start))
            for hit in phrase_hits
            if hit.rule.category in DISMISSING
        ]
        stories = own_story(all_sentences, tokens, content.words, self.lexicon)
        not_theirs = blocked + [(s.start, s.end) for s in stories if s.narrative]
        emotion = analyse_emotion(
            lowered, tokens, all_sentences, expected, self.lexicon, not_theirs, bool(emotion_ids)
        )  # a feeling in the agent's own story is theirs, not the customer's
        paraphrase = analyse_paraphrase(
            lowered,
            tokens,
            all_sentences,
            {q.sentence.start: q.kind for q in questions},
            [(m.start, m.end) for m in emotion.fitting],
            content,
            self.lexicon,
            # a claim ("I know exactly how you feel") or a denial ("You're not upset")
            # reflects nothing, as a roadblock doesn't
            blocked
            + dismissed
            + [(hit.start, hit.end) for hit in presuming]
            # "You're not worried, you're just excited": the denial goes on to its sentence's end
            + [
                (m.start, _sentence_end(all_sentences, m.start))
                for m in emotion.mentions
                if m.negated
            ],
            emotion.validations,
        )

        para_score = paraphrase.score
        emotion_score, acknowledged = self._emotion_findings(
            emotion, presuming, intensity or cue_intensity, reply, findings
        )
        question_score = self._question_findings(
            questions, question_type, Skill.QUESTION in asked, findings
        )
        self._paraphrase_findings(paraphrase, content, stories, findings)
        language_score, roadblocks = self._language_findings(
            phrase_hits, tokens, all_sentences, findings
        )
        # `blocked` holds the hits' spans, then the leading questions'
        argued = [
            hit
            for hit, span in zip(phrase_hits, blocked, strict=False)
            if lowered.count(" ", hit.end, span[1]) >= 3  # words follow it in its sentence
            and _warm_after(lowered, tokens, hit.end, span[1], self.lexicon)
        ]
        if argued:  # "…, as I said, which is frustrating": say why it didn't count
            findings = _explain_argued(findings, reply[argued[0].start : argued[0].end])

        results = {
            Skill.PARAPHRASE: SkillResult(
                Skill.PARAPHRASE, para_score, paraphrase.level.value, Skill.PARAPHRASE in asked
            ),
            Skill.EMOTION: SkillResult(
                Skill.EMOTION,
                emotion_score,
                "yes" if acknowledged else "no",
                Skill.EMOTION in asked,
            ),
            Skill.QUESTION: SkillResult(
                Skill.QUESTION, question_score, question_type.value, Skill.QUESTION in asked
            ),
            Skill.LANGUAGE: SkillResult(Skill.LANGUAGE, language_score, "", True),
        }
        if not all(result.asked for result in results.values()):
            # A drill that asks for no question needs no "There is no question"; words in the
            # reply that would cost points elsewhere are still worth showing, at no cost.
            findings = [
                self._priced(f, results, weights)
                for f in findings
                if f.has_span or results[f.skill].asked
            ]
        findings.extend(_earned(results, weights, paraphrase, emotion, questions))
        if restored.inserted:
            findings = [_as_typed(f, restored) for f in findings]
        total = sum(f.points for f in findings)
        overall = max(0, min(100, round(total)))
        findings.sort(key=lambda f: (f.points >= 0, f.start, f.kind))
        return Feedback(
            overall=overall,
            skills=tuple(results[s] for s in (*DRILL_SKILLS, Skill.LANGUAGE)),
            findings=tuple(findings),
            roadblocks=tuple(roadblocks),
            truncated=truncated,
        )

    def score_drill(self, drill: Drill, response: str, pack_avoid: Iterable[str] = ()) -> Feedback:
        """Score a reply against a drill, using its key points, emotions, skills and phrases."""
        return self.score(
            drill.statement,
            response,
            key_points=drill.key_points,
            emotions=drill.emotions,
            skills=drill.skills,
            avoid=(*pack_avoid, *drill.avoid),
            intensity=drill.intensity,
        )

    # -- findings per skill ---------------------------------------------------------------

    def _emotion_findings(
        self,
        emotion: EmotionAnalysis,
        presuming: list[PhraseHit],
        intensity: int,
        reply: str,
        findings: list[Finding],
    ) -> tuple[float, bool]:
        families = self.lexicon.families
        negated = [m for m in emotion.mentions if m.negated]
        for mention in negated:
            findings.append(
                Finding(
                    "emotion.negated",
                    Skill.EMOTION,
                    "This denies the feeling instead of acknowledging it.",
                    _undenied(reply[mention.start : mention.end], families.get(mention.family)),
                    mention.start,
                    mention.end,
                    points=-5,
                )
            )
        for mention in emotion.wrong:
            expected = ", ".join(
                sorted(families[f].label for f in emotion.expected if f in families)
            )
            findings.append(
                Finding(
                    "emotion.mismatch",
                    Skill.EMOTION,
                    "This names a feeling the customer is not showing.",
                    f"Listen for what they express; here it is more like {expected}.",
                    mention.start,
                    mention.end,
                    points=-5,
                )
            )
        for hit in presuming:
            findings.append(
                Finding("emotion.presuming", Skill.EMOTION, hit.rule.message, hit.rule.suggestion,
                        hit.start, hit.end, points=hit.rule.points)
            )  # fmt: skip
        if emotion.fitting:
            strongest = emotion.fitting[0]
            if intensity >= 3 and all(m.mild for m in emotion.fitting):
                findings.append(
                    Finding(
                        "emotion.understated",
                        Skill.EMOTION,
                        "The customer is very upset; “a bit” or “slightly” makes it sound smaller.",
                        "Match their strength: “really frustrating”, “so worrying”.",
                        strongest.start,
                        strongest.end,
                        points=-3,
                    )
                )
                return 0.8, True
            return 1.0, True
        if emotion.validations and not emotion.wrong:  # warmth around the wrong feeling misleads
            return 0.6, True
        # It reaches for the feeling, clumsily: a little credit, and the finding. (Scored as not
        # acknowledged, EPITOME's emotional reaction fell 0.669 -> 0.658: its judges count it.)
        if presuming:
            return 0.3, True
        if not emotion.wrong:
            labels = [families[f].label for f in sorted(emotion.expected) if f in families][:2]
            hint = f", e.g. {' or '.join(labels)}" if labels else ""
            findings.append(
                Finding(
                    "emotion.missing",
                    Skill.EMOTION,
                    "The reply doesn't name how the customer feels.",
                    f"Name the feeling you hear{hint}: “That sounds really {_adjective(labels)}.”",
                )
            )
        return 0.0, False

    def _question_findings(
        self,
        questions: list[QuestionFound],
        kind: QuestionType,
        asked: bool,
        findings: list[Finding],
    ) -> float:
        score = QUESTION_SCORES[kind]
        # When the only questions are closed, the first one carries the points it earned (and
        # this advice) as its own finding; see `_earned`.
        skip_first = asked and kind is QuestionType.CLOSED
        for question in questions:
            if question.kind is QuestionType.CLOSED:
                if skip_first:
                    skip_first = False
                    continue
                findings.append(
                    Finding(
                        "question.closed",
                        Skill.QUESTION,
                        *_closed_advice(question.sentence),
                        question.sentence.start,
                        question.sentence.end,
                    )
                )
        lexicon = self.lexicon
        accusing, leading = lexicon.accusing_why, lexicon.leading
        for question in questions:
            text = question.sentence.text
            if accusing and (match := accusing.search(text)):
                findings.append(
                    Finding(
                        "question.accusing_why",
                        Skill.QUESTION,
                        "“Why did you…?” sounds like an accusation and puts the customer on trial.",
                        "Ask about what happened instead: “What happened when you…?”",
                        question.sentence.start + match.start(),
                        question.sentence.start + match.end(),
                        points=-6,
                    )
                )
                score = min(score, 0.5)
            if leading and (match := leading.search(text)):
                findings.append(
                    Finding(
                        "question.leading",
                        Skill.QUESTION,
                        "A leading question pushes your answer on the customer.",
                        "Ask neutrally: “How do you see it?”",
                        question.sentence.start + match.start(),
                        question.sentence.start + match.end(),
                        points=-5,
                    )
                )
                score = min(score, 0.5)
        posed = [
            q
            for q in questions
            if q.kind is QuestionType.OPEN
            or (
                q.sentence.asks
                and not AGREEMENT_TAG.search(q.sentence.text)
                and not ("shall" in q.sentence.text and OFFER.search(q.sentence.text))
            )
        ]
        asked_count = len(posed) + sum(1 for q in posed if asks_twice(q.sentence))
        if asked_count >= 2:
            findings.append(
                Finding(
                    "question.stacked",
                    Skill.QUESTION,
                    f"{asked_count} questions in a row: the customer can only answer one.",
                    "Ask one question, then wait for the answer.",
                    posed[0].sentence.start,  # all of them, as the message counts them
                    posed[-1].sentence.end,
                    points=-4,
                )
            )
            score = max(0.0, score - 0.15)
        if kind is QuestionType.NONE:
            findings.append(
                Finding(
                    "question.missing",
                    Skill.QUESTION,
                    "There is no question, so the customer has no invitation to say more.",
                    "End with one open question: “What would help most right now?”",
                )
            )
        return score

    def _paraphrase_findings(
        self,
        paraphrase: ParaphraseAnalysis,
        content: StatementContent,
        stories: list[Story],
        findings: list[Finding],
    ) -> None:
        if paraphrase.parroted:
            findings.append(
                Finding(
                    "paraphrase.parroting",
                    Skill.PARAPHRASE,
                    "This repeats the customer's words back almost exactly; "
                    "it can sound mechanical.",
                    "Say it in your own words and add what it means for them.",
                    points=-4,
                )
            )
        for start, end in paraphrase.wrong_numbers:
            findings.append(
                Finding(
                    "paraphrase.wrong_fact",
                    Skill.PARAPHRASE,
                    "The customer didn't say this: a wrong fact tells them you weren't listening.",
                    "Check the details against their words before you reflect them.",
                    start,
                    end,
                    points=-8,
                )
            )
        for start, end in stretches(stories):
            findings.append(
                Finding(
                    "paraphrase.self_focus",
                    Skill.PARAPHRASE,
                    "Talking about yourself moves the spotlight away from the customer.",
                    "Keep the focus on them: “You…”, “Your…”.",
                    start,
                    end,
                    points=-4,
                )
            )
        if paraphrase.level is ParaphraseLevel.NONE:
            if not paraphrase.parroted:  # a copy: the parroting finding says what to do
                missing = paraphrase.missing_points[:2]
                hint = "; mention " + " and ".join(f"“{p}”" for p in missing) if missing else ""
                findings.append(
                    Finding(
                        "paraphrase.missing",
                        Skill.PARAPHRASE,
                        "The reply doesn't say back what the customer told you.",
                        f"Start with what happened, in your words: “So…”{hint}.",
                    )
                )
        elif paraphrase.missing_points and content.key_points:
            findings.append(
                Finding(
                    "paraphrase.partial",
                    Skill.PARAPHRASE,
                    "Your reflection leaves out part of what the customer said.",
                    "Also reflect "
                    + " and ".join(f"“{p}”" for p in paraphrase.missing_points[:2])
                    + ".",
                )
            )
        elif (
            paraphrase.level is ParaphraseLevel.SIMPLE
            and not paraphrase.parroted
            and not paraphrase.wrong_numbers  # then the wrong fact is what to fix first
        ):
            findings.append(
                Finding(
                    "paraphrase.go_deeper",
                    Skill.PARAPHRASE,
                    "A simple reflection: accurate, but it adds no meaning.",
                    "Add what it means for them: the impact, or the worry beneath it.",
                )
            )

    def _language_findings(
        self,
        hits: list[PhraseHit],
        tokens: list[Token],
        all_sentences: list[Sentence],
        findings: list[Finding],
    ) -> tuple[float, list[str]]:
        """A finding for every phrase; one of a kind costs once in a sentence ("Look on the
        bright side, at least it's fixed" minimises once, in two phrases), each still marked."""
        penalty = 0.0
        categories: list[str] = []
        charged: set[tuple[str, int]] = set()  # (category, the sentence's end)
        for hit in hits:
            where = (hit.rule.category, _sentence_end(all_sentences, hit.start))
            again = where in charged
            charged.add(where)
            findings.append(
                Finding(
                    "scripted"
                    if hit.rule.category == "scripted"
                    else f"roadblock.{hit.rule.category}",
                    Skill.LANGUAGE,
                    hit.rule.message + (" Counted once in this sentence." if again else ""),
                    hit.rule.suggestion,
                    hit.start,
                    hit.end,
                    points=0.0 if again else hit.rule.points,
                )
            )
            penalty += 0.0 if again else -hit.rule.points
            if hit.rule.category not in categories:
                categories.append(hit.rule.category)
        if len(tokens) > self.lexicon.rambling_words:
            rule = self.lexicon.rambling
            findings.append(
                Finding("length.rambling", Skill.LANGUAGE, rule.message, rule.suggestion,
                        points=rule.points)
            )  # fmt: skip
            penalty += -rule.points
        return max(0.0, 1.0 - penalty / 30.0), categories

    @staticmethod
    def _priced(
        finding: Finding, results: dict[Skill, SkillResult], weights: dict[Skill, float]
    ) -> Finding:
        """A penalty on a skill the drill does not ask for costs nothing (it is still shown when
        it marks words in the reply; advice about what is missing is dropped in `score`)."""
        if finding.skill in results and not results[finding.skill].asked:
            return Finding(finding.kind, finding.skill, finding.message, finding.suggestion,
                           finding.start, finding.end, 0.0)  # fmt: skip
        return finding


# Roadblocks whose sentence goes on arguing: nothing after them in it is a reflection. After
# others ("I understand, but your parcel…") the rest of the sentence is judged on its own.
ARGUING = frozenset({"defensive", "blaming"})
# After these the rest of the sentence says back nothing either ("Don't worry, 55 minutes is
# plenty and your bag will make it"), though a feeling named there still counts ("It's our
# policy to take 30 days, so I can see why you're annoyed").
DISMISSING = frozenset({"premature_reassurance", "minimising", "policy", "warning", "moralising"})


ARGUED_KINDS = frozenset({"emotion.missing", "paraphrase.missing"})


def _leads(leading: PhrasePattern, text: str) -> bool:
    """Whether a question pushes an answer beyond a closing ", right?", which only asks for a
    nod (see AGREEMENT_TAG): "…, which is so stressful, right?" still reflects."""
    return any(not match.group().startswith("right") for match in leading.finditer(text))


def _warm_after(lowered: str, tokens: list[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a feeling is named after the argument ("…, as I said, which is frustrating"):
    then the advice says why it didn't count; otherwise the rest argues too and "say the rest
    on its own" would be wrong advice."""
    stems = lexicon.emotion_stems
    if any(start <= t.start < end and t.stem in stems for t in tokens):
        return True
    return bool(lexicon.validation and lexicon.validation.search(lowered[start:end]))


def _explain_argued(findings: list[Finding], phrase: str) -> list[Finding]:
    """A feeling named or a story said back after “as I said” or “that's not true” is heard as
    part of the argument, so it earns nothing; "The reply doesn't name how the customer feels"
    alone would contradict a reply that says "frustrating". Say why instead."""
    tip = (
        f"What follows “{phrase}” in that sentence is heard as arguing, so it didn't count: "
        "drop those words and say the rest on its own."
    )
    return [f._replace(suggestion=tip) if f.kind in ARGUED_KINDS else f for f in findings]


# What the company's side of an argument opens with: "…, but refunds are processed in order",
# "…, however engineers do get held up", "…, but the warehouse marked it complete".
COMPANY_SIDE = ("we ", "we'", "our ", "the ", "it's our", "it is our", "that's our",
                "that is our", "that's how", "this is our", "there's nothing",
                "there is nothing", "i can't", "i cannot", "i'm afraid", "unfortunately",
                "refunds", "engineers", "policy", "rules ", "it's policy", "it's company",
                "company ", "delays ", "couriers ")  # fmt: skip


def _undenied(said: str, family: EmotionFamily | None) -> str:
    """How to name a denied feeling: "You sound worried" for "Don't be worried"; a family whose
    words judge the customer ("like an idiot") has its own way, for "You sound like an idiot"
    would insult them."""
    if family is not None and family.denied:
        return family.denied
    feeling = re.sub(r"^(?:feel|feeling|felt)\s+", "", said, flags=re.IGNORECASE)
    return f"Say it without the “not”: “You sound {feeling}.”"


def _as_typed(finding: Finding, restored: Restored) -> Finding:
    """The finding with its span in the reply as the agent typed it, apostrophes left out."""
    if finding.kind == "truncated" or not finding.has_span:
        return finding
    return finding._replace(
        start=restored.original(finding.start), end=restored.original(finding.end)
    )


def _company_side(lowered: str, position: int) -> bool:
    """After "I understand, but", whether the sentence turns to the company's side ("…, but
    refunds are processed in order") rather than back to the customer ("…, but your parcel…",
    "…, but it sounds like a third late delivery")."""
    return lowered[position:].lstrip(" ,").startswith(COMPANY_SIDE)


def _sentence_end(all_sentences: list[Sentence], position: int) -> int:
    for sentence in all_sentences:
        if sentence.start <= position < sentence.end:
            return sentence.end
    return position


@lru_cache(maxsize=16)
def _scaled_weights(asked: tuple[Skill, ...]) -> dict[Skill, float]:
    """Each asked skill's share of the 90 points; cached (one of seven sets): read, never change."""
    total = sum(WEIGHTS[s] for s in asked)
    scale = (100.0 - LANGUAGE_WEIGHT) / total
    return {s: WEIGHTS[s] * scale for s in asked}


def _earned(
    results: dict[Skill, SkillResult],
    weights: dict[Skill, float],
    paraphrase: ParaphraseAnalysis,
    emotion: EmotionAnalysis,
    questions: list[QuestionFound],
) -> list[Finding]:
    """The positive findings: the points each skill earned, on the words that earned them."""
    earned: list[Finding] = []
    para = results[Skill.PARAPHRASE]
    if para.asked and para.score > 0 and not paraphrase.reflective:
        earned.append(Finding("paraphrase.echo", Skill.PARAPHRASE,
                              "Some of the customer's words are there, not yet as a reflection.",
                              "Put them together from their side: “So you…”.", 0, 0,
                              round(weights[Skill.PARAPHRASE] * para.score, 1)))  # fmt: skip
    if para.asked and para.score > 0 and paraphrase.reflective:
        # the longest: "I'm so sorry about your mum." may reflect too, but the sentence that
        # says back the whole situation is the one to point at
        first = max(paraphrase.reflective, key=lambda sentence: sentence.end - sentence.start)
        message = (
            "A complex reflection: you said back what happened and what it means for them."
            if paraphrase.level is ParaphraseLevel.COMPLEX
            else "You said back what the customer told you."
        )
        earned.append(Finding("paraphrase.reflected", Skill.PARAPHRASE, message, "",
                              first.start, first.end,
                              round(weights[Skill.PARAPHRASE] * para.score, 1)))  # fmt: skip
    feel = results[Skill.EMOTION]
    if feel.asked and feel.score > 0:
        if emotion.fitting:
            span = (emotion.fitting[0].start, emotion.fitting[0].end)
            message = "You named how the customer feels."
        elif emotion.validations:
            span = emotion.validations[0]
            message = "You responded warmly to the feeling; naming it would be stronger still."
        else:
            span = (0, 0)
            message = "You reached for the customer's feeling; name it instead of claiming it."
        earned.append(Finding("emotion.named", Skill.EMOTION, message, "", span[0], span[1],
                              round(weights[Skill.EMOTION] * feel.score, 1)))  # fmt: skip
    question = results[Skill.QUESTION]
    if question.asked and question.score > 0:
        best = next(
            (q for q in questions if q.kind is QuestionType.OPEN),
            questions[0] if questions else None,
        )
        if best is not None:
            is_open = best.kind is QuestionType.OPEN
            message, tip = (
                ("An open question: it invites the customer to tell you more.", "")
                if is_open
                else _closed_advice(best.sentence)
            )
            if is_open and question.score <= 0.5:  # an accusing or leading open question
                message = "Open in form, but its wording puts the customer on the spot."
                tip = "Ask it neutrally: “What happened when you…?”, “How do you see it?”"
            earned.append(Finding(f"question.{best.kind.value}", Skill.QUESTION, message, tip,
                                  best.sentence.start, best.sentence.end,
                                  round(weights[Skill.QUESTION] * question.score, 1)))  # fmt: skip
    language = results[Skill.LANGUAGE]
    if language.score > 0:
        earned.append(
            Finding("language.respectful", Skill.LANGUAGE,
                    "Respectful wording." if language.score >= 1
                    else "Respectful wording, except where a finding on your words costs points.",
                    "", 0, 0, round(LANGUAGE_WEIGHT * language.score, 1))
        )  # fmt: skip
    return earned


def _adjective(labels: list[str]) -> str:
    words = {
        "frustration": "frustrating", "anger": "maddening", "disappointment": "disappointing",
        "worry": "worrying", "confusion": "confusing", "sadness": "upsetting",
        "embarrassment": "embarrassing", "impatience": "frustrating", "distrust": "unsettling",
        "feeling overwhelmed": "overwhelming", "hurt": "hurtful", "stress": "stressful",
        "helplessness": "hard", "relief": "reassuring", "gratitude": "good to hear",
    }  # fmt: skip
    return words.get(labels[0], "hard") if labels else "hard"


@cache
def default_scorer() -> Scorer:
    """One shared scorer per process, so the lexicons are read once."""
    return Scorer()
