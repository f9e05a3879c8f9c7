/** @file
 * @brief Article record helpers.
 */
#include "model/article.h"

namespace khabar {

std::string Origin::display() const {
    std::string s = file;
    if (!entry.empty()) s.append("::").append(entry);
    if (record > 0) s.append(":").append(std::to_string(record));
    return s;
}

}  // namespace khabar
