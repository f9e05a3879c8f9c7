/** @file
 * @brief Plain-text articles: the first non-empty line is the title (when it is short enough to be
 *        one), the rest is the body. A front matter block (`---` / `key: value` lines / `---`, as
 *        trafilatura, Jekyll and Hugo write) gives the title, date, URL, site and author by the
 *        record field names. So does the header a saving tool writes above the text ("Source:
 *        https://…" / "Clipped: <when>"), whose time of saving is dropped. Inside an archive,
 *        the folder a file sits in names its section when it is one plain word (BBC:
 *        `bbc/business/001.txt` -> "business").
 */
#include <algorithm>
#include <cctype>
#include <optional>
#include <span>
#include <vector>

#include "dates/saving_time.h"
#include "records/field_aliases.h"
#include "records/markdown.h"
#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

/// A first line longer than this (in characters) is a paragraph, not a title: the whole text is
/// then the body and the finisher derives a title (e.g. the Urdu fake-news files, one line each).
constexpr std::size_t kMaxTitleChars = 200;

/// Folder names that hold files without saying anything about them.
constexpr std::string_view kContainerFolders[] = {
    "text",      "texts",    "txt",     "data",     "dataset",   "datasets", "doc",  "docs",
    "documents", "files",    "article", "articles", "raw",       "corpus",   "news", "stories",
    "content",   "contents", "output",  "input",    "src",       "tmp",      "misc", "all",
    "train",     "test",     "dev",     "valid",    "validation"};

/// One plain word: 2-32 letters, '-' or '_' inside.
bool is_plain_word(std::string_view s) {
    if (s.size() < 2 || s.size() > 32) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool joiner = (c == '-' || c == '_') && i > 0 && i + 1 < s.size();
        if (!letter && !joiner) return false;
    }
    return true;
}

/// The section named by the folder of an archive member: its parent folder, lower-cased, when
/// that is a plain word, not the archive's top folder and not a generic container name
/// ("text", "data", "train", ...). Files on disk get none (the root of the walk is unknown).
std::string folder_section(const EntryInfo& info) {
    std::string_view p = info.path;
    if (std::size_t nest = p.rfind("::"); nest != std::string_view::npos) p.remove_prefix(nest + 2);
    const std::size_t last = p.rfind('/');
    if (last == std::string_view::npos) return {};
    std::string_view dir = p.substr(0, last);
    const std::size_t prev = dir.rfind('/');
    if (prev == std::string_view::npos) return {};  // the archive's top folder
    std::string_view folder = dir.substr(prev + 1);
    if (!is_plain_word(folder)) return {};
    std::string section = to_lower_ascii(folder);
    for (std::string_view generic : kContainerFolders)
        if (section == generic) return {};
    return section;
}

/// Longest front matter block read (bytes).
constexpr std::size_t kMaxFrontMatter = 8192;

