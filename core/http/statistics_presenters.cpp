#include "http/statistics_presenters.h"

#include <Poco/JSON/Array.h>

#include <cmath>

#include "common/json_text.h"

namespace cqpm::http {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// Rates and days rounded for people (3 and 2 decimals): the exact figures are
// the CSV's and the charts need no more.
double rounded(double value, double scale) { return std::round(value * scale) / scale; }

// Not named arrayOf: in a unity build this file shares a translation unit
// with presenters calling common/json_text.h's arrayOf, which this template
// would then capture.
template <typename Record, typename Shape>
Array::Ptr filledArrayOf(const std::vector<Record>& records, Shape&& shape) {
  Array::Ptr array = new Array;
  for (const auto& record : records) {
    Object::Ptr item = new Object;
    shape(*item, record);
    array->add(item);
  }
  return array;
}

}  // namespace

Poco::JSON::Object::Ptr statisticsJson(const statistics::Statistics& s) {
  using namespace statistics;
  Object::Ptr period = new Object;
  period->set("from", s.from);
  period->set("to", s.to);
  Object::Ptr json = new Object;
  json->set("period", period);
  json->set("centre", nullable(s.centre));
  json->set("centres", filledArrayOf(s.centres, [](Object& o, const CentreChoice& r) {
              o.set("id", r.id);
              o.set("name", r.name);
            }));
  json->set("files_by_state", filledArrayOf(s.files_by_state, [](Object& o, const MonthStateCount& r) {
              o.set("month", r.month);
              o.set("state", r.state);
              o.set("label", r.state_label);
              o.set("files", r.files);
            }));
  json->set("files_by_cqpm", filledArrayOf(s.files_by_cqpm, [](Object& o, const MonthCqpmCount& r) {
              o.set("month", r.month);
              o.set("cqpm", r.cqpm);
              o.set("title", r.cqpm_title);
              o.set("files", r.files);
            }));
  json->set("success_rates", filledArrayOf(s.success_rates, [](Object& o, const SuccessRate& r) {
              o.set("cqpm", r.cqpm);
              o.set("title", r.cqpm_title);
              o.set("pathway", r.pathway);
              o.set("pathway_label", r.pathway_label);
              o.set("decided", r.decided);
              o.set("certified", r.certified);
              o.set("blocs_awarded", r.blocs_awarded);
              o.set("not_certified", r.not_certified);
              o.set("success_rate", rounded(r.success_rate, 1000));
            }));
  json->set("stage_durations", filledArrayOf(s.stage_durations, [](Object& o, const StageDuration& r) {
              o.set("stage", r.stage);
              o.set("label", r.stage_label);
              o.set("files", r.files);
              o.set("median_days", rounded(r.median_days, 100));
            }));
  json->set("overdue", filledArrayOf(s.overdue, [](Object& o, const OverdueCount& r) {
              o.set("cqpm", r.cqpm);
              o.set("title", r.cqpm_title);
              o.set("files", r.files);
            }));
  json->set("juries", filledArrayOf(s.juries, [](Object& o, const JuryMonth& r) {
              o.set("month", r.month);
              o.set("sessions", r.sessions);
              o.set("files_decided", r.files_decided);
            }));
  return json;
}

}  // namespace cqpm::http
