/** @file
 * @brief Character sets of web pages: find the declared or likely charset of a byte string and
 *        convert it to UTF-8 with ICU, counting the bytes that could not be converted.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::records {

/// Text converted to UTF-8 and what was done to get it.
struct DecodedText {
    std::string utf8;
    std::string charset;         ///< the charset used, canonical-ish ("UTF-8", "windows-1252", ...)
    std::string charset_source;  ///< "bom", "http", "meta", "utf8-valid", "detected", "default"
    std::size_t replaced = 0;    ///< invalid or unmappable byte sequences replaced by U+FFFD
};

/// The charset named by a Content-Type value ("text/html; charset=ISO-8859-1" -> "ISO-8859-1"),
/// "" when it names none.
std::string charset_from_content_type(std::string_view content_type);

/// The charset an HTML page declares in its first bytes: `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">`; "" when none is found.
std::string sniff_meta_charset(std::string_view html_head);

/// The charset ICU's detector finds most likely for `bytes` (markup filtered out), "" when it has
/// no answer.
std::string detect_charset(std::string_view bytes);

/// Every charset ICU's detector finds likely enough for `bytes`, most likely first.
std::vector<std::string> detect_charsets(std::string_view bytes);

/// Converts `bytes` from `charset` to UTF-8. Labels are mapped as browsers do (ISO-8859-1 and
/// US-ASCII are read as windows-1252). Returns false (and leaves *out untouched) when ICU does not
/// know the charset.
bool convert_to_utf8(std::string_view bytes, std::string_view charset, DecodedText* out);

/// Decodes a web page: BOM, then the HTTP charset (`http_charset`, may be empty), then the
/// `<meta>` declaration, then valid UTF-8, then ICU detection (the first candidate, or the one
/// that decodes most bytes when it cannot decode all), else windows-1252.
DecodedText decode_html_bytes(std::string_view bytes, std::string_view http_charset);

}  // namespace khabar::records