/// The front matter at the start of `text` ("---\ntitle: ...\ndate: ...\n---\n"): its fields
/// offered to `fields` by the record field names (title, date, url, author, source, ...), and the
/// rest of the text; nullopt when the text does not open with one.
std::optional<std::string_view> read_front_matter(std::string_view text, const FieldMapper& mapper,
                                                  FieldCollector& fields) {
    if (!text.starts_with("---\n")) return std::nullopt;
    const std::size_t end = text.substr(0, kMaxFrontMatter).find("\n---", 3);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view block = text.substr(4, end - 3);
    // Every line is "key: value" with a one-word key, a YAML list item or an indented
    // continuation; anything else (a story between two rules) is not front matter.
    for (std::string_view rest = block; !rest.empty();) {
        const std::size_t nl = rest.find('\n');
        const std::string_view line = rest.substr(0, nl);
        rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
        if (trim(line).empty() || line.starts_with(' ') || line.starts_with('\t') ||
            line.starts_with("- "))
            continue;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0 || colon > 32 || line.size() > 400)
            return std::nullopt;
        bool lower = false;  // "KARACHI: The board …" opens a wire story, not a key
        for (char c : line.substr(0, colon)) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
                return std::nullopt;
            lower = lower || std::islower(static_cast<unsigned char>(c));
        }
        if (!lower) return std::nullopt;
    }
    bool any = false;
    while (!block.empty()) {
        const std::size_t nl = block.find('\n');
        const std::string_view line = block.substr(0, nl);
        block.remove_prefix(nl == std::string_view::npos ? block.size() : nl + 1);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0 || line.starts_with(' ')) continue;
        std::string_view value = trim(line.substr(colon + 1));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front())
            value = value.substr(1, value.size() - 2);
        auto slot = mapper.lookup(trim(line.substr(0, colon)));
        // A clipper's "source:" is the page's address (Obsidian's Web Clipper), not an outlet.
        if (slot && slot->field == Field::source &&
            (value.starts_with("http://") || value.starts_with("https://")))
            slot = mapper.lookup("url");
        if (!slot || value.empty() || !fields.wants(*slot)) continue;
        fields.offer(*slot, trim(line.substr(0, colon)), std::string(value));
        any = true;
    }
    std::string_view rest = text.substr(end + 4);
    rest.remove_prefix(std::min(rest.find('\n'), rest.size()));  // the rest of the "---" line
    rest = trim(rest);
    if (!any || rest.empty()) return std::nullopt;  // no text after it: not front matter
    return rest;
}

/// Keys a saving tool writes above a page's text (a web clipper, a "save as text" add-on): where
/// the page came from, and when it was saved.
constexpr std::string_view kSourceKeys[] = {"source",    "url",      "link",   "original url",
                                            "page url",  "address",  "origin", "url source",
                                            "permalink", "canonical"};
constexpr std::string_view kSavedKeys[] = {
    "clipped",       "clipped on",     "clipped at",  "saved",       "saved on",      "saved at",
    "date saved",    "captured",       "captured on", "captured at", "capture date",  "retrieved",
    "retrieved on",  "date retrieved", "accessed",    "accessed on", "date accessed", "downloaded",
    "downloaded on", "scraped",        "scraped on",  "scraped at",  "scrape date",   "crawled",
    "crawled on",    "crawled at",     "crawl date",  "fetched",     "fetched on",    "fetched at",
    "archived",      "archived on",    "archived at", "snapshot",    "created"};
/// Other keys such a header may have, each offered to the record field named second.
constexpr std::pair<std::string_view, std::string_view> kFieldKeys[] = {
    {"title", "title"}, {"author", "author"},       {"by", "author"},
    {"date", "date"},   {"published", "published"}, {"published time", "published"},
    {"site", "site"}};
/// Keys of a header whose lines are a blank line apart (Jina Reader's), besides its source and
/// content keys.
constexpr std::string_view kSpacedKeys[] = {"title", "published time"};
/// A key with no value that ends the header: the page's text follows (Jina Reader's "Markdown
/// Content:").
constexpr std::string_view kContentKeys[] = {"markdown content", "content", "text content", "text"};
/// Most lines such a header has.
constexpr std::size_t kMaxHeaderLines = 10;

bool one_of(std::string_view key, std::span<const std::string_view> keys) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

/// The record field a header key is offered to (as the field tables spell it), or "".
std::string_view field_key(std::string_view key) {
    for (const auto& [k, field] : kFieldKeys)
        if (k == key) return field;
    return {};
}

/// One line of a saving tool's header: its key, lower-cased, and value; nullopt for a line that
/// is not `Key: value` with a key of letters and spaces.
struct HeaderLine {
    std::string key;
    std::string_view value;
};
std::optional<HeaderLine> header_line(std::string_view line) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 24) return std::nullopt;
    HeaderLine h{to_lower_ascii(trim(line.substr(0, colon))), trim(line.substr(colon + 1))};
    for (char c : h.key)
        if (!std::isalpha(static_cast<unsigned char>(c)) && c != ' ') return std::nullopt;
    return h;
}

