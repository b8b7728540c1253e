"""Reading markup formats (Markdown, HTML) into documents that rules can lint.

A parser keeps the file's text and blanks out, with spaces, everything that is not prose a
reader sees as the writer's words: code, URLs, tags, markup punctuation. Offsets and positions
therefore need no mapping: every finding points at the line and column of the file itself.
Parsers register through the ``framelint_parse_document`` hook, so a plugin can add a format.
"""
