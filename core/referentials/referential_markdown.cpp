#include "referentials/referential_markdown.h"

#include <Poco/JSON/Array.h>

#include "common/error.h"
#include "referential_model/referential_fields.h"
#include "referentials/markdown_escape.h"

namespace cqpm::referentials {

using referential_model::competencyNumber;
using referential_model::itemPath;
using referential_model::memberPath;
using referential_model::objectList;
using referential_model::objectMember;
using referential_model::stringMember;
using referential_model::textList;

namespace {

using Poco::JSON::Object;

struct CriteriaHeading {
  std::string_view group;
  std::string_view heading;
};

constexpr CriteriaHeading kCriteriaHeadings[] = {
    {"methods", "Méthodes utilisées"},
    {"means", "Moyens utilisés"},
    {"relations", "Liens professionnels"},
    {"environment", "Contraintes liées au milieu et à l'environnement de travail"},
};

const char* pathwayName(const std::string& pathway) {
  if (pathway == "vae") return "VAE";
  if (pathway == "employee") return "salariés";
  if (pathway == "job_seeker") return "demandeurs d'emploi";
  if (pathway == "other") return "autres publics";
  return nullptr;
}

// Appends blocks separated by one blank line.
class MarkdownWriter {
 public:
  void block(const std::string& text) {
    if (!out_.empty()) out_ += "\n\n";
    out_ += text;
  }
  void heading(int level, const std::string& text) {
    block(std::string(static_cast<std::size_t>(level), '#') + " " + text);
  }
  void paragraphs(const std::vector<std::string>& texts) {
    for (const auto& text : texts) {
      const std::string escaped = escapeMarkdownBlock(text);
      if (!escaped.empty()) block(escaped);
    }
  }
  void list(const std::vector<std::string>& items) {
    if (items.empty()) return block("*Aucun élément.*");
    std::string text;
    for (const auto& item : items) {
      if (!text.empty()) text += '\n';
      text += "- " + escapeMarkdownBlock(item);
    }
    block(text);
  }
  void section(const std::string& title, const std::vector<std::string>& texts) {
    if (texts.empty()) return;
    heading(2, title);
    paragraphs(texts);
  }
  std::string finish() const { return out_ + "\n"; }

