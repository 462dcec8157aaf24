#include "bench_options.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace cqpm::bench {

BenchOptions::BenchOptions(int argc, char** argv, std::string program, std::vector<OptionSpec> specs)
    : program_(std::move(program)), specs_(std::move(specs)) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << usage();
      std::exit(0);
    }
    const OptionSpec* found = nullptr;
    for (const auto& candidate : specs_) {
      if (candidate.name == arg) found = &candidate;
    }
    if (found == nullptr) throw error("unknown option " + arg);
    if (found->value.empty()) {
      given_[arg] = "";
    } else {
      if (i + 1 >= argc) throw error(arg + " needs a value (" + found->value + ")");
      given_[arg] = argv[++i];
    }
  }
}

const OptionSpec& BenchOptions::spec(const std::string& name) const {
  for (const auto& candidate : specs_) {
    if (candidate.name == name) return candidate;
  }
  // A benchmark asking for an option it did not declare is a bug in it, not a bad command line.
  throw std::logic_error(program_ + ": option " + name + " is not declared");
}

bool BenchOptions::flag(const std::string& name) const {
  if (!spec(name).value.empty()) throw std::logic_error(program_ + ": option " + name + " takes a value");
  return given_.count(name) > 0;
}

bool BenchOptions::has(const std::string& name) const {
  spec(name);
  return given_.count(name) > 0;
}

int BenchOptions::integer(const std::string& name, int fallback, int min, int max) const {
  spec(name);
  const auto it = given_.find(name);
  if (it == given_.end()) return fallback;
  const std::string& text = it->second;
  std::size_t used = 0;
  long long value = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (text.empty() || used != text.size() || value < min || value > max) {
    const std::string range = max == kNoMaximum
                                  ? " >= " + std::to_string(min)
                                  : " from " + std::to_string(min) + " to " + std::to_string(max);
    throw error(name + " needs a whole number" + range + ", not '" + text + "'");
  }
  return static_cast<int>(value);
}

double BenchOptions::number(const std::string& name, double fallback, double min, double max) const {
  spec(name);
  const auto it = given_.find(name);
  if (it == given_.end()) return fallback;
  const std::string& text = it->second;
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  // NaN fails both comparisons, so it is refused with the out-of-range numbers.
  if (text.empty() || used != text.size() || !(value >= min && value <= max)) {
    std::ostringstream range;
    range << " from " << min << " to " << max;
    throw error(name + " needs a number" + range.str() + ", not '" + text + "'");
  }
  return value;
}

std::string BenchOptions::text(const std::string& name, const std::string& fallback) const {
  spec(name);
  const auto it = given_.find(name);
  return it == given_.end() ? fallback : it->second;
}

CommandLineError BenchOptions::error(const std::string& message) const {
  return CommandLineError(message, usage());
}

std::string BenchOptions::usage() const {
  std::string synopsis = "usage: " + program_;
  std::string lines;
  std::size_t width = 0;
  for (const auto& option : specs_) {
    width = std::max(width, option.name.size() + (option.value.empty() ? 0 : option.value.size() + 1));
  }
  for (const auto& option : specs_) {
    const std::string head = option.value.empty() ? option.name : option.name + " " + option.value;
    synopsis += " [" + head + "]";
    // A help of several lines: the next ones under the first.
    std::string help = option.help;
    for (std::size_t at = help.find('\n'); at != std::string::npos; at = help.find('\n', at + 1)) {
      help.insert(at + 1, width + 4, ' ');
    }
    lines += "  " + head + std::string(width - head.size() + 2, ' ') + help + "\n";
  }
  return synopsis + "\n" + lines;
}

}  // namespace cqpm::bench
