/** @file
 * @brief Charset labels, sniffing and ICU conversion to UTF-8 (ucnv with a counting substitution
 *        callback; ucsdet for pages that declare nothing and are not UTF-8).
 */
#include "records/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <cctype>
#include <memory>
#include <vector>

#include "records/text_util.h"

namespace khabar::records {

namespace {

/// How far into a page a <meta> charset declaration is looked for.
constexpr std::size_t kMetaWindow = 64u << 10;
/// How much of a page the detector looks at.
constexpr std::size_t kDetectWindow = 64u << 10;
/// Below this confidence (0..100) ICU's guess is not used.
constexpr int32_t kMinConfidence = 10;

/// Lower-case label without surrounding quotes and spaces.
std::string clean_label(std::string_view label) {
    label = trim(label);
    while (!label.empty() && (label.front() == '"' || label.front() == '\''))
        label.remove_prefix(1);
    while (!label.empty() && (label.back() == '"' || label.back() == '\'')) label.remove_suffix(1);
    return to_lower_ascii(trim(label));
}

/// Labels browsers read as another charset (WHATWG Encoding Standard), and UTF-8 spellings.
std::string browser_label(std::string_view label) {
    const std::string l = clean_label(label);
    static constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
        {"iso-8859-1", "windows-1252"},
        {"iso8859-1", "windows-1252"},
        {"latin1", "windows-1252"},
        {"l1", "windows-1252"},
        {"us-ascii", "windows-1252"},
        {"ascii", "windows-1252"},
        {"iso_8859-1", "windows-1252"},
        {"cp1252", "windows-1252"},
        {"iso-8859-9", "windows-1254"},
        {"tis-620", "windows-874"},
        {"utf8", "UTF-8"},
        {"utf-8", "UTF-8"},
        {"unicode-1-1-utf-8", "UTF-8"},
        {"x-sjis", "Shift_JIS"},
        {"gb2312", "GBK"}};
    for (const auto& [from, to] : kAliases)
        if (l == from) return std::string(to);
    return l;
}

/// True for the canonical UTF-8 label browser_label() returns.
bool is_utf8_label(std::string_view label) {
    return label == "UTF-8";
}

/// The Windows code page that extends an ISO 8859 charset of the same script, "" when none.
std::string_view windows_sibling(std::string_view charset) {
    static constexpr std::pair<std::string_view, std::string_view> kSiblings[] = {
        {"iso-8859-6", "windows-1256"},   {"iso-8859-8", "windows-1255"},
        {"iso-8859-8-i", "windows-1255"}, {"iso-8859-7", "windows-1253"},
        {"iso-8859-5", "windows-1251"},   {"iso-8859-2", "windows-1250"}};
    const std::string l = clean_label(charset);
    for (const auto& [iso, windows] : kSiblings)
        if (l == iso) return windows;
    return {};
}

/// A charset of one byte per character (windows-1252, windows-1256, ISO-8859-6, KOI8-R, ...),
/// as ICU knows it; false for a label ICU does not know.
bool is_single_byte(const std::string& label) {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(label.c_str(), &ec),
                                                           ucnv_close);
    return U_SUCCESS(ec) && cnv && ucnv_getMaxCharSize(cnv.get()) == 1;
}

