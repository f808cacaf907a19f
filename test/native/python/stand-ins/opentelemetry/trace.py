"""Tracing entry point of the stand-in: refuses (see the package's docstring)."""


def set_tracer_provider(tracer_provider):
    raise RuntimeError("the OpenTelemetry stand-in cannot trace")


def get_tracer(*arguments, **keywords):
    raise RuntimeError("the OpenTelemetry stand-in cannot trace")
