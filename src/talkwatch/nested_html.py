"""The text of an HTML page nested too deeply for the article extractor.

libxml2, under trafilatura, stops building the tree about 255 elements deep,
so a page nested deeper (generated markup, or a page built to break parsers)
loses its text there. Python's own HTML parser has no depth limit: this
module walks the page with it and keeps the text of its blocks, without
scripts, styles, navigation, headers, footers and forms.
"""

from __future__ import annotations

from html.parser import HTMLParser

DEEP = 200  # elements: beyond this the article extractor may have lost text

_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr",
}  # fmt: skip
_SKIPPED = {
    "script", "style", "noscript", "template", "head", "nav", "header", "footer",
    "aside", "form", "button", "select", "svg", "iframe",
}  # fmt: skip
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article",
    "section", "blockquote", "tr", "td", "th", "table", "pre", "main", "figcaption", "dd", "dt",
}  # fmt: skip


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.deepest = 0
        self.skipped: str | None = None  # the skipped element we are inside, if any
        self.skipped_nest = 0  # elements of that name open inside it
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._end_block()
        if tag in _VOID:
            return
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        if self.skipped is None and tag in _SKIPPED:
            self.skipped, self.skipped_nest = tag, 0
        elif tag == self.skipped:
            self.skipped_nest += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth = max(0, self.depth - 1)
        if tag == self.skipped:
            if self.skipped_nest:
                self.skipped_nest -= 1
            else:
                self.skipped = None
        if tag in _BLOCKS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if self.skipped is None:
            self.current.append(data)

    def _end_block(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current.clear()

    def close(self) -> None:
        super().close()
        self._end_block()


def depth(html: str) -> int:
    """How deeply the page's elements nest."""
    walker = _Walker()
    walker.feed(html)
    walker.close()
    return walker.deepest


def block_text(html: str) -> str:
    """The page's text, one block (paragraph, heading, list item) a line."""
    walker = _Walker()
    walker.feed(html)
    walker.close()
    return "\n".join(walker.blocks)
