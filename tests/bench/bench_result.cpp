#include "bench_result.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSONString.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "common/json_text.h"

namespace cqpm::bench {
namespace {

/// Rounded to 4 significant digits (at most 6 decimals; none lost on the
/// integer part): a benchmark's figure is not known better than that, and the
/// line stays readable.
double rounded(double value) {
  if (!std::isfinite(value) || value == 0) return std::isfinite(value) ? value : 0;
  const int digits = std::clamp(3 - static_cast<int>(std::floor(std::log10(std::fabs(value)))), 0, 6);
  const double scale = std::pow(10.0, digits);
  return std::round(value * scale) / scale;
}

std::string numberText(double value) {
  std::ostringstream out;
  out << rounded(value);
  return out.str();
}

}  // namespace

std::optional<double> ratioOf(const BenchFigure& figure) {
  if (!figure.baseline) return std::nullopt;
  const double top = figure.baseline->inverse ? figure.baseline->value : figure.value;
  const double bottom = figure.baseline->inverse ? figure.value : figure.baseline->value;
  if (bottom == 0 || !std::isfinite(top / bottom)) return std::nullopt;
  return top / bottom;
}

std::optional<bool> metOf(const BenchFigure& figure) {
  if (!figure.target || !figure.target->applies) return std::nullopt;
  const Target& target = *figure.target;
  const std::optional<double> compared =
      target.on == Target::On::kRatio ? ratioOf(figure) : std::optional<double>(figure.value);
  if (!compared) return false;
  return target.at_least ? *compared >= target.threshold : *compared < target.threshold;
}

std::string targetText(const BenchFigure& figure) {
  if (!figure.target) return "";
  const Target& target = *figure.target;
  const std::string op = target.at_least ? ">= " : "< ";
  if (target.on == Target::On::kRatio) return "ratio " + op + numberText(target.threshold);
  return op + numberText(target.threshold) + (figure.unit.empty() ? "" : " " + figure.unit);
}

std::string benchResultJson(const BenchFigure& figure) {
  Poco::JSON::Object::Ptr line = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  line->set("bench", figure.bench);
  line->set("figure", figure.name);
  line->set("value", rounded(figure.value));
  line->set("unit", figure.unit);
  if (figure.baseline) {
    Poco::JSON::Object::Ptr baseline = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    baseline->set("name", figure.baseline->name);
    baseline->set("value", rounded(figure.baseline->value));
    line->set("baseline", baseline);
  } else {
    line->set("baseline", Poco::Dynamic::Var());
  }
  if (const auto ratio = ratioOf(figure)) {
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    object->set("value", rounded(*ratio));
    object->set("of", figure.baseline->inverse ? "baseline/value" : "value/baseline");
    line->set("ratio", object);
  } else {
    line->set("ratio", Poco::Dynamic::Var());
  }
  if (figure.target) {
    Poco::JSON::Object::Ptr target = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    target->set("text", targetText(figure));
    target->set("on", figure.target->on == Target::On::kRatio ? "ratio" : "value");
    target->set("op", figure.target->at_least ? ">=" : "<");
    target->set("threshold", figure.target->threshold);
    target->set("applies", figure.target->applies);
    target->set("conditions", figure.target->conditions);
    line->set("target", target);
  } else {
    line->set("target", Poco::Dynamic::Var());
  }
  line->set("met", nullable(metOf(figure)));
  return toJsonText(line);
}

std::optional<bool> reportResult(const BenchFigure& figure) {
  std::fflush(stdout);  // after the benchmark's own lines, whatever wrote them
  std::printf("BENCH-RESULT %s\n", benchResultJson(figure).c_str());
  std::fflush(stdout);
  return metOf(figure);
}

}  // namespace cqpm::bench
