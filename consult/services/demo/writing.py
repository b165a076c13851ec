"""Synthetic residents' written answers, composed from the fragments in demo_phrases and demo_ideas."""
import re

from consult.services.demo import ideas
from consult.services.demo import phrases

_SLOT = re.compile(r"\{(\w+)\}")
# Beside "I" or "my", these topics read as a possible disclosure to the safeguarding check (as
# they should): they get no first-person sentences, so only the planned disclosures are flagged.
IMPERSONAL = frozenset(("Domestic abuse", "Violence against women and girls"))
# Half of residents start straight in.
OPENERS = ["", "", "", "", "", "Honestly, ", "To be honest, ", "Mainly ", "The main thing is ", "Where we live, "]


class ResidentWriter:
    """Writes answers the way residents do: one sentence on their topic put together from
    several choices, sometimes a detail, what happened when they reported it or how it changes
    their days, in their own style (some lower-case, some without a full stop).

    `rng` is a random.Random, so the same seed writes the same answers.
    """

    def __init__(self, rng):
        self.rng = rng
        self._disclosures = list(phrases.DISCLOSURES)
        rng.shuffle(self._disclosures)

    def worry(self, topic):
        """An answer to "What worries you most about safety where you live?"."""
        rng = self.rng
        if topic == "Nothing much":
            return self._in_own_style([self.fill(rng.choice(phrases.CONTENT), phrases.CONTENT_SLOTS)], openers=False)
        if rng.random() < 0.04:
            return rng.choice(phrases.SHORT_WORRIES)
        words = phrases.WORRIES[topic]
        personal = topic not in IMPERSONAL
        shapes = phrases.SHAPES + (phrases.FIRST_PERSON_SHAPES if personal else [])
        shape = rng.choice(shapes)
        sentences = [self.fill(shape, words)]
        if words["detail"] and rng.random() < 0.08:
            sentences.append(self.fill(rng.choice(words["detail"])))
        if personal and rng.random() < 0.4:
            sentences.append(self.fill(rng.choice(phrases.FOLLOW_UPS)))
        # "Honestly, mostly..." or "Mainly what worries me..." is not how anyone writes.
        return self._in_own_style(sentences, openers=personal and shape.startswith(("{problem}", "{When}")))

    def safer(self, topic):
        """An answer to "What one thing would make your area safer?", often on the same topic."""
        words = ideas.SAFER[topic]
        return self._in_own_style([self.fill(self.rng.choice(words.get("shapes", ideas.IDEA_SHAPES)), words)], openers=False)

    def night_out(self):
        """An answer to "What would make town centres feel safer at night?"."""
        rng = self.rng
        sentences = [self.fill(rng.choice(ideas.IDEA_SHAPES), ideas.NIGHT_OUT)]
        if rng.random() < 0.15:
            sentences.append(self.fill(rng.choice(ideas.NIGHT_REMARKS), ideas.NIGHT_SLOTS))
        return self._in_own_style(sentences, openers=False)

    def disclosure(self):
        """One of the written disclosures not used yet, or None once all have been."""
        return self._disclosures.pop() if self._disclosures else None

    def fill(self, template, words=None):
        """`template` with each {slot} replaced by a fragment from `words` or SLOTS (fragments
        may hold slots of their own); "{Slot}" gives the fragment a capital letter."""

        def fragment(match):
            name = match.group(1)
            choices = (words or {}).get(name.lower()) or phrases.SLOTS[name.lower()]
            chosen = self.rng.choice(choices)
            return _upper_first(chosen) if name[0].isupper() else chosen

        while "{" in template:
            template = _SLOT.sub(fragment, template)
        return _upper_first(template)

    def _in_own_style(self, sentences, openers=True):
        rng = self.rng
        text = " ".join(sentences)
        opener = rng.choice(OPENERS) if openers else ""
        if opener:
            text = opener + _lower_first(text)
        if rng.random() < 0.12:
            text = text.lower()
        if rng.random() < 0.2:
            text = text.rstrip(".")
        return text


def _upper_first(text):
    return text[:1].upper() + text[1:]


def _lower_first(text):
    """`text` with its first letter in lower case, unless it starts with "I" or a name."""
    if re.match(r"I\b|CCTV|PCSO|[A-Z][a-z]+ (?:Street|Road|Place)", text):
        return text
    return text[:1].lower() + text[1:]
