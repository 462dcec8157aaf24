// kill -9 under write load: the real server binary (CQPM_BIN) is killed with
// SIGKILL while clients open files, write their evaluation modality plans,
// fire transitions and upload documents over HTTP, restarted on the same data
// folder, and must still hold every write it acknowledged (an acknowledged
// plan with the very plan that was acknowledged, an acknowledged document
// version with its very bytes), with an intact SQLite file, unbroken event
// hash chains and an intact stored copy behind every document version.
// Five kill/restart cycles.

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Path.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/json_text.h"
#include "common/sha256.h"
#include "demo/demo_seed.h"
#include "domain/file_event.h"
#include "store/event_store.h"
#include "store/row_reader.h"
#include "support/sample_uploads.h"
#include "support/server_process.h"

namespace cqpm::crash {
namespace {

using testing::describeExit;
using testing::freePort;
using testing::multipart;
using testing::ServerProcess;

/// One write of the employee pathway: a transition, or the modality plan.
struct Step {
  const char* name;  // the transition, or the event the plan write records
  const char* from_state;
  const char* to_state;
  bool plan = false;           // PUT /api/v1/files/{id}/modalities, not a transition
  const char* payload = "{}";  // the transition's payload
};

// The employee pathway a centre coordinator walks alone: the transitions up to
// the evaluation, and the evaluation modality plan that agree_modalities
// requires, written while the file is registered; leaving the evaluation needs
// other people (two evaluators, the company, a jury), so the walk ends with a
// withdrawal. Every write bumps the version and appends one event, so a file at
// version v (the creation is version 1, event seq 1) takes kPathway[v - 1]
// next, and its event seq s (s >= 2) records kPathway[s - 2].
constexpr std::array<Step, 6> kPathway{{
    {"register", "draft", "registered"},
    {"update_modality_plan", "registered", "registered", true},
    {"agree_modalities", "registered", "modalities_agreed"},
    {"submit_evidence", "modalities_agreed", "evidence_submitted"},
    {"start_evaluation", "evidence_submitted", "under_evaluation"},
    {"withdraw", "under_evaluation", "withdrawn", false,
     R"({"reason":"Le candidat a quitté l'entreprise."})"},
}};
constexpr const char* kCreate = "create";
constexpr const char* kInitialState = "draft";
constexpr const char* kCqpm = "qualite";  // no registration fields: files register as they are
constexpr std::int64_t kFinalVersion = 1 + static_cast<std::int64_t>(kPathway.size());
constexpr int kCycles = 5;
constexpr int kClients = 4;
constexpr int kOpenFilesPerClient = 6;
constexpr const char* kCompanyName = "Mécanique de Précision du Rhône SAS";

/// A fresh folder, removed at the end unless the test failed (then kept for
/// a post-mortem and its path printed).
class TempDir {
 public:
  TempDir() : path_(Poco::TemporaryFile::tempName(Poco::Path::temp()) + "-cqpm-crash") {
    Poco::File(path_).createDirectories();
  }
  ~TempDir() {
    if (::testing::Test::HasFailure()) {
      std::cerr << "crash test data kept in " << path_ << "\n";
      return;
    }
    try {
      Poco::File(path_).remove(true);
    } catch (const Poco::Exception&) {
    }
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string file(const std::string& name) const { return Poco::Path(path_).append(name).toString(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct HttpAnswer {
  int status = 0;
  std::string body;

  Poco::JSON::Object::Ptr json() const {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
  }
};

/// One request on `session` (keep-alive). Poco exceptions (connection refused,
/// reset, timeout) propagate: for the load clients they mean "server gone".
HttpAnswer call(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
                const std::string& token, const std::string& body = {},
                const std::string& content_type = "application/json") {
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setKeepAlive(true);
  if (!token.empty()) request.set("Authorization", "Bearer " + token);
  if (method == Poco::Net::HTTPRequest::HTTP_POST || method == Poco::Net::HTTPRequest::HTTP_PUT) {
    request.setContentType(content_type);
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  }
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpAnswer answer;
  answer.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(in, answer.body);
  return answer;
}

std::unique_ptr<Poco::Net::HTTPClientSession> sessionTo(int port) {
  auto session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", static_cast<Poco::UInt16>(port));
  session->setTimeout(Poco::Timespan(5, 0));
  return session;
}

/// A write the server answered with 2xx: after any crash, the database must
/// hold it. `version` is the file's version the answer reported, which is
/// also the seq of the event it created ("create" is seq 1).
struct Ack {
  std::string file_id;
  std::int64_t version = 0;
  std::string transition;  // "create", a transition, or "update_modality_plan"
  std::string plan;        // for a plan write: the acknowledged plan, canonical JSON
};

/// The same JSON value always gives the same text (Poco's objects sort their
/// keys), whatever the spacing or the key order of the source.
std::string canonicalJson(const Poco::Dynamic::Var& value) { return toJsonText(value); }
std::string canonicalJson(const std::string& text) { return toJsonText(Poco::JSON::Parser().parse(text)); }

struct OpenFile {
  std::string id;
  std::int64_t version = 1;  // last acknowledged
  bool uncertain = false;    // a request was in flight when the server died
};

/// What one load client owns; survives the restarts (its thread does not).
struct Client {
  std::vector<OpenFile> files;
  std::size_t cursor = 0;
  std::vector<Ack> acks;            // since the last verification
  std::vector<std::string> errors;  // unexpected answers
};

std::string newFileBody(const std::string& company_id, int n) {
  return R"({"cqpm":")" + std::string(kCqpm) +
         R"(","pathway":"employee","candidate":{"given_name":"Crash","family_name":"Test )" +
         std::to_string(n) + R"(","email":"crash@example.org","birth_date":"1990-01-01"},"company_id":")" +
         company_id + "\"}";
}

/// Writes round-robin over the client's open files, each write the next step
/// of its pathway (opening new files as files reach the end) until the server
/// goes away. The plan step reads the plan editor (GET .../modalities), builds
/// a plan the rules accept from it (demo::sampleModalityPlan) and PUTs it.
void runLoad(Client& client, int port, const std::string& token, const std::string& company_id,
             const std::atomic<bool>& killed) {
  auto session = sessionTo(port);
  static std::atomic<int> file_counter{0};
  for (;;) {
    OpenFile* file = nullptr;
    try {
      if (client.files.size() < static_cast<std::size_t>(kOpenFilesPerClient)) {
        const auto created =
            call(*session, "POST", "/api/v1/files", token, newFileBody(company_id, ++file_counter));
        if (created.status != 201) {
          client.errors.push_back("open a file: HTTP " + std::to_string(created.status) + " " + created.body);
          return;
        }
        const auto json = created.json();
        OpenFile opened{json->getValue<std::string>("id"), json->getValue<std::int64_t>("version")};
        client.acks.push_back({opened.id, opened.version, kCreate, {}});
        client.files.push_back(opened);
        continue;
      }
      const std::size_t index = client.cursor++ % client.files.size();
      file = &client.files[index];
      const Step& step = kPathway[static_cast<std::size_t>(file->version - 1)];
      const std::string where =
          std::string(step.name) + " on " + file->id + " at version " + std::to_string(file->version);
      HttpAnswer answer;
      std::string body;
      if (step.plan) {
        const auto editor = call(*session, "GET", "/api/v1/files/" + file->id + "/modalities", token);
        if (editor.status != 200) {
          client.errors.push_back(where + ": GET modalities: HTTP " + std::to_string(editor.status) + " " +
                                  editor.body);
          return;
        }
        const auto view = editor.json();
        if (view->getValue<std::int64_t>("file_version") != file->version ||
            view->getValue<std::string>("state") != step.from_state || !view->getValue<bool>("editable")) {
          client.errors.push_back(where + ": the plan editor shows " + editor.body.substr(0, 300));
          return;
        }
        Poco::JSON::Object::Ptr request = new Poco::JSON::Object;
        request->set("expected_version", file->version);
        // Real situations only: submit_evidence then needs no report, and each step stays one write.
        request->set("competencies", demo::sampleModalityPlan(view, kCqpm, "{}", false));
        body = toJsonText(request);
        file->uncertain = true;
        answer = call(*session, "PUT", "/api/v1/files/" + file->id + "/modalities", token, body);
      } else {
        body = std::string(R"({"transition":")") + step.name + R"(","expected_version":)" +
               std::to_string(file->version) + R"(,"payload":)" + step.payload + "}";
        file->uncertain = true;
        answer = call(*session, "POST", "/api/v1/files/" + file->id + "/transitions", token, body);
      }
      file->uncertain = false;
      if (answer.status != 200) {
        client.errors.push_back(where + ": HTTP " + std::to_string(answer.status) + " " + answer.body);
        return;
      }
      const auto json = answer.json();
      const auto version = json->getValue<std::int64_t>(step.plan ? "file_version" : "version");
      const auto state = json->getValue<std::string>("state");
      if (version != file->version + 1 || state != step.to_state) {
        client.errors.push_back(where + " answered version " + std::to_string(version) + ", state " + state);
        return;
      }
      Ack ack{file->id, version, step.name, {}};
      if (step.plan) {
        if (json->isNull("plan") || !json->getArray("plan")) {
          client.errors.push_back(where + " answered no plan: " + answer.body.substr(0, 300));
          return;
        }
        ack.plan = canonicalJson(json->get("plan"));
      }
      client.acks.push_back(std::move(ack));
      file->version = version;
      if (version == kFinalVersion)
        client.files.erase(client.files.begin() + static_cast<std::ptrdiff_t>(index));
    } catch (const Poco::Exception& e) {
      // The server died under us: expected once the kill was sent, a fault before.
      if (!killed) client.errors.push_back("before the kill: " + e.displayText());
      return;
    } catch (const std::exception& e) {
      client.errors.push_back(std::string("client: ") + e.what());
      return;
    }
  }
}

/// A document version the server answered 201 for: after any crash the
/// database must list it with these bytes' SHA-256 and size, and the
/// documents folder must hold those bytes.
struct UploadAck {
  std::string document_id;
  std::int64_t number = 0;
  std::string sha256;
  std::uint64_t size = 0;
};

/// The upload client; survives the restarts (its thread does not).
struct Uploader {
  std::string file_id;      // its own file, opened at the first cycle
  std::string document_id;  // the document new versions go to
  int uploads = 0;
  std::vector<UploadAck> acks;  // since the last verification
  std::vector<std::string> errors;
};

constexpr const char* kUploadBoundary = "crash-test-upload-boundary";

/// A PDF of about `size` bytes, different for every `n`: a stream of
/// pseudo-random bytes (as images are) in a minimal document.
std::string paddedPdf(int n, std::size_t size) {
  std::string data(size, '\0');
  std::mt19937 bytes(static_cast<unsigned>(n));
  for (char& c : data) c = static_cast<char>(bytes() & 0xff);
  return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Length " + std::to_string(size) +
         " >>\nstream\n" + data + "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
}

/// Uploads PDFs of 16 KiB to 1 MiB into the uploader's file until the server
/// goes away: a new document every fourth upload, new versions of the last
/// document between, so both upload routes are cut by the kills.
void runUploads(Uploader& uploader, int port, const std::string& token, const std::string& company_id,
                const std::atomic<bool>& killed) {
  auto session = sessionTo(port);
  try {
    if (uploader.file_id.empty()) {
      const auto created = call(*session, "POST", "/api/v1/files", token, newFileBody(company_id, 0));
      if (created.status != 201) {
        uploader.errors.push_back("open the upload file: HTTP " + std::to_string(created.status) + " " +
                                  created.body);
        return;
      }
      uploader.file_id = created.json()->getValue<std::string>("id");
    }
    for (;;) {
      const int n = ++uploader.uploads;
      const bool new_document = uploader.document_id.empty() || n % 4 == 0;
      const std::string bytes = paddedPdf(n, std::size_t{16 * 1024} << (n % 7));
      const std::string path = new_document ? "/api/v1/files/" + uploader.file_id + "/documents"
                                            : "/api/v1/documents/" + uploader.document_id + "/versions";
      const auto answer = call(*session, "POST", path, token,
                               multipart(kUploadBoundary, new_document ? "evidence" : "",
                                         "piece-" + std::to_string(n) + ".pdf", bytes),
                               std::string("multipart/form-data; boundary=") + kUploadBoundary);
      if (answer.status != 201) {
        uploader.errors.push_back("upload #" + std::to_string(n) + " to " + path + ": HTTP " +
                                  std::to_string(answer.status) + " " + answer.body.substr(0, 300));
        return;
      }
      const auto json = answer.json();
      const auto versions = json->getArray("versions");
      const auto added = versions->getObject(static_cast<unsigned>(versions->size() - 1));
      UploadAck ack{json->getValue<std::string>("id"), added->getValue<std::int64_t>("number"),
                    sha256Hex(bytes), bytes.size()};
      if (added->getValue<std::string>("sha256") != ack.sha256) {
        uploader.errors.push_back("upload #" + std::to_string(n) + " answered another SHA-256");
        return;
      }
      uploader.document_id = ack.document_id;
      uploader.acks.push_back(std::move(ack));
    }
  } catch (const Poco::Exception& e) {
    if (!killed) uploader.errors.push_back("upload before the kill: " + e.displayText());
  } catch (const std::exception& e) {
    uploader.errors.push_back(std::string("upload client: ") + e.what());
  }
}

/// The SHA-256 of the stored copy of a blob, streamed; empty when it is missing.
std::string storedSha256(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  Sha256 sha;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    sha.update(buffer, static_cast<std::size_t>(in.gcount()));
  return sha.hex();
}

/// What verifyDatabase found.
struct Verification {
  std::vector<std::string> problems;
  std::size_t files = 0;
  std::size_t events = 0;
  std::size_t document_versions = 0;
};

/// Opens the SQLite file read-only (the server may run, idle) and checks:
/// PRAGMA integrity_check; every file's events are seq 1..version with an
/// unbroken hash chain, and a file's stored plan is the one its last plan
/// event recorded (none without a plan event); the events of the files this
/// test opened follow the pathway, seq s recording kPathway[s - 2]; every
/// acknowledged write is there, an acknowledged plan with the very plan the
/// answer showed, in the file and in its event; every document version's
/// stored copy is in `documents_root` with its SHA-256, and every acknowledged
/// upload is listed with the bytes that were sent.
Verification verifyDatabase(const std::string& db_path, const std::vector<Ack>& acks,
                            const std::string& documents_root, const std::vector<UploadAck>& uploads) {
  Poco::Data::SQLite::Connector::registerConnector();
  Verification result;
  auto problem = [&](std::string text) {
    if (result.problems.size() < 50) result.problems.push_back(std::move(text));
  };
  Poco::Data::Session session(Poco::Data::SQLite::Connector::KEY, "file:" + db_path + "?mode=ro");

  std::vector<std::string> integrity;
  session << "PRAGMA integrity_check", Poco::Data::Keywords::into(integrity), Poco::Data::Keywords::now;
  if (integrity.size() != 1 || integrity[0] != "ok") {
    std::string text = "PRAGMA integrity_check:";
    for (const auto& line : integrity) text += " " + line;
    problem(text);
  }

  struct StoredFile {
    std::int64_t version = 0;
    std::optional<std::string> plan;  // canonical JSON
  };
  std::map<std::string, StoredFile> files;
  {
    Poco::Data::Statement stmt(session);
    stmt << "SELECT id, version, modality_plan FROM candidate_files";
    store::forEachRow(stmt, [&](const store::RowReader& row) {
      StoredFile& file = files[row.text("id")];
      file.version = row.integer("version");
      if (const auto plan = row.optionalText("modality_plan")) {
        try {
          file.plan = canonicalJson(*plan);
        } catch (const Poco::Exception& e) {
          problem("file " + row.text("id") + ": its modality plan is not JSON: " + e.displayText());
          file.plan = *plan;
        }
      }
    });
  }
  result.files = files.size();

  std::map<std::string, std::vector<domain::FileEvent>> events;
  {
    Poco::Data::Statement stmt(session);
    stmt << "SELECT file_id, seq, transition, from_state, to_state, actor_id, organisation_id, payload, "
            "payload_sha256, at, prev_hash, hash FROM file_events ORDER BY file_id, seq";
    store::forEachRow(stmt, [&](const store::RowReader& row) {
      domain::FileEvent event;
      event.file_id = row.text("file_id");
      event.seq = row.integer("seq");
      event.transition = row.text("transition");
      event.from_state = row.optionalText("from_state");
      event.to_state = row.text("to_state");
      event.actor_id = row.text("actor_id");
      event.organisation_id = row.text("organisation_id");
      event.payload_json = row.text("payload");
      event.payload_sha256 = row.optionalText("payload_sha256").value_or("");
      event.at = row.text("at");
      event.prev_hash = row.text("prev_hash");
      event.hash = row.text("hash");
      events[event.file_id].push_back(std::move(event));
      ++result.events;
    });
  }

  // The plan a plan event recorded (its payload's "competencies"), canonical.
  auto planOf = [&](const domain::FileEvent& event) -> std::optional<std::string> {
    try {
      const auto payload = Poco::JSON::Parser().parse(event.payload_json).extract<Poco::JSON::Object::Ptr>();
      if (payload && payload->getArray("competencies")) return canonicalJson(payload->get("competencies"));
    } catch (const Poco::Exception&) {
    }
    problem("file " + event.file_id + " seq " + std::to_string(event.seq) +
            ": the plan event's payload holds no plan: " + event.payload_json.substr(0, 200));
    return std::nullopt;
  };

  std::set<std::string> opened_here;  // the files this test opened
  for (const Ack& ack : acks) {
    if (ack.transition == kCreate) opened_here.insert(ack.file_id);
  }

  for (const auto& [file_id, file] : files) {
    const auto found = events.find(file_id);
    const std::size_t count = found == events.end() ? 0 : found->second.size();
    const bool ours = opened_here.contains(file_id);
    // Every write of the walk bumps the version and appends one event. The demo
    // files also hold collaboration events (commission, grid, opinion,
    // deadlines) that record work without changing the file: at least one
    // event per version there.
    const auto events_count = static_cast<std::int64_t>(count);
    if (ours ? events_count != file.version : events_count < file.version) {
      problem("file " + file_id + " is at version " + std::to_string(file.version) + " but has " +
              std::to_string(count) + " events");
    }
    if (found == events.end()) continue;
    std::string previous = store::event_store::genesisHash();
    const domain::FileEvent* last_plan_event = nullptr;
    for (std::size_t i = 0; i < found->second.size(); ++i) {
      const domain::FileEvent& event = found->second[i];
      const std::string at = "file " + file_id + " seq " + std::to_string(event.seq);
      if (event.seq != static_cast<std::int64_t>(i) + 1) {
        problem("file " + file_id + ": event #" + std::to_string(i + 1) + " has seq " +
                std::to_string(event.seq));
      }
      if (event.prev_hash != previous) problem(at + ": prev_hash breaks the chain");
      if (event.hash != store::event_store::chainHash(event)) problem(at + ": hash does not match the event");
      previous = event.hash;
      if (event.transition == "update_modality_plan") last_plan_event = &event;
      if (!ours) continue;
      if (i > kPathway.size()) {
        problem(at + ": more events than the pathway has steps");
        continue;
      }
      const std::string expected = i == 0 ? kCreate : kPathway[i - 1].name;
      const std::string from = i == 0 ? "" : kPathway[i - 1].from_state;
      const std::string to = i == 0 ? kInitialState : kPathway[i - 1].to_state;
      if (event.transition != expected || event.from_state.value_or("") != from || event.to_state != to) {
        problem(at + " records " + event.transition + " " + event.from_state.value_or("") + " -> " +
                event.to_state + ", expected " + expected + " " + from + " -> " + to);
      }
    }
    if (last_plan_event) {
      const auto recorded = planOf(*last_plan_event);
      if (!file.plan) {
        problem("file " + file_id + " has a plan event (seq " + std::to_string(last_plan_event->seq) +
                ") but no modality plan");
      } else if (recorded && *recorded != *file.plan) {
        problem("file " + file_id + ": its modality plan is not the one its last plan event recorded");
      }
    } else if (file.plan && ours) {
      problem("file " + file_id + " has a modality plan but no plan event");
    }
  }
  for (const auto& [file_id, file_events] : events) {
    if (!files.contains(file_id)) problem("events of a file that does not exist: " + file_id);
  }

  for (const Ack& ack : acks) {
    const std::string what = "acknowledged " + ack.transition + " (version " + std::to_string(ack.version) +
                             ") of file " + ack.file_id;
    const auto file = files.find(ack.file_id);
    if (file == files.end()) {
      problem(what + " is lost: the file is gone");
      continue;
    }
    if (file->second.version < ack.version) {
      problem(what + " is lost: file at version " + std::to_string(file->second.version));
    }
    const auto& file_events = events[ack.file_id];
    const auto index = static_cast<std::size_t>(ack.version - 1);
    if (index >= file_events.size() || file_events[index].transition != ack.transition) {
      problem(what + " has no event at seq " + std::to_string(ack.version) +
              (index < file_events.size() ? " (found " + file_events[index].transition + ")" : ""));
      continue;
    }
    if (ack.plan.empty()) continue;
    // A plan is written only while the file is registered, once per file in
    // this test: what the file holds now is what was acknowledged.
    if (!file->second.plan) {
      problem(what + " is lost: the file has no modality plan");
    } else if (*file->second.plan != ack.plan) {
      problem(what + ": the file's modality plan is not the acknowledged one");
    }
    if (const auto recorded = planOf(file_events[index]); recorded && *recorded != ack.plan) {
      problem(what + ": the event at seq " + std::to_string(ack.version) +
              " does not record the acknowledged plan");
    }
  }

  // A version row is committed only once its bytes are stored and synced.
  std::map<std::pair<std::string, std::int64_t>, std::pair<std::string, std::int64_t>> versions;
  {
    Poco::Data::Statement stmt(session);
    stmt << "SELECT document_id, number, sha256, size FROM document_versions";
    store::forEachRow(stmt, [&](const store::RowReader& row) {
      const std::string sha = row.text("sha256");
      versions[{row.text("document_id"), row.integer("number")}] = {sha, row.integer("size")};
      const std::string blob = documents_root + "/" + sha.substr(0, 2) + "/" + sha;
      const std::string stored = storedSha256(blob);
      if (stored.empty()) {
        problem("document " + row.text("document_id") + " v" + std::to_string(row.integer("number")) +
                ": its stored copy " + blob + " is missing");
      } else if (stored != sha) {
        problem("document " + row.text("document_id") + " v" + std::to_string(row.integer("number")) +
                ": its stored copy does not match its SHA-256");
      }
    });
  }
  result.document_versions = versions.size();
  for (const UploadAck& upload : uploads) {
    const std::string what =
        "acknowledged upload " + upload.document_id + " v" + std::to_string(upload.number);
    const auto found = versions.find({upload.document_id, upload.number});
    if (found == versions.end()) {
      problem(what + " is lost");
    } else if (found->second.first != upload.sha256 ||
               found->second.second != static_cast<std::int64_t>(upload.size)) {
      problem(what + " is listed with other bytes");
    }
  }
  return result;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += "  - " + line + "\n";
  return text;
}

TEST(CrashRecoveryTest, AcknowledgedTransitionsSurviveKillNine) {
  const std::string binary = Poco::Environment::get("CQPM_BIN", "");
  if (binary.empty())
    GTEST_FAIL() << "CQPM_BIN is not set: it must name the cqpm server binary (ctest sets it)";
  if (!Poco::File(binary).exists() || !Poco::File(binary).canExecute()) {
    GTEST_FAIL() << "CQPM_BIN=" << binary << " is not an executable file: build the cqpm target first";
  }

  std::random_device device;
  const unsigned seed = Poco::Environment::has("CQPM_CRASH_SEED")
                            ? static_cast<unsigned>(std::stoul(Poco::Environment::get("CQPM_CRASH_SEED")))
                            : device();
  std::cout << "random seed " << seed << " (set CQPM_CRASH_SEED to replay the kill times)\n";
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> kill_after_ms(300, 1500);

  TempDir dir;
  const std::string data_dir = dir.file("data");
  const std::string config_path = dir.file("cqpm.properties");
  {
    std::ofstream config(config_path);
    config << "# cheap password hashing: logins are not what this test is about\n"
              "cqpm.password.memory_kib=64\n"
              "cqpm.password.iterations=1\n";
  }
  const int port = freePort();
  ServerProcess server(binary,
                       {"serve", "--data", data_dir, "--bind", "127.0.0.1", "--port", std::to_string(port),
                        "--demo", "--config", config_path},
                       dir.file("server.log"));

  std::vector<Client> clients(kClients);
  Uploader uploader;
  std::vector<Ack> acknowledged;    // everything acknowledged so far, all cycles
  std::vector<UploadAck> uploaded;  // the same for uploads
  const std::string documents_root = Poco::Path(data_dir).append("documents").append("sha256").toString();
  std::size_t checks = 0;
  std::string company_id;

  for (int cycle = 1; cycle <= kCycles + 1; ++cycle) {
    server.start();
    if (const auto why = server.waitUntilReady(port, std::chrono::seconds(20)); !why.empty()) {
      GTEST_FAIL() << "start #" << cycle << ": " << why << "\n" << server.logTail();
    }
    auto session = sessionTo(port);
    const auto login =
        call(*session, "POST", "/api/v1/auth/login", "", R"({"login":"centre","password":"demo"})");
    if (login.status != 200) GTEST_FAIL() << "login as centre: HTTP " << login.status << " " << login.body;
    const std::string token = login.json()->getValue<std::string>("token");
    if (company_id.empty()) {
      const auto items =
          call(*session, "GET", "/api/v1/organisations?kind=company", token).json()->getArray("items");
      for (std::size_t i = 0; i < items->size(); ++i) {
        const auto organisation = items->getObject(static_cast<unsigned>(i));
        if (company_id.empty() || organisation->getValue<std::string>("name") == kCompanyName) {
          company_id = organisation->getValue<std::string>("id");
        }
      }
      if (company_id.empty()) GTEST_FAIL() << "the demo has no company\n" << server.logTail();
    }

    // A request in flight at the kill may or may not have been applied: the
    // restarted server tells which, and must not be behind what was acknowledged.
    for (Client& client : clients) {
      for (OpenFile& file : client.files) {
        if (!file.uncertain) continue;
        const auto answer = call(*session, "GET", "/api/v1/files/" + file.id, token);
        if (answer.status != 200)
          GTEST_FAIL() << "file " << file.id << " after restart: HTTP " << answer.status;
        const auto version = answer.json()->getValue<std::int64_t>("version");
        if (version != file.version && version != file.version + 1) {
          GTEST_FAIL() << "file " << file.id << " is at version " << version << " after restart #"
                       << cycle - 1 << ", its last acknowledged version was " << file.version;
        }
        file.version = version;
        file.uncertain = false;
      }
      std::erase_if(client.files, [](const OpenFile& file) { return file.version == kFinalVersion; });
    }

    if (cycle > 1) {
      const Verification verification = verifyDatabase(Poco::Path(data_dir).append("cqpm.db").toString(),
                                                       acknowledged, documents_root, uploaded);
      checks += acknowledged.size() + uploaded.size();
      if (!verification.problems.empty()) {
        GTEST_FAIL() << "after kill -9 #" << cycle - 1 << " and restart, " << verification.problems.size()
                     << " problem(s) over " << acknowledged.size() << " acknowledged writes:\n"
                     << joined(verification.problems) << server.logTail();
      }
      std::cout << "restart #" << cycle - 1 << ": " << acknowledged.size() << " acknowledged writes and "
                << uploaded.size() << " acknowledged uploads present, " << verification.files << " files and "
                << verification.events << " events with intact hash chains, "
                << verification.document_versions
                << " document versions with intact stored copies, integrity_check ok\n";
    }
    if (cycle > kCycles) break;

    std::atomic<bool> killed{false};
    std::vector<std::thread> threads;
    for (Client& client : clients) {
      threads.emplace_back(
          [&client, port, token, company_id, &killed] { runLoad(client, port, token, company_id, killed); });
    }
    threads.emplace_back([&uploader, port, token, company_id, &killed] {
      runUploads(uploader, port, token, company_id, killed);
    });
    const int delay_ms = kill_after_ms(random);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    killed = true;
    server.kill9();
    for (auto& thread : threads) thread.join();

    std::size_t acked_this_cycle = 0;
    std::vector<std::string> errors;
    for (Client& client : clients) {
      acked_this_cycle += client.acks.size();
      acknowledged.insert(acknowledged.end(), client.acks.begin(), client.acks.end());
      client.acks.clear();
      errors.insert(errors.end(), client.errors.begin(), client.errors.end());
    }
    const std::size_t uploads_this_cycle = uploader.acks.size();
    uploaded.insert(uploaded.end(), uploader.acks.begin(), uploader.acks.end());
    uploader.acks.clear();
    errors.insert(errors.end(), uploader.errors.begin(), uploader.errors.end());
    if (!errors.empty()) {
      GTEST_FAIL() << "cycle " << cycle << ": unexpected answers under load:\n"
                   << joined(errors) << server.logTail();
    }
    std::cout << "cycle " << cycle << ": SIGKILL after " << delay_ms << " ms, " << acked_this_cycle
              << " writes and " << uploads_this_cycle << " uploads acknowledged in the cycle\n";
    if (acked_this_cycle == 0)
      GTEST_FAIL() << "cycle " << cycle << ": no write was acknowledged before the kill\n"
                   << server.logTail();
  }

  // A graceful stop at the end, then the same checks with no server running.
  const int status = server.terminate();
  EXPECT_EQ(status, 0) << "on SIGTERM the server " << describeExit(status) << "\n" << server.logTail();
  const Verification final_check = verifyDatabase(Poco::Path(data_dir).append("cqpm.db").toString(),
                                                  acknowledged, documents_root, uploaded);
  checks += acknowledged.size() + uploaded.size();
  EXPECT_TRUE(final_check.problems.empty()) << "after the final stop:\n" << joined(final_check.problems);

  std::size_t creations = 0, plans = 0;
  for (const Ack& ack : acknowledged) {
    creations += ack.transition == kCreate ? 1 : 0;
    plans += ack.plan.empty() ? 0 : 1;
  }
  const std::size_t transitions = acknowledged.size() - creations - plans;
  std::cout << "checked " << acknowledged.size() << " acknowledged writes (" << transitions
            << " transitions, " << plans << " modality plan writes, " << creations << " file creations) and "
            << uploaded.size() << " acknowledged uploads across " << kCycles << " kill -9 cycles; " << checks
            << " ack checks in all\n";
  RecordProperty("acknowledged_transitions", static_cast<int>(transitions));
  RecordProperty("acknowledged_plan_writes", static_cast<int>(plans));
  RecordProperty("acknowledged_writes", static_cast<int>(acknowledged.size()));
  RecordProperty("acknowledged_uploads", static_cast<int>(uploaded.size()));
}

}  // namespace
}  // namespace cqpm::crash
