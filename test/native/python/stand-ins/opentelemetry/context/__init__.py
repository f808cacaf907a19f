"""The three context calls the Pulumi SDK makes without tracing, on contextvars (see the package's docstring)."""

import contextvars
from typing import Optional


class Context(dict):
    """An immutable-by-convention mapping, as the OpenTelemetry API's Context."""


_current: contextvars.ContextVar = contextvars.ContextVar("opentelemetry-context-stand-in", default=Context())


def get_current() -> Context:
    return _current.get()


def attach(context: Context) -> contextvars.Token:
    return _current.set(context)


def detach(token: contextvars.Token) -> None:
    _current.reset(token)


def get_value(key: str, context: Optional[Context] = None) -> object:
    return (context if context is not None else get_current()).get(key)
