#pragma once

// Checks an Accrochage flux with libxml2's own validator (xmllint, Debian's libxml2-utils) against
// the schema of the flux CQPM Hub writes (schemas/accrochage/), and, when CQPM_CDC_ACCROCHAGE_XSD
// names the Caisse des Dépôts' own XSD on this machine, against that one too.

#include <Poco/File.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "support/test_database.h"

namespace cqpm::testing {

struct SchemaVerdict {
  bool valid = false;
  std::string messages;  ///< what xmllint said (the element and the rule broken)
};

/// `xml` validated against `xsd_path` by xmllint.
inline SchemaVerdict validateWithXmllint(const std::string& xml, const std::string& xsd_path) {
  const std::string folder = makeTempDir("cqpm-accrochage");
  const std::string path = folder + "/flux.xml";
  std::ofstream(path, std::ios::binary) << xml;
  Poco::Pipe err;
  Poco::ProcessHandle handle = Poco::Process::launch(
      "xmllint", {"--noout", "--nonet", "--schema", xsd_path, path}, nullptr, nullptr, &err);
  Poco::PipeInputStream stream(err);
  SchemaVerdict verdict;
  Poco::StreamCopier::copyToString(stream, verdict.messages);
  verdict.valid = handle.wait() == 0;
  Poco::File(folder).remove(true);
  return verdict;
}

/// The schemas a flux is checked against: CQPM Hub's, and the CDC's when the machine has it.
inline std::vector<std::string> accrochageSchemas() {
  std::vector<std::string> schemas{std::string(CQPM_SOURCE_ROOT) +
                                   "/schemas/accrochage/accrochage-flux-cqpm-hub.xsd"};
  if (const char* official = std::getenv("CQPM_CDC_ACCROCHAGE_XSD"); official && *official)
    schemas.emplace_back(official);
  return schemas;
}

}  // namespace cqpm::testing
