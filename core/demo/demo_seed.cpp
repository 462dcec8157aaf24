#include "demo/demo_seed.h"

#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <Poco/UUIDGenerator.h>

#include <map>

#include "common/clock.h"
#include "common/json_text.h"
#include "demo/demo_evaluation.h"
#include "demo/demo_opinion.h"
#include "demo/demo_report.h"
#include "store/account_store.h"
#include "store/organisation_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::demo {

using domain::Actor;
using domain::OrganisationKind;
using domain::Role;

namespace {

struct DemoAccount {
  const char* login;
  const char* display_name;
  Role role;
  std::optional<domain::College> college;
  const char* organisation;     // key in the organisations map
  const char* email = nullptr;  // candidates: the address their file is registered with
};

struct DemoFile {
  const char* given_name;
  const char* family_name;
  const char* birth_date;
  const char* cqpm;
  domain::Pathway pathway;
  const char* company;                                    // key, or nullptr
  const char* centre;                                     // key
  std::vector<std::pair<const char*, const char*>> path;  // (transition, login firing it)
};

}  // namespace

Poco::JSON::Object::Ptr sampleRegistration(const std::string& cqpm, int variant) {
  Poco::JSON::Object::Ptr registration = new Poco::JSON::Object;
  if (cqpm == "maintenance-industrielle") {
    auto credential = [](const char* symbol, const char* issuer, const char* valid_until) {
      Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
      entry->set("symbol", symbol);
      entry->set("issuer", issuer);
      entry->set("valid_until", valid_until);
      return entry;
    };
    Poco::JSON::Array::Ptr habilitations = new Poco::JSON::Array;
    habilitations->add(credential("B1V", "Mécanique de Précision du Rhône SAS", "2029-06-30"));
    habilitations->add(credential("BR", "Mécanique de Précision du Rhône SAS", "2029-06-30"));
    Poco::JSON::Array::Ptr authorisations = new Poco::JSON::Array;
    authorisations->add(credential("CACES R489", "AFPI Rhône", "2031-03-31"));
    registration->set("electrical_habilitations", habilitations);
    registration->set("handling_authorisations", authorisations);
  } else if (cqpm == "fabrication-additive") {
    registration->set("material_family", variant % 2 == 0 ? "metal_powder" : "polymer_powder");
  }
  return registration;
}

namespace {

// The plan of the numbered competencies, all evaluated by `evaluator`.
Poco::JSON::Array::Ptr samplePlanOf(const std::vector<int>& numbers, const std::string& evaluator,
                                    const std::string& cqpm, const std::string& registration_json,
                                    bool with_projects) {
  Poco::JSON::Array::Ptr plan = new Poco::JSON::Array;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const int number = numbers[i];
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
    entry->set("competency", number);
    entry->set("modality", with_projects && i % 2 == 1 ? "project_presentation" : "real_situation");
    entry->set("planned_date", "2027-0" + std::to_string(1 + static_cast<int>(i) % 9) + "-15");
    entry->set("place", "Atelier de l'entreprise");
    Poco::JSON::Array::Ptr evaluators = new Poco::JSON::Array;
    evaluators->add(evaluator);
    entry->set("evaluators", evaluators);
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    if (cqpm == "maintenance-industrielle" && number == 4) {
      Poco::JSON::Array::Ptr technologies = new Poco::JSON::Array;
      technologies->add("electrical");
      technologies->add("pneumatic");
      details->set("technologies", technologies);
      details->set("intervention_level", "2");
    } else if (cqpm == "maintenance-productive" && number == 1) {
      Poco::JSON::Array::Ptr equipment = new Poco::JSON::Array;
      equipment->add("Ligne d'assemblage automatisée L2");
      equipment->add("Presse à injection P7");
      details->set("automated_equipment", equipment);
    } else if (cqpm == "fabrication-additive" && number == 6 &&
               registration_json.find("metal_powder") != std::string::npos) {
      details->set("heat_treatment_furnace", true);
    }
    entry->set("details", details);
    plan->add(entry);
  }
  return plan;
}

}  // namespace

Poco::JSON::Array::Ptr sampleModalityPlan(const files::ModalityPlanEditor& editor, const std::string& cqpm,
                                          const std::string& registration_json, bool with_projects) {
  std::vector<int> numbers;
  for (const auto& competency : editor.competencies) numbers.push_back(competency.number);
  return samplePlanOf(numbers, editor.evaluators.at(0).id, cqpm, registration_json, with_projects);
}

