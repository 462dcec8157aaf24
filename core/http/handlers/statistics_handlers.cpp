#include "http/handlers/statistics_handlers.h"

#include <algorithm>

#include "common/error.h"
#include "http/statistics_presenters.h"
#include "statistics/statistics_csv.h"

namespace cqpm::http::handlers {

namespace {

statistics::StatisticsQuery statisticsQueryOf(const Request& request) {
  statistics::StatisticsQuery query;
  const auto optional = [&](const char* name) -> std::optional<std::string> {
    std::string value = request.queryValue(name);
    if (value.empty()) return std::nullopt;
    return value;
  };
  query.from = optional("from");
  query.to = optional("to");
  query.centre = optional("centre");
  return query;
}

constexpr std::string_view kCsvSuffix = ".csv";

}  // namespace

Response statistics(ApiContext& context, Request& request) {
  return Response::json(
      200, statisticsJson(context.statistics.compute(request.requireActor(), statisticsQueryOf(request))));
}

Response statisticsCsv(ApiContext& context, Request& request) {
  const std::string& name = request.params.at("series");
  if (!name.ends_with(kCsvSuffix)) throw Error(ErrorCode::kNotFound, "no such statistics export", "series");
  const std::string series = name.substr(0, name.size() - kCsvSuffix.size());
  const auto& ids = statistics::seriesIds();
  if (std::find(ids.begin(), ids.end(), series) == ids.end())
    throw Error(ErrorCode::kNotFound, "no statistics series is named " + series, "series");
  const auto figures = context.statistics.compute(request.requireActor(), statisticsQueryOf(request));
  Response response = Response::text(200, statistics::seriesCsv(figures, series), "text/csv; charset=utf-8");
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"statistiques-" + series + "-" +
                                                           figures.from + "-" + figures.to + ".csv\"");
  response.headers.emplace_back("Cache-Control", "private, no-store");
  return response;
}

}  // namespace cqpm::http::handlers
