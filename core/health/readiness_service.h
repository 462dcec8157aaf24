#pragma once

#include <optional>
#include <string>
#include <vector>

#include "documents/document_service.h"
#include "referentials/referential_service.h"
#include "store/database.h"

namespace cqpm::health {

/// One probe of what the server needs to serve: "ok", or a short reason fit
/// for the public (the details, such as hosts, paths or SQL, go to the log).
struct Probe {
  std::string name;
  bool ok = true;
  std::string reason;  ///< empty when ok
};

/// What GET /readyz reports, as records: the presenter shapes the JSON.
struct Readiness {
  std::vector<Probe> required;  ///< database, referentials, documents: any failure makes the server not ready
  std::optional<Probe> antivirus;  ///< when configured; down only holds up uploads (ready, degraded)
  bool ready() const;
};

/// Probes the storage the server cannot work without. Thread-safe; each call
/// probes afresh (a load balancer asks every few seconds).
class ReadinessService {
 public:
  ReadinessService(store::Database& db, referentials::ReferentialService& referentials,
                   documents::DocumentService& documents)
      : db_(db), referentials_(referentials), documents_(documents) {}

  Readiness probe() const;

 private:
  store::Database& db_;
  referentials::ReferentialService& referentials_;
  documents::DocumentService& documents_;
};

}  // namespace cqpm::health
