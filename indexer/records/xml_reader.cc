/** @file
 * @brief XML and SGML news records by profile: a profile names the record element and, for each
 *        article field, the element paths that hold it. Records are streamed (one element at a
 *        time, like the Reuters reader) and read with a tolerant tag scanner, so well-formed XML
 *        (Makhzan) and SGML that is not XML (TREC) go through the same code.
 *
 * Built-in profiles:
 * - makhzan: `<document><meta><title/><author><name/></author><publication><name/><year/>
 *   <link/></publication></meta><body><section><p>…` — one document per file, text stored NFD
 *   (normalised to NFC here), year-only dates, id `makhzan-<file stem>`, language `ur` (the
 *   corpus is Urdu; quotations in Arabic or Persian do not make a document Arabic).
 * - trec: `<DOC><DOCNO/><DATE/><HEADLINE/><TEXT/></DOC>`, several per file, tags in any case;
 *   HEAD/HL/TI/TITLE are titles, DD/DATE1 dates, BYLINE authors; `YYMMDD` dates are expanded.
 * - user: `--field record=ELEMENT` names the article element of any other XML; `--field
 *   title=meta/headline` and the like name element paths inside it (RSS names by default).
 */
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <optional>
#include <vector>

#include "dates/date_parser.h"
#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

/// Which elements of a record feed which article field. Paths are '/'-separated element names
/// from the record element down; the first path that gives text wins.
struct XmlProfile {
    std::string_view name;
    std::string_view record;  ///< element holding one article
    std::vector<std::string_view> id, title, date, author, source, url, section, body;
    bool ignore_case = false;       ///< SGML: tag names in any case
    bool nfc = false;               ///< normalise text to NFC
    std::string_view id_from_file;  ///< non-empty: own id = this prefix + the file's stem
    std::string_view field_prefix;  ///< date_field = prefix + path
    std::string_view lang;          ///< language every record of the collection is in, or ""
};

const XmlProfile& makhzan_profile() {
    static const XmlProfile p{"makhzan",
                              "document",
                              {},
                              {"meta/title"},
                              {"meta/publication/year", "meta/original-publication-year"},
                              {"meta/author/name"},
                              {"meta/publication/name"},
                              {"meta/publication/link"},
                              {},
                              {"body"},
                              false,
                              true,
                              "makhzan-",
                              "xml:",
                              "ur"};
    return p;
}

const XmlProfile& trec_profile() {
    static const XmlProfile p{"trec",
                              "doc",
                              {"docno"},
                              {"headline", "head", "hl", "title", "ti", "h3"},
                              {"date", "dd", "date1", "pubdate"},
                              {"byline", "author", "by"},
                              {"source", "so"},
                              {},
                              {"section", "sec"},
                              {"text", "body", "lp"},
                              true,
                              false,
                              "",
                              "trec:",
                              ""};
    return p;
}

/// A profile from the user's `--field record=ELEMENT` mapping: each mapped field reads its element
/// path (relative to the record); the others the usual element names of news XML (RSS, Atom,
/// NewsML-like exports). Tag names in any case; text normalised to NFC.
class UserProfile {
  public:
    explicit UserProfile(const FieldMapper& fields)
        : record_(to_lower_ascii(fields.record_element())) {
        p_.name = "user";
        p_.record = record_;
        set(fields, p_.id, Field::id, {"id", "guid", "docid", "docno", "identifier"});
        set(fields, p_.title, Field::title, {"title", "headline", "hl", "heading"});
        set(fields, p_.date, Field::date,
            {"pubdate", "date", "published", "dc:date", "datepublished", "updated", "dateline"});
        set(fields, p_.author, Field::author, {"author", "dc:creator", "creator", "byline"});
        set(fields, p_.source, Field::source, {"source", "publisher"});
        set(fields, p_.url, Field::url, {"link", "url"});
        set(fields, p_.section, Field::section, {"category", "section"});
        set(fields, p_.body, Field::body,
            {"content:encoded", "body", "content", "text", "story", "article"});
        std::vector<std::string_view> summary;
        set(fields, summary, Field::summary, {"description", "summary", "abstract"});
        p_.body.insert(p_.body.end(), summary.begin(), summary.end());
        set(fields, lang_path_, Field::lang, {"language", "lang", "dc:language"});
        p_.ignore_case = true;
        p_.nfc = true;
        p_.field_prefix = "xml:";
    }
    const XmlProfile& profile() const { return p_; }
    const std::vector<std::string_view>& lang_paths() const { return lang_path_; }

