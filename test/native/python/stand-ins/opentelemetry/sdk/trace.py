"""Tracing entry point of the stand-in: refuses (see the opentelemetry package's docstring)."""


class TracerProvider:
    def __init__(self, *arguments, **keywords):
        raise RuntimeError("the OpenTelemetry stand-in cannot trace")
