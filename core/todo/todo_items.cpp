#include "todo/todo_items.h"

#include "certificates/french_dates.h"
#include "todo/todo_states.h"

namespace cqpm::todo {

namespace {

std::string personOf(const store::TodoRow& row) { return row.given_name + " " + row.family_name; }

// The workflow's labels are typed with straight apostrophes; people read ’.
std::string typographic(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\'' ? std::string("’") : std::string(1, c);
  return out;
}

// "Valider …" as the middle of a sentence: "valider …" (the labels start with an ASCII capital).
std::string lowerFirst(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

// "09:30" as French readers write an hour: "9 h 30".
std::string frenchHour(const std::string& hh_mm) {
  if (hh_mm.size() != 5 || hh_mm[2] != ':') return hh_mm;
  const std::string hours = hh_mm[0] == '0' ? hh_mm.substr(1, 1) : hh_mm.substr(0, 2);
  return hours + " h " + hh_mm.substr(3, 2);
}

std::string sessionDay(const store::TodoRow& row) {
  return "du jury du " + certificates::frenchLongDate(row.due_date.value_or(""));
}

TodoItem fileItem(const store::TodoRow& row, std::string kind, std::string label) {
  TodoItem item;
  item.kind = std::move(kind);
  item.file_id = row.file_id;
  item.label = std::move(label);
  return item;
}

// An item about the file's pending report: due on its deadline's day, overdue once it ended.
TodoItem reportItem(const store::TodoRow& row, std::string kind, std::string label) {
  TodoItem item = fileItem(row, std::move(kind), std::move(label));
  item.due = row.due_date;
  item.overdue = row.overdue;
  return item;
}

TodoItem sessionItem(const store::TodoRow& row, std::string label) {
  TodoItem item;
  item.kind = row.kind;
  item.session_id = row.session_id;
  item.label = std::move(label);
  item.due = row.due_date;
  item.overdue = row.overdue;
  return item;
}

TodoItem proposalItem(const store::TodoRow& row, const std::string& verb, const ItemContext& context) {
  TodoItem item;
  item.kind = row.kind;
  item.proposal_id =
      row.proposal_id ? std::optional<std::int64_t>(std::stoll(*row.proposal_id)) : std::nullopt;
  item.label = verb + " la proposition n° " + row.proposal_id.value_or("?") + " de modification du CQPM " +
               context.catalog.titleOf(row.cqpm);
  return item;
}

std::optional<TodoItem> nextStepItem(const store::TodoRow& row, const ItemContext& context) {
  const auto* next = nextStep(context.workflow, row.state);
  if (next == nullptr) return std::nullopt;
  return fileItem(row, row.kind,
                  "CQPM " + context.catalog.titleOf(row.cqpm) +
                      ", prochaine étape : " + lowerFirst(typographic(next->label)));
}

}  // namespace

std::optional<TodoItem> itemOf(const store::TodoRow& row, const ItemContext& context) {
  const std::string& kind = row.kind;
  const std::string person = personOf(row);
  if (kind == "register_file") return fileItem(row, kind, "Inscrire " + person);
  if (kind == "decide_admissibility")
    return fileItem(row, kind, "Examiner la recevabilité de la demande de VAE de " + person);
  if (kind == "agree_modalities")
    return fileItem(row, kind, "Valider les modalités d’évaluation de " + person);
  if (kind == "form_commission") return fileItem(row, kind, "Former la commission d’évaluation de " + person);
  if (kind == "start_evaluation") return fileItem(row, kind, "Ouvrir l’évaluation de " + person);
  if (kind == "request_company_opinion")
    return fileItem(row, kind, "Demander l’avis de l’entreprise sur " + person);
  if (kind == "send_to_jury") return fileItem(row, kind, "Transmettre au jury le dossier de " + person);
  if (kind == "evaluate_competencies") {
    return fileItem(row, kind,
                    "Évaluer les compétences de " + person + " : " + std::to_string(row.planned - row.done) +
                        " sur " + std::to_string(row.planned) + " à remplir ou signer");
  }
  if (kind == "send_opinion_to_jury")
    return fileItem(row, kind,
                    "Transmettre au jury le dossier de " + person + " avec l’avis signé de l’entreprise");
  if (kind == "add_to_jury_session")
    return fileItem(row, kind, "Inscrire le dossier de " + person + " à une session de jury");
  if (kind == "report_overdue")
    return reportItem(row, kind, "Relancer " + person + " : rapport non déposé à l’échéance");
  if (kind == "upload_report" && context.for_candidate)
    return reportItem(row, kind, "Déposer votre rapport pour le CQPM " + context.catalog.titleOf(row.cqpm));
  if (kind == "upload_report") return reportItem(row, kind, "Déposer le rapport de " + person);
  if (kind == "give_opinion") return fileItem(row, kind, "Donner l’avis de l’entreprise sur " + person);
  if (kind == "next_step") return nextStepItem(row, context);
  if (kind == "open_jury_session") return sessionItem(row, "Ouvrir la délibération " + sessionDay(row));
  if (kind == "publish_results") return sessionItem(row, "Publier les résultats " + sessionDay(row));
  if (kind == "attend_jury_session") {
    std::string label = "Siéger au jury du " + certificates::frenchLongDate(row.due_date.value_or(""));
    if (row.detail) label += " à " + frenchHour(*row.detail);
    if (row.place && !row.place->empty()) label += " (" + *row.place + ")";
    return sessionItem(row, label);
  }
  if (kind == "sign_minutes") return sessionItem(row, "Signer le procès-verbal " + sessionDay(row));
  if (kind == "close_jury_session") return sessionItem(row, "Clore la session " + sessionDay(row));
  if (kind == "approve_proposal") return proposalItem(row, "Examiner", context);
  if (kind == "publish_proposal") return proposalItem(row, "Publier", context);
  return std::nullopt;
}

}  // namespace cqpm::todo
