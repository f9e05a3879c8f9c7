/** @file
 * @brief khabar's error type: a one-line message, an optional hint and the exit code it maps to.
 */
#pragma once

#include <stdexcept>
#include <string>

namespace khabar {

/// Exit codes (DESIGN.md): search 0 hit / 1 no hit / 2 error; index 0 all / 1 some skipped / 2
/// fatal.
enum ExitCode : int { exit_ok = 0, exit_partial = 1, exit_error = 2 };

/// An error to be reported as `khabar: <what>` (+ `khabar: hint: <hint>`) and exit code 2.
class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& what, std::string hint = {})
        : std::runtime_error(what), hint_(std::move(hint)) {}
    const std::string& hint() const { return hint_; }

  private:
    std::string hint_;
};

}  // namespace khabar
