/** @file
 * @brief Chrome by the page's own shape: the label table, lists after the story, navigation,
 *        captions (shape_rules.h).
 */
#include "cleaning/shape_rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "dates/date_parser.h"
#include "records/text_util.h"

namespace khabar::cleaning {

namespace {

using detail::Page;
using detail::PageBlock;

/// A list label; `prefix`: it may be followed by more words ("More from Dawn").
struct LabelEntry {
    std::string_view text;
    bool prefix = false;
    bool alone = false;  ///< chrome on its own, wherever it stands ("Advertisement")
    bool suffix = false;  ///< may follow a few words ("کرکٹ سے متعلق یہ بھی پڑھیے")
    bool pointer = false;  ///< points the reader to another story ("Read also: …", "Next post: …")
};

/// Every label of a list of other stories, in one table (English, Urdu, Portuguese, Spanish), as
/// news sites and blogs write them.
constexpr LabelEntry kLabels[] = {
    {"Read more", false, false, false, true},
    {"Read next", false, false, false, true},
    {"Read also", false, false, false, true},
    {"Also read", false, false, false, true},
    {"See also", false, false, false, true},
    {"Related"},
    {"Related stories"},
    {"Related articles"},
    {"Related news"},
    {"Related content"},
    {"Related posts"},
    {"Related coverage"},
    {"Related topics"},
    {"Related links"},
    {"More on this story"},
    {"More stories"},
    {"More news"},
    {"More headlines"},
    {"More from", true},
    {"More in", true},
    {"More on", true},
    {"More great wired stories", false, true},
    {"Popular on", true},
    {"Latest from", true},
    {"Top stories"},
    {"Top news"},
    {"Top headlines"},
    {"Most read"},
    {"Most popular"},
    {"Most viewed"},
    {"Most shared"},
    {"Most commented"},
    {"MUST WATCH"},
    {"Must read"},
    {"Latest"},
    {"Latest news"},
    {"Latest headlines"},
    {"Latest stories"},
    {"Our latest stories"},
    {"Our latest"},
    {"More coverage"},
    {"Our other coverage"},
    {"Latest videos"},
    {"Recent articles"},
    {"Recent posts"},
    {"Recent stories"},
    {"Recent news"},
    {"Breaking news"},
    {"Trending"},
    {"Trending now"},
    {"Trending stories"},
    {"Popular"},
    {"Popular stories"},
    {"Recommended"},
    {"Recommended for you"},
    {"Recommended stories"},
    {"You may also like"},
    {"You might also like"},
    {"You may like"},
    {"You may have missed"},
    {"Don't miss"},
    {"Editor's picks"},
    {"Editors' picks"},
    {"In case you missed it"},
    {"Around the web"},
    {"In other news"},
    {"What to read next"},
    {"Up next"},
    {"Watch next"},
    {"Further reading"},
    {"Featured"},
    {"Featured stories"},
    {"Featured news"},
    {"Featured posts"},
    {"Featured articles"},
    {"Spotlight"},
    {"Just in"},
    {"News in brief"},
    {"Headlines"},
    {"Today's headlines"},
    {"Popular now"},
    {"Popular posts"},
    {"Popular news"},
    {"Popular articles"},
    {"Most read stories"},
    {"Most read articles"},
    {"Most read news"},
    {"Most watched"},
    {"Most emailed"},
    {"Most discussed"},
    {"Latest posts"},
    {"Latest articles"},
    {"Related videos"},
    {"Related reading"},
    {"Other stories"},
    {"Other news"},
    {"More top stories"},
    {"More like this"},
    {"Similar stories"},
    {"Similar articles"},
    {"Top picks"},
    {"Editor's choice"},
    {"Editors' choice"},
    {"Staff picks"},
    {"Hot topics"},
    {"What's hot"},
    {"Stories you may like"},
    {"You may also be interested in"},
    {"You might be interested in"},
    {"Recommended reading"},
    {"Recommended articles"},
    {"Recommended videos"},
    {"Read this next"},
    {"Keep reading"},
    {"More to read"},
    {"Explore more"},
    {"From around the web"},
    {"From the web"},
    {"Continue reading the main story", false, true},
    {"Previous post", false, false, false, true},
    {"Next post", false, false, false, true},
    {"Previous article", false, false, false, true},
    {"Next article", false, false, false, true},
    {"Previous story", false, false, false, true},
    {"Next story", false, false, false, true},
    {"Opinion"},
    {"Editorial"},
    {"Editorials"},
    {"Columns"},
    {"Advertisement", false, true},
    {"Sponsored", false, true},
    {"Sponsored content", false, true},
    {"SUBSCRIBE", false, true},
    {"Sharing is caring!", false, true},
    {"Share this article", false, true},
    {"Share this story", false, true},
    {"Skip to content", false, true},
    {"Skip to main content", false, true},
    // Portuguese and Spanish
    {"Você pode gostar", true},
    {"Voce pode gostar", true},
    {"Você também pode gostar", true},
    {"Leia também"},
    {"Leia mais"},
    {"Veja também"},
    {"Mais lidas"},
    {"Notícias relacionadas"},
    {"Te puede interesar"},
    {"Lee también"},
    {"Más leídas"},
    {"Noticias relacionadas"},
    // Urdu
    {"تازہ ترین"},
    {"مزید پڑھیں", false, false, true, true},
    {"مزید پڑھیے", false, false, false, true},
    {"متعلقہ خبریں"},
    {"یہ بھی پڑھیے", false, false, true, true},
    {"یہ بھی پڑھیں", false, false, true, true},
    {"آج کے کالم"},
    {"یہ خبر بھی پڑھیے", false, false, false, true},
    {"یہ خبر بھی پڑھیں", false, false, false, true},
    {"مزید خبریں"},
    {"اہم خبریں"},
    {"مقبول خبریں"},
    {"پچھلی خبر", false, false, false, true},
    {"اسی بارے میں"},
    {"ہماری دیگر کوریج"},
    {"دیگر کوریج"},
    {"اسی موضوع پر"},
    {"سب سے زیادہ پڑھی جانے والی"},
    {"سب سے زیادہ پڑھی جانے والی خبریں"},
    {"زیادہ پڑھی جانے والی خبریں"},
    {"مقبول ترین"},
    {"ٹاپ اسٹوریز"},
    {"ٹاپ سٹوریز"},
    {"اہم ترین"},
    {"متعلقہ"},
    {"متعلقہ مضامین"},
    {"متعلقہ تحریریں"},
    {"متعلقہ ویڈیوز"},
    {"مزید تحریریں"},
    {"مزید کالم"},
    {"کالمز"},
    {"اداریہ"},
    {"تازہ خبریں"},
    {"آج کی اہم خبریں"},
    {"دیگر خبریں"},
    {"ضرور پڑھیں"},
    {"بریکنگ نیوز"},
    {"ٹرینڈنگ"},
    {"یہ بھی دیکھیں", false, false, false, true},
    {"اگلی خبر", false, false, false, true},
};

/// Single words of site navigation (a menu above the story).
constexpr std::string_view kNavWords[] = {
    "home",     "news",      "world",       "pakistan",      "india",      "business", "sport",
    "sports",   "opinion",   "editorial",   "entertainment", "technology", "tech",     "science",
    "health",   "lifestyle", "life",        "culture",       "politics",   "video",    "videos",
    "live",     "latest",    "menu",        "search",        "login",      "sign in",  "subscribe",
    "register", "more",      "e-paper",     "epaper",        "magazine",   "blogs",    "weather",
    "travel",   "markets",   "economy",     "education",     "us",         "uk",       "asia",
    "africa",   "europe",    "middle east", "صفحہ اول",      "پاکستان",    "دنیا",     "کھیل",
    "کاروبار",  "شوبز",      "ویڈیو"};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// The shape of a block without final punctuation: "Read more:" and "read more…" agree.
std::string label_shape(std::string_view block) {
    std::string s = block_shape(block);
    for (bool changed = true; changed && !s.empty();) {
        changed = false;
        for (std::string_view tail : {":", "!", ".", "?", "\xE2\x80\xA6", "\xC2\xBB", ">", "|",
                                      "\xE2\x80\xBA", "-", " ", "\xDB\x94", "\xD8\x9B"}) {
            if (s.size() >= tail.size() && s.ends_with(tail)) {
                s.resize(s.size() - tail.size());
                changed = true;
            }
        }
    }
    return s;
}

/// The table's labels by shape, built once: for each way a block can be a label (the whole
/// block, its first words, its last words), the first entry of kLabels of that shape.
struct LabelLookup {
    std::vector<std::string> shapes;  // label_shape of each entry, in table order
    std::unordered_map<std::string_view, int> whole, prefix, suffix;

