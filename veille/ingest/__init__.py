"""Readers: turn files, directories, feeds and streams into Articles (or Failures with their reason)."""

from veille.ingest.readers import Failure, Reader, ReadOptions, iter_source
from veille.ingest.records import SourcedArticle

__all__ = ["Failure", "ReadOptions", "Reader", "SourcedArticle", "iter_source"]
