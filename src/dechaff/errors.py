"""The exceptions dechaff raises. All derive from :class:`DechaffError`."""


class DechaffError(Exception):
    """Base class of every error dechaff raises on purpose."""


class InputTooLargeError(DechaffError, ValueError):
    """The input is longer than the configured ``max_chars`` limit."""


class FilterError(DechaffError):
    """A filter returned a decision the pipeline cannot apply."""


class ConfigError(DechaffError, ValueError):
    """A cleaner was built with an invalid configuration."""


class WorkerError(DechaffError):
    """A worker process of a batch could not do its work: it could not load the
    function it was given, or it died (killed by the system, or crashed)."""


class Interrupted(DechaffError):
    """A corpus run stopped by Ctrl-C or SIGTERM; the message says how far it got and
    how to go on."""

    def __init__(self, done: int, unit: str, how_to_go_on: str) -> None:
        super().__init__(f"interrupted after {done:,} {unit}; {how_to_go_on}")
        self.done = done