    LabelLookup() {
        shapes.reserve(std::size(kLabels));
        for (const LabelEntry& e : kLabels) shapes.push_back(label_shape(e.text));
        for (std::size_t i = 0; i < shapes.size(); ++i) {
            const auto at = static_cast<int>(i);
            whole.try_emplace(shapes[i], at);  // the first entry of a shape wins, as in the table
            if (kLabels[i].prefix) prefix.try_emplace(shapes[i], at);
            if (kLabels[i].suffix) suffix.try_emplace(shapes[i], at);
        }
    }
    static int find(const std::unordered_map<std::string_view, int>& m, std::string_view key) {
        const auto it = m.find(key);
        return it == m.end() ? -1 : it->second;
    }
};

const LabelLookup& label_lookup() {
    static const LabelLookup lookup;
    return lookup;
}

/// Index into kLabels of the label `block` is, or -1: the first entry of the table whose shape
/// is the block's, or (a prefix entry) its first words, or (a suffix entry, a block of at most
/// six words) its last words.
int label_index(std::string_view block) {
    if (block.size() > 80) return -1;
    const std::string s = label_shape(block);
    if (s.empty()) return -1;
    const LabelLookup& table = label_lookup();
    int best = LabelLookup::find(table.whole, s);
    const auto take = [&best](int i) {
        if (i >= 0 && (best < 0 || i < best)) best = i;
    };
    const auto spaces = std::count(s.begin(), s.end(), ' ');
    const std::string_view view(s);
    for (std::size_t k = view.find(' '); k != std::string_view::npos; k = view.find(' ', k + 1)) {
        take(LabelLookup::find(table.prefix, view.substr(0, k)));
        if (spaces < 6) take(LabelLookup::find(table.suffix, view.substr(k + 1)));
    }
    return best;
}

/// label_index of a page's block, asked once per block.
int label_of(const PageBlock& b) {
    if (b.label_index == PageBlock::kNotAsked) b.label_index = label_index(b.text);
    return b.label_index;
}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// "Q: ...", "A: ...", "Q. ...": a line of an interview, never a headline.
bool qa_line(std::string_view text) {
    return text.size() > 2 && (text[0] == 'Q' || text[0] == 'A') &&
           (text[1] == ':' || text[1] == '.') && is_space(text[2]);
}

/// A line that reads as a headline of a list: a few words, no final full stop, not a line that
/// runs on (',' or ':' at its end), not a Q&A line.
bool headline_like(const PageBlock& b) {
    if (b.date || b.facts.words == 0 || b.facts.words > 16 || code_points(b.text) > 140)
        return false;
    const bool cut = b.text.ends_with("\xDB\x94\xDB\x94");  // "۔۔۔": an Urdu "..."
    if ((b.facts.full_stop && !cut) || b.text.ends_with(':') || b.text.ends_with(',')) return false;
    if (b.facts.numbers >= 2 || 2 * b.facts.numbers >= b.facts.words) return false;  // figures
    return !qa_line(b.text);
}

/// "Read more: Facebook refuses Pakistan's request": a label and a headline on one line; the
/// label's index, or -1.
int inline_label_index(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 40) return -1;
    const int label = label_index(text.substr(0, colon));
    if (label < 0) return -1;
    const BlockFacts rest = describe_block(text.substr(colon + 1));
    return rest.words > 0 && rest.words <= 20 && !rest.full_stop ? label : -1;
}

int inline_label(const PageBlock& b) {
    return inline_label_index(b.text);
}

/// What a block can be in a list.
enum class Item { label, caption, date, headline, paragraph, other };

Item item_of(const PageBlock& b, std::uint32_t teaser_words) {
    if (label_of(b) >= 0) return Item::label;
    if (is_caption_line(b.text)) return Item::caption;
    if (detail::is_trailer(b.text)) return Item::other;  // the story's, never a list item
    if (b.date) return Item::date;
    if (headline_like(b) || inline_label(b) >= 0) return Item::headline;
    return b.facts.words <= teaser_words ? Item::paragraph : Item::other;
}

constexpr std::uint32_t kTeaserWords = 60;
constexpr std::uint32_t kAnchorWords = 12;
constexpr std::uint32_t kLinkLineWords = 10;  ///< most words before a source link's address
constexpr std::uint32_t kDateLineWords = 6;   ///< most words of a list entry's date line
constexpr std::uint32_t kHeadingWords = 4;    ///< most words of a list's heading
constexpr std::size_t kForecastWords = 3;     ///< most words after each day of a list above

/// A paragraph of the story: a sentence paragraph of 12 words or more, or one of 24.
bool story_paragraph(const PageBlock& b) {
    if (b.kind != BlockKind::content || b.date) return false;
    return (b.facts.sentence_end && b.facts.words >= kAnchorWords) ||
           b.facts.words >= 2 * kAnchorWords;
}

/// A list found from block `begin`: [begin, end), with its counts.
struct ListRun {
    std::size_t end = 0;
    std::size_t headlines = 0, dates = 0, labels = 0;
    int label = -1;  ///< the first label (index into kLabels)
};

/// The list of items from `begin`: labels, captions, dates, headlines, and a teaser paragraph
/// right after a headline or date when another item (or the page's end) follows it, or one that
/// ends no sentence right after a label (a first entry's headline with figures in it).
ListRun scan_list(const Page& page, std::size_t begin, const std::vector<Item>& items) {
    ListRun run;
    std::size_t j = begin;
    for (; j < page.size(); ++j) {
        if (page[j].kind != BlockKind::content && page[j].kind != BlockKind::chrome) break;
        const Item it = items[j];
        if (it == Item::paragraph) {
            // After a label, a short line with figures that ends no sentence ("20 ہزار 437 …
            // نے رجسٹریشن کرالی"), not a story's paragraph under a crosshead.
            const bool after_item =
                j > begin && (items[j - 1] == Item::headline || items[j - 1] == Item::date ||
                              (items[j - 1] == Item::label && !page[j].facts.full_stop));
            const bool before_item = j + 1 == page.size() || (items[j + 1] != Item::paragraph &&
                                                              items[j + 1] != Item::other);
            if (after_item && before_item) continue;
            break;
        }
        if (it == Item::other) break;
        if (it == Item::label && run.headlines + run.dates > 0) break;  // the next list
        if (it == Item::label) {
            ++run.labels;
            if (run.label < 0) run.label = label_of(page[j]);
        }
        run.headlines += it == Item::headline;
        run.dates += it == Item::date;
    }
    run.end = j;
    return run;
}

/// True when a story paragraph follows block `from`.
bool story_after(const Page& page, std::size_t from) {
    for (std::size_t k = from; k < page.size(); ++k)
        if (story_paragraph(page[k])) return true;
    return false;
}

void mark(PageBlock& b, Reason why, std::string_view label = {}) {
    const bool caption_title = why == Reason::caption && b.kind == BlockKind::title;
    if (b.kind != BlockKind::content && !caption_title) return;  // the title, or already chrome
    b.remove(why);
    b.label = label;
}

/// A label that is chrome even with no list after it (the list was an image or a widget):
/// "You may also like:", "Você pode gostar...", "Related stories" — two words or more, or a
/// colon or "..." at its end; not a lone "Opinion" or "Latest", which may head a paragraph.
bool unmistakable_label(const PageBlock& b) {
    return b.facts.words >= 2 || b.text.ends_with(':') || b.text.ends_with("...") ||
           b.text.ends_with("\xE2\x80\xA6");
}

/// Lists after the story start: labelled ones anywhere, unlabelled headline-and-date lists
/// only when no story paragraph follows.
void remove_lists(Page& page, std::size_t start, const std::vector<Item>& items) {
    for (std::size_t i = start + 1; i < page.size();) {
        const Item it = items[i];
        if (it != Item::label && it != Item::headline && it != Item::date) {
            ++i;
            continue;
        }
        const ListRun run = scan_list(page, i, items);
        const bool labelled =
            it == Item::label && (run.headlines + run.dates > 0 || run.end == page.size());
        // Dates interleaved with the headlines (one per item or so), not a schedule under two
        // day headings.
        const bool dated = run.headlines >= 2 && run.dates >= 2 && run.headlines <= 4 * run.dates &&
                           !story_after(page, run.end);
        if (labelled || dated) {
            const std::string_view label =
                run.label >= 0 ? kLabels[static_cast<std::size_t>(run.label)].text : "";
            // A short crosshead of the story's next paragraph ends a list inside the story.
            std::size_t end = run.end;
            if (end < page.size() && end > i + 1 && items[end - 1] == Item::headline &&
                page[end - 1].facts.words <= 3 && story_paragraph(page[end]))
                --end;
            for (std::size_t k = i; k < end; ++k)
                mark(page[k], labelled ? Reason::list_label : Reason::shape_list, label);
        } else {
            if (it == Item::label && unmistakable_label(page[i]))
                mark(page[i], Reason::list_label,
                     kLabels[static_cast<std::size_t>(run.label)].text);
            // Not a list: its "Read also: headline" lines ("Previous post: …", "Next post: …")
            // are still chrome; a story's own "Latest: …" update lines are not.
            for (std::size_t k = i; k < std::max(run.end, i + 1); ++k)
                if (const int l = items[k] == Item::headline ? inline_label(page[k]) : -1;
                    l >= 0 && kLabels[static_cast<std::size_t>(l)].pointer)
                    mark(page[k], Reason::list_label, kLabels[static_cast<std::size_t>(l)].text);
        }
        i = std::max(run.end, i + 1);
    }
}

/// Entries a list needs: with a label, and without one.
constexpr std::size_t kLabelledEntries = 2, kBareEntries = 3;

/// A list entry's parts, coarsely: its date line, or its text (a headline, a teaser, or a
/// headline too long to read as one).
enum class Part { date, text, other };

Part part_of(Item it) {
    if (it == Item::date) return Part::date;
    return it == Item::headline || it == Item::paragraph ? Part::text : Part::other;
}

/// The written form of a date line, without its values: digits (ASCII, Urdu, Arabic-Indic) as
/// '0', letters as 'a', punctuation and spaces kept. "12 June 2024" and "3 May 2024" agree;
/// "Last updated on 5th March 1987" or "پیر ۲ دسمبر ۲۰۲۴" differ from them.
std::string date_form(std::string_view text) {
    std::string out;
    auto put = [&](char c) {
        if (out.empty() || out.back() != c || (c != '0' && c != 'a' && c != ' ')) out += c;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (const std::size_t digit = digit_bytes(text, i); digit > 0) {
            put('0');
            i += digit - 1;
        } else if (c == 0xD8 && next == 0x8C) {  // the Arabic comma "،"
            put(',');
            ++i;
        } else if (std::isalpha(c) || c >= 0x80) {
            put('a');
        } else {
            put(is_space(text[i]) ? ' ' : text[i]);
        }
    }
    return out;
}

/// A list entry's date: either order of a numeric date whose day and month could be swapped
/// (`۰۵/۱۱/۲۰۲۶`, `04/03/1987`), as is_date_line reads one; which it means does not matter here.
std::optional<khabar::Date> parse_stamp(std::string_view text) {
    return parse_date(text, khabar::NumericOrder::day_first);
}

/// Words of a date at the end of a line, at most ("Thu, June 13, 2024, 7:00 AM").
constexpr std::size_t kDateTailWords = 6;

std::size_t relative_time_tail(std::string_view text);

/// Where a relative time that ends a line starts ("… | 8 hours ago", "… | 8 گھنٹے قبل", "… · 1 دن
/// پہلے"): after a bar, '·' or dash, a number (or "a", "an", "ایک"), a unit, "ago"; npos when the
/// line does not end so.
std::size_t relative_time_start(std::string_view text) {
    const std::size_t at = relative_time_tail(text);
    if (at == std::string_view::npos) return at;
    // Set off from a headline by a bar, '·' or dash ("His boat left 25 days ago" is a sentence).
    std::string_view before = text.substr(0, at);
    while (!before.empty() && is_space(before.back())) before.remove_suffix(1);
    for (std::string_view sep : {"|", "\xC2\xB7", "\xE2\x80\x94", "\xE2\x80\x93"})
        if (before.ends_with(sep)) return at;
    return std::string_view::npos;
}

/// Where "N unit ago" (a number, or "a", "an", "ایک"; a unit; "ago", "قبل", "پہلے") or "Nh ago"
/// that ends a line starts, whatever is before it; npos when the line does not end so.
std::size_t relative_time_tail(std::string_view text) {
    static constexpr std::string_view kUnits[] = {
        "second", "seconds", "sec",  "secs",  "minute", "minutes", "min",   "mins",
        "hour",   "hours",   "hr",   "hrs",   "day",    "days",    "week",  "weeks",
        "month",  "months",  "year", "years", "سیکنڈ",  "منٹ",     "گھنٹہ", "گھنٹے",
        "گھنٹوں", "دن",      "دنوں", "ہفتہ",  "ہفتے",   "ہفتوں",   "ماہ",   "مہینہ",
        "مہینے",  "مہینوں",  "سال",  "سالوں", "روز",    "منٹوں",   "سیکنڈز"};
    std::array<std::string_view, 3> w;  // the last three words, last first
    std::array<std::size_t, 3> at{};
    std::size_t end = text.size();
    for (std::size_t k = 0; k < w.size(); ++k) {
        while (end > 0 && is_space(text[end - 1])) --end;
        if (end == 0) return std::string_view::npos;
        std::size_t begin = text.find_last_of(" \t", end - 1);
        begin = begin == std::string_view::npos ? 0 : begin + 1;
        w[k] = text.substr(begin, end - begin);
        at[k] = begin;
        end = begin;
    }
    const std::string ago = records::to_lower_ascii(w[0]), unit = records::to_lower_ascii(w[1]);
    if (ago != "ago" && ago != "قبل" && ago != "پہلے") return std::string_view::npos;
    // "7h ago", "1d ago", "30min ago": the number and its unit in one word.
    if (std::size_t digits = 0;
        !unit.empty() && std::isdigit(static_cast<unsigned char>(unit[0]))) {
        while (digits < unit.size() && std::isdigit(static_cast<unsigned char>(unit[digits])))
            ++digits;
        const std::string_view glued = std::string_view(unit).substr(digits);
        const bool short_unit = glued == "s" || glued == "m" || glued == "h" || glued == "d" ||
                                glued == "w" || glued == "mo" || glued == "y" || glued == "hr" ||
                                glued == "hrs" || glued == "min" || glued == "mins";
        return digits > 3 || !short_unit ? std::string_view::npos : at[1];
    }
    if (std::find(std::begin(kUnits), std::end(kUnits), unit) == std::end(kUnits))
        return std::string_view::npos;
    const std::string_view n = w[2];
    const bool number = !n.empty() && digit_bytes(n, 0) > 0;
    if (!number && n != "a" && n != "an" && n != "ایک") return std::string_view::npos;
    return at[2];
}

/// Where the text after a line's last bar, '·' or dash starts (spaces skipped), when a headline of
/// some length comes before it; npos when the line has none.
std::size_t stamp_after_separator(std::string_view text) {
    // The end of the last bar, '·' (C2 B7), em or en dash (E2 80 94, E2 80 93).
    std::size_t sep_end = std::string_view::npos;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    for (std::size_t end = text.size(); end > 0; --end) {
        const unsigned char c = byte(end - 1);
        if (c == '|' || (c == 0xB7 && end >= 2 && byte(end - 2) == 0xC2) ||
            ((c == 0x94 || c == 0x93) && end >= 3 && byte(end - 2) == 0x80 &&
             byte(end - 3) == 0xE2)) {
            sep_end = end;
            break;
        }
    }
    if (sep_end == std::string_view::npos || sep_end < 8) return std::string_view::npos;
    std::size_t start = sep_end;
    while (start < text.size() && is_space(text[start])) ++start;
    return start;
}

/// Where a day named relative to today that ends a line starts ("… — آج 05:00", "… | کل 07:34",
/// "… · Yesterday, 10:30 PM", "… — Today at 5:00"): after a bar, '·' or dash, the day's word,
/// then a clock time or nothing; npos when the line does not end so.
std::size_t relative_day_start(std::string_view text) {
    static constexpr std::string_view kDays[] = {"today", "yesterday", "آج", "کل", "گزشتہ روز"};
    const std::size_t start = stamp_after_separator(text);
    if (start == std::string_view::npos) return std::string_view::npos;
    std::string tail = records::to_lower_ascii(text.substr(start));
    while (!tail.empty() && is_space(tail.back())) tail.pop_back();
    for (std::string_view day : kDays) {
        if (!tail.starts_with(day)) continue;
        std::string_view rest = std::string_view(tail).substr(day.size());
        if (!rest.empty() && !is_space(rest.front()) && rest.front() != ',') continue;
        while (!rest.empty() && (is_space(rest.front()) || rest.front() == ','))
            rest.remove_prefix(1);
        if (rest.starts_with("at ")) rest.remove_prefix(3);
        // Nothing more, or a clock time ("05:00", "10:30 pm").
        std::size_t digits = 0;
        while (digits < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[digits])) ||
                                        rest[digits] == ':' || rest[digits] == '.'))
            ++digits;
        std::string_view after = rest.substr(digits);
        while (!after.empty() && is_space(after.front())) after.remove_prefix(1);
        const bool clock = digits >= 4 && rest.substr(0, digits).find(':') != std::string::npos;
        if (rest.empty() || (clock && (after.empty() || after == "am" || after == "pm" ||
                                       after == "a.m." || after == "p.m.")))
            return start;
    }
    return std::string_view::npos;
}

