// A flood of logins against the real server binary (CQPM_BIN) with the
// production Argon2 cost (19 MiB per hash) and two hashing slots: 48 logins
// with unknown names at once get some 503s with Retry-After, quickly; the
// server's memory high-water mark barely moves (it took 1.28 GB without a
// cap); /healthz keeps answering at once meanwhile; and an unknown login costs
// what a known one costs.

#include <Poco/Environment.h>
#include <Poco/File.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "support/server_process.h"
#include "support/test_database.h"
#include "support/test_server.h"

namespace cqpm::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr int kSlots = 2;
constexpr int kLogins = 48;
constexpr long kArgon2MemoryKib = 19 * 1024;

double millisecondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

/// VmHWM (peak resident memory) of process `pid`, in KiB; -1 when unreadable.
long peakResidentKib(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

/// One server process for the suite: production password cost, two hashing
/// slots, the loopback proxy trusted so each request names its client address
/// (so the per-address budget does not hide the hashing cap).
class LoginFloodTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string binary = Poco::Environment::get("CQPM_BIN", "");
    if (binary.empty() || !Poco::File(binary).exists()) {
      problem_ = "CQPM_BIN must name the cqpm server binary (ctest sets it); got '" + binary + "'";
      return;
    }
    folder_ = makeTempDir("cqpm-login-flood");
    {
      std::ofstream config(folder_ + "/cqpm.properties");
      config << "cqpm.password.max_concurrent = " << kSlots << "\ncqpm.http.trusted_proxies = 127.0.0.1\n";
    }
    port_ = freePort();
    server_ = std::make_unique<ServerProcess>(
        binary,
        std::vector<std::string>{"serve", "--data", folder_ + "/data", "--bind", "127.0.0.1", "--port",
                                 std::to_string(port_), "--demo", "--config", folder_ + "/cqpm.properties"},
        folder_ + "/server.log");
    server_->start();
    problem_ = server_->waitUntilReady(port_, std::chrono::seconds(60));
    if (!problem_.empty()) problem_ += "\n" + server_->logTail();
  }
  static void TearDownTestSuite() {
    server_.reset();
    if (!folder_.empty()) std::filesystem::remove_all(folder_);
  }
  void SetUp() override { ASSERT_EQ(problem_, "") << "the server did not start"; }

  static HttpAnswer login(const std::string& user, const std::string& password, const std::string& from) {
    return HttpClient(port_).postJson("/api/v1/auth/login",
                                      R"({"login":")" + user + R"(","password":")" + password + "\"}", "",
                                      {{"X-Forwarded-For", from}});
  }

  static inline std::string problem_;
  static inline std::string folder_;
  static inline int port_ = 0;
  static inline std::unique_ptr<ServerProcess> server_;
};

