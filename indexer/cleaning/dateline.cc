/** @file
 * @brief Datelines: date lines, wire datelines, and which of them belong to the article.
 */
#include "cleaning/dateline.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "cleaning/date_order.h"
#include "cleaning/page_model.h"
#include "dates/date_parser.h"
#include "dates/saving_time.h"

namespace khabar::cleaning {

namespace {

constexpr std::uint32_t kMaxDateLineWords = 12;
constexpr std::uint32_t kAnchorWords = 12;
/// An own date line sits close to the headline: at most this many kept blocks (byline,
/// standfirst, share links) between them. A site header's "Wednesday November 20, 2019" above
/// the navigation is far from it, even when nothing has been removed yet.
constexpr std::size_t kMaxHeadGap = 8;
/// A first paragraph of at most this many words (a long Urdu standfirst: 90) followed by a bare
/// date line is a standfirst.
constexpr std::uint32_t kStandfirstWords = 100;
/// A date line right under a standfirst has at most this many words before its date.
constexpr std::size_t kBareDateWords = 3;
/// Longest "This entry was posted on …" line, and how many kept lines after the story's last long
/// paragraph it may be.
constexpr std::uint32_t kMaxPostedLineWords = 30;
constexpr int kPostedLineAfter = 2;

/// True when `text` starts with one of the lower-case `prefixes`, in any case.
bool starts_with_words(std::string_view text, std::initializer_list<std::string_view> prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) {
        if (text.size() < p.size()) return false;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(text[i])) !=
                static_cast<unsigned char>(p[i]))
                return false;
        return true;
    });
}

/// The first part of `line` (split at any of `seps`, trimmed) that `accept` takes; the line itself
/// when it has no such separator or no part is taken.
template <typename Accept>
std::string_view first_part(std::string_view line, std::initializer_list<std::string_view> seps,
                            Accept accept) {
    for (std::string_view sep : seps) {
        if (line.find(sep) == std::string_view::npos) continue;
        for (std::size_t from = 0, at = 0; at != std::string_view::npos; from = at + sep.size()) {
            at = line.find(sep, from);
            std::string_view part =
                line.substr(from, at == std::string_view::npos ? at : at - from);
            while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
            while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
            if (accept(part)) return part;
        }
    }
    return line;
}

