#pragma once

#include <optional>
#include <string>

namespace cqpm::bench {

/// What a figure is compared with, measured in the same run: its name, value
/// and which way the ratio is taken. `inverse` for times and other figures
/// where less is better, so that a ratio above 1 always means "better than the
/// baseline": ratio = baseline / value; otherwise ratio = value / baseline.
struct Baseline {
  std::string name;
  double value = 0;
  bool inverse = false;
};

/// A target a figure (or its ratio) must reach: `on` the value or the ratio,
/// `at_least` (>=) or below (<) `threshold`. `applies` is false when this run's
/// settings are not those the target is stated for (a smoke run, fewer
/// clients): the figure is then printed without a verdict (`met` null), never
/// as missed; `conditions` says what the target assumes ("16 clients").
struct Target {
  enum class On { kValue, kRatio };
  On on = On::kValue;
  bool at_least = false;
  double threshold = 0;
  bool applies = true;
  std::string conditions;
};

/// One measured figure of a benchmark, as `make bench` tabulates it.
struct BenchFigure {
  std::string bench;  // the program, "bench_transitions"
  std::string name;   // the figure, as in its RESULT line ("p99_ms")
  double value = 0;
  std::string unit;  // "ms", "/s", "MiB/s", "MiB"
  std::optional<Baseline> baseline;
  std::optional<Target> target;
};

/// The ratio to the baseline (see Baseline::inverse); nullopt without a
/// baseline or when a division by zero would give it.
std::optional<double> ratioOf(const BenchFigure& figure);
/// Whether the target is met: nullopt without a target or when it does not
/// apply to this run; false also when a ratio target has no ratio.
std::optional<bool> metOf(const BenchFigure& figure);
/// The target as people read it: "< 25 ms", "ratio >= 2" (empty without one).
std::string targetText(const BenchFigure& figure);
/// The figure as one line of JSON (no line break): bench, figure, value, unit,
/// baseline {name, value} or null, ratio {value, of} or null, target {text,
/// on, op, threshold, applies, conditions} or null, met (true, false, null).
std::string benchResultJson(const BenchFigure& figure);
/// Prints `BENCH-RESULT <json>` and a line break on stdout, and flushes it:
/// the line tests/bench/run_all.sh collects. Returns metOf(figure).
std::optional<bool> reportResult(const BenchFigure& figure);

}  // namespace cqpm::bench