/// Counts each invalid or unmappable byte sequence and writes U+FFFD for it.
void U_CALLCONV count_and_substitute(const void* context, UConverterToUnicodeArgs* args,
                                     const char* /*units*/, int32_t length,
                                     UConverterCallbackReason reason, UErrorCode* err) {
    if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to convert
    auto* replaced = static_cast<std::size_t*>(const_cast<void*>(context));
    *replaced += static_cast<std::size_t>(length > 0 ? length : 1);
    *err = U_ZERO_ERROR;
    static const UChar kReplacement = 0xFFFD;
    ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

struct ConverterClose {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorClose {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

/// UTF-16 -> UTF-8 (lone surrogates become U+FFFD).
bool utf16_to_utf8(const std::u16string& in, std::string& out) {
    UErrorCode ec = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8WithSub(nullptr, 0, &needed, in.data(), static_cast<int32_t>(in.size()), 0xFFFD,
                       nullptr, &ec);
    if (ec != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(ec)) return false;
    out.assign(static_cast<std::size_t>(needed), '\0');
    ec = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data(), needed, nullptr, in.data(), static_cast<int32_t>(in.size()),
                       0xFFFD, nullptr, &ec);
    return U_SUCCESS(ec) || ec == U_STRING_NOT_TERMINATED_WARNING;
}

/// Runs the converter over all of `bytes` into UTF-16.
bool to_utf16(UConverter* cnv, std::string_view bytes, std::u16string& out) {
    out.clear();
    out.reserve(bytes.size());
    const char* src = bytes.data();
    const char* const end = src + bytes.size();
    UChar buf[8192];
    for (;;) {
        UChar* target = buf;
        UErrorCode ec = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &target, buf + std::size(buf), &src, end, nullptr, true, &ec);
        out.append(buf, static_cast<std::size_t>(target - buf));
        if (ec == U_BUFFER_OVERFLOW_ERROR) continue;
        return U_SUCCESS(ec);
    }
}

/// The label of a byte order mark at the start of bytes, with its length.
std::pair<std::string_view, std::size_t> bom_charset(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) return {"UTF-8", 3};
    if (bytes.starts_with("\xFF\xFE")) return {"UTF-16LE", 2};
    if (bytes.starts_with("\xFE\xFF")) return {"UTF-16BE", 2};
    return {{}, 0};
}

/// True when s holds at least one multi-byte UTF-8 sequence and is valid UTF-8.
bool is_multibyte_utf8(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return valid_utf8(s);
    return false;
}

/// Value of a `charset=` inside one tag's text, "" when absent.
std::string charset_in_tag(std::string_view tag) {
    const std::string lower = to_lower_ascii(tag);
    std::size_t p = lower.find("charset");
    if (p == std::string::npos) return {};
    p += 7;
    while (p < lower.size() &&
           (is_space(lower[p]) || lower[p] == '=' || lower[p] == '"' || lower[p] == '\'')) {
        ++p;
    }
    std::size_t e = p;
    while (e < lower.size() &&
           (std::isalnum(static_cast<unsigned char>(lower[e])) || lower[e] == '-' ||
            lower[e] == '_' || lower[e] == '.' || lower[e] == ':')) {
        ++e;
    }
    return lower.substr(p, e - p);
}

/// Tries one declared label; true when it was used.
bool try_declared(std::string_view bytes, std::string_view label, const char* source,
                  DecodedText& out) {
    if (label.empty()) return false;
    std::string l = browser_label(label);
    // A page declared UTF-16 but readable as ASCII markup is not UTF-16 (WHATWG).
    if (l.starts_with("utf-16") || l.starts_with("utf16")) l = "UTF-8";
    // A single-byte charset declared over bytes that are valid UTF-8 with multi-byte sequences
    // is a wrong label: servers send a Latin-1 default whatever the page is, and a site's
    // template keeps the meta of its old code page (windows-1256) after the pages are saved as
    // UTF-8. Text in a single-byte charset is practically never valid multi-byte UTF-8 (a
    // letter's byte of 0xC0 or more must be followed by one of 0x80-0xBF).
    if (!is_utf8_label(l) && is_single_byte(l) && is_multibyte_utf8(bytes)) return false;
    if (!convert_to_utf8(bytes, l, &out)) return false;
    out.charset_source = source;
    return true;
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
    return charset_in_tag(content_type);
}

std::string sniff_meta_charset(std::string_view html_head) {
    std::string_view h = html_head.substr(0, kMetaWindow);
    std::size_t p = 0;
    while ((p = h.find('<', p)) != std::string_view::npos) {
        std::string_view rest = h.substr(p + 1);
        std::size_t gt = rest.find('>');
        if (gt == std::string_view::npos) break;
        if (rest.size() >= 5 && iequals(rest.substr(0, 4), "meta") && is_space(rest[4])) {
            std::string cs = charset_in_tag(rest.substr(0, gt));
            if (!cs.empty()) return cs;
        }
        p += 1 + gt;
    }
    return {};
}