TEST_F(LoginFloodTest, FortyEightLoginsAtOnceAreBoundedInMemoryAndHealthzKeepsAnswering) {
  ASSERT_EQ(login("centre", "demo", "192.0.2.1").status, 200);  // warm: one hash done, pools filled
  const long peak_before = peakResidentKib(server_->pid());
  ASSERT_GT(peak_before, 0);

  std::atomic<int> ready{0};
  std::atomic<bool> go{false}, flooding{true};
  std::mutex mutex;
  std::vector<HttpAnswer> answers;
  std::vector<double> refusal_ms, checked_ms;
  double slowest_healthz_ms = 0;
  int healthz_answers = 0;
  std::thread prober([&] {
    while (!go) std::this_thread::yield();
    while (flooding) {
      const auto start = SteadyClock::now();
      const auto answer = HttpClient(port_).get("/healthz", "");
      const double ms = millisecondsSince(start);
      if (answer.status == 200) ++healthz_answers;
      slowest_healthz_ms = std::max(slowest_healthz_ms, ms);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  std::vector<std::thread> clients;
  for (int i = 0; i < kLogins; ++i) {
    clients.emplace_back([&, i] {
      ++ready;
      while (!go) std::this_thread::yield();
      const auto start = SteadyClock::now();
      auto answer = login("inconnu-" + std::to_string(i), "Motdepasse1", "203.0.113." + std::to_string(i));
      const double ms = millisecondsSince(start);
      std::lock_guard lock(mutex);
      (answer.status == 503 ? refusal_ms : checked_ms).push_back(ms);
      answers.push_back(std::move(answer));
    });
  }
  while (ready < kLogins) std::this_thread::yield();
  go = true;
  for (auto& client : clients) client.join();
  flooding = false;
  prober.join();

  const long peak_after = peakResidentKib(server_->pid());
  int refused = 0, checked = 0;
  for (auto& answer : answers) {
    if (answer.status == 503) {
      ++refused;
      EXPECT_EQ(answer.headers["retry-after"], "1");
      EXPECT_EQ(answer.errorCode(), "unavailable");
    } else {
      EXPECT_EQ(answer.status, 401) << answer.body;
      ++checked;
    }
  }
  const auto slowest = [](const std::vector<double>& ms) {
    return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end());
  };
  const double slowest_refusal_ms = slowest(refusal_ms), slowest_check_ms = slowest(checked_ms);
  std::cout << kLogins << " logins at once, " << kSlots << " slots: " << checked << " checked (401), "
            << refused << " refused (503), slowest refusal " << slowest_refusal_ms << " ms, slowest check "
            << slowest_check_ms << " ms; /healthz " << healthz_answers << " answers, slowest "
            << slowest_healthz_ms << " ms; VmHWM " << peak_before / 1024 << " MiB before, "
            << peak_after / 1024 << " MiB after\n";
  EXPECT_GT(refused, 0);
  EXPECT_GT(checked, 0);
  // No bound on the times: sanitizers and a loaded machine stretch them all
  // (a refusal took 2.6 s under ASan). They are printed above; what holds
  // everywhere is that the flood is refused beyond the slots and that memory
  // stays bounded.
  EXPECT_GT(healthz_answers, 0) << "/healthz must keep answering during the flood";
  // At most the slots' Argon2 memory on top of what the server already peaked
  // at, plus room for 48 connections' buffers: far from 48 x 19 MiB.
  EXPECT_LT(peak_after - peak_before, (kSlots + 2) * kArgon2MemoryKib);
}

TEST_F(LoginFloodTest, AnUnknownLoginTakesAsLongAsAWrongPasswordForAKnownOne) {
  // Nine known accounts and nine unknown names, one failure each, each from
  // its own address: no throttle is involved, only the password check.
  const std::vector<std::string> known{"centre",      "centre2",        "entreprise",
                                       "candidat",    "candidat-vae",   "evaluateur1",
                                       "evaluateur2", "jury-employeur", "jury-salarie"};
  std::vector<double> known_ms, unknown_ms;
  for (std::size_t i = 0; i < known.size(); ++i) {
    auto start = SteadyClock::now();
    EXPECT_EQ(login(known[i], "Motdepasse1", "198.51.100." + std::to_string(i)).status, 401);
    known_ms.push_back(millisecondsSince(start));
    start = SteadyClock::now();
    EXPECT_EQ(
        login("personne-" + std::to_string(i), "Motdepasse1", "198.51.100." + std::to_string(100 + i)).status,
        401);
    unknown_ms.push_back(millisecondsSince(start));
  }
  std::sort(known_ms.begin(), known_ms.end());
  std::sort(unknown_ms.begin(), unknown_ms.end());
  const double known_median = known_ms[4], unknown_median = unknown_ms[4];
  std::cout << "median failed login over HTTP: known " << known_median << " ms, unknown " << unknown_median
            << " ms\n";
  // Loose bounds for a shared machine: skipping Argon2 would make it 20 times faster.
  EXPECT_GT(unknown_median, known_median * 0.5);
  EXPECT_LT(unknown_median, known_median * 2);
}

}  // namespace
}  // namespace cqpm::testing