std::size_t letter_words(std::string_view text);

/// Where a day without its year that ends a line starts ("… — 19 جنوری، 05:00", "… | Jan 19,
/// 10:25"): after a bar, '·' or dash, a day and a month name (one word of letters, at most 30
/// bytes), then a clock time; npos when the line does not end so. A list entry's stamp, never a
/// date.
std::size_t yearless_day_start(std::string_view text) {
    const std::size_t start = stamp_after_separator(text);
    if (start == std::string_view::npos) return std::string_view::npos;
    std::string_view tail = text.substr(start);
    while (!tail.empty() && is_space(tail.back())) tail.remove_suffix(1);
    // A clock time at the end ("05:00", "10:25 pm"), then the commas before it.
    for (std::string_view half : {" am", " pm", " AM", " PM"})
        if (tail.ends_with(half)) tail.remove_suffix(half.size());
    std::size_t clock = tail.size();
    while (clock > 0 &&
           (std::isdigit(static_cast<unsigned char>(tail[clock - 1])) || tail[clock - 1] == ':'))
        --clock;
    // A clock time is required: "… – 26 June" may be a fixture or a schedule of the story.
    if (clock == tail.size() || tail.substr(clock).find(':') == std::string_view::npos)
        return std::string_view::npos;
    tail = tail.substr(0, clock);
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        while (!tail.empty() && (is_space(tail.back()) || tail.back() == ',')) {
            tail.remove_suffix(1);
            trimmed = true;
        }
        if (tail.ends_with("\xD8\x8C")) {  // the Arabic comma
            tail.remove_suffix(2);
            trimmed = true;
        }
    }
    if (tail.empty() || letter_words(tail) != 1 || tail.size() > 30) return std::string_view::npos;
    const auto d = parse_date(std::string(tail) + " 2000");
    return d && d->precision == khabar::DatePrecision::day ? start : std::string_view::npos;
}