/// A header's fact beside its date: a byline ("By Reuters"), a clock time ("9:17 AM", "10:00") or a
/// reading time ("5 min read", "2 منٹ میں پڑھیں").
bool header_fact(std::string_view part) {
    if (starts_with_words(part, {"by "}) || part.find("min read") != part.npos ||
        part.find("\xD9\x85\xD9\x86\xD9\xB9") != part.npos)  // منٹ
        return true;
    for (std::size_t i = 1; i + 1 < part.size(); ++i)
        if (part[i] == ':' && std::isdigit(static_cast<unsigned char>(part[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(part[i + 1])))
            return true;
    return false;
}

/// True when `line` is set off by separators (" · ", " | ", " — ", " – ") into two parts or more,
/// each of at most kMaxPartWords words and none ending a sentence, one of them a header's fact
/// (header_fact): a header's line ("By Reuters · Mar 13, 1987 · 9:17 AM · 5 min read"), not prose
/// or a headline with dashes ("Parliament votes — 3 March 2027 — budget passes").
bool short_parts(std::string_view line) {
    constexpr std::uint32_t kMaxPartWords = 6;
    static constexpr std::string_view kSeparators[] = {" \xC2\xB7 ", " | ", " \xE2\x80\x94 ",
                                                       " \xE2\x80\x93 "};
    if (std::none_of(std::begin(kSeparators), std::end(kSeparators),
                     [&](std::string_view sep) { return line.find(sep) != line.npos; }))
        return false;  // most blocks: one part, no need to describe it
    std::size_t parts = 0;
    bool fact = false;
    while (!line.empty()) {
        std::size_t at = std::string_view::npos, len = 0;
        for (std::string_view sep : kSeparators)
            if (const std::size_t p = line.find(sep); p < at) at = p, len = sep.size();
        const std::string_view part = line.substr(0, at);
        const BlockFacts facts = describe_block(part);
        if (facts.words > kMaxPartWords || facts.sentence_end) return false;
        fact = fact || header_fact(part);
        ++parts;
        line = at == std::string_view::npos ? std::string_view() : line.substr(at + len);
    }
    return parts >= 2 && fact;
}

/// "Updated: 20 April 2027", "اپ ڈیٹ: 20 اپریل 2027": when the story was last changed, not
/// published (the date of last resort).
bool is_update_line(std::string_view text) {
    return starts_with_words(text, {"updated", "last updated", "modified", "last modified",
                                    "اپ ڈیٹ", "اپڈیٹ", "آخری اپ ڈیٹ", "آخری اپڈیٹ"});
}

/// "Published: 3 April 1987", "تاریخ اشاعت: ۱۴ دسمبر ۲۰۲۴": a date labelled as the publication's.
bool is_publication_line(std::string_view text) {
    // The line may name the post's category first ("Filed under Business | 1 Nov 2025").
    return starts_with_words(
        text, {"published:", "published on", "posted:", "posted on", "posted in", "filed under",
               "category:", "تاریخ اشاعت", "شائع شدہ", "شائع:", "شائع ہوا", "اشاعت:", "زمرہ:"});
}

/// "This entry was posted on Wednesday, March 25th, 1987 at 6:18 am and is filed under
/// Business.": a line after a blog post naming when it was posted; the date's offset in `text`
/// (npos when the line does not read so).
std::size_t posted_on_date(std::string_view text, const BlockFacts& facts) {
    if (facts.words > kMaxPostedLineWords || facts.numbers == 0) return std::string_view::npos;
    // The line opens with the mark and the date follows it ("The clip, first posted on 3 March
    // 2021 by a passer-by, ..." is a sentence of the story).
    for (std::string_view mark : {"this entry was posted on ", "posted on ", "published on "}) {
        if (!starts_with_words(text, {mark})) continue;
        const auto d = parse_date(text.substr(mark.size()));
        if (d && d->precision == DatePrecision::day) return mark.size();
    }
    return std::string_view::npos;
}

/// A cursor over ASCII text for the wire-dateline grammar.
class Cursor {
  public:
    explicit Cursor(std::string_view s) : s_(s) {}
    std::size_t pos() const { return pos_; }
    void seek(std::size_t p) { pos_ = p; }
    /// Move to the next `c` within `max` characters; false (cursor unmoved) when there is none.
    bool skip_to(char c, std::size_t max) {
        const std::size_t at = s_.substr(pos_, max + 1).find(c);
        if (at == std::string_view::npos) return false;
        pos_ += at;
        return true;
    }
    bool at(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
    bool eat(char c) {
        if (!at(c)) return false;
        ++pos_;
        return true;
    }
    bool eat(std::string_view lit) {
        if (s_.substr(pos_, lit.size()) != lit) return false;
        pos_ += lit.size();
        return true;
    }
    void spaces() {
        while (at(' ')) ++pos_;
    }
    /// A capitalized word: [A-Z][A-Za-z.'-]*; returns its length (0 = none).
    std::size_t capitalized_word() {
        std::size_t b = pos_;
        if (pos_ >= s_.size() || !std::isupper(static_cast<unsigned char>(s_[pos_]))) return 0;
        while (pos_ < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[pos_])) ||
                                    s_[pos_] == '.' || s_[pos_] == '\'' || s_[pos_] == '-'))
            ++pos_;
        return pos_ - b;
    }
    /// Letters only.
    std::string_view letters() {
        std::size_t b = pos_;
        while (pos_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[pos_]))) ++pos_;
        return s_.substr(b, pos_ - b);
    }
    /// Digits; returns how many.
    std::size_t digits() {
        std::size_t b = pos_;
        while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
        return pos_ - b;
    }

  private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

bool is_month_name(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (word.size() < 3) return false;
    std::string lower;
    for (char c : word)
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lower == "sept") return true;
    return std::any_of(kMonths.begin(), kMonths.end(), [&](std::string_view m) {
        return lower == m || (lower.size() == 3 && m.substr(0, 3) == lower);
    });
}

/// A city of one to four capitalized words ("NEW YORK", "Fort Worth"), then ", ". Only the
/// first word needs two letters: a market report's "COPPER GRADE A, April 7, 1987" ends in one.
bool eat_city(Cursor& c) {
    for (int words = 0; words < 4; ++words) {
        if (c.capitalized_word() < (words == 0 ? 2u : 1u)) return false;
        if (c.eat(", ")) return true;
        if (!c.eat(' ')) return false;
    }
    return false;
}

/// "Nov 23", "Nov. 23", "March 2": month, then day.
bool eat_month_then_day(Cursor& c) {
    if (!is_month_name(c.letters())) return false;
    c.eat('.');
    c.spaces();
    const std::size_t d = c.digits();
    return d >= 1 && d <= 2;
}

/// "23 Nov", "23 Nov.": day, then month.
bool eat_day_then_month(Cursor& c) {
    const std::size_t d = c.digits();
    if (d < 1 || d > 2 || !c.eat(' ') || !is_month_name(c.letters())) return false;
    c.eat('.');
    return true;
}

