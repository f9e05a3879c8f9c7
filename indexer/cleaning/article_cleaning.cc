/** @file
 * @brief Article-level cleaning: source keys, the two passes, retitling text pages, titles
 *        derived from leads.
 */
#include "cleaning/article_cleaning.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "cleaning/blocks.h"
#include "cleaning/date_order.h"
#include "cleaning/dateline.h"
#include "cleaning/shape_rules.h"
#include "dates/date_parser.h"

namespace khabar::cleaning {

namespace {

constexpr std::uint32_t kHeadlineWords = 20;
constexpr std::uint32_t kLeadWords = 12;

std::string lower_squeezed(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

/// "https://www.Dawn.com/news/1" -> "dawn.com"; "" when there is no host.
std::string url_host(std::string_view url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    if (const std::size_t at = url.rfind('@'); at != std::string_view::npos)
        url.remove_prefix(at + 1);
    url = url.substr(0, url.find(':'));
    std::string host = lower_squeezed(url);
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    return host;
}

/// True for entries that hold one page each (the folder then names the site).
bool one_page_per_file(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) return true;
    const std::string ext = lower_squeezed(name.substr(dot));
    for (std::string_view e : {".txt", ".text", ".htm", ".html", ".xhtml", ".shtml", ".md"})
        if (ext == e) return true;
    return false;
}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// A line that reads as a headline: a few words, not a sentence ending in a full stop.
bool looks_like_headline(std::string_view line) {
    const BlockFacts f = describe_block(line);
    if (f.words == 0 || f.words > kHeadlineWords || code_points(line) > 200) return false;
    const char last = line.empty() ? '\0' : line.back();
    const bool full_stop = last == '.' || line.ends_with("\xDB\x94");  // '.' or '۔'
    return !(full_stop && f.words >= 8);
}

/// The first kept headline-like block above the story's first long block; npos when none.
std::size_t headline_block(std::string_view page, const CleanResult& r) {
    for (std::size_t i = 0; i < r.blocks.size(); ++i) {
        const BlockVerdict& b = r.blocks[i];
        if (b.removed() || b.kind == BlockKind::own_date || b.kind == BlockKind::stray_date)
            continue;
        const std::string_view text = page.substr(b.span.begin, b.span.size());
        if (looks_like_headline(text) && describe_block(text).words >= 2) return i;
        if (describe_block(text).words >= kLeadWords) break;
    }
    return static_cast<std::size_t>(-1);
}

/// first_line layout: body and title after cleaning. Returns true when the title changed.
bool retitle(Article& a, std::string_view page, const CleanResult& r) {
    // A first line that is a bare date ("June 5, 2024" above the headline, a site's date bar) is
    // no title: the headline under it is. A headline with a date in it stays the title.
    const bool first_kept =
        !r.blocks.empty() && !r.blocks[0].removed() && r.blocks[0].span.begin == 0 &&
        !((r.blocks[0].kind == BlockKind::own_date || r.blocks[0].kind == BlockKind::stray_date) &&
          detail::bare_date_line(a.title) && describe_block(a.title).words <= 6);
    if (first_kept && looks_like_headline(a.title)) {
        if (r.removed > 0) a.body = join_kept(page, r.blocks, 0);  // else the body as it was
        return false;
    }
    const std::size_t h = first_kept ? static_cast<std::size_t>(-1) : headline_block(page, r);
    if (h != static_cast<std::size_t>(-1)) {
        a.title = std::string(page.substr(r.blocks[h].span.begin, r.blocks[h].span.size()));
        a.body = join_kept(page, r.blocks, h);
        return true;
    }
    a.body = r.text;  // the first line was the story's lead: it stays in the body
    a.title_derived = a.fallback_title.empty();
    a.title = a.title_derived ? derive_title(a.body) : a.fallback_title;
    return true;
}

// ---- derive_title helpers

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        if (is_space(c))
            in = false;
        else if (!in)
            in = true, ++n;
    }
    return n;
}

