-- Opérateur en fabrication additive: the rules of this CQPM.
--
-- 1. The candidate works with one family of raw material (poudre métallique,
--    polymères or sables: the CQPM's title): it is chosen at registration and
--    shapes the file.
-- 2. Competency 6: "un four de traitement thermique est mis en œuvre pour les
--    pièces métalliques" (its means). For a metal-powder file the plan of
--    competency 6 must provide the heat-treatment furnace; for polymer or sand
--    the seed requires nothing, so a centre may still plan one (never refused).
-- 3. External habilitations (handling, mechanical risks...) are planned besides
--    the CQPM, which does not deliver them (source 1.2, footnote): registration
--    may record those planned.

local M = {}

local MATERIALS = {
  { id = "metal_powder", label = "Poudre métallique" },
  { id = "polymer_powder", label = "Poudre polymère" },
  { id = "sand", label = "Sable" },
}

function M.registration_fields(ctx)
  return {
    { id = "material_family", type = "choice", required = true, label = "Famille de matière première",
      choices = MATERIALS },
    { id = "planned_external_habilitations", type = "text_list", required = false,
      label = "Habilitations externes prévues en complément du CQPM",
      help = "Le CQPM ne forme pas et ne permet pas l'obtention des habilitations : elles sont à prévoir en complément." },
  }
end

function M.plan_fields(ctx)
  local metal = (ctx.file.registration or {}).material_family == "metal_powder"
  return {
    [6] = {
      { id = "heat_treatment_furnace", type = "boolean", required = metal,
        label = metal and "Four de traitement thermique mis à disposition (pièces métalliques)"
                      or "Four de traitement thermique mis à disposition (facultatif hors pièces métalliques)" },
    },
  }
end

function M.check_modality_plan(ctx)
  local refusal = cqpm.defaults.check_modality_plan(ctx)
  if refusal then return refusal end
  local material = (ctx.file.registration or {}).material_family
  for index, entry in ipairs(ctx.plan) do
    if entry.competency == 6 then
      local furnace = (entry.details or {}).heat_treatment_furnace
      if material == "metal_powder" and furnace ~= true then
        return cqpm.plan_refusal(index, 6, "details.heat_treatment_furnace",
          "metal parts are post-treated on a heat-treatment furnace: plan one",
          "les pièces métalliques sont post-traitées sur un four de traitement thermique : prévoyez-le.")
      end
    end
  end
  return nil
end

return M