/// "Nov 23", "March 2, 1987", "23 Nov": the date part, with its year when one follows; false
/// (cursor unmoved) when there is none.
bool eat_month_day(Cursor& c, bool& has_year) {
    const std::size_t start = c.pos();
    if (!eat_month_then_day(c)) {
        c.seek(start);
        if (!eat_day_then_month(c)) {
            c.seek(start);
            return false;
        }
    }
    const std::size_t before_year = c.pos();
    c.eat(',');
    c.spaces();
    has_year = c.digits() == 4;
    if (!has_year) c.seek(before_year);
    return true;
}

/// True when text (after spaces) begins with an ASCII lower-case letter.
bool starts_lowercase(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    return !text.empty() && std::islower(static_cast<unsigned char>(text.front()));
}

/// A closing separator: ':', '-', en or em dash, after optional "(Reuters)"-like credit.
bool eat_separator(Cursor& c) {
    c.spaces();
    if (c.eat('(')) {  // "(Reuters)", "(AP)": at most 30 characters
        if (!c.skip_to(')', 30) || !c.eat(')')) return false;
        c.spaces();
    }
    return c.eat(':') || c.eat('-') || c.eat("\xE2\x80\x93") || c.eat("\xE2\x80\x94");
}

/// `text` up to the end of its first year (four ASCII digits from 1800 to 2100 standing alone);
/// all of it when it has none.
std::string_view through_year(std::string_view text) {
    const auto digit = [&](std::size_t i) {
        return i < text.size() && text[i] >= '0' && text[i] <= '9';
    };
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        if ((i > 0 && digit(i - 1)) || !digit(i) || !digit(i + 1) || !digit(i + 2) ||
            !digit(i + 3) || digit(i + 4))
            continue;
        const int year = (text[i] - '0') * 1000 + (text[i + 1] - '0') * 100 +
                         (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
        if (year >= 1800 && year <= 2100) return text.substr(0, i + 4);
    }
    return text;
}

/// "A version of this article appears in print on Nov. 24, 2013, Section A, Page 1 …": the one
/// trailer read up to its year, however long the line.
bool print_version_line(std::string_view text) {
    return starts_with_words(
        text, {"a version of this article appears", "a version of this story appears"});
}

Dateline make_dateline(const detail::PageBlock& b, Dateline::Kind kind) {
    Dateline d;
    d.text = std::string(b.text);
    d.span = b.block.span;
    // "A version of this article appears in print on Nov. 24, 2013, Section A, …": up to the year.
    if (print_version_line(b.text) && b.facts.words > kMaxDateLineWords) {
        d.text = std::string(through_year(b.text));
        d.span.end = d.span.begin + d.text.size();
        d.kind = kind;
        d.parses = parse_date(d.text).has_value();
        return d;
    }
    // "Updated Mar. 19, 1987 | Published Mar. 18, 1987": the publication's part.
    if (is_update_line(b.text)) {
        const std::string_view part = first_part(b.text, {" | "}, [](std::string_view p) {
            return starts_with_words(p, {"published", "posted"}) && parse_date(p).has_value();
        });
        if (part.size() < b.text.size()) {
            d.text = std::string(part);
            d.span.begin += static_cast<std::size_t>(part.data() - b.text.data());
            d.span.end = d.span.begin + part.size();
            d.parses = true;
            return d;
        }
    }
    // "Published: 1 day ago — 5 November 2025": the part that is a date.
    if (!parse_date(b.text, NumericOrder::day_first)) {
        const std::string_view part = dated_part(b.text);
        d.text = std::string(part);
        d.span.begin += static_cast<std::size_t>(part.data() - b.text.data());
        d.span.end = d.span.begin + part.size();
    }
    d.kind = kind;
    d.parses = parse_date(d.text).has_value();
    return d;
}

/// True when block i is a date line wedged between chrome (or the page's edge) above the body.
bool wedged(const detail::Page& page, std::size_t i) {
    const bool prev_removed = i == 0 || page[i - 1].removed();
    const bool next_removed = i + 1 >= page.size() || page[i + 1].removed();
    if (!prev_removed || !next_removed) return false;
    // Template line above, recurring headline below: the layout "site bar / date / headline" of a
    // story whose headline recurs (a daily wire item), not a sidebar entry.
    const bool site_bar_above = i > 0 && page[i - 1].reason == Reason::template_block;
    const bool headline_below = i + 1 < page.size() && page[i + 1].reason == Reason::frequent_label;
    return !(site_bar_above && headline_below);
}