/// Where the date that ends a line starts: the shortest tail of at most kDateTailWords words
/// that parse_date reads as a day ("4 teachers kidnapped in Bara · 29 Jun 2024" → "29 Jun
/// 2024", "… · Jul 2, 2024", "… · ۲۸ نومبر، ۲۰۲۴"), else a relative time ("… | 8 hours ago",
/// relative_time_start; "… — آج 05:00", relative_day_start), else a day without its year ("… —
/// 19 جنوری، 05:00", yearless_day_start); text.size() when the line ends in none of them.
std::size_t date_start(std::string_view text, bool* relative = nullptr) {
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    if (text.ends_with(')') || text.ends_with(']')) {  // "… (Jun 13, 2024)"
        const std::size_t open = text.find_last_of("([");
        if (open != std::string_view::npos) {
            const auto d = parse_stamp(text.substr(open + 1, text.size() - open - 2));
            if (d && d->precision == khabar::DatePrecision::day) return open + 1;
        }
    }
    // parse_date reads a day only from a tail with a figure in it (its year): none on the line,
    // no tail to try.
    bool figure = false;
    for (std::size_t i = 0; i < text.size() && !figure; ++i) figure = digit_bytes(text, i) > 0;
    std::size_t pos = figure ? text.size() : 0;
    for (std::size_t words = 0; words < kDateTailWords && pos > 0; ++words) {
        const std::size_t space = text.find_last_of(" \t", pos - 1);
        pos = space == std::string_view::npos ? 0 : space + 1;
        const auto d = parse_stamp(text.substr(pos));
        if (d && d->precision == khabar::DatePrecision::day) return pos;
        if (pos == 0) break;
        pos = space;  // the next tail starts before this space
        while (pos > 0 && is_space(text[pos - 1])) --pos;
    }
    std::size_t at = relative_time_start(text);
    if (at == std::string_view::npos) at = relative_day_start(text);
    if (relative) *relative = at != std::string_view::npos;
    if (at == std::string_view::npos) at = yearless_day_start(text);
    return at == std::string_view::npos ? text.size() : at;
}

