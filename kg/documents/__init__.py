"""Articles: the input format and its reader."""

from kg.documents.model import Article, Block, InfoboxField, InfoboxItem, Name, Section
from kg.documents.reader import (
    ARTICLE_SUFFIXES,
    DEFAULT_MAX_BYTES,
    decode_bytes,
    find_articles,
    read_article,
    read_text,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "Article",
    "Block",
    "InfoboxField",
    "InfoboxItem",
    "Name",
    "Section",
    "decode_bytes",
    "find_articles",
    "read_article",
    "read_text",
]
