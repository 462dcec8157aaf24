#pragma once

// What the certificate tests need to look inside a rendered PDF with stock poppler-utils
// (pdftotext, pdfinfo, pdftoppm): no PDF parser of our own, the same tools a person would use.

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/test_database.h"

namespace cqpm::certificates::probe {

/// A temporary folder removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir() : path_(testing::makeTempDir("cqpm-certificates")) {}
  ~TempDir() { Poco::File(path_).remove(true); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline void writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

/// Runs `command` (found on PATH) and returns its standard output; throws if it exits non-zero.
inline std::string run(const std::string& command, const std::vector<std::string>& args) {
  Poco::Pipe out;
  Poco::ProcessHandle handle = Poco::Process::launch(command, args, nullptr, &out, nullptr);
  Poco::PipeInputStream stream(out);
  std::string text;
  Poco::StreamCopier::copyToString(stream, text);
  const int status = handle.wait();
  if (status != 0) throw std::runtime_error(command + " exited with " + std::to_string(status));
  return text;
}

/// Whether `command` is on PATH.
inline bool available(const std::string& command) {
  return std::system(("command -v " + command + " >/dev/null 2>&1").c_str()) == 0;
}

/// The text of a PDF as `pdftotext -layout` extracts it (UTF-8).
inline std::string pdfText(const TempDir& dir, const std::string& pdf) {
  const std::string path = dir.file("text.pdf");
  writeFile(path, pdf);
  return run("pdftotext", {"-layout", "-enc", "UTF-8", path, "-"});
}

/// `text` with every run of white space (line breaks included) made one space: wrapped lines and
/// layout padding do not matter to what a sentence says.
inline std::string flat(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

/// The page count `pdfinfo` reports, or -1.
inline int pdfPages(const TempDir& dir, const std::string& pdf) {
  const std::string path = dir.file("info.pdf");
  writeFile(path, pdf);
  std::istringstream info(run("pdfinfo", {path}));
  for (std::string line; std::getline(info, line);) {
    if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
  }
  return -1;
}

/// A greyscale raster of one page: 0 is black, 255 white.
struct GreyImage {
  int width = 0;
  int height = 0;
  std::string pixels;
  int at(int x, int y) const {
    return static_cast<unsigned char>(pixels[static_cast<std::size_t>(y) * width + x]);
  }
};

/// Page `page` of a PDF rendered by pdftoppm at `dpi`, without anti-aliasing so module edges are sharp.
inline GreyImage rasterise(const TempDir& dir, const std::string& pdf, int dpi, int page = 1) {
  const std::string path = dir.file("raster.pdf");
  writeFile(path, pdf);
  const std::string stem = dir.file("raster");
  run("pdftoppm", {"-gray", "-r", std::to_string(dpi), "-aa", "no", "-aaVector", "no", "-f",
                   std::to_string(page), "-l", std::to_string(page), "-singlefile", path, stem});
  const std::string pgm = readFile(stem + ".pgm");
  // Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte per pixel.
  std::istringstream header(pgm);
  std::string magic;
  GreyImage image;
  int max = 0;
  header >> magic >> image.width >> image.height >> max;
  if (magic != "P5" || max != 255) throw std::runtime_error("unexpected pdftoppm output");
  const auto start = static_cast<std::size_t>(header.tellg()) + 1;
  image.pixels = pgm.substr(start);
  if (image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height)) {
    throw std::runtime_error("truncated pdftoppm output");
  }
  return image;
}

}  // namespace cqpm::certificates::probe
