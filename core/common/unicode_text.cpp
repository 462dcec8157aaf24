#include "common/unicode_text.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "common/error.h"

namespace cqpm {
namespace {

// The folding transform. Latin-ASCII turns ß into ss, Ł into L, œ into oe, İ and ı into I and i;
// the mark removal catches what it leaves (a Vietnamese letter with two marks).
constexpr const char* kFoldingTransform = "Any-Latin; Latin-ASCII; NFD; [:Nonspacing Mark:] Remove; NFC";

std::unique_ptr<icu::Transliterator> makeFoldingTransliterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> transliterator(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(kFoldingTransform), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !transliterator) {
    throw Error(ErrorCode::kInternal,
                std::string("ICU could not create the folding transform: ") + u_errorName(status));
  }
  return transliterator;
}

// ICU's transliterators are not immutable and must not be shared between threads unsynchronised;
// creating one costs far more than using it. Each thread keeps its own, made on first use: a cache
// of a pure function, not state anything depends on.
icu::Transliterator& threadFoldingTransliterator() {
  thread_local const std::unique_ptr<icu::Transliterator> transliterator = makeFoldingTransliterator();
  return *transliterator;
}

}  // namespace

std::string toNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw Error(ErrorCode::kInternal, "ICU has no NFC normalizer");
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // Most text arrives composed already: checking is cheaper than normalising.
  if (nfc->isNormalized(text, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  const icu::UnicodeString normalised = nfc->normalize(text, status);
  if (U_FAILURE(status)) throw Error(ErrorCode::kInternal, "ICU could not normalise a text");
  std::string out;
  normalised.toUTF8String(out);
  return out;
}

std::string foldedForSearch(std::string_view utf8) {
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  threadFoldingTransliterator().transliterate(text);
  text.foldCase();
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace cqpm