/// date_start of a page's block, asked once per block.
std::size_t date_start_of(const PageBlock& b, bool* relative = nullptr) {
    if (b.date_at == PageBlock::kNotAskedAt) b.date_at = date_start(b.text, &b.date_relative);
    if (relative) *relative = b.date_relative;
    return b.date_at;
}

/// The written form of the date that ends a line (date_form of its date_start tail); one form
/// for every time relative to today ("— 7h ago", "— 1d ago", "— آج 05:00", "— کل 07:34", "— 2 روز
/// قبل"), which a list writes in several ways.
std::string stamp_form(std::string_view text) {
    bool relative = false;
    const std::size_t at = date_start(text, &relative);
    return relative ? "~relative" : date_form(text.substr(at));
}

/// stamp_form of a page's block.
std::string stamp_form(const PageBlock& b) {
    bool relative = false;
    const std::size_t at = date_start_of(b, &relative);
    return relative ? "~relative" : date_form(b.text.substr(at));
}

/// Words (space-separated, holding a letter) of text.
std::size_t letter_words(std::string_view text) {
    std::size_t n = 0;
    bool letter = false;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const auto c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
        if (c == ' ' || c == '\t') {
            n += letter;
            letter = false;
        } else if (std::isalpha(c) || c >= 0x80) {
            letter = true;
        }
    }
    return n;
}

/// Where the headline after a date that opens a line starts ("13 Jun 2024 — Bridge reopens",
/// "Jun 13, 2024 | Bridge reopens"): after the shortest head of at most kDateTailWords words that
/// parse_date reads as a day and a separator (a dash, '|', ':' or '·'); 0 when the line does not
/// open so.
std::size_t headline_after_date(std::string_view text) {
    std::size_t pos = 0;
    for (std::size_t words = 0; words < kDateTailWords && pos < text.size(); ++words) {
        const std::size_t space = text.find_first_of(" \t", pos);
        if (space == std::string_view::npos) return 0;
        pos = space;
        const auto d = parse_stamp(text.substr(0, pos));
        while (pos < text.size() && is_space(text[pos])) ++pos;
        if (!d || d->precision != khabar::DatePrecision::day) continue;
        for (std::string_view sep : {"\xE2\x80\x94", "\xE2\x80\x93", "-", "|", ":", "\xC2\xB7"}) {
            if (!text.substr(pos).starts_with(sep)) continue;
            std::size_t at = pos + sep.size();
            while (at < text.size() && is_space(text[at])) ++at;
            return at;
        }
        return 0;
    }
    return 0;
}

/// Words a headline written on its date's line has before the date, at least, mostly.
constexpr std::size_t kDatedHeadlineWords = 3;

/// True when block k is a line that ends in a date with words before it ("Bridge reopens after
/// repairs · 2 Jul 2024", "Hypertension · 4 Jul 2024", date_start), at least `words` of them: an
/// entry of a list of other stories on one line, or a byline ("Updated 02 May, 2024" has one).
bool dated_headline(const Page& page, const std::vector<Item>& items, std::size_t k,
                    std::size_t words = 1) {
    const PageBlock& b = page[k];
    if (b.facts.words > 2 * kAnchorWords) return false;
    if (items[k] != Item::date && items[k] != Item::headline && items[k] != Item::paragraph)
        return false;
    const std::size_t at = date_start_of(b);
    return at < b.text.size() && letter_words(b.text.substr(0, at)) >= words;
}

/// True when block k is one line holding a headline of at least `words` words and its date, the
/// date last ("Bridge reopens · 2 Jul 2024", "Bridge reopens (Jul 2, 2024)") or first ("2 Jul
/// 2024 — Bridge reopens"): an entry of a list of other stories.
bool dated_line(const Page& page, const std::vector<Item>& items, std::size_t k,
                std::size_t words) {
    const PageBlock& b = page[k];
    // A sentence of a dozen words or more is a line of the story (a timeline), not a headline.
    if (b.facts.full_stop && b.facts.words >= kAnchorWords) return false;
    if (dated_headline(page, items, k, words)) return true;
    if (b.facts.words > 2 * kAnchorWords || b.kind != BlockKind::content) return false;
    const std::size_t at = headline_after_date(b.text);
    return at > 0 && letter_words(b.text.substr(at)) >= words;
}

/// True when block i is a paragraph that ends a dated entry and is cut ("..."), or the list goes
/// on after it, or the entry before ends so too: the teaser of a list of other stories, not the
/// story's first paragraph, though it reads as one. Entries: a headline and a date line, in
/// either order (the list goes on: a date line one or two blocks on), or a dated headline (the
/// list goes on: another one right after).
bool teaser_at(const Page& page, const std::vector<Item>& items, std::size_t i) {
    auto paragraph = [&](std::size_t k) { return k < items.size() && items[k] == Item::paragraph; };
    auto after_pair = [&](std::size_t k) {  // a headline and its date line right before k
        if (!paragraph(k) || k < 2) return false;
        const Item a = items[k - 2], b = items[k - 1];
        return (a == Item::headline && b == Item::date) || (a == Item::date && b == Item::headline);
    };
    auto after_dated = [&](std::size_t k) {  // a dated headline right before k
        return paragraph(k) && k >= 1 && dated_headline(page, items, k - 1);
    };
    auto date_at = [&](std::size_t k) { return k < items.size() && items[k] == Item::date; };
    if (after_pair(i))
        return page[i].facts.truncated || date_at(i + 1) || date_at(i + 2) ||
               (i >= 3 && after_pair(i - 3));
    auto alike = [&](std::size_t a, std::size_t b) {  // two dated lines whose dates agree
        return stamp_form(page[a]) == stamp_form(page[b]);
    };
    if (after_dated(i))
        return page[i].facts.truncated ||
               (i + 1 < items.size() && dated_headline(page, items, i + 1) &&
                alike(i - 1, i + 1)) ||
               (i >= 2 && after_dated(i - 2) && alike(i - 1, i - 3));
    return false;
}

/// The chain of date lines from `d0` in [d0, end): each written as d0 is, one or two texts (a
/// headline, a teaser) from the next. Returns the dates' positions.
std::vector<std::size_t> date_chain(const Page& page, std::size_t d0, std::size_t end,
                                    const std::vector<Item>& items) {
    const std::string form = date_form(page[d0].text);
    std::vector<std::size_t> dates{d0};
    for (std::size_t k = d0 + 1; k < end;) {
        std::size_t t = k;
        while (t < end && t - k < 2 && part_of(items[t]) == Part::text) ++t;
        if (t == k || t >= end || items[t] != Item::date || date_form(page[t].text) != form) break;
        dates.push_back(t);
        k = t + 1;
    }
    return dates;
}

/// True when block k reads as a headline (a question of a dozen words counts as a story
/// paragraph too) and a story paragraph follows it: the story's own headline, so the headline and
/// date right above it are the list's last entry, not the story's header.
bool headline_then_story(const Page& page, std::size_t k) {
    return k + 1 < page.size() && headline_like(page[k]) && story_paragraph(page[k + 1]);
}

/// In the run of list items [begin, end): chains of date lines written alike, one or two texts
/// apart, are lists of other stories (entries: a headline and its date, in either order, maybe a
/// teaser; entries may lack the teaser others have), removed with their label (and the last
/// entry's teaser, teaser_at) when they have enough entries. The story's header, which may close
/// the run, stays: when the run ends right after the chain's last date (headline first: the story's
/// headline and own date line), or with the last date's texts (date first: its own date above its
/// headline), that last entry.

