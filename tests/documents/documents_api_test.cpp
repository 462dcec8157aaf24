#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Net/StreamSocket.h>

#include "common/sha256.h"
#include "documents/pdf_samples.h"
#include "http/api_fixture.h"
#include "support/clamd_daemon.h"

// Documents of a file through the real server: upload, versions, download,
// type sniffing, content checks (scripts in PDFs, HTML polyglots), malware
// scanning with a real clamd, limits and tenancy.

namespace cqpm::testing {
namespace {

class DocumentsApiTest : public ApiTest {
 protected:
  std::string registeredFile(const std::string& token) const {
    const std::string id = createFile(token, "Documents")->getValue<std::string>("id");
    EXPECT_EQ(fire(token, id, "register", 1).status, 200);
    return id;
  }

  std::size_t storedBlobs() const {
    std::size_t count = 0;
    const std::string root = server_->database().dataDir() + "/documents/sha256";
    if (!Poco::File(root).exists()) return 0;
    for (Poco::DirectoryIterator dir(root), end; dir != end; ++dir) {
      for (Poco::DirectoryIterator file(dir->path()), end_file; file != end_file; ++file) ++count;
    }
    return count;
  }

  /// Upload temporaries left behind (a refused upload must leave none).
  std::size_t leftTemporaries() const {
    std::size_t count = 0;
    const std::string tmp = server_->database().dataDir() + "/documents/tmp";
    if (!Poco::File(tmp).exists()) return 0;
    for (Poco::DirectoryIterator file(tmp), end; file != end; ++file) ++count;
    return count;
  }

  /// The number of versions of each document of `file`, in order.
  std::vector<std::size_t> versionCounts(const std::string& token, const std::string& file) const {
    const auto items = client().get("/api/v1/files/" + file + "/documents", token).json()->getArray("items");
    std::vector<std::size_t> counts;
    for (std::size_t i = 0; i < items->size(); ++i)
      counts.push_back(items->getObject(static_cast<unsigned>(i))->getArray("versions")->size());
    return counts;
  }
};

TEST_P(DocumentsApiTest, AnUploadAddsADocumentAndEveryNextUploadAVersion) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const std::size_t demo_blobs = storedBlobs();  // the demo's own reports
  const auto first =
      upload(centre, "/api/v1/files/" + file + "/documents", "report", "Rapport d'activité.pdf", kPdf);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto document = first.json();
  const auto v1 = document->getArray("versions")->getObject(0);
  EXPECT_EQ(document->getValue<std::string>("kind"), "report");
  EXPECT_EQ(v1->getValue<int>("number"), 1);
  EXPECT_EQ(v1->getValue<std::string>("sha256"), sha256Hex(kPdf));
  EXPECT_EQ(v1->getValue<std::size_t>("size"), kPdf.size());
  EXPECT_EQ(v1->getValue<std::string>("mime_type"), "application/pdf");
  EXPECT_EQ(v1->getValue<std::string>("filename"), "Rapport d'activité.pdf");

  const std::string doc = document->getValue<std::string>("id");
  const auto second = upload(centre, "/api/v1/documents/" + doc + "/versions", "", "rapport-v2.pdf", kPdf);
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json()->getArray("versions")->size(), 2u);
  EXPECT_EQ(storedBlobs(), demo_blobs + 1);  // the same bytes are stored once, never overwritten

  const auto listed = client().get("/api/v1/files/" + file + "/documents", centre).json()->getArray("items");
  ASSERT_EQ(listed->size(), 1u);
  const auto events = client().get("/api/v1/files/" + file + "/events", centre).json()->getArray("items");
  EXPECT_EQ(events->getObject(static_cast<unsigned>(events->size() - 1))->getValue<std::string>("transition"),
            "add_document");
}

TEST_P(DocumentsApiTest, AVersionIsServedAsAnAttachmentWithItsSniffedType) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const auto created =
      upload(centre, "/api/v1/files/" + file + "/documents", "evidence", "photo de l'atelier.png", kPng);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string doc = created.json()->getValue<std::string>("id");
  const auto content = client().get("/api/v1/documents/" + doc + "/versions/1/content", centre);
  ASSERT_EQ(content.status, 200);
  EXPECT_EQ(content.body, kPng);
  EXPECT_EQ(content.headers.at("content-type"), "image/png");
  EXPECT_EQ(content.headers.at("content-disposition"),
            "attachment; filename=\"photo de l'atelier.png\"; filename*=UTF-8''photo%20de%20l%27atelier.png");
  EXPECT_EQ(client().get("/api/v1/documents/" + doc + "/versions/2/content", centre).status, 404);
}