/// True when date line i opens the page (nothing kept above it) and the site's navigation
/// (removed as such) comes after it and before the story: "Wednesday, June 5, 2024 / The Daily Post
/// / Home | World | Sport / headline / …" is the site's date bar above its menu, not the article's
/// date.
bool above_navigation(const detail::Page& page, std::size_t i, const detail::BodyRange& body) {
    for (std::size_t k = 0; k < i; ++k)  // the bar opens the page; a byline's date does not
        if (!page[k].removed()) return false;
    const std::size_t end = body.found() ? body.first : page.size();
    for (std::size_t k = i + 1; k < end; ++k)
        if (page[k].reason == Reason::navigation) return true;
    return false;
}

/// Around an own date line: a recurring headline just below it (a daily wire item) is the title,
/// a recurring byline just above it ("Reuters, Washington,") is the article's.
void restore_neighbours(detail::Page& page, std::size_t i) {
    if (i + 1 < page.size() && page[i + 1].reason == Reason::frequent_label) {
        page[i + 1].kind = BlockKind::title;
        page[i + 1].reason = Reason::none;
    }
    if (i > 0 && page[i - 1].reason == Reason::frequent_label) {
        page[i - 1].kind = BlockKind::content;
        page[i - 1].reason = Reason::none;
    }
}

/// True when block i follows the story's last long paragraph (`last`) with at most two blocks
/// between, each kept and ending a sentence (the story's last short paragraphs; a removed label
/// between means a list of other stories).
bool after_last_sentences(const detail::Page& page, std::size_t last, std::size_t i) {
    if (i - last - 1 > 2) return false;
    for (std::size_t k = last + 1; k < i; ++k)
        if (page[k].removed() || !page[k].facts.sentence_end || page[k].date) return false;
    return true;
}

/// Kept blocks strictly between i and j (i < j).
std::size_t kept_between(const detail::Page& page, std::size_t i, std::size_t j) {
    std::size_t n = 0;
    for (std::size_t k = i + 1; k < j; ++k) n += !page[k].removed();
    return n;
}

/// True when at most kMaxHeadGap kept blocks separate blocks i and j (j = npos: no constraint).
bool near(const detail::Page& page, std::size_t i, std::size_t j) {
    if (j == detail::BodyRange::none) return true;
    return kept_between(page, std::min(i, j), std::max(i, j)) <= kMaxHeadGap;
}

/// Where the article starts for the date rules: its headline (a block kept as the title), else,
/// when nothing is known about the page's chrome, the page's first block (a site header's date
/// far below it is not the article's); npos = no constraint.
std::size_t story_top(const detail::Page& page, bool informed) {
    for (std::size_t i = 0; i < page.size(); ++i)
        if (page[i].kind == BlockKind::title) return i;
    return informed || page.empty() ? detail::BodyRange::none : 0;
}

/// True when no block between the body's last anchor and i was removed.
bool follows_body(const detail::Page& page, std::size_t last, std::size_t i) {
    for (std::size_t k = last + 1; k < i; ++k)
        if (page[k].removed()) return false;
    return true;
}

/// A block that belongs to the story: a kept, unique paragraph. Strict: at least anchor_words
/// words ending like a sentence (or twice as long); relaxed (pages of short lines, such as
/// tables of results): three words.
bool is_anchor(const detail::PageBlock& b, std::uint32_t anchor_words, bool strict) {
    if (b.kind != BlockKind::content || b.date || b.frequent) return false;
    if (!strict) return b.facts.words >= 3;
    if (b.facts.words < anchor_words) return false;
    return b.facts.sentence_end ||
           b.facts.words >= 2 * anchor_words;  // a paragraph, not a headline
}

detail::BodyRange find_segment_body(const detail::Page& page, std::uint32_t anchor_words,
                                    bool strict) {
    detail::BodyRange best, current;
    std::uint64_t best_words = 0, current_words = 0;
    std::size_t gap = 0;  // removed blocks and date lines in a row
    for (std::size_t i = 0; i < page.size(); ++i) {
        const detail::PageBlock& b = page[i];
        // A labelled list or a caption inside the story ("یہ بھی پڑھیے" and its links) does not
        // end it: the paragraphs after it are the story's too.
        if (b.removed() && (b.reason == Reason::list_label || b.reason == Reason::caption))
            continue;
        if (b.removed() || b.date) {
            ++gap;
            continue;
        }
        if (gap >= 2) current = {}, current_words = 0;  // a run of chrome ends a segment
        gap = 0;
        if (!is_anchor(b, anchor_words, strict)) continue;
        if (!current.found()) current.first = i;
        current.last = i;
        current_words += b.facts.words;
        if (current_words > best_words) best = current, best_words = current_words;
    }
    return best;
}

}  // namespace