void remove_entries(Page& page, std::size_t begin, std::size_t end,
                    const std::vector<Item>& items) {
    for (std::size_t d0 = begin; d0 < end; ++d0) {
        if (items[d0] != Item::date) continue;
        const std::vector<std::size_t> dates = date_chain(page, d0, end, items);
        const std::size_t last_date = dates.back();
        const bool headline_first = d0 > begin && part_of(items[d0 - 1]) == Part::text;
        std::size_t from = headline_first ? d0 - 1 : d0, to = last_date + 1;  // [from, to)
        std::size_t entries = dates.size();
        std::size_t texts_after = 0;
        while (to + texts_after < end && texts_after < 2 &&
               part_of(items[to + texts_after]) == Part::text)
            ++texts_after;
        if (headline_first && to < end && teaser_at(page, items, to)) ++to;  // the last teaser
        if (headline_first && last_date + 1 == end && !headline_then_story(page, end)) {
            to = last_date - 1;  // the story's headline and its own date line
            --entries;
        } else if (!headline_first && to + texts_after == end) {
            to = last_date;  // the story's own date line above its headline
            --entries;
        }
        std::size_t first = from;
        while (first > begin && items[first - 1] == Item::label) --first;
        if (entries >= (first < from ? kLabelledEntries : kBareEntries)) {
            const int l = first < from ? label_of(page[from - 1]) : -1;
            const std::string_view label = l >= 0 ? kLabels[static_cast<std::size_t>(l)].text : "";
            for (std::size_t k = first; k < to; ++k) mark(page[k], Reason::list_above, label);
        }
        d0 = last_date;
    }
}

/// Dated headlines (dated_headline; half of them or more with kDatedHeadlineWords words before
/// the date) in the run [begin, end), their dates (date_start) written alike, next to each other or
/// with one text between (a teaser): a list of other stories, one entry a line. Removed with
/// their label and the last entry's teaser (teaser_at) when they are kLabelledEntries under a
/// label, or kBareEntries.
void remove_dated_headlines(Page& page, std::size_t begin, std::size_t end,
                            const std::vector<Item>& items) {
    auto form = [&](std::size_t k) { return stamp_form(page[k]); };
    for (std::size_t i = begin; i < end;) {
        if (!dated_headline(page, items, i)) {
            ++i;
            continue;
        }
        std::size_t last = i, before_last = i, entries = 1;
        std::size_t long_entries = dated_headline(page, items, i, kDatedHeadlineWords);
        for (std::size_t k = i + 1; k < end && k <= last + 2; ++k) {
            if (dated_headline(page, items, k) && form(k) == form(i)) {
                before_last = last;
                last = k;
                ++entries;
                long_entries += dated_headline(page, items, k, kDatedHeadlineWords);
            } else if (part_of(items[k]) != Part::text) {
                break;
            }
        }
        // The story's header may close the run: its headline (a text that is no teaser) and its
        // byline date right before the story ("Market to close" / "By Staff | 2 May 2024").
        if (last > i && last + 1 == end && part_of(items[last - 1]) == Part::text &&
            !teaser_at(page, items, last - 1)) {
            long_entries -= dated_headline(page, items, last, kDatedHeadlineWords);
            --entries;
            last = before_last;
        }
        std::size_t to = last + 1;
        if (to < end && teaser_at(page, items, to)) ++to;
        std::size_t first = i;
        while (first > begin && items[first - 1] == Item::label) --first;
        if (entries >= (first < i ? kLabelledEntries : kBareEntries) &&
            2 * long_entries >= entries) {
            const int l = first < i ? label_of(page[i - 1]) : -1;
            const std::string_view label = l >= 0 ? kLabels[static_cast<std::size_t>(l)].text : "";
            for (std::size_t k = first; k < to; ++k) mark(page[k], Reason::list_above, label);
        }
        i = last + 1;
    }
}

/// After the story's first paragraph (at `start`): runs of one-line dated entries (dated_line,
/// each headline of kDatedHeadlineWords words or more, dates written alike, next to each other
/// or with one text between) that no story paragraph follows: a list of other stories with no
/// label, such as a "Latest" column printed as "headline (Jun 13, 2024)" or "13 Jun 2024 —
/// headline" lines.
void remove_dated_lines_after(Page& page, std::size_t start, const std::vector<Item>& items) {
    auto form = [&](std::size_t k) {
        const std::string_view t = page[k].text;
        const std::size_t after = headline_after_date(t);
        return after > 0 ? date_form(t.substr(0, after)) : stamp_form(t);
    };
    auto entry = [&](std::size_t k) { return dated_line(page, items, k, kDatedHeadlineWords); };
    // A teaser: one text right after an entry, before the next entry (or, when every entry
    // before has one, after the last); it may read as a story paragraph.
    auto teaser = [&](std::size_t k) {
        return k < page.size() && part_of(items[k]) == Part::text && !entry(k);
    };
    for (std::size_t i = start + 1; i < page.size();) {
        if (!entry(i)) {
            ++i;
            continue;
        }
        // Teasers that read as story paragraphs only in a list that follows chrome (its label,
        // removed): a story's closing timeline of dated lines and sentences stays.
        const bool after_chrome = i > 0 && page[i - 1].removed();
        std::size_t last = i, entries = 1, teasers = 0;
        for (std::size_t k = i + 1; k < page.size() && k <= last + 2; ++k) {
            if (entry(k) && form(k) == form(i)) {
                teasers += k == last + 2;
                last = k;
                ++entries;
            } else if (part_of(items[k]) != Part::text ||
                       (story_paragraph(page[k]) &&
                        !(after_chrome && k == last + 1 && k + 1 < page.size() && entry(k + 1) &&
                          form(k + 1) == form(i)))) {
                break;
            }
        }
        std::size_t end = last + 1;
        if (entries >= kBareEntries && teasers + 1 == entries && teaser(end) &&
            page[end].facts.words <= kTeaserWords && (after_chrome || !story_paragraph(page[end])))
            ++end;  // the last entry's teaser
        if (entries >= kBareEntries && !story_after(page, end))
            for (std::size_t k = i; k < end; ++k) mark(page[k], Reason::shape_list);
        i = end;
    }
}

/// Headlines a labelled list right above the story holds at least, besides the story's own.
constexpr std::size_t kHeadlinesAbove = 3;

/// True when block k, after a blank line, reads as a headline of up to 24 words with no full
/// stop, and a longer story paragraph follows it.
bool question_headline(const Page& page, std::size_t k) {
    if (k + 1 >= page.size() || !page[k].block.blank_before) return false;
    const BlockFacts& b = page[k].facts;
    return !b.full_stop && b.words <= 2 * kAnchorWords && story_paragraph(page[k + 1]) &&
           page[k + 1].facts.words > b.words;
}

