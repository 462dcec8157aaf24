#include "support/test_pki.h"

#include <Poco/File.h>
#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <fstream>
#include <stdexcept>
#include <vector>

#include "support/test_database.h"

namespace cqpm::testing {

namespace {

void openssl(const std::vector<std::string>& args) {
  Poco::Pipe quiet;
  Poco::ProcessHandle handle = Poco::Process::launch("openssl", args, nullptr, &quiet, &quiet);
  if (handle.wait() != 0) throw std::runtime_error("openssl " + args.front() + " failed");
}

const std::vector<std::string> kNewKey = {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                          "-nodes"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// A server certificate for `name` signed by the authority in `folder`.
TestPki::Identity signedFor(const std::string& folder, const std::string& stem, const std::string& name) {
  const TestPki::Identity identity{folder + "/" + stem + ".pem", folder + "/" + stem + ".key"};
  const std::string request = folder + "/" + stem + ".csr", extensions = folder + "/" + stem + ".ext";
  openssl(with({"req"}, with(kNewKey, {"-keyout", identity.key, "-out", request, "-subj", "/CN=" + name})));
  std::ofstream(extensions)
      << "subjectAltName=DNS:" << name
      << "\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n";
  openssl({"x509", "-req", "-in", request, "-CA", folder + "/ca.pem", "-CAkey", folder + "/ca.key",
           "-CAcreateserial", "-out", identity.certificate, "-days", "2", "-extfile", extensions});
  return identity;
}

}  // namespace

TestPki::TestPki() : folder_(makeTempDir("cqpm-pki")), authority_(folder_ + "/ca.pem") {
  openssl(with({"req", "-x509"},
               with(kNewKey, {"-keyout", folder_ + "/ca.key", "-out", authority_, "-days", "2", "-subj",
                              "/CN=CQPM Hub test authority", "-addext", "basicConstraints=critical,CA:TRUE",
                              "-addext", "keyUsage=critical,keyCertSign,cRLSign"})));
  localhost_ = signedFor(folder_, "localhost", "localhost");
  other_name_ = signedFor(folder_, "other", "sso.example.org");
  self_signed_ = {folder_ + "/self.pem", folder_ + "/self.key"};
  openssl(with({"req", "-x509"},
               with(kNewKey, {"-keyout", self_signed_.key, "-out", self_signed_.certificate, "-days", "2",
                              "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"})));
}

TestPki::~TestPki() { Poco::File(folder_).remove(true); }

}  // namespace cqpm::testing