/// The page's address: an http(s) URL under a source key.
bool is_address(const HeaderLine& h) {
    return one_of(h.key, kSourceKeys) &&
           (h.value.starts_with("http://") || h.value.starts_with("https://"));
}

/// The header a saving tool writes above a page's text, without front matter rules: `Key:
/// value` lines, one of them the page's address (an http(s) URL under a source key), the others
/// the time it was saved or fields the record names take (title, author, date). It ends at a
/// blank line that no such line follows ("Source: https://…" / "Clipped: Friday, June 26, 2026
/// at 6:23 PM", a web clipper's), or at a content key ("Title: …", "URL Source: https://…",
/// "Published Time: …", "Markdown Content:", each after a blank line, Jina Reader's). The
/// address goes to the URL field and the others to theirs; the time of saving is dropped, as it
/// is the tool's, never the story's (it would date a 1987 story 2026). Returns the text after
/// the header; nullopt when the text does not open with one.
std::optional<std::string_view> read_saving_header(std::string_view text, const FieldMapper& mapper,
                                                   FieldCollector& fields) {
    std::vector<HeaderLine> lines;
    bool address = false;
    std::size_t pos = 0, end = std::string_view::npos;  // end: where the page's text starts
    while (pos < text.size() && end == std::string_view::npos) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        const std::string_view line = trim(text.substr(pos, nl - pos));
        const std::size_t next = std::min(nl + 1, text.size());
        if (line.empty()) {
            // A blank line ends the header unless the next line is one of it.
            std::size_t k = next;
            while (k < text.size() && text[k] == '\n') ++k;
            const std::size_t knl = std::min(text.find('\n', k), text.size());
            // Only the lines a tool writes a blank line apart (Jina Reader's) go on; any other
            // ("Warning: heatwave to grip Karachi", "Date: …") is the page's first line.
            const auto h = header_line(text.substr(k, knl - k));
            const bool more = h && (one_of(h->key, kContentKeys) || one_of(h->key, kSpacedKeys) ||
                                    is_address(*h));
            if (!more) end = next;
            pos = next;
            continue;
        }
        const auto h = header_line(line);
        if (!h || lines.size() == kMaxHeaderLines) return std::nullopt;
        if (h->value.empty()) {
            if (!one_of(h->key, kContentKeys)) return std::nullopt;
            end = next;  // the page's text follows
        } else if (is_address(*h)) {
            address = true;
        } else if (!one_of(h->key, kSavedKeys) && field_key(h->key).empty()) {
            return std::nullopt;  // a line of the story ("KARACHI: …"), not the tool's
        }
        lines.push_back(*h);
        pos = next;
    }
    if (!address || end == std::string_view::npos) return std::nullopt;
    for (const HeaderLine& l : lines) {
        if (l.value.empty()) continue;
        // The key as the tables spell it, which outlives take(), as offer() asks.
        const std::string_view key = is_address(l) ? "url" : field_key(l.key);
        const std::optional<FieldSlot> slot = key.empty() ? std::nullopt : mapper.lookup(key);
        if (slot && fields.wants(*slot)) fields.offer(*slot, key, std::string(l.value));
    }
    const std::string_view rest = trim(text.substr(end));
    if (rest.empty()) return std::nullopt;
    return rest;
}

