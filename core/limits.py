"""The one exception for "this request would pass one of the app's limits"; core.middleware answers it."""


class LimitReached(ValueError):
    """A limit (entries per meal or plan, plan copies per hour, ...): the request is refused with this message,
    with `status` (422, or 429 for a rate), and nothing is changed."""

    def __init__(self, message: str, *, status: int = 422) -> None:
        super().__init__(message)
        self.status = status
