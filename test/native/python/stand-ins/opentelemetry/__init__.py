"""A stand-in for the OpenTelemetry Python API, which no package registry reachable here provides (Debian 12 has no
python3-opentelemetry and PyPI is out of reach).

The Pulumi Python SDK imports OpenTelemetry unconditionally (pulumi/runtime/_instrumentation.py) but starts tracing
only when the TRACEPARENT environment variable is set. Without it, the SDK only carries the current context into
executor threads with context.get_current/attach/detach, which this stand-in implements on contextvars as the
OpenTelemetry API's default runtime context does ("opentelemetry.context" in the OpenTelemetry Python API
reference). Every tracing entry point raises, so a run that tries to trace fails instead of silently not tracing.
"""

import os

if os.environ.get("TRACEPARENT"):
    raise ImportError("the OpenTelemetry stand-in cannot trace: run the generated SDK's checks without TRACEPARENT")
