"""Errors the checker raises for input it cannot read at all."""


class UnreadableInput(ValueError):
    """The input holds nothing the checker can read; the message is Japanese, for a person."""

    def __init__(self, message_ja: str) -> None:
        super().__init__(message_ja)
        self.message_ja = message_ja
