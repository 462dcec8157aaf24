#include "http/multipart_form.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"

namespace cqpm::http {
namespace {

using namespace std::string_literals;

constexpr const char* kBoundary = "XyZ-b0undary";

struct Part {
  std::string name;
  std::string filename;
  std::string bytes;
  bool operator==(const Part&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Part& part) {
  return out << "{" << part.name << ", " << part.filename << ", " << part.bytes.size() << " bytes}";
}

// Reads every part of `body` in pieces of `read_size` bytes, as the blob store
// reads a file part (istream::read in a loop).
std::vector<Part> readAll(const std::string& body, std::size_t block_bytes, std::size_t read_size = 7,
                          const std::string& boundary = kBoundary) {
  std::istringstream in(body);
  std::vector<Part> parts;
  readMultipartForm(
      in, boundary,
      [&](const std::string& name, const std::string& filename, std::istream& part) {
        Part got{name, filename, {}};
        std::vector<char> buffer(read_size);
        while (part.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || part.gcount() > 0) {
          got.bytes.append(buffer.data(), static_cast<std::size_t>(part.gcount()));
        }
        parts.push_back(got);
      },
      block_bytes);
  return parts;
}

std::string partOf(const std::string& name, const std::string& filename, const std::string& bytes) {
  std::string part = "--"s + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"";
  if (!filename.empty()) part += "; filename=\"" + filename + "\"";
  return part + "\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n";
}

std::string closing() { return "--"s + kBoundary + "--\r\n"; }

// The field a refusal names with its code, or "<no error>".
template <typename Read>
std::string refusal(Read read) {
  try {
    read();
  } catch (const Error& e) {
    return std::string(errorCodeName(e.code())) + " " + e.field();
  }
  return "<no error>";
}

// Content that looks like a delimiter without being one: "\r\n--" and every
// prefix of the boundary, the boundary followed by neither "--" nor a line end,
// line ends of every kind, NUL bytes.
std::string trickyBytes() {
  std::string bytes = "%PDF-1.7\r\n--\r\n--X\n--XyZ\r\n--XyZ-b0undar\r\n"s;
  const std::string boundary = kBoundary;
  for (std::size_t n = 0; n <= boundary.size(); ++n) bytes += "\r\n--" + boundary.substr(0, n) + "\r";
  bytes += "\r\n--"s + kBoundary + "X\r\n--"s + kBoundary + " \r\n--"s + kBoundary + "-\r\n";
  bytes += "x--"s + kBoundary + "\r\n";  // not at a line start
  bytes.append("\0\n\r\0"s);
  bytes += "\r\r\n\n\r";  // ends in CR: the CR of the delimiter follows it
  return bytes;
}

TEST(MultipartFormTest, PartsAreReadWhereverTheBlocksEnd) {
  const std::string file = trickyBytes();
  const std::string body = partOf("kind", "", "evidence") + partOf("file", "preuve.pdf", file) + closing();
  const std::vector<Part> expected{{"kind", "", "evidence"}, {"file", "preuve.pdf", file}};
  // Every block size up to the whole body: each delimiter straddles a block edge somewhere.
  for (std::size_t block = 1; block <= body.size() + 1; ++block) {
    ASSERT_EQ(readAll(body, block), expected) << "block " << block;
  }
  for (const std::size_t read_size : {1, 2, 3, 64, 65536}) {
    EXPECT_EQ(readAll(body, kMultipartBlockBytes, read_size), expected) << "read " << read_size;
  }
}

TEST(MultipartFormTest, LargeBinaryPartIsReadIntact) {
  std::string file;
  for (std::size_t i = 0; file.size() < (std::size_t{3} << 20) / 2; ++i) {
    file += static_cast<char>((i * 2654435761u) >> 13);
    if (i % 4093 == 0) file += "\r\n--XyZ-b0und";
  }
  const std::string body = partOf("file", "a.bin", file) + closing();
  for (const std::size_t block : {std::size_t{4096}, std::size_t{65536}, std::size_t{100003}}) {
    const auto parts = readAll(body, block, 65536);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_TRUE(parts[0].bytes == file) << "block " << block;
  }
}

TEST(MultipartFormTest, PreambleAndEpilogueAreSkipped) {
  const std::string body = "This is the preamble.\r\n--XyZ-b0undaryX is not a delimiter\r\n" +
                           partOf("kind", "", "report") + closing() + "epilogue, never read\r\n--" +
                           kBoundary + "\r\n";
  for (std::size_t block = 1; block <= body.size(); ++block) {
    EXPECT_EQ(readAll(body, block), (std::vector<Part>{{"kind", "", "report"}})) << "block " << block;
  }
}

TEST(MultipartFormTest, BareLineFeedDelimitersAreAccepted) {
  const std::string body =
      "--"s + kBoundary + "\nContent-Disposition: form-data; name=\"kind\"\n\nreport\n--" + kBoundary +
      "\nContent-Disposition: form-data; name=\"file\"\n\nbytes\r\n--" + kBoundary + "--";
  EXPECT_EQ(readAll(body, 3), (std::vector<Part>{{"kind", "", "report"}, {"file", "", "bytes"}}));
}

TEST(MultipartFormTest, EmptyPartsAndPartsWithoutHeaders) {
  const std::string body = "--"s + kBoundary + "\r\n\r\nno headers\r\n--" + kBoundary +
                           "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n\r\n" + closing();
  for (std::size_t block = 1; block <= body.size(); ++block) {
    EXPECT_EQ(readAll(body, block), (std::vector<Part>{{"", "", "no headers"}, {"kind", "", ""}}))
        << "block " << block;
  }
}

TEST(MultipartFormTest, BytesTheReaderLeavesAreSkipped) {
  const std::string body =
      partOf("file", "a.pdf", std::string(200000, 'a')) + partOf("kind", "", "report") + closing();
  std::istringstream in(body);
  std::vector<std::string> seen;
  std::string kind;
  readMultipartForm(in, kBoundary, [&](const std::string& name, const std::string&, std::istream& part) {
    seen.push_back(name);
    if (name == "kind") std::getline(part, kind);
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"file", "kind"}));
  EXPECT_EQ(kind, "report");
}

TEST(MultipartFormTest, MissingClosingDelimiterIsRefused) {
  const std::string bodies[] = {
      partOf("kind", "", "report"),                              // ends after a part
      partOf("kind", "", "report") + "--" + kBoundary,           // a delimiter cut before "--"
      partOf("kind", "", "report") + "--" + kBoundary + "-",     // half a closing delimiter
      partOf("kind", "", "report") + "--" + kBoundary + "\r\n",  // a part announced, no headers
      "--"s + kBoundary + "\r\nContent-Disposition: form-data",  // headers cut
      "no delimiter at all\r\n",
      "",
  };
  for (const auto& body : bodies) {
    for (const std::size_t block : {std::size_t{1}, std::size_t{5}, kMultipartBlockBytes}) {
      EXPECT_EQ(refusal([&] { readAll(body, block); }), "invalid_field file") << body << " block " << block;
    }
  }
}

TEST(MultipartFormTest, BodyEndingInsideAPartFailsTheReaderOfThatPart) {
  const std::string body = partOf("kind", "", "report") + partOf("file", "a.pdf", std::string(100000, 'x'));
  const std::string cut = body.substr(0, body.size() - 5000);
  std::istringstream in(cut);
  std::string where;
  EXPECT_EQ(refusal([&] {
              readMultipartForm(in, kBoundary,
                                [&](const std::string& name, const std::string&, std::istream& part) {
                                  where = name;
                                  char buffer[4096];
                                  while (part.read(buffer, sizeof buffer)) {
                                  }
                                });
            }),
            "invalid_field file");
  EXPECT_EQ(where, "file");
}

TEST(MultipartFormTest, AtMostMaxPartsAreRead) {
  std::string body;
  for (std::size_t i = 0; i < kMaxMultipartParts; ++i) body += partOf("p" + std::to_string(i), "", "x");
  EXPECT_EQ(readAll(body + closing(), 4).size(), kMaxMultipartParts);
  body += partOf("one-too-many", "", "x");
  EXPECT_EQ(refusal([&] { readAll(body + closing(), 4); }), "invalid_field file");
  // Cut after the parts: refused, and not by looping for ever.
  EXPECT_EQ(refusal([&] { readAll(body, 4); }), "invalid_field file");
}

TEST(MultipartFormTest, HeadersLargerThanTheLimitAreRefused) {
  const std::string fits =
      "--"s + kBoundary +
      "\r\nContent-Disposition: form-data; name=\"kind\"\r\nX-Pad: " + std::string(8000, 'p') +
      "\r\nX-Pad: " + std::string(8000, 'p') + "\r\n\r\nreport\r\n" +
      closing();  // Poco's MessageHeader takes 8 KiB a value
  EXPECT_EQ(readAll(fits, 1000), (std::vector<Part>{{"kind", "", "report"}}));
  const std::string one_line = "--"s + kBoundary + "\r\nX-Pad: " + std::string(kMaxPartHeaderBytes, 'p') +
                               "\r\n\r\nreport\r\n" + closing();
  std::string many_lines = "--"s + kBoundary + "\r\n";
  for (int i = 0; i < 2000; ++i) many_lines += "X-Pad: pppppp\r\n";
  many_lines += "\r\nreport\r\n" + closing();
  for (const auto& body : {one_line, many_lines}) {
    for (const std::size_t block : {std::size_t{1000}, kMultipartBlockBytes}) {
      EXPECT_EQ(refusal([&] { readAll(body, block); }), "invalid_field file") << "block " << block;
    }
  }
}

TEST(MultipartFormTest, ContentTypeMustCarryAUsableBoundary) {
  EXPECT_EQ(multipartBoundary("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(multipartBoundary("multipart/form-data; boundary=\"a b\""), "a b");
  for (const std::string type :
       {"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
        "application/pdf", "text/plain; boundary=a", ""}) {
    EXPECT_EQ(refusal([&] { multipartBoundary(type); }), "unsupported_media_type Content-Type") << type;
  }
  EXPECT_EQ(refusal([] { readAll(closing(), 4, 7, ""); }), "invalid_field file");
}

}  // namespace
}  // namespace cqpm::http