bool is_date_line(std::string_view block, const BlockFacts& facts) {
    if (facts.words > kMaxDateLineWords && facts.words <= 2 * kMaxDateLineWords) {
        // "Published Mar. 18, 1987 at 9:54 a.m. | Updated Mar. 19, 1987 at 6:02 p.m.": the
        // publication date, then more set off by a bar.
        const std::size_t bar = block.find(" | ");
        if (bar != std::string_view::npos) {
            const std::string_view head = block.substr(0, bar);
            if ((is_publication_line(head) || is_update_line(head) ||
                 starts_with_words(head, {"published", "posted"})) &&
                is_date_line(head, describe_block(head)))
                return true;
        }
        // "By Reuters · Mar 13, 1987 · 9:17 AM · 5 min read": a header's byline, date, time and
        // reading time, each short, one of them a date.
        return short_parts(block) && dated_part(block).size() < block.size();
    }
    if (facts.words == 0 || facts.numbers == 0) return false;
    // "A version of this article appears in print on Nov. 24, 2013, Section A, Page 1 of the New
    // York edition with …": read up to its year, however long.
    if (facts.words > kMaxDateLineWords) {
        const std::string_view head = print_version_line(block) ? through_year(block) : block;
        return head.size() < block.size() && is_date_line(head, describe_block(head));
    }
    // "It said the loans mature in March 1990." is a sentence; a trailer or publication line
    // may end like one ("This article was originally published on June 5, 2024.").
    if (facts.sentence_end && facts.words >= 5 && !detail::is_trailer(block) &&
        !is_publication_line(block))
        return false;
    // Either order: a line such as "Published 04/03/1987" is a date line whichever it means.
    auto d = parse_date(block, NumericOrder::day_first);
    if (d && (d->precision == DatePrecision::day || d->precision == DatePrecision::month))
        return true;
    return dated_part(block).size() < block.size();
}

std::string_view dated_part(std::string_view line) {
    return first_part(line, {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " | ", " \xC2\xB7 "},
                      [](std::string_view part) {
                          const auto d = parse_date(part, NumericOrder::day_first);
                          return d && d->precision == DatePrecision::day;
                      });
}

namespace {

/// "اسلام آباد (27 نومبر 2026ء) ...", "لاہور (اردو پوائنٹ اخبار تازہ ترین۔ 27 نومبر 2026ء)
/// ...": a city of one to four words, then in brackets a full date (day, month and year), after
/// at most eight words of credit; the date part and its span. nullopt otherwise.
std::optional<Dateline> bracketed_dateline(std::string_view paragraph) {
    constexpr std::size_t kMaxCity = 80, kMaxBrackets = 160, kMaxCreditWords = 8;
    const std::size_t open = paragraph.find('(');
    if (open == std::string_view::npos || open == 0 || open > kMaxCity) return std::nullopt;
    // Urdu punctuation ends a sentence or clause: no city holds it.
    constexpr std::string_view kUrduMarks[] = {"\xD8\x8C", "\xDB\x94", "\xD8\x9B"};  // ، ۔ ؛
    const std::string_view city = paragraph.substr(0, open);
    for (std::string_view mark : kUrduMarks)
        if (city.find(mark) != std::string_view::npos) return std::nullopt;
    std::size_t words = 0;
    for (std::size_t i = 0; i < open; ++i) {
        const auto c = static_cast<unsigned char>(paragraph[i]);
        if (digit_bytes(paragraph, i) > 0 ||
            (c < 0x80 && !std::isalpha(c) && c != ' ' && c != '.' && c != '-' && c != '\''))
            return std::nullopt;
        if (c != ' ' && (i == 0 || paragraph[i - 1] == ' ')) ++words;
    }
    if (words == 0 || words > 4) return std::nullopt;
    const std::size_t close = paragraph.find(')', open);
    if (close == std::string_view::npos || close - open > kMaxBrackets) return std::nullopt;
    std::size_t first_digit = open + 1;
    while (first_digit < close && digit_bytes(paragraph, first_digit) == 0) ++first_digit;
    if (first_digit == close) return std::nullopt;
    std::size_t credit_words = 0;
    for (std::size_t i = open + 1; i < first_digit; ++i)
        credit_words += paragraph[i] != ' ' && (i == open + 1 || paragraph[i - 1] == ' ');
    if (credit_words > kMaxCreditWords) return std::nullopt;
    if (credit_words > 0) {  // a credit ends in a separator: "(اردو پوائنٹ اخبار تازہ ترین۔ DATE)",
                             // not "(born DATE)", "(پیدائش DATE)"
        constexpr std::string_view kSeparators[] = {
            "\xDB\x94", "\xD8\x8C", "-", ":", ",", "|", "\xE2\x80\x94", "\xE2\x80\x93"};
        std::string_view credit = paragraph.substr(open + 1, first_digit - open - 1);
        while (!credit.empty() && credit.back() == ' ') credit.remove_suffix(1);
        if (std::none_of(std::begin(kSeparators), std::end(kSeparators),
                         [&](std::string_view sep) { return credit.ends_with(sep); }))
            return std::nullopt;
    }
    std::size_t end = close;
    while (end > first_digit && paragraph[end - 1] == ' ') --end;
    Dateline d;
    d.text = std::string(paragraph.substr(first_digit, end - first_digit));
    const std::optional<Date> date = parse_date(d.text);
    if (!date || date->precision != DatePrecision::day) return std::nullopt;
    d.span = {first_digit, end};
    d.kind = Dateline::Kind::city;
    d.parses = true;
    return d;
}

}  // namespace

