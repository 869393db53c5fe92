"""Reads a Taizhang export workbook with openpyxl, as another program would, and checks what a
printed government report needs. Usage: check_workbook.py report FILE.xlsx zh|en
(the golden report) or check_workbook.py inert FILE.xlsx (no cell may be a formula).
Prints "ok" or fails with the first difference."""
import sys

import openpyxl

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def thin_all_round(cell):
    border = cell.border
    return all(getattr(border, side).style == "thin" for side in ("left", "right", "top", "bottom"))


def check_print_setup(sheet, header_row, footer):
    assert sheet.page_setup.orientation == "landscape", sheet.page_setup.orientation
    assert str(sheet.page_setup.paperSize) == "9", sheet.page_setup.paperSize  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage, "fit to page"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0, (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight)
    assert sheet.oddFooter.center.text == footer, sheet.oddFooter.center.text
    assert sheet.print_title_rows == f"$1:${header_row}", sheet.print_title_rows
    assert sheet.freeze_panes == f"A{header_row + 1}", sheet.freeze_panes


def check_report(path, language):
    book = openpyxl.load_workbook(path)
    zh = language == "zh"
    materials = ["公示栏", "人员去向牌", "胸卡", "便民服务联系卡", "办事指南"] if zh else \
        ["Notice boards", "Whereabouts signs", "Staff badges", "Service cards", "Service guides"]
    expected = (["汇总"] if zh else ["Summary"]) + materials + (["说明"] if zh else ["Notes"])
    assert book.sheetnames == expected, book.sheetnames
    footer = "第 &P 页 共 &N 页" if zh else "Page &P of &N"

    summary = book[expected[0]]
    title = summary["A1"].value
    assert title == ("海门工商局政务公开台账月度汇总表（2026年11月）" if zh
                     else "海门工商局: Public-disclosure materials, monthly consolidated report (November 2026)"), title
    assert "A1:K1" in [str(r) for r in summary.merged_cells.ranges], summary.merged_cells.ranges
    assert summary["A1"].alignment.horizontal == "center" and summary["A1"].font.b, "a centred bold title"
    assert summary["A2"].value.startswith("填报单位：海门工商局" if zh else "Issued by: 海门工商局"), summary["A2"].value
    assert ("2026年12月2日 08:00（北京时间）" if zh else "2 December 2026 08:00 (Beijing time)") in summary["A2"].value
    check_print_setup(summary, 5, footer)
    assert summary.auto_filter.ref == "A5:K20", summary.auto_filter.ref
    headers = [c.value for c in summary[5]]
    assert headers[:2] == (["序号", "分局名称"] if zh else ["No.", "Office"]), headers
    assert headers[-1] == ("分局代码" if zh else "Branch ID"), headers
    for cell in summary[5]:
        assert thin_all_round(cell) and cell.alignment.horizontal == "center" and cell.alignment.wrap_text, cell.coordinate
    for row in summary.iter_rows(min_row=6, max_row=25):
        for cell in row:
            assert thin_all_round(cell), f"{cell.coordinate} has no border"
    assert summary["E9"].value == 300 and summary["E9"].number_format == "#,##0", (summary["E9"].value, summary["E9"].number_format)
    assert summary["E9"].alignment.horizontal == "right", "numbers right-aligned"
    total = summary["B24"]
    assert total.value == ("合计" if zh else "Total") and total.font.b, total.value
    assert summary["E24"].value == 1300 and summary["E24"].number_format == "#,##0", summary["E24"].value
    labels = ["填报人：", "审核人：", "单位负责人：", "填报日期："] if zh else ["Prepared by:", "Reviewed by:", "Head of unit:", "Date:"]
    signature = {c.value: c for c in summary[27] if c.value in labels}
    assert list(signature) == labels, [c.value for c in summary[27]]
    line = lambda label: summary.cell(row=27, column=signature[label].column + 1)
    assert line(labels[0]).value == "王芳" and line(labels[2]).value == "李明", "names from the settings"
    assert line(labels[1]).value is None and line(labels[1]).border.bottom.style == "thin", "a blank line to sign on"
    assert line(labels[3]).value == ("2026年12月2日" if zh else "2 December 2026"), line(labels[3]).value

    boards = book[materials[0]]
    assert ("公示栏" in boards["A1"].value and "2026年11月" in boards["A1"].value) if zh else \
        ("Notice boards" in boards["A1"].value and "November 2026" in boards["A1"].value), boards["A1"].value
    assert ("计量单位：块" if zh else "Unit: boards") in boards["A2"].value, boards["A2"].value
    check_print_setup(boards, 3, footer)
    assert boards.auto_filter.ref == "A3:H6", boards.auto_filter.ref
    for material in materials:
        assert book[material].freeze_panes == "A4" and book[material].auto_filter.ref, material

    notes = book[expected[-1]]
    values = [c.value for row in notes.iter_rows() for c in row if c.value is not None]
    assert any(isinstance(v, str) and len(v) == 64 for v in values), "the content hash is on the notes"
    assert "haimen" in values and "sanchang" in values, "branch IDs on the notes"
    for row in summary.iter_rows(min_row=1, max_row=4):
        for cell in row:
            assert not (isinstance(cell.value, str) and len(cell.value) == 64), "no hash in the main table"


def check_inert(path):
    book = openpyxl.load_workbook(path)
    seen = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    assert cell.data_type == "s" and cell.quotePrefix, f"{sheet.title}!{cell.coordinate} {cell.value!r}"
                    seen += 1
    assert seen > 0, "no formula-like text found at all"


if __name__ == "__main__":
    if sys.argv[1] == "report":
        check_report(sys.argv[2], sys.argv[3])
    else:
        check_inert(sys.argv[2])
    print("ok")
