"""The OpenTelemetry SDK part of the stand-in (see the opentelemetry package's docstring)."""
