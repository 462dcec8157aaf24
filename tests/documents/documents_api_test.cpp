#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Net/StreamSocket.h>

#include "common/random_bytes.h"
#include "http/api_fixture.h"

// Documents of a file through the real server: upload, versions, download,
// type sniffing, limits and tenancy.

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

INSTANTIATE_TEST_SUITE_P(Backends, DocumentsApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
