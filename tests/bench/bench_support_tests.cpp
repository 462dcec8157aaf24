// Unit tests of what the benchmarks share: the command-line parser and the
// BENCH-RESULT line. (Named *_tests.cpp, not *_test.cpp: tests/CMakeLists.txt
// makes a suite of every folder holding *_test.cpp files, and this one links
// cqpm_bench_support instead; see CMakeLists.txt here.)

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bench_options.h"
#include "bench_result.h"

namespace cqpm::bench {
namespace {

/// argv for BenchOptions: the program name, then `args`.
class Argv {
 public:
  explicit Argv(std::vector<std::string> args) : storage_(std::move(args)) {
    storage_.insert(storage_.begin(), "bench_x");
    for (auto& arg : storage_) pointers_.push_back(arg.data());
  }
  int argc() const { return static_cast<int>(pointers_.size()); }
  char** argv() { return pointers_.data(); }

 private:
  std::vector<std::string> storage_;
  std::vector<char*> pointers_;
};

const std::vector<OptionSpec> kSpecs = {
    {"--clients", "N", "clients (4)"}, {"--data", "DIR", "data folder"}, {"--quick", "", "smoke run"}};

BenchOptions parse(std::vector<std::string> args) {
  Argv argv(std::move(args));
  return BenchOptions(argv.argc(), argv.argv(), "bench_x", kSpecs);
}

std::string errorOf(std::vector<std::string> args) {
  try {
    parse(std::move(args));
  } catch (const CommandLineError& e) {
    EXPECT_NE(e.usage().find("usage: bench_x [--clients N] [--data DIR] [--quick]"), std::string::npos);
    return e.what();
  }
  return "";
}

TEST(BenchOptionsTest, GivesValuesFlagsAndFallbacks) {
  const BenchOptions options = parse({"--data", "/tmp/d", "--quick", "--clients", "7"});
  EXPECT_EQ(options.integer("--clients", 4), 7);
  EXPECT_EQ(options.text("--data"), "/tmp/d");
  EXPECT_TRUE(options.flag("--quick"));
  EXPECT_TRUE(options.has("--data"));
  const BenchOptions none = parse({});
  EXPECT_EQ(none.integer("--clients", 4), 4);
  EXPECT_EQ(none.text("--data", "here"), "here");
  EXPECT_FALSE(none.flag("--quick"));
  EXPECT_FALSE(none.has("--clients"));
}

TEST(BenchOptionsTest, KeepsTheLastValueOfAnOptionGivenTwice) {
  EXPECT_EQ(parse({"--clients", "2", "--clients", "3"}).integer("--clients", 4), 3);
}

TEST(BenchOptionsTest, NamesTheUnknownOption) {
  EXPECT_EQ(errorOf({"--clients", "2", "--client", "3"}), "unknown option --client");
}

TEST(BenchOptionsTest, NamesTheOptionMissingItsValue) {
  EXPECT_EQ(errorOf({"--clients"}), "--clients needs a value (N)");
}

TEST(BenchOptionsTest, RefusesANumberThatIsNotWholeOrOutOfRange) {
  for (const std::string bad : {"x", "3x", "", "0", "-2", "99999999999"}) {
    const BenchOptions options = parse({"--clients", bad});
    try {
      options.integer("--clients", 4);
      ADD_FAILURE() << bad << " accepted";
    } catch (const CommandLineError& e) {
      EXPECT_EQ(std::string(e.what()), "--clients needs a whole number >= 1, not '" + bad + "'");
    }
  }
  const BenchOptions options = parse({"--clients", "20"});
  EXPECT_THROW(options.integer("--clients", 4, 1, 15), CommandLineError);
  EXPECT_EQ(parse({"--clients", "0"}).integer("--clients", 4, 0), 0);
}

TEST(BenchOptionsTest, ReadsADecimalNumberWithinItsRange) {
  EXPECT_DOUBLE_EQ(parse({"--clients", "0.5"}).number("--clients", 5, 0.1, 60), 0.5);
  EXPECT_DOUBLE_EQ(parse({"--clients", "3"}).number("--clients", 5, 0.1, 60), 3);
  EXPECT_DOUBLE_EQ(parse({}).number("--clients", 5, 0.1, 60), 5);
  for (const std::string bad : {"x", "0.5s", "", "0.05", "61", "nan", "inf"}) {
    const BenchOptions options = parse({"--clients", bad});
    try {
      options.number("--clients", 5, 0.1, 60);
      ADD_FAILURE() << bad << " accepted";
    } catch (const CommandLineError& e) {
      EXPECT_EQ(std::string(e.what()), "--clients needs a number from 0.1 to 60, not '" + bad + "'");
    }
  }
}

TEST(BenchOptionsTest, AnUndeclaredOptionIsTheBenchmarksBug) {
  EXPECT_THROW(parse({}).integer("--seconds", 1), std::logic_error);
  EXPECT_THROW(parse({}).flag("--clients"), std::logic_error);
}

TEST(BenchOptionsTest, UsageListsEveryOptionWithItsHelp) {
  const std::string usage = parse({}).usage();
  EXPECT_NE(usage.find("  --clients N  clients (4)\n"), std::string::npos) << usage;
  EXPECT_NE(usage.find("  --quick      smoke run\n"), std::string::npos) << usage;
}

Poco::JSON::Object::Ptr json(const BenchFigure& figure) {
  return Poco::JSON::Parser().parse(benchResultJson(figure)).extract<Poco::JSON::Object::Ptr>();
}

TEST(BenchResultTest, RatioIsSpeedRelativeToTheBaseline) {
  BenchFigure rate{.bench = "b", .name = "per_s", .value = 500, .unit = "/s"};
  rate.baseline = Baseline{.name = "raw", .value = 1000};
  EXPECT_DOUBLE_EQ(*ratioOf(rate), 0.5);
  BenchFigure time{.bench = "b", .name = "p50_ms", .value = 40, .unit = "ms"};
  time.baseline = Baseline{.name = "alone", .value = 10, .inverse = true};
  EXPECT_DOUBLE_EQ(*ratioOf(time), 0.25);
  time.value = 0;
  EXPECT_FALSE(ratioOf(time));
  EXPECT_FALSE(ratioOf(BenchFigure{.value = 3}));
}

TEST(BenchResultTest, MetComparesTheValueOrTheRatio) {
  BenchFigure figure{.bench = "b", .name = "p99_ms", .value = 25, .unit = "ms"};
  figure.target = Target{.threshold = 25};
  EXPECT_EQ(metOf(figure), false);  // "below": 25 is not < 25
  figure.value = 24.9;
  EXPECT_EQ(metOf(figure), true);
  figure.baseline = Baseline{.name = "raw", .value = 10};
  figure.target = Target{.on = Target::On::kRatio, .at_least = true, .threshold = 2};
  EXPECT_EQ(metOf(figure), true);  // 24.9 / 10 >= 2
  figure.baseline->value = 20;
  EXPECT_EQ(metOf(figure), false);
  figure.baseline.reset();
  EXPECT_EQ(metOf(figure), false);  // a ratio target without a ratio is not met
}

TEST(BenchResultTest, NoVerdictWithoutTargetOrWhenItDoesNotApply) {
  BenchFigure figure{.bench = "b", .name = "p99_ms", .value = 99, .unit = "ms"};
  EXPECT_FALSE(metOf(figure));
  figure.target = Target{.threshold = 25, .applies = false, .conditions = "16 clients"};
  EXPECT_FALSE(metOf(figure));
  EXPECT_TRUE(json(figure)->isNull("met"));
}

TEST(BenchResultTest, WritesEveryFieldTheTableReads) {
  BenchFigure figure{.bench = "bench_x", .name = "transitions_per_s", .value = 456.4444, .unit = "/s"};
  figure.baseline = Baseline{.name = "raw SQL", .value = 977.8123};
  figure.target =
      Target{.on = Target::On::kRatio, .at_least = true, .threshold = 2, .conditions = "16 clients"};
  const auto line = json(figure);
  EXPECT_EQ(line->getValue<std::string>("bench"), "bench_x");
  EXPECT_EQ(line->getValue<std::string>("figure"), "transitions_per_s");
  EXPECT_DOUBLE_EQ(line->getValue<double>("value"), 456.4);  // four significant digits
  EXPECT_EQ(line->getValue<std::string>("unit"), "/s");
  EXPECT_EQ(line->getObject("baseline")->getValue<std::string>("name"), "raw SQL");
  EXPECT_DOUBLE_EQ(line->getObject("baseline")->getValue<double>("value"), 977.8);
  EXPECT_DOUBLE_EQ(line->getObject("ratio")->getValue<double>("value"), 0.4668);
  EXPECT_EQ(line->getObject("ratio")->getValue<std::string>("of"), "value/baseline");
  const auto target = line->getObject("target");
  EXPECT_EQ(target->getValue<std::string>("text"), "ratio >= 2");
  EXPECT_EQ(target->getValue<std::string>("on"), "ratio");
  EXPECT_EQ(target->getValue<std::string>("op"), ">=");
  EXPECT_TRUE(target->getValue<bool>("applies"));
  EXPECT_EQ(target->getValue<std::string>("conditions"), "16 clients");
  EXPECT_FALSE(line->getValue<bool>("met"));
  EXPECT_EQ(benchResultJson(figure).find('\n'), std::string::npos);
}

TEST(BenchResultTest, TargetTextCarriesTheUnit) {
  BenchFigure figure{.bench = "b", .name = "p95_ms", .value = 1, .unit = "ms"};
  figure.target = Target{.threshold = 500};
  EXPECT_EQ(targetText(figure), "< 500 ms");
  figure.target->at_least = true;
  figure.target->threshold = 0.25;
  EXPECT_EQ(targetText(figure), ">= 0.25 ms");
}

}  // namespace
}  // namespace cqpm::bench
