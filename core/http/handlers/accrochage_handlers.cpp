#include "http/handlers/accrochage_handlers.h"

#include <Poco/DateTimeFormatter.h>

#include "accrochage/cdc_flux_xml.h"
#include "accrochage/holders_csv.h"
#include "common/random_bytes.h"
#include "deadlines/paris_time.h"
#include "http/accrochage_presenters.h"

namespace cqpm::http::handlers {

namespace {

accrochage::HolderReport reportOf(ApiContext& context, Request& request) {
  return context.holder_reports.report(request.requireActor(), request.queryValue("from"),
                                       request.queryValue("to"));
}

// Who took holders' data out, and when: the log names the period and the count, never a person.
void logExport(ApiContext& context, const domain::Actor& actor, const std::string& action,
               const accrochage::HolderReport& report, const std::string& label, const std::string& now) {
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("from", report.from);
  details->set("to", report.to);
  details->set("certifications", static_cast<std::int64_t>(report.certifications.size()));
  std::optional<std::string> centre;
  if (actor.organisation_kind == domain::OrganisationKind::kCentre) centre = actor.organisation_id;
  context.admin_log.record(actor, {action, "holders", report.from + "/" + report.to, label, centre, details},
                           now);
}

std::string periodName(const accrochage::HolderReport& report) { return report.from + "-" + report.to; }

}  // namespace

Response holderReport(ApiContext& context, Request& request) {
  return Response::json(200, holderReportJson(reportOf(context, request)));
}

Response holderFlux(ApiContext& context, Request& request) {
  const auto report = reportOf(context, request);
  const Poco::Timestamp now = context.clock();
  // Unique per deposit (at most 50 characters): the second it was made and 48 random bits.
  const std::string flux_id =
      "CQPMHUB-" + Poco::DateTimeFormatter::format(now, "%Y%m%d%H%M%S") + "-" + randomToken(6);
  std::string xml = accrochage::renderCdcFlux(report, flux_id, deadlines::parisIsoTimestamp(now));
  logExport(context, request.requireActor(), "accrochage_flux_exported", report, "flux " + flux_id,
            nowIso8601(context.clock));
  return Response::attachment(std::move(xml), "application/xml; charset=utf-8",
                              "accrochage-" + periodName(report) + ".xml");
}

Response holderCsv(ApiContext& context, Request& request) {
  const auto report = reportOf(context, request);
  logExport(context, request.requireActor(), "accrochage_csv_exported", report,
            "titulaires " + periodName(report), nowIso8601(context.clock));
  return Response::attachment(accrochage::renderHoldersCsv(report), "text/csv; charset=utf-8",
                              "titulaires-" + periodName(report) + ".csv");
}

}  // namespace cqpm::http::handlers
