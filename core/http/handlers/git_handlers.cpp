#include "http/handlers/git_handlers.h"

#include <Poco/Base64Decoder.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/String.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "access/policy.h"
#include "common/file_text.h"
#include "git/referential_repository.h"

namespace cqpm::http::handlers {

namespace {

Response challenge(const std::string& message) {
  Response response = Response::text(401, message + "\n");
  response.headers.emplace_back("WWW-Authenticate",
                                "Basic realm=\"CQPM Hub referentials\", charset=\"UTF-8\"");
  return response;
}

// The GTP auditor behind the request, or nullopt after filling `refusal`.
std::optional<domain::Actor> gitActor(ApiContext& context, const Request& request, Response& refusal) {
  const std::string authorization = request.header("Authorization");
  std::optional<domain::Actor> actor;
  if (Poco::icompare(authorization.substr(0, 6), "basic ") == 0) {
    std::istringstream encoded(Poco::trim(authorization.substr(6)));
    Poco::Base64Decoder decoder(encoded);
    std::string credentials;
    std::getline(decoder, credentials, '\0');
    const auto colon = credentials.find(':');
    if (colon == std::string::npos) {
      refusal = challenge("malformed credentials");
      return std::nullopt;
    }
    try {
      actor = context.auth.verifyBasic(credentials.substr(0, colon), credentials.substr(colon + 1),
                                       request.client_address);
    } catch (const Error& e) {
      // Throttled (429) or no hashing slot free (503): the client should wait, not re-enter a password.
      if (e.code() == ErrorCode::kRateLimited || e.code() == ErrorCode::kUnavailable) throw;
      refusal = challenge("wrong login or password");
      return std::nullopt;
    }
  } else if (Poco::icompare(authorization.substr(0, 7), "bearer ") == 0) {
    actor = context.auth.authenticate(Poco::trim(authorization.substr(7)));
  }
  if (!actor) {
    refusal = challenge("the referential repository is for the GTP's auditors: log in");
    return std::nullopt;
  }
  if (!access::allows(actor->role, access::Permission::kCloneReferentials)) {
    refusal = Response::text(403, "the referential repository is for the GTP's auditors only\n");
    return std::nullopt;
  }
  return actor;
}

}  // namespace

Response serveGitRepository(ApiContext& context, Request& request) {
  Response refusal;
  if (!gitActor(context, request, refusal)) return refusal;
  const std::string path = request.params.at("path");
  const std::string repository = context.referentials.repositoryPath();
  // Only what a dumb-protocol clone reads; nothing else of the folder is served.
  static const std::regex kAllowed(
      R"(^(HEAD|info/refs|objects/info/packs|objects/[0-9a-f]{2}/[0-9a-f]{38}|objects/pack/pack-[0-9a-f]{40}\.(pack|idx))$)");
  if (!std::regex_match(path, kAllowed)) return Response::text(404, "not found\n");
  Response response;
  if (path == "info/refs") {
    // Generated from the refs, as `git update-server-info` would write it.
    response = Response::text(200, context.referentials.infoRefs());
  } else if (path == "objects/info/packs") {
    response = Response::text(200, git::ReferentialRepository::open(repository).packsInfo());
  } else if (path.starts_with("objects/pack/")) {
    // Packs can be large: streamed from the disk, not read into memory.
    const std::string file = Poco::Path(repository).append(path).toString();
    if (!Poco::File(file).exists()) return Response::text(404, "not found\n");
    response = Response::file(file, path.ends_with(".pack") ? "application/x-git-packed-objects"
                                                            : "application/x-git-packed-objects-toc");
  } else {
    auto content = readWholeFile(Poco::Path(repository).append(path).toString());
    if (!content) return Response::text(404, "not found\n");
    response = Response::text(200, std::move(*content),
                              path == "HEAD" ? "text/plain" : "application/x-git-loose-object");
  }
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

}  // namespace cqpm::http::handlers