 private:
  std::string out_;
};

void header(const Object::Ptr& referential, const std::string& version_label, MarkdownWriter& out) {
  out.heading(
      1, escapeMarkdownHeading(stringMember(referential, "title", "").value_or("Référentiel sans titre")));
  std::string facts = "- Version : " + escapeMarkdownInline(version_label);
  if (const auto id = stringMember(referential, "id", ""))
    facts += "\n- Identifiant : " + escapeMarkdownInline(*id);
  if (const auto source = objectMember(referential, "source", "")) {
    facts += "\n- Document source : " +
             escapeMarkdownInline(stringMember(source, "document", "source").value_or("non précisé"));
    if (const auto title = stringMember(source, "title", "source"))
      facts += " (" + escapeMarkdownInline(*title) + ")";
  }
  out.block(facts);
}

void activities(const Object::Ptr& referential, MarkdownWriter& out) {
  const auto items = objectList(referential, "activities", "");
  if (items.empty()) return;
  out.heading(2, "Activités");
  for (std::size_t a = 0; a < items.size(); ++a) {
    const std::string path = itemPath("activities", a);
    out.heading(3, "Activité " + std::to_string(a + 1) + " — " +
                       escapeMarkdownHeading(stringMember(items[a], "title", path).value_or("")));
    out.paragraphs(textList(items[a], "description", path));
  }
}

void competency(const Object::Ptr& competency, const std::string& path, MarkdownWriter& out) {
  out.heading(3, "Compétence " + std::to_string(competencyNumber(competency, path)) + " — " +
                     escapeMarkdownHeading(stringMember(competency, "title", path).value_or("")));
  out.heading(4, "Conditions de réalisation");
  out.list(textList(competency, "conditions", path));
  out.heading(4, "Critères mesurables et observables");
  const std::string criteria_path = memberPath(path, "criteria");
  const auto criteria = objectMember(competency, "criteria", path);
  for (const auto& [group, heading] : kCriteriaHeadings) {
    out.block("**" + std::string(heading) + "**");
    out.list(textList(criteria, std::string(group), criteria_path));
  }
  out.heading(4, "Résultats attendus");
  out.list(textList(competency, "expected_results", path));
}

void blocs(const Object::Ptr& referential, MarkdownWriter& out) {
  const auto items = objectList(referential, "blocs", "");
  for (std::size_t b = 0; b < items.size(); ++b) {
    const std::string path = itemPath("blocs", b);
    const auto code = stringMember(items[b], "code", path);
    out.heading(2, "Bloc " + std::to_string(b + 1) + " — " +
                       (code ? escapeMarkdownHeading(*code) : std::string("« code non attribué »")) + " — " +
                       escapeMarkdownHeading(stringMember(items[b], "title", path).value_or("")));
    out.block("**Connaissances associées**");
    out.list(textList(items[b], "knowledge", path));
    const auto competencies = objectList(items[b], "competencies", path);
    for (std::size_t c = 0; c < competencies.size(); ++c) {
      competency(competencies[c], itemPath(memberPath(path, "competencies"), c), out);
    }
  }
}

std::string modalityMarks(const Object::Ptr& modality, const std::string& path) {
  std::vector<std::string> marks;
  if (modality->has("exceptional") && modality->get("exceptional").type() == typeid(bool) &&
      modality->get("exceptional").extract<bool>()) {
    marks.emplace_back("à titre exceptionnel");
  }
  std::string excluded;
  for (const auto& pathway : textList(modality, "excluded_pathways", path)) {
    const char* name = pathwayName(pathway);
    if (!excluded.empty()) excluded += ", ";
    excluded += name ? std::string(name) : escapeMarkdownHeading(pathway);
  }
  if (!excluded.empty()) marks.push_back("hors " + excluded);
  std::string text;
  for (const auto& mark : marks) text += (text.empty() ? " (" : " ; ") + mark;
  return text.empty() ? text : text + ")";
}

void modalities(const Object::Ptr& referential, MarkdownWriter& out) {
  const auto items = objectList(referential, "modalities", "");
  if (items.empty()) return;
  out.heading(2, "Modalités d'évaluation");
  for (std::size_t m = 0; m < items.size(); ++m) {
    const std::string path = itemPath("modalities", m);
    const auto label = stringMember(items[m], "label", path);
    const auto id = stringMember(items[m], "id", path);
    out.heading(3, escapeMarkdownHeading(label.value_or(id.value_or(""))) + modalityMarks(items[m], path));
    out.paragraphs(textList(items[m], "description", path));
  }
}

void notes(const Object::Ptr& referential, MarkdownWriter& out) {
  const auto items = objectList(referential, "notes", "");
  if (items.empty()) return;
  out.heading(2, "Notes");
  for (std::size_t n = 0; n < items.size(); ++n) {
    const std::string path = itemPath("notes", n);
    out.heading(3, escapeMarkdownHeading(stringMember(items[n], "title", path).value_or("")));
    out.paragraphs(textList(items[n], "text", path));
  }
}

}  // namespace

std::string renderReferentialMarkdown(const Poco::JSON::Object::Ptr& referential,
                                      const std::string& version_label) {
  if (!referential) throw Error(ErrorCode::kInvalidField, "Le référentiel est absent.");
  MarkdownWriter out;
  header(referential, version_label, out);
  out.section("Mission", textList(referential, "mission", ""));
  activities(referential, out);
  out.section("Environnement de travail", textList(referential, "work_environment", ""));
  out.section("Interactions dans l'environnement de travail", textList(referential, "interactions", ""));
  out.section("Analyse et évolutions du métier", textList(referential, "evolutions", ""));
  blocs(referential, out);
  out.section("Évaluation", textList(referential, "evaluation", ""));
  modalities(referential, out);
  out.section("Conditions d'admissibilité", textList(referential, "admissibility", ""));
  notes(referential, out);
  return out.finish();
}

}  // namespace cqpm::referentials
