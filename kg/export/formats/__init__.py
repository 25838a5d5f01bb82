"""One module per export format (family). Each module names the formats it writes and their file
endings in ``FORMATS`` (format name → endings, the first one the usual) and writes one with
``export(kg, fmt, path, flt)``. :mod:`kg.export` finds the modules here, so adding a format is
adding a module."""