/// The first line of at least five words, else the first non-blank line; never an image
/// caption or credit ("تصویر کے کاپی رائٹ Getty Images").
std::string_view lead_line(std::string_view body) {
    std::string_view first;
    for (std::size_t pos = 0; pos < body.size();) {
        std::size_t nl = std::min(body.find('\n', pos), body.size());
        std::string_view line = body.substr(pos, nl - pos);
        while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
        while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
        if (is_caption_line(line)) line = {};
        if (!line.empty() && first.empty()) first = line;
        if (word_count(line) >= 5) return line;
        pos = nl + 1;
    }
    return first;
}

/// The line without a wire dateline: "KARACHI, Nov 23: ...", "LONDON (Reuters) - ...".
std::string_view strip_wire_prefix(std::string_view line) {
    std::size_t cut = 0;
    if (auto d = find_city_dateline(line)) {
        cut = d->span.end;
    } else if (std::size_t open = line.find(" ("); open != std::string_view::npos && open < 40) {
        std::size_t close = line.find(')', open);
        if (close != std::string_view::npos && close < open + 24) cut = close + 1;
        for (std::size_t i = 0; i < open; ++i)
            if (std::islower(static_cast<unsigned char>(line[i]))) cut = 0;  // not "CITY (Agency)"
    }
    if (cut == 0) return line;
    std::string_view rest = line.substr(cut);
    while (!rest.empty() && (is_space(rest.front()) || rest.front() == ':' || rest.front() == '-'))
        rest.remove_prefix(1);
    for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"})
        if (rest.starts_with(dash)) rest.remove_prefix(dash.size());
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    return word_count(rest) >= 3 ? rest : line;
}

/// True when the '.' at `dot` ends an abbreviation or initial rather than a sentence.
bool abbreviation_dot(std::string_view s, std::size_t dot) {
    std::size_t b = dot;
    while (b > 0 && !is_space(s[b - 1])) --b;
    std::string word;
    for (char c : s.substr(b, dot - b))
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (word.size() <= 1 || word.find('.') != std::string::npos) return true;  // "J.", "U.S."
    static constexpr std::array<std::string_view, 32> kAbbreviations = {
        "mr",   "mrs", "ms",  "dr",   "st",   "jr",  "sr",  "gen",  "col", "lt", "sgt",
        "capt", "gov", "sen", "rep",  "prof", "inc", "co",  "corp", "ltd", "no", "vs",
        "jan",  "feb", "aug", "sept", "oct",  "nov", "dec", "rev",  "mt",  "ft"};
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

/// Bytes of the first sentence of s (with its final mark).
std::size_t first_sentence_end(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool at_end_or_space = i + 1 >= s.size() || is_space(s[i + 1]);
        if ((c == '!' || c == '?') && at_end_or_space) return i + 1;
        if (c == '.' && at_end_or_space && !abbreviation_dot(s, i)) return i + 1;
        if (s.substr(i).starts_with("\xDB\x94") || s.substr(i).starts_with("\xD8\x9F"))  // ۔ ؟
            return i + 2;
    }
    return s.size();
}

/// Cut s to at most max code points at a space, dropping dangling function words and commas.
std::string shorten(std::string_view s, std::size_t max) {
    if (code_points(s) <= max) return std::string(s);
    std::size_t bytes = 0;
    for (std::size_t cps = 0; bytes < s.size() && cps < max; ++cps) {
        ++bytes;
        while (bytes < s.size() && (s[bytes] & 0xC0) == 0x80) ++bytes;
    }
    std::string_view cut = s.substr(0, bytes);
    if (bytes < s.size() && !is_space(s[bytes])) {
        const std::size_t space = cut.rfind(' ');
        if (space != std::string_view::npos && space > 0) cut = cut.substr(0, space);
    }
    static constexpr std::array<std::string_view, 18> kDangling = {
        "a",   "an",   "the", "of", "and",  "or", "to",  "in",   "on",
        "for", "with", "at",  "by", "from", "as", "but", "that", "its"};
    for (bool changed = true; changed;) {
        changed = false;
        while (!cut.empty() && (is_space(cut.back()) || cut.back() == ',' || cut.back() == ';' ||
                                cut.back() == ':' || cut.back() == '-'))
            cut.remove_suffix(1), changed = true;
        const std::size_t space = cut.rfind(' ');
        if (space == std::string_view::npos) break;
        std::string last = lower_squeezed(cut.substr(space + 1));
        if (std::find(kDangling.begin(), kDangling.end(), last) != kDangling.end())
            cut = cut.substr(0, space), changed = true;
    }
    return std::string(cut) + "\xE2\x80\xA6";  // …
}