/// A field line of a news database's tagged export (Factiva: "HD  Headline", "PD  19 June 1987",
/// "AN  Document lba00…"): one of Factiva's codes, padded to four columns, then the value. Its tag,
/// and its value in `value`; "" when the line is not one.
std::string_view tagged_field(std::string_view line, std::string_view& value) {
    // Factiva's field codes; any other capitals ("UN officials said …") are the story's.
    static constexpr std::string_view kTags[] = {
        "HD", "CR", "WC", "PD", "ET", "SN",  "SC",  "ED",  "PG", "LA", "CY", "LP",  "TD",  "CT",
        "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "BY", "SE", "VOL", "ART", "HLP"};
    std::size_t n = 0;
    while (n < line.size() && n < 4 && line[n] >= 'A' && line[n] <= 'Z') ++n;
    // The value starts at the fifth column: "HD  Headline", "IPD Business".
    if (n < 2 || n > 3 || line.size() < 5 || line[n] != ' ' || (n == 2 && line[3] != ' '))
        return {};
    const std::string_view tag = line.substr(0, n);
    if (std::find(std::begin(kTags), std::end(kTags), tag) == std::end(kTags)) return {};
    value = trim(line.substr(n));
    return tag;
}

/// The documents of a tagged export (Factiva's "Full Article/Report plus Indexing" text): each
/// from its "HD" headline to its "AN" accession number; "LP" (lead) and "TD" (text) paragraphs
/// are the body, "PD" (and "ET", its time) the date, "SN" the source, "BY" the byline. False
/// when `text` is not one (it must open with "HD" and hold a "PD" line).
bool read_tagged_export(std::string_view text, const ReadContext& ctx) {
    std::string_view value;
    if (tagged_field(text.substr(0, text.find('\n')), value) != "HD" ||
        text.find("\nPD ") == std::string_view::npos)
        return false;
    std::uint64_t record = 0;
    Article a;
    std::string* into = nullptr;  // the field continuation lines go to (LP, TD: the body)
    std::string date, time;
    auto finish = [&] {
        while (a.body.ends_with('\n')) a.body.pop_back();
        if (a.title.empty() && a.body.empty()) return;
        a.date_text = time.empty() || date.empty() ? date : date + " " + time;
        a.date_field = a.date_text.empty() ? "" : "factiva:PD";
        a.origin = ctx.origin(record);
        ctx.sink.article(std::move(a));
        a = Article();
        date.clear();
        time.clear();
    };
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        const std::string_view tag = tagged_field(line, value);
        if (tag.empty()) {  // a continuation line, or a blank line between paragraphs
            if (into != nullptr) {
                const std::string_view t = trim(line);
                if (t.empty()) {
                    if (into == &a.title)
                        into = nullptr;  // the headline ends at a blank line
                    else if (!into->empty() && !into->ends_with("\n\n"))
                        *into += "\n\n";
                } else {
                    if (!into->empty() && !into->ends_with('\n')) *into += ' ';
                    *into += t;
                }
            }
            continue;
        }
        into = nullptr;
        if (tag == "HD") {
            finish();
            ++record;
            a.title = std::string(value);
            into = &a.title;  // a headline may wrap onto a second line
        } else if (tag == "LP" || tag == "TD") {
            if (!a.body.empty() && !a.body.ends_with("\n\n")) a.body += "\n\n";
            a.body += value;
            into = &a.body;
        } else if (tag == "PD") {
            date = std::string(value);
        } else if (tag == "ET") {
            time = std::string(value);
        } else if (tag == "SN") {
            a.source = std::string(value);
        } else if (tag == "BY") {
            a.author = std::string(value);
        } else if (tag == "AN") {
            a.own_id = std::string(value.starts_with("Document ") ? value.substr(9) : value);
        }
    }
    finish();
    return record > 0;
}

/// A browser's print header: "5/17/27, 6:18 AM    Headline - Site" (the day and time it was
/// printed, then the page's title, set apart by a run of spaces or a tab).
bool print_header(std::string_view line) {
    std::size_t i = 0;
    auto digits = [&](std::size_t most) {
        std::size_t n = 0;
        while (i < line.size() && n < most && std::isdigit(static_cast<unsigned char>(line[i])))
            ++i, ++n;
        return n > 0;
    };
    auto take = [&](std::string_view s) {
        if (line.substr(i, s.size()) != s) return false;
        i += s.size();
        return true;
    };
    if (!digits(2) || !take("/") || !digits(2) || !take("/") || !digits(4) || !take(", ") ||
        !digits(2) || !take(":") || !digits(2))
        return false;
    take(" AM") || take(" PM");
    const std::size_t gap = line.find_first_not_of(" \t", i);
    return gap != std::string_view::npos && (gap - i >= 2 || line[i] == '\t');
}

