"""Readers: turn files, directories, feeds and streams into Articles (or Failures with their reason)."""

from veille.ingest.readers import Failure, iter_source

__all__ = ["Failure", "iter_source"]
