-- Technicien en maintenance industrielle: the rules of this CQPM.
--
-- 1. The electrical habilitations and the handling authorisations are
--    prerequisites the CQPM does not deliver (source 1.2 and its footnote):
--    registration records those the candidate holds, each typed (symbol, who
--    issued it, until when it is valid), and every one must still be valid on
--    each planned evaluation date.
-- 2. Competency 4 is carried out "on equipment combining at least two
--    technologies among electrical, mechanical, pneumatic", in a "2nd or 3rd
--    level intervention" (its conditions of realisation): the modality plan
--    of competency 4 says which technologies and which level, and is refused
--    otherwise.

local M = {}

local TECHNOLOGIES = {
  { id = "electrical", label = "Électrique" },
  { id = "mechanical", label = "Mécanique" },
  { id = "pneumatic", label = "Pneumatique" },
}
local LEVELS = { { id = "2", label = "2e niveau" }, { id = "3", label = "3e niveau" } }

-- The symbols of electrical habilitations (NF C 18-510).
local ELECTRICAL_SYMBOLS = {
  "B0", "B0V", "B1", "B1V", "B2", "B2V", "B2V Essai", "BR", "BC", "BE Essai", "BE Mesure", "BE Vérification",
  "BE Manœuvre", "BF", "BS", "BP", "H0", "H0V", "H1", "H1V", "H2", "H2V", "H2V Essai", "HC", "HE Essai",
  "HE Mesure", "HE Vérification", "HE Manœuvre",
}

function M.registration_fields(ctx)
  return {
    { id = "electrical_habilitations", type = "credential_list", required = true, closed = true,
      label = "Habilitations électriques détenues",
      help = "Prérequis à la certification : le CQPM ne délivre pas ces habilitations. Pour chacune : son symbole, qui l'a délivrée, et jusqu'à quand elle est valable ; elle doit l'être à chaque date d'évaluation.",
      symbols = ELECTRICAL_SYMBOLS },
    { id = "handling_authorisations", type = "credential_list", required = true, closed = false,
      label = "Autorisations de conduite d'équipements de manutention détenues",
      help = "Prérequis à la certification : le CQPM ne délivre pas ces autorisations (par exemple CACES R489, R484 pont roulant). Pour chacune : qui l'a délivrée et jusqu'à quand elle est valable.",
      symbols = { "CACES R489", "CACES R485", "CACES R486", "R484 pont roulant", "Autorisation de conduite interne" } },
  }
end

local CREDENTIAL_FIELDS = {
  { id = "electrical_habilitations", words = "electrical habilitation", words_fr = "l'habilitation électrique" },
  { id = "handling_authorisations", words = "handling authorisation", words_fr = "l'autorisation de conduite" },
}

-- Every habilitation and authorisation must still be valid on each planned
-- evaluation date: the first entry of the plan that falls after one expires.
local function credentials_valid_on_plan(ctx)
  local registration = ctx.file.registration or {}
  for index, entry in ipairs(ctx.plan or {}) do
    if cqpm.is_date(entry.planned_date) then
      for _, field in ipairs(CREDENTIAL_FIELDS) do
        for _, credential in ipairs(cqpm.credentials(registration[field.id])) do
          if credential.valid_until < entry.planned_date then
            return cqpm.plan_refusal(index, entry.competency, "planned_date",
              "the " .. field.words .. " " .. credential.symbol .. " (" .. credential.issuer .. ") expires on " ..
                credential.valid_until .. ", before this evaluation (" .. entry.planned_date .. ")",
              field.words_fr .. " " .. credential.symbol .. " (délivrée par " .. credential.issuer .. ") expire le " ..
                cqpm.french_date(credential.valid_until) .. ", avant la date d'évaluation prévue (" ..
                cqpm.french_date(entry.planned_date) .. ") : renouvelez-la ou avancez l'évaluation.")
          end
        end
      end
    end
  end
  return nil
end

function M.plan_fields(ctx)
  return {
    [4] = {
      { id = "technologies", type = "choices", label = "Technologies de l'équipement (au moins deux)", min = 2,
        choices = TECHNOLOGIES },
      { id = "intervention_level", type = "choice", label = "Niveau d'intervention", choices = LEVELS },
    },
  }
end

local function known(list, id)
  for _, entry in ipairs(list) do
    if entry.id == id then return true end
  end
  return false
end

function M.check_modality_plan(ctx)
  local refusal = cqpm.defaults.check_modality_plan(ctx) or credentials_valid_on_plan(ctx)
  if refusal then return refusal end
  for index, entry in ipairs(ctx.plan) do
    if entry.competency == 4 then
      local details = entry.details or {}
      local distinct, count = {}, 0
      for _, technology in ipairs(details.technologies or {}) do
        if not known(TECHNOLOGIES, technology) then
          return cqpm.plan_refusal(index, 4, "details.technologies", "unknown technology " .. tostring(technology),
                                   "technologie inconnue : " .. tostring(technology) .. ".")
        end
        if not distinct[technology] then count = count + 1 end
        distinct[technology] = true
      end
      if count < 2 then
        return cqpm.plan_refusal(index, 4, "details.technologies",
          "the equipment must combine at least two of electrical, mechanical, pneumatic",
          "l'équipement doit comporter au moins deux technologies parmi électrique, mécanique, pneumatique.")
      end
      if not known(LEVELS, tostring(details.intervention_level)) then
        return cqpm.plan_refusal(index, 4, "details.intervention_level",
          "the intervention must be of the 2nd or 3rd level",
          "l'intervention doit être de 2e ou de 3e niveau.")
      end
    end
  end
  return nil
end

return M