/// A browser's print footer: "https://site/path    1/2" (the page's address, then the page
/// number of the count); the address, or "" when the line is none.
std::string_view print_footer(std::string_view line) {
    line = trim(line);
    if (!line.starts_with("http://") && !line.starts_with("https://")) return {};
    const std::size_t gap = line.find_first_of(" \t");
    if (gap == std::string_view::npos) return {};
    const std::string_view count = trim(line.substr(gap));
    const std::size_t slash = count.find('/');
    if (slash == 0 || slash == std::string_view::npos || slash + 1 == count.size()) return {};
    for (char c : count)
        if (c != '/' && !std::isdigit(static_cast<unsigned char>(c))) return {};
    return line.substr(0, gap);
}

/// A page a browser printed to PDF, then saved as text: every printed page carries the browser's
/// header and footer (print_header, print_footer), the tool's lines, never the page's: the time
/// of printing dates nothing and the title in the header is not the headline. Removes them from
/// `text` when it opens with such a header and holds such a footer; returns the footer's address
/// (the page's URL), "" otherwise.
std::string strip_print_margins(std::string& text) {
    const std::size_t first_nl = std::min(text.find('\n'), text.size());
    if (!print_header(std::string_view(text).substr(0, first_nl))) return {};
    std::string url, out;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        const std::string_view line = std::string_view(text).substr(pos, nl - pos);
        pos = nl + 1;
        if (const std::string_view address = print_footer(line); !address.empty()) {
            if (url.empty()) url = std::string(address);
            continue;
        }
        if (print_header(line)) continue;
        (out += line) += '\n';
    }
    if (url.empty()) return {};  // a header alone: a line of the page after all
    text = std::move(out);
    return url;
}

/// The banner the Wayback Machine puts above a captured page, as a page saved from it as text
/// starts: "The Wayback Machine - https://web.archive.org/web/20270614061900/https://site/path",
/// then "42 captures · 14 Jun 2027 06:19:00" (how often and when it was captured: the archive's,
/// never the story's date). Removes both lines; returns the captured page's address, "" when
/// the text does not open so.
std::string strip_capture_banner(std::string& text) {
    constexpr std::string_view kBanner = "The Wayback Machine - ";
    if (!text.starts_with(kBanner)) return {};
    const std::size_t nl = std::min(text.find('\n'), text.size());
    std::string_view address =
        trim(std::string_view(text).substr(kBanner.size(), nl - kBanner.size()));
    // https://web.archive.org/web/TIMESTAMP[flags]/ORIGINAL
    const std::size_t web = address.find("web.archive.org/web/");
    if (web == std::string_view::npos) return {};
    const std::size_t inner = address.find('/', web + 20);
    if (inner == std::string_view::npos) return {};
    std::string url(address.substr(inner + 1));
    std::size_t end = std::min(nl + 1, text.size());
    const std::size_t nl2 = std::min(text.find('\n', end), text.size());
    if (std::string_view(text).substr(end, nl2 - end).find(" captures") != std::string_view::npos)
        end = std::min(nl2 + 1, text.size());
    while (end < text.size() && is_space(text[end])) ++end;  // the page starts after them
    text.erase(0, end);
    return url.starts_with("http") ? url : std::string();
}