std::optional<Dateline> find_city_dateline(std::string_view paragraph) {
    if (auto d = bracketed_dateline(paragraph)) return d;
    Cursor c(paragraph);
    std::size_t date_at = 0;
    bool has_year = false;
    // "April 3, 1987 — ...": a lead that opens with its full date and no city.
    if (eat_month_day(c, has_year) && has_year) {
        const std::size_t date_end = c.pos();
        // "April 3, 1987 — Apple said …"; not "September 11, 2001 — a day that changed …".
        if (eat_separator(c) && !starts_lowercase(paragraph.substr(c.pos()))) {
            Dateline d;
            d.text = std::string(paragraph.substr(0, date_end));
            d.span = {0, date_end};
            d.kind = Dateline::Kind::city;
            d.parses = parse_date(d.text).has_value();
            return d;
        }
    }
    c.seek(0);
    if (!eat_city(c)) return std::nullopt;
    date_at = c.pos();
    if (!eat_month_day(c, has_year)) {
        // "DEKALB, Ill., Nov 23" — a region between the city and the date.
        c.seek(date_at);
        if (!eat_city(c)) return std::nullopt;
        date_at = c.pos();
        if (!eat_month_day(c, has_year)) return std::nullopt;
    }
    const std::size_t date_end = c.pos();
    if (!eat_separator(c)) return std::nullopt;
    Dateline d;
    d.text = std::string(paragraph.substr(date_at, date_end - date_at));
    d.span = {date_at, date_end};
    d.kind = Dateline::Kind::city;
    d.parses = has_year && parse_date(d.text).has_value();
    return d;
}

namespace detail {

Page read_page(std::string_view text) {
    Page page;
    for (const Block& b : split_blocks(text)) {
        PageBlock pb;
        pb.block = b;
        pb.text = text.substr(b.span.begin, b.span.size());
        pb.facts = describe_block(pb.text);
        pb.date = is_date_line(pb.text, pb.facts);
        page.push_back(pb);
    }
    return page;
}

bool bare_date_line(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size() && digit_bytes(text, i) == 0; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool letter = std::isalpha(c) || c >= 0x80;
        if (letter && !in_word) ++words;
        in_word = letter;
    }
    return words <= kBareDateWords;
}

/// "یہ تحریر 17 جنوری 2026 کو شائع ہوئی۔", "یہ خبر پہلی بار 19 اپریل 2027 کو شائع ہوئی۔":
/// "this piece (news, column, …) was published", short; not a story's "یہ کالم لکھتے ہوئے …"
/// ("writing this column …").
bool urdu_trailer(std::string_view text) {
    if (!starts_with_words(text, {"یہ تحریر", "یہ مضمون", "یہ کالم", "یہ بلاگ", "یہ رپورٹ",
                                  "یہ خبر", "یہ آرٹیکل"}))
        return false;
    return text.size() <= 160 && text.find("شائع") != std::string_view::npos;
}

bool is_trailer(std::string_view text) {
    return starts_with_words(
               text, {"published in", "printed in", "first published", "appeared in",
                      "originally published", "this article was originally published",
                      "this article was first published", "this story was originally published",
                      "this story was first published", "this article first appeared",
                      "this story first appeared", "this article originally appeared",
                      "this story originally appeared", "a version of this article appears",
                      "a version of this story appears"}) ||
           urdu_trailer(text);
}

