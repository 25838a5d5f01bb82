"""Articles: the input format and its reader."""

from kg.documents.model import Article, Block, InfoboxField, InfoboxItem, Section
from kg.documents.reader import DEFAULT_MAX_BYTES, decode_bytes, read_article, read_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Article",
    "Block",
    "InfoboxField",
    "InfoboxItem",
    "Section",
    "decode_bytes",
    "read_article",
    "read_text",
]
