/** @file
 * @brief The query's filter fields (`lang:` `source:` `section:`, --lang): values normalized as
 *        the index normalized them (model/labels.h), and a warning naming the known values when
 *        a value is in no article; a `field:` the query language does not know is an error.
 */
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"

namespace khabar {

/// `lang:` `source:` or `section:` for Xapian::QueryParser: the value typed → the index's term.
/// Values that no article has are recorded (warnings()), never thrown: Xapian's QueryParser
/// leaks its parse state when an exception unwinds through it.
class LabelFieldProcessor : public Xapian::FieldProcessor {
  public:
    /// `field` is the name users type ("section"), `prefix` its term prefix.
    LabelFieldProcessor(const Xapian::Database& db, std::string field, std::string prefix);
    Xapian::Query operator()(const std::string& value) override;

    /// The index term of a typed value ("front-page" → "XSECfront page", "Urdu" → "Lur").
    std::string term_of(const std::string& value);
    /// "" when some article has the term, else a warning naming the value and the known ones.
    std::string check(const std::string& value, const std::string& term) const;

    const std::string& field() const { return field_; }
    void reset() { warnings_.clear(); }
    const std::vector<std::string>& warnings() const { return warnings_; }

  private:
    Xapian::Database db_;
    std::string field_, prefix_;
    Analyzer analyzer_;  // FoldMode::full, as the index (labels do not follow --exact)
    std::vector<std::string> warnings_;
};

/// Throws khabar::Error when the prepared query text names a field the query language does not
/// know (`topic:interest`): outside quotes, a word `name:value` with `name` in ASCII letters and
/// a value that does not start with '/' (URLs stay words).
void check_fields(const std::string& prepared);

}  // namespace khabar