std::vector<std::string> detect_charsets(std::string_view bytes) {
    std::vector<std::string> out;
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorClose> csd(ucsdet_open(&ec));
    if (U_FAILURE(ec)) return out;
    ucsdet_enableInputFilter(csd.get(), true);
    std::string_view window = bytes.substr(0, kDetectWindow);
    ucsdet_setText(csd.get(), window.data(), static_cast<int32_t>(window.size()), &ec);
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(csd.get(), &n, &ec);
    for (int32_t i = 0; U_SUCCESS(ec) && matches && i < n; ++i) {
        if (ucsdet_getConfidence(matches[i], &ec) < kMinConfidence || U_FAILURE(ec)) break;
        const char* name = ucsdet_getName(matches[i], &ec);
        if (U_SUCCESS(ec) && name) out.emplace_back(name);
    }
    return out;
}

std::string detect_charset(std::string_view bytes) {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorClose> csd(ucsdet_open(&ec));
    if (U_FAILURE(ec)) return {};
    ucsdet_enableInputFilter(csd.get(), true);
    std::string_view window = bytes.substr(0, kDetectWindow);
    ucsdet_setText(csd.get(), window.data(), static_cast<int32_t>(window.size()), &ec);
    const UCharsetMatch* match = ucsdet_detect(csd.get(), &ec);
    if (U_FAILURE(ec) || !match) return {};
    if (ucsdet_getConfidence(match, &ec) < kMinConfidence || U_FAILURE(ec)) return {};
    const char* name = ucsdet_getName(match, &ec);
    return U_SUCCESS(ec) && name ? std::string(name) : std::string();
}

bool convert_to_utf8(std::string_view bytes, std::string_view charset, DecodedText* out) {
    const std::string label = browser_label(charset);
    if (is_utf8_label(label) && valid_utf8(bytes)) {
        out->utf8.assign(bytes);
        out->charset = "UTF-8";
        out->replaced = 0;
        return true;
    }
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterClose> cnv(ucnv_open(label.c_str(), &ec));
    if (U_FAILURE(ec) || !cnv) return false;
    std::size_t replaced = 0;
    ucnv_setToUCallBack(cnv.get(), count_and_substitute, &replaced, nullptr, nullptr, &ec);
    std::u16string wide;
    std::string utf8;
    if (U_FAILURE(ec) || !to_utf16(cnv.get(), bytes, wide) || !utf16_to_utf8(wide, utf8))
        return false;
    out->utf8 = std::move(utf8);
    out->charset = is_utf8_label(label) ? "UTF-8" : label;
    out->replaced = replaced;
    return true;
}

DecodedText decode_html_bytes(std::string_view bytes, std::string_view http_charset) {
    DecodedText out;
    if (auto [bom, len] = bom_charset(bytes); len > 0) {
        if (convert_to_utf8(bytes.substr(len), bom, &out)) {
            out.charset_source = "bom";
            return out;
        }
    }
    if (try_declared(bytes, http_charset, "http", out)) return out;
    if (try_declared(bytes, sniff_meta_charset(bytes), "meta", out)) return out;
    if (valid_utf8(bytes) && convert_to_utf8(bytes, "UTF-8", &out)) {
        out.charset_source = "utf8-valid";
        return out;
    }
    // ICU's detector tells scripts apart better than charsets of one script: its best guess is
    // taken unless it cannot decode some bytes; then the other candidates and the Windows code
    // page extending each ISO one are tried, and the one that decodes most bytes wins (Urdu in
    // Windows-1256 is often guessed as ISO-8859-6 or even -8, which lack ٹ ڈ ڑ ں ے ہ ھ).
    bool found = false;
    for (const std::string& guess : detect_charsets(bytes)) {
        for (std::string_view label : {std::string_view(guess), windows_sibling(guess)}) {
            DecodedText candidate;
            if (label.empty() || !convert_to_utf8(bytes, label, &candidate)) continue;
            if (!found || candidate.replaced < out.replaced) out = std::move(candidate);
            found = true;
            if (out.replaced == 0) break;
        }
        if (found && out.replaced == 0) break;
    }
    if (found) {
        out.charset_source = "detected";
        return out;
    }
    convert_to_utf8(bytes, "windows-1252", &out);
    out.charset_source = "default";
    return out;
}

}  // namespace khabar::records
