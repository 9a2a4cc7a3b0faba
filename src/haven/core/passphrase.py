"""How strong a new passphrase must be. zxcvbn estimates guessability (it knows common
passwords, names, keyboard walks and l33t substitutions), which a length rule alone misses.

Results are codes, not sentences, so the CLI and the (translated) UI word them themselves.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

MIN_CHARS = 10
MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable: moderate protection from offline attacks"
_ZXCVBN_MAX_CHARS = 100  # zxcvbn is slow on very long input; longer is strong anyway


class Weakness(enum.Enum):
    EMPTY = "empty"
    TOO_SHORT = "too_short"
    TOO_GUESSABLE = "too_guessable"
    MISMATCH = "mismatch"


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    weakness: Weakness | None

    @property
    def acceptable(self) -> bool:
        return self.weakness is None


def check(passphrase: str, related: Sequence[str] = ()) -> Strength:
    """`related`: words a guesser would try first (the display name, "haven")."""
    if not passphrase:
        return Strength(0, Weakness.EMPTY)
    # Imported here, not at the top: its word lists cost every `haven` process ~0.1 s to
    # load, and only a new passphrase needs them.
    from zxcvbn import zxcvbn

    score = int(zxcvbn(passphrase[:_ZXCVBN_MAX_CHARS], user_inputs=[*related, "haven"])["score"])
    if len(passphrase) < MIN_CHARS:
        return Strength(min(score, 2), Weakness.TOO_SHORT)
    if score < MIN_SCORE:
        return Strength(score, Weakness.TOO_GUESSABLE)
    return Strength(score, None)


def describe(weakness: Weakness) -> str:
    """English wording for the CLI."""
    return {
        Weakness.EMPTY: "the passphrase is empty",
        Weakness.TOO_SHORT: f"the passphrase is too short: use at least {MIN_CHARS} characters",
        Weakness.TOO_GUESSABLE: "the passphrase is too easy to guess: add a few uncommon words",
        Weakness.MISMATCH: "the two passphrases do not match",
    }[weakness]