TEST_P(DocumentsApiTest, TheTypeComesFromTheBytesNotTheName) {
  const std::string centre = client().login("centre");
  const std::string path = "/api/v1/files/" + registeredFile(centre) + "/documents";
  const std::size_t demo_blobs = storedBlobs();  // the demo's own reports
  const auto text = upload(centre, path, "report", "rapport.pdf", "Ceci n'est pas un PDF.\n");
  EXPECT_EQ(text.status, 415);
  EXPECT_EQ(text.errorField(), "file");
  const auto renamed = upload(centre, path, "report", "rapport.pdf", kPng);
  EXPECT_EQ(renamed.status, 415);
  EXPECT_NE(renamed.body.find("image/png"), std::string::npos) << renamed.body;
  EXPECT_EQ(upload(centre, path, "report", "script.sh", "#!/bin/sh\nrm -rf /\n").status, 415);
  EXPECT_EQ(storedBlobs(), demo_blobs);  // nothing refused is kept
}

TEST_P(DocumentsApiTest, BadFormsNameTheirField) {
  const std::string centre = client().login("centre");
  const std::string path = "/api/v1/files/" + registeredFile(centre) + "/documents";
  EXPECT_EQ(upload(centre, path, "diplome", "r.pdf", kPdf).errorField(), "kind");
  EXPECT_EQ(upload(centre, path, "report", "", "").errorField(), "file");
  const auto json = client().postJson(path, R"({"kind":"report"})", centre);
  EXPECT_EQ(json.status, 415);
}

TEST_P(DocumentsApiTest, AnOversizedUploadIsRefusedBeforeItIsRead) {
  const std::string centre = client().login("centre");
  const std::string path = "/api/v1/files/" + registeredFile(centre) + "/documents";
  Poco::Net::StreamSocket socket(
      Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(server_->port())));
  socket.setReceiveTimeout(Poco::Timespan(5, 0));
  const std::string head =
      "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + centre +
      "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 209715200\r\n\r\n";
  socket.sendBytes(head.data(), static_cast<int>(head.size()));
  char buffer[512];
  const int received = socket.receiveBytes(buffer, sizeof buffer);
  ASSERT_GT(received, 12);
  EXPECT_EQ(std::string(buffer, 12), "HTTP/1.1 413");
}

TEST_P(DocumentsApiTest, WhoMayAddAndReadFollowsTheFile) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);  // a file of the first company
  const std::string path = "/api/v1/files/" + file + "/documents";
  const auto by_company = upload(client().login("entreprise"), path, "report", "rapport.pdf", kPdf);
  ASSERT_EQ(by_company.status, 201) << by_company.body;
  const std::string doc = by_company.json()->getValue<std::string>("id");
  EXPECT_EQ(upload(client().login("centre2"), path, "report", "r.pdf", kPdf).status, 404);
  EXPECT_EQ(client().get(path, client().login("centre2")).status, 404);
  EXPECT_EQ(
      client().get("/api/v1/documents/" + doc + "/versions/1/content", client().login("centre2")).status,
      404);
  EXPECT_EQ(
      upload(client().login("centre2"), "/api/v1/documents/" + doc + "/versions", "", "r.pdf", kPdf).status,
      404);
  // An evaluator sees the file once on its commission; reading is all they do with documents.
  EXPECT_EQ(client().get(path, client().login("evaluateur1")).status, 404);
  formCommission(centre, file);
  EXPECT_EQ(upload(client().login("evaluateur1"), path, "report", "r.pdf", kPdf).status, 403);
  EXPECT_EQ(client().get(path, client().login("evaluateur1")).status, 200);
  EXPECT_EQ(upload(client().login("gtp-employeur"), path, "report", "r.pdf", kPdf).status, 404);
}

TEST_P(DocumentsApiTest, AClosedFileTakesNoDocument) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  ASSERT_EQ(fire(centre, file, "withdraw", 2, R"({"reason":"Abandon"})").status, 200);
  EXPECT_EQ(upload(centre, "/api/v1/files/" + file + "/documents", "report", "r.pdf", kPdf).status, 409);
}

TEST_P(DocumentsApiTest, EvidenceIsDeclaredSubmittedOnlyOnceTheReportOfTheProjectsIsIn) {
  const std::string centre = client().login("centre");
  const std::string company = client().login("entreprise");
  const std::string file = registeredFile(centre);
  // The sample plan evaluates competencies 2, 4 and 6 on the presentation of projects.
  ASSERT_EQ(agreeModalities(centre, file, 2), 4);
  const auto without = fire(company, file, "submit_evidence", 4);
  EXPECT_EQ(without.status, 422) << without.body;
  EXPECT_EQ(without.errorField(), "documents.report");
  const auto details = without.json()->getObject("error")->getObject("details");
  EXPECT_EQ(details->getValue<int>("competency"), 2);
  EXPECT_NE(details->getValue<std::string>("message_fr").find("les compétences 2, 4, 6 sont évaluées"),
            std::string::npos)
      << without.body;
  // Evidence is not the report.
  ASSERT_EQ(upload(company, "/api/v1/files/" + file + "/documents", "evidence", "photo.png", kPng).status,
            201);
  EXPECT_EQ(fire(company, file, "submit_evidence", 4).errorField(), "documents.report");
  ASSERT_EQ(upload(company, "/api/v1/files/" + file + "/documents", "report", "rapport.pdf", kPdf).status,
            201);
  EXPECT_EQ(fire(company, file, "submit_evidence", 4).status, 200);
}

