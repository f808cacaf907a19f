"""A stand-in for parver (PEP 440 version parsing), which no package registry reachable here provides (Debian 12 has
no python3-parver and PyPI is out of reach).

The generated SDK's _utilities.py reads its own version with `parver.Version.parse(...)` and uses `release`,
`pre_tag`, `pre`, `dev` and `local` to turn it into the semver string it sends with every resource. This adapter
gives those five attributes from packaging.version.Version (Debian's python3-packaging, the implementation of PEP 440
"Version Identification and Dependency Specification" that pip uses), with parver's meanings: `pre_tag` is the
normalized pre-release letter ("a", "b" or "rc"), `pre` its number, `dev` the dev-release number, `local` the local
label, each None when absent.
"""

from typing import Optional, Tuple

from packaging.version import Version as _PackagingVersion


class Version:
    def __init__(self, version: _PackagingVersion) -> None:
        self.release: Tuple[int, ...] = version.release
        self.pre_tag: Optional[str] = version.pre[0] if version.pre is not None else None
        self.pre: Optional[int] = version.pre[1] if version.pre is not None else None
        self.dev: Optional[int] = version.dev
        self.local: Optional[str] = version.local

    @classmethod
    def parse(cls, version: str) -> "Version":
        return cls(_PackagingVersion(version))