/// A news database's document delivered as text (Nexis Uni and its kind): metadata lines
/// ("Document 3 of 16 retrieved …", `Section: BUSINESS; Pg. 3`, `Length: 162 words`), the
/// headline, byline and date, a line `Body`, the story, then `Load-Date: …` and more metadata
/// (`End of Document`). The metadata lines, the `Body` line and everything from `Load-Date:` on
/// go; the headline, byline and date stay for the dateline rules. False (text unchanged) when
/// the text is not one document of that kind: a `Body` line among its first lines, a
/// `Length: N words` line above it and a `Load-Date:` line below, no other `Body` after.
bool strip_database_delivery(std::string& text) {
    constexpr std::size_t kHeadLines = 60;
    // Most pages hold no "Load-Date:": they are not split into lines at all.
    if (text.find("Load-Date:") == std::string::npos) return false;
    const std::vector<std::string_view> lines = split_lines(text);
    auto starts = [](std::string_view line, std::string_view key) {
        return trim(line).starts_with(key);
    };
    std::size_t body = lines.size();
    for (std::size_t i = 0; i < std::min(lines.size(), kHeadLines); ++i)
        if (trim(lines[i]) == "Body") {
            body = i;
            break;
        }
    if (body == lines.size()) return false;
    bool length = false, load_date = false;
    for (std::size_t i = 0; i < body; ++i)
        length = length || (starts(lines[i], "Length:") &&
                            trim(lines[i]).find("words") != std::string_view::npos);
    std::size_t end = lines.size();
    for (std::size_t i = body + 1; i < lines.size() && end == lines.size(); ++i)
        if (starts(lines[i], "Load-Date:")) {
            end = i;
            load_date = true;
        }
    if (!length || !load_date) return false;
    // One document only: a file of several (another "Body" after the trailer) is left whole.
    for (std::size_t i = end + 1; i < lines.size(); ++i)
        if (trim(lines[i]) == "Body") return false;
    static constexpr std::string_view kMetaKeys[] = {
        "Section:",  "Length:",        "Language:",  "Publication-Type:", "Journal-Code:",
        "Copyright", "Document-Type:", "Load-Date:", "Edition:"};
    std::string out;
    for (std::size_t i = 0; i < end; ++i) {
        if (i == body) continue;
        const std::string_view t = trim(lines[i]);
        if (i < body) {
            if (std::any_of(std::begin(kMetaKeys), std::end(kMetaKeys),
                            [&](std::string_view k) { return t.starts_with(k); }))
                continue;
            if (t.starts_with("Document ") && t.find(" of ") != std::string_view::npos &&
                t.size() > 9 && std::isdigit(static_cast<unsigned char>(t[9])))
                continue;  // "Document 3 of 16 retrieved …": the delivery's count and time
        }
        out.append(lines[i]);
        out += '\n';
    }
    text = std::string(trim(out));
    return true;
}

/// "00:00:31,470 --> 00:00:56,720" (SubRip; WebVTT writes '.' before the milliseconds).
bool cue_timing(std::string_view line) {
    line = trim(line);
    const std::size_t arrow = line.find(" --> ");
    if (arrow == std::string_view::npos || arrow < 7) return false;
    const std::string_view from = line.substr(0, arrow);
    return std::isdigit(static_cast<unsigned char>(from.front())) && from[from.size() - 4] != ':' &&
           (from[from.size() - 4] == ',' || from[from.size() - 4] == '.') &&
           std::count(from.begin(), from.end(), ':') >= 1;
}

/// A subtitle file saved as text (SubRip .srt, WebVTT): its cues' numbers and timings go, their
/// text stays as the page's paragraphs. False (text unchanged) with fewer than two timings.
bool strip_subtitle_timing(std::string& text) {
    if (text.find(" --> ") == std::string::npos) return false;  // most pages: not split at all
    const std::vector<std::string_view> lines = split_lines(text);
    if (std::count_if(lines.begin(), lines.end(), cue_timing) < 2) return false;
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view t = trim(lines[i]);
        if (cue_timing(t) || (i == 0 && t == "WEBVTT")) continue;
        const bool number = !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        });
        if (number && i + 1 < lines.size() && cue_timing(lines[i + 1])) continue;  // cue number
        out.append(lines[i]);
        out += '\n';
    }
    text = std::move(out);
    return true;
}