Poco::JSON::Array::Ptr sampleModalityPlan(const Poco::JSON::Object::Ptr& editor, const std::string& cqpm,
                                          const std::string& registration_json, bool with_projects) {
  const auto competencies = editor->getArray("competencies");
  std::vector<int> numbers;
  for (std::size_t i = 0; i < competencies->size(); ++i) {
    numbers.push_back(competencies->getObject(static_cast<unsigned>(i))->getValue<int>("number"));
  }
  return samplePlanOf(numbers, editor->getArray("evaluators")->getObject(0)->getValue<std::string>("id"),
                      cqpm, registration_json, with_projects);
}

namespace {

std::string newId() { return Poco::UUIDGenerator::defaultGenerator().createRandom().toString(); }

// Territories, SIRETs (fictitious, with a valid checksum) and addresses of the demo's organisations.
void describeDemoOrganisation(const std::string& key, domain::Organisation& organisation) {
  if (key == "centre") {
    organisation.region = "Auvergne-Rhône-Alpes";
    organisation.departements = {"01", "38", "42", "69"};
  } else if (key == "centre2") {
    organisation.region = "Hauts-de-France";
    organisation.departements = {"59", "62"};
  } else if (key == "company") {
    organisation.siret = "45219384700012";
    organisation.address = "12 rue de l'Industrie\n69007 Lyon";
  } else if (key == "company2") {
    organisation.siret = "78301425600011";
    organisation.address = "4 avenue de la Métallurgie\n59000 Lille";
  }
}

std::string emailOf(const std::string& given, const std::string& family) {
  auto simple = [](const std::string& text) {
    std::string out;
    for (char c : text) {
      if (std::isalnum(static_cast<unsigned char>(c)))
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
  };
  return simple(given) + "." + simple(family) + "@exemple.fr";
}

}  // namespace

std::vector<std::string> seedDemo(store::Database& db, files::CandidateFileService& files,
                                  files::TransitionService& transitions, files::ModalityPlanService& plans,
                                  const plugins::PluginCatalog& catalog, const auth::PasswordHasher& hasher,
                                  opinion::CompanyOpinionService& opinions,
                                  evaluation::CommissionService& commissions,
                                  evaluation::EvaluationService& evaluations,
                                  files::VaeAdmissibilityService& admissibility,
                                  documents::DocumentService& documents, const Clock& clock) {
  const bool empty =
      db.read([](store::SqlSession& sql) { return store::organisation_store::count(sql) == 0; });
  if (!empty) return {};

  const std::vector<std::tuple<const char*, OrganisationKind, const char*>> organisations{
      {"platform", OrganisationKind::kPlatform, "CQPM Hub (exploitation)"},
      {"gtp", OrganisationKind::kGtp, "GTP Certifications"},
      {"centre", OrganisationKind::kCentre, "Centre de certification UIMM Rhône-Alpes"},
      {"centre2", OrganisationKind::kCentre, "Centre de certification UIMM Hauts-de-France"},
      {"company", OrganisationKind::kCompany, "Mécanique de Précision du Rhône SAS"},
      {"company2", OrganisationKind::kCompany, "Maintenance Industrielle du Nord SARL"},
  };
  const std::vector<DemoAccount> accounts{
      {"centre", "Claire Moreau", Role::kCentreCoordinator, std::nullopt, "centre"},
      {"centre2", "Julien Lefebvre", Role::kCentreCoordinator, std::nullopt, "centre2"},
      {"entreprise", "Sophie Bernard", Role::kCompanyTutor, std::nullopt, "company"},
      {"candidat", "Lucas Martin", Role::kCandidate, std::nullopt, "centre", "lucas.martin@exemple.fr"},
      {"candidat-vae", "Camille Rousseau", Role::kCandidate, std::nullopt, "centre",
       "camille.rousseau@exemple.fr"},
      {"evaluateur1", "Patrick Girard", Role::kEvaluator, std::nullopt, "centre"},
      {"evaluateur2", "Nathalie Roux", Role::kEvaluator, std::nullopt, "centre"},
      {"jury-employeur", "Bernard Fontaine", Role::kJuryMember, domain::College::kEmployer, "centre"},
      {"jury-salarie", "Isabelle Garnier", Role::kJuryMember, domain::College::kEmployee, "centre"},
      {"gtp-employeur", "Marc Dubois", Role::kGtpAuditor, domain::College::kEmployer, "gtp"},
      {"gtp-salarie", "Hélène Petit", Role::kGtpAuditor, domain::College::kEmployee, "gtp"},
      {"gtp-admin", "Sylvie Laurent", Role::kGtpAdmin, std::nullopt, "gtp"},
      {"admin", "Administrateur CQPM Hub", Role::kAdmin, std::nullopt, "platform"},
  };

  std::map<std::string, domain::Organisation> orgs;
  std::map<std::string, Actor> actors;
  const std::string password_hash = hasher.hash(kDemoPassword);
  db.write([&](store::SqlSession& sql) {
    const std::string now = nowIso8601(clock);
    for (const auto& [key, kind, name] : organisations) {
      domain::Organisation organisation;
      organisation.id = newId();
      organisation.kind = kind;
      organisation.name = name;
      describeDemoOrganisation(key, organisation);
      store::organisation_store::insert(sql, organisation, now);
      orgs[key] = organisation;
    }
    // Each company works with the centre that registers its employees.
    store::organisation_store::linkCompanyToCentre(sql, orgs.at("company").id, orgs.at("centre").id);
    store::organisation_store::linkCompanyToCentre(sql, orgs.at("company2").id, orgs.at("centre2").id);
    for (const DemoAccount& account : accounts) {
      domain::UserAccount user;
      user.id = newId();
      user.login = account.login;
      user.display_name = account.display_name;
      user.email = account.email ? account.email : std::string(account.login) + "@exemple.fr";
      user.password_hash = password_hash;
      user.role = account.role;
      user.college = account.college;
      const domain::Organisation& organisation = orgs.at(account.organisation);
      user.organisation_id = organisation.id;
      store::account_store::insertUser(sql, user, now);
      Actor actor;
      actor.user_id = user.id;
      actor.login = user.login;
      actor.display_name = user.display_name;
      actor.email = user.email;
      actor.role = user.role;
      actor.college = user.college;
      actor.organisation_id = organisation.id;
      actor.organisation_name = organisation.name;
      actor.organisation_kind = organisation.kind;
      actors[account.login] = actor;
    }
  });

  using domain::Pathway;
  const std::vector<DemoFile> demo_files{
      {"Lucas",
       "Martin",
       "1996-04-12",
       "maintenance-industrielle",
       Pathway::kEmployee,
       "company",
       "centre",
       {{workflow::transitions::kRegister, "centre"}, {workflow::transitions::kAgreeModalities, "centre"}}},
      {"Emma", "Lefèvre", "1999-09-03", "industrialisation", Pathway::kEmployee, "company", "centre", {}},
      {"Hugo",
       "Bonnet",
       "1988-01-27",
       "qualite",
       Pathway::kVae,
       nullptr,
       "centre",
       {{workflow::transitions::kRegister, "centre"}}},
      {"Léa",
       "Mercier",
       "2001-06-18",
       "fabrication-additive",
       Pathway::kJobSeeker,
       "company",
       "centre",
       {{workflow::transitions::kRegister, "centre"},
        {workflow::transitions::kAgreeModalities, "centre"},
        {workflow::transitions::kSubmitEvidence, "centre"},
        {workflow::transitions::kStartEvaluation, "evaluateur1"}}},
      {"Nicolas",
       "Faure",
       "1993-11-30",
       "maintenance-productive",
       Pathway::kEmployee,
       "company",
       "centre",
       {{workflow::transitions::kRegister, "centre"},
        {workflow::transitions::kAgreeModalities, "centre"},
        {workflow::transitions::kSubmitEvidence, "entreprise"},
        {workflow::transitions::kStartEvaluation, "evaluateur1"},
        {workflow::transitions::kRequestCompanyOpinion, "evaluateur1"}}},
      {"Camille",
       "Rousseau",
       "1985-02-14",
       "qualite",
       Pathway::kVae,
       nullptr,
       "centre",
       {{workflow::transitions::kRegister, "centre"},
        {workflow::transitions::kAgreeModalities, "centre"},
        {workflow::transitions::kSubmitEvidence, "centre"},
        {workflow::transitions::kStartEvaluation, "evaluateur2"},
        {workflow::transitions::kSendToJuryWithoutOpinion, "evaluateur2"}}},
      {"Thomas",
       "Blanc",
       "1990-07-08",
       "industrialisation",
       Pathway::kEmployee,
       "company",
       "centre",
       {{workflow::transitions::kRegister, "centre"},
        {workflow::transitions::kAgreeModalities, "centre"},
        {workflow::transitions::kSubmitEvidence, "entreprise"},
        {workflow::transitions::kStartEvaluation, "evaluateur1"},
        {workflow::transitions::kRequestCompanyOpinion, "evaluateur1"},
        {workflow::transitions::kGiveCompanyOpinion,
         "entreprise"}}},  // then certified by a jury (demo_juries.cpp)
      {"Manon",
       "Chevalier",
       "1997-12-01",
       "maintenance-industrielle",
       Pathway::kOther,
       "company",
       "centre",
       {{workflow::transitions::kRegister, "centre"}, {workflow::transitions::kWithdraw, "centre"}}},
      {"Antoine",
       "Lambert",
       "1992-03-22",
       "maintenance-productive",
       Pathway::kEmployee,
       "company2",
       "centre2",
       {{workflow::transitions::kRegister, "centre2"}}},
      {"Chloé",
       "Dupuis",
       "1998-08-15",
       "fabrication-additive",
       Pathway::kEmployee,
       "company2",
       "centre2",
       {{workflow::transitions::kRegister, "centre2"}}},
      {"Julie", "Marchand", "1987-05-05", "qualite", Pathway::kVae, nullptr, "centre2", {}},
  };

  int variant = 0;
  for (const DemoFile& demo : demo_files) {
    if (!catalog.find(demo.cqpm)) continue;
    try {
      files::NewFileRequest request;
      request.cqpm = demo.cqpm;
      request.pathway = demo.pathway;
      request.candidate.given_name = demo.given_name;
      request.candidate.family_name = demo.family_name;
      request.candidate.email = emailOf(demo.given_name, demo.family_name);
      request.candidate.birth_date = demo.birth_date;
      if (demo.company) request.company_id = orgs.at(demo.company).id;
      request.registration = sampleRegistration(demo.cqpm, variant++);
      std::string file_id;
      std::int64_t version = 0;
      files.create(actors.at(demo.centre), request, std::nullopt, [&](const store::CandidateFileView& view) {
        file_id = view.file.id;
        version = view.file.version;
        return store::StoredResponse{201, ""};
      });
      for (const auto& [transition, login] : demo.path) {
        if (std::string(transition) == workflow::transitions::kAgreeModalities) {
          const Actor& centre = actors.at(login);
          if (demo.pathway == Pathway::kVae) {  // the guard wants a favourable admissibility first
            admissibility.decide(centre, file_id,
                                 {true,
                                  "Cinq ans d'expérience en contrôle qualité, attestés par les "
                                  "certificats de travail joints à la demande."});
          }
          const auto editor = plans.get(centre, file_id);
          const auto plan = sampleModalityPlan(editor, demo.cqpm, toJsonText(request.registration));
          version = plans.put(centre, file_id, version, plan).file_version;
        }
        if (std::string(transition) ==
            workflow::transitions::kSubmitEvidence) {  // the report of the projects presented
          uploadDemoReport(documents, actors.at(login), file_id,
                           std::string(demo.given_name) + " " + demo.family_name, catalog.titleOf(demo.cqpm));
        }
        if (std::string(transition) == workflow::transitions::kGiveCompanyOpinion) {
          signSampleOpinion(opinions, actors.at(login), file_id);  // the guard wants it signed
        }
        prepareEvaluationStep(commissions, evaluations, actors.at(demo.centre),
                              {actors.at("evaluateur1"), actors.at("evaluateur2")}, file_id, transition);
        files::TransitionRequest step{file_id, transition, version, new Poco::JSON::Object};
        if (std::string(transition) == workflow::transitions::kWithdraw)
          step.payload->set("reason", "Le candidat a quitté l'entreprise.");
        transitions.fire(actors.at(login), step, std::nullopt, [&](const store::CandidateFileView& view) {
          version = view.file.version;
          return store::StoredResponse{200, ""};
        });
      }
    } catch (const Error& e) {
      // A CQPM whose rules refuse or fail leaves its demo file where it got to.
      Poco::Logger::get("demo").warning("demo file of %s %s stops early: %s", std::string(demo.given_name),
                                        std::string(demo.family_name), std::string(e.what()));
    }
  }

  std::vector<std::string> logins;
  for (const auto& account : accounts) logins.emplace_back(account.login);
  return logins;
}

}  // namespace cqpm::demo