constexpr std::size_t kMaxAuditBlocks = 40;
constexpr std::size_t kMaxAuditBytes = 200;

/// At most max_bytes of s, cut at a character boundary, with "…" when cut.
std::string cut_text(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return std::string(s.substr(0, n)) + "\xE2\x80\xA6";
}

/// The removed blocks of a page with why, the first kMaxAuditBlocks of them.
std::vector<RemovedBlock> audit(std::string_view page, const CleanResult& r,
                                std::string_view source, std::uint64_t site_pages) {
    std::vector<RemovedBlock> out;
    for (const BlockVerdict& b : r.blocks) {
        if (!b.removed()) continue;
        if (out.size() == kMaxAuditBlocks) break;
        out.push_back({cut_text(page.substr(b.span.begin, b.span.size()), kMaxAuditBytes),
                       describe_removal(b, source, site_pages)});
    }
    return out;
}

/// A numeric date that could be read two ways ("04/03/1987"), read in the order the site's other
/// pages prove, else day first when it is dotted or the page is Urdu or Arabic; sets the
/// article's date (the finisher keeps it) and says why in its notes.
bool read_in_site_order(Article& a, const std::string& text, const std::string& field,
                        const Cleaner& cleaner, const std::string& source) {
    const SiteDateOrder site = site_date_order(cleaner.stats(), source);
    std::string why;
    NumericOrder order = site.order;
    if (order != NumericOrder::unknown) {
        why = fmt::format("{} pages of the site write dates that way", site.pages);
    } else if (order = unsettled_order(text, a.title); order != NumericOrder::unknown) {
        // The site does not say: dotted dates (DD.MM.YYYY) and Pakistani and Arab sites' dates
        // are written day first.
        why = dotted_date(text) ? "dotted dates are written day first"
                                : "Urdu and Arabic pages write dates day first";
    } else {
        return false;
    }
    const std::optional<Date> d = parse_date(text, order);
    if (!d) return false;
    a.date_text = text;
    a.date_field = field;
    a.date = *d;
    a.date.source = field;
    a.date_notes.push_back(fmt::format("\"{}\" read {}: {}", text, order_name(order), why));
    return true;
}

/// The note on a numeric date no order could be chosen for.
std::string either_order_note(std::string_view text) {
    return fmt::format("\"{}\" may be day or month first, and the site's other pages do not say",
                       text);
}

/// Why the page was dated from its own dateline, or why it was not.
std::string dateline_note(std::string_view page, const CleanResult& r) {
    if (r.dateline && r.dateline->parses) {
        switch (r.dateline->kind) {
            case Dateline::Kind::line:
                return fmt::format("date line above the story: \"{}\"", r.dateline->text);
            case Dateline::Kind::updated:
                return fmt::format("update line above the story (no other date of its own): \"{}\"",
                                   r.dateline->text);
            case Dateline::Kind::trailer:
                return fmt::format("publication line after a paragraph of the story: \"{}\"",
                                   r.dateline->text);
            case Dateline::Kind::city:
                return fmt::format("wire dateline opening the lead: \"{}\"", r.dateline->text);
        }
    }
    std::size_t ignored = 0;
    for (const BlockVerdict& b : r.blocks) {
        const std::string_view text = page.substr(b.span.begin, b.span.size());
        if ((b.removed() || b.kind == BlockKind::stray_date) &&
            is_date_line(text, describe_block(text)))
            ++ignored;
    }
    std::string note = "undated: no date of its own in the page's header or lead";
    if (r.dateline && r.dateline->kind == Dateline::Kind::city)
        note = fmt::format("undated: the wire dateline \"{}\" gives no year", r.dateline->text);
    else if (r.dateline)
        note = "undated: " + either_order_note(r.dateline->text);
    if (ignored > 0)
        note += fmt::format(" ({} date line{} in chrome or after the story ignored)", ignored,
                            ignored == 1 ? "" : "s");
    return note;
}

}  // namespace

