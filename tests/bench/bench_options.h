#pragma once

#include <map>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cqpm::bench {

/// One option a benchmark accepts: its name ("--clients"), the placeholder of
/// its value ("N", "DIR"; empty for a flag) and one line of help.
struct OptionSpec {
  std::string name;
  std::string value;
  std::string help;
};

/// A bad command line: the message names the option; `usage()` is the
/// program's usage text. runBenchmark() prints both and exits with status 2.
class CommandLineError : public std::invalid_argument {
 public:
  CommandLineError(const std::string& message, std::string usage)
      : std::invalid_argument(message), usage_(std::move(usage)) {}
  const std::string& usage() const { return usage_; }

 private:
  std::string usage_;
};

/// The command line of a benchmark, read once against the options it declares:
/// every benchmark parses its arguments the same way, and an unknown option, a
/// missing value or a bad number is an error naming the option. `--help` (or
/// `-h`) prints the usage on stdout and exits with status 0. An option given
/// twice keeps its last value. Not thread-safe while constructed; const after.
class BenchOptions {
 public:
  static constexpr int kNoMaximum = 1'000'000'000;

  /// Reads argv[1..argc) against `specs`; `program` names the benchmark in the
  /// usage text and the errors. Throws CommandLineError.
  BenchOptions(int argc, char** argv, std::string program, std::vector<OptionSpec> specs);

  /// True when the flag `name` was given. `name` must be a declared flag.
  bool flag(const std::string& name) const;
  /// True when the valued option `name` was given.
  bool has(const std::string& name) const;
  /// The integer value of `name`, or `fallback` when not given; throws
  /// CommandLineError when it is not a whole integer in [min, max].
  int integer(const std::string& name, int fallback, int min = 1, int max = kNoMaximum) const;
  /// The decimal value of `name` ("0.5"), or `fallback` when not given; throws
  /// CommandLineError when it is not a finite number in [min, max].
  double number(const std::string& name, double fallback, double min, double max) const;
  /// The text value of `name`, or `fallback` when not given.
  std::string text(const std::string& name, const std::string& fallback = "") const;
  /// A CommandLineError for a rule the options together break ("--versions needs at least 2").
  CommandLineError error(const std::string& message) const;
  /// The usage text: the program, then each option with its help.
  std::string usage() const;

 private:
  const OptionSpec& spec(const std::string& name) const;

  std::string program_;
  std::vector<OptionSpec> specs_;
  std::map<std::string, std::string> given_;  // name -> value ("" for a flag)
};

}  // namespace cqpm::bench
