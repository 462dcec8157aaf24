-- Technicien en maintenance industrielle: the rules of this CQPM.
--
-- 1. The electrical habilitations and the handling authorisations are
--    prerequisites the CQPM does not deliver (source 1.2 and its footnote):
--    registration records those the candidate holds.
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

function M.registration_fields(ctx)
  return {
    { id = "electrical_habilitations", type = "text_list", required = true,
      label = "Habilitations électriques détenues",
      help = "Prérequis à la certification : le CQPM ne délivre pas ces habilitations (par exemple B1V, B2V, BR, BC, H0V).",
      suggestions = { "B0", "B1", "B1V", "B2", "B2V", "B2V Essai", "BR", "BC", "BE Mesure", "BE Vérification", "H0", "H0V" } },
    { id = "handling_authorisations", type = "text_list", required = true,
      label = "Autorisations de conduite d'équipements de manutention détenues",
      help = "Prérequis à la certification : le CQPM ne délivre pas ces autorisations (par exemple CACES R489, R484 pont roulant).",
      suggestions = { "CACES R489", "CACES R485", "CACES R486", "R484 pont roulant", "Autorisation de conduite interne" } },
  }
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
  local refusal = cqpm.defaults.check_modality_plan(ctx)
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
