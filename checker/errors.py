"""Errors the checker raises for input it cannot read at all."""

# Codes of unreadable input; the sentences are in checker.bounce.present (ERROR_TEXTS_JA).
EMPTY = "empty"
BINARY = "binary"


class UnreadableInput(ValueError):
    """The input holds nothing the checker can read: a code, and its Japanese sentence for a person."""

    def __init__(self, code: str) -> None:
        from checker.bounce.present import error_text_ja

        self.code = code
        self.message_ja = error_text_ja(code)
        super().__init__(self.message_ja)