  private:
    void set(const FieldMapper& fields, std::vector<std::string_view>& paths, Field f,
             std::initializer_list<std::string_view> usual) {
        std::string path = fields.mapped(f);
        if (path.empty()) {
            // A usual name that is the record element itself would match the whole record.
            for (std::string_view name : usual)
                if (!iequals(name, record_)) paths.push_back(name);
            return;
        }
        storage_.push_back(std::move(path));
        paths = {storage_.back()};
    }

    std::deque<std::string> storage_;  // stable addresses for the profile's string_views
    std::string record_;
    std::vector<std::string_view> lang_path_;
    XmlProfile p_;
};

/// Block-level elements: a paragraph break before and after (both profiles' and HTML's).
bool is_break_tag(std::string_view t) {
    static constexpr std::string_view kTags[] = {
        "p",     "heading",  "section", "blockquote", "li", "list", "verse",   "tr",
        "table", "br",       "h1",      "h2",         "h3", "h4",   "div",     "lp",
        "text",  "headline", "title",   "body",       "td", "hl",   "leadpara"};
    for (std::string_view k : kTags)
        if (iequals(k, t)) return true;
    return false;
}

/// A record's text and its ASCII-lower-cased copy (same offsets) for case-insensitive search.
struct Block {
    std::string_view text;
    std::string lower;  ///< empty when the profile is case-sensitive
    std::string_view hay() const { return lower.empty() ? text : std::string_view(lower); }
};

/// Offsets [begin, end) of the content of the first <name ...> ... </name> in hay[from, to).
std::optional<std::pair<std::size_t, std::size_t>> find_element(std::string_view hay,
                                                                std::string_view name,
                                                                std::size_t from, std::size_t to) {
    const std::string open = "<" + std::string(name);
    const std::string close = "</" + std::string(name);
    std::size_t p = from;
    while ((p = hay.find(open, p)) != std::string_view::npos && p < to) {
        const std::size_t after = p + open.size();
        if (after < hay.size() &&
            (hay[after] == '>' || is_space(hay[after]) || hay[after] == '/')) {
            const std::size_t gt = hay.find('>', after);
            if (gt == std::string_view::npos || gt >= to) return std::nullopt;
            if (hay[gt - 1] == '/') return std::make_pair(gt + 1, gt + 1);  // <name/>
            std::size_t end = hay.find(close, gt + 1);
            if (end == std::string_view::npos || end > to) end = to;
            return std::make_pair(gt + 1, end);
        }
        p = after;
    }
    return std::nullopt;
}

/// Raw content of the element at `path` inside the block, nullopt when absent.
std::optional<std::string_view> element_at(const Block& b, std::string_view path, bool icase) {
    std::size_t from = 0, to = b.text.size();
    while (!path.empty()) {
        std::size_t slash = path.find('/');
        std::string name(path.substr(0, slash));
        if (icase) name = to_lower_ascii(name);
        auto range = find_element(b.hay(), name, from, to);
        if (!range) return std::nullopt;
        from = range->first;
        to = range->second;
        path.remove_prefix(slash == std::string_view::npos ? path.size() : slash + 1);
    }
    return b.text.substr(from, to - from);
}

/// Raw contents of every element at `path` inside [from, to) of the block, in document order.
void elements_at(const Block& b, std::string_view path, bool icase, std::size_t from,
                 std::size_t to, std::vector<std::string_view>& out) {
    const std::size_t slash = path.find('/');
    std::string name(path.substr(0, slash));
    if (icase) name = to_lower_ascii(name);
    const std::string_view rest =
        slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    for (std::size_t pos = from; pos < to;) {
        auto range = find_element(b.hay(), name, pos, to);
        if (!range) break;
        if (rest.empty())
            out.push_back(b.text.substr(range->first, range->second - range->first));
        else
            elements_at(b, rest, icase, range->first, range->second, out);
        pos = range->second + 1;
    }
}

