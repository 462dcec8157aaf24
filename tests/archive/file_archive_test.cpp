// A candidate's whole file for the centre's archive: gathered through the services as the
// coordinator (what the pages show, no more), printed as a PDF whose text poppler reads back.

#include <gtest/gtest.h>

#include "certificates/pdf_probe.h"
#include "support/demo_services.h"
#include "support/test_server.h"

namespace cqpm::testing {
namespace {

namespace probe = certificates::probe;

class FileArchiveTest : public DemoServicesTest {};

TEST_P(FileArchiveTest, ACertifiedFileHasEveryPartInOrder) {
  const std::string id = demoFile("Thomas Blanc");
  const auto archive = server().archives().gather(actor("centre"), id);
  EXPECT_EQ(archive.file.file.id, id);
  EXPECT_EQ(archive.state_label, "Certifié");
  ASSERT_TRUE(archive.plan.has_value());
  ASSERT_TRUE(archive.grid.has_value());
  EXPECT_EQ(archive.grid->commission.size(), 2u);
  for (const auto& competency : archive.grid->competencies) {
    EXPECT_EQ(competency.signatures.size(), 2u) << competency.competency.number;
  }
  ASSERT_TRUE(archive.opinion.has_value());
  EXPECT_FALSE(archive.opinion->history.empty());
  ASSERT_EQ(archive.decisions.size(), 1u);
  EXPECT_EQ(archive.decisions[0].decision.outcome, "certified");
  ASSERT_GE(archive.history.size(), 8u);
  EXPECT_EQ(archive.history.front().first.seq, 1);
  EXPECT_EQ(archive.history.back().first.to_state, "certified");
  for (std::size_t i = 1; i < archive.history.size(); ++i) {
    EXPECT_EQ(archive.history[i].first.prev_hash, archive.history[i - 1].first.hash);  // oldest first
    EXPECT_FALSE(archive.history[i].second.empty());
  }
}

TEST_P(FileArchiveTest, ADraftHasNoPlanGridOpinionOrDecisionYet) {
  const auto archive = server().archives().gather(actor("centre"), demoFile("Emma Lefèvre"));
  EXPECT_EQ(archive.state_label, "Brouillon");
  EXPECT_FALSE(archive.plan.has_value());
  EXPECT_FALSE(archive.grid.has_value());
  EXPECT_FALSE(archive.opinion.has_value());
  EXPECT_TRUE(archive.decisions.empty());
  EXPECT_EQ(archive.history.size(), 1u);
}

TEST_P(FileArchiveTest, OnlyTheFilesCentreCoordinatorsPrintIt) {
  const std::string id = demoFile("Thomas Blanc");
  for (const char* login :
       {"entreprise", "evaluateur1", "candidat", "jury-employeur", "gtp-admin", "admin"}) {
    EXPECT_EQ(outcomeOf([&] { server().archives().gather(actor(login), id); }), "forbidden ") << login;
  }
  EXPECT_EQ(outcomeOf([&] { server().archives().gather(actor("centre2"), id); }), "not_found ");
  // The GTP's auditors print the files that went before a jury (Thomas Blanc's did), and no other.
  EXPECT_EQ(outcomeOf([&] { server().archives().gather(actor("gtp-employeur"), id); }), "accepted");
  EXPECT_EQ(outcomeOf([&] { server().archives().gather(actor("gtp-employeur"), demoFile("Emma Lefèvre")); }),
            "not_found ");
  EXPECT_EQ(outcomeOf([&] { server().archives().gather(actor("centre"), "no-such-file"); }), "not_found ");
}

TEST_P(FileArchiveTest, ThePdfSaysWhatHappenedInFrenchOnNumberedPages) {
  if (!probe::available("pdftotext")) GTEST_SKIP() << "poppler-utils is not installed";
  const std::string id = demoFile("Thomas Blanc");
  const auto archive = server().archives().gather(actor("centre"), id);
  const std::string pdf = server().archives().pdf(actor("centre"), id);
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  const probe::TempDir dir;
  const std::string text = probe::flat(probe::pdfText(dir, pdf));
  const int pages = probe::pdfPages(dir, pdf);
  ASSERT_GT(pages, 1);
  for (const std::string& expected :
       {std::string("Dossier complet du candidat"), std::string("Thomas Blanc — CQPM ") + archive.cqpm_title,
        std::string("1. Identité et inscription"), std::string("2. Modalités d’évaluation"),
        std::string("3. Grille d’évaluation"), std::string("4. Avis de l’entreprise"),
        std::string("5. Décision du jury paritaire"), std::string("CQPM délivré"),
        std::string("6. Historique du dossier"), archive.grid->competencies.front().competency.title,
        archive.decisions[0].awards.front().verification_code, archive.history.back().first.hash,
        "page 1 / " + std::to_string(pages),
        "page " + std::to_string(pages) + " / " + std::to_string(pages)}) {
    EXPECT_NE(text.find(probe::flat(expected)), std::string::npos) << expected;
  }
  // The signed opinion the jury read names its signer; the file's internal version counter is not printed.
  const auto& opinion = archive.opinion->history.back();
  EXPECT_NE(text.find("signée par " + opinion.signed_by->display_name), std::string::npos);
  EXPECT_EQ(text.find("Version " + std::to_string(archive.file.file.version) + ","), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, FileArchiveTest, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });

TEST(FileArchiveApiTest, TheCentreDownloadsItOthersAreRefused) {
  TestServer server("sqlite");
  HttpClient client = server.client();
  const std::string centre = client.login("centre");
  const auto files = client.get("/api/v1/files?state=certified", centre).json()->getArray("items");
  ASSERT_GT(files->size(), 0u);
  const std::string id = files->getObject(0)->getValue<std::string>("id");

  const auto pdf = client.get("/api/v1/files/" + id + "/archive.pdf", centre);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.headers.at("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf.headers.at("content-disposition").find("dossier-" + id + ".pdf"), std::string::npos);
  EXPECT_EQ(client.get("/api/v1/files/" + id + "/archive.pdf", client.login("entreprise")).status, 403);
  EXPECT_EQ(client.get("/api/v1/files/no-such-file/archive.pdf", centre).status, 404);
  EXPECT_EQ(client.get("/api/v1/files/" + id + "/archive.pdf", "").status, 401);
}

}  // namespace
}  // namespace cqpm::testing