/// A story shared in a chat channel and copied out of it (Discord, Slack): the poster's name, the
/// channel's day line ("#local-news — June 11, 2027 7:41 AM", a time of saving), the poster's
/// message, a line that is only the story's address, then the link's preview, its lines set off
/// by quote bars ("▌"). The lines up to the address go (the message is the poster's, not the
/// story's) and the bars are dropped; returns the address, "" when the text does not open so.
std::string strip_channel_share(std::string& text) {
    constexpr std::size_t kStampLines = 3, kMessageLines = 10;
    const std::vector<std::string_view> lines = split_lines(text, kStampLines + kMessageLines);
    std::size_t stamp = lines.size();
    for (std::size_t i = 0; i < std::min(kStampLines, lines.size()); ++i)
        if (trim(lines[i]).starts_with('#') && is_saving_time(trim(lines[i]))) {
            stamp = i;
            break;
        }
    if (stamp == lines.size()) return {};
    for (std::size_t i = stamp + 1; i < lines.size(); ++i) {
        const std::string_view t = trim(lines[i]);
        const bool address = (t.starts_with("https://") || t.starts_with("http://")) &&
                             t.find(' ') == std::string_view::npos;
        if (!address) continue;
        std::string url(t);
        const std::size_t end =
            static_cast<std::size_t>(lines[i].data() - text.data()) + lines[i].size();
        std::string out;
        for (std::string_view line :
             split_lines(std::string_view(text).substr(std::min(end, text.size())))) {
            if (line.starts_with("\xE2\x96\x8C")) {  // ▌ a preview's quote bar
                line.remove_prefix(3);
                if (line.starts_with(' ')) line.remove_prefix(1);
            }
            out.append(line);
            out += '\n';
        }
        text = std::string(trim(out));
        return url;
    }
    return {};
}

}  // namespace

void read_text(const ReadContext& ctx) {
    if (ctx.info.size > static_cast<std::int64_t>(kMaxTextBytes))
        throw EntryError("text file larger than 64 MiB");
    std::string text = text_from_bytes(ctx.in.read_all(kMaxTextBytes));
    if (text.empty()) return ctx.sink.skipped_entry(ctx.info, "empty file");
    if (read_tagged_export(text, ctx)) return;
    FieldCollector fields;
    // A note with front matter (a clipper's, a static site's), a .md file or a converter's
    // Markdown saved as .txt is Markdown: its text is read without the markup.
    const bool markdown = markdown_name(ctx.info.name()) || looks_like_markdown(text);
    if (const auto rest = read_front_matter(text, ctx.fields, fields)) {
        Article a = fields.take(ctx.origin(1));
        a.body = std::string(trim(markdown_as_text(*rest)));
        a.section = a.section.empty() ? folder_section(ctx.info) : a.section;
        return ctx.sink.article(std::move(a));
    }
    if (markdown) text = markdown_as_text(text);
    Article a = text_article(std::move(text), ctx.fields, ctx.origin(1), std::move(fields));
    a.section = folder_section(ctx.info);
    ctx.sink.article(std::move(a));
}

Article text_article(std::string text, const FieldMapper& mapper, const Origin& origin,
                     FieldCollector fields) {
    std::string printed_from = strip_print_margins(text);
    if (printed_from.empty()) printed_from = strip_capture_banner(text);
    if (printed_from.empty()) printed_from = strip_channel_share(text);
    strip_database_delivery(text);
    strip_subtitle_timing(text);
    if (const auto rest = read_saving_header(text, mapper, fields)) text = std::string(*rest);
    Article a = fields.take(origin);  // what a saving tool's header named, if any
    if (a.url.empty()) a.url = printed_from;
    std::size_t nl = text.find('\n');
    std::string_view first = trim(std::string_view(text).substr(0, nl));
    if (!a.title.empty()) {
        a.body = std::move(text);
    } else if (count_code_points(first) <= kMaxTitleChars) {
        a.title = std::string(first);
        a.title_from_first_line = true;
        if (nl != std::string::npos) a.body = std::string(trim(std::string_view(text).substr(nl)));
    } else {
        a.body = std::move(text);
    }
    a.origin = origin;
    return a;
}

}  // namespace khabar::records