/// Appends the entity at s[i] == '&' decoded; returns the index after it.
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out) {
    static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
        {"lt", "<"},         {"gt", ">"},         {"amp", "&"},        {"quot", "\""},
        {"apos", "'"},       {"nbsp", " "},       {"hyph", "-"},       {"blank", " "},
        {"mdash", "\u2014"}, {"ndash", "\u2013"}, {"lsquo", "\u2018"}, {"rsquo", "\u2019"},
        {"ldquo", "\u201C"}, {"rdquo", "\u201D"}, {"bull", "\u2022"},  {"cent", "\u00A2"},
        {"pound", "\u00A3"}, {"yen", "\u00A5"},   {"deg", "\u00B0"},   {"times", "\u00D7"}};
    const std::size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
        out += '&';
        return i + 1;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        char32_t cp = 0;
        bool ok = name.size() > (hex ? 2u : 1u);
        for (char c : name.substr(hex ? 2 : 1)) {
            const int d = (c >= '0' && c <= '9')                          ? c - '0'
                          : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                          : -1;
            ok = ok && d >= 0 && cp < 0x110000;
            cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d < 0 ? 0 : d);
        }
        if (ok && (cp >= 0x20 || cp == '\t' || cp == '\n')) append_utf8(out, cp);
        return ok ? semi + 1 : (out += '&', i + 1);
    }
    for (const auto& [n, v] : kNamed)
        if (iequals(n, name)) return out += v, semi + 1;
    out += '&';
    return i + 1;
}

/// Paragraphs built from markup: whitespace collapsed, breaks at block tags, blank lines and
/// indented lines (hard-wrapped SGML text); inside <verse>, every line is kept.
class MarkupText {
  public:
    std::string run(std::string_view s) {
        std::size_t i = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (s.substr(i, 9) == "<![CDATA[" || s.substr(i, 3) == "]]>") {
                i += s[i] == '<' ? 9 : 3;  // CDATA sections: their text (often HTML) is read
            } else if (c == '<') {
                i = tag(s, i);
            } else if (c == '&') {
                std::string decoded;
                i = decode_entity(s, i, decoded);
                for (char d : decoded) put(d);
            } else {
                newline_run(s, i);
                ++i;
            }
        }
        flush();
        return std::move(out_);
    }

  private:
    /// Handles a tag at s[i]; returns the index after it.
    std::size_t tag(std::string_view s, std::size_t i) {
        const std::size_t gt = s.find('>', i);
        const char next = i + 1 < s.size() ? s[i + 1] : ' ';
        const bool markup = next == '/' || next == '!' || next == '?' ||
                            std::isalpha(static_cast<unsigned char>(next));
        if (gt == std::string_view::npos || !markup) {
            put('<');
            return i + 1;
        }
        std::string_view t = s.substr(i + 1, gt - i - 1);
        const bool closing = !t.empty() && t[0] == '/';
        if (closing) t.remove_prefix(1);
        t = t.substr(0, std::min(t.find_first_of(" \t\r\n/"), t.size()));
        if (iequals(t, "verse")) verse_ = !closing;
        if (is_break_tag(t)) flush();
        return gt + 1;
    }

    /// Text character c (newlines handled by newline_run).
    void put(char c) {
        if (is_space(c)) {
            space_ = true;
            return;
        }
        if (space_ && !para_.empty()) para_ += ' ';
        space_ = false;
        para_ += c;
    }

    /// A newline ends a paragraph when a blank or indented line follows (or inside a verse).
    void newline_run(std::string_view s, std::size_t i) {
        if (s[i] != '\n') return put(s[i]);
        std::size_t j = i + 1;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
        const bool blank = j >= s.size() || s[j] == '\n';
        const bool indented = j - (i + 1) >= 2 && j < s.size() && s[j] != '<';
        if (verse_ || blank || indented)
            flush();
        else
            put(' ');
    }

    void flush() {
        trim_in_place(para_);
        if (!para_.empty()) {
            if (!out_.empty()) out_ += "\n\n";
            out_ += para_;
        }
        para_.clear();
        space_ = false;
    }

    std::string out_, para_;
    bool space_ = false;
    bool verse_ = false;
};

