"""Debian 12's semver (python3-semver 2.10) under the name semver 3 gives its version class.

The Pulumi Python SDK needs semver 3 (`from semver import Version`); Debian 12 has 2.10, and PyPI is out of reach.
semver 3 renamed `VersionInfo` to `Version` and kept `VersionInfo` as an alias ("Migrating from semver2 to semver3"
in semver's documentation), so this module loads Debian's semver from the rest of sys.path, re-exports all of it
(`VersionInfo` by name too, for type checkers) and adds `Version = VersionInfo`. Only the name is new: parsing, comparison and the fields are Debian's semver.
"""

import importlib.machinery
import importlib.util
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
_specification = importlib.machinery.PathFinder.find_spec("semver", [entry for entry in sys.path if os.path.abspath(entry or ".") != _here])
if _specification is None or _specification.loader is None:
    raise ImportError("Debian's semver (python3-semver) is not installed for this python")
_debian = importlib.util.module_from_spec(_specification)
_specification.loader.exec_module(_debian)
globals().update({name: value for name, value in vars(_debian).items() if not name.startswith("__")})
VersionInfo = _debian.VersionInfo
Version = _debian.VersionInfo