TEST_P(DocumentsApiTest, APlanOnRealSituationsOnlyNeedsNoReport) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const auto editor = client().get("/api/v1/files/" + file + "/modalities", centre).json();
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("expected_version", 2);
  body->set("competencies", demo::sampleModalityPlan(editor, "qualite", "{}", false));
  ASSERT_EQ(client()
                .request("PUT", "/api/v1/files/" + file + "/modalities", toJsonText(body),
                         {{"Authorization", "Bearer " + centre}, {"Content-Type", "application/json"}})
                .status,
            200);
  ASSERT_EQ(fire(centre, file, "agree_modalities", 3).status, 200);
  EXPECT_EQ(fire(centre, file, "submit_evidence", 4).status, 200);
}

TEST_P(DocumentsApiTest, PdfsCarryingScriptsOrLaunchActionsAreRefusedAndNothingIsKept) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const std::string path = "/api/v1/files/" + file + "/documents";
  const std::size_t blobs_before = storedBlobs();
  const testing::PdfExtension script = [](QPDF& pdf, const QPDFObjectHandle& catalog,
                                          const QPDFObjectHandle&) {
    addAction(pdf, catalog, "/OpenAction", "<< /S /JavaScript /JS (app.launchURL\\(\\)) >>");
  };
  const testing::PdfExtension launch = [](QPDF& pdf, const QPDFObjectHandle&, const QPDFObjectHandle& page) {
    addAction(pdf, page, "/AA", "<< /O << /S /Launch /F (cmd.exe) >> >>");
  };
  for (const bool packed : {false, true}) {  // in plain objects, then in compressed object streams
    const auto scripted = upload(centre, path, "report", "rapport.pdf", writtenPdf(script, packed));
    EXPECT_EQ(scripted.status, 422) << scripted.body;
    EXPECT_EQ(scripted.errorCode(), "active_content");
    EXPECT_EQ(scripted.errorField(), "file");
    EXPECT_EQ(scripted.json()->getObject("error")->getObject("details")->getValue<std::string>("found"),
              "JavaScript");
    const auto launching = upload(centre, path, "evidence", "plan.pdf", writtenPdf(launch, packed));
    EXPECT_EQ(launching.errorCode(), "active_content") << launching.body;
    EXPECT_NE(launching.body.find("Launch"), std::string::npos) << launching.body;
  }
  EXPECT_EQ(storedBlobs(), blobs_before);
  EXPECT_EQ(leftTemporaries(), 0u);
  EXPECT_TRUE(versionCounts(centre, file).empty());
  // The same document without the action is an ordinary report.
  const auto plain = upload(centre, path, "report", "rapport.pdf", writtenPdf({}, true));
  EXPECT_EQ(plain.status, 201) << plain.body;
  const std::string doc = plain.json()->getValue<std::string>("id");
  const auto version = upload(centre, "/api/v1/documents/" + doc + "/versions", "", "rapport-v2.pdf",
                              writtenPdf(script, true));
  EXPECT_EQ(version.errorCode(), "active_content");
  EXPECT_EQ(versionCounts(centre, file), std::vector<std::size_t>{1});
}

TEST_P(DocumentsApiTest, PicturesAndPdfsCarryingHtmlInTheirFirstBytesAreRefused) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const std::string path = "/api/v1/files/" + file + "/documents";
  const std::size_t blobs_before = storedBlobs();
  const auto image =
      upload(centre, path, "evidence", "photo.png", kPng + "<script>alert(document.cookie)</script>");
  EXPECT_EQ(image.status, 422) << image.body;
  EXPECT_EQ(image.errorCode(), "active_content");
  EXPECT_EQ(image.json()->getObject("error")->getObject("details")->getValue<std::string>("tag"), "<script");
  const auto pdf =
      upload(centre, path, "report", "rapport.pdf", "%PDF-1.4\n%<html><body>\n" + kPdf.substr(9));
  EXPECT_EQ(pdf.errorCode(), "active_content") << pdf.body;
  EXPECT_EQ(storedBlobs(), blobs_before);
  EXPECT_TRUE(versionCounts(centre, file).empty());
}