/// Text normalised to NFC (Makhzan stores NFD).
std::string to_nfc(const std::string& s) {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
    if (U_FAILURE(ec)) return s;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    if (nfc->isNormalized(u, ec) && U_SUCCESS(ec)) return s;
    ec = U_ZERO_ERROR;
    icu::UnicodeString n = nfc->normalize(u, ec);
    if (U_FAILURE(ec)) return s;
    std::string out;
    n.toUTF8String(out);
    return out;
}

/// "880212" -> "1988-02-12" (TREC's YYMMDD); other dates unchanged. A date followed by text
/// ("January 1, 1989, Sunday, Home Edition") is cut to its first parseable comma prefix.
std::string trec_date(std::string text) {
    if (text.size() == 6 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const int yy = (text[0] - '0') * 10 + (text[1] - '0');
        return (yy >= 50 ? "19" : "20") + text.substr(0, 2) + "-" + text.substr(2, 2) + "-" +
               text.substr(4, 2);
    }
    return text;
}

/// The file's stem ("makhzan-urdu/text/0824.xml" -> "0824").
std::string file_stem(const EntryInfo& info) {
    std::string name = info.name();
    std::size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

class ProfileReader {
  public:
    ProfileReader(const ReadContext& ctx, const XmlProfile& profile,
                  std::vector<std::string_view> lang_paths = {})
        : ctx_(ctx),
          p_(profile),
          lang_paths_(std::move(lang_paths)),
          open_("<" + std::string(profile.record)),
          close_("</" + std::string(profile.record) + ">") {}

    void run() {
        std::string line;
        while (ctx_.in.getline(line, kMaxRecordBytes)) feed(line);
        if (in_record_)
            ctx_.bad(++index_,
                     "<" + std::string(p_.record) + "> element not closed before end of file");
    }
    /// Records found so far.
    std::uint64_t records() const { return index_; }

  private:
    /// Lower-cased for searching when the profile ignores case.
    std::string searchable(std::string_view s) const {
        return p_.ignore_case ? to_lower_ascii(s) : std::string(s);
    }

    /// Position of the record's opening tag in s (followed by '>' or a space), or npos.
    std::size_t find_open(std::string_view s) const {
        const std::string hay = searchable(s);
        for (std::size_t p = hay.find(open_); p != std::string::npos; p = hay.find(open_, p + 1)) {
            const std::size_t after = p + open_.size();
            if (after >= hay.size() || hay[after] == '>' || is_space(hay[after])) return p;
        }
        return std::string::npos;
    }

    void feed(std::string_view line) {
        if (!in_record_) {
            const std::size_t p = find_open(line);
            if (p == std::string::npos) return;
            block_.assign(line.substr(p));
            in_record_ = true;
        } else {
            block_ += '\n';
            block_.append(line);
        }
        const std::size_t from = block_.size() > line.size() + close_.size()
                                     ? block_.size() - line.size() - close_.size()
                                     : 0;
        const std::size_t close = searchable(std::string_view(block_).substr(from)).find(close_);
        if (close == std::string::npos) {
            if (block_.size() > kMaxRecordBytes) too_long();
            return;
        }
        std::string rest = block_.substr(from + close + close_.size());
        block_.resize(from + close);
        in_record_ = false;
        record_done();
        if (!trim(rest).empty()) feed(rest);
    }

    void too_long() {
        ctx_.bad(++index_, "record too long: <" + std::string(p_.record) + "> element over 16 MiB");
        in_record_ = false;
        block_.clear();
    }

    /// Text of the first path that has any, with the path that gave it.
    std::pair<std::string, std::string_view> first_text(
        const Block& b, const std::vector<std::string_view>& paths) const {
        for (std::string_view path : paths) {
            auto raw = element_at(b, path, p_.ignore_case);
            if (!raw) continue;
            std::string text = MarkupText().run(*raw);
            if (!text.empty()) return {p_.nfc ? to_nfc(text) : text, path};
        }
        return {};
    }

    /// Every text of the first path that has any, joined by ", " (several authors).
    std::string all_texts(const Block& b, const std::vector<std::string_view>& paths) const {
        for (std::string_view path : paths) {
            std::vector<std::string_view> raws;
            elements_at(b, path, p_.ignore_case, 0, b.text.size(), raws);
            std::string out;
            for (std::string_view raw : raws) {
                std::string text = collapse_spaces(MarkupText().run(raw));
                if (p_.nfc) text = to_nfc(text);
                if (text.empty() || out.find(text) != std::string::npos) continue;
                out += (out.empty() ? "" : ", ") + text;
            }
            if (!out.empty()) return out;
        }
        return {};
    }

    void record_done() {
        ++index_;
        fix_utf8(block_);
        Block b{block_, p_.ignore_case ? to_lower_ascii(block_) : std::string()};
        Article a;
        auto flat = [&](const std::vector<std::string_view>& paths) {
            return collapse_spaces(first_text(b, paths).first);
        };
        a.own_id = p_.id_from_file.empty() ? flat(p_.id)
                                           : std::string(p_.id_from_file) + file_stem(ctx_.info);
        a.title = flat(p_.title);
        a.body = first_text(b, p_.body).first;
        auto [date, date_path] = first_text(b, p_.date);
        a.date_text = trec_date(collapse_spaces(date));
        if (!a.date_text.empty())
            a.date_field = std::string(p_.field_prefix) + std::string(date_path);
        a.author = all_texts(b, p_.author);
        a.source = flat(p_.source);
        a.url = flat(p_.url);
        a.section = flat(p_.section);
        a.lang = p_.lang.empty() ? flat(lang_paths_) : std::string(p_.lang);
        if (a.title.empty() && a.body.empty()) return ctx_.bad(index_, "no title or body");
        a.origin = ctx_.origin(index_);
        ctx_.sink.article(std::move(a));
    }

    const ReadContext& ctx_;
    const XmlProfile& p_;
    const std::vector<std::string_view> lang_paths_;
    const std::string open_, close_;
    std::string block_;
    bool in_record_ = false;
    std::uint64_t index_ = 0;
};

/// Head after a BOM, whitespace, an XML declaration and comments.
std::string_view markup_start(std::string_view head) {
    std::string_view h = trim(strip_bom(head));
    for (;;) {
        if (h.starts_with("<?") || h.starts_with("<!--") || h.starts_with("<!DOCTYPE") ||
            h.starts_with("<!doctype")) {
            const std::size_t end = h.find(h.starts_with("<!--") ? "-->" : ">");
            if (end == std::string_view::npos) return {};
            h = trim(h.substr(end + (h.starts_with("<!--") ? 3 : 1)));
            continue;
        }
        return h;
    }
}

}  // namespace

