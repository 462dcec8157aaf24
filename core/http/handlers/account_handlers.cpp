#include "http/handlers/account_handlers.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "common/json_text.h"
#include "http/admin_presenters.h"
#include "http/input_limits.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace cqpm::http::handlers {

namespace {

domain::Role roleOf(const std::string& text, const std::string& field) {
  const auto role = domain::parseRole(text);
  if (!role) {
    throw Error(ErrorCode::kInvalidField,
                field +
                    " must be one of centre_coordinator, company_tutor, candidate, evaluator, jury_member, "
                    "gtp_auditor, gtp_admin, admin",
                field);
  }
  return *role;
}

admin::AccountFields accountFieldsOf(const Request& request) {
  const JsonFields body(parseJsonObject(request.body),
                        {"login", "display_name", "email", "role", "college", "organisation_id"});
  admin::AccountFields fields;
  fields.login = body.optionalText("login", limits::kLogin);
  fields.display_name = body.optionalText("display_name", limits::kDisplayName);
  fields.email = body.optionalText("email", limits::kEmail);
  if (auto role = body.optionalText("role", limits::kEnum)) fields.role = roleOf(*role, "role");
  if (body.has("college")) {
    std::optional<domain::College> college;
    if (auto text = body.optionalText("college", limits::kEnum)) {
      college = domain::parseCollege(*text);
      if (!college) throw Error(ErrorCode::kInvalidField, "college must be employer or employee", "college");
    }
    fields.college = college;
  }
  fields.organisation_id = body.optionalText("organisation_id", limits::kId);
  return fields;
}

}  // namespace

Response listAccounts(ApiContext& context, Request& request) {
  store::UserFilter filter;
  if (const std::string id = request.queryValue("organisation_id"); !id.empty()) filter.organisation_id = id;
  if (const std::string role = request.queryValue("role"); !role.empty()) filter.role = roleOf(role, "role");
  if (const std::string status = request.queryValue("status"); !status.empty()) {
    if (status != "active" && status != "invited" && status != "inactive") {
      throw Error(ErrorCode::kInvalidField, "status must be active, invited or inactive", "status");
    }
    filter.status = status;
  }
  filter.text = request.queryValue("q");
  if (filter.text.size() > 200) throw Error(ErrorCode::kInvalidField, "q is longer than 200 bytes", "q");
  const auto page = context.accounts.list(request.requireActor(), filter, request.queryValue("cursor"),
                                          queryLimit(request, 50, 100));
  Poco::JSON::Array::Ptr items = arrayOf(page.items, accountJson);
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("items", items);
  if (page.next_cursor) body->set("next_cursor", *page.next_cursor);
  return Response::json(200, body);
}

Response getAccount(ApiContext& context, Request& request) {
  return Response::json(200,
                        accountJson(context.accounts.get(request.requireActor(), request.params.at("id"))));
}

Response createAccount(ApiContext& context, Request& request) {
  const auto created = context.accounts.create(request.requireActor(), accountFieldsOf(request));
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("user", accountJson(created.account));
  body->set("invitation", issuedLinkJson(created.invitation));
  return Response::json(201, body);
}

Response updateAccount(ApiContext& context, Request& request) {
  return Response::json(200, accountJson(context.accounts.update(
                                 request.requireActor(), request.params.at("id"), accountFieldsOf(request))));
}

Response inviteAccount(ApiContext& context, Request& request) {
  return Response::json(
      202, issuedLinkJson(context.accounts.invite(request.requireActor(), request.params.at("id"))));
}

Response deactivateAccount(ApiContext& context, Request& request) {
  std::string reason;
  if (!request.body.empty())
    reason = JsonFields(parseJsonObject(request.body), {"reason"})
                 .optionalText("reason", limits::kReason, true)
                 .value_or("");
  return Response::json(
      200, accountJson(context.accounts.deactivate(request.requireActor(), request.params.at("id"), reason)));
}

Response reactivateAccount(ApiContext& context, Request& request) {
  return Response::json(
      200, accountJson(context.accounts.reactivate(request.requireActor(), request.params.at("id"))));
}

Response adminLog(ApiContext& context, Request& request) {
  Poco::Int64 before = 0;
  if (const std::string text = request.queryValue("cursor");
      !text.empty() && (!Poco::NumberParser::tryParse64(text, before) || before < 1)) {
    throw Error(ErrorCode::kInvalidField, "cursor is not one this server issued", "cursor");
  }
  const auto page = context.admin_log.list(request.requireActor(), before, queryLimit(request, 50, 200));
  Poco::JSON::Array::Ptr items = arrayOf(page.items, adminLogEntryJson);
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("items", items);
  if (page.next_before) body->set("next_cursor", std::to_string(*page.next_before));
  return Response::json(200, body);
}

Response adminLogCsv(ApiContext& context, Request& request) {
  return Response::attachment(context.admin_log.csv(request.requireActor()), "text/csv; charset=utf-8",
                              "journal-administration.csv");
}

}  // namespace cqpm::http::handlers