/// In the run of list items [begin, end) that ends at the story's first paragraph: a label of the
/// table, then lines of headlines and short paragraphs with no blank line between them
/// ("اہم ترین" and six headlines of other stories), then, after a blank line, the story's header
/// (its headline, byline, standfirst), or its headline alone when that reads as a paragraph
/// (question_headline), is a list of other stories, removed with its label when it has
/// kHeadlinesAbove headlines or more. Without the blank line, where the list ends is not known,
/// and nothing goes; a label over the story's header (a kicker) stays.
void remove_labelled_above(Page& page, std::size_t begin, std::size_t end, std::size_t start,
                           const std::vector<Item>& items) {
    if (end != start) return;
    std::size_t label = end;
    for (std::size_t k = begin; k < end; ++k)
        if (items[k] == Item::label) label = k;
    if (label + 1 >= end) return;
    std::size_t header = label + 2;  // the first block after a blank line: the story's header
    while (header < end && !page[header].block.blank_before) ++header;
    // No blank line before the story's first paragraph: the list ends there only when that
    // "paragraph" is the story's own headline (a long question reads as a paragraph too).
    if (header == end && !question_headline(page, end)) return;
    std::size_t headlines = 0;
    for (std::size_t k = label + 1; k < header; ++k) {
        if (items[k] != Item::headline && items[k] != Item::paragraph) return;
        headlines += items[k] == Item::headline;
    }
    if (headlines < kHeadlinesAbove) return;
    const int l = label_of(page[label]);
    const std::string_view text = l >= 0 ? kLabels[static_cast<std::size_t>(l)].text : "";
    for (std::size_t k = label; k < header; ++k) mark(page[k], Reason::list_label, text);
}

/// Lists of dated entries above the story (first story paragraph at `start`): each run of
/// labels, headlines, dates and short paragraphs (teasers, headlines too long to read as one)
/// there, read by remove_dated_headlines and remove_entries.

void remove_lists_above(Page& page, std::size_t start, const std::vector<Item>& items) {
    auto listed = [&](std::size_t k) {
        const Item it = items[k];
        return it == Item::label || it == Item::headline || it == Item::date ||
               it == Item::paragraph;
    };
    for (std::size_t i = 0; i < start;) {
        std::size_t j = i;
        while (j < start && listed(j)) ++j;
        if (j > i) {
            remove_dated_headlines(page, i, j, items);
            remove_entries(page, i, j, items);
            remove_labelled_above(page, i, j, start, items);
        }
        i = std::max(j, i + 1);
    }
}

/// How many navigation words a line holds when it holds nothing else: "Home" 1, "World | Asia |
/// Pakistan" 3, "Home > News" 2; 0 for any other line.
std::size_t nav_words(std::string_view text) {
    std::string s = label_shape(text);
    for (char& c : s)
        if (c == '|' || c == '>' || c == '/') c = ',';
    std::size_t words = 0;
    for (std::size_t pos = 0; pos <= s.size();) {
        std::size_t comma = std::min(s.find(',', pos), s.size());
        std::string_view w = std::string_view(s).substr(pos, comma - pos);
        while (!w.empty() && is_space(w.front())) w.remove_prefix(1);
        while (!w.empty() && is_space(w.back())) w.remove_suffix(1);
        if (!w.empty()) {
            if (std::find(std::begin(kNavWords), std::end(kNavWords), w) == std::end(kNavWords))
                return 0;
            ++words;
        }
        pos = comma + 1;
    }
    return words;
}

/// Navigation above the story: in a run of short lines (at most three words, not a sentence,
/// not a date) and lines of navigation words only, the stretch from its first to its last
/// navigation line when those lines hold three navigation words ("Home", "World", "Sport" on
/// lines of their own, or "Home | World | Sport" on one) and are half the stretch's lines.
void remove_navigation(Page& page, std::size_t start) {
    auto candidate = [&](std::size_t k) {
        const PageBlock& b = page[k];
        if (b.kind != BlockKind::content || b.date || b.facts.words == 0) return false;
        return nav_words(b.text) > 0 ||
               (b.facts.words <= 3 && !b.facts.sentence_end && !b.facts.truncated);
    };
    for (std::size_t i = 0; i < start;) {
        if (!candidate(i)) {
            ++i;
            continue;
        }
        std::size_t j = i, words = 0, lines = 0, first = start, last = start;
        for (; j < start && candidate(j); ++j) {
            const std::size_t n = nav_words(page[j].text);
            if (n == 0) continue;
            words += n;
            ++lines;
            first = std::min(first, j);
            last = j;
        }
        // Short lines at the run's edges that are not navigation words (a byline, a
        // one-word headline) stay.
        if (words >= 3 && 2 * lines >= last - first + 1)
            for (std::size_t k = first; k <= last; ++k) mark(page[k], Reason::navigation);
        i = j;
    }
}

/// The day a line names with its year ("Thu 4 Mar 2027 10°C Light rain", "On this day, April
/// 8, 2026: Lewsey puzzle over disallowed try", "آج کے دن، 25 اپریل 2025: …"), as "YYYY-MM-DD",
/// with the written form of the line up to the year; nullopt when it names none. The date is the
/// longest head of at most kDateTailWords words ending at the line's first four-digit year that
/// parse_stamp reads as a day.
struct LineDay {
    std::string iso;   ///< the day, "YYYY-MM-DD"
    std::string form;  ///< date_form of the line up to the year
    std::size_t end;   ///< where the year ends
};
std::optional<LineDay> line_day(std::string_view text) {
    std::size_t year = std::string_view::npos, year_end = 0;
    for (std::size_t i = 0, run = 0, run_start = 0; i < text.size();) {
        const std::size_t len = digit_bytes(text, i);
        if (len == 0) {
            run = 0;
            i += 1;
            continue;
        }
        if (run++ == 0) run_start = i;
        i += len;
        if (run == 4 && digit_bytes(text, i) == 0) {
            year = run_start;
            year_end = i;
            break;
        }
    }
    if (year == std::string_view::npos) return std::nullopt;
    std::size_t from = year;
    for (std::size_t words = 0; words < kDateTailWords && from > 0; ++words) {
        while (from > 0 && is_space(text[from - 1])) --from;
        while (from > 0 && !is_space(text[from - 1])) --from;
    }
    for (; from < year; from = text.find_first_not_of(" \t", text.find_first_of(" \t", from))) {
        const auto d = parse_stamp(text.substr(from, year_end - from));
        if (d && d->precision == khabar::DatePrecision::day)
            return LineDay{d->iso(), date_form(text.substr(0, year_end)), year_end};
        if (text.find_first_of(" \t", from) >= year) break;
    }
    return std::nullopt;
}

/// Three or more lines in a row, each naming a day written the same way (the same words around
/// it) and no two the same day, above the story or after it with no story paragraph after them:
/// a list, whatever follows each day ("Thu 4 Mar 2027 10°C Light rain" / "Fri 5 Mar 2027 12°C
/// Sunny intervals" / …: a forecast; "On this day, April 8, 2026: …" / "On this day, April 8,
/// 2025: …": an anniversary box; a calendar, a ticker), and never the story's date line, even
/// as a text page's first line, taken for its title.
void remove_dated_runs(Page& page, std::size_t start_above, std::size_t start) {
    // The day each one-line block names, read once.
    std::vector<std::optional<LineDay>> day(page.size());
    for (std::size_t k = 0; k < page.size(); ++k) {
        const PageBlock& b = page[k];
        const bool sentence = b.facts.full_stop && b.facts.words >= kAnchorWords;
        if (!b.removed() && !sentence && b.facts.words <= 2 * kAnchorWords &&
            b.text.find('\n') == std::string_view::npos)
            day[k] = line_day(b.text);
    }
    // Words with a letter after block k's day ("…, April 7, 2025: Gizmondo gadget hits the
    // shelves": 4).
    auto words_after_day = [&](std::size_t k) {
        return letter_words(page[k].text.substr(day[k]->end));
    };
    for (std::size_t i = 0; i < page.size();) {
        std::size_t j = i + 1;
        if (day[i]) {
            std::vector<std::string> days = {day[i]->iso};
            for (; j < page.size() && day[j] && day[j]->form == day[i]->form &&
                   std::find(days.begin(), days.end(), day[j]->iso) == days.end();
                 ++j)
                days.push_back(day[j]->iso);
            // After the story two entries are a list when each has a headline after its day
            // ("On this day, April 7, 2025: Gizmondo gadget hits the shelves"); a story's own
            // closing lines give a day and end ("Published April 7" / "Updated April 8").
            // Above the story each day has a few words at most after it (a forecast's "10°C
            // Light rain"): a story may open with its own timeline of events.
            auto each = [&](auto pred) {
                for (std::size_t k = i; k < j; ++k)
                    if (!pred(words_after_day(k))) return false;
                return true;
            };
            const bool after = i > start && !story_after(page, j);
            const bool above =
                j <= start_above && each([](std::size_t w) { return w <= kForecastWords; });
            const bool entries =
                j - i >= kBareEntries ||
                (after && j - i >= kLabelledEntries && each([](std::size_t w) { return w >= 2; }));
            if (entries && (above || after))
                for (std::size_t k = i; k < j; ++k) {
                    if (page[k].kind == BlockKind::title) page[k].kind = BlockKind::content;
                    mark(page[k], Reason::shape_list);
                }
        }
        i = j;
    }
}