bool is_profiled_xml(std::string_view head) {
    std::string_view h = markup_start(head);
    return (h.starts_with("<document>") || h.starts_with("<document ")) &&
           h.find("<meta>") != std::string_view::npos;
}

bool is_trec_head(std::string_view head) {
    const std::string h = to_lower_ascii(head.substr(0, 4096));
    const std::size_t doc = h.find("<doc>");
    return doc != std::string::npos && h.find("<docno>", doc) != std::string::npos &&
           trim(std::string_view(h).substr(0, doc)).find('<') == std::string_view::npos;
}

bool is_xml_head(std::string_view head) {
    const std::string_view h = markup_start(head);
    return h.size() > 1 && h[0] == '<' && std::isalpha(static_cast<unsigned char>(h[1]));
}

void read_xml(const ReadContext& ctx) {
    if (!ctx.fields.record_element().empty()) {
        const UserProfile user(ctx.fields);
        ProfileReader reader(ctx, user.profile(), user.lang_paths());
        reader.run();
        if (reader.records() == 0)
            ctx.sink.skipped_entry(ctx.info, "no <" + ctx.fields.record_element() +
                                                 "> element (--field record=) in this XML");
        return;
    }
    if (!is_profiled_xml(ctx.in.peek(4096)))
        return ctx.sink.skipped_entry(
            ctx.info, "XML without a known profile (name its article element: --field record=)");
    ProfileReader(ctx, makhzan_profile()).run();
}

void read_trec_sgml(const ReadContext& ctx) {
    ProfileReader(ctx, trec_profile()).run();
}

}  // namespace khabar::records