bool closes_story(std::string_view text) {
    return is_trailer(text) || is_publication_line(text);
}

bool under_headline(const Page& page, std::size_t i, std::uint32_t anchor_words) {
    std::size_t k = i;
    while (k > 0 && (page[k - 1].removed() || page[k - 1].date)) --k;
    if (k == 0) return true;  // the page's first kept block
    const PageBlock& above = page[k - 1];
    if (above.kind == BlockKind::title) return true;
    if (!may_be_headline(above.facts, anchor_words)) return false;
    for (std::size_t j = 0; j + 1 < k; ++j)  // the headline is the first kept block
        if (!page[j].removed() && !page[j].date) return false;
    return true;
}

bool may_be_standfirst(const BlockFacts& facts) {
    return facts.words <= kStandfirstWords;
}

bool may_be_headline(const BlockFacts& facts, std::uint32_t anchor_words) {
    if (!facts.sentence_end) return true;
    return !facts.full_stop && facts.words < 2 * anchor_words;
}

BodyRange find_body(const Page& page, std::uint32_t anchor_words) {
    const BodyRange strict = find_segment_body(page, anchor_words, true);
    BodyRange body = strict.found() ? strict : find_segment_body(page, anchor_words, false);
    if (!body.found() || body.first + 1 >= body.last) return body;
    // A headline, or a standfirst, with its date line under it (a byline of a few words may come
    // between: "ویب ڈیسک"): the story starts after them.
    constexpr std::uint32_t kBylineWords = 4;
    std::size_t date = body.first + 1;
    const PageBlock& between = page[date];
    if (!between.date && date + 1 < body.last && page[date + 1].date &&
        between.facts.words <= kBylineWords && !between.facts.sentence_end)
        ++date;
    if (!page[date].date) return body;
    if (!may_be_headline(page[body.first].facts, anchor_words) &&
        !(may_be_standfirst(page[body.first].facts) && bare_date_line(page[date].text) &&
          under_headline(page, body.first, anchor_words)))
        return body;
    for (std::size_t i = date + 1; i <= body.last; ++i) {
        if (!page[i].removed() && !page[i].date) {
            body.first = i;
            break;
        }
    }
    return body;
}

void classify_dates(Page& page, const BodyRange& body, bool informed) {
    const std::size_t top = story_top(page, informed);
    // When the page was saved, as a tool stamped it ("Saved on 16.09.2027"): the story was
    // published by then, so a later day on the page (a notice of tomorrow's water cut) is not
    // its date. Days that read both ways ("05/04/2027") set no limit and meet none, unless
    // dotted or Urdu, which are day first (unsettled_order).
    std::optional<std::string> saved;
    for (const PageBlock& b : page)
        if (b.date && is_saving_time(b.text))
            if (const auto d = parse_date(make_dateline(b, Dateline::Kind::line).text,
                                          unsettled_order(b.text, b.text));
                d && d->precision == DatePrecision::day && (!saved || d->iso() > *saved))
                saved = d->iso();
    auto after_saving = [&](const PageBlock& b) {
        if (!saved) return false;
        const auto d = parse_date(make_dateline(b, Dateline::Kind::line).text,
                                  unsettled_order(b.text, b.text));
        return d && d->precision == DatePrecision::day && d->iso() > *saved;
    };
    for (std::size_t i = 0; i < page.size(); ++i) {
        PageBlock& b = page[i];
        if (!b.date || b.kind != BlockKind::content) continue;
        bool own = false;
        if (is_saving_time(b.text) || after_saving(b)) {  // "Added on 06/10/2026": when the page
            b.kind = BlockKind::stray_date;               // was saved, or a day after it
            continue;
        }
        if (body.found() && i > body.last) {
            // A print trailer may follow share links; a publication line only the last paragraph.
            own = is_trailer(b.text)
                      ? follows_body(page, body.last, i)
                      : is_publication_line(b.text) && after_last_sentences(page, body.last, i);
        } else if (!body.found() || i < body.first) {
            own = !wedged(page, i) && near(page, i, top) && !above_navigation(page, i, body);
        } else if (i > body.first && is_publication_line(b.text)) {
            // Between the story's paragraphs, right after one ("تاریخ اشاعت: ۱۲ دسمبر ۲۰۲۴"
            // under the lead): the article's; not under a teaser's headline.
            const PageBlock& above = page[i - 1];
            own = !above.removed() && !above.date && above.facts.sentence_end &&
                  above.facts.words >= kAnchorWords;
        }
        b.kind = own ? BlockKind::own_date : BlockKind::stray_date;
        if (own) restore_neighbours(page, i);
    }
}