TEST_P(DocumentsApiTest, DownloadsAreAttachmentsBrowsersMustNotSniff) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const auto created = upload(centre, "/api/v1/files/" + file + "/documents", "report", "r.pdf", kPdf);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto content = client().get(
      "/api/v1/documents/" + created.json()->getValue<std::string>("id") + "/versions/1/content", centre);
  ASSERT_EQ(content.status, 200);
  EXPECT_TRUE(content.headers.at("content-disposition").starts_with("attachment;"));
  EXPECT_EQ(content.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(content.headers.at("content-type"), "application/pdf");
}

INSTANTIATE_TEST_SUITE_P(Backends, DocumentsApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing

namespace cqpm::testing {
namespace {

/// The same server with an antivirus: a real clamd started for each test.
class ScannedDocumentsApiTest : public DocumentsApiTest {
 protected:
  void SetUp() override {
    clamd_ = std::make_unique<ClamdDaemon>();
    ASSERT_EQ(clamd_->failure(), "") << "clamd is needed by these tests";
    TestServerOptions options;
    options.configure = [this](app::ServerConfig& config) { config.antivirus = clamd_->settings(5); };
    server_ = std::make_unique<TestServer>(GetParam(), options);
    CQPM_REQUIRE_BACKEND(server_->database());
  }
  void TearDown() override {
    server_.reset();
    clamd_.reset();
  }

  std::unique_ptr<ClamdDaemon> clamd_;
};

TEST_P(ScannedDocumentsApiTest, CleanUploadsAreKeptAndInfectedOnesRefusedNamingTheSignature) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const std::string path = "/api/v1/files/" + file + "/documents";
  const auto clean = upload(centre, path, "report", "rapport.pdf", writtenPdf());
  ASSERT_EQ(clean.status, 201) << clean.body << clamd_->logTail();
  const std::string doc = clean.json()->getValue<std::string>("id");
  const std::size_t blobs_before = storedBlobs();

  // The EICAR test string inside a file that is otherwise a PDF (the type check passes).
  const std::string infected = kPdf + kEicar + "\n";
  const auto refused = upload(centre, path, "evidence", "preuve.pdf", infected);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.errorCode(), "infected");
  EXPECT_EQ(refused.errorField(), "file");
  EXPECT_EQ(refused.json()->getObject("error")->getObject("details")->getValue<std::string>("signature"),
            kEicarSignature);
  const auto version =
      upload(centre, "/api/v1/documents/" + doc + "/versions", "", "rapport-v2.pdf", infected);
  EXPECT_EQ(version.errorCode(), "infected") << version.body;

  EXPECT_EQ(storedBlobs(), blobs_before) << "no blob of the infected file";
  EXPECT_EQ(leftTemporaries(), 0u);
  EXPECT_EQ(versionCounts(centre, file), std::vector<std::size_t>{1}) << "no new document nor version";
  const auto events = client().get("/api/v1/files/" + file + "/events", centre).json()->getArray("items");
  std::size_t added = 0;
  for (std::size_t i = 0; i < events->size(); ++i)
    added +=
        events->getObject(static_cast<unsigned>(i))->getValue<std::string>("transition") == "add_document";
  EXPECT_EQ(added, 1u);
}

TEST_P(ScannedDocumentsApiTest, WithoutAVerdictUploadsAreRefusedWith503AndNothingIsKept) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const std::size_t blobs_before = storedBlobs();
  const auto ready = client().get("/readyz", "");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.json()->getObject("checks")->getValue<std::string>("antivirus"), "ok");
  clamd_->stop();
  // Ready, degraded: only uploads wait for the antivirus.
  const auto degraded = client().get("/readyz", "");
  EXPECT_EQ(degraded.status, 200);
  EXPECT_EQ(degraded.json()->getObject("checks")->getValue<std::string>("antivirus").rfind("unreachable", 0),
            0u);
  const auto refused =
      upload(centre, "/api/v1/files/" + file + "/documents", "report", "rapport.pdf", writtenPdf());
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.errorCode(), "unavailable");
  EXPECT_EQ(refused.errorField(), "file");
  EXPECT_EQ(refused.headers.count("retry-after"), 1u);
  EXPECT_EQ(refused.body.find(clamd_->socketPath()), std::string::npos) << "no path in public errors";
  EXPECT_EQ(storedBlobs(), blobs_before);
  EXPECT_EQ(leftTemporaries(), 0u);
  EXPECT_TRUE(versionCounts(centre, file).empty());
  // Reading is untouched.
  EXPECT_EQ(client().get("/api/v1/files/" + file + "/documents", centre).status, 200);
}

// Scanning does not depend on the database: SQLite only.
INSTANTIATE_TEST_SUITE_P(Sqlite, ScannedDocumentsApiTest, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
