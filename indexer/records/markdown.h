/** @file
 * @brief Markdown as plain text: what a clipper's or a converter's note says, without its
 *        markup (headings' '#', links' addresses, images, emphasis marks, quote marks, rules).
 */
#pragma once

#include <string>
#include <string_view>

namespace khabar::records {

/// The text of a Markdown page, line by line: "## Read more" -> "Read more", "[headline](url)"
/// -> "headline", "![photo](url)" -> "", "**bold**" -> "bold", "> quote" -> "quote"; rules
/// ("---", "***") and image-only lines go; code and everything else are kept as written.
std::string markdown_as_text(std::string_view markdown);

/// True for text whose markup shows it is Markdown, as converters of web pages write it
/// (html2text, pandoc -t markdown): three inline links "[text](address)" or more and a heading
/// "# …". A text page with a bracketed link or two stays text.
bool looks_like_markdown(std::string_view text);

/// True for a file name whose extension says Markdown (.md, .markdown).
bool markdown_name(std::string_view name);

}  // namespace khabar::records