namespace {

/// Folders of people's pages: SITE/author/NAME/slug.txt is keyed by SITE, not by NAME.
bool person_folder(std::string_view name) {
    static constexpr std::string_view kPeople[] = {
        "author",   "authors",   "writer", "writers", "columnist", "columnists",
        "reporter", "reporters", "people", "profile", "profiles",  "contributors"};
    const std::string n = lower_squeezed(name);
    return std::find(std::begin(kPeople), std::end(kPeople), n) != std::end(kPeople);
}

bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

bool is_name_separator(char c) {
    return c == '-' || c == '_' || c == '.';
}

/// True when a folder's name holds a day written as eight digits, 20261201 or 2026-10-05 (a
/// separator between two digits skipped), years 1900 to 2099: a batch of a download, an export
/// or a scrape day ("clips_20261201"), or a site's day ("dawn_20261201").
bool names_a_day(std::string_view n) {
    for (std::size_t i = 0; i < n.size();) {
        if (!is_digit(n[i])) {
            ++i;
            continue;
        }
        std::string run;  // one run of digits
        for (; i < n.size(); ++i) {
            if (is_digit(n[i]))
                run += n[i];
            else if (!(is_name_separator(n[i]) && i + 1 < n.size() && is_digit(n[i + 1])))
                break;
        }
        if (run.size() != 8) continue;
        const int year = std::stoi(run.substr(0, 4)), month = std::stoi(run.substr(4, 2)),
                  day = std::stoi(run.substr(6, 2));
        if (year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31)
            return true;
    }
    return false;
}

/// A folder of one day's batch: its name a day and, besides it, nothing or a word for a batch
/// ("20261201", "clips_20261201", "export-2026-10-05"). Not "dawn_20261201": that names a site.
bool batch_folder(std::string_view n) {
    if (!names_a_day(n)) return false;
    static constexpr std::string_view kBatchWords[] = {
        "clip",   "clips",   "export", "exports",  "batch",    "download", "downloads",
        "scrape", "scrapes", "crawl",  "crawls",   "dump",     "dumps",    "news",
        "day",    "fetch",   "saved",  "snapshot", "snapshots"};
    std::string word;  // the name without its digits and separators
    for (char c : n)
        if (!is_digit(c) && !is_name_separator(c)) word += c;
    return word.empty() ||
           std::find(std::begin(kBatchWords), std::end(kBatchWords), word) != std::end(kBatchWords);
}

/// Folder names that say what a page is, not which site it is from: kinds of page ("news",
/// "story"), dates ("2017", "05", "nov", names_a_day), a news site's sections ("world", "sport")
/// and people's folders (person_folder). Not a language edition ("urdu/", "en/"): its pages have
/// their own chrome.
bool generic_folder(std::string_view name) {
    // clang-format off
    static constexpr std::string_view kGeneric[] = {
        "news", "latest", "story", "stories", "articles", "article", "pages", "page", "html",
        "htm", "archive", "archives", "content", "contents", "posts", "post", "text", "txt", "jan",
        "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "world", "pakistan", "india", "national", "international", "local",
        "city", "business", "economy", "markets", "sport", "sports", "opinion", "opinions",
        "editorial", "editorials", "columns", "column", "blog", "blogs", "politics",
        "entertainment", "showbiz", "culture", "lifestyle", "health", "science", "technology",
        "tech", "education", "weather", "travel", "magazine", "video", "videos", "asia", "europe",
        "africa", "americas", "us", "uk", "middle-east", "amp", "print", "category", "categories",
        "tag", "tags", "section", "sections", "live", "breaking", "national-news", "world-news",
        "latest-news", "top-stories",};
    // clang-format on
    const std::string n = lower_squeezed(name);
    if (n.empty()) return true;
    if (std::all_of(n.begin(), n.end(), [](char c) { return is_digit(c) || is_name_separator(c); }))
        return true;                   // a year, month, day, date or numeric id
    if (batch_folder(n)) return true;  // a download's or an export's batch: clips_20261201
    return person_folder(n) ||
           std::find(std::begin(kGeneric), std::end(kGeneric), n) != std::end(kGeneric);
}

/// The last folder of a path of folders ("a/b/c" -> "c").
std::string_view last_folder(std::string_view dirs) {
    const std::size_t up = dirs.rfind('/');
    return up == std::string_view::npos ? dirs : dirs.substr(up + 1);
}

/// A folder named as a web host is, as crawlers and "save as" name them ("dawn.com",
/// "www.express.pk", "khabar-kada.pk"): letters, digits and '-' in labels joined by dots, the
/// last label a country's two letters or a common generic domain ("backup.old" is no host).
bool host_folder(std::string_view name) {
    static constexpr std::string_view kGenericDomains[] = {
        "com",  "net",  "org",   "edu",   "gov",    "mil",  "int",  "info",  "biz",
        "name", "news", "media", "press", "online", "site", "live", "today", "world"};
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return false;
    const std::string top = lower_squeezed(name.substr(dot + 1));
    const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    if (!std::all_of(top.begin(), top.end(), letter)) return false;
    if (top.size() != 2 && std::find(std::begin(kGenericDomains), std::end(kGenericDomains), top) ==
                               std::end(kGenericDomains))
        return false;
    return std::all_of(name.begin(), name.end(), [&](char c) {
        return letter(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.';
    });
}

/// The host a page's file name starts with, as scrapers that save many sites into one folder
/// name their files ("kingston-record.com.jm_2491923.txt", "www.dawn.com-news-1234.html",
/// "https___www.dawn.com_news_1.html"): the shortest prefix before a separator that is a host
/// with a dot; "" when none is. A language or file-type suffix ("index.en_2.html",
/// "notes.md_old.txt") is no host.
std::string_view host_file_prefix(std::string_view name) {
    for (std::string_view scheme : {"https", "http"})
        if (name.size() > scheme.size() + 1 &&
            lower_squeezed(name.substr(0, scheme.size())) == scheme &&
            !std::isalnum(static_cast<unsigned char>(name[scheme.size()]))) {
            name.remove_prefix(scheme.size());
            while (!name.empty() && !std::isalnum(static_cast<unsigned char>(name.front())))
                name.remove_prefix(1);
            break;
        }
    static constexpr std::string_view kNotHosts[] = {"en", "ur", "ar", "fa", "hi", "ps", "bn",
                                                     "md", "py", "js", "sh", "pl", "cc", "ts",
                                                     "gz", "xz", "db", "rb", "rs", "go"};
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (c == '.') continue;
        if (std::isalnum(static_cast<unsigned char>(c))) continue;
        const std::string_view prefix = name.substr(0, i);
        if (prefix.find('.') == std::string_view::npos) {
            if (c == '-') continue;  // "daily-news.pk_12": the host goes on past the '-'
            return {};
        }
        if (!host_folder(prefix)) {
            if (c == '-') continue;
            return {};
        }
        const std::string top = lower_squeezed(prefix.substr(prefix.rfind('.') + 1));
        if (std::find(std::begin(kNotHosts), std::end(kNotHosts), top) != std::end(kNotHosts))
            return {};
        return prefix;
    }
    return {};
}

/// A language edition's folder under a host ("bbc.com/urdu/"): its pages have their own chrome.
bool edition_folder(std::string_view name) {
    static constexpr std::string_view kEditions[] = {
        "urdu", "english", "en", "ur",      "hindi", "hi",     "arabic", "ar",      "persian",
        "fa",   "pashto",  "ps", "punjabi", "pa",    "sindhi", "sd",     "bengali", "bn"};
    const std::string n = lower_squeezed(name);
    return std::find(std::begin(kEditions), std::end(kEditions), n) != std::end(kEditions);
}

/// The key of the page's folder or its parent when it is named as a host ("dawn.com/slug.txt",
/// "khabar-kada.pk/khabar/123.txt" -> "dir:dawn.com", "dir:khabar-kada.pk"), with its language
/// edition when one follows it ("dir:bbc.com/urdu/slug.html"); "" when neither is.
std::string host_key(std::string_view dirs) {
    std::string_view below;
    // Only the page's folder and its parent: a folder higher up may be above the dump itself
    // (a home directory named "jin.li", a disk named "backup.de").
    for (int level = 0; level < 2 && !dirs.empty(); ++level) {
        const std::size_t up = dirs.rfind('/');
        const std::string_view dir = last_folder(dirs);
        if (host_folder(dir)) {
            std::string key = "dir:" + std::string(dir);
            if (!below.empty() && edition_folder(below)) key += "/" + std::string(below);
            return key;
        }
        below = dir;
        dirs = up == std::string_view::npos ? std::string_view() : dirs.substr(0, up);
    }
    return "";
}

/// A folder named as a page is: a slug of three words or more ("rap-boss-arrested"), or a number.
bool slug_folder(std::string_view name) {
    if (!name.empty() && std::all_of(name.begin(), name.end(), is_digit)) return true;
    return std::count(name.begin(), name.end(), '-') >= 2;
}

/// Source key from where the article was read (no source field, no URL, no site name): the
/// nearest folder above a one-page file named as a host (host_key), else the nearest one that
/// is not a generic name (SITE/news/slug.txt,
/// SITE/2017/05/13/slug.html -> SITE); with only generic folders, the archive the entry is in,
/// else the nearest folder. Files of many records are keyed by their name.
std::string folder_key(const Origin& origin) {
    std::string_view path = origin.entry.empty() ? std::string_view(origin.file) : origin.entry;
    if (const std::size_t nest = path.rfind("::"); nest != std::string_view::npos)
        path.remove_prefix(nest + 2);
    const std::size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (!one_page_per_file(name)) return "file:" + std::string(name);
    std::string_view dirs =
        slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
    // SITE/section/slug/index.html (a mirror, a static site): the folder is the page's name
    // when it reads as a slug (three words or more joined by '-', or a number), not as a site
    // (dawn/index.html, express-tribune/index.html: a site's front page).
    if (lower_squeezed(name.substr(0, name.find('.'))) == "index" &&
        dirs.find('/') != std::string_view::npos && slug_folder(last_folder(dirs)))
        dirs = dirs.substr(0, dirs.rfind('/'));
    // A file named by its host names its site, whatever folder it shares with other sites.
    if (std::string_view host = host_file_prefix(name); !host.empty()) {
        std::string key = lower_squeezed(host);
        for (std::string_view sub : {"www.", "m.", "amp.", "mobile."})  // one site, its editions
            if (key.starts_with(sub) && key.find('.', sub.size()) != std::string::npos) {
                key.erase(0, sub.size());
                break;
            }
        return "dir:" + key;
    }
    // A crawler's host folder names the site, whatever folders its pages sit in below it: a
    // section ("karachi"), or a word that means "news" in another language ("khabar").
    if (std::string key = host_key(dirs); !key.empty()) return key;
    std::string_view nearest;
    while (!dirs.empty()) {
        const std::size_t up = dirs.rfind('/');
        const std::string_view dir = last_folder(dirs);
        if (nearest.empty()) nearest = dir;
        const std::string_view parent_dirs =
            up == std::string_view::npos ? std::string_view() : dirs.substr(0, up);
        if (!generic_folder(dir) && !person_folder(last_folder(parent_dirs)))
            return "dir:" + std::string(dir);
        dirs = parent_dirs;
    }
    if (!origin.entry.empty()) {  // only generic folders inside an archive: the archive
        std::string_view file = origin.file;
        if (const std::size_t up = file.rfind('/'); up != std::string_view::npos)
            file.remove_prefix(up + 1);
        return "dir:" + std::string(file);
    }
    return "dir:" + std::string(nearest);
}

}  // namespace

