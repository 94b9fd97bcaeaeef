// Data printed verbatim: a value inserted into the Markdown body is escaped so that
// cmark-gfm reads it back as exactly its own text, never as markup (docs/mallar.md, "Värden
// skrivs ut ordagrant").
#pragma once

#include <string>
#include <string_view>

namespace rv::tmpl {

// `value` as Markdown text that parses back to `value` wherever inline text may stand
// (paragraph, heading, list item, quote, GFM table cell, emphasis, link text), the way
// cmark's own writers escape on output:
//  - ASCII punctuation that can open or close markup (`*_[]<>#|~&!{}` and the backtick) gets a
//    backslash; a backslash itself becomes `&#92;`, because GFM reads `\|` as an escaped pipe
//    even after a backslash, which would join two table cells;
//  - at the start of the value, which may be the start of a block or follow the template's
//    "[", `-`, `+`, `=`, `:`, `^` and the `.` or `)` after digits (`1. x`) are escaped too,
//    and so is a `.`/`)` right after a digit (`before` is the character the output ends
//    with, '\n' at the start);
//  - a line break, with the blanks around it, becomes one space (Markdown shows a soft line
//    break as a space; a blank line would end the paragraph or the table);
//  - a leading or trailing blank becomes an entity: four leading spaces would make a code
//    block, two trailing ones a hard line break.
// Code spans and code blocks take no escapes; a value there needs `| markdown`.
std::string escape_markdown(std::string_view value, char before);

}  // namespace rv::tmpl
