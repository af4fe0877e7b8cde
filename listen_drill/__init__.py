"""listen-drill: an offline desktop trainer for reflective listening in customer service."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("listen-drill")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