std::optional<Dateline> pick_dateline(const Page& page, const BodyRange& body) {
    // Date lines that parse come first; one that may be day or month first ("04/03/1987") only
    // when no other date of the article's reads, for the site's order to settle.
    std::optional<Dateline> ambiguous;
    auto pick = [&](std::size_t i, Dateline::Kind kind) {
        if (i == BodyRange::none) return false;
        Dateline d = make_dateline(page[i], kind);
        if (d.parses) return ambiguous = std::move(d), true;
        if (!ambiguous) ambiguous = std::move(d);
        return false;
    };
    // "Originally published Wed., March 18, 1987", "First published on Tue 3 Mar 1987": a
    // trailer's words, but above the story the header's line.
    auto first_publication = [](std::string_view text) {
        return starts_with_words(text, {"originally published", "first published"});
    };
    auto is_line = [&](const PageBlock& b) {
        return !is_update_line(b.text) && (!is_trailer(b.text) || first_publication(b.text));
    };
    const std::size_t head_end = body.found() ? body.first : page.size();
    auto kind_of = [&](std::size_t i) {
        const std::string_view t = page[i].text;
        if (i >= head_end || (is_trailer(t) && !first_publication(t)))
            return Dateline::Kind::trailer;
        return is_update_line(t) ? Dateline::Kind::updated : Dateline::Kind::line;
    };
    auto first_own = [&](std::size_t from, std::size_t to, auto accept) {
        for (std::size_t i = from; i < to && i < page.size(); ++i)
            if (page[i].kind == BlockKind::own_date && accept(page[i]) && pick(i, kind_of(i)))
                return true;
        return false;
    };
    if (first_own(0, head_end, is_line)) return ambiguous;
    if (body.found() &&
        first_own(head_end, page.size(), [](const PageBlock& b) { return closes_story(b.text); }))
        return ambiguous;
    if (!ambiguous && body.found()) {
        // "This entry was posted on …" closing a blog post: its last long paragraph, or one of
        // the two lines kept after it (the story's last short paragraph may come between).
        // The line above it ends a sentence or is a paragraph: the story's, not a list of other
        // posts.
        std::size_t i = body.last;
        const PageBlock* above = nullptr;
        for (std::size_t k = body.last; k > 0 && !above; --k)
            if (!page[k - 1].removed()) above = &page[k - 1];
        for (int kept = 0; kept <= kPostedLineAfter && i < page.size(); ++i) {
            if (page[i].removed()) continue;
            ++kept;
            const PageBlock* prev = std::exchange(above, &page[i]);
            if (page[i].kind != BlockKind::content || !prev ||
                (!prev->facts.sentence_end && prev->facts.words < kAnchorWords))
                continue;
            const std::size_t at = posted_on_date(page[i].text, page[i].facts);
            if (at == std::string_view::npos) continue;
            Dateline d;
            d.text = std::string(page[i].text.substr(at));
            d.span = {page[i].block.span.begin + at, page[i].block.span.end};
            d.kind = Dateline::Kind::trailer;
            d.parses = true;
            return d;
        }
    }
    if (first_own(0, head_end, [](const PageBlock& b) { return is_update_line(b.text); }))
        return ambiguous;
    if (!body.found()) return ambiguous;
    std::size_t lead = body.first;
    auto city = find_city_dateline(page[lead].text);
    if (!city && may_be_headline(page[lead].facts, kAnchorWords)) {
        // A long headline, a question, taken for the story's first paragraph: the lead is the
        // next kept paragraph.
        for (std::size_t i = lead + 1; i <= body.last && i < page.size(); ++i)
            if (!page[i].removed()) {
                lead = i;
                city = find_city_dateline(page[lead].text);
                break;
            }
    }
    if (!city || (ambiguous && !city->parses)) return ambiguous;
    const std::size_t offset = page[lead].block.span.begin;
    city->span = {city->span.begin + offset, city->span.end + offset};
    return city;
}

}  // namespace detail

std::optional<Dateline> find_article_dateline(std::string_view text,
                                              std::span<const Span> removed) {
    detail::Page page = detail::read_page(text);
    for (detail::PageBlock& b : page) {
        const Span s = b.block.span;
        if (std::any_of(removed.begin(), removed.end(),
                        [&](const Span& r) { return r.begin <= s.begin && s.end <= r.end; }))
            b.remove(Reason::given);
    }
    const detail::BodyRange body = detail::find_body(page, kAnchorWords);
    detail::classify_dates(page, body, !removed.empty());
    return detail::pick_dateline(page, body);
}

}  // namespace khabar::cleaning