std::string source_key(const Article& a) {
    const std::string site_name = lower_squeezed(a.site_name);
    if (std::string s = lower_squeezed(a.source); !s.empty() && s != site_name)
        return "source:" + s;
    if (std::string host = url_host(a.url); !host.empty()) return "site:" + host;
    if (!site_name.empty()) return "source:" + site_name;
    return folder_key(a.origin);
}

std::string page_text(const Article& a, TitleLayout layout) {
    if (layout == TitleLayout::separate || a.title.empty()) return a.body;
    return a.title + "\n\n" + a.body;  // the blank line keeps the title its own block
}

void add_to_stats(BlockStats& stats, const Article& a, TitleLayout layout, BlockStats* batches,
                  std::span<const std::string> batch_keys) {
    add_hashes_to_stats(stats, a, page_hashes(page_text(a, layout)), batches, batch_keys);
}

void add_hashes_to_stats(BlockStats& stats, const Article& a, std::vector<std::uint64_t> hashes,
                         BlockStats* batches, std::span<const std::string> batch_keys) {
    count_stats_hashes(stats, a, page_stats_hashes(a, std::move(hashes)), batches, batch_keys);
}

std::vector<std::uint64_t> page_stats_hashes(const Article& a, std::vector<std::uint64_t> hashes) {
    add_date_order_evidence({a.title, a.body, a.date_text}, hashes);
    return hashes;
}

