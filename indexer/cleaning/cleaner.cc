/** @file
 * @brief The chrome decision: statistics + position rules over a page's blocks (cleaner.h).
 */
#include "cleaning/cleaner.h"

#include <fmt/format.h>
#include <cctype>

#include <cmath>

#include "cleaning/page_model.h"
#include "cleaning/shape_rules.h"
#include "dates/saving_time.h"

namespace khabar::cleaning {

namespace {

using detail::BodyRange;
using detail::Page;
using detail::PageBlock;

/// Page-count thresholds of one source.
struct Thresholds {
    std::uint64_t frequent = 0;  ///< 0 = the source has too few pages to tell
    std::uint64_t templ = 0;
};

Thresholds thresholds(std::uint64_t pages, const CleanerConfig& config) {
    if (pages < config.min_pages) return {};
    auto at_least = [&](double fraction) {
        return std::max<std::uint64_t>(config.min_pages,
                                       static_cast<std::uint64_t>(std::ceil(fraction * pages)));
    };
    return {at_least(config.min_fraction), at_least(config.template_fraction)};
}

/// A batch counts when it has this many pages, and a block is frequent in it on at least
/// kBatchMinPages pages and a quarter of the batch.
constexpr std::uint64_t kBatchMinSize = 6;
constexpr std::uint32_t kBatchMinPages = 3;

/// Frequency in the page's scrape batches: a sidebar version shown one day only is frequent in
/// that day's batch. True when some block is.
bool annotate_batches(Page& page, const BlockStats* batches, std::span<const std::string> keys) {
    if (batches == nullptr) return false;
    bool any = false;
    for (const std::string& key : keys) {
        const BlockStats::SourceRef batch = batches->source(key);
        const std::uint64_t size = batch.pages;
        if (size < kBatchMinSize) continue;
        any = true;
        for (PageBlock& b : page) {
            const std::uint32_t n = batches->pages_with(batch, b.facts.hash);
            if (n < kBatchMinPages || 4 * std::uint64_t{n} < size) continue;
            if (b.batch_size == 0 || n * b.batch_size > b.batch_pages * size) {
                b.batch_pages = n;
                b.batch_size = static_cast<std::uint32_t>(size);
            }
            b.frequent = true;
        }
    }
    return any;
}

/// Statistics of each block: pages carrying it, frequent, template. False when the source has
/// too few pages for any block to count as frequent.
bool annotate(Page& page, const BlockStats& stats, std::string_view source,
              const CleanerConfig& config) {
    const BlockStats::SourceRef site = stats.source(source);
    const Thresholds t = thresholds(site.pages, config);
    if (t.frequent == 0) return false;
    for (PageBlock& b : page) {
        b.pages = stats.pages_with(site, b.facts.hash);
        b.frequent = b.pages >= t.frequent;
        b.templ = b.pages >= t.templ;
        b.literal_templ =
            b.facts.literal != 0 && stats.pages_with(site, b.facts.literal) >= t.templ;
    }
    return true;
}

/// A frequent block that reads as a label (menu item, section name, list headline): short, not
/// a sentence of some length, not a line that ends in a comma, not a row of figures (two numbers
/// or more: "Shr 12 cts vs 10 cts", "30-69 days 5.00 pct"), not a date.
bool is_label(const PageBlock& b, const CleanerConfig& config) {
    if (b.facts.words > config.label_words || b.date) return false;
    if (b.facts.sentence_end && b.facts.words >= 6) return false;
    if (b.text.ends_with(',')) return false;  // an unfinished line: "Reuters, Washington,"
    return b.facts.numbers <= 1 && 2 * b.facts.numbers < b.facts.words;  // "5 Min Read" is one
}

/// Frequent labels are chrome only inside a run of chrome-like blocks (template blocks, labels,
/// date lines) that holds a template block or three labels or more: menus, section bars, lists
/// of headlines. A recurring line inside a story (a table header of a daily wire item) or a short
/// run at its end ("Pay April 1" / "Record March 13" of a dividend notice) stays.
void remove_labels_in_chrome(Page& page, const std::vector<bool>& label) {
    auto chrome_like = [&](std::size_t k) { return page[k].templ || label[k] || page[k].date; };
    for (std::size_t i = 0; i < page.size();) {
        if (!chrome_like(i)) {
            ++i;
            continue;
        }
        std::size_t j = i, labels = 0;
        bool templ = false;
        for (; j < page.size() && chrome_like(j); ++j) {
            labels += label[j] ? 1 : 0;
            templ = templ || page[j].templ;
        }
        if (templ || labels >= 3)
            for (std::size_t k = i; k < j; ++k)
                if (label[k]) page[k].remove(Reason::frequent_label);
        i = j;
    }
}

/// A date line right under a kept line that is not a date and may be a headline (the page's own,
/// or a line that may be it; detail::may_be_headline), possibly with a byline the site prints on
/// every page between them, or under a standfirst under such a line,
/// and right above a sentence paragraph of the story (anchor_words or more; the site's byline or
/// photo caption on every page may come between): it may be the article's header, whatever else
/// of the site shows
/// the same date (a sidebar of the same day's stories does), so the date rules decide
/// (classify_dates, remove_chrome_dates).
bool between_title_and_lead(const Page& page, std::size_t i, const CleanerConfig& config) {
    if (i == 0 || i + 1 >= page.size()) return false;
    // A byline the site prints on every page ("ویب ڈیسک", "Web Desk") between the headline and
    // the date: the headline is above it.
    constexpr std::uint32_t kBylineWords = 4;
    const bool byline = i >= 2 && page[i - 1].reason == Reason::template_block &&
                        !page[i - 1].date && page[i - 1].facts.words <= kBylineWords &&
                        !page[i - 1].facts.sentence_end;
    const PageBlock& above = byline ? page[i - 2] : page[i - 1];
    // A "Read also: headline" line between the date and the story's next paragraph is the
    // story's (a link inside it), not the end of the header.
    std::size_t next =
        i + 2 < page.size() && !inline_list_label(page[i + 1].text).empty() ? i + 2 : i + 1;
    // So is what the site prints on every page between the header and the story (a byline, a
    // photo's caption): at most two such blocks.
    constexpr std::size_t kSiteLines = 2;
    for (std::size_t k = 0;
         k < kSiteLines && next + 1 < page.size() && page[next].templ && !page[next].date; ++k)
        ++next;
    const PageBlock& below = page[next];
    if (above.removed() || above.date || below.date || !below.facts.sentence_end ||
        below.facts.words < config.anchor_words)
        return false;
    if (detail::may_be_headline(above.facts, config.anchor_words)) return true;
    // A standfirst between the headline and a bare date line ("تاریخ اشاعت: ۱۴ دسمبر ۲۰۲۴").
    if (i < 2 || !detail::may_be_standfirst(above.facts) || !detail::bare_date_line(page[i].text))
        return false;
    return detail::under_headline(page, i - 1, config.anchor_words);
}

/// A publication date line right after a sentence paragraph of the story (detail::closes_story):
/// the article's, whatever else of the site shows the same date; the date rules decide.
bool closing_story(const Page& page, std::size_t i, const CleanerConfig& config) {
    if (i == 0 || !detail::closes_story(page[i].text)) return false;
    const PageBlock& above = page[i - 1];
    return !above.removed() && !above.date && above.facts.sentence_end &&
           above.facts.words >= config.anchor_words;
}

/// Rules 1 and 2, and the title that must stay. Date lines are left to the date rules, unless
/// their exact text (time included) is on most pages: a date in the site's template (but not
/// one that may be the article's header, between_title_and_lead).
void remove_template_and_labels(Page& page, std::uint64_t title_hash, const CleanerConfig& config) {
    std::vector<bool> label(page.size(), false);
    for (std::size_t i = 0; i < page.size(); ++i) {
        PageBlock& b = page[i];
        if (b.date) {
            if (b.literal_templ && !between_title_and_lead(page, i, config) &&
                !closing_story(page, i, config))
                b.remove(Reason::template_block);
            continue;
        }
        if (b.templ) {
            b.remove(Reason::template_block);
        } else if (title_hash != 0 && b.facts.hash == title_hash) {
            b.kind = BlockKind::title;
        } else {
            label[i] = b.frequent && is_label(b, config);
        }
    }
    remove_labels_in_chrome(page, label);
}

bool removed_at(const Page& page, std::size_t i) {
    return i < page.size() && page[i].removed();
}

/// Rule 5: a date line that is not the article's and touches chrome is chrome.
void remove_chrome_dates(Page& page) {
    for (std::size_t i = 0; i < page.size(); ++i) {
        if (page[i].kind != BlockKind::stray_date) continue;
        if ((i > 0 && page[i - 1].removed()) || removed_at(page, i + 1))
            page[i].remove(Reason::chrome_date);
    }
}

/// Remove every maximal run of blocks accepted by `candidate` that has at least `left` removed
/// blocks right before it and, right after it, a removed block (or the page's end when
/// `end_counts`), and that `accept_run` likes.
template <typename Candidate, typename AcceptRun>
void remove_runs(Page& page, std::size_t from, Reason why, std::size_t left, bool end_counts,
                 Candidate candidate, AcceptRun accept_run) {
    for (std::size_t i = from; i < page.size();) {
        if (!candidate(page[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < page.size() && candidate(page[j])) ++j;
        std::size_t before = 0;
        while (before < i && page[i - 1 - before].removed()) ++before;
        const bool right = j == page.size() ? end_counts : page[j].removed();
        if (before >= left && right && accept_run(i, j))
            for (std::size_t k = i; k < j; ++k) page[k].remove(why);
        i = j;
    }
}

/// Rule 3: frequent blocks up to list_words words wedged between chrome.
void remove_between_chrome(Page& page, const CleanerConfig& config) {
    remove_runs(
        page, 0, Reason::between_chrome, 1, false,
        [&](const PageBlock& b) {
            return b.kind == BlockKind::content && b.frequent && !b.date &&
                   b.facts.words <= config.list_words;
        },
        [](std::size_t, std::size_t) { return true; });
}

/// Rule 4: after the body, runs of short blocks that follow a stretch of chrome (two blocks or
/// more: a list heading after share links, the previous list — not a lone advertisement inside
/// the story) and end at chrome or at the page's end. A run of full-stop sentences only is not a
/// list: the story's last short paragraph can follow an advertisement; a list has a headline, a
/// cut teaser or a date among its items. One chrome block before the run is enough when it is
/// the site's own heading, a few words on every page of the site (template), and the run has
/// three items or more, none ending in a full stop: a list of headlines (a question's "?" may end
/// one) under a label of the site's ("حالیہ تحریریں", "From the newsroom") that no label table
/// knows (items removed already as recurring ones count); a story's last short paragraphs after
/// an advertisement end in full stops.
void remove_tail_lists(Page& page, const BodyRange& body, const CleanerConfig& config) {
    if (!body.found()) return;
    auto sentence = [](const PageBlock& b) { return b.facts.full_stop && b.facts.words >= 5; };
    auto candidate = [&](const PageBlock& b) {
        return (b.kind == BlockKind::content || b.kind == BlockKind::stray_date) &&
               b.facts.words <= config.list_words;
    };
    auto list = [&](std::size_t i, std::size_t j) {
        for (std::size_t k = i; k < j; ++k)
            if (!sentence(page[k])) return true;
        return false;
    };
    remove_runs(page, body.last + 1, Reason::tail_list, 2, true, candidate, list);
    constexpr std::uint32_t kHeadingWords = 4;
    constexpr std::size_t kItems = 3;
    remove_runs(page, body.last + 1, Reason::tail_list, 1, true, candidate,
                [&](std::size_t i, std::size_t j) {
                    const PageBlock& heading = page[i - 1];
                    const bool headlines =
                        std::none_of(page.begin() + static_cast<std::ptrdiff_t>(i),
                                     page.begin() + static_cast<std::ptrdiff_t>(j),
                                     [](const PageBlock& b) { return b.facts.full_stop; });
                    // The list's other items, removed already as recurring ones, count too.
                    std::size_t items = j - i;
                    for (std::size_t k = j;
                         k < page.size() && (page[k].reason == Reason::frequent_label ||
                                             page[k].reason == Reason::between_chrome);
                         ++k)
                        ++items;
                    return heading.reason == Reason::template_block && !heading.date &&
                           heading.facts.words <= kHeadingWords && !heading.facts.sentence_end &&
                           items >= kItems && headlines;
                });
}

/// A comment's header ending at block `d`: a date line with a clock time ("28 نومبر 2026 کو 2:26
/// بجے", "March 3, 2026 at 10:48 pm") right under a short line removed as chrome (the reader's
/// name, which recurs).
bool comment_header(const Page& page, std::size_t d) {
    constexpr std::uint32_t kNameWords = 4;
    if (d == 0 || !page[d].date || !page[d].removed()) return false;
    const PageBlock& name = page[d - 1];
    if (!name.removed() || name.date || name.facts.words > kNameWords || name.facts.sentence_end)
        return false;
    const std::string_view t = page[d].text;
    for (std::size_t i = 1; i + 1 < t.size(); ++i)
        if (t[i] == ':' && std::isdigit(static_cast<unsigned char>(t[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(t[i + 1])))
            return true;
    return false;
}

/// Rule 6: after the body, a run of blocks right under a comment's header (comment_header), ending
/// at chrome or at the page's end: a reader's comment under its name and time ("خرم شہزاد / 28
/// نومبر 2026 کو 2:26 بجے / text / next name"), not the story, which has ended.
void remove_comments(Page& page, const BodyRange& body) {
    if (!body.found()) return;
    remove_runs(
        page, body.last + 1, Reason::comment, 1, true,
        [](const PageBlock& b) { return b.kind == BlockKind::content && !b.date; },
        [&](std::size_t i, std::size_t) { return comment_header(page, i - 1); });
}

constexpr std::uint32_t kArticleTextWords = 8;

/// True when some kept block reads as article text (eight words or more, not a date).
bool has_article_text(const Page& page) {
    for (const PageBlock& b : page)
        if (b.kind == BlockKind::content && !b.date && b.facts.words >= kArticleTextWords)
            return true;
    return false;
}

/// A page that would be left with no text at all (the same page captured again and again, so
/// that all of it is "template") keeps its long blocks.
void restore_long_blocks(Page& page, const Page& snapshot) {
    for (std::size_t i = 0; i < page.size(); ++i) {
        if (!page[i].removed() || page[i].date || page[i].facts.words < kArticleTextWords) continue;
        page[i].kind = snapshot[i].removed() ? BlockKind::content : snapshot[i].kind;
        page[i].reason = Reason::none;
    }
}

CleanResult assemble(std::string_view text, const Page& page, const BodyRange& body) {
    CleanResult r;
    for (const PageBlock& b : page) {
        r.blocks.push_back({b.block.span, b.kind, b.reason, b.pages, b.block.blank_before, b.label,
                            b.batch_pages, b.batch_size});
        if (b.removed()) ++r.removed;
    }
    r.text = r.removed == 0 ? std::string(text) : join_kept(text, r.blocks);
    r.dateline = detail::pick_dateline(page, body);
    return r;
}

}  // namespace

std::string join_kept(std::string_view text, const std::vector<BlockVerdict>& blocks,
                      std::size_t skip) {
    std::string out;
    bool blank = false;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const BlockVerdict& b = blocks[i];
        blank = blank || b.blank_before;
        if (b.removed() || i == skip) continue;
        if (!out.empty()) out += blank ? "\n\n" : "\n";
        out.append(text.substr(b.span.begin, b.span.size()));
        blank = false;
    }
    return out;
}

std::vector<Span> CleanResult::removed_spans() const {
    std::vector<Span> out;
    for (const BlockVerdict& b : blocks)
        if (b.removed()) out.push_back(b.span);
    return out;
}

std::string describe_removal(const BlockVerdict& b, std::string_view source,
                             std::uint64_t site_pages) {
    auto recurs = [&] {
        if (b.batch_size > 0 && b.batch_pages * site_pages > b.pages * std::uint64_t{b.batch_size})
            return fmt::format("recurs on {} of {} pages of a scrape batch of {}", b.batch_pages,
                               b.batch_size, source);
        return fmt::format("recurs on {} of {} pages of {}", b.pages, site_pages, source);
    };
    switch (b.reason) {
        case Reason::template_block:
            return recurs() + " (site template)";
        case Reason::frequent_label:
            return recurs() + ", among other chrome";
        case Reason::between_chrome:
            return recurs() + ", between chrome";
        case Reason::tail_list:
            return "list after the story, after chrome";
        case Reason::chrome_date:
            return "date line in chrome";
        case Reason::comment:
            return "a reader's comment after the story, under its time";
        case Reason::given:
            return "removed";
        case Reason::list_label:
            return fmt::format("list under the label \"{}\"", b.label);
        case Reason::shape_list:
            return "list of headlines with dates after the story";
        case Reason::list_above:
            return "list of headlines with dates above the story";
        case Reason::navigation:
            return "navigation";
        case Reason::caption:
            return "image caption or credit";
        case Reason::above_headline:
            return "above the headline";
        case Reason::source_link:
            return "a link to the story's source after it";
        case Reason::site_box:
            return "a box under the site's heading";
        case Reason::above_menu:
            return "a dated strip above the site's menu";
        case Reason::none:
            break;
    }
    return {};
}

namespace {

constexpr std::size_t kMenuTop = 4;  // a menu starts within the page's first blocks
constexpr std::size_t kMenuItems = 3, kShapeMenuItems = 4;
constexpr std::uint32_t kMenuItemWords = 3;

/// The items of a line of short items set off by " | ", " • " or " · " ("News | Sport |
/// Business"), each of at most `item_words` words; 0 when the line is not one.
std::size_t bar_menu_items(std::string_view line, std::uint32_t item_words) {
    static constexpr std::string_view kBars[] = {" | ", " \xE2\x80\xA2 ", " \xC2\xB7 "};
    for (std::string_view bar : kBars) {
        if (line.find(bar) == std::string_view::npos) continue;
        std::size_t items = 0;
        for (std::size_t from = 0;;) {
            const std::size_t at = line.find(bar, from);
            const std::string_view item = line.substr(from, at - from);
            if (describe_block(item).words > item_words) return 0;
            ++items;
            if (at == std::string_view::npos) return items;
            from = at + bar.size();
        }
    }
    return 0;
}

/// How many menu items a block is: one short block the site's statistics removed (its template,
/// a frequent label, navigation), or the items of such a line set off by bars ("News | Sport |
/// Business | Weather", as text browsers and converters write a menu); 0 for no menu's block.
std::size_t menu_items(const PageBlock& b) {
    const bool site_block = b.removed() && !b.date &&
                            (b.reason == Reason::template_block ||
                             b.reason == Reason::frequent_label || b.reason == Reason::navigation);
    if (!site_block) return 0;
    if (b.facts.words <= kMenuItemWords) return 1;
    const std::size_t items = bar_menu_items(b.text, kMenuItemWords);
    return b.facts.numbers == 0 && items > kMenuItems ? items : 0;
}

/// A line with a date, or a ticker's time relative to now ("اپ ڈیٹ: 1 گھنٹہ پہلے").
bool stamped(const PageBlock& b) {
    return b.date || dated_part(b.text).size() < b.text.size() || is_relative_time_line(b.text);
}

/// A strip's label among its stamps ("BREAKING", "بریکنگ نیوز", the site's name): kept, at most
/// two words, no sentence, no figure.
bool strip_label(const PageBlock& b) {
    return !b.removed() && !b.date && b.facts.words <= 2 && !b.facts.sentence_end &&
           b.facts.numbers == 0;
}

/// A kept line as short as a menu item, no sentence, no figure.
bool short_line(const PageBlock& b) {
    return !b.removed() && !b.date && b.facts.words > 0 && b.facts.words <= kMenuItemWords &&
           !b.facts.sentence_end && b.facts.numbers == 0;
}

/// True when a line kept above block `m` is a stamp.
bool stamp_above(const Page& page, std::size_t m) {
    return std::any_of(page.begin(), page.begin() + static_cast<std::ptrdiff_t>(m),
                       [](const PageBlock& b) { return !b.removed() && stamped(b); });
}

/// For a page whose site gives no counts (a site of a page or two): where a menu known by its
/// shape ends. From block `m`, kShapeMenuItems short lines or more (the site's name and its
/// items), then a headline longer than a menu item, under nothing but stamps and strip labels,
/// a stamp among them; npos when there is none (a headline as short as a menu item would be
/// taken into it, so then nothing is done).
std::size_t shape_menu_end(const Page& page, std::size_t m) {
    const auto top = page.begin() + static_cast<std::ptrdiff_t>(m);
    if (!stamp_above(page, m) || !std::all_of(page.begin(), top, [](const PageBlock& b) {
            return b.removed() || stamped(b) || strip_label(b);
        }))
        return std::string_view::npos;
    std::size_t end = m;
    while (end < page.size() && (short_line(page[end]) || menu_items(page[end]) > 0)) ++end;
    if (end - m < kShapeMenuItems || end == page.size()) return std::string_view::npos;
    const PageBlock& headline = page[end];
    if (headline.removed() || headline.date || headline.facts.words <= kMenuItemWords ||
        headline.facts.sentence_end)
        return std::string_view::npos;
    return end;
}

}  // namespace

/// The site's header strip: a line with a date above the site's menu (three short blocks or more
/// in a row near the top, or a line of four short items or more set off by bars, removed as the
/// site's template or as navigation) and above a kept
/// block under the menu (the headline): a lotto result, the tides, the air quality, a countdown,
/// a rate strip. Chrome, even when it is the page's first line taken as its title. Above a single
/// line of the site's template (its name, a printed page's running head), only a line that is
/// more than a date goes ("High water Exmouth Tue 13 Apr 2027 5.00am"): a bare date up there
/// (a scraper's note of the page's date, a site's date bar) is left to the date rules. Short
/// labels among the stamps ("BREAKING", the site's name) do not stop it. With no other page of
/// the site to count on, the menu is known by its shape (shape_menu_end): the strip and its
/// labels go, and the menu as navigation.
void remove_above_menu(Page& page) {
    for (std::size_t m = 1; m < std::min(kMenuTop + 1, page.size()); ++m) {
        std::size_t end = m, items = 0;
        for (; end < page.size(); ++end) {
            const std::size_t n = menu_items(page[end]);
            if (n == 0) break;
            items += n;
        }
        const bool menu = items >= kMenuItems;
        const bool running_head = page[m].reason == Reason::template_block && !page[m].date;
        if (!menu && !running_head) {
            const std::size_t shape_end = shape_menu_end(page, m);
            if (shape_end == std::string_view::npos) continue;
            for (std::size_t i = 0; i < m; ++i)
                if (!page[i].removed()) page[i].remove(Reason::above_menu);
            for (std::size_t i = m; i < shape_end; ++i)
                if (!page[i].removed()) page[i].remove(Reason::navigation);
            return;
        }
        // Only at the top of the page: nothing kept above it but dated lines (a headline above
        // it makes it part of the story's header, as a clipping service's source line).
        // Short labels among the stamps ("بریکنگ نیوز", the site's name) do not count.
        const bool stamps = stamp_above(page, m);
        if (std::any_of(page.begin(), page.begin() + static_cast<std::ptrdiff_t>(m),
                        [&](const PageBlock& b) {
                            return !b.removed() && !stamped(b) && !(stamps && strip_label(b));
                        }))
            return;
        end = std::max(end, m + 1);
        const bool headline_below =
            std::any_of(page.begin() + static_cast<std::ptrdiff_t>(end), page.end(),
                        [](const PageBlock& b) { return !b.removed() && !b.date; });
        if (!headline_below) return;
        for (std::size_t i = 0; i < m; ++i) {
            PageBlock& b = page[i];
            if (b.removed() || (!menu && detail::bare_date_line(b.text))) continue;
            if (stamped(b)) b.remove(Reason::above_menu);
        }
        return;
    }
}

/// A tool's stamp above the story ("Clipped: …", "Scanned …", a chat channel's day
/// "#newsdesk — Thursday, May 6, 2027"): never the article's date (classify_dates), and no text
/// of it either.
void remove_saving_stamps(Page& page, const BodyRange& body) {
    const std::size_t end = body.found() ? body.first : page.size();
    for (std::size_t i = 0; i < end; ++i)
        if (page[i].kind == BlockKind::stray_date && khabar::is_saving_time(page[i].text))
            page[i].remove(Reason::above_headline);
}

/// Rule 4b: a box of the site's after the story's start: one or two lines under the site's own
/// heading (a few words on every page of the site: "Public Notices", "سرکاری اشتہارات") and
/// right before more chrome, with a figure among them (a notice's number or closing date, a
/// rate, a prayer time) and none ending in a full stop. The story's own lines after a heading
/// end in full stops; a credit line ("(Reporting by ...)") has no figure.
void remove_site_boxes(Page& page, const BodyRange& body, const CleanerConfig& config) {
    if (!body.found()) return;
    constexpr std::uint32_t kHeadingWords = 6;  // "سرکاری اشتہارات و ٹینڈر نوٹس"
    constexpr std::size_t kMaxLines = 2;
    for (std::size_t h = body.first + 1; h + 2 < page.size(); ++h) {
        const PageBlock& heading = page[h];
        if (heading.reason != Reason::template_block || heading.date ||
            heading.facts.words > kHeadingWords || heading.facts.sentence_end)
            continue;
        std::size_t j = h + 1;
        while (j < page.size() && j - (h + 1) <= kMaxLines && !page[j].removed() &&
               page[j].kind != BlockKind::title && page[j].kind != BlockKind::own_date)
            ++j;
        const std::size_t lines = j - (h + 1);
        if (lines == 0 || lines > kMaxLines || j >= page.size() || !page[j].removed()) continue;
        bool figure = false, box = true;
        for (std::size_t k = h + 1; k < j; ++k) {
            const PageBlock& b = page[k];
            figure = figure || b.facts.numbers > 0;
            box = box && !b.facts.full_stop && b.facts.words <= config.list_words;
        }
        if (!figure || !box) continue;
        for (std::size_t k = h + 1; k < j; ++k) page[k].remove(Reason::site_box);
        h = j;
    }
}

std::array<std::string, 2> BatchClock::next(std::string_view source) {
    auto it = seen_.find(source);
    if (it == seen_.end()) it = seen_.emplace(std::string(source), 0).first;
    const std::uint64_t n = it->second++;
    return {fmt::format("{}#{}", source, n / kBatchPages),
            fmt::format("{}#{}+", source, (n + kBatchPages / 2) / kBatchPages)};
}

Cleaner::Cleaner(const BlockStats& stats, CleanerConfig config, const BlockStats* batches)
    : stats_(&stats), batches_(batches), config_(config) {}

CleanResult Cleaner::clean(std::string_view source, std::string_view text, std::string_view title,
                           std::span<const std::string> batches, const PageReading* reading) const {
    Page page = reading != nullptr ? detail::read_page(text, *reading) : detail::read_page(text);
    bool informed = annotate(page, *stats_, source, config_);
    informed = annotate_batches(page, batches_, batches) || informed;
    const std::uint64_t title_hash = title.empty() ? 0 : describe_block(title).hash;
    remove_template_and_labels(page, title_hash, config_);
    detail::remove_by_shape(page);
    remove_above_menu(page);
    const BodyRange body = detail::find_body(page, config_.anchor_words);
    detail::classify_dates(page, body, informed);
    remove_chrome_dates(page);
    remove_saving_stamps(page, body);
    const Page before_context_rules = page;
    remove_comments(page, body);
    remove_between_chrome(page, config_);
    remove_site_boxes(page, body, config_);
    remove_tail_lists(page, body, config_);
    remove_chrome_dates(page);
    if (!has_article_text(page) && has_article_text(before_context_rules))
        page = before_context_rules;  // never leave an article without its text
    if (!has_article_text(page)) restore_long_blocks(page, before_context_rules);
    return assemble(text, page, body);
}

}  // namespace khabar::cleaning
