"""Tracing entry point of the stand-in: refuses (see the package's docstring)."""


def extract(carrier, context=None, getter=None):
    raise RuntimeError("the OpenTelemetry stand-in cannot extract a trace context")


def inject(carrier, context=None, setter=None):
    raise RuntimeError("the OpenTelemetry stand-in cannot inject a trace context")