void count_stats_hashes(BlockStats& stats, const Article& a, std::vector<std::uint64_t> hashes,
                        BlockStats* batches, std::span<const std::string> batch_keys) {
    if (batches != nullptr)
        for (const std::string& key : batch_keys) batches->add_page_hashes(key, hashes);
    stats.add_page_hashes(source_key(a), std::move(hashes));
}

StatsLimits batch_limits() {
    StatsLimits limits;
    limits.sketch_width = std::size_t{1} << 18;
    limits.max_pairs = std::size_t{1} << 17;
    limits.max_sources = std::size_t{1} << 20;
    return limits;
}

ArticleCleaning clean_article(Article& a, const Cleaner& cleaner, TitleLayout layout,
                              std::span<const std::string> batches, const PageReading* reading) {
    const std::string page = page_text(a, layout);
    const std::string source = source_key(a);
    const CleanResult r = cleaner.clean(source, page, a.title, batches, reading);
    ArticleCleaning out;
    out.removed_blocks = r.removed;
    a.removed_chrome = audit(page, r, source, cleaner.stats().pages(source));
    if (layout == TitleLayout::first_line && !a.title.empty()) {
        out.title_replaced = retitle(a, page, r);
    } else {
        a.body = r.text;
    }
    if (a.title.empty() && !a.body.empty()) {  // a page that is all story (no headline line)
        a.title = derive_title(a.body);
        a.title_derived = true;
        out.title_replaced = true;
    }
    if (a.date_text.empty()) {
        if (r.dateline && !r.dateline->parses && r.dateline->kind != Dateline::Kind::city &&
            read_in_site_order(a, r.dateline->text, "dateline", cleaner, source)) {
            out.dated = true;
        } else {
            a.date_notes.push_back(dateline_note(page, r));
        }
        if (r.dateline && r.dateline->parses) {
            a.date_text = r.dateline->text;
            a.date_field = "dateline";
            out.dated = true;
        }
    } else if (!parse_date(a.date_text) &&
               !read_in_site_order(a, a.date_text, a.date_field, cleaner, source) &&
               parse_date(a.date_text, NumericOrder::day_first)) {
        const std::string ambiguous = a.date_text;
        if (r.dateline && r.dateline->parses) {  // the page's own dateline reads one way
            a.date_text = r.dateline->text;
            a.date_field = "dateline";
            out.dated = true;
            a.date_notes.push_back(dateline_note(page, r));
        }
        a.date_notes.push_back((out.dated ? "" : "undated: ") + either_order_note(ambiguous));
    }
    return out;
}

std::string derive_title(std::string_view body, std::size_t max_chars) {
    std::string_view line = strip_wire_prefix(lead_line(body));
    std::string_view sentence = line.substr(0, first_sentence_end(line));
    while (!sentence.empty() && is_space(sentence.back())) sentence.remove_suffix(1);
    if (code_points(sentence) <= max_chars) {  // a headline has no final full stop
        if (sentence.ends_with("."))
            sentence.remove_suffix(1);
        else if (sentence.ends_with("\xDB\x94"))
            sentence.remove_suffix(2);  // ۔
    }
    return shorten(sentence, max_chars);
}

}  // namespace khabar::cleaning
