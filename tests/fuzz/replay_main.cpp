// The main() of a harness built without libFuzzer (g++, the ctest smoke run):
// runs LLVMFuzzerTestOneInput over every file of the corpus folders given, then
// over deterministic mutations of them (bytes flipped, inserted, removed,
// spliced, parts repeated) until --seconds have passed. No coverage guidance:
// it proves every seed still passes and shakes the code near them; the real
// search is `make fuzz`. Exit status 0, or the crash of the harness itself.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::string> readCorpus(const std::vector<std::string>& paths) {
  std::vector<std::filesystem::path> files;
  for (const std::string& path : paths) {
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::directory_iterator(path))
        if (entry.is_regular_file()) files.push_back(entry.path());
    } else {
      files.emplace_back(path);
    }
  }
  std::sort(files.begin(), files.end());  // the same order, hence the same mutations, every run
  std::vector<std::string> inputs;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    inputs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return inputs;
}

void runOne(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

// One random edit of `input`, with `other` for splices.
std::string mutate(std::string input, const std::string& other, std::mt19937_64& random) {
  const auto pick = [&](std::size_t bound) { return bound == 0 ? 0 : random() % bound; };
  static constexpr char kInteresting[] = "\"\\{}[]:,;\r\n\t\0\xff-9e.0a=%";
  const int edits = 1 + static_cast<int>(pick(4));
  for (int i = 0; i < edits; ++i) {
    const std::size_t at = pick(input.size() + 1);
    switch (pick(6)) {
      case 0:
        if (!input.empty()) {
          char& flipped = input[pick(input.size())];
          flipped = static_cast<char>(flipped ^ (1u << pick(8)));
        }
        break;
      case 1:
        input.insert(at, 1, kInteresting[pick(sizeof kInteresting - 1)]);
        break;
      case 2:
        input.erase(at, pick(16));
        break;
      case 3: {
        const std::size_t from = pick(other.size() + 1);
        input.insert(at, other.substr(from, pick(64)));
        break;
      }
      case 4: {
        const std::string part = input.substr(at, pick(32));
        for (std::size_t n = pick(8); n > 0; --n) input.insert(at, part);
        break;
      }
      default:
        if (!input.empty()) input[pick(input.size())] = static_cast<char>(random());
        break;
    }
  }
  return input;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 0;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else {
      paths.push_back(arg);
    }
  }
  const std::vector<std::string> corpus = readCorpus(paths);
  if (corpus.empty()) {
    std::fprintf(stderr, "no corpus files in the paths given\n");
    return 2;
  }
  for (const std::string& input : corpus) runOne(input);
  std::mt19937_64 random(12);
  std::uint64_t mutations = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string& base = corpus[random() % corpus.size()];
    const std::string& other = corpus[random() % corpus.size()];
    runOne(mutate(base, other, random));
    ++mutations;
  }
  std::printf("replayed %zu corpus inputs and %llu mutations: no crash\n", corpus.size(),
              static_cast<unsigned long long>(mutations));
  return 0;
}
