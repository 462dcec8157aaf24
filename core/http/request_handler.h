#pragma once

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>

#include <atomic>

#include "http/api_context.h"
#include "http/request_ids.h"
#include "http/router.h"
#include "http/static_files.h"

namespace cqpm::http {

/// Serves one HTTP request: bounds and reads it, authenticates it, dispatches
/// it through the router, turns every cqpm::Error into the JSON error answer,
/// then logs one line and records metrics. The one place where exceptions
/// from handlers are caught. One instance serves every worker thread: it keeps
/// no state of its own between requests but the counter naming them.
class RequestHandler : public Poco::Net::HTTPRequestHandler {
 public:
  RequestHandler(ApiContext& context, const Router& router, const StaticFiles& static_files,
                 const std::atomic<bool>& draining)
      : context_(context), router_(router), static_files_(static_files), draining_(draining) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

 private:
  Response dispatch(Poco::Net::HTTPServerRequest& raw, Request& request, std::string& route_name,
                    bool& body_read);

  ApiContext& context_;
  const Router& router_;
  const StaticFiles& static_files_;
  const std::atomic<bool>& draining_;  ///< the server is stopping: every answer closes its connection
  RequestIds request_ids_;
};

}  // namespace cqpm::http
