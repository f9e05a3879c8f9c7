/** @file
 * @brief A site's numeric date order from the first pass's evidence.
 */
#include "cleaning/date_order.h"

#include "cleaning/blocks.h"

namespace khabar::cleaning {

namespace {

// Reserved shape hashes: never a block's (those are 64-bit hashes of text), counted per page.
constexpr std::uint64_t kDayFirstKey = 0x6b68616261722d64;    // "khabar-d"
constexpr std::uint64_t kMonthFirstKey = 0x6b68616261722d6d;  // "khabar-m"
/// Pages an order needs: a pair's count can be one too high in a large run (the sketch).
constexpr std::uint32_t kMinPages = 3;

}  // namespace

void add_date_order_evidence(std::initializer_list<std::string_view> texts,
                             std::vector<std::uint64_t>& hashes) {
    NumericOrdersSeen seen;
    for (std::string_view text : texts) {
        const NumericOrdersSeen s = numeric_orders_in(text);
        seen.day_first = seen.day_first || s.day_first;
        seen.month_first = seen.month_first || s.month_first;
    }
    if (seen.day_first) hashes.push_back(kDayFirstKey);
    if (seen.month_first) hashes.push_back(kMonthFirstKey);
}

SiteDateOrder site_date_order(const BlockStats& stats, std::string_view source) {
    const std::uint32_t day = stats.pages_with(source, kDayFirstKey);
    const std::uint32_t month = stats.pages_with(source, kMonthFirstKey);
    if (day >= kMinPages && std::uint64_t{month} * 10 <= day) return {NumericOrder::day_first, day};
    if (month >= kMinPages && std::uint64_t{day} * 10 <= month)
        return {NumericOrder::month_first, month};
    return {};
}

bool dotted_date(std::string_view text) {
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] != '.' || digit_bytes(text, i + 1) == 0) continue;
        if (digit_bytes(text, i - 1) == 1 || (i >= 2 && digit_bytes(text, i - 2) == 2)) return true;
    }
    return false;
}

bool arabic_script(std::string_view text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) return true;  // U+0600..U+06FF
    }
    return false;
}

NumericOrder unsettled_order(std::string_view date_text, std::string_view page_text) {
    return dotted_date(date_text) || arabic_script(page_text) ? NumericOrder::day_first
                                                              : NumericOrder::unknown;
}

std::string_view order_name(NumericOrder order) {
    switch (order) {
        case NumericOrder::day_first:
            return "day first";
        case NumericOrder::month_first:
            return "month first";
        case NumericOrder::unknown:
            break;
    }
    return "unknown";
}

}  // namespace khabar::cleaning
