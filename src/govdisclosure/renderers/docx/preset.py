"""The look of a rendered DOCX: the fonts, sizes, page and margins of a :class:`Preset`,
and :data:`GB_T_9704`, the preset after the standard for official documents."""

from __future__ import annotations

from dataclasses import dataclass, field

from govdisclosure.errors import OptionError


@dataclass(frozen=True)
class Font:
    """A font: the East Asian face (``w:eastAsia``), the size in points, the face for
    Latin text (``w:ascii``/``w:hAnsi``) and whether it is bold."""

    east_asian: str
    size: float
    latin: str = "Times New Roman"
    bold: bool = False

    def __post_init__(self) -> None:
        if not (isinstance(self.east_asian, str) and self.east_asian):
            raise ValueError(f"a font needs an East Asian face, got {self.east_asian!r}")
        if not (isinstance(self.latin, str) and self.latin):
            raise ValueError(f"a font needs a Latin face, got {self.latin!r}")
        if not (isinstance(self.size, int | float) and 1 <= self.size <= 200):
            raise ValueError(f"a font size is in points, 1 to 200, got {self.size!r}")


@dataclass(frozen=True)
class Preset:
    """The page and the type of a rendered report. Lengths of the page are in millimetres,
    line spacings in points, the first-line indent in characters of the body font.

    The defaults follow GB/T 9704 (党政机关公文格式) as government reports are published;
    change any of them with :func:`dataclasses.replace`:

    >>> import dataclasses
    >>> larger = dataclasses.replace(GB_T_9704, table=Font("仿宋_GB2312", 12))
    >>> larger.table.size, larger.body.east_asian
    (12, '仿宋_GB2312')
    """

    page_width: float = 210.0
    page_height: float = 297.0
    margin_top: float = 37.0
    margin_bottom: float = 35.0
    margin_left: float = 28.0
    margin_right: float = 26.0
    header_distance: float = 15.0
    #: From the bottom edge of the page to the bottom of the page number, which puts the
    #: number about 7 mm below the text, as GB/T 9704 places it.
    footer_distance: float = 22.0
    #: 方正小标宋简体 二号, centred.
    title: Font = field(default=Font("方正小标宋简体", 22))
    #: Level-1 headings (一、总体情况): 黑体 三号.
    heading1: Font = field(default=Font("黑体", 16))
    #: Level-2 headings and run-in subsection titles: 楷体_GB2312 三号.
    heading2: Font = field(default=Font("楷体_GB2312", 16))
    #: Body text: 仿宋_GB2312 三号.
    body: Font = field(default=Font("仿宋_GB2312", 16))
    #: Table text: 仿宋_GB2312 五号, single spacing.
    table: Font = field(default=Font("仿宋_GB2312", 10.5))
    #: The page number in the footer: 宋体 四号, digits included.
    page_number: Font = field(default=Font("宋体", 14, latin="宋体"))
    #: The fixed line spacing of body text and headings, in points.
    line_spacing: float = 28.0
    #: The fixed line spacing of the title, in points.
    title_line_spacing: float = 36.0
    #: The first-line indent of body text and headings, in characters.
    first_line_indent: float = 2.0
    #: The least height of a table row, in millimetres.
    table_row_height: float = 6.0
    #: The space left and right of the text in a table cell, in millimetres.
    table_cell_margin: float = 1.0

    def __post_init__(self) -> None:
        for name in ("title", "heading1", "heading2", "body", "table", "page_number"):
            if not isinstance(getattr(self, name), Font):
                raise OptionError(f"Preset.{name} must be a Font, got {getattr(self, name)!r}")
        lengths = (
            "page_width",
            "page_height",
            "margin_top",
            "margin_bottom",
            "margin_left",
            "margin_right",
            "header_distance",
            "footer_distance",
            "line_spacing",
            "title_line_spacing",
            "first_line_indent",
            "table_row_height",
            "table_cell_margin",
        )
        for name in lengths:
            value = getattr(self, name)
            if not (isinstance(value, int | float) and 0 <= value <= 2000):
                raise ValueError(f"Preset.{name} must be a number from 0 to 2000, got {value!r}")
        if self.margin_left + self.margin_right >= self.page_width:
            raise ValueError("the left and right margins leave no room for text")


#: The default preset: A4, GB/T 9704 margins and fonts.
GB_T_9704 = Preset()