/// After the story, three or more cut teasers ("LONDON: Gold steadied on Friday, supported by
/// …") each followed by its date line, and the short heading right above them ("More Briefs"),
/// with no story paragraph after: a list of other stories whose headlines the page's extractor
/// left out.
void remove_dated_teasers(Page& page, std::size_t start) {
    auto date_line = [&](std::size_t k) {
        return k < page.size() && !page[k].removed() && page[k].date &&
               page[k].facts.words <= kDateLineWords;
    };
    for (std::size_t i = start + 1; i < page.size();) {
        std::size_t j = i, entries = 0;
        while (j + 1 < page.size() && !page[j].removed() && page[j].facts.truncated &&
               date_line(j + 1)) {
            j += 2;
            ++entries;
        }
        if (entries >= kBareEntries && !story_after(page, j)) {
            const PageBlock& above = page[i - 1];
            const bool heading = !above.removed() && !above.date && !above.facts.sentence_end &&
                                 above.facts.words <= kHeadingWords;
            for (std::size_t k = heading ? i - 1 : i; k < j; ++k) mark(page[k], Reason::shape_list);
        }
        i = std::max(j, i + 1);
    }
}

/// A link line's words that send the reader to where the story came from: "Read more at the
/// source:", "Source:", "Via:", "Originally published at:", "Continue reading:", "مکمل خبر ویب
/// سائٹ پر پڑھیں:", "بشکریہ:", "ماخذ:".
bool points_to_source(std::string_view words) {
    const std::string lower = records::to_lower_ascii(words);
    for (std::string_view w : {"read", "source", "via", "originally", "continue", "full story",
                               "پڑھیں", "پڑھیے", "ماخذ", "بشکریہ", "ذریعہ"})
        if (lower.find(w) != std::string::npos) return true;
    return false;
}

/// "Read more at the source: https://…", "مکمل خبر ویب سائٹ پر پڑھیں: https://…": a few words
/// and a colon, then one web address, with no story paragraph after it: where the story was
/// copied from, as a sharing tool or a pasting reader adds it, not the story's text.
void remove_source_links(Page& page, std::size_t start) {
    for (std::size_t i = start + 1; i < page.size(); ++i) {
        const std::string_view t = page[i].text;
        const std::size_t at = std::min(t.find("https://"), t.find("http://"));
        if (at == std::string_view::npos || t.find('\n') != std::string_view::npos) continue;
        std::string_view words = t.substr(0, at);
        while (!words.empty() && is_space(words.back())) words.remove_suffix(1);
        const std::string_view address = t.substr(at);
        if (!words.ends_with(':') || address.find_first_of(" \t") != std::string_view::npos)
            continue;
        const BlockFacts f = describe_block(words);
        if (f.words == 0 || f.words > kLinkLineWords || story_after(page, i + 1)) continue;
        if (!points_to_source(words)) continue;  // "The full report is available at: URL"
        mark(page[i], Reason::source_link);
    }
}

/// What stands above the headline when no story paragraph comes before it (a list's label, a
/// breadcrumb, a section kicker, other stories' headlines and teasers): the page's chrome, not the
/// article. The headline is the block that repeats the article's title; date lines are left to
/// the date rules.
void remove_above_headline(Page& page) {
    std::size_t headline = 0;
    while (headline < page.size() && page[headline].kind != BlockKind::title) ++headline;
    if (headline == page.size()) return;
    for (std::size_t k = 0; k < headline; ++k)
        if (story_paragraph(page[k])) return;
    for (std::size_t k = 0; k < headline; ++k)
        if (!page[k].date) mark(page[k], Reason::above_headline);
}

}  // namespace

std::string_view list_label(std::string_view block) {
    const int i = label_index(block);
    return i < 0 ? std::string_view() : kLabels[static_cast<std::size_t>(i)].text;
}

std::string_view inline_list_label(std::string_view block) {
    const int i = inline_label_index(block);
    return i < 0 ? std::string_view() : kLabels[static_cast<std::size_t>(i)].text;
}

bool is_relative_time_line(std::string_view block) {
    constexpr std::uint32_t kLabelWords = 2;  // "Updated:", "اپ ڈیٹ:", "Posted"
    const std::size_t at = relative_time_tail(block);
    return at != std::string_view::npos && describe_block(block.substr(0, at)).words <= kLabelWords;
}

bool is_caption_line(std::string_view block) {
    while (!block.empty() && is_space(block.front())) block.remove_prefix(1);
    if (block.size() > 600) return false;
    static constexpr std::array<std::string_view, 10> kStarts = {
        "تصویر کے کاپی رائٹ", "تصویر کا کاپی رائٹ", "تصویر کا ذریعہ", "تصویر کا کیپشن",
        "Image copyright",    "Image caption",      "Image source",   "Photo credit",
        "Getty Images",       "Copyright Getty"};
    return std::any_of(kStarts.begin(), kStarts.end(),
                       [&](std::string_view s) { return block.starts_with(s); });
}

namespace detail {

void remove_by_shape(Page& page) {
    std::vector<Item> items;
    items.reserve(page.size());
    for (const PageBlock& b : page) items.push_back(item_of(b, kTeaserWords));
    // The story's first paragraph; for the lists above it, not a teaser of one of them.
    std::size_t start = page.size(), start_above = page.size();
    for (std::size_t i = 0; i < page.size() && start_above == page.size(); ++i) {
        if (!story_paragraph(page[i]) || is_caption_line(page[i].text)) continue;
        start = std::min(start, i);
        if (!teaser_at(page, items, i)) start_above = i;
    }
    for (PageBlock& b : page) {
        if (is_caption_line(b.text)) {
            mark(b, Reason::caption);
        } else if (const int l = label_of(b);
                   l >= 0 && kLabels[static_cast<std::size_t>(l)].alone) {
            mark(b, Reason::list_label, kLabels[static_cast<std::size_t>(l)].text);
        }
    }
    if (start == page.size()) return;  // no story paragraph: a page of short lines
    remove_lists(page, start, items);
    remove_dated_lines_after(page, start, items);
    remove_lists_above(page, start_above, items);
    remove_dated_runs(page, start_above, start);
    remove_dated_teasers(page, start);
    remove_navigation(page, start);
    remove_source_links(page, start);
    remove_above_headline(page);
}

}  // namespace detail

}  // namespace khabar::cleaning
